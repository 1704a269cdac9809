"""Who is playing: name (required), team and workshop code (optional); remembered in settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from simulator.app.screens.base import Screen
from simulator.app.screens.common import content_width, draw_header, draw_hint, header_height, hint_height
from simulator.app.settings import Profile
from simulator.app.widgets.rows import ButtonRow, InputRow, TextRow
from simulator.app.widgets.scrolllist import ScrollList

if TYPE_CHECKING:
    from simulator.app.app import App

HINT = "Type to fill a field   Enter or Tab: next   Esc: back"


class PlayerScreen(Screen):
    name = "player"

    def __init__(self, app: App, then_pick: bool):
        super().__init__(app)
        self.then_pick = then_pick
        profile = self.ctx.settings.profile
        self.name_row = InputRow("Your name", profile.name, key="name", on_enter=lambda: self.menu.move(1))
        self.team_row = InputRow("Team", profile.team, key="team", hint="optional",
                                 on_enter=lambda: self.menu.move(1))
        self.workshop_row = InputRow("Workshop code", profile.workshop, key="workshop", hint="optional",
                                     on_enter=lambda: self.menu.move(1))
        self.menu = ScrollList([
            TextRow("Your name is shown on your results so that you and your trainer can follow your progress.",
                    color="muted"),
            self.name_row, self.team_row, self.workshop_row,
            ButtonRow("Continue", self.confirm, key="continue", primary=True),
        ])
        pygame.key.start_text_input()

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        top = header_height(self.ctx) + 16
        width = content_width(size, 760)
        bottom = size[1] - hint_height(self.ctx, HINT, size[0]) - 8
        self.menu.layout(self.ctx, pygame.Rect((size[0] - width) // 2, top, width, bottom - top))

    def profile(self) -> Profile:
        return Profile(self.name_row.value.strip(), self.team_row.value.strip(), self.workshop_row.value.strip())

    def confirm(self) -> None:
        profile = self.profile()
        if not profile.name:
            self.ctx.notify("Please type your name first.")
            self.menu.focus_key("name")
            return
        self.ctx.update_settings(profile=profile)
        if self.then_pick:
            from simulator.app.screens.picker import PickerScreen

            self.app.replace(PickerScreen(self.app))
        else:
            self.app.pop()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()
            return
        self.menu.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.ctx.theme.bg)
        draw_header(surface, self.ctx, "Who is playing?")
        self.menu.draw(surface, self.ctx)
        draw_hint(surface, self.ctx, HINT)



