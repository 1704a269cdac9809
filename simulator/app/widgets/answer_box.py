"""Open answers (issue #16): the box where the learner types what they would say.

Contract: ``AnswerBox(prompt, on_submit)`` is a focusable row. Typing arrives as TEXTINPUT events
(printable characters only, at most ``MAX_CHARS``); Backspace deletes, Ctrl+Backspace deletes a
word; Enter calls ``on_submit(text)`` (an empty box is refused with a hint, not submitted). The
text wraps over as many lines as it needs; the row grows, and the caret is drawn when focused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from simulator.app.translation import N_, Translate
from simulator.app.widgets.draw import focus_ring, panel
from simulator.app.widgets.rows import PAD, Row

if TYPE_CHECKING:
    from simulator.app.context import AppContext

MAX_CHARS = 400  # an option's text is at most 400 characters too


class AnswerBox(Row):
    focusable = True
    key = "answer"

    def __init__(self, prompt: str, on_submit: Callable[[str], None], on_resize: Callable[[], None] | None = None):
        self.prompt, self.on_submit, self.on_resize = prompt, on_submit, on_resize
        self.value = ""
        self.empty_hint = False
        self.prompt_surface: pygame.Surface | None = None
        self.text_surface: pygame.Surface | None = None
        self.field_height = 0
        self.width = 0
        self.caret = (0, 0)  # caret position within the text, set by layout

    def layout(self, ctx: AppContext, width: int) -> int:
        theme = ctx.theme
        self.width = width
        hint = ctx._("(Type something first, or pick from the list.)") if self.empty_hint else ""
        prompt = f"{self.prompt}   {hint}" if hint else self.prompt
        self.prompt_surface = ctx.text.render(prompt, "small", theme.bad if self.empty_hint else theme.text, width)
        inner = max(40, width - 2 * PAD - 8)
        self.text_surface = ctx.text.render(self.value, "body", theme.text, inner) if self.value else None
        lines = self.text_surface.get_height() if self.text_surface else ctx.text.line_height("body")
        self.caret = self._caret(ctx, inner)
        self.field_height = lines + 16
        return self.prompt_surface.get_height() + 6 + self.field_height

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: AppContext, focused: bool) -> None:
        theme = ctx.theme
        assert self.prompt_surface is not None
        surface.blit(self.prompt_surface, rect.topleft)
        box = pygame.Rect(rect.left, rect.bottom - self.field_height, rect.width, self.field_height)
        panel(surface, box, theme.panel, theme.focus if focused else theme.panel_border, 2, 6)
        if focused:
            focus_ring(surface, box, theme.focus, theme.focus_width)
        x, y = box.left + PAD, box.top + 8
        if self.text_surface is not None:
            surface.blit(self.text_surface, (x, y))
        caret_x, caret_y = x + self.caret[0], y + self.caret[1]
        if focused:
            pygame.draw.rect(surface, theme.text, (caret_x + 2, caret_y + 2, 3, ctx.text.line_height("body") - 4))

    def _caret(self, ctx: AppContext, inner: int) -> tuple[int, int]:
        """Where the caret goes (x, y from the text's top-left): after the last wrapped line."""
        line_height = ctx.text.line_height("body")
        if self.text_surface is None:
            return 0, 0
        line = ""
        for word in self.value.split(" "):
            trial = f"{line} {word}" if line else word
            line = word if ctx.text.render(trial, "body", ctx.theme.text).get_width() > inner else trial
        width = ctx.text.render(line, "body", ctx.theme.text).get_width() if line else 0
        return min(inner, width), max(0, self.text_surface.get_height() - line_height)

    def handle(self, event: pygame.event.Event) -> bool:
        before = self.value
        if event.type == pygame.TEXTINPUT:
            text = "".join(ch for ch in event.text if ch.isprintable())
            self.value = (self.value + text)[:MAX_CHARS]
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            if event.mod & pygame.KMOD_CTRL:
                self.value = self.value.rstrip().rpartition(" ")[0]
                self.value += " " if self.value else ""
            else:
                self.value = self.value[:-1]
        elif not (event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE):
            return False
        if self.value != before:
            self.empty_hint = False
            if self.on_resize is not None:
                self.on_resize()
        return True

    def spoken(self, _: Translate = N_) -> str:
        """Self-voicing reads the prompt (not the letters typed so far: they would be read at every key);
        the prompt is given in the player's language."""
        return self.prompt

    def activate(self) -> None:
        if not self.value.strip():
            self.empty_hint = True
            if self.on_resize is not None:
                self.on_resize()
            return
        self.on_submit(self.value.strip())
