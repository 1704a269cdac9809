"""``frontline test [PATH...]``: run scenario test plans; exit 1 when any plan fails.

PATHs are scenario files (their ``.plan.yaml`` beside them), plan files, or folders (every plan in
them); the default is the shipped ``scenarios/`` folder.
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
        "test", help="run scenario test plans (<name>.plan.yaml)",
        description="Play the paths written in test plans (<name>.plan.yaml beside <name>.yaml) and "
        "check the outcome, scores and nodes reached. Exit 1 when any plan fails.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="scenario files, plan files or folders (default: scenarios/)")
    parser.add_argument("--quiet", "-q", action="store_true", help="print failures only")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from scoring.catalog import default_catalog
    from simulator.authoring.plan_runner import collect, run_target
    from simulator.content.files import translation_source
    from simulator.paths import SCENARIOS_DIR

    for path in args.paths:
        source = translation_source(path)
        if source is not None:
            print(f"{path}: a translation of {source}; test plans run on the source (test {source}), and "
                  f"validate/lint check that the translation keeps its structure, so its plans pass alike",
                  file=sys.stderr)
            return 1
    catalog = default_catalog()
    targets = collect(list(args.paths) or [SCENARIOS_DIR])
    if not targets:
        print("no scenarios or test plans found in: " + ", ".join(map(str, args.paths or [SCENARIOS_DIR])),
              file=sys.stderr)
        return 1
    passed = failed = 0
    for target in targets:
        result = run_target(target, catalog)
        label = target.plan or target.scenario
        if result.note and not args.quiet:
            print(f"note {target.scenario}: {result.note}")
        for error in result.errors:
            failed += 1
            print(f"FAIL {label}: cannot run the plans\n     {error}")
        for plan in result.results:
            if plan.passed:
                passed += 1
                if not args.quiet:
                    print(f"pass {label} :: {plan.name}  ({plan.outcome}, score {plan.overall})")
                continue
            failed += 1
            print(f"FAIL {label} :: {plan.name}  ({plan.where})")
            for failure in plan.failures:
                print(f"     {failure}")
    print(f"{passed} passed, {failed} failed", file=sys.stderr)
    return 1 if failed else 0
