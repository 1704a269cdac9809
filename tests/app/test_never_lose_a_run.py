"""Issue #11: a finished run is never lost and damaged user files never stop the game."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from simulator.app.runlog import KeepLocallyRunLog, MemoryRunLog, SafeRunLog, import_unsaved, open_run_log
from simulator.app.saves import read_resume
from simulator.app.screens.play import PlayScreen
from simulator.app.settings import Profile, Settings, load_settings, save_settings
from simulator.results.records import RunRecord, new_run_id, now_utc

from .helpers import press
from .test_screens import choose_with_arrows, to_play


def _record(player: str = "Robin") -> RunRecord:
    return RunRecord(new_run_id(), player, "", "", "late-parcel", "", "coach", now_utc(), now_utc(),
                     "finished", "resolved", 80, {"be-honest": 100})


def _finish(app) -> PlayScreen:  # type: ignore[no-untyped-def]
    play = to_play(app)
    choose_with_arrows(app, "ask-details")
    press(app, pygame.K_RETURN)
    choose_with_arrows(app, "tell-truth")
    press(app, pygame.K_RETURN)
    assert play.session.finished and app.top is play  # the debrief has not opened
    return play


def test_the_run_is_recorded_at_the_ending_before_the_debrief(make_app) -> None:  # type: ignore[no-untyped-def]
    log = MemoryRunLog()
    app = make_app(Settings(reduced_motion=True, profile=Profile("Robin")), run_log=log)
    _finish(app)
    # killed here (before "See your debrief"): the run is already stored, the resume file gone
    assert [r.status for r in log.records] == ["finished"]
    assert not app.ctx.resume_file.exists()
    press(app, pygame.K_RETURN)  # the debrief records nothing twice
    assert len(log.records) == 1
    assert app.top.view.previous_best is None  # this run is not its own "previous best"


class BrokenStore(MemoryRunLog):
    def save_run(self, record: RunRecord) -> None:
        raise RuntimeError("disk I/O error")


def test_a_store_failure_keeps_the_run_locally_and_tells_the_player(make_app, home: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, profile=Profile("Robin")), run_log=SafeRunLog(BrokenStore()))
    _finish(app)
    kept = home / "data" / "unsaved-runs.jsonl"
    lines = kept.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["player"] == "Robin"
    assert any("disk I/O error" in n.text and str(kept) in n.text for n in app.ctx.notices)
    surface = pygame.Surface(app.size)
    app.draw(surface)  # the notice is drawn without error


def test_an_unusable_store_at_start_keeps_runs_and_imports_them_later(home: Path) -> None:
    (home / "data").mkdir(parents=True)
    (home / "data" / "results.sqlite3").write_bytes(b"this is not a database" * 100)
    run_log, notice = open_run_log()
    assert isinstance(run_log, KeepLocallyRunLog) and "kept locally" in notice
    message = run_log.save_run(_record())
    assert "unsaved-runs.jsonl" in message
    (home / "data" / "results.sqlite3").unlink()
    run_log, notice = open_run_log()  # the store works again: the kept run is added
    assert "1 run(s)" in notice
    assert run_log.best_run("Robin", "late-parcel").overall == 80
    assert not (home / "data" / "unsaved-runs.jsonl").exists()


def test_import_unsaved_keeps_the_file_when_a_line_is_bad(home: Path) -> None:
    from simulator.results.store import open_store

    path = home / "data" / "unsaved-runs.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(_record().to_dict()) + "\n{not json\n", encoding="utf-8")
    with open_store() as store:
        assert "could not be read" in import_unsaved(store)
    assert path.exists()


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage", b"[" * 100_000 + b"]" * 100_000,
                                     b'{"text_size": 1e999}', b'{"theme": NaN}'])
def test_damaged_settings_are_moved_aside_and_reported(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    problems: list[str] = []
    assert load_settings(path, problems) == Settings()
    assert len(problems) == 1 and "settings.json.broken" in problems[0]
    assert not path.exists() and (tmp_path / "settings.json.broken").read_bytes() == content
    assert load_settings(path, problems) == Settings() and len(problems) == 1  # reported once
    assert save_settings(Settings(theme="high_contrast"), path)
    assert load_settings(path).theme == "high_contrast"


def _resume(transcript: object, **extra: object) -> dict[str, object]:
    return {"resume_format": 1, "scenario_id": "late-parcel", "title": "x", "path": "x.yaml", "mode": "coach",
            "player": "Robin", "started_at": "2026-01-01T00:00:00+00:00",
            "snapshot": {"transcript": transcript, **extra}}


@pytest.mark.parametrize("text", [
    json.dumps(_resume({"not": "a list"})),
    json.dumps(_resume([1, 2])),
    json.dumps(_resume([], elapsed=1)).replace('"elapsed": 1', '"elapsed": 1e999'),
    "\x00\x01 not json",
])
def test_damaged_resume_files_are_moved_aside(tmp_path: Path, text: str) -> None:
    path = tmp_path / "resume.json"
    path.write_text(text, encoding="utf-8")
    assert read_resume(path) is None
    assert not path.exists() and (tmp_path / "resume.json.broken").exists()


def test_the_game_starts_with_damaged_settings_and_resume(home: Path, video: None) -> None:
    import argparse

    from simulator.app import launch as launch_module

    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_bytes(b"\xff\xff")
    (home / "data" / "saves").mkdir(parents=True)
    (home / "data" / "saves" / "resume.json").write_text(json.dumps(_resume("oops")), encoding="utf-8")
    args = argparse.Namespace(scenario=None)
    app, ctx, title, _ = launch_module._build(args, None, False)
    try:
        assert any("settings.json.broken" in n.text for n in ctx.notices)
        title.refresh()
        assert title.resume is None and (home / "data" / "saves" / "resume.json.broken").exists()
    finally:
        pygame.display.quit()
        pygame.display.init()
