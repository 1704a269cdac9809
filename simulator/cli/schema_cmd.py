"""``frontline schema``: print (or write, or check) the JSON Schema of the scenario format.

The schema ships as ``assets/schema/scenario.schema.json`` (package data, in every wheel). Output
and exit codes: no flag prints the schema generated from the models (the shipped file's exact
text) and exits 0; ``--out FILE`` writes that text to FILE instead; ``--path`` prints where the
shipped file is; ``--check`` exits 1, naming the command that regenerates it, when the shipped
file is missing or differs from the models. A file that cannot be written exits 1 with a message.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "schema", help="print the JSON Schema of the scenario format",
        description="Print the JSON Schema of scenario format v1. Editors with YAML support "
        "(yaml-language-server) use it to autocomplete keys and flag mistakes while you type; "
        "it ships with Frontline as assets/schema/scenario.schema.json.",
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--out", type=Path, metavar="FILE",
                      help="write the schema to FILE (e.g. beside your scenarios as scenario.schema.json)")
    what.add_argument("--path", action="store_true", help="print where the shipped schema file is")
    what.add_argument("--check", action="store_true",
                      help="exit 1 if the shipped schema file differs from the scenario models")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from simulator.authoring.schema import SCHEMA_FILE

    if args.path:
        print(SCHEMA_FILE)
        return 0
    text = _generated()
    if args.check:
        return _check(text)
    out = args.out
    if out is None or str(out) == "-":  # '-': standard output, as for report and results
        sys.stdout.write(text)
        return 0
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"error: could not write the schema to {out}: {error} (fix: pick a folder you can write to)",
              file=sys.stderr)
        return 1
    print(f"wrote {out}", file=sys.stderr)
    return 0


def _generated() -> str:
    from scoring.catalog import default_catalog
    from simulator.authoring.schema import schema_text

    return schema_text(default_catalog().ids())


def _check(text: str) -> int:
    from simulator.authoring.schema import REGENERATE, SCHEMA_FILE, shipped_schema_text

    try:
        shipped = shipped_schema_text()
    except OSError as error:
        print(f"error: the shipped schema {SCHEMA_FILE} cannot be read ({error}); fix: {REGENERATE}",
              file=sys.stderr)
        return 1
    if shipped != text:
        print(f"error: {SCHEMA_FILE} is stale (the scenario models changed); fix: {REGENERATE}", file=sys.stderr)
        return 1
    print(f"{SCHEMA_FILE} is up to date", file=sys.stderr)
    return 0
