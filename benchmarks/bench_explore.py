"""Analysis: explore on the 10,000-node scenario (placeholder until the code it measures lands)."""

from __future__ import annotations

from benchmarks.common import Context, Figure, unavailable

NAME = "explore"
DESCRIPTION = "analysis: explore on the 10,000-node scenario"


def run(ctx: Context) -> list[Figure]:
    return [unavailable("explore 10,000 nodes", "s", 2, "not measurable yet")]
