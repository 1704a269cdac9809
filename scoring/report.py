"""The score report: plain frozen values, JSON-ready through ``to_dict()``.

Every number in a report can be traced to the decisions that produced it: each principle score
lists its ``reasons`` (one per graded decision) and an ``explanation`` of its number, each
decision review names the better option the player missed, if any, and ``caps`` says which rule
held the overall score down. ``to_work_on`` holds one entry per decision where a better option
was open, and nothing else: a run that always took the best option has nothing to work on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    """A sentence as data, for a front end to word in the player's language: ``key`` names the
    sentence, ``params`` holds its values (counts as ints, ids as strings). The English wording
    stays in the report's string fields; see ``scoring.review`` for the keys each field uses."""

    key: str = ""
    params: dict[str, int | str] = field(default_factory=dict)


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
    explanation: str = ""
    """Why the bar shows this number, in one or two sentences (trade-offs named)."""
    explanation_message: Message = field(default_factory=Message)
    """``explanation`` as data: key ``all_best`` {tested} or ``below_100`` {tested, traded, missed}."""


@dataclass(frozen=True)
class Note:
    """A strength or weakness at one decision: its main principle and the feedback sentence."""

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
    severity: str = "best"
    """"best" (the best open option), "minor" or "major" miss, or "ungraded" (all options equal)."""
    critical: bool = False
    """The option taken crossed a critical line (it caps the run)."""

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
    band: str = ""
    """The overall score's band (same label as ``grade``): Excellent, Proficient, Developing, Not yet."""
    decision_quality: int = 0
    """Q, 0-100: how close each decision came to the best open option (majors count double)."""
    ending_points: int = 0
    """E: 100 / 50 / 0 for a good / mixed / bad ending, 0 when unfinished."""
    caps: tuple[str, ...] = ()
    """Why the overall score was held below 0.8 Q + 0.2 E (e.g. "a critical line was crossed")."""
    to_work_on: tuple[DecisionReview, ...] = ()
    """One entry per decision where a better option was open, in call order."""
    summary_note: str = ""
    """One sentence for the top of the debrief (e.g. why bars sit below 100 on a best-path run)."""
    summary_message: Message = field(default_factory=Message)
    """``summary_note`` as data: key ``unfinished``, ``capped`` (the reasons are ``cap_keys``),
    ``work_on`` {count, majors}, ``best_with_trade_offs`` or ``best``."""
    cap_keys: tuple[str, ...] = ()
    """``caps`` as data, same order: ``critical``, ``unfinished``, ``ended_mixed``, ``ended_bad`` or
    ``customer_lost`` (``scoring.rules.CAP_REASONS`` holds their English)."""

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
