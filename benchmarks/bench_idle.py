"""Idle CPU: the game waiting for input on a screen should use at most 3% of a core.

Starts the game (dummy video driver, scratch ``FRONTLINE_HOME``) on the title screen, and on the
play screen of a shipped scenario with timers off (a running countdown is animation, not idle),
lets it settle, then reads its CPU time (utime + stime from /proc/<pid>/stat) over ``SECONDS``.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from benchmarks.common import PYTHON, ROOT, Context, Figure, headless_env, module_exists, unavailable

NAME = "idle"
DESCRIPTION = "CPU while idle on a screen waiting for input"
TARGET_PERCENT = 3.0
SETTLE, SECONDS = 4.0, 5.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def idle_percent(args: list[str], env: dict[str, str], seconds: float) -> float:
    """CPU use in percent of one core of ``python ARGS`` after it has settled."""
    child = subprocess.Popen([PYTHON, *args], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(SETTLE)
        if child.poll() is not None:
            raise RuntimeError(f"the game exited early ({child.returncode}): {' '.join(args)}")
        before, start = cpu_seconds(child.pid), time.perf_counter()
        time.sleep(seconds)
        used, elapsed = cpu_seconds(child.pid) - before, time.perf_counter() - start
    finally:
        child.terminate()
        child.wait(timeout=10)
    return 100 * used / elapsed


def run(ctx: Context) -> list[Figure]:
    if not module_exists("simulator.app.launch"):
        return [unavailable("idle CPU", "%", TARGET_PERCENT, "simulator/app not there yet")]
    from benchmarks.bench_frames import biggest_shipped_scenario

    env = headless_env(FRONTLINE_HOME=str(ctx.workdir / "home-idle"))
    seconds = 2.0 if ctx.quick else SECONDS
    scenario = biggest_shipped_scenario()
    return [
        Figure("idle CPU, title screen", idle_percent(["main.py"], env, seconds), "%", TARGET_PERCENT,
               note=f"over {seconds:.0f} s"),
        Figure("idle CPU, play screen", idle_percent(["main.py", "play", str(scenario), "--no-timers"], env, seconds),
               "%", TARGET_PERCENT, note=f"{scenario.name}, timers off, over {seconds:.0f} s"),
    ]
