"""Issue 15: the call a room plays together is saved as a run, like any other: one run with the
room's identity and the scorer's score, in the workshop report, the leaderboards and the xAPI
statements; unfinished when the facilitator stops it; kept locally when the store refuses it.
On SQLite and PostgreSQL (``store_url``)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from simulator.results import room as rooms
from simulator.results.location import StoreError
from simulator.results.room_run import ROOM_MODE, ROOM_PLAYER, room_record, room_team, save_room_run
from simulator.results.store import ResultStore
from tests.results.helpers import LATE_PARCEL, make_record


@pytest.fixture
def loaded() -> Any:
    from scoring.catalog import default_catalog
    from simulator.content.loader import load_scenario

    return load_scenario(LATE_PARCEL, default_catalog().ids())


def _play(room: Any, store: ResultStore, picks: list[int], voters: tuple[str, ...] = ("Ann", "Bo", "Cy")) -> None:
    """Every voter votes option ``picks[k]`` (1-based) at decision k; the room plays the majority."""
    for pick in picks:
        decision = room.decision()
        if decision.finished:
            return
        for name in voters:
            rooms.vote(store, decision.room_id, name, decision.decision_no, decision.options[pick - 1].id)
        room.close_vote()
        room.play()


def _score(room: Any) -> Any:
    from scoring.catalog import default_catalog
    from scoring.scorer import score_run

    session = room.session
    return score_run(session.owner.scenario, session.transcript, default_catalog(), session.ending)


def test_a_finished_room_call_is_one_run_with_the_rooms_identity_and_the_scorers_score(store, loaded) -> None:  # type: ignore[no-untyped-def]
    from scoring.scorer import band_for
    from simulator.results.queries import leaderboard, workshop_data
    from simulator.results.summary import summarise

    store.save_run(make_record("Ann", "Red", "TUE-AM", 40, scenario_id=loaded.scenario.id))
    room = rooms.FacilitatorRoom.open(store, " Tue-AM ", loaded, seed=0)
    try:
        _play(room, store, [1] * 20)
        assert room.decision().finished
        record = room_record(room)
        assert record is not None
        assert save_room_run(store, record).saved
        assert not store.save_run(record)  # run_id is the room's: saving again adds nothing
        report = _score(room)
    finally:
        room.close()
    stored = [r for r in store.iter_records() if r.mode == ROOM_MODE]
    assert len(stored) == 1 and store.count_runs() == 2
    run = stored[0]
    assert (run.run_id, run.player, run.team, run.workshop) == (room.room_id, ROOM_PLAYER, "Room Tue-AM", "Tue-AM")
    assert run.status == "finished" and run.overall == report.overall and run.outcome == report.outcome
    assert run.principle_scores == report.scores() and len(run.transcript) == len(room.session.transcript)
    assert room.decision().result["room"]["overall"] == run.overall  # the projector's debrief agrees

    summary = summarise(workshop_data(store, "tue-am"), {}, {})
    players = {(p.player, p.team): p for p in summary.players}
    assert players[(ROOM_PLAYER, "Room Tue-AM")].overall == run.overall  # its own entry in the report
    assert players[("Ann", "Red")].overall == 40  # the learner's entry is untouched
    assert {t.team for t in summary.teams} == {"Red", "Room Tue-AM"}
    board = leaderboard(store, loaded.scenario.id, workshop="TUE-AM")
    assert sorted((row.player, row.team, row.runs) for row in board) == [
        ("Ann", "Red", 1), (ROOM_PLAYER, "Room Tue-AM", 1)]
    assert band_for(run.overall) == report.band


def test_a_stopped_room_call_is_saved_unfinished_and_an_unplayed_one_not_at_all(store, loaded) -> None:  # type: ignore[no-untyped-def]
    room = rooms.FacilitatorRoom.open(store, "W", loaded, seed=0)
    try:
        assert room_record(room) is None  # no decision played: nothing to keep (as for a learner)
        _play(room, store, [1])
        room.stop()
        record = room_record(room)
        assert record is not None and save_room_run(store, record).saved
    finally:
        room.close()
    run = store.get_run(room.room_id)
    assert run is not None and run.status == "abandoned" and run.outcome is None
    assert run.overall == _score(room).overall and run.overall <= 49 and len(run.transcript) == 1


def test_the_text_facilitator_saves_the_rooms_run_at_the_end_and_when_stopped(store, loaded) -> None:  # type: ignore[no-untyped-def]
    from simulator.cli.room_text import facilitate_room

    out = io.StringIO()
    assert facilitate_room(store, loaded, "TUE-PM", 0, io.StringIO("\n1\n" * 20), out) == 0  # no votes: a tie, 1 picked
    assert "Saved the room's finished run" in out.getvalue() and "team Room TUE-PM" in out.getvalue()
    out = io.StringIO()
    assert facilitate_room(store, loaded, "TUE-PM", 0, io.StringIO("\n1\nq\n"), out) == 2  # one decision, then stop
    assert "Saved the room's unfinished run" in out.getvalue()
    assert facilitate_room(store, loaded, "TUE-PM", 0, io.StringIO(""), io.StringIO()) == 2  # stopped at once
    runs = sorted((r.status, len(r.transcript)) for r in store.iter_records(workshop="tue-pm"))
    assert [status for status, _ in runs] == ["abandoned", "finished"] and runs[0][1] == 1
    assert all(r.player == ROOM_PLAYER and r.mode == ROOM_MODE for r in store.iter_records())


class _InterruptedInput(io.StringIO):
    """The facilitator's keyboard: the given lines, then Ctrl-C."""

    def readline(self, size: int = -1) -> str:
        line = super().readline(size)
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_in_the_text_facilitator_stops_the_room_and_saves_its_run(store, loaded) -> None:  # type: ignore[no-untyped-def]
    from simulator.cli.room_text import facilitate_room

    with pytest.raises(KeyboardInterrupt):
        facilitate_room(store, loaded, "WED", 0, _InterruptedInput("\n1\n"), io.StringIO())
    (run,) = store.iter_records(workshop="wed")
    assert run.status == "abandoned" and len(run.transcript) == 1
    assert rooms.find_room(store, "WED") is None  # no open room left for players to wait in
    assert rooms.current(store, run.run_id).status == rooms.STOPPED


class _RefusingStore:
    """A store that cannot take runs (the database went away)."""

    where = "sqlite:///gone.db"

    def save_run(self, record: Any) -> bool:
        raise StoreError("could not save run (gone.db): disk I/O error")


def test_a_store_failure_keeps_the_room_run_locally_and_it_imports_back(store, loaded, home: Path) -> None:  # type: ignore[no-untyped-def]
    from simulator.cli.room_text import save_room
    from simulator.results.transfer import import_lines

    room = rooms.FacilitatorRoom.open(store, "W", loaded, seed=0)
    try:
        _play(room, store, [2] * 20)
        assert not save_room(_RefusingStore(), room, io.StringIO())  # the text driver then exits 3
        record = room_record(room)
    finally:
        room.close()
    kept = home / "data" / "unsaved-runs.jsonl"
    lines = kept.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["mode"] == ROOM_MODE
    assert store.get_run(room.room_id) is None
    result = import_lines(store, io.StringIO(lines[0]))  # the strict import accepts a room run
    assert result.added == 1 and not result.problems
    back = store.get_run(room.room_id)
    assert back is not None and record is not None and back.overall == record.overall and back.team == record.team


def test_room_runs_become_valid_xapi_statements(store, loaded) -> None:  # type: ignore[no-untyped-def]
    from simulator.results.scenario_info import load_infos
    from simulator.results.xapi import DEFAULT_BASE, statements
    from tests.results.xapi_check import validate

    room = rooms.FacilitatorRoom.open(store, "W", loaded, seed=0)
    try:
        _play(room, store, [3] * 20)
        record = room_record(room)
    finally:
        room.close()
    assert record is not None
    infos = load_infos(LATE_PARCEL.parent)
    made = statements(record, infos.get(record.scenario_id), DEFAULT_BASE)
    assert len(made) == len(record.transcript) + 2  # answered per decision, completed, passed/failed
    for statement in made:
        validate(statement)
        assert statement["actor"]["name"] == ROOM_PLAYER
        assert statement["context"]["extensions"][f"{DEFAULT_BASE}/mode"] == ROOM_MODE


def test_the_rooms_team_name_fits_the_import_limits() -> None:
    assert room_team("  tue   am ") == "Room tue am" and room_team("") == "Room"
    assert len(room_team("X" * 60)) == 60


def test_a_learner_called_room_never_gets_the_rooms_calls_as_their_own(store) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from simulator.results.queries import best_run, history

    own = make_record(ROOM_PLAYER, "Blue", "TUE-AM", 40)
    store.save_run(own)
    store.save_run(replace(make_record(ROOM_PLAYER, "Room TUE-AM", "TUE-AM", 95), mode=ROOM_MODE))
    assert [entry.run_id for entry in history(store, ROOM_PLAYER)] == [own.run_id]
    best = best_run(store, ROOM_PLAYER, own.scenario_id)
    assert best is not None and best.run_id == own.run_id
