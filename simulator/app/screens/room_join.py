"""Join the room (title screen, "Join the room"): the workshop code (prefilled from the profile),
then the room's current decision (``room-vote``) replaces this screen.

A player without a name is sent to the player screen first. A code with no open room, or a store
that cannot be reached, is said on the screen (what and what to do); nothing crashes. The code is
remembered in the profile when the player had none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from simulator.app.screens.base import ListScreen
from simulator.app.translation import N_
from simulator.app.widgets.rows import ButtonRow, InputRow, Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App

HINT = N_("Type the code   Enter: join   Esc: back")


class RoomJoinScreen(ListScreen):
    name = "room-join"
    title = N_("Join the room")
    hint = HINT
    body_width = 760
    body_gap = (16, 8)

    def __init__(self, app: App):
        super().__init__(app)
        self.code_row = InputRow(N_("Workshop code"), self.ctx.settings.profile.workshop, key="code",
                                 on_enter=self.join)
        self.problem = ""

    def on_enter(self) -> None:
        pygame.key.start_text_input()
        self.rebuild()

    def on_exit(self) -> None:
        pygame.key.stop_text_input()

    def rebuild(self) -> None:
        name, _ = self.ctx.settings.profile.name, self.ctx._
        rows: list[Row] = [
            TextRow(_("The facilitator shows one call on the projector; everyone votes on each decision from "
                      "their own game. Type the workshop code the facilitator gave you."), color="muted"),
            self.code_row,
            ButtonRow(_("Join"), self.join, key="join", primary=True,
                      detail=_("Voting as {name}").format(name=name) if name else
                      _("You will be asked for your name first")),
        ]
        if self.problem:
            rows.append(TextRow(self.problem, color="bad"))
        self.menu.set_rows(rows, focus_key="code")
        self.layout(self.size)

    def join(self) -> None:
        from simulator.app.room_service import RoomUnavailable

        profile = self.ctx.settings.profile
        if not profile.name:
            self.app.push("player", on_result=lambda chosen: self.join() if chosen is not None else None)
            return
        code = self.code_row.value.strip()
        if not code:
            self.problem = self.ctx._("Type the workshop code first (ask the facilitator for it).")
            self.rebuild()
            return
        try:
            decision = self.app.services.room.join(code, profile.name)
        except RoomUnavailable as error:
            self.problem = str(error)
            self.rebuild()
            return
        if not profile.workshop:
            self.ctx.update_settings(profile=profile.__class__(profile.name, profile.team, code))
        self.app.replace("room-vote", room_id=decision.room_id, workshop=decision.workshop)
