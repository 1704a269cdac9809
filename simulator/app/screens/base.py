"""The screen contract. Screens form a stack owned by ``App``; only the top one gets input.

Contract: ``layout(size)`` prepares everything size- or settings-dependent; ``handle(event)``
and ``update(dt)`` change state; ``draw(surface)`` only paints. Esc calls ``back()`` (pop by
default). ``animating`` asks the app for frames at 60 Hz (otherwise it blocks on events);
``busy`` tells autoplay to wait (e.g. text still typing). ``shot_name`` names screenshots.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from simulator.app.app import App


class Screen:
    name = "screen"
    opaque = True

    def __init__(self, app: App):
        self.app = app
        self.ctx = app.ctx
        self.size = app.size

    @property
    def shot_name(self) -> str:
        return self.name

    @property
    def animating(self) -> bool:
        return False

    @property
    def busy(self) -> bool:
        return False

    def layout(self, size: tuple[int, int]) -> None:
        self.size = size

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back()

    def update(self, dt: float) -> None:
        return None

    def draw(self, surface: pygame.Surface) -> None:
        return None

    def back(self) -> None:
        self.app.pop()

    def on_top(self) -> None:
        """Called when the screen above was popped and this one is on top again."""

    def on_reload(self) -> None:
        """Called after F5 reloaded the scenarios."""

    def on_close(self) -> None:
        """Called when the window closes (save what must be saved)."""
