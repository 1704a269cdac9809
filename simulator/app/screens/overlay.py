"""A card drawn over the screen below (dimmed), holding a scroll list: base of feedback and pause."""

from __future__ import annotations

import pygame

from simulator.app.screens.base import MenuScreen
from simulator.app.screens.common import MARGIN
from simulator.app.widgets.draw import dim, panel


class OverlayScreen(MenuScreen):
    opaque = False
    card_width = 760

    def __init__(self, app, title: str):  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.title = self.ctx._(title)  # an English constant marked with N_ (or text already translated)
        self.card = pygame.Rect(0, 0, 0, 0)

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        width = min(self.card_width, size[0] - 2 * MARGIN)
        title_h = self.ctx.text.line_height("h1") + 20
        room = size[1] - 60 - title_h
        self.menu.layout(self.ctx, pygame.Rect(0, 0, width, room))
        height = min(room, self.menu.content_height)
        self.card = pygame.Rect((size[0] - width) // 2, (size[1] - height - title_h) // 2, width, height + title_h)
        self.menu.layout(self.ctx, pygame.Rect(self.card.left, self.card.top + title_h, width, height))

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        dim(surface, theme.overlay_alpha)
        panel(surface, self.card.inflate(8, 8), theme.panel, theme.focus if theme.name != "standard"
              else theme.panel_border, 3, 14)
        title = self.ctx.text.render(self.title, "h1", theme.text)
        surface.blit(title, (self.card.left + 24, self.card.top + 10))
        self.menu.draw(surface, self.ctx)
