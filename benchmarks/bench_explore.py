"""Analysis: ``explore`` on the 10,000-node scenario (target at most 2 s).

Times ``simulator.authoring.explore.explore(scenario, runs=200)`` (the CLI's default of 200
random play-throughs) on an already loaded scenario, so the figure is the analysis itself;
loading is measured by the loading benchmark. ``lint`` on the same file is reported for
information.
"""

from __future__ import annotations

from benchmarks.common import Context, Figure, median, module_exists, time_calls, unavailable

NAME = "explore"
DESCRIPTION = "explore and lint on the 10,000-node scenario"
TARGET = 2.0
NODES = 10_000
RUNS = 200


def run(ctx: Context) -> list[Figure]:
    if not module_exists("simulator.authoring.explore"):
        return [unavailable("explore 10,000 nodes", "s", TARGET, "simulator/authoring/explore.py not there yet")]
    from scoring.catalog import default_catalog
    from simulator.authoring.explore import explore
    from simulator.content.loader import load_scenario

    ids = default_catalog().ids()
    path = ctx.scenario(NODES)
    scenario = load_scenario(path, ids).scenario
    times = time_calls(lambda: explore(scenario, runs=RUNS, seed=0), ctx.repeats(3), warmup=0)
    figures = [Figure(f"explore {NODES:,} nodes", median(times), "s", TARGET,
                      note=f"runs={RUNS}, scenario already loaded; median of {len(times)}")]
    if module_exists("simulator.authoring.lint"):
        from simulator.authoring.lint import lint_file

        lint_times = time_calls(lambda: lint_file(path, ids), 1, warmup=0)
        figures.append(Figure(f"lint {NODES:,} nodes (incl. loading)", median(lint_times), "s",
                              note="no target; for information"))
    return figures
