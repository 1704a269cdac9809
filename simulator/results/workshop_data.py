"""A workshop's results aggregated, for the summary behind the reports and ``facilitate``.

Contract: ``workshop_data(store, workshop)`` returns a ``WorkshopData`` read from the running
aggregates (``simulator.results.aggregates``, kept in step with every saved run) in one read
transaction (one consistent snapshot), so its cost follows the number of players, scenarios,
principles and decision options, never the number of runs, scores or decisions:

* per (team, player, scenario): runs, finished runs, best finished overall score;
* per (team, player, principle): sum and count of the scores of finished runs;
* per (scenario, decision node, option): how many decisions took it (every stored decision counts,
  abandoned runs included);
* per (scenario, principle): whether some run (any status) was graded on it.

Workshop codes and team names are compared case- and space-insensitively
(``simulator.results.identity``): every stored spelling of the code is read, and a team written
several ways is one team, shown as first written (its earliest run; a small extra query runs only
when some team has several spellings). ``WorkshopData.workshop`` is the code as first written.

The result is identical to grouping the runs tables themselves (tests/results/test_summary_sql.py).
Everything is SQLAlchemy Core with bound parameters, and the same statements run on SQLite and
PostgreSQL. Orderings of the results are made in Python (collation differs between databases).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, select

from simulator.results.store import ResultStore


@dataclass(frozen=True)
class ChoiceCount:
    """How many stored decisions at ``node_id`` of ``scenario_id`` took ``choice_id``."""

    scenario_id: str
    node_id: str
    choice_id: str
    count: int


@dataclass(frozen=True)
class PlayerTally:
    """One (team, player) of a workshop, aggregated over their runs.

    ``best`` maps each scenario with a finished run to the best finished overall score (never
    below 0); ``principle_totals`` maps each principle graded in a finished run to (sum, count) of
    those scores."""

    team: str
    player: str
    runs: int
    finished: int
    best: dict[str, int] = field(default_factory=dict)
    principle_totals: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class WorkshopData:
    """A workshop's aggregated results: one tally per (team, player), and the decision counts.

    ``graded`` holds the (scenario_id, principle_id) pairs graded in some run (any status), for
    the principles the caller could not place from scenario text (see ``workshop_data``)."""

    workshop: str
    players: tuple[PlayerTally, ...]
    choices: tuple[ChoiceCount, ...]
    graded: frozenset[tuple[str, str]] = frozenset()

    @property
    def runs(self) -> int:
        return sum(p.runs for p in self.players)

    @property
    def finished(self) -> int:
        return sum(p.finished for p in self.players)


def workshop_data(store: ResultStore, workshop: str, covered: Collection[str] | None = None) -> WorkshopData:
    """The workshop's runs, scores and decisions, aggregated (see the module contract).

    ``covered``: principles whose training scenarios the caller knows from scenario text; the
    scenario/principle pairs (``WorkshopData.graded``) are read only for the other principles
    graded in finished runs (None: for all of them)."""
    agg = store.tables.agg
    scenarios, principles, choices = agg.scenarios, agg.principles, agg.choices
    codes = store.workshop_spellings(workshop) or [workshop]
    per_scenario = select(scenarios.c.team, scenarios.c.player, scenarios.c.scenario_id, scenarios.c.runs,
                          scenarios.c.finished, scenarios.c.best_overall.label("best")
                          ).where(scenarios.c.workshop.in_(codes))
    per_principle = select(principles.c.team, principles.c.player, principles.c.principle_id, principles.c.total,
                           principles.c.graded).where(principles.c.workshop.in_(codes))
    per_choice = select(choices.c.scenario_id, choices.c.node_id, choices.c.choice_id, choices.c.taken
                        ).where(choices.c.workshop.in_(codes))
    with store.reading() as conn:
        scenario_rows = conn.execute(per_scenario).all()
        principle_rows = conn.execute(per_principle).all()
        choice_rows = conn.execute(per_choice).all()
        unplaced = sorted({row[2] for row in principle_rows} - set(covered or ()))  # principle_id
        graded: set[tuple[str, str]] = set()
        if unplaced:
            pairs = select(agg.graded.c.scenario_id, agg.graded.c.principle_id).where(
                agg.graded.c.workshop.in_(codes), agg.graded.c.principle_id.in_(unplaced))
            graded = {(r.scenario_id, r.principle_id) for r in conn.execute(pairs)}
        shown = _first_spellings(conn, store, codes, {row[0] for row in scenario_rows})
    taken: dict[tuple[str, str, str], int] = {}
    for r in choice_rows:
        key = (r.scenario_id, r.node_id, r.choice_id)
        taken[key] = taken.get(key, 0) + int(r.taken)
    counts = [ChoiceCount(*key, count) for key, count in sorted(taken.items())]
    return WorkshopData(shown.get(("workshop", ""), workshop) if len(codes) > 1 else codes[0],
                        _tallies(scenario_rows, principle_rows, shown), tuple(counts), frozenset(graded))


def _first_spellings(conn: Any, store: ResultStore, codes: list[str], teams: set[str]) -> dict[tuple[str, str], str]:
    """``{("team", spelling): shown}`` for every team spelling, and ``("workshop", "")`` for the
    code when it has several spellings: the spelling of the earliest run of each key."""
    from sqlalchemy import func

    from simulator.results.identity import name_key

    by_key: dict[str, set[str]] = {}
    for team in teams:
        by_key.setdefault(name_key(team), set()).add(team)
    shown = {("team", team): team for team in teams}
    ambiguous = sorted(t for group in by_key.values() if len(group) > 1 for t in group)
    runs = store.tables.runs
    if ambiguous:
        first = conn.execute(select(runs.c.team, func.min(runs.c.started_at)).where(
            runs.c.workshop.in_(codes), runs.c.team.in_(ambiguous)).group_by(runs.c.team)).all()
        earliest = {team: when for team, when in first}
        for group in by_key.values():
            if len(group) > 1:
                pick = min(group, key=lambda t: (earliest.get(t) is None, earliest.get(t) or 0, t))
                shown.update({("team", t): pick for t in group})
    if len(codes) > 1:
        first = conn.execute(select(runs.c.workshop, func.min(runs.c.started_at)).where(
            runs.c.workshop.in_(codes)).group_by(runs.c.workshop)).all()
        shown[("workshop", "")] = min(first, key=lambda row: (row[1], row[0]))[0] if first else codes[0]
    return shown


def _tallies(scenario_rows: Iterable[Row[Any]], principle_rows: Iterable[Row[Any]],
             shown: dict[tuple[str, str], str] | None = None) -> tuple[PlayerTally, ...]:
    """Fold the per-scenario rows (team, player, scenario_id, runs, finished, best) and per-principle
    rows (team, player, principle_id, total, graded) into one ``PlayerTally`` per (team as shown,
    player): spellings of one team (``shown``) and of one workshop code fold together. Rows are
    unpacked by position: attribute access on tens of thousands of rows costs more than the query."""
    shown = shown or {}
    counts: dict[tuple[str, str], list[int]] = {}
    best: dict[tuple[str, str], dict[str, int]] = {}
    totals: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}
    for team, player, scenario_id, runs, finished, top in scenario_rows:
        key = (shown.get(("team", team), team), player)
        tally = counts.get(key)
        if tally is None:
            tally = counts[key] = [0, 0]
            best[key] = {}
        tally[0] += int(runs)
        tally[1] += int(finished or 0)
        if top is not None:
            best[key][scenario_id] = max(best[key].get(scenario_id, 0), int(top), 0)
    for team, player, principle_id, total, graded in principle_rows:
        key = (shown.get(("team", team), team), player)
        mine = totals.get(key)
        if mine is None:
            mine = totals[key] = {}
        before = mine.get(principle_id, (0, 0))
        mine[principle_id] = (before[0] + int(total), before[1] + int(graded))
    return tuple(PlayerTally(team, player, runs, done, dict(sorted(best[(team, player)].items())),
                             dict(sorted(totals.get((team, player), {}).items())))
                 for (team, player), (runs, done) in sorted(counts.items()))
