"""The application: the only loop (events -> update -> draw), the screen stack and window handling.

Contract: ``App(ctx, size)`` opens (or reuses) the display and owns the services screens use
(``app.services``) and the screen registry (``app.screens``). ``frame(events, dt)`` runs one loop
iteration and is what tests drive with synthetic events; ``run()`` loops until the window closes.
Input first: ``run`` waits for events until the next frame is due (blocking, up to
``IDLE_WAIT_MS``, when nothing animates) and handles and draws as soon as an event arrives, so a
key press is on screen one frame's work later, not a frame period later. Frames that animate come
at most ``FPS`` times a second when no input arrives.

The stack (Textual / Tuxemon style): ``push(name, on_result=None, **params)`` builds a registered
screen, pauses the one below (``on_pause``), then ``on_enter`` (where a screen reads what it shows)
and ``layout``; ``pop(result)`` exits the top (``on_exit``), resumes the one below (``on_resume``)
and hands ``result`` to the popped screen's ``on_result`` callback; ``replace`` swaps the top;
``pop_to(name)`` unwinds to a screen. Global keys: F11 or Alt+Enter toggles fullscreen, F5 reloads
scenarios from disk. ``observer`` (autoplay, benchmarks) is called after every drawn frame.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import pygame

from simulator.app.screens.registry import ScreenRegistry
from simulator.app.services import Services
from simulator.app.widgets.draw import panel
from simulator.util import LazyLogger

if TYPE_CHECKING:
    from simulator.app.context import AppContext
    from simulator.app.screens.base import Screen

log = LazyLogger(__name__)
FPS = 60
IDLE_WAIT_MS = 250
MAX_DT = 0.5  # a stalled window does not eat a countdown
MIN_SIZE = (800, 540)
ResultCallback = Callable[[Any], None]


class App:
    def __init__(self, ctx: AppContext, size: tuple[int, int] = (1280, 720)):
        self.ctx = ctx
        self.services = Services(ctx)
        self.screens = ScreenRegistry()
        self.windowed_size = size
        self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.display.set_caption("Frontline")
        self.stack: list[Screen] = []
        self.running = True
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
    def push(self, name: str, on_result: ResultCallback | None = None, **params: Any) -> Screen:
        """Build the screen registered as ``name`` with ``params`` and put it on top."""
        screen = self.screens.create(name, self, params)
        if self.top is not None:
            self.top.on_pause()
        self._enter(screen, on_result)
        return screen

    def _enter(self, screen: Screen, on_result: ResultCallback | None) -> None:
        screen.result_callback = on_result
        self.stack.append(screen)
        screen.on_enter()
        screen.layout(self.size)

    def pop(self, result: Any = None) -> None:
        """Remove the top screen, resume the one below, then give ``result`` to the popped one's callback."""
        if not self.stack:
            return
        screen = self.stack.pop()
        screen.on_exit()
        if not self.stack:
            self.running = False
            return
        self.stack[-1].on_resume()
        if screen.result_callback is not None:
            screen.result_callback(result)

    def replace(self, name: str, **params: Any) -> Screen:
        """Swap the top screen for a new ``name`` screen (the one below stays paused)."""
        screen = self.screens.create(name, self, params)
        if self.stack:
            self.stack.pop().on_exit()
        self._enter(screen, None)
        return screen

    def pop_to(self, name: str) -> None:
        """Pop screens until the one named ``name`` is on top (or only the root is left)."""
        if self.top is None or self.top.name == name:
            return
        while len(self.stack) > 1 and self.stack[-1].name != name:
            self.stack.pop().on_exit()
        self.stack[-1].on_resume()

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
            self.ctx.notify(self.ctx._("Reload failed: {error}").format(error=error))
            return
        for screen in list(self.stack):
            screen.on_reload()
        self.relayout()
        library = self.ctx.library
        broken = sum(1 for e in library.entries if not e.ok) if library else 0
        said = self.ctx.ngettext("Scenarios reloaded ({broken} broken)", "Scenarios reloaded ({broken} broken)", broken)
        self.ctx.notify(said.format(broken=broken) if broken else self.ctx._("Scenarios reloaded"))

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
            if self._read_aloud_key(event):
                return
        if self.top is not None:
            self.top.handle(event)

    def _read_aloud_key(self, event: pygame.event.Event) -> bool:
        """Self-voicing's key: V reads the screen again (Alt+V where the screen takes typing)."""
        typing = bool(getattr(self.top, "taking_text", False))
        if event.key != pygame.K_v or not self.ctx.settings.self_voicing or typing != bool(event.mod & pygame.KMOD_ALT):
            return False
        self.services.self_voicing.read(self.top)
        return True

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
        self.services.update(self.top)
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
        last = time.perf_counter()
        while self.running:
            due = last + 1 / FPS if self.needs_frames() else None
            events = self.next_events(due)
            now = time.perf_counter()
            self.frame(events, min(now - last, MAX_DT))
            last = now
        return 0

    def next_events(self, due: float | None) -> list[pygame.event.Event]:
        """Events as soon as one arrives; [] once ``due`` (a perf_counter time) has passed, or after
        ``IDLE_WAIT_MS`` without any when ``due`` is None (nothing animates: the loop blocks)."""
        while True:
            timeout = IDLE_WAIT_MS if due is None else int((due - time.perf_counter()) * 1000)
            if timeout <= 0:
                return pygame.event.get()
            first = pygame.event.wait(timeout)
            if first.type != pygame.NOEVENT:
                return [first, *pygame.event.get()]
            if due is None:
                return []

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
