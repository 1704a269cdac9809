"""Rows: the building blocks of every list on screen (menus, the picker, settings, the debrief).

Contract: a ``Row`` prepares its rendered surfaces in ``layout(ctx, width)`` (which returns its
height) and only blits in ``draw``. Focusable rows react to ``activate()`` (Enter, Space, click)
and optionally ``adjust(step)`` (Left/Right) and ``handle(event)`` (e.g. text input).
Words: rows show their labels in the player's language (``ctx._`` at layout), so a caller may pass
an English constant marked with ``N_`` or text it has already translated (shown as it is).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from simulator.app.widgets.draw import card, focus_ring, panel

if TYPE_CHECKING:
    from simulator.app.context import AppContext

PAD = 14


class Row:
    focusable = False
    key = ""

    def layout(self, ctx: AppContext, width: int) -> int:
        return 0

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: AppContext, focused: bool) -> None:
        return None

    def activate(self) -> None:
        return None

    def adjust(self, step: int) -> bool:
        return False

    def handle(self, event: pygame.event.Event) -> bool:
        return False


class TextRow(Row):
    """A paragraph (wrapped); ``color`` names a theme colour."""

    def __init__(self, text: str, role: str = "body", color: str = "text", gap: int = 6, center: bool = False):
        self.text, self.role, self.color, self.gap, self.center = text, role, color, gap, center
        self.surface: pygame.Surface | None = None

    def layout(self, ctx: AppContext, width: int) -> int:
        color = getattr(ctx.theme, self.color)
        self.surface = ctx.text.render(ctx._(self.text), self.role, color, width) if self.text else None
        return (self.surface.get_height() if self.surface else 0) + self.gap * 2

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: AppContext, focused: bool) -> None:
        if self.surface is not None:
            x = rect.centerx - self.surface.get_width() // 2 if self.center else rect.left
            surface.blit(self.surface, (x, rect.top + self.gap))


class ButtonRow(Row):
    """A big button: a label, an optional second line, and an action."""

    focusable = True

    def __init__(self, label: str, action: Callable[[], None], detail: str = "", key: str = "",
                 enabled: bool = True, primary: bool = False):
        self.label, self.action, self.detail, self.key = label, action, detail, key or label
        self.enabled, self.primary = enabled, primary
        self.surfaces: list[pygame.Surface] = []

    def layout(self, ctx: AppContext, width: int) -> int:
        theme = ctx.theme
        inner = max(40, width - 2 * PAD)
        fg = theme.accent_text if self.primary else theme.button_text
        if not self.enabled:
            fg = theme.disabled
        self.surfaces = [ctx.text.render(ctx._(self.label), "body", fg, inner)]
        if self.detail:
            self.surfaces.append(ctx.text.render(ctx._(self.detail), "small", theme.disabled if not self.enabled
                                                 else (fg if self.primary else theme.muted), inner))
        return sum(s.get_height() for s in self.surfaces) + 2 * PAD + 4 * (len(self.surfaces) - 1)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: AppContext, focused: bool) -> None:
        theme = ctx.theme
        fill = theme.accent if self.primary else theme.button
        focus = (theme.focus, theme.focus_width) if focused else None
        card(surface, rect, fill, theme.panel_border, focus, self.surfaces, PAD, 4)

    def activate(self) -> None:
        self.action()


class ChoiceRow(Row):
    """One labelled setting with values cycled by Enter or Left/Right."""

    focusable = True

    def __init__(self, label: str, options: dict[str, str], current: str, on_change: Callable[[str], None],
                 key: str = ""):
        self.label, self.options, self.current, self.on_change = label, options, current, on_change
        self.key = key or label
        self.surfaces: list[pygame.Surface] = []

    @property
    def value_label(self) -> str:
        return self.options.get(self.current, str(self.current))

    def layout(self, ctx: AppContext, width: int) -> int:
        inner = max(40, width - 2 * PAD)
        self.surfaces = [ctx.text.render(ctx._(self.label), "body", ctx.theme.button_text, inner),
                         ctx.text.render(f"< {ctx._(self.value_label)} >", "body", ctx.theme.accent
                                         if ctx.theme.name == "high_contrast" else ctx.theme.text, inner)]
        first, second = self.surfaces
        if first.get_width() + second.get_width() + 40 <= inner:
            return max(first.get_height(), second.get_height()) + 2 * PAD
        return first.get_height() + second.get_height() + 2 * PAD + 6

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: AppContext, focused: bool) -> None:
        panel(surface, rect, ctx.theme.button, ctx.theme.focus if focused else ctx.theme.panel_border, 2)
        if focused:
            focus_ring(surface, rect, ctx.theme.focus, ctx.theme.focus_width)
        first, second = self.surfaces
        surface.blit(first, (rect.left + PAD, rect.top + PAD))
        if first.get_width() + second.get_width() + 40 <= rect.width - 2 * PAD:
            surface.blit(second, (rect.right - PAD - second.get_width(), rect.top + PAD))
        else:
            surface.blit(second, (rect.left + PAD, rect.top + PAD + first.get_height() + 6))

    def adjust(self, step: int) -> bool:
        keys = list(self.options)
        index = keys.index(self.current) if self.current in keys else 0
        self.current = keys[(index + step) % len(keys)]
        self.on_change(self.current)
        return True

    def activate(self) -> None:
        self.adjust(1)


class InputRow(Row):
    """A labelled one-line text field; typing arrives as TEXTINPUT events while it has focus."""

    focusable = True

    def __init__(self, label: str, value: str = "", max_length: int = 40, key: str = "",
                 on_enter: Callable[[], None] | None = None, hint: str = ""):
        self.label, self.value, self.max_length, self.key = label, value, max_length, key or label
        self.on_enter, self.hint = on_enter, hint
        self.label_surface: pygame.Surface | None = None
        self.field_height = 0

    def layout(self, ctx: AppContext, width: int) -> int:
        label = ctx._(self.label) + (f"  ({ctx._(self.hint)})" if self.hint else "")
        self.label_surface = ctx.text.render(label, "small", ctx.theme.text, width)
        self.field_height = ctx.text.line_height("body") + 16
        return self.label_surface.get_height() + 6 + self.field_height

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: AppContext, focused: bool) -> None:
        theme = ctx.theme
        assert self.label_surface is not None
        surface.blit(self.label_surface, rect.topleft)
        box = pygame.Rect(rect.left, rect.bottom - self.field_height, rect.width, self.field_height)
        panel(surface, box, theme.panel, theme.focus if focused else theme.panel_border, 2, 6)
        if focused:
            focus_ring(surface, box, theme.focus, theme.focus_width)
        text = ctx.text.render(self.value, "body", theme.text) if self.value else None
        x = box.left + 10
        if text is not None:
            visible = min(text.get_width(), box.width - 30)
            surface.blit(text, (x, box.top + 8), pygame.Rect(text.get_width() - visible, 0, visible, text.get_height()))
            x += visible
        if focused:
            pygame.draw.rect(surface, theme.text, (x + 2, box.top + 8, 3, self.field_height - 16))

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            text = "".join(ch for ch in event.text if ch.isprintable())
            self.value = (self.value + text)[: self.max_length]
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            self.value = self.value[:-1]
            return True
        # a space arrives as TEXTINPUT too: it must not press the field like a button
        return event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE

    def activate(self) -> None:
        if self.on_enter is not None:
            self.on_enter()
