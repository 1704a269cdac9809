"""Command time: ``validate``, ``lint`` and ``explore`` on one shipped scenario, as whole processes.

Runs each command (``python main.py COMMAND scenarios/<name>.yaml``) and the floor
``python -c "import yaml, pydantic"`` in turn, several rounds, with a scratch ``FRONTLINE_HOME``.
Each command is timed twice: as a trainer re-running it on an unchanged file (its answer printed
again from the user cache, ``simulator.cli.answer_cache``) and as the first run after an edit (the
answers and lint's FL601 simulations emptied before each run: the answer is worked out).
Reports the median and the spread (min-max) of each and the ratio of medians. Target: every command
at most 2x the floor (issue #14). The scenario is the largest shipped one (a stand-in for the most
nodes; set ``FRONTLINE_BENCH_SCENARIO`` to a file name in scenarios/ to pick another).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from benchmarks.common import PYTHON, ROOT, Context, Figure, headless_env, median

NAME = "commands"
DESCRIPTION = "validate / lint / explore on a shipped scenario vs python -c 'import yaml, pydantic'"
TARGET_RATIO = 2.0
FLOOR = ["-c", "import yaml, pydantic"]
# ``import pydantic`` loads its model machinery lazily: the floor above has none of it. This one
# defines and validates a one-field model, the least any command that validates with pydantic pays.
MODEL_FLOOR = ["-c", "import yaml\nfrom pydantic import BaseModel\nclass A(BaseModel):\n    x: int\n"
               "A.model_validate({'x': 1})"]
COMMANDS = ("validate", "lint", "explore")
EDITED = "first run after an edit"


def largest_shipped() -> Path:
    """The shipped scenario with the most bytes (a stand-in for the most nodes; no import needed)."""
    chosen = os.environ.get("FRONTLINE_BENCH_SCENARIO")
    if chosen:
        return ROOT / "scenarios" / chosen
    files = [p for p in (ROOT / "scenarios").glob("*.yaml") if not p.name.endswith(".plan.yaml")
             and p.name != "curriculum.yaml" and len(p.name.split(".")) == 2]  # no translations (x.es.yaml)
    return max(files, key=lambda p: p.stat().st_size)


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([PYTHON, *args], cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def measure(ctx: Context, rounds: int) -> dict[str, list[float]]:
    """Wall times (s) per command and for the floors, interleaved round by round. ``<command>`` runs
    as a trainer re-running it on an unchanged file (its answer kept in the user cache);
    ``<command>, first run after an edit`` works the answer out: the command's caches (answers, and
    lint's FL601 simulations) are emptied before each such run."""
    home, edited_home = ctx.workdir / "commands-home", ctx.workdir / "commands-home-edited"
    env, edited_env = headless_env(FRONTLINE_HOME=str(home)), headless_env(FRONTLINE_HOME=str(edited_home))
    scenario = str(largest_shipped().relative_to(ROOT))
    argv = {"floor": FLOOR, "model floor": MODEL_FLOOR}
    for name in COMMANDS:
        argv[name] = ["main.py", name, scenario]
        argv[f"{name}, {EDITED}"] = ["main.py", name, scenario]
    for name, args in argv.items():
        wall(args, edited_env if name.endswith(EDITED) else env)  # warm the OS file cache, bytecode, user cache
    times: dict[str, list[float]] = {name: [] for name in argv}
    for _ in range(rounds):
        for name, args in argv.items():
            if name.endswith(EDITED):
                shutil.rmtree(edited_home / "cache" / "lint", ignore_errors=True)
                shutil.rmtree(edited_home / "cache" / "answers", ignore_errors=True)
            times[name].append(wall(args, edited_env if name.endswith(EDITED) else env))
    return times


def spread(values: list[float]) -> str:
    return f"median of {len(values)}, {min(values) * 1000:.0f}-{max(values) * 1000:.0f} ms"


def run(ctx: Context) -> list[Figure]:
    times = measure(ctx, ctx.repeats(9, 2))
    floor = median(times["floor"])
    model_floor = median(times["model floor"])
    figures = [Figure("import yaml, pydantic (floor)", floor * 1000, "ms", note=spread(times["floor"])),
               Figure("one pydantic model defined and validated", model_floor * 1000, "ms",
                      note=spread(times["model floor"])),
               Figure("one pydantic model / floor", round(model_floor / floor, 2), "x")]
    for name in COMMANDS:
        for label, target in ((name, TARGET_RATIO), (f"{name}, {EDITED}", None)):
            figures.append(Figure(f"{label} {largest_shipped().name}", median(times[label]) * 1000, "ms",
                                  note=spread(times[label])))
            figures.append(Figure(f"{label} / floor", round(median(times[label]) / floor, 2), "x", target))
    return figures
