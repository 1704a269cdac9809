"""``frontline explore SCENARIO``: exact counts, best/worst scores with their paths, random runs.

With ``--bots``: naive text-only strategies and the skilled reference instead (see
``simulator.authoring.bots``); exit 0 whether or not the scenario is gameable, 1 when it cannot be
loaded or played.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from simulator.cli.common import add_answer_cache, add_scenario_argument, load_scenario_arg, scenario_input

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands


MAX_RUNS = 100_000  # play-throughs (per player with --bots): minutes of work; more is a typo

def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "explore", help="analyse every path: counts, best and worst scores, outcomes",
        description="Analyse every play-through of a scenario exactly (without listing them one by "
        "one): counts of nodes, decisions, endings and distinct paths; the best and worst overall and "
        "per-principle scores with a path reaching each; reachable outcomes; with --runs N, the score "
        "distribution of N seeded random play-throughs. With --bots, plays it instead with naive "
        "strategies that read only the option texts (longest, polite words, ...) and a skilled "
        "reference player, and says whether the grade can be gamed.",
    )
    add_scenario_argument(parser)
    parser.add_argument("--runs", type=int, default=None, metavar="N",
                        help="random play-throughs to sample (default 200; 0 to skip); with --bots, "
                        "runs per strategy (default 1000)")
    parser.add_argument("--seed", default="0", help="seed for the random play-throughs (default 0)")
    parser.add_argument("--json", action="store_true", help="print JSON for machines")
    parser.add_argument("--bots", action="store_true",
                        help="play with naive text-only strategies: can the grade be gamed?")
    add_answer_cache(parser, scenario_input)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from simulator.authoring.explore import explore
    from simulator.authoring.statespace import StateSpaceTooLarge

    if args.runs is not None and args.runs > MAX_RUNS:
        print(f"explore: --runs {args.runs} is more than {MAX_RUNS:,} (fix: use at most {MAX_RUNS}; 1000 already "
              "tells a 2 % top-band share apart)", file=sys.stderr)
        return 1
    loaded = load_scenario_arg(args.scenario)
    if loaded is None:
        return 1
    seed = int(args.seed) if args.seed.lstrip("-").isdigit() else args.seed
    if args.bots:
        return run_bots(args, loaded, seed)
    runs = 200 if args.runs is None else args.runs
    try:
        report = explore(loaded.scenario, runs=max(0, runs), seed=seed)
    except (StateSpaceTooLarge, ValueError) as error:
        print(f"{loaded.path}: cannot explore: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print("\n".join(format_text(report)))
    return 0


def run_bots(args: argparse.Namespace, loaded: Any, seed: int | str) -> int:
    """``explore --bots``: print the naive strategies' figures and the verdict."""
    from simulator.authoring.bots import simulate

    runs = 1000 if args.runs is None else args.runs
    if runs < 1:
        print(f"{loaded.path}: --runs must be at least 1 with --bots (got {runs})", file=sys.stderr)
        return 1
    try:
        # a translation (TranslatedScenario) knows its language; a source scenario is English
        report = simulate(loaded.scenario, runs=runs, seed=seed, content_hash=loaded.content_hash,
                          language=getattr(loaded, "language", None))
    except ValueError as error:
        print(f"{loaded.path}: cannot play the scenario with bots: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print("\n".join(format_bots(report)))
    return 0


def format_bots(report: dict[str, Any]) -> list[str]:
    """Human-readable lines for a bots report: one row per player, then the verdict."""
    from simulator.authoring.bots import STRATEGIES

    lines = [f"scenario {report['scenario']}: {report['runs']} runs per player (seed {report['seed']}); "
             f"top band = {report['top_band_floor']}+" + _words_note(report),
             f"  {'player':<17} {'mean':>5} {'median':>6} {'p90':>4} {'stdev':>5} {'top band':>8} "
             f"{'unfinished':>10}  how it picks"]
    rows = [(name, fig, STRATEGIES[name].description) for name, fig in report["bots"].items()]
    rows += [("skilled", report["skilled"], "best option 80 % of the time (reads grades)"),
             ("ideal", report["ideal"], "always the best option (reads grades)")]
    for name, fig, how in rows:
        if fig["mean"] is None:
            lines.append(f"  {name:<17} never finished  {how}")
            continue
        lines.append(f"  {name:<17} {fig['mean']:>5} {fig['median']:>6} {fig['p90']:>4} {fig['stdev']:>5} "
                     f"{100 * fig['top_band_share']:>7.1f}% {fig['unfinished']:>10}  {how}")
    if any(fig["unfinished"] for fig in report["bots"].values()):
        lines.append("  (unfinished: runs stopped going round a loop; they score at most 49)")
    lines += [f"note     {note}" for note in report.get("notes", ())]
    verdict = report["verdict"]
    if verdict["gameable"]:
        lines.append("verdict  GAMEABLE: a player can score well without the skill:")
        lines += [f"  - {reason}" for reason in verdict["reasons"]]
    else:
        lines.append("verdict  not gameable: every naive strategy stays low and skill pays")
    return lines


def _words_note(report: dict[str, Any]) -> str:
    """'; keyword players read es words' for a translation (nothing for English)."""
    lists = report.get("word_lists", "en")
    return "" if lists == "en" else f"; keyword players read {lists} words"


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
