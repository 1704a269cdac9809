"""Start-up: process start to the first drawn frame of the title screen, against ``import pygame``.

Runs ``python main.py --exit-after-first-frame`` (draws the title screen once and exits) and the
floor ``python -c "import pygame"`` alternately, several times each, with the dummy video driver and
a scratch ``FRONTLINE_HOME``; compares medians and gives the spread (min-max) of each.
Two set-ups: bytecode cached in a scratch ``PYTHONPYCACHEPREFIX`` (as an installed game, whose
installer compiles the ``.pyc`` files; pygame's are cached in both set-ups) is the figure with the
target, at most 1.5x the floor (issue #14); without any bytecode cache for our own modules
(``PYTHONDONTWRITEBYTECODE=1``, as in a fresh source checkout that cannot write ``__pycache__``)
is reported for information: it adds the compiling of every module imported before the first frame.
"""

from __future__ import annotations

import subprocess
import time

from benchmarks.common import PYTHON, ROOT, Context, Figure, headless_env, median, module_exists, unavailable

NAME = "startup"
DESCRIPTION = "process start to first drawn title frame vs import pygame"
TARGET_RATIO = 1.5
GAME = ["main.py", "--exit-after-first-frame"]
FLOOR = ["-c", "import pygame"]


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([PYTHON, *args], cwd=ROOT, env=env, check=True, capture_output=True, timeout=60)
    return time.perf_counter() - start


def measure(env: dict[str, str], rounds: int) -> tuple[list[float], list[float]]:
    """Wall times (s) of the game and of the floor, interleaved."""
    wall(GAME, env)  # warm the OS file cache (and the bytecode cache when there is one)
    game, floor = [], []
    for _ in range(rounds):
        floor.append(wall(FLOOR, env))
        game.append(wall(GAME, env))
    return game, floor


def _ms(values: list[float]) -> str:
    return f"median of {len(values)}, spread {min(values) * 1000:.0f}-{max(values) * 1000:.0f} ms"


def run(ctx: Context) -> list[Figure]:
    if not module_exists("simulator.app.launch"):
        return [unavailable("start-up / floor", "x", TARGET_RATIO, "simulator/app not there yet")]
    rounds = ctx.repeats(11, 2)
    cached = headless_env(FRONTLINE_HOME=str(ctx.workdir / "home"), PYTHONPYCACHEPREFIX=str(ctx.workdir / "pyc"))
    cached.pop("PYTHONDONTWRITEBYTECODE", None)
    uncached = headless_env(FRONTLINE_HOME=str(ctx.workdir / "home"), PYTHONDONTWRITEBYTECODE="1")
    game, floor = measure(cached, rounds)
    cold_game, cold_floor = measure(uncached, rounds)
    return [
        Figure("import pygame (floor)", median(floor) * 1000, "ms", note=_ms(floor)),
        Figure("start to first title frame", median(game) * 1000, "ms", note=_ms(game)),
        Figure("start-up / floor", round(median(game) / median(floor), 2), "x", TARGET_RATIO,
               note="bytecode cached, as installed"),
        Figure("start-up / floor, no bytecode cache", round(median(cold_game) / median(cold_floor), 2), "x",
               note=f"game {_ms(cold_game)}; floor {_ms(cold_floor)}"),
    ]
