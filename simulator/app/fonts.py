"""The shipped fonts: Noto Sans for the game's text, fallbacks for Arabic, CJK and emoji.

Contract: ``FontSet(size, bold)`` opens the main font from ``assets/fonts`` (read through
``simulator.paths.assets_dir()``, i.e. ``importlib.resources``) and the fallbacks on first need.
``main_covers(text)`` says whether the main font has every character; ``runs(text)`` splits text
into ``(font index, text)`` runs (-1 = main font); ``mixed_render(fonts, text, color, width)``
draws such text, word-wrapped at ``width`` pixels when ``width`` > 0 and honouring ``\\n``.
Arabic runs are shaped right to left (pygame-ce's SDL_ttf has HarfBuzz); emoji come from a colour
bitmap font and are scaled to the main font's height. A missing or unreadable font file never
raises: ``shipped`` is False and pygame's default font is used (logged once).
"""

from __future__ import annotations

import re
from pathlib import Path

import pygame

from simulator.util import LazyLogger

log = LazyLogger(__name__)

MAIN_FILES = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}
# (file, HarfBuzz script or "") in the order they are tried for a character the main font lacks.
FALLBACK_FILES: tuple[tuple[str, str], ...] = (
    ("NotoSansArabic-Regular.ttf", "Arab"),
    ("DroidSansFallbackFull.ttf", ""),
    ("NanumSquareR.ttf", ""),
    ("NotoColorEmoji-Subset.ttf", ""),
)
INVISIBLE = dict.fromkeys(map(ord, "\u200d\ufe0e\ufe0f"))  # joiners and emoji variation selectors
_COVERAGE: dict[str, _Coverage] = {}  # per font file: which characters it has (fonts never change)
_WARNED: set[str] = set()
WORD = re.compile(r"\S+\s*|\s+")
PLAIN_ASCII = frozenset(map(chr, range(0x20, 0x7F))) | frozenset("\n\t")  # Noto Sans has all of these


def font_path(name: str) -> Path:
    from simulator.paths import assets_dir

    return assets_dir() / "fonts" / name


class _Coverage:
    """Which characters a font file has (pygame.freetype reports None metrics for missing ones).
    The file is opened on the first question, so text the main font is known to cover (printable
    ASCII) never opens it: the first frame does not pay for freetype."""

    def __init__(self, path: Path):
        self.path = path
        self._font = None
        self._sizes: list | None = None  # type: ignore[type-arg]
        self.known: dict[str, bool] = {}

    @property
    def font(self):  # type: ignore[no-untyped-def]
        if self._font is None:
            self._font = self._open()
        return self._font

    @font.setter
    def font(self, value) -> None:  # type: ignore[no-untyped-def]
        self._font = value

    @property
    def bitmap(self) -> bool:
        """Colour emoji: fixed-size strikes, drawn large and scaled down."""
        return bool(self._strikes())

    @property
    def size(self) -> int:
        sizes = self._strikes()
        return sizes[0][0] if sizes else 16  # bitmap fonts only answer at their strike size

    def _strikes(self) -> list:  # type: ignore[type-arg]
        if self._sizes is None:
            self._sizes = list(self.font.get_sizes())
        return self._sizes

    def _open(self):  # type: ignore[no-untyped-def]
        import pygame.freetype as freetype

        if not freetype.get_init():
            freetype.init()
        return freetype.Font(str(self.path), 0)

    def has(self, char: str) -> bool:
        hit = self.known.get(char)
        if hit is None:
            hit = self._lookup(char)
            self.known[char] = hit
        return hit

    def _lookup(self, char: str) -> bool:
        import pygame.freetype as freetype

        for attempt in range(2):
            if attempt or not freetype.get_init():  # pygame.quit() ran since (tests, a restarted display)
                self.font = self._open()
            try:
                return self.font.get_metrics(char, size=self.size)[0] is not None
            except (pygame.error, ValueError, RuntimeError):
                continue
        return False


def coverage(name: str) -> _Coverage:
    found = _COVERAGE.get(name)
    if found is None:
        found = _COVERAGE[name] = _Coverage(font_path(name))
    return found


def _warn_once(what: str, error: Exception) -> None:
    if what not in _WARNED:
        _WARNED.add(what)
        log.warning("font %s unavailable (%s); using pygame's default font, some names may show as boxes",
                    what, error)


class FontSet:
    """The main font at one size plus its fallbacks (opened lazily); ``default_size`` is the size
    used for pygame's default font when the shipped one cannot be opened."""

    def __init__(self, size: int, bold: bool = False, default_size: int | None = None):
        self.size = size
        name = MAIN_FILES[bold]
        try:
            self.main = pygame.font.Font(str(font_path(name)), size)
            self.main_coverage: _Coverage | None = coverage(name)
            self.shipped = True
        except (OSError, pygame.error) as error:
            _warn_once(name, error)
            self.main = pygame.font.Font(None, default_size or size)
            self.main_coverage = None
            self.shipped = False
        self._fallbacks: list[pygame.font.Font | None] | None = None

    def main_covers(self, text: str) -> bool:
        cov = self.main_coverage
        if cov is None:
            return False
        return PLAIN_ASCII.issuperset(text) or all(c.isspace() or cov.has(c) for c in text)

    def fallbacks(self) -> list[pygame.font.Font | None]:
        if self._fallbacks is None:
            self._fallbacks = [self._open_fallback(name, script) for name, script in FALLBACK_FILES]
        return self._fallbacks

    def _open_fallback(self, name: str, script: str) -> pygame.font.Font | None:
        try:
            font = pygame.font.Font(str(font_path(name)), self.size)
            coverage(name)
        except (OSError, pygame.error) as error:
            _warn_once(name, error)
            return None
        if script:
            try:
                font.set_script(script)
                font.set_direction(pygame.DIRECTION_RTL)
            except (pygame.error, AttributeError):  # SDL_ttf without HarfBuzz: letters still drawn
                pass
        return font

    def font_for(self, char: str) -> int:
        """-1 for the main font, else the index of the first fallback that has ``char``."""
        if self.main_coverage is not None and self.main_coverage.has(char):
            return -1
        for index, font in enumerate(self.fallbacks()):
            if font is not None and coverage(FALLBACK_FILES[index][0]).has(char):
                return index
        return -1

    def runs(self, text: str) -> list[tuple[int, str]]:
        """``text`` split into runs drawn by one font each; spaces stay with the run they follow
        when its font has them (so Arabic words keep their right-to-left order)."""
        runs: list[tuple[int, str]] = []
        for char in text.translate(INVISIBLE):
            index = self.font_for(char)
            if char.isspace() and runs:
                last = runs[-1][0]
                if last == -1 or coverage(FALLBACK_FILES[last][0]).has(char):
                    index = last
            if runs and runs[-1][0] == index:
                runs[-1] = (index, runs[-1][1] + char)
            else:
                runs.append((index, char))
        return [piece for run in runs for piece in _split_trailing_space(run)]

    def baseline_shift(self, index: int, surface: pygame.Surface, line_height: int) -> int:
        """Where a run's surface goes in its line: text fonts share the main font's baseline,
        emoji are centred."""
        font = self.main if index == -1 else self.fallbacks()[index]
        if font is None or self._is_bitmap(index):
            return max(0, (line_height - surface.get_height()) // 2)
        return self.main.get_ascent() - font.get_ascent()

    @staticmethod
    def _is_bitmap(index: int) -> bool:
        return index >= 0 and coverage(FALLBACK_FILES[index][0]).bitmap

    def run_surface(self, index: int, text: str, color: tuple[int, int, int]) -> pygame.Surface:
        font = self.main if index == -1 else self.fallbacks()[index] or self.main
        surface = font.render(text, True, color)
        height = self.main.get_height()
        if self._is_bitmap(index) and surface.get_height() > height:
            width = max(1, round(surface.get_width() * height / surface.get_height()))
            surface = pygame.transform.smoothscale(surface.convert_alpha() if pygame.display.get_surface()
                                                   else surface, (width, height))
        return surface

    def run_width(self, index: int, text: str) -> int:
        font = self.main if index == -1 else self.fallbacks()[index] or self.main
        width, run_height = font.size(text)
        height = self.main.get_height()
        if self._is_bitmap(index) and run_height > height:
            return max(1, round(width * height / run_height))
        return width

    def text_width(self, text: str) -> int:
        return sum(self.run_width(index, part) for index, part in self.runs(text))

    def line_size(self, text: str) -> tuple[int, int]:
        lines = text.split("\n")
        return max(self.text_width(line) for line in lines), self.main.get_linesize() * len(lines)


def _split_trailing_space(run: tuple[int, str]) -> list[tuple[int, str]]:
    """A right-to-left run's trailing spaces go to the main font (else they draw on its left)."""
    index, text = run
    body = text.rstrip()
    if index == -1 or body == text or not body or not FALLBACK_FILES[index][1]:
        return [run]
    return [(index, body), (-1, text[len(body):])]


def _wrap(fonts: FontSet, paragraph: str, width: int) -> list[str]:
    """Greedy word wrap; a word wider than ``width`` (CJK has no spaces) breaks between characters."""
    lines: list[str] = []
    current = ""
    for word in WORD.findall(paragraph) or [""]:
        if fonts.text_width((current + word).rstrip()) <= width:
            current += word
            continue
        if current:
            lines.append(current.rstrip())
            current = ""
        while fonts.text_width(word.rstrip()) > width and len(word) > 1:
            cut = 1
            while cut < len(word) and fonts.text_width(word[:cut + 1]) <= width:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    lines.append(current.rstrip())
    return lines


def mixed_render(fonts: FontSet, text: str, color: tuple[int, int, int], width: int = 0) -> pygame.Surface:
    """Text with characters from several fonts, on a transparent surface."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _wrap(fonts, paragraph, width) if width > 0 else [paragraph]
    line_height = fonts.main.get_linesize()
    drawn = [[fonts.run_surface(i, part, color) for i, part in fonts.runs(line)] for line in lines]
    total = max([sum(s.get_width() for s in row) for row in drawn] + [1])
    surface = pygame.Surface((total, max(1, line_height * len(lines))), pygame.SRCALPHA)
    for row_index, row in enumerate(drawn):
        x, top = 0, row_index * line_height
        for (index, _), part in zip(fonts.runs(lines[row_index]), row, strict=True):
            surface.blit(part, (x, top + fonts.baseline_shift(index, part, line_height)))
            x += part.get_width()
    return surface


def plain_for_default_font(text: str) -> str:
    """Text pygame's default font can show: typographic quotes and dashes become plain ones."""
    return (text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
            .replace("\u2014", " - ").replace("\u2013", "-").replace("\u2026", "..."))
