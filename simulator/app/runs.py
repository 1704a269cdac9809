"""Starting, resuming and recording runs: a service the app owns (``app.services.runs``), the glue
between the engine, the scorer, the resume save and the run log. Screens never write runs themselves.

Contract: ``Run`` describes one attempt (id, start time, mode, whether it is recorded).
``RunService(ctx)``:
- ``start(entry)`` / ``restore(entry, snapshot)`` build sessions from library entries (``restore``
  raises SnapshotError); ``resume(data)`` turns a resume save into a ``Resumed`` game or None (with
  a notice; a save that cannot be restored is cleared);
- ``save_progress(session, entry, run)`` writes the resume file after every choice (with the
  learner's open answers, ``typed``, kept in the run record's transcript steps too) and, at the
  ending, records the run *before* clearing the resume file, so a game killed before the debrief
  loses nothing (when the run can be kept nowhere, e.g. a full disk, the resume file stays);
- ``record(session, run, report)`` saves a finished or abandoned run once (never raises for store
  errors: a run the store cannot take is kept in ``unsaved-runs.jsonl`` and the player is told;
  returns False when even that failed, and the next call tries again);
- ``keep(record)`` saves a run made outside a session (the room's run) with the same fallbacks;
- ``abandon(session, run)`` records an unfinished run, forgets the resume save, closes the session;
- ``outcome(session, run)`` scores a finished session and returns it with the player's best run
  before this one (read before recording), recording the run if the ending has not yet.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.app.saves import clear_resume, write_resume

if TYPE_CHECKING:
    from scoring.report import Report
    from simulator.app.context import AppContext
    from simulator.app.library import LibraryEntry
    from simulator.engine.session import PlaySession

log = logging.getLogger(__name__)
UNSAVED_NOTICE_SECONDS = 12.0
MODES = ("coach", "assessment", "certification")


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
    typed: dict[int, str] = field(default_factory=dict)  # open answers: step index -> the learner's words


@dataclass(frozen=True)
class Resumed:
    """A saved game ready to play again."""

    session: PlaySession
    entry: LibraryEntry
    run: Run


class RunService:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx
        self.pending: list[Any] = []  # RunRecords kept nowhere yet (store and disk failed): in memory

    # --- runs that could be kept nowhere ----------------------------------------------------------
    def retry_pending(self) -> None:
        """Try again to save the runs held in memory (a full or read-only disk may have recovered)."""
        from simulator.app.runlog import RunNotKept

        still = []
        for record in self.pending:
            if isinstance(self.ctx.run_log.save_run(record), RunNotKept):
                still.append(record)
        self.pending = still

    def unsaved_lines(self) -> list[str]:
        """At quit: one last try, then each run still unsaved as a JSON line ``results import`` reads
        (the launcher prints them, so a finished run is never lost silently)."""
        import json

        self.retry_pending()
        return [json.dumps(r.to_dict(), ensure_ascii=False, separators=(",", ":")) for r in self.pending]

    # --- sessions ------------------------------------------------------------------------------
    def start(self, entry: LibraryEntry) -> PlaySession:
        from simulator.engine.machine import ScenarioMachine

        assert entry.loaded is not None, "broken scenarios cannot be played"
        machine = ScenarioMachine(entry.loaded.scenario, entry.loaded.content_hash)
        return machine.start(seed=self.ctx.next_seed())

    def restore(self, entry: LibraryEntry, snapshot: dict[str, Any]) -> PlaySession:
        """A session from a snapshot on a fresh machine for ``entry``; raises SnapshotError."""
        from simulator.engine.machine import ScenarioMachine

        assert entry.loaded is not None
        machine = ScenarioMachine(entry.loaded.scenario, entry.loaded.content_hash)
        return machine.restore(snapshot)

    def resume(self, data: dict[str, Any]) -> Resumed | None:
        """The saved game ``data`` (from the resume file), or None with a notice when it cannot be."""
        from simulator.engine.session import SnapshotError

        ctx, library = self.ctx, self.ctx.library
        entry = library.find(str(data["scenario_id"])) if library else None
        if entry is None and library is not None and data.get("path"):
            found = library.find_path(Path(str(data["path"])))
            entry = found if found is not None and found.ok else None
        if entry is None:
            ctx.notify(ctx._("The saved game's scenario is missing or broken; it cannot be resumed."))
            return None
        try:
            session = self.restore(entry, data["snapshot"])
        except SnapshotError as error:
            ctx.notify(ctx._("The saved game cannot be resumed: {error}").format(error=error))
            if ctx.resume_file is not None:
                clear_resume(ctx.resume_file)
            return None
        mode = str(data["mode"]) if data.get("mode") in MODES else ctx.settings.mode
        return Resumed(session, entry, Run(mode, typed=typed_words(data.get("typed"))))

    # --- scores and records --------------------------------------------------------------------
    def score(self, session: PlaySession) -> Report:
        from scoring.catalog import default_catalog
        from scoring.scorer import score_run

        if self.ctx.catalog is None:
            self.ctx.catalog = default_catalog()
        return score_run(session.scenario, session.transcript, self.ctx.catalog, session.ending,
                         details=session.details)

    def record(self, session: PlaySession, run: Run, report: Report | None = None) -> bool:
        """Save the run once (finished, or abandoned when it has at least one decision). False when
        it could be kept nowhere (store and local file failed): it is tried again next time."""
        from simulator.app.runlog import RunNotKept
        from simulator.results.records import record_from_report

        if run.recorded or (not session.finished and not session.transcript):
            return True
        ctx = self.ctx
        report = report or self.score(session)
        profile = ctx.settings.profile
        record = record_from_report(
            run_id=run.run_id, player=profile.name or "Player", team=profile.team, workshop=profile.workshop,
            content_hash=session.owner.content_hash, mode=run.mode, started_at=run.started_at, ended_at=_now(),
            report=report, transcript=session.transcript, seed=session.seed)
        if run.typed:
            record = with_typed_words(record, run.typed)
        self.retry_pending()
        run.best_before = ctx.run_log.best_run(record.player, record.scenario_id)
        problem = ctx.run_log.save_run(record)
        run.recorded = not isinstance(problem, RunNotKept)
        if not run.recorded:  # held in memory, tried again later and printed at quit if still failing
            self.pending = [r for r in self.pending if r.run_id != record.run_id] + [record]
        if isinstance(problem, str) and problem:
            ctx.notify(problem, UNSAVED_NOTICE_SECONDS)
        return run.recorded

    def keep(self, record: Any) -> bool:
        """Save a run made outside a play session (the room's run, ``simulator.results.room_run``)
        with the same fallbacks as ``record``: a run the store refuses goes to
        ``unsaved-runs.jsonl`` (the notice says so), one kept nowhere is held in memory, retried at
        every later save and printed at quit. False when it is held in memory."""
        from simulator.app.runlog import RunNotKept

        self.retry_pending()
        problem = self.ctx.run_log.save_run(record)
        kept = not isinstance(problem, RunNotKept)
        if not kept:
            self.pending = [r for r in self.pending if r.run_id != record.run_id] + [record]
        if isinstance(problem, str) and problem:
            self.ctx.notify(problem, UNSAVED_NOTICE_SECONDS)
        return kept

    def outcome(self, session: PlaySession, run: Run) -> tuple[Report, Any]:
        """The finished run's report and the player's best run before it (the run is recorded)."""
        report = self.score(session)
        previous = run.best_before if run.recorded else self.ctx.run_log.best_run(
            self.ctx.settings.profile.name, report.scenario_id)
        retried = not run.recorded
        if self.record(session, run, report) and retried and self.ctx.resume_file is not None:
            clear_resume(self.ctx.resume_file)  # kept at the ending because the run could not be
        return report, previous

    def save_progress(self, session: PlaySession, entry: LibraryEntry, run: Run) -> None:
        """Write the resume file (atomically); remove it once the conversation has ended."""
        ctx = self.ctx
        if session.finished:
            kept = self.record(session, run)  # first: the resume file is the only other copy of this run
            if ctx.resume_file is not None and kept:
                clear_resume(ctx.resume_file)
            return
        if ctx.resume_file is None:
            return
        write_resume(ctx.resume_file, {
            "scenario_id": session.owner.scenario.id, "title": session.owner.scenario.title,
            "path": str(entry.path), "mode": run.mode, "player": ctx.settings.profile.name,
            "started_at": run.started_at.isoformat(), "snapshot": session.snapshot(),
            "typed": {str(index): words for index, words in run.typed.items()},
        })

    def abandon(self, session: PlaySession, run: Run) -> None:
        """The player quits mid-scenario: record the abandoned run and forget the resume save (kept
        when the run could be kept nowhere)."""
        if self.record(session, run) and self.ctx.resume_file is not None:
            clear_resume(self.ctx.resume_file)
        session.close()


MAX_TYPED = 400  # an answer box holds at most this many characters


def typed_words(raw: Any) -> dict[int, str]:
    """The open answers kept in a resume save (``{"0": "words", ...}``); anything malformed is dropped."""
    if not isinstance(raw, dict):
        return {}
    return {int(k): v[:MAX_TYPED] for k, v in raw.items()
            if isinstance(k, str) and k.isdigit() and len(k) < 5 and isinstance(v, str) and v}


def with_typed_words(record: Any, typed: dict[int, str]) -> Any:
    """The record with each transcript step that had an open answer carrying it as ``typed``
    (an extra key: every other key of a step is unchanged)."""
    from dataclasses import replace

    steps = tuple({**step, "typed": typed[step["index"]]} if step.get("index") in typed else step
                  for step in record.transcript)
    return replace(record, transcript=steps)
