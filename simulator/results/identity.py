"""Workshop identity: when two spellings of a workshop code or team name are the same, and how a
team is drawn.

Contract (pure, no SQLAlchemy, no pygame: the game, the projector and the reports share it):
* ``name_key(text)`` is the comparison key of a workshop code or team name: Unicode NFKC, case
  folded, every whitespace character removed. "Red", "red " and " R ed" are one team; "TUE-AM"
  and "tue-am" one workshop. Names are stored as written; screens show the first spelling seen.
* ``same_name(a, b)`` compares two names by that key.
* ``team_style(team)`` is a stable ``TeamStyle`` per key: a colour (a team named after a colour
  gets that colour: "Red" is red, "blue team" is blue; other names get a palette colour chosen by
  a hash of the key, the same on every machine), a fill pattern and a short text label, so teams
  stay apart without colour (printouts, colour-blind viewers, projectors).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


def name_key(text: str | None) -> str:
    """The comparison key (see the module contract)."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(folded.split())


def same_name(first: str | None, second: str | None) -> bool:
    return name_key(first) == name_key(second)


def matching(wanted: str, spellings: Iterable[str | None]) -> list[str]:
    """The spellings (as stored) whose key equals ``wanted``'s, sorted."""
    key = name_key(wanted)
    return sorted({s or "" for s in spellings if name_key(s) == key})


# Colours readable on white and distinct for common colour vision deficiencies where possible
# (Okabe-Ito based); the named ones are what a team called that colour expects to see.
NAMED_COLOURS: tuple[tuple[str, str], ...] = (
    ("red", "#d62728"), ("blue", "#1f5fbf"), ("green", "#1a8a3a"), ("orange", "#e07000"),
    ("yellow", "#c9a200"), ("purple", "#7b3fa0"), ("violet", "#7b3fa0"), ("pink", "#d6448f"),
    ("teal", "#00838f"), ("cyan", "#0097a7"), ("brown", "#8c5a2b"), ("grey", "#5f6670"),
    ("gray", "#5f6670"), ("black", "#222222"), ("gold", "#b8860b"), ("silver", "#8a8f98"),
)
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7b3fa0", "#8c5a2b")
PATTERNS = ("solid", "stripes", "dots", "crosshatch", "diagonal", "grid")


@dataclass(frozen=True)
class TeamStyle:
    """How a team is drawn: ``colour`` as #rrggbb (``rgb`` as a tuple), a fill ``pattern`` (one of
    ``PATTERNS``) and ``label``, one or two letters shown next to every bar and swatch."""

    colour: str
    pattern: str
    label: str

    @property
    def rgb(self) -> tuple[int, int, int]:
        return int(self.colour[1:3], 16), int(self.colour[3:5], 16), int(self.colour[5:7], 16)


def _digest(key: str) -> int:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big")


def _label(team: str) -> str:
    words = [w for w in unicodedata.normalize("NFKC", team).split() if w]
    if not words:
        return "–"
    if len(words) == 1:
        return words[0][:2].capitalize()
    return (words[0][0] + words[1][0]).upper()


def team_style(team: str | None) -> TeamStyle:
    """The team's style (see the module contract); "" (no team) is grey, solid."""
    key = name_key(team)
    if not key:
        return TeamStyle("#8a8f98", "solid", "–")
    digest = _digest(key)
    colour = next((hex_ for word, hex_ in NAMED_COLOURS if word in key), PALETTE[digest % len(PALETTE)])
    return TeamStyle(colour, PATTERNS[(digest // len(PALETTE)) % len(PATTERNS)], _label(team or ""))
