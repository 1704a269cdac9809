"""Peak RSS of the game through a whole scenario (placeholder until the code it measures lands)."""

from __future__ import annotations

from benchmarks.common import Context, Figure, unavailable

NAME = "memory"
DESCRIPTION = "peak RSS of the game through a whole scenario"


def run(ctx: Context) -> list[Figure]:
    return [unavailable("peak RSS", "MB", 150, "not measurable yet")]
