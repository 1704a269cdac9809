"""View model for "My progress": a player's runs over time, one section per scenario.

Contract: no pygame. ``build_history(store, player, scenarios, names)`` reads
``simulator.results.queries.history`` once and never raises (no store, no player or a failing
store become a message). Sections follow the picker's order (scenarios no longer in the library
come last, by first attempt). Each section has the overall score of every finished attempt for the
chart (the latest ``CHART_MAX``), the attempts newest first (the latest ``LIST_MAX``), and per
principle the best and the latest score. The summary line is ``results.views.progress_view``'s, worded
in the player's language (``report_words.progress_summary``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulator.app.leaderboard_views import ScenarioOption, clean_name, outcome_text, when_text
from simulator.app.translation import ENGLISH, N_, Translate, UiText

if TYPE_CHECKING:
    from simulator.results.store import ResultStore
    from simulator.results.views import HistoryEntry

log = logging.getLogger(__name__)

MODE_WORDS = {"assessment": N_("assessment"), "certification": N_("certification")}
CHART_MAX = 20
LIST_MAX = 8
NO_RUNS = N_("No runs yet: play a scenario and your progress shows here.")
NO_PLAYER = N_("No player yet: choose Change player on the title screen and enter your name.")


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
        return self.text_in()

    def text_in(self, _: Translate = N_) -> str:
        if self.latest == self.best:
            return _("{principle}: best {best}, latest {latest}").format(
                principle=self.name, best=self.best, latest=self.latest)
        return _("{principle}: best {best}, latest {latest} ({below} below your best)").format(
            principle=self.name, best=self.best, latest=self.latest, below=self.best - self.latest)


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
                  names: Mapping[str, str], ui: UiText = ENGLISH) -> HistoryView:
    """The player's progress per scenario; ``names`` maps principle ids to display names (and
    gives their order)."""
    _ = ui.gettext
    shown = clean_name(player)
    if not player:
        return HistoryView(shown, (), _(NO_PLAYER))
    if store is None:
        return HistoryView(shown, (), _(NO_RUNS))
    try:
        from simulator.results import queries

        entries = queries.history(store, player)
    except Exception as error:  # noqa: BLE001 - show the problem, keep the game running
        log.warning("could not read the history of %s: %s", player, error)
        return HistoryView(shown, (), _("Could not read the results: {error}").format(error=error))
    by_scenario: dict[str, list[HistoryEntry]] = {}
    for entry in entries:
        by_scenario.setdefault(entry.scenario_id, []).append(entry)
    order = [s.id for s in scenarios if s.id in by_scenario]
    order += [sid for sid in by_scenario if sid not in order]
    titles = {s.id: s.title for s in scenarios}
    sections = tuple(scenario_progress(sid, clean_name(titles.get(sid, sid), _("(untitled)")), by_scenario[sid],
                                       names, player, ui) for sid in order)
    return HistoryView(shown, sections, "" if sections else _(NO_RUNS))


def scenario_progress(scenario_id: str, title: str, entries: Sequence[HistoryEntry], names: Mapping[str, str],
                      player: str = "", ui: UiText = ENGLISH) -> ScenarioProgress:
    """One scenario's section from its ``history`` entries (oldest first)."""
    from simulator.app.report_words import progress_summary
    from simulator.results.views import progress_view

    progress = progress_view(player, entries)
    numbered = list(enumerate(entries, start=1))
    points = tuple(ChartPoint(n, e.overall) for n, e in numbered if e.finished)
    finished = len(points)
    abandoned = len(entries) - finished
    counts = ui.ngettext("{count} attempt: {finished} finished", "{count} attempts: {finished} finished",
                         len(entries)).format(count=len(entries), finished=finished)
    if abandoned:
        counts += ui.gettext(", {abandoned} abandoned").format(abandoned=abandoned)
    attempts = tuple(_attempt(n, e, ui) for n, e in reversed(numbered[-LIST_MAX:]))
    return ScenarioProgress(scenario_id, title, progress_summary(progress, ui), counts, points[-CHART_MAX:],
                            max(0, finished - CHART_MAX), attempts, max(0, len(entries) - LIST_MAX),
                            _principles(entries, names))


def _attempt(number: int, entry: HistoryEntry, ui: UiText = ENGLISH) -> AttemptLine:
    _ = ui.gettext
    score = f"{entry.overall}/100" if entry.finished else _("not scored")
    word = _(MODE_WORDS[entry.mode]) if entry.mode in MODE_WORDS else clean_name(entry.mode)
    mode = "" if entry.mode in ("", "coach") else f"  ({word})"
    parts = [f"#{number}", when_text(entry.ended_at, ui), outcome_text(entry.status, entry.outcome, ui), score]
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

