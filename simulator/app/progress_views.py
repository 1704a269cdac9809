"""Words for the learner's progress on screen: stage states, "Ready for calls", practise next,
certification attempts and assignments due.

Contract: pure functions of a ``LearnerProgress`` (``simulator.app.progress_service``), no pygame,
no I/O. Dates read "3 Mar 2026". Every scenario is named by its title (its id when unknown).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.app.progress_service import LearnerProgress
    from simulator.progress.assignments import ItemStatus

MAX_DUE_LINES = 3


def day_text(value: date | str | None) -> str:
    """``2026-03-03`` or a date -> "3 Mar 2026" ("" for None)."""
    if value is None:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {day.strftime('%b %Y')}"


def _title(progress: LearnerProgress, scenario_id: str) -> str:
    return progress.titles.get(scenario_id, scenario_id)


def ready_line(progress: LearnerProgress) -> str:
    """"Ready for calls since 3 Mar 2026", or how many stages are met ("" without a curriculum)."""
    report = progress.report
    if report is None:
        return ""
    if report["ready"]:
        return f"Ready for calls since {day_text(report['ready_on'])}"
    met = sum(1 for s in report["stages"] if s["met"])
    return f"Not ready for calls yet: {met} of {len(report['stages'])} stages met"


def stage_line(progress: LearnerProgress, stage: dict[str, Any], named: bool = True) -> str:
    """"First month: 2 of 4 passed; still to pass 2 of: A, B, C, D" or "First day: met on 3 Mar 2026"
    (without the stage's name when ``named`` is False)."""
    done, need = len(stage["passed"]), stage["need"]
    name = f"{stage['name']}: " if named else ""
    if stage["met"]:
        return f"{name}{'met' if named else 'Met'} on {day_text(stage['met_on'])} ({done} passed, {need} needed)"
    missing = [_title(progress, sid) for sid in stage["missing"]]
    still = need - done
    which = ", ".join(missing)
    lead = "still to pass: " if still >= len(missing) else f"still to pass {still} of: "
    return f"{name}{done} of {need} passed; {lead}{which}"


def stage_by_name(progress: LearnerProgress, name: str) -> dict[str, Any] | None:
    report = progress.report
    return next((s for s in report["stages"] if s["name"] == name), None) if report else None


@dataclass(frozen=True)
class RecommendationView:
    scenario: str
    title: str
    why: str


def recommendation(progress: LearnerProgress) -> RecommendationView | None:
    """The practise-next call with its one-line why, or None."""
    tip = progress.report["practise_next"] if progress.report else None
    if not tip:
        return None
    return RecommendationView(tip["scenario"], _title(progress, tip["scenario"]), tip["why"])


def scenario_status(progress: LearnerProgress, scenario_id: str, certification: bool) -> str:
    """One line for a call's card: passed for its stage, and in certification mode the attempts left."""
    parts = []
    report = progress.report
    if report and any(scenario_id in s["passed"] for s in report["stages"]):
        parts.append("Passed for readiness")
    if certification and scenario_id in progress.attempts:
        left, allowed = progress.attempts[scenario_id]
        parts.append(f"Certification attempts left: {left} of {allowed}" if left else
                     f"No certification attempts left (all {allowed} used)")
    elif certification:
        parts.append("Not in the curriculum: a certification run here counts for nothing")
    return "  |  ".join(parts)


def no_attempts_message(title: str, allowed: int) -> str:
    return (f"No certification attempts left on {title}: the curriculum allows {allowed} per call. "
            "Practise it in coach or assessment mode, and ask your trainer about another attempt.")


def due_text(progress: LearnerProgress, item: ItemStatus) -> str:
    """"Overdue: Small Account (due 10 Mar 2026)", "Due today: ...", "Due in 3 days: ... (by ...)"."""
    title, by = _title(progress, item.scenario), day_text(item.due)
    if item.state == "overdue":
        return f"Overdue: {title} (was due {by})"
    if item.state == "done":
        return f"Done: {title}" + (" (late)" if item.late else "")
    days = item.days_left(progress.today)
    when = "Due today" if days == 0 else "Due tomorrow" if days == 1 else f"Due in {days} days"
    return f"{when}: {title} (by {by})"


def due_lines(progress: LearnerProgress, limit: int = MAX_DUE_LINES) -> list[tuple[str, bool]]:
    """(text, overdue) for the assignments not yet done, overdue first, at most ``limit`` plus a
    line saying how many more; a broken assignments file gives its problem line."""
    if progress.assignments_problem:
        return [(progress.assignments_problem, True)]
    open_items = [i for i in progress.due if i.state != "done"]
    open_items.sort(key=lambda i: (i.state != "overdue", i.due))
    lines = [(due_text(progress, item), item.state == "overdue") for item in open_items[:limit]]
    if len(open_items) > limit:
        lines.append((f"... and {len(open_items) - limit} more assigned", False))
    if progress.due and not open_items:
        lines.append((f"All {len(progress.due)} assignments done", False))
    return lines
