"""``frontline explore SCENARIO``: exact counts, best/worst scores with their paths, random runs."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from simulator.cli.common import add_scenario_argument, load_scenario_arg


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "explore", help="analyse every path: counts, best and worst scores, outcomes",
        description="Analyse every play-through of a scenario exactly (without listing them one by "
        "one): counts of nodes, decisions, endings and distinct paths; the best and worst overall and "
        "per-principle scores with a path reaching each; reachable outcomes; with --runs N, the score "
        "distribution of N seeded random play-throughs.",
    )
    add_scenario_argument(parser)
    parser.add_argument("--runs", type=int, default=200, metavar="N",
                        help="random play-throughs to sample (default 200; 0 to skip)")
    parser.add_argument("--seed", default="0", help="seed for the random play-throughs (default 0)")
    parser.add_argument("--json", action="store_true", help="print JSON for machines")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from simulator.authoring.explore import explore
    from simulator.authoring.statespace import StateSpaceTooLarge

    loaded = load_scenario_arg(args.scenario)
    if loaded is None:
        return 1
    seed = int(args.seed) if args.seed.lstrip("-").isdigit() else args.seed
    try:
        report = explore(loaded.scenario, runs=max(0, args.runs), seed=seed)
    except (StateSpaceTooLarge, ValueError) as error:
        print(f"{loaded.path}: cannot explore: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print("\n".join(format_text(report)))
    return 0


def _path(entry: dict[str, Any] | None) -> str:
    if entry is None:
        return "never graded on any path"
    text = f"{entry['score']:>3}  via {' > '.join(entry['path'])}  -> {entry['ending']} ({entry['outcome']})"
    if entry["limit"]:
        text += f"\n        (approached by repeating {' > '.join(entry['loop'])} from step " \
                f"{entry['loop_starts_at_step']}; this exact path scores {entry['path_score']})"
    return text


def format_text(report: dict[str, Any]) -> list[str]:
    """Human-readable lines for an explore report."""
    lines = [
        f"scenario {report['scenario']}: {report['nodes']} nodes ({report['decisions']} decisions, "
        f"{report['endings']} endings), {report['reachable_nodes']} reachable",
        f"states   {report['states']} (node x values of {', '.join(report['condition_variables']) or 'no variables'})",
        f"paths    {report['paths']}",
        "outcomes " + ", ".join(f"{o['node']} ({o['outcome']}, {o['quality']})" for o in report["outcomes"]),
        f"best     {_path(report['best'])}",
        f"worst    {_path(report['worst'])}",
        "principles (best / worst):",
    ]
    for principle, entry in report["principles"].items():
        claimed = "" if entry["claimed"] else "  [not listed in 'principles']"
        lines.append(f"  {principle}{claimed}")
        lines.append(f"    best  {_path(entry['best'])}")
        lines.append(f"    worst {_path(entry['worst'])}")
    sample = report.get("random")
    if sample:
        lines.append(f"random   {sample['runs']} runs (seed {sample['seed']}): mean {sample['mean']}, "
                     f"median {sample['median']}, min {sample['min']}, max {sample['max']}, "
                     f"unfinished {sample['unfinished']}")
        peak = max(sample["histogram"].values()) or 1
        for bucket, count in sample["histogram"].items():
            lines.append(f"  {bucket:>7} {'#' * round(30 * count / peak):<30} {count}")
        lines.append("  outcomes: " + ", ".join(f"{k} {v}" for k, v in sample["outcomes"].items()))
    return lines
