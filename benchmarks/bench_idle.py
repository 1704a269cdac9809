"""CPU while idle on a screen waiting for input (placeholder until the code it measures lands)."""

from __future__ import annotations

from benchmarks.common import Context, Figure, unavailable

NAME = "idle"
DESCRIPTION = "CPU while idle on a screen waiting for input"


def run(ctx: Context) -> list[Figure]:
    return [unavailable("idle CPU", "%", 3, "not measurable yet")]
