"""Bots: ``explore --bots`` on a shipped scenario, 8 strategies x 1,000 runs (target at most 3 s).

Times ``simulator.authoring.bots.simulate(scenario, runs=1000, names=<the first 8 strategies>)``
on an already loaded scenario: the 8 naive strategies plus the skilled reference (1,000 runs) and
the ideal player (50 runs), each run played through the engine and scored with ``RunningScore``.
The scenario is the shipped one slowest to simulate (each timed once with 100 runs first). The figure
is the median of several calls after one warm-up call, with the spread in the note; every
strategy and the lint budget (200 runs) are reported for information.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import Context, Figure, median, module_exists, time_calls, unavailable

NAME = "bots"
DESCRIPTION = "explore --bots: 8 strategies x 1,000 runs on the slowest shipped scenario"
TARGET = 3.0
RUNS = 1000
STRATEGIES_COUNT = 8


def _slowest_shipped(ids: tuple[str, ...], names: list[str]):  # type: ignore[no-untyped-def]
    """(path, scenario) of the shipped scenario slowest to simulate (timed with 100 runs), or None."""
    from simulator.authoring.bots import simulate
    from simulator.content.loader import load_scenario
    from simulator.content.problems import ContentError
    from simulator.paths import shipped_scenarios_dir

    best = None
    for path in sorted(Path(shipped_scenarios_dir()).glob("*.yaml")):
        if path.name.endswith(".plan.yaml") or path.name == "curriculum.yaml":
            continue
        try:
            scenario = load_scenario(path, ids).scenario
        except ContentError:
            continue
        [seconds] = time_calls(lambda s=scenario: simulate(s, runs=100, seed=0, names=names), 1, warmup=0)
        if best is None or seconds > best[0]:
            best = (seconds, path, scenario)
    return None if best is None else best[1:]


def _spread(times: list[float]) -> str:
    return f"median of {len(times)}, range {min(times):.2f}-{max(times):.2f} s"


def run(ctx: Context) -> list[Figure]:
    if not module_exists("simulator.authoring.bots"):
        return [unavailable("bots 8 x 1,000 runs", "s", TARGET, "simulator/authoring/bots.py not there yet")]
    from scoring.catalog import default_catalog
    from simulator.authoring.bots import STRATEGIES, simulate

    names = list(STRATEGIES)[:STRATEGIES_COUNT]
    found = _slowest_shipped(default_catalog().ids(), names)
    if found is None:
        return [unavailable("bots 8 x 1,000 runs", "s", TARGET, "no shipped scenario loads")]
    path, scenario = found
    repeats = ctx.repeats(5, 1)
    eight = time_calls(lambda: simulate(scenario, runs=RUNS, seed=0, names=names), repeats)
    every = time_calls(lambda: simulate(scenario, runs=RUNS, seed=0), ctx.repeats(3, 1), warmup=0)
    lint = time_calls(lambda: simulate(scenario, runs=200, seed=0), ctx.repeats(3, 1), warmup=0)
    return [
        Figure(f"bots {STRATEGIES_COUNT} x {RUNS:,} runs", median(eight), "s", TARGET,
               note=f"{path.stem}, + skilled and ideal; {_spread(eight)}"),
        Figure(f"bots all {len(STRATEGIES)} x {RUNS:,} runs", median(every), "s",
               note=f"for information; {_spread(every)}"),
        Figure(f"bots all {len(STRATEGIES)} x 200 runs (lint FL601)", median(lint), "s",
               note=f"for information; {_spread(lint)}"),
    ]

