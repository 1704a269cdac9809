"""View models for the in-game leaderboard: the filters a player cycles through and the rows shown.

Contract: no pygame. Filters are frozen values (``Filter.step`` returns a new one); functions that
read the results store take an open ``ResultStore`` or None (no store: the game runs with the
no-op run log) and never raise: a failing store becomes a message in the view. Player and team
names come from other machines and are untrusted: ``clean_name`` makes them single-line printable
text of bounded length (the screen then fits them with an ellipsis).

Gaps in the results API filled here: the leaderboard rows carry no outcome, so each shown
player's ``history()`` is read once to find the outcome (and scenario) of the ranked run; and the
API cannot list the workshops and teams present, so ``load_facets`` runs one read-only
``SELECT DISTINCT`` through the store's own tables.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from simulator.app.translation import ENGLISH, N_, UiText
from simulator.app.viewmodels import OUTCOME_LABELS
from simulator.results.views import Facets

if TYPE_CHECKING:
    from simulator.results.store import ResultStore
    from simulator.results.views import HistoryEntry, LeaderboardRow

log = logging.getLogger(__name__)

NAME_LIMIT = 60
BOARD_LIMIT = 50
NO_STORE = N_("No results stored yet: finish a scenario to start the leaderboard.")
NO_MATCH = N_("No finished runs match these filters yet.")
SCENARIO, RANKING, WORKSHOP, TEAM = "scenario", "ranking", "workshop", "team"


def clean_name(text: object, empty: str = "") -> str:
    """Untrusted text as one printable line of at most ``NAME_LIMIT`` characters (or ``empty``)."""
    raw = "".join(ch if ch.isprintable() else " " for ch in str(text or ""))
    line = " ".join(raw.split())
    if len(line) > NAME_LIMIT:
        line = line[: NAME_LIMIT - 1] + "\u2026"
    return line or empty


def when_text(moment: datetime | None, ui: UiText = ENGLISH) -> str:
    """A run's date in the player's local time, e.g. "5 Mar 2025" ("5 mar 2025" in Spanish)."""
    if moment is None:
        return ""
    return ui.format_date(moment.astimezone())


def outcome_text(status: str, outcome: str | None, ui: UiText = ENGLISH) -> str:
    _ = ui.gettext
    if status != "finished":
        return _("Abandoned")
    if outcome in OUTCOME_LABELS:
        return _(OUTCOME_LABELS[outcome])
    return clean_name(outcome, _("Finished")).replace("_", " ").capitalize()


# --- filters ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Choice:
    """One value of a filter: ``value`` None means "all"/"any"/"overall"."""

    value: str | None
    label: str


@dataclass(frozen=True)
class Filter:
    key: str
    label: str
    choices: tuple[Choice, ...]
    index: int = 0

    @property
    def current(self) -> Choice:
        return self.choices[self.index]

    @property
    def value(self) -> str | None:
        return self.current.value

    def step(self, delta: int) -> Filter:
        """The next (``delta`` 1) or previous (-1) value, wrapping round."""
        return replace(self, index=(self.index + delta) % len(self.choices))

    def select(self, value: str | None) -> Filter:
        """This filter on ``value`` when it is one of the choices, else unchanged."""
        for index, choice in enumerate(self.choices):
            if choice.value == value:
                return replace(self, index=index)
        return self


@dataclass(frozen=True)
class ScenarioOption:
    """A playable scenario as the picker lists it, with the principles it trains (catalog ids)."""

    id: str
    title: str
    principles: tuple[str, ...] = ()


def scenario_options(entries: Sequence[Any]) -> tuple[ScenarioOption, ...]:
    """Playable library entries in picker order (broken ones are left out)."""
    return tuple(ScenarioOption(e.id, e.title, tuple(e.loaded.scenario.principles)) for e in entries if e.ok)


def load_facets(store: ResultStore | None) -> Facets:
    """Distinct workshops and teams of finished runs (sorted), and the number of stored runs."""
    if store is None:
        return Facets()
    try:
        from simulator.results.queries import facets

        return facets(store)
    except Exception as error:  # noqa: BLE001 - a broken store must not crash the game
        log.warning("could not list workshops and teams: %s", error)
        return Facets()


def _sorted(values: Sequence[str | None]) -> tuple[str, ...]:
    return tuple(sorted({v or "" for v in values}, key=lambda v: (v.casefold(), v)))


def _value_choices(values: Sequence[str], extra: str, none_label: str, ui: UiText = ENGLISH) -> tuple[Choice, ...]:
    _ = ui.gettext
    present = list(values)
    if extra and extra not in present:
        present.append(extra)
    return (Choice(None, _("Any")), *(Choice(v, clean_name(v, none_label)) for v in _sorted(present)))


def ranking_choices(scenario: ScenarioOption | None, catalog: Sequence[tuple[str, str]],
                    ui: UiText = ENGLISH) -> tuple[Choice, ...]:
    """Overall, then each catalog principle (in catalog order); with a scenario, only those it trains."""
    _ = ui.gettext
    wanted = set(scenario.principles) if scenario is not None else None
    return (Choice(None, _("Overall score")),
            *(Choice(pid, name) for pid, name in catalog if wanted is None or pid in wanted))


def initial_filters(scenarios: Sequence[ScenarioOption], catalog: Sequence[tuple[str, str]], facets: Facets,
                    workshop: str = "", scenario_id: str | None = None, ui: UiText = ENGLISH) -> tuple[Filter, ...]:
    """Scenario (picker order after "All scenarios"; default ``scenario_id`` or the first one),
    ranking (overall), workshop (default: ``workshop`` when set, else any) and team (any)."""
    _ = ui.gettext
    scenario = Filter(SCENARIO, _("Scenario"), (Choice(None, _("All scenarios")),
                                                *(Choice(s.id, s.title) for s in scenarios)))
    scenario = scenario.select(scenario_id if scenario_id is not None else (scenarios[0].id if scenarios else None))
    chosen = next((s for s in scenarios if s.id == scenario.value), None)
    return (scenario, Filter(RANKING, _("Ranking"), ranking_choices(chosen, catalog, ui)),
            Filter(WORKSHOP, _("Workshop"), _value_choices(facets.workshops, workshop, _("No workshop"), ui))
            .select(workshop or None),
            Filter(TEAM, _("Team"), _value_choices(facets.teams, "", _("No team"), ui)))


def change_filter(filters: tuple[Filter, ...], index: int, delta: int, scenarios: Sequence[ScenarioOption],
                  catalog: Sequence[tuple[str, str]], ui: UiText = ENGLISH) -> tuple[Filter, ...]:
    """Step filter ``index``; a new scenario rebuilds the ranking choices (keeping the principle
    when the new scenario trains it, else going back to the overall score)."""
    changed = list(filters)
    changed[index] = filters[index].step(delta)
    if filters[index].key == SCENARIO:
        chosen = next((s for s in scenarios if s.id == changed[index].value), None)
        position = next(i for i, f in enumerate(changed) if f.key == RANKING)
        old = changed[position]
        changed[position] = replace(old, choices=ranking_choices(chosen, catalog, ui), index=0).select(old.value)
    return tuple(changed)


def filter_value(filters: Sequence[Filter], key: str) -> str | None:
    return next(f.value for f in filters if f.key == key)


# --- the board -------------------------------------------------------------------------------
@dataclass(frozen=True)
class BoardLine:
    rank: str
    player: str
    team: str
    score: str
    detail: str
    highlight: bool


@dataclass(frozen=True)
class LeaderboardView:
    filters: tuple[Filter, ...]
    lines: tuple[BoardLine, ...]
    caption: str
    message: str


def caption(filters: Sequence[Filter], ui: UiText = ENGLISH) -> str:
    """What the board ranks, in words."""
    _ = ui.gettext
    by = {f.key: f for f in filters}
    ranking, scenario = by[RANKING].current.label, by[SCENARIO].current.label
    if by[SCENARIO].value is None:
        line = _("Best overall score per player across all scenarios") if by[RANKING].value is None else \
            _("Best '{principle}' score per player across all scenarios").format(principle=ranking)
    else:
        line = (_("Best overall score per player on {scenario}") if by[RANKING].value is None else
                _("Best '{principle}' score per player on {scenario}")).format(principle=ranking, scenario=scenario)
    scope = [f"{f.label.lower()} {f.current.label}" for f in (by[WORKSHOP], by[TEAM]) if f.value is not None]
    return line + (f" ({', '.join(scope)})" if scope else "")


def build_leaderboard(store: ResultStore | None, filters: tuple[Filter, ...], player: str, facets: Facets,
                      titles: Mapping[str, str], limit: int = BOARD_LIMIT, ui: UiText = ENGLISH) -> LeaderboardView:
    """Rows for the current filters: rank ("=2" when tied), player, team, score and
    "outcome · date · N runs" (prefixed by the scenario title across all scenarios); rows named
    ``player`` are highlighted."""
    _ = ui.gettext
    text = caption(filters, ui)
    if store is None or facets.runs == 0:
        return LeaderboardView(filters, (), text, _(NO_STORE))
    scenario_id = filter_value(filters, SCENARIO)
    try:
        from simulator.results import queries

        rows = queries.leaderboard(store, scenario_id, filter_value(filters, RANKING),
                                   filter_value(filters, WORKSHOP), filter_value(filters, TEAM), limit)
        runs = _ranked_runs(store, rows, scenario_id)
    except Exception as error:  # noqa: BLE001 - show the problem, keep the game running
        log.warning("could not read the leaderboard: %s", error)
        return LeaderboardView(filters, (), text, _("Could not read the results: {error}").format(error=error))
    lines = tuple(_line(rows, i, runs.get(row.run_id), player, titles, scenario_id is None, ui)
                  for i, row in enumerate(rows))
    return LeaderboardView(filters, lines, text, "" if lines else _(NO_MATCH))


def _ranked_runs(store: ResultStore, rows: Sequence[LeaderboardRow], scenario_id: str | None
                 ) -> dict[str, HistoryEntry]:
    """The history entry of every ranked run (one ``history`` read per distinct player shown)."""
    from simulator.results import queries

    wanted = {row.run_id for row in rows}
    found: dict[str, HistoryEntry] = {}
    for name in dict.fromkeys(row.player for row in rows):
        found.update((e.run_id, e) for e in queries.history(store, name, scenario_id) if e.run_id in wanted)
    return found


def _line(rows: Sequence[LeaderboardRow], index: int, entry: HistoryEntry | None, player: str,
          titles: Mapping[str, str], all_scenarios: bool, ui: UiText = ENGLISH) -> BoardLine:
    row = rows[index]
    tied = any(0 <= j < len(rows) and rows[j].score == row.score for j in (index - 1, index + 1))
    parts = [outcome_text(entry.status, entry.outcome, ui) if entry else "", when_text(row.ended_at, ui),
             ui.ngettext("{count} run", "{count} runs", row.runs).format(count=row.runs)]
    detail = " \u00b7 ".join(p for p in parts if p)
    if all_scenarios and entry is not None:
        detail = f"{clean_name(titles.get(entry.scenario_id, entry.scenario_id))}: {detail}"
    return BoardLine(f"={row.rank}" if tied else str(row.rank), clean_name(row.player, ui.gettext("(no name)")),
                     clean_name(row.team, "-"), str(row.score), detail, bool(player) and row.player == player)


def principle_names(catalog: Any) -> tuple[tuple[str, str], ...]:
    """(id, name) for each principle of a ``Catalog`` (empty when the catalog is not loaded)."""
    return tuple((p.id, p.name) for p in catalog.principles) if catalog is not None else ()

