"""A writer killed at any moment leaves only whole runs, and running aggregates that agree with
them; several writers at once all succeed."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from simulator.results.store import open_store
from tests.results.aggregate_check import assert_consistent
from tests.results.helpers import ROOT
from tests.results.writer import SCORES, STEPS


def _writer(url: str, count: int, name: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.results.writer", url, str(count), name], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _assert_only_whole_runs(url: str) -> int:
    with open_store(url) as store:
        t = store.tables
        with store.reading() as conn:
            runs = conn.execute(select(func.count()).select_from(t.runs)).scalar()
            per_run = [select(table.c.run_id, func.count()).group_by(table.c.run_id)
                       for table in (t.run_scores, t.run_choices)]
            scores, steps = (dict(conn.execute(query).all()) for query in per_run)
            ids = [row.run_id for row in conn.execute(select(t.runs.c.run_id))]
        for run_id in ids:
            assert scores.get(run_id) == len(SCORES) and steps.get(run_id) == STEPS, run_id
        assert set(scores) <= set(ids) and set(steps) <= set(ids)
        for record in store.iter_records():
            assert len(record.transcript) == STEPS
        assert_consistent(store)
        return int(runs or 0)


def test_killing_a_writer_at_random_moments_leaves_only_whole_runs(tmp_path: Path) -> None:
    path = tmp_path / "kill.db"
    url = f"sqlite:///{path}"
    rng = random.Random(1234)
    confirmed = 0
    for _ in range(6):
        process = _writer(url, 100_000, "victim")
        assert process.stdout is not None
        first = process.stdout.readline()  # wait until it is saving continuously
        time.sleep(rng.uniform(0.0, 0.3))
        process.send_signal(signal.SIGKILL)
        out, err = process.communicate()
        assert first == "saved\n", err
        confirmed += 1 + out.count("saved")
        with sqlite3.connect(path) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = _assert_only_whole_runs(url)
        assert stored >= confirmed, "every run the writer saw committed must be there"
    assert confirmed > 0, "the writer never got to save: the test did not exercise a kill mid-save"


def _concurrent(url: str, writers: int = 4, each: int = 25) -> None:
    processes = [_writer(url, each, f"writer{i}") for i in range(writers)]
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert out.count("saved") == each
    assert _assert_only_whole_runs(url) == writers * each


def test_several_writer_processes_all_succeed_on_sqlite(tmp_path: Path) -> None:
    _concurrent(f"sqlite:///{tmp_path / 'many.db'}")


def test_several_writer_processes_all_succeed_on_postgresql(pg_url: str) -> None:
    _concurrent(pg_url)
