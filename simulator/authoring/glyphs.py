"""Which characters the game's fonts cannot draw (lint's FL705). Imports pygame only when asked.

Contract: ``missing_characters(text)`` returns the characters of ``text`` that no font the game
draws with has a glyph for, or an empty set when that cannot be checked (pygame or its freetype
module missing): lint must work without pygame. Whitespace, control characters and the invisible
joiners and variation selectors the game strips (``simulator.app.fonts.INVISIBLE``) are never
reported.

The fonts are the game's own: the main font and its fallbacks in ``simulator.app.fonts``, looked up
with its ``coverage(name).has(char)``. A font file that cannot be opened is skipped; without the
main font the game draws with pygame's default font alone, so that is what is checked then.
Glyphs are found with ``pygame.freetype.Font.get_metrics``, which gives None for a character the
font lacks (``pygame.font.Font.metrics`` cannot tell: in pygame-ce 2.5 it returns the metrics of
the font's "missing" box instead of None).
"""

from __future__ import annotations

import os
from collections.abc import Callable


def _default_font_has() -> Callable[[str], bool]:
    import pygame.freetype

    if not pygame.freetype.get_init():
        pygame.freetype.init()
    face = pygame.freetype.Font(None, 16)
    return lambda char: face.get_metrics(char)[0] is not None


def _game_fonts_have() -> list[Callable[[str], bool]]:
    """One glyph test per font the game tries, in order (pygame's default font without the main)."""
    from simulator.app import fonts

    tests = []
    for index, name in enumerate([fonts.MAIN_FILES[False], *(name for name, _ in fonts.FALLBACK_FILES)]):
        try:
            tests.append(fonts.coverage(name).has)
        except OSError:
            if index == 0:
                return [_default_font_has()]
    return tests


# Characters the game's main font draws (tested in tests/authoring/test_glyphs_fast.py): a text made
# of these alone needs no font lookup, so lint skips importing pygame (about 50 ms) for most files.
ALWAYS_DRAWN = frozenset(map(chr, [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2028), 0x20AC, 0x2122]))


def missing_characters(text: str) -> set[str]:
    """Characters of ``text`` that no game font can draw (empty when it cannot be checked)."""
    if ALWAYS_DRAWN.issuperset(text.replace("\n", " ")):
        return set()
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        from simulator.app.fonts import INVISIBLE

        tests = _game_fonts_have()
    except ImportError:
        return set()
    missing = {ch for ch in text if not ch.isspace() and ch.isprintable() and ord(ch) not in INVISIBLE}
    for has in tests:
        missing = {ch for ch in missing if not has(ch)}
    return missing
