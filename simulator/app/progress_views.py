"""Words for the learner's progress on screen: stage states, "Ready for calls", practise next,
certification attempts and assignments due.

Contract: pure functions of a ``LearnerProgress`` (``simulator.app.progress_service``), no pygame,
no I/O. Dates read "3 Mar 2026" (in the language of ``ui``, a ``UiText``: English by default).
Every scenario is named by its title (its id when unknown). The practise-next "why" is worded from
the progress report's data (``simulator.app.report_words.practise_why``) when principle names are
given, else it is the report's English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from simulator.app.curriculum_words import stage_text
from simulator.app.translation import ENGLISH, UiText

if TYPE_CHECKING:
    from simulator.app.progress_service import LearnerProgress
    from simulator.progress.assignments import ItemStatus

MAX_DUE_LINES = 3


def day_text(value: date | str | None, ui: UiText = ENGLISH) -> str:
    """``2026-03-03`` or a date -> "3 Mar 2026" ("3 mar 2026" in Spanish; "" for None)."""
    if value is None:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return ui.format_date(day)


def _title(progress: LearnerProgress, scenario_id: str) -> str:
    return progress.titles.get(scenario_id, scenario_id)


def ready_line(progress: LearnerProgress, ui: UiText = ENGLISH) -> str:
    """"Ready for calls since 3 Mar 2026", or how many stages are met ("" without a curriculum)."""
    _ = ui.gettext
    report = progress.report
    if report is None:
        return ""
    if report["ready"]:
        return _("Ready for calls since {date}").format(date=day_text(report["ready_on"], ui))
    met = sum(1 for s in report["stages"] if s["met"])
    return _("Not ready for calls yet: {met} of {stages} stages met").format(met=met, stages=len(report["stages"]))


def stage_line(progress: LearnerProgress, stage: dict[str, Any], named: bool = True, ui: UiText = ENGLISH) -> str:
    """"First month: 2 of 4 passed; still to pass 2 of: A, B, C, D" or "First day: met on 3 Mar 2026"
    (without the stage's name when ``named`` is False)."""
    _ = ui.gettext
    done, need = len(stage["passed"]), stage["need"]
    name = f"{stage_text(stage['name'], ui)}: " if named else ""
    if stage["met"]:
        met = _("met on {date} ({done} passed, {need} needed)") if named else \
            _("Met on {date} ({done} passed, {need} needed)")
        return name + met.format(date=day_text(stage["met_on"], ui), done=done, need=need)
    missing = [_title(progress, sid) for sid in stage["missing"]]
    still = need - done
    which = ", ".join(missing)
    line = _("{done} of {need} passed; still to pass: {which}") if still >= len(missing) else \
        _("{done} of {need} passed; still to pass {still} of: {which}")
    return name + line.format(done=done, need=need, still=still, which=which)


def stage_by_name(progress: LearnerProgress, name: str) -> dict[str, Any] | None:
    report = progress.report
    return next((s for s in report["stages"] if s["name"] == name), None) if report else None


@dataclass(frozen=True)
class RecommendationView:
    scenario: str
    title: str
    why: str


def recommendation(progress: LearnerProgress, ui: UiText = ENGLISH,
                   names: Mapping[str, str] | None = None) -> RecommendationView | None:
    """The practise-next call with its one-line why in ``ui``'s language (``names``: principle id ->
    name in that language; without them the report's English why), or None."""
    from simulator.app.report_words import practise_why

    tip = progress.report["practise_next"] if progress.report else None
    if not tip or progress.report is None:
        return None
    why = practise_why(progress.report, names, progress.titles, ui) if names is not None else tip["why"]
    return RecommendationView(tip["scenario"], _title(progress, tip["scenario"]), why)


def scenario_status(progress: LearnerProgress, scenario_id: str, certification: bool, ui: UiText = ENGLISH) -> str:
    """One line for a call's card: passed for its stage, and in certification mode the attempts left."""
    _ = ui.gettext
    parts = []
    report = progress.report
    if report and any(scenario_id in s["passed"] for s in report["stages"]):
        parts.append(_("Passed for readiness"))
    if certification and scenario_id in progress.attempts:
        left, allowed = progress.attempts[scenario_id]
        parts.append(_("Certification attempts left: {left} of {allowed}").format(left=left, allowed=allowed)
                     if left else _("No certification attempts left (all {allowed} used)").format(allowed=allowed))
    elif certification:
        parts.append(_("Not in the curriculum: a certification run here counts for nothing"))
    return "  |  ".join(parts)


def no_attempts_message(title: str, allowed: int, ui: UiText = ENGLISH) -> str:
    _ = ui.gettext
    return _("No certification attempts left on {title}: the curriculum allows {allowed} per call. "
             "Practise it in coach or assessment mode, and ask your trainer about another attempt.").format(
        title=title, allowed=allowed)


def due_text(progress: LearnerProgress, item: ItemStatus, ui: UiText = ENGLISH) -> str:
    """"Overdue: Small Account (due 10 Mar 2026)", "Due today: ...", "Due in 3 days: ... (by ...)"."""
    _ = ui.gettext
    title, by = _title(progress, item.scenario), day_text(item.due, ui)
    if item.state == "overdue":
        return _("Overdue: {title} (was due {date})").format(title=title, date=by)
    if item.state == "done":
        return (_("Done: {title} (late)") if item.late else _("Done: {title}")).format(title=title)
    days = item.days_left(progress.today)
    if days == 0:
        return _("Due today: {title} (by {date})").format(title=title, date=by)
    if days == 1:
        return _("Due tomorrow: {title} (by {date})").format(title=title, date=by)
    return _("Due in {days} days: {title} (by {date})").format(days=days, title=title, date=by)


def due_lines(progress: LearnerProgress, limit: int = MAX_DUE_LINES,
              ui: UiText = ENGLISH) -> list[tuple[str, bool]]:
    """(text, overdue) for the assignments not yet done, overdue first, at most ``limit`` plus a
    line saying how many more; a broken assignments file gives its problem line."""
    if progress.assignments_problem:
        return [(progress.assignments_problem, True)]
    open_items = [i for i in progress.due if i.state != "done"]
    open_items.sort(key=lambda i: (i.state != "overdue", i.due))
    _ = ui.gettext
    lines = [(due_text(progress, item, ui), item.state == "overdue") for item in open_items[:limit]]
    if len(open_items) > limit:
        lines.append((_("... and {count} more assigned").format(count=len(open_items) - limit), False))
    if progress.due and not open_items:
        lines.append((_("All {count} assignments done").format(count=len(progress.due)), False))
    return lines
