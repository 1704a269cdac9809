"""The running aggregates computed run by run in Python, to check the stored ones against.

``expected(records)`` follows the definitions in ``simulator.results.aggregates`` verbatim;
``stored(store)`` reads the four aggregate tables into the same shape; ``assert_consistent(store)``
checks that the aggregates agree with the runs the store holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from simulator.results.records import FINISHED, RunRecord
from simulator.results.store import ResultStore, to_db_time

Snapshot = dict[str, dict[tuple[str, ...], tuple[Any, ...]]]


def expected(records: Iterable[RunRecord]) -> Snapshot:
    """Every aggregate row, keyed as in its table, from whole records."""
    scenarios: dict[tuple[str, ...], list[Any]] = {}
    principles: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0])
    choices: dict[tuple[str, ...], int] = defaultdict(int)
    graded: dict[tuple[str, ...], int] = defaultdict(int)
    for run in records:
        row = scenarios.setdefault((run.workshop, run.team, run.player, run.scenario_id), [0, 0, None])
        row[0] += 1
        finished = run.status == FINISHED
        if finished:
            row[1] += 1
            mine = (-run.overall, to_db_time(run.ended_at), run.run_id)
            row[2] = mine if row[2] is None else min(row[2], mine)
        for principle, score in run.principle_scores.items():
            graded[(run.workshop, run.scenario_id, principle)] += 1
            if finished:
                principles[(run.workshop, run.team, run.player, principle)][0] += score
                principles[(run.workshop, run.team, run.player, principle)][1] += 1
        for step in run.transcript:
            choices[(run.workshop, run.scenario_id, str(step.get("node_id", "")), str(step.get("choice_id", "")))] += 1
    return {
        "scenarios": {k: (runs, done, *((-best[0], best[1], best[2]) if best else (None, None, None)))
                      for k, (runs, done, best) in scenarios.items()},
        "principles": {k: (total, count) for k, (total, count) in principles.items()},
        "choices": {k: (count,) for k, count in choices.items()},
        "graded": {k: (count,) for k, count in graded.items()},
    }


def stored(store: ResultStore) -> Snapshot:
    """The aggregate tables as they are."""
    agg = store.tables.agg
    layout = {
        "scenarios": (agg.scenarios, 4, ("runs", "finished", "best_overall", "best_ended_at", "best_run_id")),
        "principles": (agg.principles, 4, ("total", "graded")),
        "choices": (agg.choices, 4, ("taken",)),
        "graded": (agg.graded, 3, ("runs",)),
    }
    snapshot: Snapshot = {}
    with store.reading() as conn:
        for name, (table, width, values) in layout.items():
            keys = list(table.primary_key.columns)[:width]
            rows = conn.execute(select(*keys, *(table.c[v] for v in values))).all()
            snapshot[name] = {tuple(row[:width]): tuple(row[width:]) for row in rows}
    return snapshot


def assert_consistent(store: ResultStore) -> Snapshot:
    """The stored aggregates equal those of the store's runs; returns them."""
    snapshot = stored(store)
    want = expected(store.iter_records())
    for name in want:
        assert snapshot[name] == want[name], name
    return snapshot
