"""Shared helpers for results tests: records, CLI runs in subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from simulator.results.records import ABANDONED, FINISHED, RunRecord, new_run_id

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "scenarios"
LATE_PARCEL = FIXTURES / "late_parcel.yaml"


def make_record(player: str = "Ann", team: str = "red", workshop: str = "W1", overall: int = 50,
                scenario_id: str = "late-parcel", scores: dict[str, int] | None = None, minutes: int = 0,
                status: str = FINISHED, steps: int = 2, run_id: str | None = None) -> RunRecord:
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC) + timedelta(minutes=minutes)
    transcript = tuple({"index": i, "node_id": f"n{i}", "choice_id": f"c{i}", "next_node": f"n{i + 1}",
                        "available": [f"c{i}"], "timed_out": False, "seconds": 1.0, "before": {}, "after": {}}
                       for i in range(steps))
    return RunRecord(run_id=run_id or new_run_id(), player=player, team=team, workshop=workshop,
                     scenario_id=scenario_id, content_hash="abc", mode="coach", started_at=start,
                     ended_at=start + timedelta(minutes=3), status=status,
                     outcome="resolved" if status == FINISHED else None, overall=overall,
                     principle_scores=dict(scores if scores is not None else {"listen-first": overall}),
                     transcript=transcript)


def abandoned(**kwargs: object) -> RunRecord:
    return make_record(status=ABANDONED, **kwargs)  # type: ignore[arg-type]


def cli(*args: str, home: Path, stdin: str = "", env: dict[str, str] | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python main.py ARGS`` in a fresh process with FRONTLINE_HOME=home."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("FRONTLINE_DB", "FRONTLINE_PLAYER")}
    full_env.update({"FRONTLINE_HOME": str(home), "PYTHONIOENCODING": "utf-8"})
    full_env.update(env or {})
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin, capture_output=True,
                          text=True, env=full_env, cwd=ROOT, timeout=timeout)
