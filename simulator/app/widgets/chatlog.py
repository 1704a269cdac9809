"""The conversation as chat bubbles with word wrap, scrollback and an optional typing effect.

Contract: ``set_entries``/``append`` change the content; ``layout(ctx, rect)`` renders every bubble
once (cached surfaces); ``update(dt)`` advances the typing effect of the newest customer line
(re-rendering only that bubble); ``handle`` scrolls (wheel, PageUp/PageDown); ``draw`` blits.
New lines keep the view pinned to the bottom unless the player scrolled up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from simulator.app.viewmodels import ChatEntry
from simulator.app.widgets.draw import panel

if TYPE_CHECKING:
    from simulator.app.context import AppContext

PAD = 12
TYPE_RATE = 70.0  # characters per second


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

    def _rebuild(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        self.bubbles = []
        y = PAD
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
        if self.pinned:
            self.scroll = self.max_scroll
        self.scroll = min(self.scroll, self.max_scroll)

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_height - self.rect.height)

    # --- updates -----------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.typing is None or not self.entries:
            return
        self.typing += dt * TYPE_RATE
        if self.typing >= len(self.entries[-1].text):
            self.typing = None
        self._rebuild()

    def scroll_by(self, pixels: int) -> None:
        self.scroll = max(0, min(self.max_scroll, self.scroll + pixels))
        self.pinned = self.scroll >= self.max_scroll

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL and (self.rect.collidepoint(pygame.mouse.get_pos())
                                                or not pygame.mouse.get_focused()):
            self.scroll_by(-event.y * 60)
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            step = self.rect.height * 3 // 4
            self.scroll_by(-step if event.key == pygame.K_PAGEUP else step)
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
        if self.scroll < self.max_scroll:
            more = ctx.text.render("More below: PageDown", "small", theme.accent_text)
            box = more.get_rect(midbottom=(self.rect.centerx, self.rect.bottom - 6)).inflate(16, 8)
            panel(surface, box, theme.accent, theme.accent, 0, 8)
            surface.blit(more, more.get_rect(center=box.center))
