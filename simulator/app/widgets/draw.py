"""Small drawing helpers shared by widgets (pure drawing: no state is changed)."""

from __future__ import annotations

from typing import Any

import pygame

Color = tuple[int, int, int]
ELLIPSIS = "..."


def panel(surface: pygame.Surface, rect: pygame.Rect, fill: Color, border: Color, width: int = 2,
          radius: int = 10) -> None:
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if width:
        pygame.draw.rect(surface, border, rect, width, border_radius=radius)


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, color: Color, width: int) -> None:
    """A thick ring outside ``rect`` plus a side bar, so focus shows by shape and not only colour."""
    pygame.draw.rect(surface, color, rect.inflate(width * 2, width * 2), width, border_radius=12)
    bar = pygame.Rect(rect.left - width * 2 - 6, rect.top + 4, 6, max(8, rect.height - 8))
    pygame.draw.rect(surface, color, bar)


def card(surface: pygame.Surface, rect: pygame.Rect, fill: Color, border: Color, focus: tuple[Color, int] | None,
         lines: list[pygame.Surface], pad: int, gap: int) -> None:
    """A panel with a focus ring when ``focus`` (colour, width) is given, and ``lines`` stacked inside."""
    panel(surface, rect, fill, focus[0] if focus else border, 2)
    if focus:
        focus_ring(surface, rect, *focus)
    y = rect.top + pad
    for text in lines:
        surface.blit(text, (rect.left + pad, y))
        y += text.get_height() + gap


def hatch(surface: pygame.Surface, rect: pygame.Rect, color: Color, step: int = 8) -> None:
    """Diagonal stripes inside ``rect`` (a pattern so a bar reads without colour)."""
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    for x in range(rect.left - rect.height, rect.right, step):
        pygame.draw.line(surface, color, (x, rect.bottom), (x + rect.height, rect.top), 2)
    surface.set_clip(clip)


def dim(surface: pygame.Surface, alpha: int) -> None:
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, alpha))
    surface.blit(shade, (0, 0))


def fit(ctx: Any, text: str, role: str, width: int) -> str:
    """``text`` cut to fit ``width`` pixels on one line, ending in an ellipsis when cut."""
    if width <= 0:
        return ""
    if ctx.text.size(text, role)[0] <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if ctx.text.size(text[:middle].rstrip() + ELLIPSIS, role)[0] <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS if low else ELLIPSIS
