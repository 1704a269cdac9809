"""The debrief half of scoring: turns graded decisions into a ``Report`` (pure, no I/O).

Contract (debrief v2):
* ``to_work_on`` lists only decisions where a better option was open, one entry per decision,
  each with the better option and why; a run that always took the best option has none.
* Strengths are decisions where the best option was taken, quoted with that option's own
  feedback; they never carry criticism of another decision.
* Every quote is what was actually said: the line variant the customer spoke (chosen on the state
  just before the decision) and the option text the player picked; the ending's debrief is the
  variant for the final state. With ``details`` (the run's ``PlaySession.details``) every quoted
  text is filled with them, as the player read it.
* Every principle bar carries an ``explanation`` of its number, naming trade-offs: a decision where
  the best option overall gave up some of this principle to honour others.
* Every sentence the scorer writes is also given as data (``Message``: a key and its numbers) for
  front ends that word it in the player's language: ``PrincipleScore.explanation_message``
  (``all_best`` {tested}; ``below_100`` {tested, traded, missed}), ``Report.summary_message``
  (``unfinished``; ``capped``, its reasons in ``cap_keys``; ``work_on`` {count, majors};
  ``best_with_trade_offs``; ``best``) and ``Report.cap_keys`` (``scoring.rules.CAP_REASONS``).
* ``without_answer_key(report)`` is the same report without the better options and the coaching
  on missed decisions, for a certification attempt's debrief while the call is still open.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from scoring.catalog import Catalog
from scoring.report import DecisionReview, Message, Note, PrincipleScore, Reason, Report
from scoring.rules import CAP_KEYS, ENDING_POINTS, MAJOR_WEIGHT, StepGrade, band_for, net
from simulator.content.details import fill_scenario, fill_value
from simulator.content.models import Choice, Ending, Scenario, pick_variant

PERCENT = 100


def _percent(earned: int, possible: int) -> int:
    return round(PERCENT * earned / possible) if possible else PERCENT


def spoken_line(scenario: Scenario, graded: StepGrade) -> str:
    """What the customer actually said before this decision (or the narration if nobody spoke)."""
    node = scenario.nodes[graded.step.node_id]
    if node.line:
        return pick_variant(node.line, dict(graded.step.before))
    return node.narration or ""


def _severity(graded: StepGrade) -> str:
    if not graded.graded:
        return "ungraded"
    if graded.weight == 0:
        return "best"
    return "major" if graded.weight >= MAJOR_WEIGHT else "minor"


def _review(scenario: Scenario, graded: StepGrade) -> DecisionReview:
    best = max(graded.options, key=net)
    better = best if net(best) > graded.chosen_net else None
    return DecisionReview(
        graded.step.index, graded.step.node_id, spoken_line(scenario, graded), graded.choice.id,
        graded.choice.text, graded.choice.feedback, graded.step.timed_out, graded.chosen_net,
        graded.best_net, graded.worst_net,
        better.id if better else None, better.text if better else None,
        better.feedback if better else None, _severity(graded), graded.choice.critical,
    )


def _explain(name: str, reasons: Sequence[Reason], took_best: dict[int, bool]) -> tuple[str, Message]:
    short = [r for r in reasons if r.grade < r.best]
    if not short:
        return (f"You made the strongest {name.lower()} choice at every decision that tested it ({len(reasons)}).",
                Message("all_best", {"tested": len(reasons)}))
    traded = sum(1 for r in short if took_best.get(r.step, False))
    missed = len(short) - traded
    parts = []
    if traded:
        parts.append(f"at {traded} decision{'s' if traded > 1 else ''} the best answer overall gave up some "
                     f"{name.lower()} to honour other principles (a trade-off, not a mistake)")
    if missed:
        parts.append(f"at {missed} decision{'s' if missed > 1 else ''} you took a weaker option for it")
    text = f"Tested at {len(reasons)} decision{'s' if len(reasons) > 1 else ''}; below 100 because " + \
        " and ".join(parts) + "."
    return text, Message("below_100", {"tested": len(reasons), "traded": traded, "missed": missed})


def _principle_scores(grades: Sequence[StepGrade], catalog: Catalog) -> tuple[PrincipleScore, ...]:
    by_principle: dict[str, list[Reason]] = {}
    for graded in grades:
        for principle, reason in graded.reasons:
            by_principle.setdefault(principle, []).append(reason)
    took_best = {g.step.index: g.weight == 0 for g in grades}
    scores = []
    for principle_id in catalog.ids():
        reasons = by_principle.get(principle_id)
        if not reasons:
            continue
        name = catalog.get(principle_id).name
        earned, possible = sum(r.earned for r in reasons), sum(r.possible for r in reasons)
        explanation, message = _explain(name, reasons, took_best)
        scores.append(PrincipleScore(principle_id, name, _percent(earned, possible), earned, possible,
                                     tuple(reasons), explanation, message))
    return tuple(scores)


def _main_principle(choice: Choice, against: Choice | None, catalog: Catalog) -> tuple[str, str]:
    """The principle a note is about: the chosen option's strongest (strength) or the one it lost
    most on against the better option (work on)."""
    if against is None:
        ranked = sorted(choice.grades.items(), key=lambda item: -item[1])
    else:
        keys = set(choice.grades) | set(against.grades)
        ranked = sorted(((p, choice.grades.get(p, 0) - against.grades.get(p, 0)) for p in keys),
                        key=lambda item: item[1])
    principle = ranked[0][0] if ranked else ""
    name = catalog.get(principle).name if principle in catalog else principle
    return principle, name


def _notes(grades: Sequence[StepGrade], catalog: Catalog) -> tuple[tuple[Note, ...], tuple[Note, ...]]:
    strengths, weaknesses = [], []
    for graded in grades:
        if not graded.graded:
            continue
        if graded.weight == 0:
            if any(v > 0 for v in graded.choice.grades.values()):
                pid, name = _main_principle(graded.choice, None, catalog)
                strengths.append(Note(pid, name, graded.step.index, graded.choice.text, graded.choice.feedback))
        else:
            better = max(graded.options, key=net)
            pid, name = _main_principle(graded.choice, better, catalog)
            weaknesses.append(Note(pid, name, graded.step.index, graded.choice.text, graded.choice.feedback))
    return tuple(strengths), tuple(weaknesses)


def _summary(finished: bool, work_on: Sequence[DecisionReview], principles: Sequence[PrincipleScore],
             caps: Sequence[str]) -> tuple[str, Message]:
    if not finished:
        return ("The call was left unfinished, so the score counts only the decisions taken.",
                Message("unfinished"))
    if caps:
        return "Your score was capped because " + " and ".join(caps) + ".", Message("capped")
    if work_on:
        majors = sum(1 for d in work_on if d.severity == "major")
        count = f"{len(work_on)} decision{'s' if len(work_on) > 1 else ''}"
        return (f"{count} to work on" + (f", {majors} of them a major miss." if majors else "."),
                Message("work_on", {"count": len(work_on), "majors": majors}))
    if any(p.score < PERCENT for p in principles):
        return ("Nothing to work on: you took the best option at every decision. Some bars sit below 100 "
                "because the best answer at a decision traded a little of one principle for more of another.",
                Message("best_with_trade_offs"))
    return "Nothing to work on: you took the best option at every decision.", Message("best")


def _filled(scenario: Scenario, grades: Sequence[StepGrade], ending: Ending | None,
            details: Mapping[str, str]) -> tuple[Scenario, list[StepGrade], Ending | None]:
    """The scenario, grades' options and ending with the run's ``details`` filled in."""
    scenario = fill_scenario(scenario, details)
    filled = []
    for graded in grades:
        node = scenario.nodes[graded.step.node_id]
        filled.append(dataclasses.replace(graded, choice=node.choice(graded.choice.id),
                                          options=tuple(node.choice(o.id) for o in graded.options)))
    return scenario, filled, fill_value(ending, details)


def build_report(scenario: Scenario, grades: Sequence[StepGrade], catalog: Catalog, ending: Ending | None,
                 final: dict[str, int], *, overall: int, quality: float, caps: tuple[str, ...],
                 details: Mapping[str, str] | None = None) -> Report:
    """Assemble the report; ``overall``, ``quality`` and ``caps`` come from ``scoring.scorer``;
    ``details`` are the run's surface details (``PlaySession.details``), filled into every quote."""
    if details:
        scenario, grades, ending = _filled(scenario, grades, ending, details)
    principles = _principle_scores(grades, catalog)
    strengths, weaknesses = _notes(grades, catalog)
    decisions = tuple(_review(scenario, g) for g in grades)
    work_on = tuple(d for d in decisions if d.severity in ("minor", "major"))
    band = band_for(overall)
    summary, summary_message = _summary(ending is not None, work_on, principles, caps)
    return Report(
        scenario_id=scenario.id, scenario_title=scenario.title, finished=ending is not None,
        outcome=ending.outcome.value if ending else None, quality=ending.quality.value if ending else None,
        ending_title=ending.title if ending else None, debrief=ending.debrief_text(final) if ending else None,
        overall=overall, grade=band, principles=principles, strengths=strengths, weaknesses=weaknesses,
        decisions=decisions, band=band, decision_quality=round(quality),
        ending_points=ENDING_POINTS[ending.quality] if ending else 0, caps=caps, to_work_on=work_on,
        summary_note=summary, summary_message=summary_message,
        cap_keys=tuple(CAP_KEYS.get(reason, "") for reason in caps),
    )



def without_answer_key(report: Report) -> Report:
    """The report with its answer key taken out, for the debrief of a certification attempt while
    the call is still open (``simulator.progress.answer_key``): on every decision where a better
    option was open, ``better_id``, ``better_text`` and ``better_feedback`` become None and the
    coaching ``feedback`` on the option taken becomes "" (it often says what to do instead); the
    weaknesses' feedback likewise. Scores, bars, prompts, the options taken and strengths stay."""
    def hidden(review: DecisionReview) -> DecisionReview:
        if review.better_id is None and review.severity not in ("minor", "major"):
            return review
        return dataclasses.replace(review, feedback="", better_id=None, better_text=None, better_feedback=None)

    return dataclasses.replace(
        report, decisions=tuple(hidden(d) for d in report.decisions),
        to_work_on=tuple(hidden(d) for d in report.to_work_on),
        weaknesses=tuple(dataclasses.replace(note, feedback="") for note in report.weaknesses))
