"""A vertical list of rows with keyboard focus, mouse hover/click, wheel and page scrolling.

Contract: ``set_rows(rows)`` then ``layout(ctx, rect)`` (on every resize or settings change);
``handle(event)`` returns True when it used the event. Up/Down/Tab/Shift+Tab move focus between
focusable rows and scroll them into view; Enter/Space activate; Left/Right adjust; PageUp/PageDown,
Home/End and the wheel scroll. ``draw`` only blits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from simulator.app.widgets.rows import Row

if TYPE_CHECKING:
    from simulator.app.context import AppContext

GAP = 10
SCROLLBAR = 10


class ScrollList:
    def __init__(self, rows: list[Row] | None = None, gap: int = GAP):
        self.rows: list[Row] = []
        self.gap = gap
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.tops: list[int] = []
        self.heights: list[int] = []
        self.content_height = 0
        self.scroll = 0
        self.focus = -1
        self.margin = 12  # room for focus rings
        self.set_rows(rows or [])

    # --- content -----------------------------------------------------------------------------
    def set_rows(self, rows: list[Row], focus_key: str | None = None) -> None:
        self.rows = list(rows)
        self.focus = -1
        if focus_key is not None:
            self.focus = next((i for i, r in enumerate(self.rows) if r.focusable and r.key == focus_key), -1)
        if self.focus < 0:
            self.focus = next((i for i, r in enumerate(self.rows) if r.focusable), -1)

    def layout(self, ctx: AppContext, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)
        width = self.rect.width - 2 * self.margin - SCROLLBAR - 4
        self.tops, self.heights, y = [], [], self.margin
        for row in self.rows:
            height = row.layout(ctx, width)
            self.tops.append(y)
            self.heights.append(height)
            y += height + self.gap
        self.content_height = y - self.gap + self.margin if self.rows else 0
        self.scroll = min(self.scroll, self.max_scroll)
        self.reveal_focus()

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_height - self.rect.height)

    @property
    def focused(self) -> Row | None:
        return self.rows[self.focus] if 0 <= self.focus < len(self.rows) else None

    def focus_key(self, key: str) -> bool:
        for index, row in enumerate(self.rows):
            if row.focusable and row.key == key:
                self.focus = index
                self.reveal_focus()
                return True
        return False

    def focus_to_top(self) -> None:
        """Scroll so the focused row starts at the top of the view (as far as the content allows)."""
        if 0 <= self.focus < len(self.tops):
            self.scroll = max(0, min(self.max_scroll, self.tops[self.focus] - self.margin))

    def row_rect(self, index: int) -> pygame.Rect:
        """Where row ``index`` is on screen (may lie outside the list's rect when scrolled away)."""
        return pygame.Rect(self.rect.left + self.margin, self.rect.top + self.tops[index] - self.scroll,
                           self.rect.width - 2 * self.margin - SCROLLBAR - 4, self.heights[index])

    # --- input -------------------------------------------------------------------------------
    def move(self, step: int) -> bool:
        focusable = [i for i, r in enumerate(self.rows) if r.focusable]
        if not focusable:
            self.scroll_by(step * 60)
            return True
        if self.focus not in focusable:
            self.focus = focusable[0]
        else:
            position = focusable.index(self.focus) + step
            self.focus = focusable[max(0, min(len(focusable) - 1, position))]
        self.reveal_focus()
        return True

    def reveal_focus(self) -> None:
        if not 0 <= self.focus < len(self.tops):
            return
        top, height = self.tops[self.focus] - self.margin, self.heights[self.focus] + 2 * self.margin
        if height > self.rect.height or top < self.scroll:
            self.scroll = top
        elif top + height > self.scroll + self.rect.height:
            self.scroll = top + height - self.rect.height
        first = next((i for i, r in enumerate(self.rows) if r.focusable), -1)
        if self.focus == first and top + height <= self.rect.height:
            self.scroll = 0  # keep headings above the first button in view
        self.scroll = max(0, min(self.scroll, self.max_scroll))

    def scroll_by(self, pixels: int) -> None:
        self.scroll = max(0, min(self.max_scroll, self.scroll + pixels))

    def hit(self, pos: tuple[int, int]) -> int:
        if not self.rect.collidepoint(pos):
            return -1
        for index in range(len(self.rows)):
            if self.rows[index].focusable and self.row_rect(index).collidepoint(pos):
                return index
        return -1

    def handle(self, event: pygame.event.Event) -> bool:
        row = self.focused
        if row is not None and row.handle(event):
            return True
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.MOUSEWHEEL:
            if self.rect.collidepoint(pygame.mouse.get_pos()) or not pygame.mouse.get_focused():
                self.scroll_by(-event.y * 60)
                return True
            return False
        if event.type == pygame.MOUSEMOTION:
            index = self.hit(event.pos)
            if index >= 0:
                self.focus = index
            return index >= 0
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            index = self.hit(event.pos)
            if index >= 0:
                self.focus = index
                self.rows[index].activate()
                return True
        return False

    def _key(self, event: pygame.event.Event) -> bool:
        key, shift = event.key, bool(event.mod & pygame.KMOD_SHIFT)
        row = self.focused
        if key in (pygame.K_UP,) or (key == pygame.K_TAB and shift):
            return self.move(-1)
        if key in (pygame.K_DOWN,) or (key == pygame.K_TAB and not shift):
            return self.move(1)
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and row is not None:
            row.activate()
            return True
        if key in (pygame.K_LEFT, pygame.K_RIGHT) and row is not None:
            return row.adjust(-1 if key == pygame.K_LEFT else 1)
        if key == pygame.K_PAGEDOWN:
            self.scroll_by(self.rect.height * 3 // 4)
            return True
        if key == pygame.K_PAGEUP:
            self.scroll_by(-self.rect.height * 3 // 4)
            return True
        if key == pygame.K_HOME:
            self.scroll = 0
            return True
        if key == pygame.K_END:
            self.scroll = self.max_scroll
            return True
        return False

    # --- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: AppContext) -> None:
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        for index, row in enumerate(self.rows):
            rect = self.row_rect(index)
            if rect.bottom + self.margin < self.rect.top or rect.top - self.margin > self.rect.bottom:
                continue
            row.draw(surface, rect, ctx, index == self.focus)
        surface.set_clip(clip)
        if self.max_scroll > 0:
            self._scrollbar(surface, ctx)

    def _scrollbar(self, surface: pygame.Surface, ctx: AppContext) -> None:
        track = pygame.Rect(self.rect.right - SCROLLBAR, self.rect.top, SCROLLBAR, self.rect.height)
        pygame.draw.rect(surface, ctx.theme.meter_bg, track, border_radius=4)
        pygame.draw.rect(surface, ctx.theme.panel_border, track, 1, border_radius=4)
        length = max(30, track.height * self.rect.height // max(1, self.content_height))
        top = track.top + (track.height - length) * self.scroll // max(1, self.max_scroll)
        pygame.draw.rect(surface, ctx.theme.muted, (track.left, top, SCROLLBAR, length), border_radius=4)
