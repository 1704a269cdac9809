"""Projector drawing: text sized for the back of a room, rows that lay out once and only blit, and
pages that never cut anything off.

Contract: ``projector_text(size, text_size)`` is a ``TextCache`` whose body text is about 4 % of
the window height (larger with the player's larger text sizes). A ``PRow`` renders in
``layout(text, theme, width)`` (returns its height) and only paints in ``draw``. ``paginate``
flows ``Section``s (each starts a new page) into pages of a given height: a group of rows stays on
one page when it fits on an empty one, and a section that runs over continues on the next page
("(continued)"), so every row is drawn whole. ``pattern_fill`` draws a team's pattern (the
patterns of ``identity.PATTERNS``) so teams differ without colour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from simulator.app.text import TextCache
from simulator.app.theme import TEXT_SIZES
from simulator.app.translation import N_, Translate

if TYPE_CHECKING:
    from simulator.app.theme import Theme
    from simulator.results.identity import TeamStyle

BODY_UNITS_AT_720 = 46  # TextCache units for the body text at 720 px high and the medium text size
GAP = 10


def projector_text(size: tuple[int, int], text_size: str) -> TextCache:
    scale = min(size[1] / 720, size[0] / 1280) * TEXT_SIZES.get(text_size, 30) / TEXT_SIZES["medium"]
    return TextCache(max(20, round(BODY_UNITS_AT_720 * scale)))


def pattern_fill(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int], pattern: str) -> None:
    """Fill ``rect`` with the team's colour drawn as ``pattern`` over a pale tint of it."""
    if rect.width <= 0 or rect.height <= 0:
        return
    if pattern == "solid":
        pygame.draw.rect(surface, colour, rect)
        return
    pale = tuple(255 - (255 - c) // 3 for c in colour)
    pygame.draw.rect(surface, pale, rect)
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    step, width = max(8, rect.height // 3), max(2, rect.height // 10)
    if pattern in ("stripes", "grid"):
        for x in range(rect.left, rect.right, step):
            pygame.draw.line(surface, colour, (x, rect.top), (x, rect.bottom), width)
    if pattern in ("grid",):
        for y in range(rect.top, rect.bottom, step):
            pygame.draw.line(surface, colour, (rect.left, y), (rect.right, y), width)
    if pattern in ("diagonal", "crosshatch"):
        for x in range(rect.left - rect.height, rect.right, step):
            pygame.draw.line(surface, colour, (x, rect.bottom), (x + rect.height, rect.top), width)
    if pattern == "crosshatch":
        for x in range(rect.left, rect.right + rect.height, step):
            pygame.draw.line(surface, colour, (x, rect.bottom), (x - rect.height, rect.top), width)
    if pattern == "dots":
        radius = max(2, step // 4)
        for y in range(rect.top + step // 2, rect.bottom, step):
            for x in range(rect.left + step // 2, rect.right, step):
                pygame.draw.circle(surface, colour, (x, y), radius)
    surface.set_clip(clip)
    pygame.draw.rect(surface, colour, rect, max(2, width))


def swatch(surface: pygame.Surface, rect: pygame.Rect, style: TeamStyle, label: pygame.Surface) -> None:
    """The team's patterned square with its label on a white chip (readable on any pattern)."""
    pattern_fill(surface, rect, style.rgb, style.pattern)
    chip = label.get_rect(center=rect.center).inflate(8, 2)
    pygame.draw.rect(surface, (255, 255, 255), chip, border_radius=4)
    pygame.draw.rect(surface, (20, 20, 20), chip, 1, border_radius=4)
    surface.blit(label, label.get_rect(center=chip.center))


class PRow:
    """One projector row: ``layout`` renders, ``draw`` blits."""

    height = 0

    def layout(self, text: TextCache, theme: Theme, width: int) -> int:
        return 0

    def draw(self, surface: pygame.Surface, x: int, y: int, theme: Theme) -> None:
        return None


class TextItem(PRow):
    """Wrapped text; ``colour`` names a theme colour."""

    def __init__(self, text: str, role: str = "body", colour: str = "text", indent: int = 0):
        self.text, self.role, self.colour, self.indent = text, role, colour, indent
        self.surface: pygame.Surface | None = None

    def layout(self, text: TextCache, theme: Theme, width: int) -> int:
        self.indent_px = self.indent * text.line_height("body")
        self.surface = text.render(self.text, self.role, getattr(theme, self.colour), max(40, width - self.indent_px))
        self.height = self.surface.get_height()
        return self.height

    def draw(self, surface: pygame.Surface, x: int, y: int, theme: Theme) -> None:
        if self.surface is not None:
            surface.blit(self.surface, (x + self.indent_px, y))


class BarItem(PRow):
    """[lead] [swatch] text (wrapped) ... value, and under it a bar filled to ``fraction``.

    ``lead`` is a rank or mark, ``style`` a team (None: no swatch), ``detail`` small text beside
    the bar. The bar is patterned with the team's style, else the theme's meter colour."""

    def __init__(self, lead: str, label: str, value: str, fraction: float | None, style: TeamStyle | None = None,
                 detail: str = "", role: str = "h2", bar_style: TeamStyle | None = None):
        self.lead, self.label, self.value, self.fraction = lead, label, value, fraction
        self.style, self.detail, self.role = style, detail, role
        self.bar_style = bar_style or style

    def layout(self, text: TextCache, theme: Theme, width: int) -> int:
        line = text.line_height(self.role)
        self.lead_s = text.render(self.lead, self.role, theme.muted) if self.lead else None
        self.value_s = text.render(self.value, self.role, theme.text)
        self.tag_s = text.render(self.style.label, "small", (20, 20, 20)) if self.style else None
        self.box = round(line * 1.9) if self.style else 0
        self.lead_w = text.size("00.", self.role)[0] + GAP if self.lead else 0
        self.label_x = self.lead_w + (self.box + GAP if self.style else 0)
        room = max(60, width - self.label_x - self.value_s.get_width() - 2 * GAP)
        self.label_s = text.render(self.label, self.role, theme.text, room)
        self.width = width
        self.detail_s = text.render(self.detail, "small", theme.muted) if self.detail else None
        top = max(self.label_s.get_height(), line)
        self.bar_h = max(10, line // 3) if self.fraction is not None else 0
        detail_h = self.detail_s.get_height() if self.detail_s else 0
        under = max(self.bar_h, detail_h) + GAP // 2 if (self.bar_h or detail_h) else 0
        self.top_h = top
        self.height = top + under
        return self.height

    def draw(self, surface: pygame.Surface, x: int, y: int, theme: Theme) -> None:
        if self.lead_s is not None:
            surface.blit(self.lead_s, (x, y))
        if self.style is not None and self.tag_s is not None:
            high = self.lead_s.get_height() if self.lead_s else self.label_s.get_height()
            swatch(surface, pygame.Rect(x + self.lead_w, y + 4, self.box, min(high, self.top_h) - 8), self.style,
                   self.tag_s)
        surface.blit(self.label_s, (x + self.label_x, y))
        surface.blit(self.value_s, (x + self.width - self.value_s.get_width(), y))
        below = y + self.top_h + GAP // 4
        bar_w = self.width - self.label_x - (self.detail_s.get_width() + 2 * GAP if self.detail_s else 0)
        if self.fraction is not None and bar_w > 20:
            track = pygame.Rect(x + self.label_x, below, bar_w, self.bar_h)
            pygame.draw.rect(surface, theme.meter_bg, track)
            filled = track.copy()
            filled.width = round(track.width * max(0.0, min(1.0, self.fraction)))
            if self.bar_style is not None:
                pattern_fill(surface, filled, self.bar_style.rgb, self.bar_style.pattern)
            else:
                pygame.draw.rect(surface, theme.meter_fill, filled)
            pygame.draw.rect(surface, theme.panel_border, track, 1)
        if self.detail_s is not None:
            surface.blit(self.detail_s, (x + self.width - self.detail_s.get_width(), below - 2))


class OptionItem(PRow):
    """An option with its share: the percentage, a share bar and the count on the left, the text on
    the right; the best option gets a "BEST" tag (text, not colour alone) and a thick side rule,
    the option the room played a "ROOM'S CHOICE" tag."""

    def __init__(self, label: str, share: float, count: str, best: bool, chosen: bool = False, why: str = "",
                 _: Translate = N_):
        """``_`` translates the tags and "Why:" (the player's language; English by default)."""
        self.label, self.share, self.count, self.best, self.chosen = label, share, count, best, chosen
        self.why, self._ = why, _

    def layout(self, text: TextCache, theme: Theme, width: int) -> int:
        _ = self._
        self.col = text.size("100% ", "h2")[0] + text.size(_("{count} of {total}").format(count="00", total="00"),
                                                         "small")[0]
        self.pct_s = text.render(f"{round(self.share * 100)}%", "h2", theme.text)
        self.count_s = text.render(self.count, "small", theme.muted)
        tags = "  ".join(tag for tag, shown in ((_("BEST"), self.best), (_("ROOM'S CHOICE"), self.chosen)) if shown)
        self.tag_s = text.render(tags.strip(), "small", theme.best_marker if self.best else theme.accent) \
            if tags else None
        self.text_x = self.col + GAP * 3
        self.label_s = text.render(self.label, "body", theme.text, max(60, width - self.text_x - GAP))
        why = _("Why: {why}").format(why=self.why)
        self.why_s = text.render(why, "body", theme.good, max(60, width - self.text_x - GAP)) if self.why else None
        self.bar_h = max(8, text.line_height("body") // 4)
        self.width = width
        left_h = self.pct_s.get_height() + self.bar_h
        right_h = self.label_s.get_height() + (self.tag_s.get_height() if self.tag_s else 0) + (
            self.why_s.get_height() if self.why_s else 0)
        self.height = max(left_h, right_h)
        return self.height

    def draw(self, surface: pygame.Surface, x: int, y: int, theme: Theme) -> None:
        surface.blit(self.pct_s, (x, y))
        surface.blit(self.count_s, (x + self.col - self.count_s.get_width(),
                                    y + self.pct_s.get_height() - self.count_s.get_height() - 4))
        bar = pygame.Rect(x, y + self.pct_s.get_height(), self.col, self.bar_h)
        pygame.draw.rect(surface, theme.meter_bg, bar)
        filled = bar.copy()
        filled.width = round(bar.width * max(0.0, min(1.0, self.share)))
        pygame.draw.rect(surface, theme.best_marker if self.best else theme.meter_fill, filled)
        pygame.draw.rect(surface, theme.panel_border, bar, 1)
        ty = y
        if self.tag_s is not None:
            surface.blit(self.tag_s, (x + self.text_x, ty))
            ty += self.tag_s.get_height()
        if self.best:
            rule = pygame.Rect(x + self.text_x - GAP - 6, y, 6, self.height - GAP // 2)
            pygame.draw.rect(surface, theme.best_marker, rule)
        surface.blit(self.label_s, (x + self.text_x, ty))
        if self.why_s is not None:
            surface.blit(self.why_s, (x + self.text_x, ty + self.label_s.get_height()))


class Spacer(PRow):
    def __init__(self, lines: float = 0.5):
        self.lines = lines

    def layout(self, text: TextCache, theme: Theme, width: int) -> int:
        self.height = round(text.line_height("body") * self.lines)
        return self.height


@dataclass
class Section:
    """A page-starting section: ``slug`` names its screenshots, ``groups`` are rows kept together."""

    title: str
    slug: str
    groups: list[list[PRow]] = field(default_factory=list)
    repeat_first: bool = False  # continued pages start with the first group again (e.g. the prompt)


@dataclass
class Page:
    title: str
    slug: str
    rows: list[tuple[PRow, int]] = field(default_factory=list)  # (row, y offset in the body)


def paginate(sections: list[Section], text: TextCache, theme: Theme, width: int, height: int,
             _: Translate = N_) -> list[Page]:
    """Flow the sections into pages ``height`` pixels high (see the module contract); ``_``
    translates "(continued)"."""
    pages: list[Page] = []
    for section in sections:
        pages += _flow(section, text, theme, width, height, _)
    return pages or [Page("", "empty")]


def _flow(section: Section, text: TextCache, theme: Theme, width: int, height: int,
          _: Translate = N_) -> list[Page]:
    pages = [Page(section.title, section.slug)]
    heights = [[row.layout(text, theme, width) for row in group] for group in section.groups]
    lead = section.groups[0] if section.groups and section.repeat_first else []
    lead_h = sum(heights[0]) + GAP * len(lead) if lead else 0
    if lead_h > height // 2:
        lead, lead_h = [], 0
    y = 0
    for group, sizes in zip(section.groups, heights, strict=True):
        total = sum(sizes) + GAP * (len(group) - 1)
        for index, (row, row_h) in enumerate(zip(group, sizes, strict=True)):
            if y and y + (total if index == 0 and total <= height - lead_h else row_h) > height:
                pages.append(Page(_("{title} (continued)").format(title=section.title),
                                  f"{section.slug}-{len(pages) + 1}"))
                y = 0
                again = lead if lead_h + row_h <= height else []  # the prompt again, when the row still fits
                for repeated, repeated_h in zip(again, heights[0][:len(again)], strict=True):
                    pages[-1].rows.append((repeated, y))
                    y += repeated_h + GAP
            pages[-1].rows.append((row, y))
            y += row_h + GAP
        y += GAP // 2
    return pages


def draw_page(surface: pygame.Surface, page: Page, body: pygame.Rect, theme: Theme) -> None:
    for row, offset in page.rows:
        row.draw(surface, body.left, body.top + offset, theme)


MARGIN_FRACTION = 0.03


def body_rect(size: tuple[int, int], text: TextCache, footer: list[str]) -> pygame.Rect:
    """The area between the title band and the footer band (margins scale with the window)."""
    margin = round(size[0] * MARGIN_FRACTION)
    top = text.line_height("h1") + 2 * GAP + GAP * 2
    bottom = size[1] - footer_height(size, text, footer) - GAP * 2
    return pygame.Rect(margin, top, size[0] - 2 * margin, max(40, bottom - top))


def _footer(size: tuple[int, int], text: TextCache, theme_colour: tuple[int, int, int],
            footer: list[str]) -> list[pygame.Surface]:
    margin = round(size[0] * MARGIN_FRACTION)
    return [text.render(line, "small", theme_colour, size[0] - 2 * margin) for line in footer if line]


def footer_height(size: tuple[int, int], text: TextCache, footer: list[str]) -> int:
    return sum(s.get_height() for s in _footer(size, text, (0, 0, 0), footer)) + 2 * GAP


def draw_bands(surface: pygame.Surface, text: TextCache, theme: Theme, title: str, footer: list[str]) -> None:
    """The title band (the title in the largest heading size that fits on one line) and the footer
    band (status and key help, wrapped: never cut off)."""
    width, height = surface.get_size()
    margin = round(width * MARGIN_FRACTION)
    band_h = text.line_height("h1") + 2 * GAP
    pygame.draw.rect(surface, theme.panel, (0, 0, width, band_h))
    pygame.draw.line(surface, theme.panel_border, (0, band_h), (width, band_h), 2)
    role = next((r for r in ("h1", "h2") if text.size(title, r)[0] <= width - 2 * margin), "body")
    title_s = text.render(title, role, theme.text, width - 2 * margin)
    surface.blit(title_s, (margin, max(0, (band_h - title_s.get_height()) // 2)))
    lines = _footer(surface.get_size(), text, theme.muted, footer)
    foot_h = sum(s.get_height() for s in lines) + 2 * GAP
    pygame.draw.rect(surface, theme.panel, (0, height - foot_h, width, foot_h))
    pygame.draw.line(surface, theme.panel_border, (0, height - foot_h), (width, height - foot_h), 1)
    y = height - foot_h + GAP
    for line in lines:
        surface.blit(line, (margin, y))
        y += line.get_height()
