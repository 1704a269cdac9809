"""The resume save seen from the game: a damaged save is moved aside and the player is told so on
the title screen (the log alone is not enough: the player sees no "Resume" row and no reason)."""

from __future__ import annotations

from pathlib import Path

from simulator.app.saves import read_resume
from simulator.app.settings import Profile, Settings

from .conftest import MakeApp


def test_read_resume_reports_where_a_damaged_save_went(tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    path.write_text("{not json", encoding="utf-8")
    moved: list[Path] = []
    assert read_resume(path, moved) is None
    assert moved == [tmp_path / "resume.json.broken"] and moved[0].exists()
    assert read_resume(path, moved) is None and len(moved) == 1  # reported once: the file is gone


def test_a_missing_save_is_not_a_problem(tmp_path: Path) -> None:
    moved: list[Path] = []
    assert read_resume(tmp_path / "resume.json", moved) is None and moved == []


def test_the_title_says_when_the_saved_game_was_damaged(make_app: MakeApp, home: Path) -> None:
    app = make_app()
    resume = app.ctx.resume_file
    assert resume is not None
    resume.parent.mkdir(parents=True, exist_ok=True)
    resume.write_bytes(b"\xff\x00 garbage")
    app.top.refresh()  # type: ignore[union-attr]
    said = [n.text for n in app.ctx.notices if "saved game" in n.text]
    assert len(said) == 1 and "resume.json.broken" in said[0]
    app.top.refresh()  # type: ignore[union-attr]
    assert len([n for n in app.ctx.notices if "saved game" in n.text]) == 1  # once, not at every refresh


def test_the_notice_is_in_the_players_language(make_app: MakeApp, home: Path) -> None:
    app = make_app(Settings(reduced_motion=True, language="es", profile=Profile("Robin")))
    assert app.ctx.resume_file is not None
    app.ctx.resume_file.parent.mkdir(parents=True, exist_ok=True)
    app.ctx.resume_file.write_text("[1, 2]", encoding="utf-8")
    app.top.refresh()  # type: ignore[union-attr]
    said = [n.text for n in app.ctx.notices if "resume.json.broken" in n.text]
    assert said and "partida guardada" in said[0]
