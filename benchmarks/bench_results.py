"""Results store: saving one run (at most 10 ms); leaderboard and report over 100,000 runs (1 s each).

The store is a fresh SQLite file (the default back end) seeded with 100,000 runs in one bulk
transaction (``ResultStore.save_runs``, which keeps the running aggregates as ``save_run`` does).
The runs are real: a few hundred seeded random play-throughs of the shipped scenarios, scored by
``scoring.score_run`` and turned into ``RunRecord``s, then copied with new run ids, players (2,000),
teams (40), times and workshops. "report" renders the HTML workshop report of a workshop holding
all 100,000 runs (the worst case); a typical 500-run workshop in the same store is reported for
information. Saving is timed on an open store, as the game keeps one open.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.common import Context, Figure, median, module_exists, time_calls, unavailable

NAME = "results"
DESCRIPTION = "save one run; leaderboard and report over 100,000 stored runs"
RUNS = 100_000
SAVE_TARGET_MS, QUERY_TARGET_S = 10.0, 1.0
ALL = "all-runs"


def sample_records(count: int = 300) -> list:
    """Real records from seeded random play-throughs of the shipped scenarios."""
    from scoring.catalog import default_catalog
    from scoring.scorer import score_run
    from simulator.content.loader import check_paths
    from simulator.engine.machine import ScenarioMachine
    from simulator.paths import SCENARIOS_DIR
    from simulator.results.records import now_utc, record_from_report

    catalog = default_catalog()
    machines = [ScenarioMachine(r.loaded.scenario, r.loaded.content_hash)
                for r in check_paths([SCENARIOS_DIR], catalog.ids()) if r.loaded]
    rng = random.Random(1)
    records = []
    for k in range(count):
        machine = machines[k % len(machines)]
        session = machine.start(seed=k)
        while not session.finished:
            session.choose(rng.choice([c for c in session.choices() if c.available]).id)
        report = score_run(machine.scenario, session.transcript, catalog, session.ending)
        records.append(record_from_report(
            run_id=str(uuid.uuid4()), player="p", team="t", workshop=ALL, content_hash=machine.content_hash,
            mode="coach", started_at=now_utc(), ended_at=now_utc(), report=report,
            transcript=session.transcript, seed=k))
        session.close()
    return records


def seed_store(store, samples: list, runs: int) -> None:  # type: ignore[no-untyped-def]
    """Save ``runs`` copies of ``samples`` (new ids, players, times) with ``store.save_runs``: one
    transaction that also maintains the running aggregates, as every saved run does."""
    rng = random.Random(2)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    records = []
    for k in range(runs):
        player = k % 2000
        ended = start + timedelta(minutes=k)
        records.append(replace(rng.choice(samples), run_id=str(uuid.UUID(int=k + 1)), player=f"player-{player:04d}",
                               team=f"team-{player % 40:02d}", started_at=ended - timedelta(minutes=4), ended_at=ended))
    added = store.save_runs(records)
    assert added == runs, f"seeded {added} of {runs} runs"


def run(ctx: Context) -> list[Figure]:
    if not (module_exists("simulator.results.store") and module_exists("simulator.results.html_report")):
        return [unavailable("save one run", "ms", SAVE_TARGET_MS, "simulator/results store not there yet")]
    from simulator.paths import SCENARIOS_DIR
    from simulator.results import queries
    from simulator.results.html_report import render_html
    from simulator.results.records import now_utc
    from simulator.results.store import open_store
    from simulator.results.summary import load_summary

    samples = sample_records()
    runs = 2_000 if ctx.quick else RUNS
    db = Path(ctx.workdir) / "results.db"
    figures = []
    with open_store(f"sqlite:///{db}") as store:
        seed_store(store, samples, runs)
        scenario_id = samples[0].scenario_id
        fresh = iter([replace(samples[k % len(samples)], run_id=str(uuid.uuid4()), workshop="w-new")
                      for k in range(200)])
        saves = time_calls(lambda: store.save_run(next(fresh)), ctx.repeats(50, 5), warmup=2)
        figures.append(Figure("save one run", median(saves) * 1000, "ms", SAVE_TARGET_MS,
                              note=f"median of {len(saves)}, store of {runs:,} runs"))
        board = time_calls(lambda: queries.leaderboard(store, scenario_id), ctx.repeats(5))
        figures.append(Figure(f"leaderboard over {runs:,} runs", median(board), "s", QUERY_TARGET_S,
                              note=f"one scenario ({scenario_id}); median of {len(board)}"))
        board_all = time_calls(lambda: queries.leaderboard(store, None), ctx.repeats(3))
        figures.append(Figure("leaderboard, all scenarios", median(board_all), "s", QUERY_TARGET_S,
                              note=f"median of {len(board_all)}"))
        build = lambda: render_html(load_summary(store, ALL, SCENARIOS_DIR), now_utc())  # noqa: E731
        report = time_calls(build, 1, warmup=0)
        if report[0] < 5 * QUERY_TARGET_S:  # far over target: once is enough to know
            report += time_calls(build, ctx.repeats(2, 0), warmup=0)
        figures.append(Figure(f"HTML report over {runs:,} runs", median(report), "s", QUERY_TARGET_S,
                              note=f"one workshop holding every run; median of {len(report)}"))
    return figures
