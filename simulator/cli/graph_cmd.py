"""``frontline graph SCENARIO``: the branching as a Mermaid or Graphviz DOT diagram.

Exit codes: 0 written; 1 the scenario cannot be loaded or ``--out`` cannot be written; 3 with
``--results``, the results database cannot be used (``graph: <why>``, as every results command).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.common import STORE_FAILED_EXIT, add_db_flag, add_scenario_argument, load_scenario_arg

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "graph", help="draw the branching as a Mermaid or DOT diagram",
        description="Write the scenario's branching as a diagram: endings coloured by outcome, edges "
        "labelled with the option and its grades (dashed: has a condition). Mermaid renders on GitHub "
        "and in most editors; DOT needs Graphviz (dot -Tsvg). With --results, edge labels also show how "
        "often players took each option, from the results store (--db URL, else $FRONTLINE_DB).",
    )
    add_scenario_argument(parser)
    parser.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="write to FILE instead of printing (- for standard output)")
    parser.add_argument("--results", action="store_true", help="show how often players took each option")
    add_db_flag(parser, "results store URL (default: $FRONTLINE_DB or the local file)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from simulator.authoring.diagram import dot, mermaid

    loaded = load_scenario_arg(args.scenario)
    if loaded is None:
        return 1
    counts = None
    if args.results or args.db:
        counts = _counts(args.db, loaded.scenario.id)
        if counts is None:
            return STORE_FAILED_EXIT
    text = (mermaid if args.format == "mermaid" else dot)(loaded.scenario, counts)
    if args.out is None or str(args.out) == "-":  # '-': standard output, as for report and results
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"error: cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _counts(url: str | None, scenario_id: str) -> dict[tuple[str, str], int] | None:
    """Choice counts from the results store, or None (after printing why) when it cannot be read."""
    try:
        from simulator.authoring.diagram import choice_counts
        from simulator.results.location import StoreError
        from simulator.results.store import open_store
    except ImportError as error:  # pragma: no cover - the results package ships with the game
        print(f"error: results are not available: {error}", file=sys.stderr)
        return None
    try:
        with open_store(url, create=False) as store:  # a mistyped --db creates nothing
            return choice_counts(store.iter_records(), scenario_id)
    except StoreError as error:
        print(f"graph: {error}", file=sys.stderr)
        return None
