"""A labelled meter: a number, a word and a patterned bar, so it reads without colour.

Contract: ``Meter.set(ctx, view, width)`` renders the label once per value change; ``draw`` blits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from simulator.app.widgets.draw import hatch

if TYPE_CHECKING:
    from simulator.app.context import AppContext
    from simulator.app.viewmodels import MeterView

BAR_HEIGHT = 16


class Meter:
    def __init__(self) -> None:
        self.view: MeterView | None = None
        self.label: pygame.Surface | None = None

    def set(self, ctx: AppContext, view: MeterView, width: int) -> int:
        """Prepare the label; returns the meter's height."""
        self.view = view
        self.label = ctx.text.render(f"{view.label}: {view.value}/100 ({view.description})", "small",
                                     ctx.theme.text, width)
        return self.label.get_height() + 6 + BAR_HEIGHT

    def draw(self, surface: pygame.Surface, pos: tuple[int, int], width: int, ctx: AppContext) -> None:
        if self.view is None or self.label is None:
            return
        theme = ctx.theme
        surface.blit(self.label, pos)
        bar = pygame.Rect(pos[0], pos[1] + self.label.get_height() + 6, width, BAR_HEIGHT)
        pygame.draw.rect(surface, theme.meter_bg, bar)
        fill = pygame.Rect(bar.left, bar.top, bar.width * self.view.value // 100, bar.height)
        pygame.draw.rect(surface, theme.meter_fill, fill)
        hatch(surface, fill, theme.panel, 9)
        for tick in (20, 40, 60, 80):
            x = bar.left + bar.width * tick // 100
            pygame.draw.line(surface, theme.text, (x, bar.top), (x, bar.top + 5), 2)
        pygame.draw.rect(surface, theme.text, bar, 2)
