"""Plain-text debrief of a ``Report``: outcome, scores with reasons, and every decision reviewed."""

from __future__ import annotations

import textwrap

from scoring.report import Note, Report

WIDTH = 78


def bar(score: int, width: int = 20) -> str:
    filled = round(score * width / 100)
    return "#" * filled + "." * (width - filled)


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def format_debrief(report: Report) -> str:
    """The whole debrief as text; every score line is followed by the reasons behind it."""
    lines = ["", "=" * WIDTH, f"DEBRIEF: {report.scenario_title}", "=" * WIDTH]
    if report.finished:
        lines.append(f"Outcome: {report.ending_title} ({report.outcome}, {report.quality})")
        lines.append(_wrap(report.debrief or "", "  "))
    else:
        lines.append("Outcome: the call was left unfinished.")
    lines += ["", f"Overall score: {report.overall}/100  ({report.grade})", "",
              "Principle scores (each graded against the best option you had at the time):"]
    for score in report.principles:
        lines.append(f"  {score.name:<28} {bar(score.score)} {score.score:>3}/100")
    lines += _notes("Strengths", report.strengths)
    lines += _notes("To work on", report.weaknesses)
    lines += ["", "Your decisions:"]
    for review in report.decisions:
        mark = "best" if review.was_best else "could be better"
        timed = " (time ran out)" if review.timed_out else ""
        lines.append(f"  {review.step + 1}. You said{timed}: \"{review.choice_text}\"  [{mark}]")
        lines.append(_wrap(review.feedback, "       "))
        if review.better_text:
            lines.append(_wrap(f"Better: \"{review.better_text}\"", "       "))
            lines.append(_wrap(f"Why: {review.better_feedback}", "       "))
    return "\n".join(lines) + "\n"


def _notes(title: str, notes: tuple[Note, ...]) -> list[str]:
    if not notes:
        return []
    lines = ["", f"{title}:"]
    for note in notes:
        text = f"[{note.principle_name}] {note.feedback}"
        lines.append(textwrap.fill(text, WIDTH, initial_indent="  - ", subsequent_indent="    "))
    return lines
