"""The screen contract. Screens form a stack owned by ``App``; only the top one gets input.

Contract: a screen is built by ``App.push(name, **params)`` from the registry
(``screens/registry.py``); its constructor only stores its parameters (no I/O, no other screens).
Lifecycle hooks: ``on_enter()`` once it is pushed (read files, stores, content here),
``on_pause()`` when another screen covers it, ``on_resume()`` when it is on top again,
``on_exit()`` when it leaves the stack; ``on_reload()`` after F5, ``on_close()`` when the window
closes. A screen navigates by name only (``app.push("debrief", ...)``) and ends with
``dismiss(result)``, which hands ``result`` to the callback its opener gave ``push``.
``layout(size)`` prepares everything size- or settings-dependent; ``handle(event)``
and ``update(dt)`` change state; ``draw(surface)`` only paints. Esc calls ``back()`` (pop by
default). ``animating`` asks the app for frames at 60 Hz (otherwise it blocks on events);
``busy`` tells autoplay to wait (e.g. text still typing). ``shot_name`` names screenshots.

Shared shapes: ``MenuScreen`` sends input to one scroll list (``self.menu``); ``PageScreen`` is a
header band, a centred body and a key-help band (hooks: ``title``/``header_title()``,
``header_right()``, ``hint``, ``layout_body(rect)``, ``draw_body(surface)``); ``ListScreen`` is a
page whose body is its menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from simulator.app.screens.common import content_width, draw_header, draw_hint, header_height, hint_height
from simulator.app.widgets.scrolllist import ScrollList

if TYPE_CHECKING:
    from simulator.app.app import App


class Screen:
    name = "screen"
    opaque = True

    def __init__(self, app: App):
        self.app = app
        self.ctx = app.ctx
        self.size = app.size
        self.result_callback: Callable[[Any], None] | None = None  # set by App.push

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
        self.dismiss()

    def dismiss(self, result: Any = None) -> None:
        """Leave the stack (when on top), handing ``result`` to the opener's callback."""
        if self.app.top is self:
            self.app.pop(result)

    def on_enter(self) -> None:
        """Pushed: read what the screen shows (files, stores, content). Layout follows."""

    def on_pause(self) -> None:
        """Another screen was pushed over this one."""

    def on_resume(self) -> None:
        """The screen above was popped and this one is on top again."""

    def on_exit(self) -> None:
        """Removed from the stack (popped or replaced)."""

    def on_reload(self) -> None:
        """Called after F5 reloaded the scenarios."""

    def on_close(self) -> None:
        """Called when the window closes (save what must be saved)."""


class MenuScreen(Screen):
    """A screen driven by one scroll list: Esc calls ``back()``, every other event goes to the list."""

    def __init__(self, app: App):
        super().__init__(app)
        self.menu = ScrollList()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back()
            return
        self.menu.handle(event)


class PageScreen(Screen):
    """A full window: the header band (title, optional right-hand text), a body centred between it
    and the key-help band at the bottom, ``body_width`` wide at most, ``body_gap`` pixels (top,
    bottom) away from the bands."""

    title = ""
    hint = ""
    body_width = 1100
    body_gap = (8, 4)

    def header_title(self) -> str:
        """The title in the player's language (``title`` is an English constant marked with ``N_``)."""
        return self.ctx._(self.title)

    def header_right(self) -> str:
        return ""

    def body_rect(self, size: tuple[int, int]) -> pygame.Rect:
        top = header_height(self.ctx) + self.body_gap[0]
        width = content_width(size, self.body_width)
        bottom = size[1] - hint_height(self.ctx, self.hint, size[0]) - self.body_gap[1]
        return pygame.Rect((size[0] - width) // 2, top, width, bottom - top)

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        self.layout_body(self.body_rect(size))

    def layout_body(self, rect: pygame.Rect) -> None:
        return None

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.ctx.theme.bg)
        draw_header(surface, self.ctx, self.header_title(), self.header_right())
        self.draw_body(surface)
        draw_hint(surface, self.ctx, self.hint)

    def draw_body(self, surface: pygame.Surface) -> None:
        return None


class ListScreen(MenuScreen, PageScreen):
    """A page whose body is its menu."""

    def layout_body(self, rect: pygame.Rect) -> None:
        self.menu.layout(self.ctx, rect)

    def draw_body(self, surface: pygame.Surface) -> None:
        self.menu.draw(surface, self.ctx)
