"""``frontline new ID``: write a valid starter scenario and its test plan, never overwriting."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new", help="write a starter scenario (and its test plan) to edit",
        description="Write a small, valid starter scenario to scenarios/<id_snake>.yaml (or --out FILE) "
        "with its test plan beside it (<name>.plan.yaml). Refuses to overwrite existing files.",
    )
    parser.add_argument("id", help="scenario id, e.g. angry-billing-dispute")
    parser.add_argument("--out", type=Path, metavar="FILE", help="where to write the scenario")
    parser.add_argument("--no-plan", action="store_true", help="do not write a test plan")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from simulator.authoring.scaffold import write_new

    try:
        written = write_new(args.id, args.out, with_plan=not args.no_plan)
    except (ValueError, FileExistsError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(f"next: edit {written[0]}, then run: python main.py lint {written[0]}", file=sys.stderr)
    return 0
