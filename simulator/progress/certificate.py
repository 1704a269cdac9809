"""A learner's one-page certificate (printable HTML): ready for calls or not yet, each stage with
the rule it is held to and the date it was met, and the learner's score per principle.

Contract: ``certificate_html(player, report, library, generated_on)`` is pure (no I/O): ``report``
is ``progress_report``'s dict, ``library`` a ``simulator.progress.library.Library``, and every
learner-supplied text is escaped. The page prints on one A4/Letter sheet (print CSS).
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from simulator.progress.library import Library

STYLE = """
body{font-family:'Noto Sans',Arial,sans-serif;margin:2rem auto;max-width:46rem;color:#1d232b}
h1{font-size:1.8rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
.verdict{font-size:1.3rem;padding:.6rem 1rem;border:3px solid #0d6b61;display:inline-block}
.verdict.not{border-style:dashed;border-color:#8a4b00}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccd;padding:.25rem .4rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}td.d{white-space:nowrap}.muted{color:#5a6470;font-size:.9rem}
@media print{body{margin:0;max-width:none}.verdict{border-width:2px}}
"""


def _rule(stage: Any, library: Library) -> str:
    found = next((s for s in library.curriculum.stages if s.key == stage["id"]), None)
    if found is None:
        return ""
    rule = found.pass_rule
    runs = {"assessment": "assessment or certification runs", "certification": "certification attempts",
            "any": "any runs"}[rule.mode]
    return f"{found.need} of {len(found.scenarios)} calls at {rule.band} or better, in {runs}"


def _stages(report: dict[str, Any], library: Library) -> str:
    rows = []
    for stage in report["stages"]:
        state = f"met on {stage['met_on']}" if stage["met"] else "not yet: still to pass " + ", ".join(
            library.titles.get(sid, sid) for sid in stage["missing"])
        rows.append(f"<tr><td>{escape(stage['name'])}</td><td>{escape(_rule(stage, library))}</td>"
                    f"<td{' class=d' if stage['met'] else ''}>{escape(state)}</td></tr>")
    return "<table><tr><th>Stage</th><th>Rule</th><th>State</th></tr>" + "".join(rows) + "</table>"


def _principles(scores: dict[str, int], library: Library) -> str:
    if not scores:
        return "<p class=muted>No finished run yet.</p>"
    rows = "".join(f"<tr><td>{escape(library.names.get(p, p))}</td><td class=n>{score}</td></tr>"
                   for p, score in sorted(scores.items(), key=lambda item: (-item[1], item[0])))
    return "<table><tr><th>Principle</th><th class=n>Score</th></tr>" + rows + "</table>"


def certificate_html(player: str, report: dict[str, Any], library: Library, generated_on: date,
                     scores: dict[str, int]) -> str:
    """See the module doc; ``scores`` is the learner's score per principle (latest run of each call)."""
    ready = report["ready"]
    verdict = (f"Ready for calls since {report['ready_on']}" if ready else "Not ready for calls yet")
    tip = report.get("practise_next")
    advice = f"<p><b>Practise next:</b> {escape(tip['why'])}</p>" if tip and not ready else ""
    return ("<!DOCTYPE html><html lang=en><meta charset=utf-8>"
            f"<title>Frontline certificate: {escape(player)}</title><style>{STYLE}</style><body>"
            f"<p class=muted>Frontline customer-service training</p><h1>{escape(player)}</h1>"
            f"<p class=\"verdict{'' if ready else ' not'}\">{escape(verdict)}</p>{advice}"
            f"<h2>Stages and the rule each is held to</h2>{_stages(report, library)}"
            f"<h2>Score per principle</h2>{_principles(scores, library)}"
            f"<p class=muted>Generated on {generated_on.isoformat()}. Scores: the latest finished run of each "
            "call; readiness counts only runs in the mode each stage names.</p></body></html>")
