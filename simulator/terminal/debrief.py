"""Plain-text debrief of a ``Report`` (debrief v2): outcome, score with its rule, explained bars,
strengths, one "to work on" entry per decision where a better option was open, and every decision.

With ``answer_key_withheld`` (a certification attempt while the call is still open, see
``simulator.progress.answer_key``) the debrief says why and leaves out every better option, its
reason and the coaching on missed decisions: which decisions cost points and what the customer
said stay.

Every word the debrief adds goes through ``words.ui`` (the game's gettext catalog, English by
default; ``simulator.terminal.language``); the scorer's sentences are worded from their data
(``simulator.app.report_words``) and principle names come from ``words``. The numbers never change
with the language.
"""

from __future__ import annotations

import textwrap

from scoring.report import DecisionReview, Report
from scoring.review import without_answer_key
from simulator.app.report_words import cap_reasons, explanation_text, summary_text
from simulator.app.translation import N_, UiText
from simulator.terminal.language import TerminalWords

WIDTH = 78
# English values (the JSON player sends this one as is); shown through ``ui.gettext``.
ANSWER_KEY_WITHHELD = N_("Certification attempt: the better options and why are not shown, so your next attempt "
                         "still measures your skill, not your memory. Practise this call in practice (coach) mode "
                         "to see them (play --mode coach); the full review comes once you pass or use your last "
                         "attempt.")
BETTER_WITHHELD = N_("Better option: shown in practice (coach) mode, not after a certification attempt.")
# The same words the game's debrief uses for each decision (simulator/app/widgets/debrief_rows.py).
MARKS = {"best": N_("best"), "minor": N_("could be better"), "major": N_("major miss"),
         "ungraded": N_("all options equal")}
# TRANSLATORS: the terminal debrief's outcome and ending quality, shown as "(resolved, good)"; the
# English is the scenario format's key.
OUTCOMES = {"resolved": N_("resolved"), "escalated": N_("escalated"), "partially_resolved": N_("partially_resolved"),
            "customer_lost": N_("customer_lost")}
QUALITIES = {"good": N_("good"), "mixed": N_("mixed"), "bad": N_("bad")}
ENGLISH_WORDS = TerminalWords()


def bar(score: int, width: int = 20) -> str:
    filled = round(score * width / 100)
    return "#" * filled + "." * (width - filled)


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def _word(ui: UiText, words: dict[str, str], key: str | None) -> str:
    return ui.gettext(words[key]) if key in words else key or ""


def score_line(report: Report, ui: UiText = ENGLISH_WORDS.ui) -> str:
    """``Overall score: 84/100 (Proficient): decisions 80 x 0.8 + ending 100 x 0.2``, plus caps."""
    rule = ui.gettext("Overall score: {overall}/100 ({band}): decisions {decisions} x 0.8 + ending {ending} x 0.2")
    line = rule.format(
        overall=report.overall, band=ui.gettext(report.band or report.grade), decisions=report.decision_quality,
        ending=report.ending_points)
    if not report.caps:
        return line
    return line + ui.gettext("; capped because {reasons}").format(
        reasons=ui.gettext(" and ").join(cap_reasons(report, ui)))


def format_debrief(report: Report, answer_key_withheld: bool = False, words: TerminalWords = ENGLISH_WORDS) -> str:
    """The whole debrief as text; every score line is followed by the reasons behind it (see the
    module doc for ``answer_key_withheld`` and ``words``)."""
    if answer_key_withheld:
        report = without_answer_key(report)
    ui = words.ui
    lines = ["", "=" * WIDTH, ui.gettext("DEBRIEF: {title}").format(title=report.scenario_title), "=" * WIDTH]
    if report.finished:
        lines.append(ui.gettext("Outcome: {ending} ({outcome}, {quality})").format(
            ending=report.ending_title, outcome=_word(ui, OUTCOMES, report.outcome),
            quality=_word(ui, QUALITIES, report.quality)))
        lines.append(_wrap(report.debrief or "", "  "))
    else:
        lines.append(ui.gettext("Outcome: the call was left unfinished."))
    lines += ["", _wrap(score_line(report, ui), ""), _wrap(summary_text(report, ui), "")]
    if answer_key_withheld:
        lines += ["", _wrap(ui.gettext(ANSWER_KEY_WITHHELD), "")]
    lines += ["", ui.gettext("Principle scores (each graded against the best option you had at the time):")]
    names = [words.principle(score.id, score.name) for score in report.principles]
    column = max([28, *(len(name) for name in names)])  # a longer (translated) name keeps the bars aligned
    for score, name in zip(report.principles, names, strict=True):
        lines.append(f"  {name:<{column}} {bar(score.score)} {score.score:>3}/100")
        if score.score < 100 and score.explanation:
            lines.append(_wrap(explanation_text(score, name, ui), "      "))
    if report.strengths:
        lines += ["", ui.gettext("Strengths") + ":"]
        for note in report.strengths:
            name = words.principle(note.principle_id, note.principle_name)
            lines.append(_wrap(f"[{name}] \"{note.choice_text}\" {note.feedback}", "  - "))
    lines += ["", ui.gettext("To work on") + ":"]
    lines += [line for review in report.to_work_on for line in _work_on(review, ui, answer_key_withheld)] or \
        ["  " + ui.gettext("Nothing: you took the best option you had at every decision.")]
    lines += ["", ui.gettext("Your decisions") + ":"]
    lines += [_wrap(_decision_line(review, ui), "  ") for review in report.decisions]
    return "\n".join(lines) + "\n"


def _decision_line(review: DecisionReview, ui: UiText) -> str:
    """``3. You said: "..."  [major miss CRITICAL]``."""
    said = (ui.gettext('You said (time ran out): "{text}"') if review.timed_out
            else ui.gettext('You said: "{text}"')).format(text=review.choice_text)
    mark = _word(ui, MARKS, review.severity)
    # TRANSLATORS: the terminal debrief's mark of a decision that crossed a critical line
    critical = " " + ui.gettext("CRITICAL") if review.critical else ""
    return f"{review.step + 1}. {said}  [{mark}{critical}]"


def _work_on(review: DecisionReview, ui: UiText, answer_key_withheld: bool = False) -> list[str]:
    severity = ui.gettext("major miss") if review.severity == "major" else ui.gettext("a better option was open")
    critical = ui.gettext(", critical") if review.critical else ""
    said = [
        _wrap(f"{review.step + 1}. " + ui.gettext('They said: "{text}"').format(text=review.prompt), "  "),
        _wrap(ui.gettext('You said: "{text}"').format(text=review.choice_text) + f" ({severity}{critical})", "     "),
    ]
    if answer_key_withheld:
        return [*said, _wrap(ui.gettext(BETTER_WITHHELD), "     ")]
    return [
        *said,
        _wrap(review.feedback, "     "),
        _wrap(ui.gettext('Better: "{text}"').format(text=review.better_text), "     "),
        _wrap(ui.gettext("Why: {feedback}").format(feedback=review.better_feedback), "     "),
    ]
