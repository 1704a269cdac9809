"""Compact rows for the debrief (v2), so a 20-decision call fits in three screens:

* ``ButtonBarRow``: several buttons side by side in one row (Left/Right pick, Enter presses).
* ``PrincipleRow``: a principle's name and number beside its bar (this run striped, the previous
  best outlined); Enter shows the sentence that explains the number.
* ``WorkOnRow``: one decision where a better option was open: what was said, the better option, why
  (open answers: first what the learner wrote in their own words). With the answer key withheld (a
  certification attempt: ``better_text`` is None) it shows what the customer said and what the
  learner said, and says where the better option can be seen instead.
* ``DecisionStrip``: every decision as a numbered box marked best / miss / major miss; Left/Right
  pick one, whose quotes show below the strip; Enter retries from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from simulator.app.translation import N_
from simulator.app.viewmodels import BarView, DecisionView
from simulator.app.widgets.draw import focus_ring, hatch, panel
from simulator.app.widgets.rows import PAD, Row

BAR = 14
BETTER_WITHHELD = N_("Better option: shown in Coach mode, not after a certification attempt.")
MARKS = {"best": (N_("best"), "+"), "ungraded": (N_("all options equal"), "="), "minor": (N_("could be better"), "-"),
         "major": (N_("major miss"), "!")}  # words shown through ctx._


class ButtonBarRow(Row):
    """Buttons in one row: ``buttons`` are (label, action); Left/Right move, Enter presses."""

    focusable = True

    def __init__(self, buttons: Sequence[tuple[str, Callable[[], None]]], key: str = "buttons"):
        self.buttons, self.key, self.selected = list(buttons), key, 0
        self.labels: list[tuple[pygame.Surface, pygame.Surface]] = []

    def layout(self, ctx: Any, width: int) -> int:
        theme = ctx.theme
        cell = (width - PAD * (len(self.buttons) - 1)) // max(1, len(self.buttons))
        self.labels = [(ctx.text.render(label, "small", theme.accent_text, cell - 2 * PAD),
                        ctx.text.render(label, "small", theme.button_text, cell - 2 * PAD))
                       for label, _ in self.buttons]
        return max(s.get_height() for pair in self.labels for s in pair) + 2 * PAD

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: Any, focused: bool) -> None:
        theme, count = ctx.theme, len(self.buttons)
        cell = (rect.width - PAD * (count - 1)) // max(1, count)
        for index, (accent, plain) in enumerate(self.labels):
            box = pygame.Rect(rect.left + index * (cell + PAD), rect.top, cell, rect.height)
            chosen = index == self.selected
            panel(surface, box, theme.accent if chosen else theme.button, theme.panel_border, 2)
            if focused and chosen:
                focus_ring(surface, box, theme.focus, theme.focus_width)
            label = accent if chosen else plain
            surface.blit(label, label.get_rect(center=box.center))

    def adjust(self, step: int) -> bool:
        self.selected = (self.selected + step) % len(self.buttons)
        return True

    def activate(self) -> None:
        self.buttons[self.selected][1]()


class PrincipleRow(Row):
    """See the module doc."""

    focusable = True

    def __init__(self, bar: BarView, on_toggle: Callable[[], None]):
        self.bar, self.key, self.open, self.on_toggle = bar, f"principle-{bar.principle_id}", False, on_toggle
        self.label: pygame.Surface | None = None
        self.explanation: pygame.Surface | None = None

    def layout(self, ctx: Any, width: int) -> int:
        bar = self.bar
        best = ctx._(", before {score}").format(score=bar.previous_best) if bar.previous_best is not None else ""
        self.label = ctx.text.render(f"{bar.name}: {bar.score}{best}", "small", ctx.theme.text, width * 2 // 5)
        self.explanation = None
        if self.open:
            self.explanation = ctx.text.render(bar.explanation, "small", ctx.theme.muted, width)
        extra = self.explanation.get_height() + 4 if self.explanation else 0
        return max(self.label.get_height(), 2 * BAR + 2) + extra + 4

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: Any, focused: bool) -> None:
        theme = ctx.theme
        if focused:
            focus_ring(surface, rect, theme.focus, theme.focus_width)
        if self.label is None:
            return
        surface.blit(self.label, (rect.left, rect.top + 2))
        left = rect.left + rect.width * 2 // 5 + PAD
        span = rect.right - left
        now = pygame.Rect(left, rect.top + 4, span, BAR)
        pygame.draw.rect(surface, theme.meter_bg, now)
        fill = pygame.Rect(now.left, now.top, span * self.bar.score // 100, BAR)
        pygame.draw.rect(surface, theme.meter_fill, fill)
        hatch(surface, fill, theme.panel, 9)
        pygame.draw.rect(surface, theme.text, now, 1)
        if self.bar.previous_best is not None:
            best = pygame.Rect(left, now.bottom + 2, span * self.bar.previous_best // 100, BAR - 4)
            pygame.draw.rect(surface, theme.best_marker, best, 2)
        if self.explanation is not None:
            top = max(rect.top + self.label.get_height(), now.bottom + BAR) + 4
            surface.blit(self.explanation, (rect.left, top))

    def activate(self) -> None:
        self.open = not self.open
        self.on_toggle()


class WorkOnRow(Row):
    """See the module doc; Enter retries from this decision."""

    focusable = True

    def __init__(self, view: DecisionView, retry: Callable[[int], None]):
        self.view, self.retry, self.key = view, retry, f"work-on-{view.step}"
        self.surfaces: list[pygame.Surface] = []

    def layout(self, ctx: Any, width: int) -> int:
        theme, v, inner, _ = ctx.theme, self.view, width - 2 * PAD, ctx._
        kind = _("major miss") if v.severity == "major" else _("a better option was open")
        kind += _(", a critical line crossed") if v.critical else ""
        said = _("time ran out") if v.timed_out else _("you said")
        lines = [(f'{v.step + 1}. ({kind}) {said}: "{v.choice_text}"', theme.bad),
                 (_('Better: "{text}" {feedback}').format(text=v.better_text, feedback=v.better_feedback or ""),
                  theme.good)]
        if v.typed:  # open answers: their own words first, then the option they confirmed
            lines[0] = (f"{v.step + 1}. ({kind}) " + _('you wrote: "{typed}"  and confirmed: "{text}"').format(
                typed=v.typed, text=v.choice_text), theme.bad)
        if v.better_text is None:  # answer key withheld: the customer's line instead of the better option
            lines[1:] = [(_('They said: "{text}"').format(text=v.prompt), theme.muted),
                         (_(BETTER_WITHHELD), theme.muted)]
        self.surfaces = [ctx.text.render(text, "small", color, inner) for text, color in lines]
        return sum(s.get_height() + 3 for s in self.surfaces) + PAD

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: Any, focused: bool) -> None:
        panel(surface, rect, ctx.theme.panel, ctx.theme.focus if focused else ctx.theme.panel_border, 1)
        if focused:
            focus_ring(surface, rect, ctx.theme.focus, ctx.theme.focus_width)
        y = rect.top + PAD // 2
        for text in self.surfaces:
            surface.blit(text, (rect.left + PAD, y))
            y += text.get_height() + 3

    def activate(self) -> None:
        self.retry(self.view.step)


class DecisionStrip(Row):
    """See the module doc. Boxes carry a sign as well as a colour (+ best, - miss, ! major)."""

    focusable = True
    BOX = 34

    def __init__(self, views: Sequence[DecisionView], retry: Callable[[int], None], on_change: Callable[[], None],
                 can_retry: bool = True):
        self.views, self.retry, self.key, self.selected = list(views), retry, "decisions", 0
        self.on_change, self.can_retry = on_change, can_retry
        self.numbers: list[pygame.Surface] = []
        self.detail: list[pygame.Surface] = []
        self.per_row = 1

    def layout(self, ctx: Any, width: int) -> int:
        theme, _ = ctx.theme, ctx._
        self.per_row = max(1, width // (self.BOX + 6))
        self.numbers = [ctx.text.render(f"{v.step + 1}{MARKS.get(v.severity, ('', '?'))[1]}", "small",
                                        theme.text, 0) for v in self.views]
        rows = -(-len(self.views) // self.per_row)
        self.detail = []
        if self.views:
            v = self.views[self.selected]
            mark = _(MARKS.get(v.severity, (v.severity, ""))[0]) + (_(", critical") if v.critical else "")
            said = _('You said ({mark}): "{text}"').format(mark=mark, text=v.choice_text)
            self.detail = [ctx.text.render(f"{v.step + 1}. " + _('They said: "{text}"').format(text=v.prompt), "small",
                                           theme.muted, width),
                           ctx.text.render(said + ("   " + _("Enter: retry from here") if self.can_retry else ""),
                                           "small", theme.text, width)]
            if v.typed:  # open answers: their own words beside the option they confirmed (and the best)
                withheld = not v.better_text and v.severity in ("minor", "major")  # certification attempt
                best = _('Best here: "{text}"').format(text=v.better_text) if v.better_text else \
                    "" if withheld else _("(the best option here)")
                wrote = _('You wrote: "{typed}"').format(typed=v.typed) + ("   " + best if best else "")
                self.detail.insert(1, ctx.text.render(wrote, "small", theme.text, width))
        box = max([self.BOX] + [n.get_height() + 6 for n in self.numbers])
        return rows * (box + 6) + sum(s.get_height() + 3 for s in self.detail) + 4

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: Any, focused: bool) -> None:
        theme = ctx.theme
        box = max([self.BOX] + [n.get_height() + 6 for n in self.numbers])
        width = max([self.BOX] + [n.get_width() + 8 for n in self.numbers])
        self.per_row = max(1, rect.width // (width + 6))
        for index, (view, number) in enumerate(zip(self.views, self.numbers, strict=True)):
            cell = pygame.Rect(rect.left + (index % self.per_row) * (width + 6),
                               rect.top + (index // self.per_row) * (box + 6), width, box)
            good = view.severity in ("best", "ungraded")
            panel(surface, cell, theme.panel, theme.good if good else theme.bad, 2, radius=6)
            if index == self.selected:
                pygame.draw.rect(surface, theme.focus if focused else theme.text, cell.inflate(6, 6), 3,
                                 border_radius=8)
            surface.blit(number, number.get_rect(center=cell.center))
        y = rect.top + -(-len(self.views) // self.per_row) * (box + 6) + 2
        for text in self.detail:
            surface.blit(text, (rect.left, y))
            y += text.get_height() + 3

    def adjust(self, step: int) -> bool:
        if not self.views:
            return False
        self.selected = (self.selected + step) % len(self.views)
        self.on_change()  # the quotes below the strip changed: heights may differ
        return True

    def activate(self) -> None:
        if self.views:
            self.retry(self.views[self.selected].step)
