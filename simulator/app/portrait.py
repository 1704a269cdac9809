"""The customer's portrait: a face drawn by the program with five expressions (or a shipped image).

Contract: ``Portrait(name, image)`` caches one surface per (expression, size, theme); unknown
expressions draw as "neutral". With an image (scenario ``customer.portrait``), the image is shown
with the expression drawn as a badge, so the customer's state is always visible.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pygame

from simulator.app.theme import Theme

EXPRESSIONS = ("angry", "annoyed", "neutral", "relieved", "pleased")
HAIR = ((60, 40, 30), (120, 80, 40), (30, 30, 30), (170, 120, 60), (90, 90, 100))
SHIRT = ((60, 100, 160), (150, 70, 70), (70, 130, 90), (120, 90, 150), (180, 130, 50))


class Portrait:
    def __init__(self, name: str, image: pygame.Surface | None = None):
        digest = hashlib.sha256(name.encode("utf-8")).digest()
        self.hair = HAIR[digest[0] % len(HAIR)]
        self.shirt = SHIRT[digest[1] % len(SHIRT)]
        self.image = image
        self._cache: dict[tuple[str, int, str], pygame.Surface] = {}

    def surface(self, expression: str, size: int, theme: Theme) -> pygame.Surface:
        key = (expression if expression in EXPRESSIONS else "neutral", size, theme.name)
        surface = self._cache.get(key)
        if surface is None:
            surface = self._render(key[0], size, theme)
            self._cache[key] = surface
        return surface

    def _render(self, expression: str, size: int, theme: Theme) -> pygame.Surface:
        surface = pygame.Surface((size, size), pygame.SRCALPHA)
        if self.image is not None:
            surface.blit(pygame.transform.smoothscale(self.image, (size, size)), (0, 0))
            badge = size // 4
            draw_face(surface, pygame.Rect(size - badge - 4, size - badge - 4, badge, badge), expression,
                      theme, self.hair, self.shirt, bust=False)
            return surface
        draw_face(surface, surface.get_rect(), expression, theme, self.hair, self.shirt, bust=True)
        return surface


def draw_face(surface: pygame.Surface, rect: pygame.Rect, expression: str, theme: Theme,
              hair: tuple[int, int, int], shirt: tuple[int, int, int], bust: bool) -> None:
    """Draw a simple face in ``rect``: brows, eyes and mouth change with the expression."""
    s = rect.width
    cx, cy = rect.centerx, rect.top + int(s * (0.42 if bust else 0.5))
    r = int(s * (0.3 if bust else 0.46))
    line = theme.face_line
    lw = max(2, s // 60)
    skin = theme.skin
    if expression == "angry" and theme.name == "standard":
        skin = (235, 160, 140)
    if bust:
        pygame.draw.ellipse(surface, shirt if theme.name == "standard" else theme.panel,
                            (rect.left + s * 0.12, rect.top + s * 0.72, s * 0.76, s * 0.5))
        pygame.draw.ellipse(surface, theme.panel_border, (rect.left + s * 0.12, rect.top + s * 0.72, s * 0.76,
                                                          s * 0.5), lw)
        pygame.draw.circle(surface, hair if theme.name == "standard" else theme.text, (cx, cy - r // 6), r + r // 8)
    pygame.draw.circle(surface, skin, (cx, cy), r)
    pygame.draw.circle(surface, line, (cx, cy), r, lw)
    eye_dx, eye_y = r * 0.38, cy - r * 0.12
    brow_y = eye_y - r * 0.28
    tilt = {"angry": 0.22, "annoyed": 0.1, "neutral": 0.0, "relieved": -0.08, "pleased": -0.12}[expression]
    for side in (-1, 1):
        ex = cx + side * eye_dx
        if expression in ("relieved",):
            pygame.draw.arc(surface, line, (ex - r * 0.12, eye_y - r * 0.06, r * 0.24, r * 0.16), 0, math.pi, lw)
        elif expression == "pleased":
            pygame.draw.arc(surface, line, (ex - r * 0.12, eye_y - r * 0.04, r * 0.24, r * 0.2), 0, math.pi, lw + 1)
        else:
            pygame.draw.circle(surface, line, (int(ex), int(eye_y)), max(2, int(r * 0.07)))
        inner, outer = ex - side * r * 0.04, ex + side * r * 0.2
        lift = (-1 if expression == "relieved" else 0) * r * 0.06
        pygame.draw.line(surface, line, (inner, brow_y + tilt * r + lift), (outer, brow_y - tilt * r + lift), lw + 1)
    mouth_y, mw = cy + r * 0.45, r * 0.5
    box = pygame.Rect(0, 0, int(mw * 2), int(r * 0.5))
    if expression == "pleased":
        box.midbottom = (cx, int(mouth_y + r * 0.15))
        pygame.draw.arc(surface, line, box, math.pi, 2 * math.pi, lw + 2)
    elif expression == "relieved":
        box.height = int(r * 0.3)
        box.midbottom = (cx, int(mouth_y + r * 0.05))
        pygame.draw.arc(surface, line, box, math.pi * 1.1, math.pi * 1.9, lw + 1)
    elif expression == "neutral":
        pygame.draw.line(surface, line, (cx - mw * 0.7, mouth_y), (cx + mw * 0.7, mouth_y), lw + 1)
    elif expression == "annoyed":
        pygame.draw.line(surface, line, (cx - mw * 0.7, mouth_y + r * 0.04), (cx + mw * 0.7, mouth_y - r * 0.06),
                         lw + 1)
    else:  # angry
        box.midtop = (cx, int(mouth_y - r * 0.05))
        pygame.draw.arc(surface, line, box, 0.15 * math.pi, 0.85 * math.pi, lw + 2)
        for k in (-1, 1):  # steam marks beside the head
            x = cx + k * (r + r * 0.18)
            for j in range(3):
                pygame.draw.line(surface, theme.bad, (x, cy - r * 0.5 + j * r * 0.18),
                                 (x + k * r * 0.16, cy - r * 0.6 + j * r * 0.18), lw)


MAX_IMAGE_PIXELS = 4096 * 4096  # a portrait is drawn at most a few hundred pixels wide


def image_dimensions(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG, GIF, BMP or JPEG header (without decoding), or None when the
    format is not recognised. Reads at most 64 KiB."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return None
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24:
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        return int.from_bytes(head[6:8], "little"), int.from_bytes(head[8:10], "little")
    if head.startswith(b"BM") and len(head) >= 26:
        return abs(int.from_bytes(head[18:22], "little", signed=True)), abs(
            int.from_bytes(head[22:26], "little", signed=True))
    if head.startswith(b"\xff\xd8"):
        return _jpeg_dimensions(head)
    return None


def _jpeg_dimensions(head: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(head):
        if head[index] != 0xFF:
            return None
        marker = head[index + 1]
        length = int.from_bytes(head[index + 2:index + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return int.from_bytes(head[index + 7:index + 9], "big"), int.from_bytes(head[index + 5:index + 7], "big")
        index += 2 + length
    return None


def image_problem(path: Path) -> str | None:
    """Why an image file must not be decoded (too many pixels), or None."""
    size = image_dimensions(path)
    if size is not None and size[0] * size[1] > MAX_IMAGE_PIXELS:
        return (f"it is {size[0]}x{size[1]} pixels, more than {MAX_IMAGE_PIXELS:,} "
                "(scale it down to at most 4096x4096)")
    return None
