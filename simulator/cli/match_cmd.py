"""``frontline match SCENARIO NODE TEXT [--json]`` and ``frontline match SCENARIO --batch FILE.jsonl``.

Ranks a node's options against a typed reply (open answers, ``simulator.matching``), for trainers
tuning ``also:`` phrasings. One reply: a table of options with confidences and whether the reply
was understood, or with ``--json`` one object ``{"ranked": [{"id", "confidence"}], "understood"}``.
Batch: each input line ``{"node": ..., "text": ...}`` gives one output line (the same object plus
``node``), or ``{"line": N, "error": ...}`` for a line that cannot be matched; the exit code is
then 1. Exit 1 for a scenario that does not load, 2 for bad arguments or a missing node.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from simulator.cli.common import add_scenario_argument, load_scenario_arg

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands
    from simulator.matching import MatchResult, ScenarioMatcher

MAX_TEXT = 2000
BAD_ARGUMENTS = 2


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "match", help="rank a node's options against a typed reply (open answers)",
        description="Rank the options of one decision against what a learner typed, with a confidence "
        "for each and whether the reply was understood. Use it to tune a choice's 'also:' phrasings.",
    )
    add_scenario_argument(parser)
    parser.add_argument("node", nargs="?", help="the decision's node id")
    parser.add_argument("text", nargs="?", help="the typed reply (quote it)")
    parser.add_argument("--json", action="store_true", help="print JSON: {ranked: [{id, confidence}], understood}")
    parser.add_argument("--batch", metavar="FILE.jsonl",
                        help="match many replies: one {\"node\": ..., \"text\": ...} per line ('-' for standard input)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.batch is None and (args.node is None or args.text is None):
        return _usage("give NODE and TEXT, or --batch FILE.jsonl")
    if args.batch is not None and (args.node is not None or args.text is not None):
        return _usage("--batch reads node and text from the file; do not give NODE or TEXT as well")
    loaded = load_scenario_arg(args.scenario)
    if loaded is None:
        return 1
    from simulator.matching import ScenarioMatcher

    matcher = ScenarioMatcher(loaded.scenario)
    if args.batch is not None:
        return _run_batch(matcher, args.batch)
    problem = _node_problem(matcher, args.node)
    if problem:
        print(f"match: {problem}", file=sys.stderr)
        return BAD_ARGUMENTS
    result = matcher.match(args.node, args.text[:MAX_TEXT])
    if args.json:
        print(json.dumps(result.to_json()))
    else:
        _print_table(matcher, args.node, result)
    return 0


def _usage(message: str) -> int:
    print(f"match: {message} (see: match --help)", file=sys.stderr)
    return BAD_ARGUMENTS


def _node_problem(matcher: ScenarioMatcher, node_id: str) -> str | None:
    nodes = matcher.scenario.nodes
    decisions = [key for key, node in nodes.items() if node.choices]
    if node_id not in nodes:
        shown = ", ".join(decisions[:8]) + (", ..." if len(decisions) > 8 else "")
        return f"no node '{node_id}' in {matcher.scenario.id} (decisions: {shown})"
    if not nodes[node_id].choices:
        return f"node '{node_id}' in {matcher.scenario.id} is an ending and has no options to match"
    return None


def _print_table(matcher: ScenarioMatcher, node_id: str, result: MatchResult) -> None:
    texts = {option.id: option.text for option in matcher.options(node_id)}
    verdict = f"understood: {result.best.id}" if result.understood and result.best else \
        "not understood: nothing matches well; show the options"
    print(verdict)
    for rank in result.ranked:
        text = texts[rank.id]
        print(f"  {rank.confidence:5.0%}  {rank.id:<28} {text[:70]}{'...' if len(text) > 70 else ''}")


def _batch_line(matcher: ScenarioMatcher, number: int, line: str) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except ValueError as error:
        return {"line": number, "error": f"not JSON ({error}); each line must be {{\"node\": ..., \"text\": ...}}"}
    if not isinstance(item, dict) or not isinstance(item.get("node"), str) or not isinstance(item.get("text"), str):
        return {"line": number, "error": "each line must be an object with text fields 'node' and 'text'"}
    problem = _node_problem(matcher, item["node"])
    if problem:
        return {"line": number, "error": problem}
    return {"node": item["node"], **matcher.match(item["node"], item["text"][:MAX_TEXT]).to_json()}


def _run_batch(matcher: ScenarioMatcher, source: str) -> int:
    try:
        handle = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        print(f"match: cannot read {source}: {error.strerror or error}", file=sys.stderr)
        return BAD_ARGUMENTS
    failed = 0
    try:
        with handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                out = _batch_line(matcher, number, line)
                failed += "error" in out
                print(json.dumps(out, ensure_ascii=False))
    except UnicodeDecodeError:
        print(f"match: {source} is not UTF-8 text; save it as UTF-8 JSON Lines", file=sys.stderr)
        return BAD_ARGUMENTS
    if failed:
        print(f"match: {failed} line(s) could not be matched (see their 'error')", file=sys.stderr)
    return 1 if failed else 0
