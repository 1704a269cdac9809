"""``frontline schema``: print the JSON Schema of the scenario format (docs/scenario.schema.json)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "schema", help="print the JSON Schema of the scenario format",
        description="Print the JSON Schema of scenario format v1. Editors with YAML support "
        "(yaml-language-server) use it to autocomplete keys and flag mistakes while you type; "
        "it is committed as docs/scenario.schema.json.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from scoring.catalog import default_catalog
    from simulator.authoring.schema import schema_text

    sys.stdout.write(schema_text(default_catalog().ids()))
    return 0
