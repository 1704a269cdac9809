"""Fonts and a cache of rendered text surfaces, drawn with the fonts shipped in ``assets/fonts``.

Contract: ``TextCache(body_size)`` renders ``(text, role, color, width)`` once and returns the
same ``Surface`` afterwards; ``width`` > 0 wraps at that many pixels. ``resize(body_size)`` drops
every cached surface and font. Text is drawn with Noto Sans (bold for headings); characters it
lacks (Arabic, CJK, emoji) are drawn, character run by character run, with the shipped fallback
fonts (``simulator.app.fonts``), so names such as "王小明", "Ольга", "سارة" or "Sam 😀" never
draw as boxes. Text the main font covers takes pygame-ce's C path (``wraplength``). When the
shipped fonts are missing (a damaged install) pygame's default font is used, with a warning.
"""

from __future__ import annotations

import pygame

from simulator.app.fonts import FontSet, mixed_render, plain_for_default_font

ROLE_SCALE: dict[str, float] = {"body": 1.0, "small": 0.82, "h2": 1.25, "h1": 1.7, "title": 2.6}
BOLD_ROLES = frozenset({"h1", "title"})
# Text sizes (theme.TEXT_SIZES) are in pygame default-font units. Noto Sans at 0.53 of that size
# would keep the old line heights, but its letters then looked about a quarter smaller than the old
# font's (13 px small text at the default size); 0.6 gives 18 px body and 15 px small text on a
# 1280x720 window (tests/app/test_readable_text.py) and lines about 13 % taller.
SHIPPED_FONT_SCALE = 0.6
MAX_CACHED = 3000


class TextCache:
    def __init__(self, body_size: int):
        self.body_size = body_size
        self._sets: dict[str, FontSet] = {}
        self._surfaces: dict[tuple[str, str, tuple[int, int, int], int], pygame.Surface] = {}

    def resize(self, body_size: int) -> None:
        if body_size != self.body_size:
            self.body_size = body_size
            self._sets.clear()
            self._surfaces.clear()

    def font_set(self, role: str = "body") -> FontSet:
        fonts = self._sets.get(role)
        if fonts is None:
            size = max(10, round(self.body_size * ROLE_SCALE.get(role, 1.0)))
            fonts = FontSet(max(6, round(size * SHIPPED_FONT_SCALE)), bold=role in BOLD_ROLES, default_size=size)
            self._sets[role] = fonts
        return fonts

    def font(self, role: str = "body") -> pygame.font.Font:
        """The main font of ``role`` (callers use it for line heights and plain measurements)."""
        return self.font_set(role).main

    def line_height(self, role: str = "body") -> int:
        return self.font(role).get_linesize()

    def render(self, text: str, role: str, color: tuple[int, int, int], width: int = 0) -> pygame.Surface:
        """The rendered (and, with ``width`` > 0, word-wrapped) text; cached."""
        key = (text, role, tuple(color), max(0, int(width)))
        surface = self._surfaces.get(key)
        if surface is None:
            if len(self._surfaces) >= MAX_CACHED:
                self._surfaces.clear()
            surface = self._draw(text.replace("\t", "    "), role, key[2], key[3])
            self._surfaces[key] = surface
        return surface

    def _draw(self, text: str, role: str, color: tuple[int, int, int], width: int) -> pygame.Surface:
        fonts = self.font_set(role)
        if not fonts.shipped:
            return fonts.main.render(plain_for_default_font(text), True, color, None, width)
        if fonts.main_covers(text):
            return fonts.main.render(text, True, color, None, width)
        return mixed_render(fonts, text, color, width)

    def size(self, text: str, role: str = "body") -> tuple[int, int]:
        fonts = self.font_set(role)
        text = text.replace("\t", "    ")
        if not fonts.shipped:
            return fonts.main.size(plain_for_default_font(text))
        if fonts.main_covers(text):
            return fonts.main.size(text)
        return fonts.line_size(text)
