"""``frontline validate PATH...``: check scenario files; exit 0 when all are valid, 1 otherwise."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.common import add_answer_cache, path_inputs

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "validate", help="check scenario files and report every problem",
        description="Check scenario files (or folders of them). Prints one line per problem as "
        "file:line:col: message (fix: ...). Exit 0 when every file is valid, 1 otherwise.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="scenario file or folder")
    parser.add_argument("--quiet", "-q", action="store_true", help="print problems only")
    add_answer_cache(parser, path_inputs)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from scoring.catalog import default_catalog
    from simulator.content.files import discover_translations, translation_source
    from simulator.content.loader import check_paths

    ids = default_catalog().ids()
    translations = [p for p in args.paths if translation_source(p) is not None]  # <name>.<lang>.yaml, named
    others = [p for p in args.paths if p not in translations]
    translations += discover_translations(others)  # and those in the folders named
    reports = [(r.path, r.problems) for r in (check_paths(others, ids) if others else [])]
    if translations:
        from simulator.i18n.lint import validate_translation

        reports += [(p, tuple(validate_translation(p, ids))) for p in translations]
    if not reports:
        print("no scenario files found in: " + ", ".join(map(str, args.paths)), file=sys.stderr)
        return 1
    bad = 0
    for path, problems in reports:
        if not problems:
            if not args.quiet:
                print(f"ok   {path}")
            continue
        bad += 1
        for problem in problems:
            print(problem.format())
    if not args.quiet or bad:
        print(f"{len(reports) - bad} valid, {bad} invalid", file=sys.stderr)
    return 1 if bad else 0
