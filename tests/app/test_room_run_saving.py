"""Issue 15, game side: the call the room plays on the projector is saved with the workshop's
results like any run: once at the ending, as unfinished when the facilitator stops the room, and
kept in ``unsaved-runs.jsonl`` (with a notice) when the store refuses it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pygame
import pytest

from simulator.app.app import App
from simulator.app.context import AppContext
from simulator.app.runlog import SafeRunLog, StoreRunLog
from simulator.app.settings import Profile, Settings
from simulator.results.room_run import ROOM_MODE, ROOM_PLAYER
from simulator.results.store import open_store

from .conftest import FIXTURE
from .helpers import press


class RefusingRunLog(StoreRunLog):
    """The store reads fine (the room works) but refuses to save runs (say, its disk filled up)."""

    def save_run(self, record: Any) -> None:
        raise OSError("disk I/O error")


def _projector(store: Any, pack: Path, run_log: Any = None) -> tuple[App, Any]:
    from scoring.catalog import default_catalog
    from simulator.content.loader import load_scenario

    ctx = AppContext(Settings(reduced_motion=True, profile=Profile("Fran")), None, pack, [], None,
                     run_log or SafeRunLog(StoreRunLog(store)))
    app = App(ctx, (1280, 720))
    app.surface = pygame.Surface((1280, 720))
    loaded = load_scenario(FIXTURE, default_catalog().ids())
    screen = app.push("room-projector", workshop="TUE-AM", loaded=loaded, seed=0)
    app.frame([], 0.0)
    assert screen.phase == "voting"
    return app, screen


def _decide(app: App, screen: Any) -> None:
    """Close the vote (nobody voted: every option ties), pick option 1, go on."""
    press(app, pygame.K_RETURN)
    if screen.phase == "tie":
        press(app, pygame.K_1)
    assert screen.phase == "played"


def _score(screen: Any) -> Any:
    from scoring.catalog import default_catalog
    from scoring.scorer import score_run

    session = screen.room.session
    return score_run(session.owner.scenario, session.transcript, default_catalog(), session.ending)


def test_the_projectors_room_call_is_saved_once_when_it_ends(tmp_path: Path, home: Path, pack: Path,
                                                           video: None) -> None:
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        app, screen = _projector(store, pack)
        room_id = screen.room.room_id
        while True:
            _decide(app, screen)
            if screen.move.finished:
                break
            assert store.count_runs() == 0  # nothing saved before the call ends
            press(app, pygame.K_RETURN)
        report = _score(screen)
        runs = list(store.iter_records())
        assert len(runs) == 1  # saved at the ending, before the debrief
        press(app, pygame.K_RETURN)
        assert screen.phase == "debrief"
        press(app, pygame.K_ESCAPE)  # leaving the debrief saves nothing twice
        assert app.top is None or app.top is not screen
        assert store.count_runs() == 1
    run = runs[0]
    assert (run.run_id, run.player, run.team, run.workshop, run.mode) == (
        room_id, ROOM_PLAYER, "Room TUE-AM", "TUE-AM", ROOM_MODE)
    assert run.status == "finished" and run.overall == report.overall


def test_stopping_the_room_saves_an_unfinished_run(tmp_path: Path, home: Path, pack: Path, video: None) -> None:
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        app, screen = _projector(store, pack)
        room_id = screen.room.room_id
        _decide(app, screen)
        press(app, pygame.K_RETURN)
        report = _score(screen)
        press(app, pygame.K_ESCAPE, pygame.K_ESCAPE)  # Esc twice stops the room
        run = store.get_run(room_id)
        assert run is not None and run.status == "abandoned" and run.overall == report.overall <= 49
        assert len(run.transcript) == 1 and store.count_runs() == 1


def test_a_store_that_refuses_the_room_run_keeps_it_locally(tmp_path: Path, home: Path, pack: Path,
                                                            video: None) -> None:
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        app, screen = _projector(store, pack, SafeRunLog(RefusingRunLog(store)))
        room_id = screen.room.room_id
        while True:
            _decide(app, screen)
            if screen.move.finished:
                break
            press(app, pygame.K_RETURN)
        assert store.count_runs() == 0
        assert any("kept in" in notice.text for notice in app.ctx.notices)  # the facilitator is told
    kept = (home / "data" / "unsaved-runs.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["run_id"] for line in kept] == [room_id]
    assert json.loads(kept[0])["player"] == ROOM_PLAYER and json.loads(kept[0])["status"] == "finished"


def test_a_room_run_kept_nowhere_is_held_and_printed_at_quit(tmp_path: Path, home: Path, pack: Path, video: None,
                                                             monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    from simulator.app.launch import _report_unsaved
    from simulator.results import saving

    def full_disk(record: Any, folder: Any = None) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(saving, "keep_locally", full_disk)
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        app, screen = _projector(store, pack, SafeRunLog(RefusingRunLog(store)))
        room_id = screen.room.room_id
        _decide(app, screen)
        press(app, pygame.K_RETURN)
        press(app, pygame.K_ESCAPE, pygame.K_ESCAPE)  # stopped: unfinished, and nowhere to keep it
        assert [r.run_id for r in app.services.runs.pending] == [room_id]
        _report_unsaved(app)
    printed = capsys.readouterr().err.splitlines()
    assert json.loads(printed[-1])["run_id"] == room_id and json.loads(printed[-1])["status"] == "abandoned"
