"""Fonts and a cache of rendered text surfaces (pygame-ce wraps text in C with ``wraplength``).

Contract: ``TextCache(body_size)`` renders ``(text, role, color, width)`` once and returns the
same ``Surface`` afterwards; ``width`` > 0 wraps at that many pixels. ``resize(body_size)`` drops
every cached surface and font. Only the default font shipped with pygame is used (no downloads,
no slow system font scan at start-up).
"""

from __future__ import annotations

import pygame

ROLE_SCALE: dict[str, float] = {"body": 1.0, "small": 0.82, "h2": 1.25, "h1": 1.7, "title": 2.6}
MAX_CACHED = 3000


class TextCache:
    def __init__(self, body_size: int):
        self.body_size = body_size
        self._fonts: dict[str, pygame.font.Font] = {}
        self._surfaces: dict[tuple[str, str, tuple[int, int, int], int], pygame.Surface] = {}

    def resize(self, body_size: int) -> None:
        if body_size != self.body_size:
            self.body_size = body_size
            self._fonts.clear()
            self._surfaces.clear()

    def font(self, role: str = "body") -> pygame.font.Font:
        font = self._fonts.get(role)
        if font is None:
            font = pygame.font.Font(None, max(10, round(self.body_size * ROLE_SCALE.get(role, 1.0))))
            self._fonts[role] = font
        return font

    def line_height(self, role: str = "body") -> int:
        return self.font(role).get_linesize()

    def render(self, text: str, role: str, color: tuple[int, int, int], width: int = 0) -> pygame.Surface:
        """The rendered (and, with ``width`` > 0, word-wrapped) text; cached."""
        key = (text, role, tuple(color), max(0, int(width)))
        surface = self._surfaces.get(key)
        if surface is None:
            if len(self._surfaces) >= MAX_CACHED:
                self._surfaces.clear()
            font = self.font(role)
            surface = font.render(_printable(text), True, color, None, key[3])
            self._surfaces[key] = surface
        return surface

    def size(self, text: str, role: str = "body") -> tuple[int, int]:
        return self.font(role).size(_printable(text))


def _printable(text: str) -> str:
    """Text the default font can show: tabs become spaces, typographic quotes become plain ones."""
    return (text.replace("\t", "    ").replace("\u2019", "'").replace("\u2018", "'")
            .replace("\u201c", '"').replace("\u201d", '"').replace("\u2014", " - ").replace("\u2013", "-")
            .replace("\u2026", "..."))
