"""Loading: file to playable (read, parse, validate, build the machine, start a session).

Measured twice: cold (the file has never been read: full strict YAML parse) and warm (the game's
parsed-content cache holds the file's data, which is still validated and built into a machine
on every load, exactly as the game does from its second start on). The targets apply to both.

Targets: at most 50 ms, 300 ms and 3 s for generated scenarios of 100, 1,000 and 10,000 nodes,
and growth no worse than linear: the exponent k in time ~ nodes^k between 1,000 and 10,000 nodes
must be at most 1.1 (0.1 of slack for timing noise; fixed costs make small files relatively slow).
"""

from __future__ import annotations

import gc
import math
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.common import Context, Figure, median, time_calls

if TYPE_CHECKING:
    from simulator.content.cache import ParseCache

NAME = "loading"
DESCRIPTION = "file to playable for 100 / 1,000 / 10,000-node scenarios"
TARGETS = {100: 0.050, 1_000: 0.300, 10_000: 3.0}
REPEATS = {100: 15, 1_000: 7, 10_000: 3}
MAX_EXPONENT = 1.1


def load_playable(path: Path, principle_ids: frozenset[str], cache: ParseCache | None = None) -> None:
    """Everything between a scenario file and a session ready for the first decision."""
    from simulator.content.loader import load_scenario
    from simulator.engine.machine import ScenarioMachine

    loaded = load_scenario(path, principle_ids, cache=cache)
    session = ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=0)
    session.close()


def run(ctx: Context) -> list[Figure]:
    from scoring.catalog import default_catalog
    from simulator.content.cache import ParseCache

    ids = frozenset(default_catalog().ids())
    cache = ParseCache(Path(ctx.workdir) / "parse-cache")
    figures: list[Figure] = []
    for label, use_cache in (("cold", None), ("warm", cache)):
        medians: dict[int, float] = {}
        for nodes, target in TARGETS.items():
            path = ctx.scenario(nodes)
            if use_cache is not None:
                load_playable(path, ids, use_cache)  # fills the cache
            gc.collect()
            times = time_calls(lambda p=path, c=use_cache: load_playable(p, ids, c), ctx.repeats(REPEATS[nodes]))
            medians[nodes] = median(times)
            size_kib = path.stat().st_size / 1024
            figures.append(Figure(f"load {nodes:,} nodes ({label})", medians[nodes] * 1000, "ms", target * 1000,
                                  note=f"{size_kib:,.0f} KiB file, median of {len(times)}"))
        exponent = math.log(medians[10_000] / medians[1_000]) / math.log(10)
        figures.append(Figure(f"load growth exponent 1k->10k ({label})", round(exponent, 3), "", MAX_EXPONENT,
                              note="time ~ nodes^k; 1.0 is linear"))
    return figures
