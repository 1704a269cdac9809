"""P50/p99 frame time on play and debrief screens (placeholder until the code it measures lands)."""

from __future__ import annotations

from benchmarks.common import Context, Figure, unavailable

NAME = "frames"
DESCRIPTION = "p50/p99 frame time on play and debrief screens"


def run(ctx: Context) -> list[Figure]:
    return [unavailable("frame p99", "ms", 4, "not measurable yet")]
