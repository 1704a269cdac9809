"""``frontline validate PATH...``: check scenario files; exit 0 when all are valid, 1 otherwise."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate", help="check scenario files and report every problem",
        description="Check scenario files (or folders of them). Prints one line per problem as "
        "file:line:col: message (fix: ...). Exit 0 when every file is valid, 1 otherwise.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="scenario file or folder")
    parser.add_argument("--quiet", "-q", action="store_true", help="print problems only")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from scoring.catalog import default_catalog
    from simulator.content.loader import check_paths

    reports = check_paths(list(args.paths), default_catalog().ids())
    if not reports:
        print("no scenario files found in: " + ", ".join(map(str, args.paths)), file=sys.stderr)
        return 1
    bad = 0
    for report in reports:
        if report.ok:
            if not args.quiet:
                print(f"ok   {report.path}")
            continue
        bad += 1
        for problem in report.problems:
            print(problem.format())
    if not args.quiet or bad:
        print(f"{len(reports) - bad} valid, {bad} invalid", file=sys.stderr)
    return 1 if bad else 0
