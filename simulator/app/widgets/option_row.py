"""One answer on the play screen: its number in a box and the text. Shows nothing about how it
grades. ``suggested`` (open answers) draws a thick green frame and a "closest to what you wrote"
line (words as well as colour); ``activate`` calls ``choose(number)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from simulator.app.translation import N_, Translate
from simulator.app.widgets.draw import focus_ring, panel
from simulator.app.widgets.rows import Row

SUGGESTED_NOTE = N_("Closest to what you wrote")


class OptionRow(Row):
    focusable = True

    def __init__(self, choose: Callable[[int], None], number: int, text: str, available: bool, note: str,
                 suggested: bool = False):
        self.choose, self.number, self.text, self.available, self.note = choose, number, text, available, note
        self.suggested = suggested
        self.key = f"option-{number}"
        self.surfaces: list[pygame.Surface] = []
        self.badge: pygame.Surface | None = None

    def layout(self, ctx: Any, width: int) -> int:
        theme = ctx.theme
        self.badge = ctx.text.render(str(self.number), "h2", theme.accent_text)
        inner = width - self.badge.get_width() - 60
        color = theme.button_text if self.available else theme.disabled
        self.surfaces = [ctx.text.render(self.text, "body", color, inner)]
        if self.note:
            self.surfaces.append(ctx.text.render(self.note, "small", theme.disabled, inner))
        if self.suggested:
            self.surfaces.append(ctx.text.render(ctx._(SUGGESTED_NOTE), "small", theme.good, inner))
        return max(self.badge.get_height() + 12, sum(s.get_height() + 4 for s in self.surfaces)) + 20

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: Any, focused: bool) -> None:
        theme = ctx.theme
        panel(surface, rect, theme.button, theme.focus if focused else theme.panel_border, 2)
        if self.suggested:
            pygame.draw.rect(surface, theme.good, rect.inflate(-4, -4), 4, border_radius=8)
        if focused:
            focus_ring(surface, rect, theme.focus, theme.focus_width)
        assert self.badge is not None
        badge = pygame.Rect(rect.left + 10, rect.top + 10, self.badge.get_width() + 20, self.badge.get_height() + 8)
        pygame.draw.rect(surface, theme.accent if self.available else theme.disabled, badge, border_radius=6)
        surface.blit(self.badge, self.badge.get_rect(center=badge.center))
        y = rect.top + 10
        for text in self.surfaces:
            surface.blit(text, (badge.right + 16, y))
            y += text.get_height() + 4

    def activate(self) -> None:
        self.choose(self.number)

    def spoken(self, _: Translate = N_) -> str:
        """Self-voicing's words for this row, in the language of ``_`` (English by default)."""
        extra = f" ({self.note})" if self.note else ""
        said = _("Option {number}: {text}").format(number=self.number, text=self.text) + extra
        return said + (f". {_(SUGGESTED_NOTE)}." if self.suggested else "")
