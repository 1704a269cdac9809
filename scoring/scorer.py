"""Pure scoring: transcript + scenario + catalog -> ``Report``. No I/O, no clocks, no randomness.

The formula (explained for trainers in ``docs/scoring.md``):

* Each decision is graded only against the options that were available at that moment, so
  players who took different paths are compared fairly.
* Per principle p, at a decision where the available options differ on p: the player earns
  ``grade(chosen, p) - worst(p)`` out of ``best(p) - worst(p)``. The principle's score is the
  total earned over the total possible, 0-100. Decisions where every option grades p the same
  teach nothing about p and are left out.
* Overall: an option's *net* grade is the sum of its principle grades. Each decision earns
  ``net(chosen) - worst net`` out of ``best net - worst net``; the overall score is the total
  earned over the total possible, 0-100. Always taking the best available option scores 100 even
  when the best option trades one principle against another.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scoring.catalog import Catalog
from scoring.report import DecisionReview, Note, PrincipleScore, Reason, Report
from simulator.content.models import Choice, Ending, Scenario
from simulator.engine.views import Step

GRADE_LABELS = ((90, "Excellent"), (75, "Proficient"), (60, "Developing"), (40, "Needs practice"), (0, "Not yet"))


def grade_label(overall: int) -> str:
    for floor, label in GRADE_LABELS:
        if overall >= floor:
            return label
    return GRADE_LABELS[-1][1]


def net(choice: Choice) -> int:
    return sum(choice.grades.values())


@dataclass(frozen=True)
class StepGrade:
    """How one decision scored: the overall part and one reason per principle it tested."""

    step: Step
    choice: Choice
    options: tuple[Choice, ...]
    earned: int
    possible: int
    reasons: tuple[tuple[str, Reason], ...]


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


class NetTable:
    """Net grades of a scenario's options, worked out once per node and shared by running scores.

    ``nets(node_id)`` maps each choice id of the node to its net grade; ``bounds(node_id,
    available)`` is those nets with the (lowest, highest) net among the available choices. Both only remember
    results of pure functions of the scenario, so one table can serve any number of runs.
    """

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self._nets: dict[str, dict[str, int]] = {}
        self._bounds: dict[tuple[str, tuple[str, ...]], tuple[dict[str, int], int, int]] = {}

    def nets(self, node_id: str) -> dict[str, int]:
        nets = self._nets.get(node_id)
        if nets is None:
            nets = self._nets[node_id] = {c.id: net(c) for c in self.scenario.nodes[node_id].choices}
        return nets

    def bounds(self, node_id: str, available: tuple[str, ...]) -> tuple[dict[str, int], int, int]:
        """The node's nets and the (lowest, highest) net among ``available`` (the chosen option's
        net for both when nothing was available, as after a timeout with every option locked)."""
        key = (node_id, available)
        found = self._bounds.get(key)
        if found is None:
            nets = self.nets(node_id)
            values = [nets[choice_id] for choice_id in available]
            found = self._bounds[key] = (nets, min(values), max(values)) if values else (nets, 0, 0)
        return found


class RunningScore:
    """Overall score kept up to date one decision at a time (for live displays and simulations).

    Same arithmetic as the overall score of ``score_run`` (net grades against the available
    options), without building per-principle reasons: ``add`` costs a few dictionary lookups.
    Pass a shared ``NetTable`` when scoring many runs of one scenario.
    """

    def __init__(self, scenario: Scenario, table: NetTable | None = None):
        self.scenario = scenario
        self.table = table if table is not None and table.scenario is scenario else NetTable(scenario)
        self.earned = 0
        self.possible = 0

    def add(self, step: Step) -> int:
        """Count one decision; returns the points it earned."""
        nets, low, high = self.table.bounds(step.node_id, step.available)
        chosen = nets[step.choice_id]
        if not step.available:  # a timeout with nothing open: the chosen option is the only one
            low = high = chosen
        earned = chosen - low
        self.earned += earned
        self.possible += high - low
        return earned

    @property
    def overall(self) -> int:
        return _percent(self.earned, self.possible)


def _percent(earned: int, possible: int) -> int:
    return round(100 * earned / possible) if possible else 100


def _principle_scores(grades: Sequence[StepGrade], catalog: Catalog) -> tuple[PrincipleScore, ...]:
    by_principle: dict[str, list[Reason]] = {}
    for graded in grades:
        for principle, reason in graded.reasons:
            by_principle.setdefault(principle, []).append(reason)
    scores = []
    for principle_id in catalog.ids():
        reasons = by_principle.get(principle_id)
        if not reasons:
            continue
        earned = sum(r.earned for r in reasons)
        possible = sum(r.possible for r in reasons)
        scores.append(PrincipleScore(principle_id, catalog.get(principle_id).name,
                                     _percent(earned, possible), earned, possible, tuple(reasons)))
    return tuple(scores)


def _notes(scores: Iterable[PrincipleScore]) -> tuple[tuple[Note, ...], tuple[Note, ...]]:
    strengths, weaknesses = [], []
    for score in scores:
        for reason in score.reasons:
            note = Note(score.id, score.name, reason.step, reason.choice_text, reason.feedback)
            if reason.grade > 0 and reason.grade == reason.best:
                strengths.append(note)
            elif reason.grade < reason.best and reason.grade <= 0:
                weaknesses.append(note)
    return tuple(strengths), tuple(weaknesses)


def _review(scenario: Scenario, graded: StepGrade) -> DecisionReview:
    node = scenario.nodes[graded.step.node_id]
    prompt = node.line[-1].text if node.line else (node.narration or "")
    best = max(graded.options, key=net)
    better = best if net(best) > net(graded.choice) else None
    return DecisionReview(
        graded.step.index, graded.step.node_id, prompt, graded.choice.id, graded.choice.text,
        graded.choice.feedback, graded.step.timed_out, net(graded.choice),
        max(net(o) for o in graded.options), min(net(o) for o in graded.options),
        better.id if better else None, better.text if better else None,
        better.feedback if better else None,
    )


def score_run(scenario: Scenario, transcript: Sequence[Step], catalog: Catalog,
              ending: Ending | None) -> Report:
    """The full report for a run; ``ending`` is None for an unfinished (abandoned) run."""
    grades = [grade_step(scenario, step) for step in transcript]
    principles = _principle_scores(grades, catalog)
    strengths, weaknesses = _notes(principles)
    possible = sum(g.possible for g in grades)
    # Nothing graded: a finished run missed nothing (100); an abandoned one showed nothing (0).
    overall = _percent(sum(g.earned for g in grades), possible) if possible or ending else 0
    return Report(
        scenario_id=scenario.id, scenario_title=scenario.title, finished=ending is not None,
        outcome=ending.outcome.value if ending else None, quality=ending.quality.value if ending else None,
        ending_title=ending.title if ending else None, debrief=ending.debrief_text(transcript[-1].after if transcript else None) if ending else None,
        overall=overall, grade=grade_label(overall), principles=principles,
        strengths=strengths, weaknesses=weaknesses,
        decisions=tuple(_review(scenario, g) for g in grades),
    )
