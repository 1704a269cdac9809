"""A player's view of the room: the current decision (the customer, the line, the options) and
their vote, which they can change until the facilitator closes it.

Params: ``room_id``, ``workshop``. The room is read in ``on_enter`` (a late joiner sees the
current decision; after a restart the vote saved in the store is shown, ``my_vote``) and every
``POLL`` seconds from ``update``; rows are rebuilt only when the room changed. Number keys (or
Enter on an option) vote. When the room moves on, what the room played is shown above the next
decision; at the end, the room's path against the best path. Esc goes back (the vote stays).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from simulator.app.screens.base import ListScreen
from simulator.app.translation import N_
from simulator.app.widgets.rows import ButtonRow, Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App

POLL = 1.0
HINT = N_("1-9 or Enter: vote (you can change it until the vote closes)   Esc: leave (your vote stays)")
END_HINT = N_("Esc: back to the title")


class RoomVoteScreen(ListScreen):
    name = "room-vote"
    hint = HINT
    body_width = 1000
    body_gap = (12, 6)

    def __init__(self, app: App, room_id: str, workshop: str):
        super().__init__(app)
        self.room_id, self.workshop = room_id, workshop
        self.decision: Any = None
        self.mine: str | None = None
        self.played = ""  # what the room played at the previous decision (seen from this game)
        self.problem = ""
        self.since_poll = 0.0

    @property
    def shot_name(self) -> str:
        if self.decision is None:
            return "room-vote"
        if self.decision.finished:
            return "room-vote-end"
        return f"room-vote-{self.decision.decision_no + 1}-{self.decision.status}" + ("-voted" if self.mine else "")

    def header_title(self) -> str:
        if self.decision is None or self.decision.finished:
            return self.ctx._("The room")
        return self.ctx._("The room: decision {number}").format(number=self.decision.decision_no + 1)

    def header_right(self) -> str:
        return self.ctx._("Workshop {code}").format(code=self.workshop[:24])

    def on_enter(self) -> None:
        self.read()

    def read(self) -> None:
        """Read the room and the player's vote; rebuild the rows when something changed."""
        from simulator.app.room_service import RoomUnavailable

        service = self.app.services.room
        try:
            decision = service.current(self.room_id)
            mine = None if decision.finished else service.my_vote(self.room_id, self.player, decision.decision_no)
            if self.decision is not None and decision.decision_no != self.decision.decision_no or (
                    self.decision is not None and decision.finished and not self.decision.finished):
                self.played = self._played_text(service)
            problem = ""
        except RoomUnavailable as error:
            decision, mine, problem = self.decision, self.mine, str(error)
        if (decision, mine, problem) != (self.decision, self.mine, self.problem):
            self.decision, self.mine, self.problem = decision, mine, problem
            self.rebuild()

    def _played_text(self, service: Any) -> str:
        moves = service.moves(self.room_id)
        last = next((m for m in reversed(moves) if m["decision_no"] == self.decision.decision_no), None)
        if last is None:
            return ""
        option = self.decision.option(last["choice_id"])
        number = next((n for n, o in enumerate(self.decision.options, 1) if o.id == last["choice_id"]), 0)
        votes = last["counts"].get(last["choice_id"], 0)
        text = option.text if option else last["choice_id"]
        return self.ctx._("The room played {number}: {text} ({votes} of {total} votes)").format(
            number=number, text=text, votes=votes, total=sum(last["counts"].values()))

    @property
    def player(self) -> str:
        return self.ctx.settings.profile.name

    def update(self, dt: float) -> None:
        self.since_poll += dt
        if self.since_poll >= POLL and not (self.decision is not None and self.decision.finished):
            self.since_poll = 0.0
            self.read()

    def rebuild(self) -> None:
        focus = self.menu.focused.key if self.menu.focused else None
        rows: list[Row] = []
        if self.problem:
            rows.append(TextRow(self.problem, color="bad"))
        if self.played:
            rows.append(TextRow(self.played, color="accent"))
        decision = self.decision
        if decision is None:
            rows.append(TextRow(self.ctx._("Reading the room…")))
        elif decision.finished:
            rows += self._end_rows(decision.result)
        else:
            rows += self._decision_rows(decision)
        self.hint = END_HINT if decision is not None and decision.finished else HINT
        self.menu.set_rows(rows, focus_key=focus)
        self.layout(self.size)

    def _decision_rows(self, decision: Any) -> list[Row]:
        rows: list[Row] = []
        _ = self.ctx._
        if decision.narration:
            rows.append(TextRow(decision.narration, color="muted"))
        rows.append(TextRow(f"{decision.speaker}: “{decision.line}”", role="h2"))
        for number, option in enumerate(decision.options, 1):
            chosen = option.id == self.mine
            rows.append(ButtonRow(f"{number}. {option.text}", lambda n=number: self.vote(n), key=option.id,
                                  primary=chosen, enabled=decision.voting,
                                  detail=_("Your vote") if chosen else ""))
        if decision.voting:
            status = (_("Vote saved. You can change it until the facilitator closes the vote.") if self.mine
                      else _("Choose an option (1-{count}): the room plays the majority.").format(
                          count=len(decision.options)))
        else:
            status = _("The vote is closed: watch the projector for the room's choice and the coach's why.")
        rows.append(TextRow(status, color="good" if self.mine else "text"))
        return rows

    def _end_rows(self, result: dict[str, Any] | None) -> list[Row]:
        from simulator.app.projector_views import room_debrief

        _ = self.ctx._
        paths = room_debrief(result)
        if paths is None:
            return [TextRow(_("The facilitator stopped the room. Esc: back to the title."), role="h2")]
        room, best = paths
        rows: list[Row] = [TextRow(_("The room's path: {score} ({band}), ending: {ending}").format(
            score=room.overall, band=_(room.band), ending=self._ending(room.ending)), role="h2")]
        for step in room.steps:
            mark = _("  (best)") if step.was_best else _("  (best was: {text})").format(text=step.best_text)
            rows.append(TextRow(f"{step.number}. {step.text}{mark}"))
        rows.append(TextRow(_("The best path: {score} ({band}), ending: {ending}").format(
            score=best.overall, band=_(best.band), ending=self._ending(best.ending)), role="h2"))
        rows += [TextRow(f"{step.number}. {step.text}", color="muted") for step in best.steps]
        return rows

    def _ending(self, ending: str) -> str:
        from simulator.app.projector_views import NOT_REACHED

        return self.ctx._(NOT_REACHED) if ending == NOT_REACHED else ending

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and pygame.K_1 <= event.key <= pygame.K_9:
            self.vote(event.key - pygame.K_0)
            return
        super().handle(event)

    def vote(self, number: int) -> None:
        from simulator.app.room_service import RoomUnavailable

        decision = self.decision
        if decision is None or decision.finished or not 1 <= number <= len(decision.options):
            return
        try:
            self.app.services.room.vote(self.room_id, self.player, decision.decision_no,
                                        decision.options[number - 1].id)
        except RoomUnavailable as error:
            self.ctx.notify(str(error))
        self.read()
