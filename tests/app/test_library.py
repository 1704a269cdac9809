"""The game's scenario library with a trainer's own folder: a file whose scenario id is already
taken (typically a copy of a shipped call, edited but with the id kept) is listed as broken with
the file that holds the id and how to fix it; it never hides or replaces the first one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame

from scoring.catalog import default_catalog
from simulator.app.library import Library

from .conftest import FIXTURE, MakeApp
from .helpers import press


def _copy_with_title(target: Path, title: str) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    first_title = next(line for line in text.splitlines() if line.startswith("title:"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace(first_title, f"title: {title}", 1), encoding="utf-8")
    return target


def test_a_second_file_with_a_taken_id_is_broken_and_names_the_first(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    shipped = pack / "late_parcel.yaml"
    shutil.copy(FIXTURE, shipped)
    mine = _copy_with_title(tmp_path / "mine" / "my_copy.yaml", "My own parcel call")
    library = Library(pack, [mine.parent], default_catalog().ids())
    library.load()
    good = [e for e in library.entries if e.ok]
    broken = [e for e in library.entries if not e.ok]
    assert [e.path for e in good] == [shipped]  # the first file keeps the id
    assert library.find("late-parcel").path == shipped  # type: ignore[union-attr]
    assert [e.path for e in broken] == [mine]
    assert "already used by" in broken[0].error and str(shipped) in broken[0].error
    assert str(mine) in broken[0].error and "own id" in broken[0].error


def test_two_files_in_one_folder_with_one_id(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    shutil.copy(FIXTURE, pack / "a.yaml")
    _copy_with_title(pack / "b.yaml", "Another title")
    library = Library(pack, principle_ids=default_catalog().ids())
    library.load()
    assert [(e.path.name, e.ok) for e in library.entries] == [("a.yaml", True), ("b.yaml", False)]


def test_the_picker_lists_the_copy_as_broken_and_refuses_to_play_it(make_app: MakeApp, home: Path) -> None:
    mine = _copy_with_title(home / "data" / "scenarios" / "copy.yaml", "A copy")
    app = make_app()
    app.ctx.library.extra = [mine.parent]  # type: ignore[union-attr]
    press(app, pygame.K_F5)
    app.top.menu.focus_key("play")  # type: ignore[union-attr]
    press(app, pygame.K_RETURN)
    picker = app.top
    assert picker is not None and picker.name == "picker"
    assert picker.menu.focus_key("broken:copy.yaml")
    press(app, pygame.K_RETURN)
    assert app.top is picker and any("already used by" in n.text for n in app.ctx.notices)
    assert picker.focus_scenario("late-parcel")
    press(app, pygame.K_RETURN)
    assert app.top.name == "play" and app.top.session.scenario.title != "A copy"  # type: ignore[union-attr]
