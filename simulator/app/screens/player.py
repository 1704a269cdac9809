"""Who is playing: name (required), team and workshop code (optional); remembered in settings.

Result (to the opener's callback): the confirmed ``Profile``, or None when left with Esc.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from simulator.app.screens.base import ListScreen
from simulator.app.settings import Profile
from simulator.app.translation import N_
from simulator.app.widgets.rows import ButtonRow, InputRow, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App

HINT = N_("Type to fill a field   Enter or Tab: next   Esc: back")


class PlayerScreen(ListScreen):
    name = "player"
    title = N_("Who is playing?")
    hint = HINT
    body_width = 760
    body_gap = (16, 8)

    def __init__(self, app: App):
        super().__init__(app)
        profile = self.ctx.settings.profile
        _ = self.ctx._
        self.name_row = InputRow(_("Your name"), profile.name, key="name", on_enter=lambda: self.menu.move(1))
        self.team_row = InputRow(_("Team"), profile.team, key="team", hint=_("optional"),
                                 on_enter=lambda: self.menu.move(1))
        self.workshop_row = InputRow(_("Workshop code"), profile.workshop, key="workshop", hint=_("optional"),
                                     on_enter=lambda: self.menu.move(1))
        self.menu.set_rows([
            TextRow(_("Your name is shown on your results so that you and your trainer can follow your progress."),
                    color="muted"),
            self.name_row, self.team_row, self.workshop_row,
            ButtonRow(_("Continue"), self.confirm, key="continue", primary=True),
        ])

    def on_enter(self) -> None:
        pygame.key.start_text_input()

    def on_exit(self) -> None:
        pygame.key.stop_text_input()

    def profile(self) -> Profile:
        return Profile(self.name_row.value.strip(), self.team_row.value.strip(), self.workshop_row.value.strip())

    def confirm(self) -> None:
        profile = self.profile()
        if not profile.name:
            self.ctx.notify(self.ctx._("Please type your name first."))
            self.menu.focus_key("name")
            return
        self.ctx.update_settings(profile=profile)
        self.dismiss(profile)
