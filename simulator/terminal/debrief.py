"""Plain-text debrief of a ``Report`` (debrief v2): outcome, score with its rule, explained bars,
strengths, one "to work on" entry per decision where a better option was open, and every decision.

With ``answer_key_withheld`` (a certification attempt while the call is still open, see
``simulator.progress.answer_key``) the debrief says why and leaves out every better option, its
reason and the coaching on missed decisions: which decisions cost points and what the customer
said stay.
"""

from __future__ import annotations

import textwrap

from scoring.report import DecisionReview, Report
from scoring.review import without_answer_key

WIDTH = 78
ANSWER_KEY_WITHHELD = ("Certification attempt: the better options and why are not shown, so your next attempt "
                       "still measures your skill, not your memory. Practise this call in practice (coach) mode "
                       "to see them (play --mode coach); the full review comes once you pass or use your last "
                       "attempt.")
BETTER_WITHHELD = "Better option: shown in practice (coach) mode, not after a certification attempt."


def bar(score: int, width: int = 20) -> str:
    filled = round(score * width / 100)
    return "#" * filled + "." * (width - filled)


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def score_line(report: Report) -> str:
    """``Overall score: 84/100 (Proficient): decisions 80 x 0.8 + ending 100 x 0.2``, plus caps."""
    line = (f"Overall score: {report.overall}/100 ({report.band or report.grade}): decisions "
            f"{report.decision_quality} x 0.8 + ending {report.ending_points} x 0.2")
    return line + (f"; capped because {' and '.join(report.caps)}" if report.caps else "")


def format_debrief(report: Report, answer_key_withheld: bool = False) -> str:
    """The whole debrief as text; every score line is followed by the reasons behind it (see the
    module doc for ``answer_key_withheld``)."""
    if answer_key_withheld:
        report = without_answer_key(report)
    lines = ["", "=" * WIDTH, f"DEBRIEF: {report.scenario_title}", "=" * WIDTH]
    if report.finished:
        lines.append(f"Outcome: {report.ending_title} ({report.outcome}, {report.quality})")
        lines.append(_wrap(report.debrief or "", "  "))
    else:
        lines.append("Outcome: the call was left unfinished.")
    lines += ["", _wrap(score_line(report), ""), _wrap(report.summary_note, "")]
    if answer_key_withheld:
        lines += ["", _wrap(ANSWER_KEY_WITHHELD, "")]
    lines += ["",
              "Principle scores (each graded against the best option you had at the time):"]
    for score in report.principles:
        lines.append(f"  {score.name:<28} {bar(score.score)} {score.score:>3}/100")
        if score.score < 100 and score.explanation:
            lines.append(_wrap(score.explanation, "      "))
    if report.strengths:
        lines += ["", "Strengths:"]
        for note in report.strengths:
            lines.append(_wrap(f"[{note.principle_name}] \"{note.choice_text}\" {note.feedback}", "  - "))
    lines += ["", "To work on:"]
    lines += [line for review in report.to_work_on for line in _work_on(review, answer_key_withheld)] or \
        ["  Nothing: you took the best option you had at every decision."]
    lines += ["", "Your decisions:"]
    for review in report.decisions:
        mark = {"best": "best", "minor": "could be better", "major": "major miss",
                "ungraded": "all options equal"}.get(review.severity, review.severity)
        timed = " (time ran out)" if review.timed_out else ""
        critical = " CRITICAL" if review.critical else ""
        lines.append(_wrap(f"{review.step + 1}. You said{timed}: \"{review.choice_text}\"  [{mark}{critical}]", "  "))
    return "\n".join(lines) + "\n"


def _work_on(review: DecisionReview, answer_key_withheld: bool = False) -> list[str]:
    severity = "major miss" if review.severity == "major" else "a better option was open"
    said = [
        _wrap(f"{review.step + 1}. They said: \"{review.prompt}\"", "  "),
        _wrap(f"You said: \"{review.choice_text}\" ({severity}{', critical' if review.critical else ''})", "     "),
    ]
    if answer_key_withheld:
        return [*said, _wrap(BETTER_WITHHELD, "     ")]
    return [
        *said,
        _wrap(review.feedback, "     "),
        _wrap(f"Better: \"{review.better_text}\"", "     "),
        _wrap(f"Why: {review.better_feedback}", "     "),
    ]
