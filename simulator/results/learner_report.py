"""A printable one-page summary per learner (HTML, inline CSS, no scripts), for a trainer to act on.

Contract: ``learner_pages(records, infos, library)`` groups a workshop's runs by learner (names
compared ignoring case and spaces, shown as first written) into ``LearnerPage``s:
* ``runs``: each run's call, mode, score, band and date (newest first, at most ``MAX_RUNS``);
* ``weak``: up to ``WEAK`` weakest principles (mean over the latest finished run of each call that
  graded it: ``simulator.progress.practise.weakest``), each with "practise next", the call that
  trains it best for this learner (``simulator.progress.practise.practise_next`` asked about that
  principle alone: never-played calls first, then the one played longest ago);
* ``timing``: time per decision (mean, median, slowest decisions with their prompt, timed out).
``render_learners(records, infos, scenarios_dir)`` loads the library (``load_library``; the
shipped one when ``scenarios_dir`` has no curriculum) and renders one page per learner; print CSS
puts each on its own A4/Letter page. All text is escaped.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator.results.html_report import escape
from simulator.results.identity import name_key
from simulator.results.records import FINISHED, RunRecord
from simulator.results.scenario_info import ScenarioInfo

MAX_RUNS, WEAK, SLOWEST = 8, 3, 3


@dataclass(frozen=True)
class WeakPrinciple:
    principle_id: str
    name: str
    score: int
    practise: str  # scenario id ("" when no call trains it)
    practise_title: str
    why: str


@dataclass(frozen=True)
class Timing:
    decisions: int
    mean: float
    median: float
    timed_out: int
    slowest: tuple[tuple[str, str, float], ...]  # (scenario title, prompt, seconds)


@dataclass(frozen=True)
class LearnerPage:
    player: str
    teams: tuple[str, ...]
    workshop: str
    runs: tuple[RunRecord, ...]
    best: int | None
    weak: tuple[WeakPrinciple, ...]
    timing: Timing


def _title(infos: Mapping[str, ScenarioInfo], scenario_id: str, library: Any) -> str:
    info = infos.get(scenario_id)
    if info:
        return info.title
    return library.titles.get(scenario_id, scenario_id) if library else scenario_id


def _weak(records: Sequence[RunRecord], library: Any, now: datetime, names: Mapping[str, str],
          infos: Mapping[str, ScenarioInfo]) -> tuple[WeakPrinciple, ...]:
    from dataclasses import replace

    from simulator.progress.practise import latest_lists, practise_next
    from simulator.progress.readiness import RunFacts

    runs = [RunFacts(r.scenario_id, r.mode, r.status == FINISHED, r.overall, r.ended_at, dict(r.principle_scores))
            for r in records]
    scores = latest_lists(runs)
    ranked = sorted(scores, key=lambda p: (statistics.fmean(scores[p]), p))[:WEAK]
    out = []
    for principle in ranked:
        only = [replace(r, principle_scores={principle: r.principle_scores[principle]}
                        if principle in r.principle_scores else {}) for r in runs]
        tip = practise_next(library.curriculum, library.trains, library.names, library.titles, only, now) \
            if library else None
        name = names.get(principle, principle)
        scenario = tip.scenario if tip else ""
        out.append(WeakPrinciple(principle, name, round(statistics.fmean(scores[principle])), scenario,
                                 _title(infos, scenario, library) if scenario else "", tip.why if tip else ""))
    return tuple(out)


def _timing(records: Sequence[RunRecord], infos: Mapping[str, ScenarioInfo], library: Any) -> Timing:
    times: list[tuple[float, str, str]] = []
    timed_out = 0
    for record in records:
        info = infos.get(record.scenario_id)
        for step in record.transcript:
            seconds = max(0.0, float(step.get("seconds", 0.0) or 0.0))
            node = str(step.get("node_id", ""))
            decision = info.decisions.get(node) if info else None
            times.append((seconds, _title(infos, record.scenario_id, library), decision.prompt if decision else node))
            timed_out += bool(step.get("timed_out", False))
    if not times:
        return Timing(0, 0.0, 0.0, 0, ())
    values = [t[0] for t in times]
    slowest = tuple((title, prompt, seconds) for seconds, title, prompt in sorted(times, key=lambda t: -t[0])[:SLOWEST])
    return Timing(len(values), statistics.fmean(values), statistics.median(values), timed_out, slowest)


def learner_pages(records: Iterable[RunRecord], infos: Mapping[str, ScenarioInfo], library: Any,
                  now: datetime | None = None) -> tuple[LearnerPage, ...]:
    """One page per learner (see the module contract), ordered by name."""
    from scoring.catalog import default_catalog

    names = {p.id: p.name for p in default_catalog().principles}
    now = now or datetime.now(UTC)
    groups: dict[str, list[RunRecord]] = {}
    shown: dict[str, str] = {}  # team key -> the team as first written in the workshop
    for record in sorted(records, key=lambda r: (r.started_at, r.run_id)):
        groups.setdefault(name_key(record.player), []).append(record)
        shown.setdefault(name_key(record.team), record.team.strip())
    pages = []
    for runs in groups.values():
        teams = tuple(dict.fromkeys(shown[name_key(r.team)] for r in runs if name_key(r.team)))
        done = [r.overall for r in runs if r.status == FINISHED]
        pages.append(LearnerPage(runs[0].player, teams, runs[0].workshop, tuple(reversed(runs))[:MAX_RUNS],
                                 max(done) if done else None, _weak(runs, library, now, names, infos),
                                 _timing(runs, infos, library)))
    return tuple(sorted(pages, key=lambda p: (p.player.casefold(), p.player)))


STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827;margin:0;line-height:1.35}
.learner{max-width:46rem;margin:1.5rem auto;padding:0 1rem}h1{font-size:1.5rem;margin:.2rem 0}
h2{font-size:1.05rem;margin:1rem 0 .3rem;border-bottom:2px solid #e5e7eb}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.2rem .4rem;border-bottom:1px solid #e5e7eb;font-size:.9rem;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#4b5563}
.next{font-weight:600}.tip{font-size:.85rem;color:#374151}
@page{size:auto;margin:12mm}
@media print{body{font-size:10.5pt}.learner{margin:0;max-width:none;padding:0;break-after:page;
page-break-after:always;break-inside:avoid}.learner:last-child{break-after:auto;page-break-after:auto}}
"""


def _runs_table(page: LearnerPage, titles: Mapping[str, str]) -> str:
    from scoring.scorer import band_for

    rows = "".join(
        f"<tr><td>{escape(titles.get(r.scenario_id, r.scenario_id))}</td><td>{escape(r.mode)}</td>"
        f"<td class=n>{r.overall if r.status == FINISHED else '–'}</td>"
        f"<td>{escape(band_for(r.overall)) if r.status == FINISHED else 'not finished'}</td>"
        f"<td>{escape(r.ended_at.strftime('%Y-%m-%d %H:%M'))}</td></tr>" for r in page.runs)
    return ("<h2>Calls played</h2><table><tr><th>Call</th><th>Mode</th><th class=n>Score</th><th>Band</th>"
            f"<th>When (UTC)</th></tr>{rows}</table>")


def _weak_table(page: LearnerPage) -> str:
    if not page.weak:
        return "<h2>Weakest principles</h2><p class=muted>No finished call yet: nothing graded.</p>"
    rows = "".join(
        f"<tr><td>{escape(w.name)}</td><td class=n>{w.score}</td><td><span class=next>"
        f"{escape(w.practise_title or '–')}</span><div class=tip>{escape(w.why)}</div></td></tr>" for w in page.weak)
    return ("<h2>Weakest principles and what to practise next</h2><table><tr><th>Principle</th>"
            f"<th class=n>Score</th><th>Practise next</th></tr>{rows}</table>")


def _timing_block(timing: Timing) -> str:
    if not timing.decisions:
        return "<h2>Time per decision</h2><p class=muted>No decisions recorded.</p>"
    slow = "".join(f"<li>{seconds:.1f} s: {escape(title)}: “{escape(prompt[:140])}”</li>"
                   for title, prompt, seconds in timing.slowest)
    return (f"<h2>Time per decision</h2><p>{timing.decisions} decisions: mean {timing.mean:.1f} s, median "
            f"{timing.median:.1f} s; {timing.timed_out} ran out of time.</p><p class=muted>Slowest:</p><ul>{slow}</ul>")


def render_page(page: LearnerPage, titles: Mapping[str, str]) -> str:
    teams = ", ".join(page.teams) or "no team"
    best = f" · best score {page.best}" if page.best is not None else ""
    return (f"<section class=learner><h1>{escape(page.player)}</h1><p class=muted>Team {escape(teams)} · "
            f"workshop {escape(page.workshop)}{best}</p>{_weak_table(page)}{_timing_block(page.timing)}"
            f"{_runs_table(page, titles)}</section>")


def load_any_library(scenarios_dir: Path | None) -> Any:
    """The library of ``scenarios_dir``, else the shipped one, else None (no practise tips)."""
    from scoring.catalog import default_catalog
    from simulator.content.problems import ContentError
    from simulator.paths import SCENARIOS_DIR
    from simulator.progress.library import load_library

    for folder in (scenarios_dir, SCENARIOS_DIR):
        if folder is not None and (Path(folder) / "curriculum.yaml").is_file():
            try:
                return load_library(Path(folder), default_catalog())
            except ContentError:
                continue
    return None


def render_learners(records: Iterable[RunRecord], infos: Mapping[str, ScenarioInfo],
                    scenarios_dir: Path | None) -> str:
    library = load_any_library(scenarios_dir)
    pages = learner_pages(records, infos, library)
    titles = {**(library.titles if library else {}), **{i.id: i.title for i in infos.values()}}
    body = "".join(render_page(page, titles) for page in pages)
    return ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
            "<meta http-equiv=Content-Security-Policy content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            "<meta name=viewport content='width=device-width,initial-scale=1'><title>Frontline learner summaries"
            f"</title><style>{STYLE}</style></head><body>{body}</body></html>\n")
