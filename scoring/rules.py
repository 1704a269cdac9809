"""Scoring v2's rules as pure functions: bands, net grades, misses, decision quality, caps.

The single place the formula lives; ``scoring.scorer`` (whole runs, running scores) and
``scoring.review`` (the debrief) both build on it. Explained for trainers in ``docs/scoring.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.report import Reason
from simulator.content.models import Choice, Ending, Outcome, Quality, Scenario
from simulator.engine.views import Step

BANDS = ((90, "Excellent"), (75, "Proficient"), (50, "Developing"), (0, "Not yet"))
TOP_BAND = BANDS[0][1]
MAJOR_MISS = 3  # net points below the best open option that make a miss major
MAJOR_WEIGHT = 2
DECISION_SHARE, ENDING_SHARE = 0.8, 0.2
ENDING_POINTS = {Quality.good: 100, Quality.mixed: 50, Quality.bad: 0}
CRITICAL_CAP, UNFINISHED_CAP = 49, 49
QUALITY_CAPS = {Quality.mixed: 89, Quality.bad: 74}
OUTCOME_CAPS = {Outcome.customer_lost: 89}


# Each cap's key (``Report.cap_keys``, for front ends that word it themselves) and its English reason
# (``Report.caps``).
CAP_REASONS = {"critical": "a critical line was crossed", "unfinished": "the call was left unfinished",
               "ended_mixed": "the call ended mixed", "ended_bad": "the call ended bad",
               "customer_lost": "the customer was lost"}
CAP_KEYS = {reason: key for key, reason in CAP_REASONS.items()}


def band_for(overall: int) -> str:
    """The band label for an overall score: Excellent, Proficient, Developing or Not yet."""
    for floor, label in BANDS:
        if overall >= floor:
            return label
    return BANDS[-1][1]


grade_label = band_for  # the v1 name, kept for callers


def net(choice: Choice) -> int:
    return sum(choice.grades.values())


def miss_weight(best: int, chosen: int) -> int:
    """How much a miss counts: ``MAJOR_WEIGHT`` for a major miss, else 1 (0 when nothing was missed)."""
    if chosen >= best:
        return 0
    return MAJOR_WEIGHT if best - chosen >= MAJOR_MISS else 1


def miss_penalty(best: int, worst: int, chosen: int) -> float:
    """A decision's weighted shortfall: ``miss_weight * (best - chosen) / (best - worst)``, 0 when
    nothing was missed or the options were all equal. The one expression every scorer path uses,
    so sums agree to the last bit."""
    if best <= worst or chosen >= best:
        return 0.0
    return miss_weight(best, chosen) * ((best - chosen) / (best - worst))


@dataclass(frozen=True)
class StepGrade:
    """How one decision scored: the overall part and one reason per principle it tested.

    ``shortfall`` is 0..1 (0 = the best open option), ``weight`` 0, 1 or 2 (see ``miss_weight``);
    ``graded`` is False when every open option had the same net grade.
    """

    step: Step
    choice: Choice
    options: tuple[Choice, ...]
    earned: int
    possible: int
    reasons: tuple[tuple[str, Reason], ...]

    @property
    def graded(self) -> bool:
        return self.possible > 0

    @property
    def shortfall(self) -> float:
        return (self.possible - self.earned) / self.possible if self.possible else 0.0

    @property
    def penalty(self) -> float:
        """``miss_penalty`` of this decision (weight times shortfall)."""
        return miss_penalty(self.best_net, self.worst_net, self.chosen_net)

    @property
    def weight(self) -> int:
        return miss_weight(self.best_net, self.chosen_net) if self.possible else 0

    @property
    def chosen_net(self) -> int:
        return net(self.choice)

    @property
    def worst_net(self) -> int:
        return min(net(o) for o in self.options)

    @property
    def best_net(self) -> int:
        return max(net(o) for o in self.options)


def grade_step(scenario: Scenario, step: Step) -> StepGrade:
    """Grade one transcript step against the options that were available at it."""
    node = scenario.nodes[step.node_id]
    chosen = node.choice(step.choice_id)
    options = tuple(c for c in node.choices if c.id in step.available) or (chosen,)
    principles = sorted({p for option in options for p in option.grades})
    reasons = []
    for principle in principles:
        values = [option.grades.get(principle, 0) for option in options]
        best, worst = max(values), min(values)
        if best == worst:
            continue
        reasons.append((principle, Reason(step.index, step.node_id, chosen.id, chosen.text,
                                          chosen.grades.get(principle, 0), best, worst, chosen.feedback)))
    nets = [net(option) for option in options]
    return StepGrade(step, chosen, options, net(chosen) - min(nets), max(nets) - min(nets), tuple(reasons))


def decision_quality(penalty: float, graded: int) -> float:
    """Q, 0-100: 100 minus the weighted shortfalls averaged over the graded decisions."""
    return 100.0 * max(0.0, 1.0 - penalty / graded) if graded else 100.0


def combine(quality: float, ending: Ending | None, critical: bool) -> tuple[int, tuple[str, ...]]:
    """The overall score from decision quality and the ending, and the caps that applied (reasons)."""
    points = ENDING_POINTS[ending.quality] if ending else 0
    overall = round(DECISION_SHARE * quality + ENDING_SHARE * points)
    caps: list[tuple[int, str]] = []
    if critical:
        caps.append((CRITICAL_CAP, "critical"))
    if ending is None:
        caps.append((UNFINISHED_CAP, "unfinished"))
    else:
        if ending.quality in QUALITY_CAPS:
            caps.append((QUALITY_CAPS[ending.quality], f"ended_{ending.quality.value}"))
        if ending.outcome in OUTCOME_CAPS:
            caps.append((OUTCOME_CAPS[ending.outcome], "customer_lost"))
    applied = tuple(CAP_REASONS[key] for cap, key in caps if overall > cap)
    for cap, _ in caps:
        overall = min(overall, cap)
    return overall, applied
