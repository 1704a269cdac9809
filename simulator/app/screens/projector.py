"""The facilitator's projector view of a workshop (``frontline facilitate --workshop CODE``).

Pages: team standings, top players, the room's weakest principles with where to practise them,
and one page per decision where the room split (call order), each option's share, the best option
marked and its why. Pages advance with Right/Space (Left goes back) or every ``page_seconds``
(P pauses the timer). The summary is read in ``on_enter`` and again every ``interval`` seconds
from ``update`` (never from ``draw``); the pages are laid out again only when what they show
changed, and the page shown stays, so a refresh never flickers. Text is sized for the window
(``widgets.projector``) and paginated so nothing is cut off at the largest text size.

Params: ``workshop`` (code), ``interval`` (seconds between reads), ``page_seconds`` (0: no timer).
``shot_name`` names the page shown ("projector-teams", "projector-split-2", ...).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pygame

from simulator.app.screens.base import Screen
from simulator.app.translation import N_
from simulator.app.widgets.projector import (
    BarItem,
    OptionItem,
    Page,
    Section,
    TextItem,
    body_rect,
    draw_bands,
    draw_page,
    paginate,
    projector_text,
)

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.projector_views import ProjectorView, SplitLine

HINT = N_("Right/Space: next page   Left: back   P: pause   Esc: quit")
NEXT_KEYS = (pygame.K_RIGHT, pygame.K_SPACE, pygame.K_PAGEDOWN)
PREVIOUS_KEYS = (pygame.K_LEFT, pygame.K_PAGEUP)


class ProjectorScreen(Screen):
    name = "projector"

    def __init__(self, app: App, workshop: str, interval: float = 3.0, page_seconds: float = 15.0):
        super().__init__(app)
        self.workshop, self.interval, self.page_seconds = workshop, max(0.5, interval), max(0.0, page_seconds)
        self.view: ProjectorView | None = None
        self.problem = ""
        self.updated = ""
        self.pages: list[Page] = []
        self.page = 0
        self.paused = False
        self.since_read = 0.0
        self.since_turn = 0.0
        self._fonts_for: tuple[tuple[int, int], str] | None = None

    @property
    def shot_name(self) -> str:
        return f"projector-{self.pages[self.page].slug}" if self.pages else "projector"

    # --- reading -----------------------------------------------------------------------------
    def on_enter(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the summary; lay out again only when what is shown changed."""
        from simulator.app.projector_views import projector_view
        from simulator.app.room_service import RoomUnavailable

        service = self.app.services.room
        try:
            view = projector_view(service.summary(self.workshop), service.infos())
            problem = ""
        except RoomUnavailable as error:
            view, problem = self.view, str(error)
        updated = datetime.now().strftime("%H:%M")
        if view != self.view or problem != self.problem or updated != self.updated:
            self.view, self.problem, self.updated = view, problem, updated
            self.layout(self.size)

    def update(self, dt: float) -> None:
        self.since_read += dt
        if self.since_read >= self.interval:
            self.since_read = 0.0
            self.refresh()
        if self.page_seconds and not self.paused and len(self.pages) > 1:
            self.since_turn += dt
            if self.since_turn >= self.page_seconds:
                self.turn(1)

    def turn(self, step: int) -> None:
        self.since_turn = 0.0
        if self.pages:
            self.page = (self.page + step) % len(self.pages)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in NEXT_KEYS:
                self.turn(1)
                return
            if event.key in PREVIOUS_KEYS:
                self.turn(-1)
                return
            if event.key == pygame.K_p:
                self.paused = not self.paused
                self.since_turn = 0.0
                return
        super().handle(event)

    # --- layout and drawing ------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        fonts_for = (size, self.ctx.settings.text_size)
        if fonts_for != self._fonts_for:
            self.text = projector_text(size, self.ctx.settings.text_size)
            self._fonts_for = fonts_for
        slug = self.pages[self.page].slug if self.pages else ""
        self.body = body_rect(size, self.text, self.footer())
        self.pages = paginate(self.sections(), self.text, self.ctx.theme, self.body.width, self.body.height,
                              self.ctx._)
        same = next((i for i, p in enumerate(self.pages) if p.slug == slug), None)
        self.page = same if same is not None else min(self.page, len(self.pages) - 1)

    def sections(self) -> list[Section]:
        view, _ = self.view, self.ctx._
        if view is None:
            return [Section(_("Workshop results"), "waiting",
                            [[TextItem(self.problem or _("Reading the results…"))]])]
        if not view.runs:
            return [Section(_("Workshop {code}").format(code=view.workshop), "waiting", [
                [TextItem(_("Waiting for the first results…"), "h2")],
                [TextItem(_("Players: enter the workshop code {code} under Change player, then play.").format(
                    code=view.workshop))]])]
        sections = [self._teams(view), self._players(view), self._principles(view)]
        sections += [self._split(split, n, len(view.splits)) for n, split in enumerate(view.splits, start=1)]
        if not view.splits:
            sections.append(Section(_("Where the room split"), "split", [
                [TextItem(_("No decision has split the room yet: the room agreed at every decision so far."))]]))
        return sections

    def _teams(self, view: ProjectorView) -> Section:
        ngettext = self.ctx.ngettext
        groups = [[BarItem(f"{t.rank}.", self._team(t.team), "-" if t.score is None else str(t.score),
                           (t.score or 0) / 100, t.style,
                           ngettext("{count} player", "{count} players", t.players).format(count=t.players) + " · "
                           + ngettext("{count} run", "{count} runs", t.runs).format(count=t.runs))]
                  for t in view.teams]
        return Section(self.ctx._("Team standings"), "teams", groups)

    def _team(self, team: str) -> str:
        from simulator.app.projector_views import NO_TEAM

        return self.ctx._(NO_TEAM) if team == NO_TEAM else team

    def _players(self, view: ProjectorView) -> Section:
        _ = self.ctx._
        groups = [[BarItem(f"{p.rank}.", f"{p.player} · {self._team(p.team)}",
                           "-" if p.score is None else str(p.score), None, p.style, role="body")]
                  for p in view.players]
        if view.more_players:
            groups.append([TextItem(_("… and {count} more").format(count=view.more_players), "small", "muted")])
        return Section(_("Top players"), "players", groups)

    def _principles(self, view: ProjectorView) -> Section:
        _ = self.ctx._
        groups: list[list] = [[TextItem(_("Principles the room scored lowest on: worth talking about."), "body",
                                        "muted")]]
        for row in view.weakest:
            practise = ", ".join(row.practise) or _("no scenario found")
            groups.append([BarItem("", row.name, _("room {score}").format(score=row.room), row.room / 100,
                                   detail=_("best: {player}").format(player=row.top_player)),
                           TextItem(_("Practise in: {scenarios}").format(scenarios=practise), "body", "text",
                                    indent=1)])
        return Section(_("Weakest principles"), "principles", groups)

    def _split(self, split: SplitLine, number: int, count: int) -> Section:
        _ = self.ctx._
        reached = self.ctx.ngettext("{count} run reached this decision", "{count} runs reached this decision",
                                    split.total).format(count=split.total)
        groups: list[list] = [[TextItem(f"{split.scenario} · {reached}", "small", "muted"),
                               TextItem(f"“{split.prompt}”", "h2")]]
        first_best = next((o for o in split.options if o.best), None)
        groups += [[OptionItem(o.label, o.share, _("{count} of {total}").format(count=o.count, total=split.total),
                               o.best, why=split.why if o is first_best else "", _=_)] for o in split.options]
        return Section(_("Where the room split: {number} of {count}").format(number=number, count=count),
                       f"split-{number}", groups, repeat_first=True)

    def footer(self) -> list[str]:
        """The status line (workshop, runs, last read, page) and the key help or the problem."""
        _ = self.ctx._
        status = _("page {page}/{pages}").format(page=self.page + 1, pages=max(1, len(self.pages)))
        status += _(" (paused)") if self.paused else ""
        if self.view is not None:
            runs = self.ctx.ngettext("{count} run", "{count} runs", self.view.runs).format(count=self.view.runs)
            status = _("{workshop} · {runs} · updated {time} · {page}").format(
                workshop=self.view.workshop[:24], runs=runs, time=self.updated, page=status)
        return [status, self.problem or _(HINT)]

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        surface.fill(theme.bg)
        page = self.pages[self.page]
        draw_bands(surface, self.text, theme, page.title, self.footer())
        draw_page(surface, page, self.body, theme)
