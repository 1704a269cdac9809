"""Engine: steps per second on seeded random playthroughs of the 1,000-node scenario.

A step is: list the options that can be taken (``session.open_choices()``), choose one at random,
and update the running score (``RunningScore.add``). Starting and closing sessions between
playthroughs is included in the time. Target: at least 50,000 steps per second.
"""

from __future__ import annotations

import random
import time

from benchmarks.common import Context, Figure

NAME = "engine"
DESCRIPTION = "steps/s on seeded random playthroughs of the 1,000-node scenario"
TARGET = 50_000
NODES = 1_000


def play_for(machine, scenario, seconds: float, seed: int = 7) -> tuple[int, int, float]:
    """Random playthroughs for about ``seconds``; returns (steps, playthroughs, elapsed). The
    picks and the sessions' seeds both derive from ``seed``."""
    from scoring.scorer import NetTable, RunningScore

    rng = random.Random(seed)
    random_ = rng.random  # a uniform pick in one call (rng.choice makes three)
    steps = runs = 0
    table = NetTable(scenario)  # net grades per option: worked out once, shared by the runs
    start = time.perf_counter()
    session = machine.start(seed=f"{seed}-0")  # one model, restarted per run (set_state, O(1))
    while time.perf_counter() - start < seconds:
        session.restart(f"{seed}-{runs}")
        score = RunningScore(scenario, table)
        while not session.finished:
            options = session.open_choices()
            score.add(session.choose(options[int(random_() * len(options))].id))
            steps += 1
        runs += 1
    session.close()
    return steps, runs, time.perf_counter() - start


def run(ctx: Context) -> list[Figure]:
    from scoring.catalog import default_catalog
    from simulator.content.loader import load_scenario
    from simulator.engine.machine import ScenarioMachine

    loaded = load_scenario(ctx.scenario(NODES), default_catalog().ids())
    machine = ScenarioMachine(loaded.scenario, loaded.content_hash)
    seconds = 0.5 if ctx.quick else 1.5
    # The first run fills the per-node caches (option views per display order, open options per
    # state values, net-grade bounds); it is reported but not judged. Each run has its own seed, so
    # the judged runs play playthroughs the first one never saw.
    steps, runs, elapsed = play_for(machine, loaded.scenario, seconds, seed=0)
    first = steps / elapsed
    rates = []
    for seed in range(1, ctx.repeats(3) + 1):
        steps, runs, elapsed = play_for(machine, loaded.scenario, seconds, seed=seed)
        rates.append(steps / elapsed)
    rates.sort()
    median = rates[len(rates) // 2]
    return [
        Figure("engine steps/s (1,000 nodes)", round(median), "steps/s", TARGET, True,
               note=f"median of {len(rates)} runs after the first; {steps / max(runs, 1):.1f} steps per playthrough"),
        Figure("engine steps/s, first run (caches filling)", round(first), "steps/s", None, True,
               note="for information"),
    ]
