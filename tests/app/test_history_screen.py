"""The "My progress" screen driven headless with synthetic keys, on a real SQLite results store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from simulator.app.history_views import NO_PLAYER, NO_RUNS
from simulator.app.runlog import MemoryRunLog, SafeRunLog, StoreRunLog
from simulator.app.screens.history import ChartLayout, HistoryScreen, SectionRow
from simulator.app.screens.title import TitleScreen
from simulator.app.settings import Profile, Settings
from simulator.results.store import ResultStore, open_store

from .helpers import press
from .test_leaderboard_views import run, save


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ResultStore]:
    with open_store(f"sqlite:///{tmp_path / 'results.sqlite3'}") as opened:
        yield opened


def open_history(app) -> HistoryScreen:  # type: ignore[no-untyped-def]
    title = app.top
    assert isinstance(title, TitleScreen) and title.menu.focus_key("history")
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, HistoryScreen)
    return app.top


def test_progress_from_the_title_with_a_chart_per_scenario(make_app, store: ResultStore) -> None:  # type: ignore[no-untyped-def]
    save(store, run("Robin", 40, minutes=1, scores={"listen-first": 50}),
         run("Robin", 0, minutes=2, status="abandoned"),
         run("Robin", 80, minutes=3, scores={"listen-first": 90}),
         run("Robin", 55, scenario="gone-scenario", minutes=4))
    app = make_app(run_log=SafeRunLog(StoreRunLog(store)))
    screen = open_history(app)
    assert [s.scenario_id for s in screen.view.sections] == ["late-parcel", "gone-scenario"]
    first = screen.menu.rows[0]
    assert isinstance(first, SectionRow) and screen.menu.focused is first
    charts = [item for kind, item, _, _ in first.blocks if kind == "chart"]
    assert len(charts) == 1 and isinstance(charts[0], ChartLayout)
    heights = [rect.height for rect, _, _ in charts[0].bars]
    assert len(heights) == 2 and heights[1] == 2 * heights[0]  # 40 then 80 on the same scale
    press(app, pygame.K_DOWN)
    assert screen.menu.focused is screen.menu.rows[1]
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen)


@pytest.mark.parametrize("size", [(1280, 720), (800, 540)])
def test_largest_text_fits_the_panel(make_app, store: ResultStore, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    save(store, *(run("Robin", (i * 17) % 100, minutes=i, scores={"listen-first": i, "own-the-follow-through": 9})
                  for i in range(30)))
    app = make_app(Settings(reduced_motion=True, text_size="largest", theme="high_contrast", profile=Profile("Robin")),
                   run_log=SafeRunLog(StoreRunLog(store)), size=size)
    screen = open_history(app)
    row = screen.menu.rows[0]
    assert isinstance(row, SectionRow)
    width = screen.menu.row_rect(0).width
    for kind, item, x, _ in row.blocks:
        if kind == "text":
            assert x + item.get_width() <= width
        elif kind == "chart":
            assert all(bar.right <= width for bar, _, _ in item.bars)
        else:
            assert x + item[2] <= width
    before = (screen.view, screen.menu.scroll, screen.menu.focus)
    app.draw(app.surface)
    assert (screen.view, screen.menu.scroll, screen.menu.focus) == before


def test_no_runs_no_player_and_no_store(make_app, store: ResultStore) -> None:  # type: ignore[no-untyped-def]
    app = make_app(run_log=SafeRunLog(StoreRunLog(store)))
    assert open_history(app).view.message == NO_RUNS
    press(app, pygame.K_DOWN, pygame.K_PAGEDOWN, pygame.K_ESCAPE)
    nobody = make_app(Settings(reduced_motion=True), run_log=MemoryRunLog())
    assert open_history(nobody).view.message == NO_PLAYER
    memory = make_app(run_log=MemoryRunLog())
    assert open_history(memory).view.message == NO_RUNS
