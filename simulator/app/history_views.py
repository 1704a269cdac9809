"""View model for "My progress": a player's runs over time, one section per scenario.

Contract: no pygame. ``build_history(store, player, scenarios, names)`` reads
``simulator.results.queries.history`` once and never raises (no store, no player or a failing
store become a message). Sections follow the picker's order (scenarios no longer in the library
come last, by first attempt). Each section has the overall score of every finished attempt for the
chart (the latest ``CHART_MAX``), the attempts newest first (the latest ``LIST_MAX``), and per
principle the best and the latest score. The summary line comes from ``results.views.progress_view``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulator.app.leaderboard_views import ScenarioOption, clean_name, outcome_text, when_text

if TYPE_CHECKING:
    from simulator.results.store import ResultStore
    from simulator.results.views import HistoryEntry

log = logging.getLogger(__name__)

CHART_MAX = 20
LIST_MAX = 8
NO_RUNS = "No runs yet: play a scenario and your progress shows here."
NO_PLAYER = "No player yet: choose Change player on the title screen and enter your name."


@dataclass(frozen=True)
class ChartPoint:
    attempt: int  # 1-based attempt number on the scenario (abandoned attempts count)
    score: int


@dataclass(frozen=True)
class AttemptLine:
    attempt: int
    text: str  # e.g. "#3  05 Mar 2025  Resolved  85/100  (assessment)"
    finished: bool


@dataclass(frozen=True)
class PrincipleProgress:
    name: str
    best: int
    latest: int

    @property
    def text(self) -> str:
        trend = "" if self.latest == self.best else f" ({self.best - self.latest} below your best)"
        return f"{self.name}: best {self.best}, latest {self.latest}{trend}"


@dataclass(frozen=True)
class ScenarioProgress:
    scenario_id: str
    title: str
    summary: str
    counts: str  # e.g. "4 attempts: 3 finished, 1 abandoned"
    points: tuple[ChartPoint, ...]
    earlier: int  # finished attempts left out of the chart
    attempts: tuple[AttemptLine, ...]
    older: int  # attempts left out of the list
    principles: tuple[PrincipleProgress, ...]


@dataclass(frozen=True)
class HistoryView:
    player: str
    sections: tuple[ScenarioProgress, ...]
    message: str


def build_history(store: ResultStore | None, player: str, scenarios: Sequence[ScenarioOption],
                  names: Mapping[str, str]) -> HistoryView:
    """The player's progress per scenario; ``names`` maps principle ids to display names (and
    gives their order)."""
    shown = clean_name(player)
    if not player:
        return HistoryView(shown, (), NO_PLAYER)
    if store is None:
        return HistoryView(shown, (), NO_RUNS)
    try:
        from simulator.results import queries

        entries = queries.history(store, player)
    except Exception as error:  # noqa: BLE001 - show the problem, keep the game running
        log.warning("could not read the history of %s: %s", player, error)
        return HistoryView(shown, (), f"Could not read the results: {error}")
    by_scenario: dict[str, list[HistoryEntry]] = {}
    for entry in entries:
        by_scenario.setdefault(entry.scenario_id, []).append(entry)
    order = [s.id for s in scenarios if s.id in by_scenario]
    order += [sid for sid in by_scenario if sid not in order]
    titles = {s.id: s.title for s in scenarios}
    sections = tuple(scenario_progress(sid, clean_name(titles.get(sid, sid), "(untitled)"), by_scenario[sid],
                                       names, player) for sid in order)
    return HistoryView(shown, sections, "" if sections else NO_RUNS)


def scenario_progress(scenario_id: str, title: str, entries: Sequence[HistoryEntry], names: Mapping[str, str],
                      player: str = "") -> ScenarioProgress:
    """One scenario's section from its ``history`` entries (oldest first)."""
    from simulator.results.views import progress_view

    progress = progress_view(player, entries)
    numbered = list(enumerate(entries, start=1))
    points = tuple(ChartPoint(n, e.overall) for n, e in numbered if e.finished)
    finished = len(points)
    abandoned = len(entries) - finished
    counts = f"{_plural(len(entries), 'attempt')}: {finished} finished" + (
        f", {abandoned} abandoned" if abandoned else "")
    attempts = tuple(_attempt(n, e) for n, e in reversed(numbered[-LIST_MAX:]))
    return ScenarioProgress(scenario_id, title, progress.summary, counts, points[-CHART_MAX:],
                            max(0, finished - CHART_MAX), attempts, max(0, len(entries) - LIST_MAX),
                            _principles(entries, names))


def _attempt(number: int, entry: HistoryEntry) -> AttemptLine:
    score = f"{entry.overall}/100" if entry.finished else "not scored"
    mode = "" if entry.mode in ("", "coach") else f"  ({clean_name(entry.mode)})"
    parts = [f"#{number}", when_text(entry.ended_at), outcome_text(entry.status, entry.outcome), score]
    return AttemptLine(number, "  ".join(p for p in parts if p) + mode, entry.finished)


def _principles(entries: Sequence[HistoryEntry], names: Mapping[str, str]) -> tuple[PrincipleProgress, ...]:
    best: dict[str, int] = {}
    latest: dict[str, int] = {}
    for entry in entries:
        if not entry.finished:
            continue
        for principle, score in entry.principle_scores.items():
            best[principle] = max(score, best.get(principle, score))
            latest[principle] = score
    order = [p for p in names if p in best] + sorted(p for p in best if p not in names)
    return tuple(PrincipleProgress(names.get(p) or clean_name(p).replace("-", " ").capitalize(), best[p],
                                   latest[p]) for p in order)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
