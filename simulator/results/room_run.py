"""The run a room plays together, as a ``RunRecord`` saved like any other run (issue #15).

Contract:
* ``room_record(room)`` turns a ``FacilitatorRoom`` (``simulator.results.room``) into the room's
  run: finished when the call reached an ending, else abandoned (the facilitator stopped it; the
  scorer caps it as unfinished). None when the room played no decision and did not finish (as a
  learner's run with no decision, there is nothing to keep). It reads nothing from the store, so
  it works when the store has just gone away. Scores come from ``scoring.scorer.score_run`` on the
  room's transcript, as for every run.
* Identity: ``run_id`` is the room's id (a UUID), so saving the room's run twice stores it once;
  ``player`` is ``ROOM_PLAYER`` ("Room"), ``team`` is ``room_team(workshop)`` ("Room <code>"),
  so the room is its own row in leaderboards and its own team in the workshop summary (never
  merged with a learner's or a real team's runs); ``workshop`` is the room's workshop code;
  ``mode`` is ``ROOM_MODE`` ("room"), which marks the record as a room run everywhere a run's mode
  shows (CSV, history, xAPI context extension ``mode``). Names stay within the import limits.
* ``save_room_run(store, record)`` saves into the open ``store``; when the store refuses, the
  record is appended to ``unsaved-runs.jsonl`` (``saving.keep_locally``), the fallback of every run.
  The game saves through its run service instead (``app.services.runs.keep``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from simulator.results.location import StoreError
from simulator.results.records import ROOM_MODE, RunRecord, now_utc, record_from_report
from simulator.results.saving import SaveOutcome, keep_locally

ROOM_PLAYER = "Room"
MAX_NAME = 60  # validation.MAX_NAME: a longer team could not be imported back from unsaved-runs.jsonl


def room_team(workshop: str) -> str:
    """The room's team name: "Room <workshop code>", at most ``MAX_NAME`` characters."""
    code = " ".join(workshop.split())
    return (f"{ROOM_PLAYER} {code}" if code else ROOM_PLAYER)[:MAX_NAME].rstrip()


def room_record(room: Any, ended_at: datetime | None = None) -> RunRecord | None:
    """The room's run (see the module contract); ``room`` is a ``FacilitatorRoom``."""
    from scoring.catalog import default_catalog
    from scoring.scorer import score_run

    session = room.session
    if not session.finished and not session.transcript:
        return None
    report = score_run(session.owner.scenario, session.transcript, default_catalog(), session.ending,
                       details=session.details)
    started = room.started_at if room.started_at.tzinfo else room.started_at.replace(tzinfo=UTC)
    workshop = " ".join(room.workshop.split())[:MAX_NAME]
    return record_from_report(
        run_id=room.room_id, player=ROOM_PLAYER, team=room_team(workshop), workshop=workshop,
        content_hash=session.owner.content_hash, mode=ROOM_MODE, started_at=started,
        ended_at=ended_at or now_utc(), report=report, transcript=session.transcript, seed=room.seed)


def save_room_run(store: Any, record: RunRecord) -> SaveOutcome:
    """Save ``record`` in the open ``store``; on a store failure keep it in ``unsaved-runs.jsonl``
    (``kept_in``), and when that fails too, ``saved`` False with no ``kept_in`` (the caller prints
    the record as a line ``results import`` reads)."""
    try:
        store.save_run(record)
        return SaveOutcome(True, store.where)
    except StoreError as error:
        reason = str(error)
    try:
        kept = keep_locally(record)
    except OSError as error:
        return SaveOutcome(False, store.where, f"{reason}; keeping a local copy failed too: {error}")
    return SaveOutcome(False, store.where, reason, kept)
