"""The application: the only loop (events -> update -> draw), the screen stack and window handling.

Contract: ``App(ctx, size)`` opens (or reuses) the display. ``frame(events, dt)`` runs one loop
iteration and is what tests drive with synthetic events; ``run()`` loops until the window closes,
capped at 60 fps while something animates and blocking on ``pygame.event.wait`` otherwise.
Global keys: F11 or Alt+Enter toggles fullscreen, F5 reloads scenarios from disk.
``observer`` (autoplay) is called after every drawn frame.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pygame

from simulator.app.widgets.draw import panel

if TYPE_CHECKING:
    from simulator.app.context import AppContext
    from simulator.app.screens.base import Screen

log = logging.getLogger(__name__)
FPS = 60
IDLE_WAIT_MS = 250
MIN_SIZE = (800, 540)


class App:
    def __init__(self, ctx: AppContext, size: tuple[int, int] = (1280, 720)):
        self.ctx = ctx
        self.windowed_size = size
        self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.display.set_caption("Frontline")
        self.stack: list[Screen] = []
        self.running = True
        self.clock = pygame.time.Clock()
        self.frame_times: deque[float] = deque(maxlen=2000)
        self.observer: Callable[[App], None] | None = None
        self.always_animate = False
        pygame.key.set_repeat(400, 40)
        if ctx.settings.fullscreen:
            self.set_fullscreen(True)

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    # --- the stack ---------------------------------------------------------------------------
    def push(self, screen: Screen) -> None:
        screen.layout(self.size)
        self.stack.append(screen)

    def pop(self) -> None:
        if self.stack:
            self.stack.pop()
        if not self.stack:
            self.running = False
        elif self.top is not None:
            self.top.on_top()

    def replace(self, screen: Screen) -> None:
        if self.stack:
            self.stack.pop()
        self.push(screen)

    def pop_to(self, screen_type: type) -> None:
        """Pop screens until one of ``screen_type`` is on top (or only the root is left)."""
        while len(self.stack) > 1 and not isinstance(self.stack[-1], screen_type):
            self.stack.pop()
        if self.top is not None:
            self.top.on_top()

    def relayout(self) -> None:
        for screen in self.stack:
            screen.layout(self.size)

    # --- window ------------------------------------------------------------------------------
    def resize(self, size: tuple[int, int]) -> None:
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if self.surface.get_size() != size:
            self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.windowed_size = size
        self.relayout()

    def set_fullscreen(self, on: bool) -> None:
        try:
            if on:
                self.surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                self.surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        except pygame.error as error:
            log.warning("cannot switch fullscreen: %s", error)
            self.surface = pygame.display.get_surface() or self.surface
        if self.ctx.settings.fullscreen != on:
            self.ctx.update_settings(fullscreen=on)
        self.relayout()

    def close(self) -> None:
        for screen in reversed(self.stack):
            screen.on_close()
        self.running = False

    def reload_scenarios(self) -> None:
        try:
            self.ctx.load_content()
        except Exception as error:  # noqa: BLE001 - trainers' edits must never crash the game
            log.warning("reload failed: %s", error)
            self.ctx.notify(f"Reload failed: {error}")
            return
        for screen in list(self.stack):
            screen.on_reload()
        self.relayout()
        library = self.ctx.library
        broken = sum(1 for e in library.entries if not e.ok) if library else 0
        self.ctx.notify("Scenarios reloaded" + (f" ({broken} broken)" if broken else ""))

    # --- the loop ----------------------------------------------------------------------------
    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.close()
            return
        if event.type == pygame.VIDEORESIZE:
            if not self.ctx.settings.fullscreen:
                self.resize(tuple(event.size))
            return
        if event.type == pygame.KEYDOWN:
            alt_enter = event.key == pygame.K_RETURN and event.mod & pygame.KMOD_ALT
            if event.key == pygame.K_F11 or alt_enter:
                self.set_fullscreen(not self.ctx.settings.fullscreen)
                return
            if event.key == pygame.K_F5:
                self.reload_scenarios()
                return
        if self.top is not None:
            self.top.handle(event)

    def frame(self, events: Iterable[pygame.event.Event], dt: float) -> None:
        """One loop iteration: handle ``events``, advance ``dt`` seconds, draw, flip."""
        for event in events:
            if not self.running:
                break
            self.dispatch(event)
        if not self.running or self.top is None:
            return
        self.ctx.age_notices(dt)
        self.top.update(dt)
        started = time.perf_counter()
        self.draw(self.surface)
        self.frame_times.append(time.perf_counter() - started)
        pygame.display.flip()
        if self.observer is not None:
            self.observer(self)

    def needs_frames(self) -> bool:
        top = self.top
        return self.always_animate or bool(self.ctx.notices) or (top is not None and top.animating)

    def run(self) -> int:
        self.clock.tick()
        while self.running:
            if self.needs_frames():
                events = pygame.event.get()
                dt = self.clock.tick(FPS) / 1000
            else:
                first = pygame.event.wait(IDLE_WAIT_MS)
                events = [first, *pygame.event.get()] if first.type != pygame.NOEVENT else []
                dt = min(self.clock.tick(FPS) / 1000, 0.5)
            self.frame(events, dt)
        return 0

    # --- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Paint the stack from the topmost opaque screen up, then notices. Changes no state."""
        start = 0
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].opaque:
                start = index
                break
        for screen in self.stack[start:]:
            screen.draw(surface)
        self.draw_notices(surface)

    def draw_notices(self, surface: pygame.Surface) -> None:
        theme, text = self.ctx.theme, self.ctx.text
        y = 16
        for notice in self.ctx.notices:
            rendered = text.render(notice.text, "body", theme.text, min(900, surface.get_width() - 80))
            box = rendered.get_rect(midtop=(surface.get_width() // 2, y)).inflate(32, 20)
            panel(surface, box, theme.panel, theme.focus, 3)
            surface.blit(rendered, rendered.get_rect(center=box.center))
            y = box.bottom + 8
