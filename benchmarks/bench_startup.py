"""Process start to first drawn frame vs import pygame (placeholder until the code it measures lands)."""

from __future__ import annotations

from benchmarks.common import Context, Figure, unavailable

NAME = "startup"
DESCRIPTION = "process start to first drawn frame vs import pygame"


def run(ctx: Context) -> list[Figure]:
    return [unavailable("start-up / floor", "x", 2, "not measurable yet")]
