"""Results store: save one run, leaderboard and report over 100,000 runs

Placeholder until the code it measures lands.
"""

from __future__ import annotations

from benchmarks.common import Context, Figure, unavailable

NAME = "results"
DESCRIPTION = "results store: save one run, leaderboard and report over 100,000 runs"


def run(ctx: Context) -> list[Figure]:
    return [unavailable("save one run", "ms", 10, "not measurable yet")]
