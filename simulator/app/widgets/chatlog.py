"""The conversation as chat bubbles with word wrap, scrollback and an optional typing effect.

Contract: ``set_entries``/``append`` change the content; ``layout(ctx, rect)`` renders every bubble
once (cached surfaces); ``update(dt)`` advances the typing effect of the newest customer line
(re-rendering only that bubble); ``handle`` scrolls (wheel, PageUp/PageDown); ``draw`` blits.
New lines keep the view pinned to the newest message unless the player scrolled up.

Scrolling snaps to item boundaries (``scroll_stops``): the view's top edge sits just above a
speaker label or bubble, never through one. Following the newest message uses the first boundary
that still shows it whole (a little empty space may stay below it); an item taller than the view
shows its top, gets extra stops a page apart, and the scrollbar and "More below" show the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from simulator.app.viewmodels import ChatEntry
from simulator.app.widgets.draw import panel

if TYPE_CHECKING:
    from simulator.app.context import AppContext

PAD = 12
TYPE_RATE = 70.0  # characters per second
SCROLLBAR = 8


@dataclass(frozen=True)
class ScrollStops:
    """Where the chat may scroll to: ``stops`` ascending, ``newest`` (the position that follows the
    newest item) and ``limit`` (the largest stop)."""

    stops: tuple[int, ...]
    newest: int
    limit: int

    def snap(self, scroll: int) -> int:
        """The last stop at or above ``scroll``."""
        return max((s for s in self.stops if s <= scroll), default=self.stops[0])

    def step(self, scroll: int, direction: int, page: int = 0) -> int:
        """The stop about ``page`` pixels down (``direction`` > 0) or up from ``scroll``, never
        further, but always at least the next stop that way; ``page`` 0 moves by one stop."""
        if direction > 0:
            ahead = [s for s in self.stops if s > scroll]
            within = [s for s in ahead if s <= scroll + page]
            return within[-1] if within else (ahead[0] if ahead else scroll)
        behind = [s for s in self.stops if s < scroll]
        within = [s for s in behind if s >= scroll - page]
        return within[0] if within else (behind[-1] if behind else scroll)


def scroll_stops(tops: Sequence[int], content: int, view: int, pad: int = PAD) -> ScrollStops:
    """Scroll stops for items starting at ``tops`` (content coordinates, ascending, labels
    included) in content ``content`` pixels tall (bottom padding included), seen ``view`` high.

    Each item's stop leaves ``pad`` above it. ``newest`` is the first stop from which the last item
    is whole, or the last item's own stop when it is taller than the view (its top shows).
    Where two stops are further apart than the view, stops a page apart are added in between so
    that every pixel can be brought into view."""
    raw = max(0, content - view)
    starts = sorted({max(0, top - pad) for top in tops}) or [0]
    newest = next((s for s in starts if s >= raw), starts[-1])
    limit = max(raw, newest)
    stops = {s for s in starts if s <= limit} | {limit}
    page = max(1, view * 3 // 4)
    bounds = sorted(stops)
    for above, below in zip(bounds, bounds[1:], strict=False):
        if below - above > view:
            stops.update(range(above + page, below, page))
    return ScrollStops(tuple(sorted(stops)), newest, limit)


@dataclass
class Bubble:
    entry: ChatEntry
    label: pygame.Surface | None
    text: pygame.Surface
    rect: pygame.Rect  # in content coordinates


class ChatLog:
    def __init__(self) -> None:
        self.entries: list[ChatEntry] = []
        self.bubbles: list[Bubble] = []
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.scroll = 0
        self.pinned = True
        self.typing: float | None = None  # characters of the last entry shown, None = all
        self.ctx: AppContext | None = None
        self.content_height = 0
        self.tops: list[int] = []  # where each item (label included) starts, content coordinates
        self.stops = ScrollStops((0,), 0, 0)

    # --- content -----------------------------------------------------------------------------
    def set_entries(self, entries: list[ChatEntry]) -> None:
        self.entries = list(entries)
        self.typing = None
        self.pinned = True
        self._rebuild()

    def append(self, entry: ChatEntry, typed: bool = False) -> None:
        self.entries.append(entry)
        self.typing = 0.0 if typed and entry.kind == "customer" else None
        self.pinned = True
        self._rebuild()

    def finish_typing(self) -> None:
        if self.typing is not None:
            self.typing = None
            self._rebuild()

    @property
    def is_typing(self) -> bool:
        return self.typing is not None

    # --- layout ------------------------------------------------------------------------------
    def layout(self, ctx: AppContext, rect: pygame.Rect) -> None:
        self.ctx = ctx
        self.rect = pygame.Rect(rect)
        self._rebuild()

    def newest_height(self, ctx: AppContext, width: int) -> int:
        """How tall a view ``width`` wide must be to show the newest item whole, padding included
        (lays the bubbles out at that width; the scroll position is left alone)."""
        self.ctx = ctx
        self.rect.width = width
        self._build()
        return self.content_height - max(0, self.tops[-1] - PAD) if self.tops else 0

    def _rebuild(self) -> None:
        if self.ctx is None:
            return
        self._build()
        self.stops = scroll_stops(self.tops, self.content_height, self.rect.height)
        self.scroll = self.stops.newest if self.pinned else self.stops.snap(min(self.scroll, self.max_scroll))

    def _build(self) -> None:
        """Render the bubbles for the current width: ``bubbles``, item ``tops``, ``content_height``."""
        ctx = self.ctx
        assert ctx is not None
        self.bubbles = []
        y = PAD
        tops: list[int] = []
        wrap = max(120, int(self.rect.width * 0.78) - 2 * PAD)
        for index, entry in enumerate(self.entries):
            text = entry.text
            last = index == len(self.entries) - 1
            color = ctx.theme.muted if entry.kind in ("narration", "system") else ctx.theme.text
            role = "small" if entry.kind in ("narration", "system") else "body"
            full = ctx.text.render(text, role, color, wrap)
            shown = full
            if last and self.typing is not None:
                shown = ctx.text.font(role).render(text[: int(self.typing)], True, color, None, wrap)
            label = ctx.text.render(entry.speaker, "small", ctx.theme.muted) if entry.speaker else None
            height = full.get_height() + 2 * PAD
            width = max(full.get_width(), label.get_width() if label else 0) + 2 * PAD
            tops.append(y)
            top = y + (label.get_height() + 2 if label else 0)
            if entry.kind == "agent":
                left = self.rect.width - width - PAD - 12
            elif entry.kind in ("narration", "system"):
                left = (self.rect.width - width) // 2
            else:
                left = PAD
            self.bubbles.append(Bubble(entry, label, shown, pygame.Rect(left, top, width, height)))
            y = top + height + PAD
        self.content_height = y
        self.tops = tops

    @property
    def max_scroll(self) -> int:
        return self.stops.limit

    # --- updates -----------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.typing is None or not self.entries:
            return
        self.typing += dt * TYPE_RATE
        if self.typing >= len(self.entries[-1].text):
            self.typing = None
        self._rebuild()

    def scroll_to(self, scroll: int) -> None:
        self.scroll = scroll
        self.pinned = scroll == self.stops.newest

    def page(self, direction: int) -> None:
        """PageDown (``direction`` > 0) or PageUp: about three quarters of the view, to a stop."""
        self.scroll_to(self.stops.step(self.scroll, direction, self.rect.height * 3 // 4))

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL and (self.rect.collidepoint(pygame.mouse.get_pos())
                                                or not pygame.mouse.get_focused()):
            scroll = self.scroll
            for _ in range(abs(event.y)):  # one stop per notch
                scroll = self.stops.step(scroll, -event.y)
            self.scroll_to(scroll)
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.page(-1 if event.key == pygame.K_PAGEUP else 1)
            return True
        return False

    # --- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: AppContext) -> None:
        theme = ctx.theme
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        dx, dy = self.rect.left, self.rect.top - self.scroll
        for bubble in self.bubbles:
            box = bubble.rect.move(dx, dy)
            if box.bottom < self.rect.top - 40 or box.top > self.rect.bottom:
                continue
            kind = bubble.entry.kind
            if bubble.label is not None:
                x = box.right - bubble.label.get_width() if kind == "agent" else box.left
                surface.blit(bubble.label, (x, box.top - bubble.label.get_height() - 2))
            if kind == "customer":
                panel(surface, box, theme.customer_bubble, theme.customer_border, 2, 14)
            elif kind == "agent":
                panel(surface, box, theme.agent_bubble, theme.agent_border, 3, 14)
            surface.blit(bubble.text, (box.left + PAD, box.top + PAD))
        surface.set_clip(clip)
        if self.max_scroll > 0:
            self._scrollbar(surface, ctx)
        if self.scroll < self.max_scroll:
            more = ctx.text.render(ctx._("More below: PageDown"), "small", theme.accent_text)
            box = more.get_rect(midbottom=(self.rect.centerx, self.rect.bottom - 6)).inflate(16, 8)
            panel(surface, box, theme.accent, theme.accent, 0, 8)
            surface.blit(more, more.get_rect(center=box.center))

    def _scrollbar(self, surface: pygame.Surface, ctx: AppContext) -> None:
        track = pygame.Rect(self.rect.right - SCROLLBAR - 4, self.rect.top + 6, SCROLLBAR, self.rect.height - 12)
        pygame.draw.rect(surface, ctx.theme.meter_bg, track, border_radius=4)
        pygame.draw.rect(surface, ctx.theme.panel_border, track, 1, border_radius=4)
        total = self.max_scroll + self.rect.height
        length = max(24, track.height * self.rect.height // total)
        top = track.top + (track.height - length) * self.scroll // self.max_scroll
        pygame.draw.rect(surface, ctx.theme.muted, (track.left, top, SCROLLBAR, length), border_radius=4)
