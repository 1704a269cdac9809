"""Issue #11, replayed in the game: a newer results store, a full disk, a second window (read-only),
and ``--pack DIR`` on the bare game start. No finished run is lost and the player is told."""

from __future__ import annotations

import argparse
import errno
import json
from pathlib import Path

import pygame
import pytest

from simulator.app import launch as launch_module
from simulator.app.app import App
from simulator.app.runlog import KeepLocallyRunLog, SafeRunLog, StoreRunLog, open_run_log
from simulator.app.screens.play import PlayScreen
from simulator.app.settings import Profile, Settings
from simulator.cli.main import build_parser
from simulator.results.schema import LATEST, MIGRATIONS, migrate
from simulator.results.store import open_store

from .helpers import press
from .test_never_lose_a_run import _finish

NO_SPACE = OSError(errno.ENOSPC, "No space left on device")


def _newer_store(home: Path) -> None:
    """The default results store, written by a Frontline one schema version ahead."""
    with open_store() as store:
        migrate(store.engine, (*MIGRATIONS, (LATEST + 1, "from-the-future", lambda conn: None)))


def _unsaved(home: Path) -> list[dict[str, object]]:
    path = home / "data" / "unsaved-runs.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_a_newer_results_store_keeps_the_run_and_tells_the_player(make_app, home: Path) -> None:  # type: ignore[no-untyped-def]
    _newer_store(home)
    run_log, notice = open_run_log()
    assert isinstance(run_log, KeepLocallyRunLog)
    assert "newer than this Frontline" in notice and "kept locally" in notice
    app = make_app(Settings(reduced_motion=True, profile=Profile("Robin")), run_log=run_log)
    _finish(app)
    [kept] = _unsaved(home)
    assert kept["player"] == "Robin" and kept["status"] == "finished"
    assert any("unsaved-runs.jsonl" in n.text and "newer" in n.text for n in app.ctx.notices)
    assert not app.ctx.resume_file.exists()  # the run is safe in the local file


def test_the_kept_run_is_added_once_this_version_can_use_the_store(home: Path) -> None:
    import sqlite3

    _newer_store(home)
    run_log, _ = open_run_log()
    from tests.app.test_never_lose_a_run import _record

    run_log.save_run(_record("Robin"))
    database = sqlite3.connect(home / "data" / "results.sqlite3")  # "upgrade": the future step is gone
    with database:
        database.execute("DELETE FROM schema_migrations WHERE version > ?", (LATEST,))
    database.close()
    run_log, notice = open_run_log()
    assert "1 run(s)" in notice and run_log.best_run("Robin", "late-parcel").overall == 80


def test_a_full_disk_under_the_store_keeps_the_run_locally(make_app, home: Path,  # type: ignore[no-untyped-def]
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store()
    monkeypatch.setattr(store, "_insert", lambda record: (_ for _ in ()).throw(NO_SPACE))
    app = make_app(Settings(reduced_motion=True, profile=Profile("Robin")), run_log=SafeRunLog(StoreRunLog(store)))
    try:
        _finish(app)
    finally:
        store.close()
    assert [r["player"] for r in _unsaved(home)] == ["Robin"]
    assert any("No space left on device" in n.text and "unsaved-runs.jsonl" in n.text for n in app.ctx.notices)


def test_a_disk_too_full_for_any_copy_keeps_the_saved_game_and_retries(make_app, home: Path,  # type: ignore[no-untyped-def]
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.results import saving

    store = open_store()
    real_insert, real_keep = store._insert, saving.keep_locally
    monkeypatch.setattr(store, "_insert", lambda record: (_ for _ in ()).throw(NO_SPACE))
    monkeypatch.setattr(saving, "keep_locally", lambda record, folder=None: (_ for _ in ()).throw(NO_SPACE))
    app = make_app(Settings(reduced_motion=True, profile=Profile("Robin")), run_log=SafeRunLog(StoreRunLog(store)))
    try:
        play = _finish(app)
        assert any("no local copy could be written" in n.text and "tries again" in n.text for n in app.ctx.notices)
        assert app.ctx.resume_file.exists() and not play.run.recorded  # the last copy is kept
        monkeypatch.setattr(store, "_insert", real_insert)  # space was freed
        monkeypatch.setattr(saving, "keep_locally", real_keep)
        press(app, pygame.K_RETURN)  # the debrief tries again
        assert app.top.name == "debrief" and play.run.recorded
        assert store.count_runs() == 1 and not app.ctx.resume_file.exists() and not _unsaved(home)
    finally:
        store.close()


def _second_game(args: argparse.Namespace, monkeypatch: pytest.MonkeyPatch, drive) -> int:  # type: ignore[no-untyped-def]
    """``launch(args)`` while this process holds the user folder's lock, with ``drive(app)`` as the
    game loop (it presses keys, then the loop ends)."""
    from simulator.app import instance
    from simulator.paths import data_dir

    def run(app: App) -> int:
        drive(app)
        return 0

    monkeypatch.setattr(App, "run", run)
    first = instance.acquire(data_dir())
    assert first is not None and first.handle is not None
    try:
        return launch_module.launch(args)
    finally:
        first.release()


def test_a_second_game_opens_read_only_on_screen_and_writes_nothing(home: Path, pack: Path,  # type: ignore[no-untyped-def]
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def drive(app: App) -> None:
        seen.append([s.name for s in app.stack])
        press(app, pygame.K_RETURN)  # "Open read-only"
        seen.append([s.name for s in app.stack])
        app.ctx.update_settings(theme="high_contrast")  # changes stay in this window
        press(app, pygame.K_RETURN)  # title: Play -> the player's name (no profile yet) or the picker
        seen.append([s.name for s in app.stack])

    args = build_parser([]).parse_args([])
    args.scenarios_dir = str(pack)
    assert _second_game(args, monkeypatch, drive) == 0
    assert seen[0] == ["title", "already-open"] and seen[1] == ["title"] and len(seen[2]) == 2
    assert not (home / "config" / "settings.json").exists()
    assert not (home / "data" / "saves").exists()


def test_play_scenario_read_only_shows_the_card_before_the_scenario(home: Path, pack: Path,  # type: ignore[no-untyped-def]
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def drive(app: App) -> None:
        seen.append([s.name for s in app.stack])
        press(app, pygame.K_RETURN)  # "Open read-only": now the scenario opens
        seen.append([s.name for s in app.stack])
        play = app.top
        assert isinstance(play, PlayScreen)
        press(app, pygame.K_1)  # a choice: no resume file is written in read-only mode

    args = build_parser().parse_args(["play", str(pack / "late_parcel.yaml"), "--scenarios-dir", str(pack)])
    assert _second_game(args, monkeypatch, drive) == 0
    assert seen == [["title", "already-open"], ["title", "picker", "play"]]
    assert not (home / "data" / "saves").exists()

    seen.clear()
    assert _second_game(args, monkeypatch, lambda app: (seen.append([s.name for s in app.stack]),
                                                        press(app, pygame.K_ESCAPE),
                                                        seen.append([s.name for s in app.stack]))) == 0
    assert seen == [["title", "already-open"], ["title", "already-open"]]  # quit: no scenario opened


def test_pack_on_the_bare_game_start_shows_its_scenarios(home: Path, pack: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "trainer-pack"
    extra.mkdir()
    text = (pack / "late_parcel.yaml").read_text(encoding="utf-8")
    (extra / "own_parcel.yaml").write_text(text.replace("id: late-parcel", "id: own-parcel"), encoding="utf-8")
    words = ["--pack", str(extra)]
    args = build_parser(words).parse_args(words)
    args.scenarios_dir = str(pack)
    ids: list[str] = []
    monkeypatch.setattr(App, "run", lambda app: ids.extend(e.id for e in app.ctx.library.entries if e.ok) or 0)
    assert launch_module.launch(args) == 0
    assert "own-parcel" in ids and "late-parcel" in ids


def test_a_missing_pack_folder_is_refused_before_any_window(home: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    words = ["--pack", str(tmp_path / "no-such-pack")]
    assert launch_module.launch(build_parser(words).parse_args(words)) == launch_module.BAD_ARGUMENT_EXIT
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no-such-pack: no such folder" in err[0]
    assert not pygame.display.get_init()


def test_a_run_kept_nowhere_is_held_in_memory_and_printed_at_quit(make_app, home: Path,  # type: ignore[no-untyped-def]
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Store and disk both fail for the whole session: the run stays in memory, is retried, and at
    quit comes out as a line that ``results import`` takes (nothing is lost silently)."""
    import io

    from simulator.results import saving
    from simulator.results.transfer import import_lines

    store = open_store()
    monkeypatch.setattr(store, "_insert", lambda record: (_ for _ in ()).throw(NO_SPACE))
    monkeypatch.setattr(saving, "keep_locally", lambda record, folder=None: (_ for _ in ()).throw(NO_SPACE))
    app = make_app(Settings(reduced_motion=True, profile=Profile("Robin")), run_log=SafeRunLog(StoreRunLog(store)))
    try:
        _finish(app)
        lines = app.services.runs.unsaved_lines()
        assert len(lines) == 1 and json.loads(lines[0])["player"] == "Robin"
    finally:
        store.close()
    with open_store(f"sqlite:///{home / 'elsewhere.db'}") as other:
        result = import_lines(other, io.StringIO(lines[0] + "\n"))
        assert result.added == 1 and other.count_runs() == 1
