"""The leaderboard screen driven headless with synthetic keys, on a real SQLite results store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from simulator.app.leaderboard_views import NO_STORE, RANKING, SCENARIO, TEAM, WORKSHOP, filter_value
from simulator.app.runlog import MemoryRunLog, SafeRunLog, StoreRunLog
from simulator.app.screens.debrief import DebriefScreen
from simulator.app.screens.leaderboard import BoardRow, LeaderboardScreen, columns, fit
from simulator.app.screens.title import TitleScreen
from simulator.app.settings import Profile, Settings
from simulator.results.store import ResultStore, open_store

from .helpers import click, press
from .test_leaderboard_views import run, save
from .test_screens import choose_with_arrows, to_play

ROBIN = Profile("Robin", "Blue", "W1")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ResultStore]:
    with open_store(f"sqlite:///{tmp_path / 'results.sqlite3'}") as opened:
        yield opened


def seeded(store: ResultStore) -> SafeRunLog:
    save(store,
         run("Robin", 60, team="Blue", workshop="W1", scores={"listen-first": 100, "be-honest": 20}),
         run("Ana", 90, team="Red", workshop="W1", scores={"listen-first": 10, "be-honest": 100}),
         run("Bo", 75, team="Blue", workshop="W2", scores={"listen-first": 50, "be-honest": 50}))
    return SafeRunLog(StoreRunLog(store))


def open_board(app) -> LeaderboardScreen:  # type: ignore[no-untyped-def]
    title = app.top
    assert isinstance(title, TitleScreen) and title.menu.focus_key("leaderboard")
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, LeaderboardScreen)
    return app.top


def players(screen: LeaderboardScreen) -> list[str]:
    assert screen.view is not None
    return [line.player for line in screen.view.lines]


def test_open_from_the_title_change_filters_with_the_keyboard_and_go_back(make_app, store: ResultStore) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, profile=ROBIN), run_log=seeded(store))
    board = open_board(app)
    assert filter_value(board.filters, SCENARIO) == "late-parcel"
    assert filter_value(board.filters, WORKSHOP) == "W1"  # the player's own workshop code
    assert players(board) == ["Ana", "Robin"]
    assert [line.highlight for line in board.view.lines] == [False, True]
    press(app, pygame.K_DOWN)  # Ranking
    assert board.focus == 1
    press(app, pygame.K_RIGHT)  # the first principle late-parcel trains (catalog order)
    assert filter_value(board.filters, RANKING) == "listen-first"
    assert players(board) == ["Robin", "Ana"]
    press(app, pygame.K_DOWN, pygame.K_LEFT)  # Workshop: Any <- W1 (Left goes back to Any)
    assert filter_value(board.filters, WORKSHOP) is None
    assert players(board) == ["Robin", "Bo", "Ana"]
    press(app, pygame.K_TAB, pygame.K_RIGHT)  # Team: Blue
    assert filter_value(board.filters, TEAM) == "Blue" and players(board) == ["Robin", "Bo"]
    press(app, pygame.K_DOWN)  # already on the last filter: stays
    assert board.focus == 3
    press(app, pygame.K_UP, pygame.K_UP, pygame.K_UP, pygame.K_LEFT)  # Scenario: All scenarios
    assert filter_value(board.filters, SCENARIO) is None
    assert filter_value(board.filters, RANKING) == "listen-first"  # still a catalog principle
    assert board.view.lines[0].detail.startswith("The Late Parcel: ")
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen)


def test_a_click_on_a_filter_focuses_and_cycles_it(make_app, store: ResultStore) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, profile=ROBIN), run_log=seeded(store))
    board = open_board(app)
    click(app, board.grid.rects[3].center)
    assert board.focus == 3 and filter_value(board.filters, TEAM) is not None


def test_the_debrief_opens_the_board_of_its_scenario_with_the_new_run(make_app, store: ResultStore) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, profile=ROBIN), run_log=seeded(store))
    to_play(app)
    choose_with_arrows(app, "ask-details")
    press(app, pygame.K_RETURN)
    choose_with_arrows(app, "tell-truth")
    press(app, pygame.K_RETURN, pygame.K_RETURN)  # feedback card, then "See your debrief"
    debrief = app.top
    assert isinstance(debrief, DebriefScreen) and debrief.menu.focus_key("buttons")
    press(app, pygame.K_RIGHT, pygame.K_RIGHT, pygame.K_RETURN)  # Try again, Another scenario, Leaderboard
    board = app.top
    assert isinstance(board, LeaderboardScreen)
    assert filter_value(board.filters, SCENARIO) == "late-parcel"
    mine = [line for line in board.view.lines if line.highlight]
    assert players(board)[0] == "Robin" and len(mine) == 1 and mine[0].score == "100"
    assert mine[0].detail.endswith("2 runs")
    press(app, pygame.K_ESCAPE)
    assert app.top is debrief


def test_without_a_results_store_the_board_says_so(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(run_log=MemoryRunLog())
    board = open_board(app)
    assert board.view.lines == () and board.view.message == NO_STORE
    press(app, pygame.K_RIGHT, pygame.K_DOWN, pygame.K_RIGHT, pygame.K_PAGEDOWN)  # nothing breaks
    assert board.view.message == NO_STORE
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen)


def test_long_untrusted_names_are_fitted_with_an_ellipsis(make_app, store: ResultStore) -> None:  # type: ignore[no-untyped-def]
    save(store, run("Maximilian\x00 " + "W" * 80, 70, team="T" * 90, workshop="W1"))
    for size in ((1280, 720), (800, 540)):
        app = make_app(Settings(reduced_motion=True, text_size="largest", profile=ROBIN),
                       run_log=SafeRunLog(StoreRunLog(store)), size=size)
        board = open_board(app)
        row = board.table.rows[0]
        assert isinstance(row, BoardRow)
        rect = board.table.row_rect(0)
        cols = columns(app.ctx, rect.width)
        name = row.cells[1][0]
        assert name.get_width() <= cols.player
        assert all(x + cell.get_width() <= rect.width for cell, x, _ in row.cells)
        assert fit(app.ctx, "W" * 80, "body", 200).endswith("...")
        assert app.ctx.text.size(fit(app.ctx, "W" * 80, "body", 200), "body")[0] <= 200


@pytest.mark.parametrize("size", [(1280, 720), (800, 540)])
def test_largest_text_and_high_contrast_fit_the_window(make_app, store: ResultStore, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, text_size="largest", theme="high_contrast", profile=ROBIN),
                   run_log=seeded(store), size=size)
    board = open_board(app)
    window = app.surface.get_rect()
    assert all(window.contains(rect) for rect in board.grid.rects)
    assert board.grid.rects[-1].bottom < board.table.rect.top
    assert board.table.rect.height >= app.ctx.text.line_height("h2") * 2
    assert board.table.rect.bottom <= window.bottom
    for rect, (_, value) in zip(board.grid.rects, board.grid.cells, strict=True):  # values fit their cells
        assert board.grid.label_w + 16 + value.get_width() <= rect.width - 14


def test_draw_does_not_change_state_and_idles(make_app, store: ResultStore) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, profile=ROBIN), run_log=seeded(store))
    board = open_board(app)
    before = (board.view, board.focus, board.table.scroll)
    for _ in range(3):
        app.draw(app.surface)
    assert (board.view, board.focus, board.table.scroll) == before
    assert not board.animating and not app.needs_frames()  # idle: the loop blocks on events


def test_opened_from_the_title_the_board_starts_on_the_players_latest_call(make_app, store: ResultStore,  # type: ignore[no-untyped-def]
                                                                           pack: Path) -> None:
    text = (pack / "late_parcel.yaml").read_text(encoding="utf-8")
    (pack / "late_parcel_two.yaml").write_text(text.replace("id: late-parcel", "id: late-parcel-two", 1),
                                               encoding="utf-8")
    save(store, run("Robin", 60, minutes=0), run("Robin", 40, scenario="late-parcel-two", minutes=5),
         run("Ana", 90, minutes=9))
    app = make_app(Settings(reduced_motion=True, profile=ROBIN), run_log=SafeRunLog(StoreRunLog(store)))
    assert "late-parcel-two" in {entry.id for entry in app.ctx.library.entries}
    assert filter_value(open_board(app).filters, SCENARIO) == "late-parcel-two"
    press(app, pygame.K_ESCAPE)
    app.ctx.settings = Settings(reduced_motion=True, profile=Profile("Nobody", "Blue", "W1"))
    assert filter_value(open_board(app).filters, SCENARIO) == "late-parcel"  # no runs: the first call, as before
