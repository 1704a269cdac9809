"""Pieces shared by screens: a header band, page margins and a hint line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from simulator.app.context import AppContext

MARGIN = 32


def content_width(size: tuple[int, int], limit: int = 1000) -> int:
    return min(limit, size[0] - 2 * MARGIN)


def header_height(ctx: AppContext) -> int:
    return ctx.text.line_height("h1") + 28


def draw_header(surface: pygame.Surface, ctx: AppContext, title: str, right: str = "") -> int:
    """Paint the title band; returns its height. ``title`` and ``right`` are shown in the player's
    language (``ctx._``: a marked English constant is translated, other text is shown as it is)."""
    title, right = ctx._(title), ctx._(right)
    theme = ctx.theme
    height = header_height(ctx)
    band = pygame.Rect(0, 0, surface.get_width(), height)
    pygame.draw.rect(surface, theme.panel, band)
    pygame.draw.line(surface, theme.panel_border, band.bottomleft, band.bottomright, 2)
    right_surface = ctx.text.render(right, "small", theme.muted) if right else None
    room = surface.get_width() - 2 * MARGIN - (right_surface.get_width() + 20 if right_surface else 0)
    title_surface = ctx.text.render(title, "h1", theme.text)
    surface.blit(title_surface, (MARGIN, (height - title_surface.get_height()) // 2),
                 pygame.Rect(0, 0, room, title_surface.get_height()))
    if right_surface is not None:
        surface.blit(right_surface, (surface.get_width() - MARGIN - right_surface.get_width(),
                                     (height - right_surface.get_height()) // 2))
    return height


def hint_height(ctx: AppContext, text: str, width: int) -> int:
    return ctx.text.render(ctx._(text), "small", ctx.theme.muted, width - 2 * MARGIN).get_height() + 16


def draw_hint(surface: pygame.Surface, ctx: AppContext, text: str) -> None:
    """The key-help band at the bottom of the window (wrapped, never cut off), in the player's
    language (``text`` is a marked English constant or already translated)."""
    theme = ctx.theme
    hint = ctx.text.render(ctx._(text), "small", theme.muted, surface.get_width() - 2 * MARGIN)
    height = hint.get_height() + 16
    band = pygame.Rect(0, surface.get_height() - height, surface.get_width(), height)
    pygame.draw.rect(surface, theme.panel, band)
    pygame.draw.line(surface, theme.panel_border, band.topleft, band.topright, 1)
    surface.blit(hint, (MARGIN, band.top + 8))
