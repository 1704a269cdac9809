"""Room play on the projector (``frontline facilitate --workshop CODE --room SCENARIO``): the room
plays one call together and votes on each decision from its own games ("Join the room").

Phases: ``voting`` (the customer, the line and the numbered options; how many have voted, never
who or for what, so nobody follows the crowd), Enter closes the vote and plays the room's choice
(the majority); ``tie`` (the facilitator presses the number of one of the tied options);
``played`` (each option's share, the room's choice and the best option marked, the coach's why),
Enter goes on; ``debrief`` (the room's path against the best path). Esc twice stops the room; the
room is stopped too when the window closes before the end. The room's run is saved with the
workshop's results when the call ends, or as unfinished when the room is stopped
(``RoomService.save_run``, ``simulator.results.room_run``).

Params: ``workshop``, ``loaded`` (a ``LoadedScenario``), ``seed``. The room opens in ``on_enter``;
the vote count is read every ``POLL`` seconds from ``update``; ``draw`` only paints.
``shot_name``: "room-voting-1", "room-played-1", "room-debrief", ... (with a page suffix).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from simulator.app.screens.base import Screen
from simulator.app.translation import N_
from simulator.app.widgets.projector import (
    BarItem,
    OptionItem,
    Page,
    PRow,
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

POLL = 1.0
PAGE_SECONDS = 8.0  # when a phase needs several pages (large text on a small window) they turn by themselves
STOP_CONFIRM_SECONDS = 4.0
HINTS = {
    "voting": N_("Enter: close the vote and play the room's choice   Right/Left: page   Esc twice: stop the room"),
    "tie": N_("Press the number of the option the room plays   Esc twice: stop the room"),
    "played": N_("Enter: next decision   Right/Left: page   Esc twice: stop the room"),
    "last": N_("Enter: the room's path against the best path   Right/Left: page"),
    "debrief": N_("Right/Space: next page   Left: back   Esc: quit"),
    "problem": N_("Esc: quit"),
}


class RoomProjectorScreen(Screen):
    name = "room-projector"

    def __init__(self, app: App, workshop: str, loaded: Any, seed: int | str = 0):
        super().__init__(app)
        self.workshop, self.loaded, self.seed = workshop, loaded, seed
        self.room: Any = None
        self.decision: Any = None
        self.tally: Any = None
        self.move: Any = None
        self.tied: tuple[str, ...] = ()
        self.phase = "problem"
        self.problem = ""
        self.pages: list[Page] = []
        self.page = 0
        self.since_poll = 0.0
        self.since_turn = 0.0
        self.stop_armed = 0.0
        self.saved = False  # the room's run is in the results (or kept locally)
        self._fonts_for: tuple[tuple[int, int], str] | None = None

    @property
    def shot_name(self) -> str:
        number = f"-{self.decision.decision_no + 1}" if self.decision is not None and self.phase != "debrief" else ""
        page = f"-p{self.page + 1}" if self.page else ""
        return f"room-{self.phase}{number}{page}"

    # --- the room ------------------------------------------------------------------------------
    def on_enter(self) -> None:
        from simulator.app.room_service import RoomUnavailable

        try:
            self.room = self.app.services.room.open_room(self.workshop, self.loaded, self.seed)
            self._read(new_phase="voting")
        except RoomUnavailable as error:
            self.problem, self.phase = str(error), "problem"

    def _read(self, new_phase: str | None = None) -> None:
        service = self.app.services.room
        self.decision = service.guarded(self.room.decision)
        self.tally = service.guarded(self.room.counts)
        if new_phase:
            self.phase, self.page = new_phase, 0
        self.layout(self.size)

    def update(self, dt: float) -> None:
        from simulator.app.room_service import RoomUnavailable

        self.stop_armed = max(0.0, self.stop_armed - dt)
        self.since_turn += dt
        if len(self.pages) > 1 and self.since_turn >= PAGE_SECONDS:
            self.since_turn, self.page = 0.0, (self.page + 1) % len(self.pages)
        self.since_poll += dt
        if self.phase != "voting" or self.since_poll < POLL:
            return
        self.since_poll = 0.0
        try:
            tally = self.app.services.room.guarded(self.room.counts)
            problem = ""
        except RoomUnavailable as error:
            tally, problem = self.tally, str(error)
        if (tally.voters, tally.members) != (self.tally.voters, self.tally.members) or problem != self.problem:
            self.tally, self.problem = tally, problem
            self.layout(self.size)

    def handle(self, event: pygame.event.Event) -> None:
        from simulator.app.room_service import RoomUnavailable

        if event.type != pygame.KEYDOWN:
            return
        if event.key == pygame.K_ESCAPE:
            self._escape()
            return
        if event.key in (pygame.K_RIGHT, pygame.K_SPACE, pygame.K_LEFT) and self.pages:
            self.page = (self.page + (-1 if event.key == pygame.K_LEFT else 1)) % len(self.pages)
            return
        try:
            self._key(event)
        except RoomUnavailable as error:
            self.problem = str(error)
            self.layout(self.size)

    def _key(self, event: pygame.event.Event) -> None:
        from simulator.results.room import RoomTie

        enter = event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
        service = self.app.services.room
        if self.phase == "voting" and enter:
            self.tally = service.guarded(self.room.close_vote)
            try:
                self._played(service.guarded(self.room.play))
            except RoomTie as tie:
                self.tied, self.phase, self.page = tie.tied, "tie", 0
                self.layout(self.size)
        elif self.phase == "tie":
            number = event.key - pygame.K_1
            options = self.decision.options
            if 0 <= number < len(options) and options[number].id in self.tied:
                self._played(service.guarded(self.room.play, options[number].id))
        elif self.phase == "played" and enter:
            self.move = None if not self.move.finished else self.move
            self._read(new_phase="debrief" if self.move is not None else "voting")

    def _played(self, move: Any) -> None:
        self.move, self.phase, self.page, self.problem = move, "played", 0, ""
        if move.finished:
            self._save(self.room)
        self.layout(self.size)

    def _save(self, room: Any) -> None:
        """The room's run goes to the workshop's results once, like any run (``app.services.room``)."""
        if not self.saved:
            self.saved = True
            self.app.services.room.save_run(room, self.app.services.runs)

    def _escape(self) -> None:
        if self.phase in ("debrief", "problem") or self.stop_armed > 0:
            self.dismiss()
            return
        self.stop_armed = STOP_CONFIRM_SECONDS
        self.ctx.notify(self.ctx._("Press Esc again to stop the room"), STOP_CONFIRM_SECONDS)

    def _finish(self) -> None:
        if self.room is None:
            return
        room, self.room = self.room, None
        try:
            if not room.decision().finished:
                room.stop()
        except Exception:  # noqa: BLE001 - the database went away: players see the room as it was
            pass
        self._save(room)  # stopped early: an unfinished run (kept locally when the store is away)
        room.close()

    def on_exit(self) -> None:
        self._finish()

    def on_close(self) -> None:
        self._finish()

    # --- layout and drawing ------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        if (size, self.ctx.settings.text_size) != self._fonts_for:
            self.text = projector_text(size, self.ctx.settings.text_size)
            self._fonts_for = (size, self.ctx.settings.text_size)
        self.body = body_rect(size, self.text, self.footer())
        self.pages = paginate(self.sections(), self.text, self.ctx.theme, self.body.width, self.body.height,
                              self.ctx._)
        self.page = min(self.page, len(self.pages) - 1)

    def footer(self) -> list[str]:
        _ = self.ctx._
        hint = _(HINTS["last" if self.phase == "played" and self.move and self.move.finished else self.phase])
        status = _("Workshop {code}").format(code=self.workshop[:24]) + f" · {self.loaded.scenario.title}"
        if self.phase == "voting" and self.tally is not None:
            status += " · " + _("{voters} of {members} voted").format(voters=self.tally.voters,
                                                                     members=self.tally.members)
        if len(self.pages) > 1:
            status += " · " + _("page {page}/{pages}").format(page=self.page + 1, pages=len(self.pages))
        return [status, self.problem or hint] if self.phase != "problem" else [status, hint]

    def sections(self) -> list[Section]:
        _ = self.ctx._
        if self.phase == "problem" or self.decision is None:
            return [Section(_("Room play"), "problem", [[TextItem(self.problem or _("Opening the room…"), "h2")]])]
        if self.phase == "debrief":
            return self._debrief()
        titles = {"voting": _("Decision {number}: vote now"), "tie": _("Decision {number}: a tie"),
                  "played": _("Decision {number}: the room's choice")}
        title = titles[self.phase].format(number=self.decision.decision_no + 1)
        groups: list[list[PRow]] = [self._customer()]
        if self.phase == "played":  # the coach's card first: it is what the room talks about
            groups += self._status() + self._options()
        else:
            groups += self._options() + self._status()
        return [Section(title, self.phase, groups, repeat_first=True)]

    def _customer(self) -> list[PRow]:
        from simulator.results.facilitator import clean

        rows: list[PRow] = []
        if self.decision.narration and self.phase == "voting":
            rows.append(TextItem(clean(self.decision.narration), "body", "muted"))
        rows.append(TextItem(f"{clean(self.decision.speaker)}: “{clean(self.decision.line)}”", "h2"))
        return rows

    def _options(self) -> list[list[PRow]]:
        from simulator.results.facilitator import clean

        options = self.decision.options
        if self.phase == "voting":
            return [[BarItem(f"{n}.", clean(o.text), "", None, role="body")] for n, o in enumerate(options, 1)]
        counts = self.move.counts if self.phase == "played" else self.tally.counts
        total = max(1, sum(counts.values()))
        rows = []
        _ = self.ctx._
        for n, option in enumerate(options, 1):
            count = counts.get(option.id, 0)
            tied = _(" (tied)") if self.phase == "tie" and option.id in self.tied else ""
            label = f"{n}. {clean(option.text)}{tied}"
            best = self.phase == "played" and option.id in self.move.best
            chosen = self.phase == "played" and option.id == self.move.choice_id
            why = clean(self.move.best_feedback) if best and option.id == self.move.best[0] and not chosen else ""
            votes = self.ctx.ngettext("{count} vote", "{count} votes", count).format(count=count)
            rows.append([OptionItem(label, count / total, votes, best, chosen, why, _=_)])
        return rows

    def _status(self) -> list[list[PRow]]:
        from simulator.results.facilitator import clean

        _ = self.ctx._
        if self.phase == "voting":
            return [[TextItem(_("{voters} of {members} in the room have voted").format(
                        voters=self.tally.voters, members=self.tally.members), "h2", "accent"),
                     TextItem(_("Join from your game: Join the room, workshop code {code}. You can change your "
                                "vote until the vote closes.").format(code=clean(self.workshop)), "small", "muted")]]
        if self.phase == "tie":
            return [[TextItem(_("The vote is tied: the facilitator picks one of the tied options."), "h2", "accent")]]
        move = self.move
        played = _("The room played option {number}: the best option here.") if move.choice_id in move.best else \
            _("The room played option {number}: not the best option here.")
        lead = _("The facilitator broke a tie.") + " " if move.tie_broken else ""
        return [[TextItem(lead + played.format(number=self._number(move.choice_id)), "h2",
                          "good" if move.choice_id in move.best else "bad"),
                  TextItem(_("Coach: {feedback}").format(feedback=clean(move.feedback)), "body", "text")]]

    def _number(self, choice_id: str) -> int:
        return next((n for n, o in enumerate(self.decision.options, 1) if o.id == choice_id), 0)

    def _debrief(self) -> list[Section]:
        from simulator.app.projector_views import NOT_REACHED, room_debrief

        _ = self.ctx._
        paths = room_debrief(self.decision.result)
        if paths is None:
            stopped = TextItem(_("The call ended before the last decision."))
            return [Section(_("The room was stopped"), "debrief", [[stopped]])]
        room, best = paths
        sections = []
        for title, path, slug in ((_("The room's path"), room, "debrief"), (_("The best path"), best, "debrief-best")):
            ending = _(NOT_REACHED) if path.ending == NOT_REACHED else path.ending
            groups: list[list[PRow]] = [[BarItem("", _("Score {score}: {band}").format(
                score=path.overall, band=_(path.band)), "", path.overall / 100,
                detail=_("ending: {ending}").format(ending=ending))]]
            for step in path.steps:
                mark = _("  (best)") if path is room and step.was_best else ""
                row: list[PRow] = [TextItem(f"{step.number}. {step.text}{mark}", "body", "text")]
                if path is room and not step.was_best:
                    row.append(TextItem(_("Best was: {text}").format(text=step.best_text), "body", "bad", indent=1))
                groups.append(row)
            sections.append(Section(title, slug, groups))
        return sections

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        surface.fill(theme.bg)
        page = self.pages[self.page]
        draw_bands(surface, self.text, theme, page.title, self.footer())
        draw_page(surface, page, self.body, theme)
