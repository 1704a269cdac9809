"""The leaderboard: best run per player, by scenario and ranking, filtered by workshop and team.

Four filters sit in a grid above the table: Up/Down/Tab move between them, Left/Right (or Enter)
cycle the focused one, PageUp/PageDown/Home/End and the wheel scroll the table, Esc goes back.
The board is read from the results store only when a filter changes or the screen comes back on
top (never while drawing). Names from the store are drawn as plain text, fitted with an ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from simulator.app.leaderboard_views import (
    BoardLine,
    Facets,
    Filter,
    LeaderboardView,
    ScenarioOption,
    build_leaderboard,
    change_filter,
    clean_name,
    initial_filters,
    load_facets,
    principle_names,
    scenario_options,
)
from simulator.app.runlog import results_store
from simulator.app.screens.base import PageScreen
from simulator.app.translation import N_
from simulator.app.widgets.draw import fit, focus_ring, panel
from simulator.app.widgets.rows import PAD, Row, TextRow
from simulator.app.widgets.scrolllist import SCROLLBAR, ScrollList

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.context import AppContext

__all__ = ["BoardRow", "LeaderboardScreen", "columns", "fit"]  # fit: kept here for old imports

HINT = N_("Up/Down or Tab: choose a filter   Left/Right: change it   PageUp/PageDown: scroll   "
          "Esc: back")
CELL_GAP = 28  # room for the focus ring and its side bar between cells
YOU = N_(" (you)")


@dataclass(frozen=True)
class Columns:
    """Where each column starts inside a row (x offsets from the row's inner left) and how wide it is.
    ``wide`` False: two lines per row (rank, player, score; then team and details)."""

    wide: bool
    rank: int
    player: int
    team: int
    score: int
    detail: int
    x_player: int
    x_team: int
    x_score: int
    x_detail: int


def columns(ctx: AppContext, width: int) -> Columns:
    inner = width - 2 * PAD
    gap = 16
    rank = ctx.text.size("=000", "body")[0]
    score = max(ctx.text.size(ctx._("Score"), "small")[0], ctx.text.size("100", "h2")[0])
    rest = inner - rank - score - 4 * gap
    em = ctx.text.size("M", "body")[0]
    player, team = rest * 36 // 100, rest * 20 // 100
    if player >= 8 * em:
        x_player = rank + gap
        x_team = x_player + player + gap
        x_score = x_team + team + gap
        x_detail = x_score + score + gap
        return Columns(True, rank, player, team, score, inner - x_detail, x_player, x_team, x_score, x_detail)
    x_player = rank + gap
    x_score = inner - score
    return Columns(False, rank, x_score - gap - x_player, inner - x_player, score, inner - x_player,
                   x_player, x_player, x_score, x_player)


class BoardRow(Row):
    """One ranked player; the current player's row is filled and marked "(you)"."""

    def __init__(self, line: BoardLine):
        self.line = line
        self.cells: list[tuple[pygame.Surface, int, int]] = []  # surface, x offset, y offset

    def layout(self, ctx: AppContext, width: int) -> int:
        theme, line = ctx.theme, self.line
        cols = columns(ctx, width)
        color = theme.accent_text if line.highlight else theme.text
        muted = theme.accent_text if line.highlight else theme.muted
        you = ctx.text.size(ctx._(YOU), "body")[0] if line.highlight else 0
        name = fit(ctx, line.player, "body", cols.player - you) + (ctx._(YOU) if line.highlight else "")
        score = ctx.text.render(line.score, "h2", color)
        high = score.get_height()  # every cell of the first line is centred on the score's height
        first = [(ctx.text.render(line.rank, "body", color), 0), (ctx.text.render(name, "body", color), cols.x_player),
                 (score, cols.x_score + cols.score - score.get_width())]
        if cols.wide:
            first.append((ctx.text.render(fit(ctx, line.team, "body", cols.team), "body", color), cols.x_team))
        self.cells = [(cell, x, (high - cell.get_height()) // 2) for cell, x in first]
        if cols.wide:
            detail = ctx.text.render(line.detail, "small", muted, cols.detail)
            y = (high - detail.get_height()) // 2 if detail.get_height() < high else 0
            self.cells.append((detail, cols.x_detail, y))
        else:
            below = high + 2
            team = fit(ctx, ctx._("Team: {team}").format(team=line.team), "small", cols.detail)
            detail = ctx.text.render(line.detail, "small", muted, cols.detail)
            team_surface = ctx.text.render(team, "small", muted)
            self.cells += [(team_surface, cols.x_detail, below),
                           (detail, cols.x_detail, below + team_surface.get_height() + 2)]
        return max(y + s.get_height() for s, _, y in self.cells) + 2 * 8

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: AppContext, focused: bool) -> None:
        theme = ctx.theme
        if self.line.highlight:
            panel(surface, rect, theme.accent, theme.text, 3)
            pygame.draw.rect(surface, theme.text, (rect.left - 12, rect.top + 4, 6, max(8, rect.height - 8)))
        else:
            panel(surface, rect, theme.panel, theme.panel_border, 1)
        for cell, x, y in self.cells:
            surface.blit(cell, (rect.left + PAD + x, rect.top + 8 + y))


class FilterGrid:
    """The filters in one or two columns; each cell shows its label and "< value >"."""

    def __init__(self) -> None:
        self.rects: list[pygame.Rect] = []
        self.cells: list[tuple[pygame.Surface, pygame.Surface]] = []
        self.height = 0
        self.label_w = 0

    def layout(self, ctx: AppContext, filters: tuple[Filter, ...], left: int, top: int, width: int) -> None:
        text = ctx.text
        two = (width - CELL_GAP) // 2 >= 12 * text.size("M", "body")[0]
        cell_w = (width - CELL_GAP) // 2 if two else width
        label_w = max(text.size(f.label, "small")[0] for f in filters) if filters else 0
        cell_h = text.line_height("body") + 2 * 10
        self.rects, self.cells = [], []
        value_color = ctx.theme.accent if ctx.theme.name == "high_contrast" else ctx.theme.text
        for index, item in enumerate(filters):
            column, row = (index % 2, index // 2) if two else (0, index)
            rect = pygame.Rect(left + column * (cell_w + CELL_GAP), top + row * (cell_h + 12),
                               cell_w, cell_h)
            room = cell_w - 2 * PAD - label_w - 16 - text.size("<  >", "body")[0]
            value = f"< {fit(ctx, item.current.label, 'body', room)} >"
            self.rects.append(rect)
            self.cells.append((text.render(item.label, "small", ctx.theme.muted),
                               text.render(value, "body", value_color)))
        self.label_w = label_w
        self.height = (self.rects[-1].bottom - top) if self.rects else 0

    def hit(self, pos: tuple[int, int]) -> int:
        return next((i for i, rect in enumerate(self.rects) if rect.collidepoint(pos)), -1)

    def draw(self, surface: pygame.Surface, ctx: AppContext, focus: int) -> None:
        theme = ctx.theme
        for index, (rect, (label, value)) in enumerate(zip(self.rects, self.cells, strict=True)):
            panel(surface, rect, theme.button, theme.focus if index == focus else theme.panel_border, 2)
            if index == focus:
                focus_ring(surface, rect, theme.focus, theme.focus_width)
            surface.blit(label, (rect.left + PAD, rect.centery - label.get_height() // 2))
            surface.blit(value, (rect.left + PAD + self.label_w + 16, rect.centery - value.get_height() // 2))


class LeaderboardScreen(PageScreen):
    name = "leaderboard"
    title = N_("Leaderboard")
    hint = HINT
    body_gap = (14, 4)

    def __init__(self, app: App, scenario_id: str | None = None):
        super().__init__(app)
        self.scenario_id = scenario_id
        self.store: Any = None
        self.scenarios: tuple[ScenarioOption, ...] = ()
        self.catalog: Any = ()
        self.facets = Facets()
        self.focus = 0
        self.grid = FilterGrid()
        self.table = ScrollList()
        self.caption: pygame.Surface | None = None
        self.heading: list[tuple[pygame.Surface, int]] = []
        self.view: LeaderboardView | None = None
        self.caption_pos = (0, 0)
        self.heading_top = 0

    def on_enter(self) -> None:
        if self.ctx.library is None:
            self.ctx.load_content()
        self.store = results_store(self.ctx.run_log)
        self.catalog = principle_names(self.ctx.principles or self.ctx.catalog)
        self.load(self.scenario_id or self.last_played())

    def last_played(self) -> str | None:
        """The call of the player's latest run that is still in the library (opened from the title, the
        board starts on it), or None."""
        from simulator.results.location import StoreError
        from simulator.results.queries import history

        name = self.ctx.settings.profile.name
        if self.store is None or not name:
            return None
        try:
            runs = history(self.store, name)
        except StoreError:  # a damaged store: the board says so when it loads
            return None
        known = {entry.id for entry in self.ctx.library.entries} if self.ctx.library else set()
        return next((run.scenario_id for run in reversed(runs) if run.scenario_id in known), None)

    @property
    def filters(self) -> tuple[Filter, ...]:
        assert self.view is not None
        return self.view.filters

    def load(self, scenario_id: str | None = None, keep: tuple[Filter, ...] = ()) -> None:
        """Read the scenarios, the filter values present and the board (keeping ``keep``'s values)."""
        library = self.ctx.library
        self.scenarios = scenario_options(library.entries if library else [])
        self.facets = load_facets(self.store)
        filters = initial_filters(self.scenarios, self.catalog, self.facets, self.ctx.settings.profile.workshop,
                                  scenario_id, self.ctx.ui)
        if keep:
            filters = tuple(new.select(old.value) for new, old in zip(filters, keep, strict=True))
            filters = change_filter(filters, 0, 0, self.scenarios, self.catalog, self.ctx.ui)  # that scenario's
            filters = tuple(new.select(old.value) for new, old in zip(filters, keep, strict=True))
        self.show(filters)

    def show(self, filters: tuple[Filter, ...]) -> None:
        titles = {s.id: s.title for s in self.scenarios}
        self.view = build_leaderboard(self.store, filters, self.ctx.settings.profile.name, self.facets, titles,
                                      ui=self.ctx.ui)
        rows: list[Row] = [BoardRow(line) for line in self.view.lines]
        if not rows:
            rows.append(TextRow(self.view.message, color="muted"))
        self.table.set_rows(rows)
        self.table.scroll = 0
        self.layout(self.size)

    def step(self, delta: int) -> None:
        self.show(change_filter(self.filters, self.focus, delta, self.scenarios, self.catalog, self.ctx.ui))

    def layout_body(self, rect: pygame.Rect) -> None:
        """Filters, caption and column titles on top; the table takes the rest of ``rect``."""
        ctx, text = self.ctx, self.ctx.text
        left, top, width = rect.left, rect.top, rect.width
        self.grid.layout(ctx, self.filters, left, top, width)
        top += self.grid.height + 10
        assert self.view is not None
        self.caption = text.render(self.view.caption, "small", ctx.theme.text, width)
        self.caption_pos = (left, top)
        top += self.caption.get_height() + 6
        cols = columns(ctx, width - SCROLLBAR - 4)  # the table's rows start at ``left`` too
        _ = ctx._
        titles = [("#", 0), (_("Player"), cols.x_player), (_("Score"), cols.x_score)]
        if cols.wide:
            titles += [(_("Team"), cols.x_team), (_("Outcome, date"), cols.x_detail)]
        self.heading = [(text.render(t, "small", ctx.theme.muted), x) for t, x in titles]
        self.heading_top = top
        top += text.line_height("small") + 2
        margin = self.table.margin
        self.table.layout(ctx, pygame.Rect(left - margin, top, width + 2 * margin,
                                           max(text.line_height("body") * 2, rect.bottom - top)))

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            key, shift = event.key, bool(event.mod & pygame.KMOD_SHIFT)
            count = len(self.filters)
            if key == pygame.K_ESCAPE:
                self.back()
            elif key == pygame.K_UP or (key == pygame.K_TAB and shift):
                self.focus = max(0, self.focus - 1)
            elif key in (pygame.K_DOWN, pygame.K_TAB):
                self.focus = min(count - 1, self.focus + 1)
            elif key in (pygame.K_LEFT, pygame.K_RIGHT):
                self.step(-1 if key == pygame.K_LEFT else 1)
            elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.step(1)
            else:
                self.table.handle(event)
            return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            index = self.grid.hit(event.pos)
            if index >= 0:
                self.focus = index
                self.step(1)
                return
        self.table.handle(event)

    def on_resume(self) -> None:
        self.load(keep=self.filters)

    def on_reload(self) -> None:
        self.load(keep=self.filters)

    def header_right(self) -> str:
        player = clean_name(self.ctx.settings.profile.name)
        return self.ctx._("You: {name}").format(name=player) if player else ""

    def draw_body(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        self.grid.draw(surface, ctx, self.focus)
        if self.caption is not None:
            surface.blit(self.caption, self.caption_pos)
        inner_left = self.table.rect.left + self.table.margin + PAD
        for heading, x in self.heading:
            surface.blit(heading, (inner_left + x, self.heading_top))
        self.table.draw(surface, ctx)

