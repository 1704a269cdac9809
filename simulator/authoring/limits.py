"""Budgets lint holds scenario text to, derived from the play screen at the largest text size.

Derivation (simulator/app, November 2026): the window opens at 1280x720; at the "largest" text size
the body font is 44 px (``simulator/app/theme.py`` ``TEXT_SIZES``), about 19 px per character on
average, so the conversation panel (about 880 px wide beside the 27 % portrait column) holds about
44 characters per line and the option cards (badge and padding taken off) about 40. The option list
may use at most two thirds of the panel height (``screens/play.py``), about 12 lines at that size.
The budgets below keep a line of the customer's to about 7 lines, an option to about 5 lines (so
4 options fit without scrolling), and the feedback and debrief panels to one screen. They are
conservative on purpose: smaller text sizes fit more.
"""

from __future__ import annotations

from types import MappingProxyType

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


def reading_seconds(characters: int) -> int:
    """Seconds a player needs to read ``characters`` and then decide."""
    return -(-characters // READING_CHARS_PER_SECOND) + TIMER_SLACK_SECONDS


def is_placeholder(text: str) -> bool:
    """True for text that is obviously unfinished (TODO, TBD, '...', lorem ipsum)."""
    lowered = text.strip().lower()
    return lowered in PLACEHOLDERS or any(lowered.startswith(p) for p in PLACEHOLDERS[:5])
