"""Loading: file to playable (read, parse, validate, build the machine, start a session).

Targets: at most 50 ms, 300 ms and 3 s for generated scenarios of 100, 1,000 and 10,000 nodes,
and growth no worse than linear: the exponent k in time ~ nodes^k between 1,000 and 10,000 nodes
must be at most 1.1 (0.1 of slack for timing noise; fixed costs make small files relatively slow).
"""

from __future__ import annotations

import gc
import math
from pathlib import Path

from benchmarks.common import Context, Figure, median, time_calls

NAME = "loading"
DESCRIPTION = "file to playable for 100 / 1,000 / 10,000-node scenarios"
TARGETS = {100: 0.050, 1_000: 0.300, 10_000: 3.0}
REPEATS = {100: 15, 1_000: 7, 10_000: 3}
MAX_EXPONENT = 1.1


def load_playable(path: Path, principle_ids: frozenset[str]) -> None:
    """Everything between a scenario file and a session ready for the first decision."""
    from simulator.content.loader import load_scenario
    from simulator.engine.machine import ScenarioMachine

    loaded = load_scenario(path, principle_ids)
    session = ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=0)
    session.close()


def run(ctx: Context) -> list[Figure]:
    from scoring.catalog import default_catalog

    ids = frozenset(default_catalog().ids())
    medians: dict[int, float] = {}
    figures = []
    for nodes, target in TARGETS.items():
        path = ctx.scenario(nodes)
        gc.collect()
        times = time_calls(lambda p=path: load_playable(p, ids), ctx.repeats(REPEATS[nodes]))
        medians[nodes] = median(times)
        size_kib = path.stat().st_size / 1024
        figures.append(Figure(f"load {nodes:,} nodes", medians[nodes] * 1000, "ms", target * 1000,
                              note=f"{size_kib:,.0f} KiB file, median of {len(times)}"))
    exponent = math.log(medians[10_000] / medians[1_000]) / math.log(10)
    figures.append(Figure("load growth exponent 1k->10k", round(exponent, 3), "", MAX_EXPONENT,
                          note="time ~ nodes^k; 1.0 is linear"))
    return figures
