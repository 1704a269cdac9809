"""Start-up: process start to the first drawn frame of the title screen, against ``import pygame``.

Runs ``python main.py --exit-after-first-frame`` (draws the title screen once and exits) and the
floor ``python -c "import pygame"`` alternately, several times each, with the dummy video driver and
a scratch ``FRONTLINE_HOME``; compares medians. Target: at most 2x the floor.
"""

from __future__ import annotations

import subprocess
import time

from benchmarks.common import PYTHON, ROOT, Context, Figure, headless_env, median, module_exists, unavailable

NAME = "startup"
DESCRIPTION = "process start to first drawn title frame vs import pygame"
TARGET_RATIO = 2.0
GAME = ["main.py", "--exit-after-first-frame"]
FLOOR = ["-c", "import pygame"]


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([PYTHON, *args], cwd=ROOT, env=env, check=True, capture_output=True, timeout=60)
    return time.perf_counter() - start


def run(ctx: Context) -> list[Figure]:
    if not module_exists("simulator.app.launch"):
        return [unavailable("start-up / floor", "x", TARGET_RATIO, "simulator/app not there yet")]
    env = headless_env(FRONTLINE_HOME=str(ctx.workdir / "home"))
    wall(GAME, env)  # warm the OS file cache and bytecode
    game, floor = [], []
    for _ in range(ctx.repeats(9, 2)):
        floor.append(wall(FLOOR, env))
        game.append(wall(GAME, env))
    ratio = median(game) / median(floor)
    return [
        Figure("import pygame (floor)", median(floor) * 1000, "ms", note=f"median of {len(floor)}"),
        Figure("start to first title frame", median(game) * 1000, "ms", note=f"median of {len(game)}"),
        Figure("start-up / floor", round(ratio, 2), "x", TARGET_RATIO),
    ]
