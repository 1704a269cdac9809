"""The scorer's and the progress layer's sentences in the player's language, worded from their data.

Contract: pure functions (no pygame, no I/O). ``scoring`` and ``simulator.progress`` write English
and give the same sentence as data (a key and its numbers: ``scoring.report.Message``, the
progress report's ``practise_next_reason``, ``results.views.ProgressView``'s numbers); these
functions word that data through a ``UiText`` (``ctx.ui``; English by default) with gettext and
ngettext. In English they give exactly the English the scorer and progress layer write (the tests
hold them to it). Principle names, scenario titles and stage names are passed in already in the
player's language. An unknown key falls back to the English text it came with.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from simulator.app.translation import ENGLISH, N_, UiText

if TYPE_CHECKING:
    from scoring.report import PrincipleScore, Report
    from simulator.results.views import ProgressView

CAP_REASONS = {"critical": N_("a critical line was crossed"), "unfinished": N_("the call was left unfinished"),
               "ended_mixed": N_("the call ended mixed"), "ended_bad": N_("the call ended bad"),
               "customer_lost": N_("the customer was lost")}
SUMMARIES = {
    "unfinished": N_("The call was left unfinished, so the score counts only the decisions taken."),
    "best": N_("Nothing to work on: you took the best option at every decision."),
    "best_with_trade_offs": N_("Nothing to work on: you took the best option at every decision. Some bars "
                               "sit below 100 because the best answer at a decision traded a little of one "
                               "principle for more of another."),
}


def cap_reasons(report: Report, ui: UiText = ENGLISH) -> list[str]:
    """Why the overall score was held down, one phrase per cap (``Report.caps`` order)."""
    keys = report.cap_keys if len(report.cap_keys) == len(report.caps) else ("",) * len(report.caps)
    return [ui.gettext(CAP_REASONS[key]) if key in CAP_REASONS else english
            for key, english in zip(keys, report.caps, strict=True)]


def summary_text(report: Report, ui: UiText = ENGLISH) -> str:
    """The debrief's one-sentence summary (``Report.summary_note``) in ``ui``'s language."""
    message = report.summary_message
    params = message.params
    if message.key in SUMMARIES:
        return ui.gettext(SUMMARIES[message.key])
    if message.key == "capped" and report.caps:
        return ui.gettext("Your score was capped because {reasons}.").format(
            reasons=ui.gettext(" and ").join(cap_reasons(report, ui)))
    if message.key == "work_on" and isinstance(params.get("count"), int):
        count, majors = int(params["count"]), int(params.get("majors", 0))
        # TRANSLATORS: the debrief's summary; followed by ", N of them a major miss." or "."
        text = ui.ngettext("{count} decision to work on", "{count} decisions to work on", count).format(count=count)
        if not majors:
            return text + "."
        # TRANSLATORS: follows "N decisions to work on"
        return text + ui.ngettext(", {majors} of them a major miss.", ", {majors} of them a major miss.",
                                  majors).format(majors=majors)
    return report.summary_note


def explanation_text(score: PrincipleScore, name: str, ui: UiText = ENGLISH) -> str:
    """Why a principle bar shows its number (``PrincipleScore.explanation``); ``name`` is the
    principle's name in ``ui``'s language."""
    params, principle = score.explanation_message.params, name.lower()
    tested = params.get("tested")
    if not isinstance(tested, int):
        return score.explanation
    if score.explanation_message.key == "all_best":
        return ui.gettext("You made the strongest {principle} choice at every decision that tested it "
                          "({tested}).").format(principle=principle, tested=tested)
    if score.explanation_message.key != "below_100":
        return score.explanation
    traded, missed = int(params.get("traded", 0)), int(params.get("missed", 0))
    parts = []
    if traded:
        parts.append(ui.ngettext(
            "at {count} decision the best answer overall gave up some {principle} to honour other principles "
            "(a trade-off, not a mistake)",
            "at {count} decisions the best answer overall gave up some {principle} to honour other principles "
            "(a trade-off, not a mistake)", traded).format(count=traded, principle=principle))
    if missed:
        parts.append(ui.ngettext("at {count} decision you took a weaker option for it",
                                 "at {count} decisions you took a weaker option for it", missed).format(count=missed))
    return ui.ngettext("Tested at {count} decision; below 100 because {reasons}.",
                       "Tested at {count} decisions; below 100 because {reasons}.", tested).format(
        count=tested, reasons=ui.gettext(" and ").join(parts))


def practise_why(report: Mapping[str, Any], names: Mapping[str, str], titles: Mapping[str, str],
                 ui: UiText = ENGLISH) -> str:
    """The practise-next card's one line from a progress report dict (``progress_report``):
    ``names`` principle id -> name, ``titles`` scenario id -> title, both in ``ui``'s language."""
    tip, reason = report.get("practise_next") or {}, report.get("practise_next_reason") or {}
    params = reason.get("params") or {}
    scenario = str(params.get("scenario", tip.get("scenario", "")))
    title = titles.get(scenario, scenario)
    if reason.get("key") == "start_here":
        return ui.gettext("Start here: {title} is the next call in your curriculum.").format(title=title)
    if reason.get("key") != "weakest" or not isinstance(params.get("score"), int):
        return str(tip.get("why", ""))
    principle = str(params.get("principle", ""))
    text = ui.gettext("Your weakest is {principle} ({score}/100): {title} trains it.").format(
        principle=names.get(principle, principle), score=params["score"], title=title)
    days = params.get("days")
    if not isinstance(days, int):
        return text
    if days == 0:
        return text + ui.gettext(" You last played it today.")
    return text + ui.ngettext(" You last played it {days} day ago.", " You last played it {days} days ago.",
                              days).format(days=days)


def progress_summary(view: ProgressView, ui: UiText = ENGLISH) -> str:
    """My progress's one line on a call (``ProgressView.summary``) from its scores."""
    points = view.points
    if not points:
        return ui.gettext("No finished runs yet.")
    if len(points) == 1:
        return ui.gettext("One finished run: {score}.").format(score=points[0])
    best = max(points)
    if view.change > 0:
        return ui.ngettext("Up {change} points since the first run (best {best}).",
                           "Up {change} points since the first run (best {best}).", view.change).format(
            change=view.change, best=best)
    if view.change < 0:
        return ui.ngettext("Down {change} points since the first run (best {best}).",
                           "Down {change} points since the first run (best {best}).", -view.change).format(
            change=-view.change, best=best)
    return ui.gettext("Steady at {score} (best {best}).").format(score=points[-1], best=best)
