"""Memory: peak RSS of the game playing a whole scenario (target at most 150 MB).

Runs ``python main.py play SCENARIO --autoplay best --screenshots DIR`` (the real screens, every
one shot to PNG) in a fresh helper process, so ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` there is the
game's own peak. Done for the biggest shipped scenario (the target) and, for information, for the
generated 1,000-node scenario.
"""

from __future__ import annotations

import subprocess

from benchmarks.common import PYTHON, ROOT, Context, Figure, headless_env, module_exists, unavailable

NAME = "memory"
DESCRIPTION = "peak RSS of the game through a whole scenario"
TARGET_MB = 150.0
HELPER = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True)\n"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_rss_mb(args: list[str], env: dict[str, str]) -> float:
    out = subprocess.run([PYTHON, "-c", HELPER, PYTHON, *args], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True, timeout=600).stdout.split()
    if out[0] != "0":
        raise RuntimeError(f"autoplay exited with {out[0]}: {' '.join(args)}")
    return int(out[1]) / 1024  # ru_maxrss is in KiB on Linux


def run(ctx: Context) -> list[Figure]:
    if not module_exists("simulator.app.autoplay"):
        return [unavailable("peak RSS", "MB", TARGET_MB, "simulator/app not there yet")]
    from benchmarks.bench_frames import biggest_shipped_scenario

    env = headless_env(FRONTLINE_HOME=str(ctx.workdir / "home-mem"))
    figures = []
    for label, scenario, target in (("shipped", biggest_shipped_scenario(), TARGET_MB),
                                    ("1,000 nodes", ctx.scenario(1_000), None)):
        shots = ctx.workdir / f"shots-{scenario.stem}"
        rss = peak_rss_mb(["main.py", "play", str(scenario), "--autoplay", "best", "--screenshots", str(shots)],
                          env)
        figures.append(Figure(f"peak RSS, {label} scenario", rss, "MiB", target,
                              note=f"{scenario.name}, autoplay best with screenshots"))
    return figures
