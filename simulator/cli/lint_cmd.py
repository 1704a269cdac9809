"""``frontline lint PATH...``: checks that scenarios teach well (codes in docs/lint-codes.md).

Exit 0 when no file has an error (with ``--strict``: no error and no warning), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.common import add_answer_cache, path_inputs

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "lint", help="check that scenarios teach well (beyond being valid)",
        description="Check scenario files (or folders) for unreachable nodes, dead ends, loops with no "
        "way out, ungraded options, unreachable best scores, dominated options, timers and text that "
        "does not fit the screen. One line per finding: file:line:col: CODE severity: message (fix: ...). "
        "Every code is explained in docs/lint-codes.md.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="scenario file or folder")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--json", action="store_true", help="print JSON for machines")
    parser.add_argument("--no-info", action="store_true", help="hide info findings")
    add_answer_cache(parser, path_inputs)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from scoring.catalog import default_catalog
    from simulator.authoring.lint import lint_file
    from simulator.content.files import discover, discover_translations

    files = discover(list(args.paths)) + discover_translations(list(args.paths))  # translations checked as such
    if not files:
        print("no scenario files found in: " + ", ".join(map(str, args.paths)), file=sys.stderr)
        return 1
    ids = default_catalog().ids()
    results = {str(path): lint_file(path, ids) for path in files}
    if args.no_info:
        results = {k: [f for f in v if f.severity != "info"] for k, v in results.items()}
    failing = {"error"} | ({"warning"} if args.strict else set())
    counts = {s: sum(f.severity == s for v in results.values() for f in v) for s in ("error", "warning", "info")}
    failed = any(f.severity in failing for v in results.values() for f in v)
    if args.json:
        print(json.dumps({"files": {k: [f.to_dict() for f in v] for k, v in results.items()},
                          "counts": counts, "strict": args.strict, "ok": not failed}, indent=2))
    else:
        for findings in results.values():
            for finding in findings:
                print(finding.format())
        print(f"{len(files)} file(s): {counts['error']} error(s), {counts['warning']} warning(s), "
              f"{counts['info']} info", file=sys.stderr)
    return 1 if failed else 0
