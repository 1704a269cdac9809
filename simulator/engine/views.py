"""Plain values the engine hands to front ends: what is said now, what can be chosen, what happened.

All are frozen dataclasses holding plain data, so the Pygame app, the terminal player, tests and
the results store can use them without knowing about the state machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from simulator.content.models import Ending

MOOD_LABELS = ((20, "angry"), (40, "annoyed"), (60, "neutral"), (80, "relieved"), (101, "pleased"))
METER_NAMES = ("mood", "patience", "trust")


def display_meters(declared: dict[str, int]) -> tuple[str, ...]:
    """The state variables a player may see, in order: mood, patience and trust first, then other
    declared variables that start above 1. Flags and counters that start at 0 or 1 (``slipped``,
    ``verified``, ``promised``) are the author's bookkeeping: showing them would tell the player
    which options the scenario counts as slips."""
    names = [n for n in METER_NAMES if n in declared]
    return tuple(names + [n for n, v in declared.items() if n not in names and v > 1])


def mood_label(mood: int) -> str:
    """Expression name for a mood value 0-100: angry, annoyed, neutral, relieved or pleased."""
    for limit, label in MOOD_LABELS:
        if mood < limit:
            return label
    return MOOD_LABELS[-1][1]


@dataclass(frozen=True)
class Beat:
    """The current moment of the conversation: who speaks, what they say, how the customer feels."""

    node_id: str
    speaker: str
    text: str
    narration: str
    mood: int
    mood_label: str
    values: dict[str, int]
    time_limit: int | None
    ending: Ending | None = None

    @property
    def is_ending(self) -> bool:
        return self.ending is not None


class ChoiceView(NamedTuple):
    """One option as shown to the player (``number`` is 1-based in display order); an immutable
    record, cheap to build (nodes build their views once per display order and open options)."""

    number: int
    id: str
    text: str
    available: bool
    why_unavailable: str = ""


class Step(NamedTuple):
    """One decision in a transcript, with everything needed to score and replay it.

    An immutable record (a named tuple: the engine makes one per decision, and this is the
    cheapest immutable record Python has). ``before`` and ``after`` are the state values just
    before and after the decision; treat them as read-only.
    """

    index: int  # type: ignore[assignment]  # a field named like tuple.index, as saved runs spell it
    node_id: str
    choice_id: str
    next_node: str
    available: tuple[str, ...]
    timed_out: bool
    seconds: float
    before: dict[str, int]
    after: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        data = self._asdict()
        data["available"] = list(self.available)
        data["before"], data["after"] = dict(self.before), dict(self.after)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Step:
        return cls(
            index=int(data["index"]), node_id=str(data["node_id"]), choice_id=str(data["choice_id"]),
            next_node=str(data["next_node"]), available=tuple(str(a) for a in data["available"]),
            timed_out=bool(data["timed_out"]), seconds=float(data["seconds"]),
            before={str(k): int(v) for k, v in data["before"].items()},
            after={str(k): int(v) for k, v in data["after"].items()},
        )
