"""The score report: plain frozen values, JSON-ready through ``to_dict()``.

Every number in a report can be traced to the decisions that produced it: each principle score
lists its ``reasons`` (one per graded decision), and each decision review names the better option
the player missed, if any.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Reason:
    """How one decision counted toward one principle: points earned out of points possible."""

    step: int
    node_id: str
    choice_id: str
    choice_text: str
    grade: int
    best: int
    worst: int
    feedback: str

    @property
    def earned(self) -> int:
        return self.grade - self.worst

    @property
    def possible(self) -> int:
        return self.best - self.worst


@dataclass(frozen=True)
class PrincipleScore:
    id: str
    name: str
    score: int
    earned: int
    possible: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Note:
    """A strength or weakness: the principle and the feedback sentence that earned it."""

    principle_id: str
    principle_name: str
    step: int
    choice_text: str
    feedback: str


@dataclass(frozen=True)
class DecisionReview:
    """One decision: what was chosen, how it compared, and the better option if one was missed."""

    step: int
    node_id: str
    prompt: str
    choice_id: str
    choice_text: str
    feedback: str
    timed_out: bool
    net: int
    best_net: int
    worst_net: int
    better_id: str | None
    better_text: str | None
    better_feedback: str | None

    @property
    def was_best(self) -> bool:
        return self.net >= self.best_net


@dataclass(frozen=True)
class Report:
    scenario_id: str
    scenario_title: str
    finished: bool
    outcome: str | None
    quality: str | None
    ending_title: str | None
    debrief: str | None
    overall: int
    grade: str
    principles: tuple[PrincipleScore, ...]
    strengths: tuple[Note, ...]
    weaknesses: tuple[Note, ...]
    decisions: tuple[DecisionReview, ...]

    def principle(self, principle_id: str) -> PrincipleScore:
        for score in self.principles:
            if score.id == principle_id:
                return score
        raise KeyError(principle_id)

    def scores(self) -> dict[str, int]:
        """Per-principle scores by id (only principles this run was graded on)."""
        return {p.id: p.score for p in self.principles}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
