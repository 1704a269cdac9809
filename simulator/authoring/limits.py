"""Budgets lint holds scenario text to, derived from the play screen at the largest text size.

Derivation (simulator/app, November 2026): the window opens at 1280x720; at the "largest" text size
the body font is 44 px (``simulator/app/theme.py`` ``TEXT_SIZES``), about 19 px per character on
average, so the conversation panel (about 880 px wide beside the 27 % portrait column) holds about
44 characters per line and the option cards (badge and padding taken off) about 40. The option list
may use at most two thirds of the panel height (``screens/play.py``), about 12 lines at that size.
The budgets below keep a line of the customer's to about 7 lines, an option to about 5 lines (so
4 options fit without scrolling), and the feedback and debrief panels to one screen. They are
conservative on purpose: smaller text sizes fit more.

Per language (``language_rules``, used when linting a translation, ``simulator/i18n``): the budgets
are screen space, so a language in the Latin script keeps the same character budgets (Spanish runs
20-25 % longer than English and so reaches them sooner: that is the point of checking it); a script
with wider glyphs divides them by its ``width``. What does change is reading speed in characters:
IReST (Trauzettel-Klosinski & Dietz 2012) measured Spanish readers at about 4 % more characters a
minute than English ones (longer words, similar words a minute), hence 21 characters a second.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

# Characters per field (Unicode code points). Keys name what the trainer wrote.
TEXT_BUDGETS = MappingProxyType({
    "line": 320,          # what the customer (or speaker) says in one node
    "narration": 240,     # the italic scene-setting sentence above the line
    "option": 200,        # a choice's text, shown on an option card
    "feedback": 280,      # coaching shown after a choice
    "debrief": 700,       # the ending's debrief
    "ending title": 60,
    "title": 60,          # the scenario title on the picker
    "summary": 400,       # the scenario summary on the picker
    "situation": 400,     # the briefing screen
})
MAX_OPTIONS = 6                  # option cards that fit on the play screen at the largest size
READING_CHARS_PER_SECOND = 20    # a quick reader under time pressure (about 240 words a minute)
TIMER_SLACK_SECONDS = 2          # time to decide and press a key once everything is read
MIN_FEEDBACK_CHARS = 20          # shorter feedback cannot explain a grade
MIN_DEBRIEF_CHARS = 40           # shorter debriefs cannot explain an ending
PLACEHOLDERS = ("todo", "tbd", "fixme", "xxx", "lorem ipsum", "...")


class LanguageRules(NamedTuple):
    reading_chars_per_second: int  # a quick reader under time pressure, in this language
    width: float  # average glyph width against English at the same text size (1.0: Latin script)


LANGUAGE_RULES = MappingProxyType({
    "en": LanguageRules(READING_CHARS_PER_SECOND, 1.0),
    "es": LanguageRules(21, 1.0),
})


def language_rules(lang: str | None = None) -> LanguageRules:
    """The rules for a language tag ('es', 'es-419': by its primary subtag); English for None or
    a language without its own row."""
    primary = (lang or "en").split("-")[0].lower()
    return LANGUAGE_RULES.get(primary, LANGUAGE_RULES["en"])


def text_budgets(lang: str | None = None) -> Mapping[str, int]:
    """``TEXT_BUDGETS`` for text in ``lang`` (the same for Latin-script languages)."""
    width = language_rules(lang).width
    return MappingProxyType({kind: int(budget / width) for kind, budget in TEXT_BUDGETS.items()})


def reading_seconds(characters: int, lang: str | None = None) -> int:
    """Seconds a player needs to read ``characters`` (in ``lang``, default English) and then decide."""
    return -(-characters // language_rules(lang).reading_chars_per_second) + TIMER_SLACK_SECONDS


def is_placeholder(text: str) -> bool:
    """True for text that is obviously unfinished (TODO, TBD, '...', lorem ipsum)."""
    lowered = text.strip().lower()
    return lowered in PLACEHOLDERS or any(lowered.startswith(p) for p in PLACEHOLDERS[:5])
