"""Starting, resuming and recording runs: the glue between the engine, the scorer and the run log.

Contract: ``Run`` describes one attempt (id, start time, mode, where the scenario came from).
``start_session`` / ``restore_session`` build sessions from library entries; ``record_run`` scores
a session and saves a finished or abandoned ``RunRecord`` once (never raises for store errors;
a run the store cannot take is kept in ``unsaved-runs.jsonl`` and the player is told on screen);
``save_progress`` writes the resume file after every choice and, at the ending, records the run
*before* clearing the resume file, so a game killed before the debrief loses nothing.
``previous_best`` is the player's best run before this one (captured before recording it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from simulator.app.saves import clear_resume, write_resume

if TYPE_CHECKING:
    from scoring.report import Report
    from simulator.app.context import AppContext
    from simulator.app.library import LibraryEntry
    from simulator.engine.session import PlaySession

log = logging.getLogger(__name__)
UNSAVED_NOTICE_SECONDS = 12.0


def _now() -> datetime:
    from simulator.results.records import now_utc

    return now_utc()


def _new_id() -> str:
    from simulator.results.records import new_run_id

    return new_run_id()


@dataclass
class Run:
    mode: str
    run_id: str = field(default_factory=_new_id)
    started_at: datetime = field(default_factory=_now)
    recorded: bool = False
    best_before: Any = None  # the player's best run before this one (read just before recording)


def start_session(ctx: AppContext, entry: LibraryEntry) -> PlaySession:
    from simulator.engine.machine import ScenarioMachine

    assert entry.loaded is not None, "broken scenarios cannot be played"
    machine = ScenarioMachine(entry.loaded.scenario, entry.loaded.content_hash)
    return machine.start(seed=ctx.next_seed())


def restore_session(entry: LibraryEntry, snapshot: dict[str, Any]) -> PlaySession:
    """A session from a snapshot on a fresh machine for ``entry``; raises SnapshotError."""
    from simulator.engine.machine import ScenarioMachine

    assert entry.loaded is not None
    machine = ScenarioMachine(entry.loaded.scenario, entry.loaded.content_hash)
    return machine.restore(snapshot)


def score(ctx: AppContext, session: PlaySession) -> Report:
    from scoring.catalog import default_catalog
    from scoring.scorer import score_run

    if ctx.catalog is None:
        ctx.catalog = default_catalog()
    return score_run(session.owner.scenario, session.transcript, ctx.catalog, session.ending)


def record_run(ctx: AppContext, session: PlaySession, run: Run, report: Report | None = None) -> None:
    """Save the run once (finished, or abandoned when it has at least one decision)."""
    from simulator.results.records import record_from_report

    if run.recorded or (not session.finished and not session.transcript):
        return
    report = report or score(ctx, session)
    profile = ctx.settings.profile
    record = record_from_report(
        run_id=run.run_id, player=profile.name or "Player", team=profile.team, workshop=profile.workshop,
        content_hash=session.owner.content_hash, mode=run.mode, started_at=run.started_at, ended_at=_now(),
        report=report, transcript=session.transcript, seed=session.seed)
    run.best_before = ctx.run_log.best_run(record.player, record.scenario_id)
    problem = ctx.run_log.save_run(record)
    run.recorded = True
    if isinstance(problem, str) and problem:
        ctx.notify(problem, UNSAVED_NOTICE_SECONDS)


def previous_best(ctx: AppContext, run: Run, scenario_id: str) -> Any:
    """The player's best run before ``run`` (for the debrief's "your previous best")."""
    if run.recorded:
        return run.best_before
    return ctx.run_log.best_run(ctx.settings.profile.name, scenario_id)


def save_progress(ctx: AppContext, session: PlaySession, entry: LibraryEntry, run: Run) -> None:
    """Write the resume file (atomically); remove it once the conversation has ended."""
    if session.finished:
        record_run(ctx, session, run)  # first: the resume file is the only other copy of this run
        if ctx.resume_file is not None:
            clear_resume(ctx.resume_file)
        return
    if ctx.resume_file is None:
        return
    write_resume(ctx.resume_file, {
        "scenario_id": session.owner.scenario.id, "title": session.owner.scenario.title,
        "path": str(entry.path), "mode": run.mode, "player": ctx.settings.profile.name,
        "started_at": run.started_at.isoformat(), "snapshot": session.snapshot(),
    })
