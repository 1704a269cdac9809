"""A workshop's results aggregated in SQL, for the summary behind the reports and ``facilitate``.

Contract: ``workshop_data(store, workshop)`` returns a ``WorkshopData`` built from three GROUP BY
queries (and, for principles without scenario text, one DISTINCT) in one read transaction (one
consistent snapshot), so the rows that reach Python follow the number of players, scenarios,
principles and decision options, never the number of runs, scores or decisions:

* per (team, player, scenario): runs, finished runs, best finished overall score;
* per (team, player, principle): sum and count of the scores of finished runs;
* per (scenario, decision node, option): how many decisions took it (every stored decision counts,
  abandoned runs included).

Everything is SQLAlchemy Core with bound parameters, and the same statements run on SQLite and
PostgreSQL. Orderings of the results are made in Python (collation differs between databases).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, case, func, select

from simulator.results.records import FINISHED
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
    """The workshop's runs, scores and decisions aggregated in SQL (see the module contract).

    ``covered``: principles whose training scenarios the caller knows from scenario text; the
    scenario/principle pairs (``WorkshopData.graded``) are read only for the other principles
    graded in finished runs (None: for all of them)."""
    runs, scores, choices = store.tables.runs, store.tables.run_scores, store.tables.run_choices
    finished = runs.c.status == FINISHED
    scored = runs.join(scores, scores.c.run_id == runs.c.run_id)
    per_scenario = (
        select(runs.c.team, runs.c.player, runs.c.scenario_id, func.count().label("runs"),
               func.sum(case((finished, 1), else_=0)).label("finished"),
               func.max(case((finished, runs.c.overall))).label("best"))
        .where(runs.c.workshop == workshop)
        .group_by(runs.c.team, runs.c.player, runs.c.scenario_id))
    per_principle = (
        select(runs.c.team, runs.c.player, scores.c.principle_id, func.sum(scores.c.score).label("total"),
               func.count().label("graded"))
        .select_from(scored).where(runs.c.workshop == workshop, finished)
        .group_by(runs.c.team, runs.c.player, scores.c.principle_id))
    per_choice = (
        select(runs.c.scenario_id, choices.c.node_id, choices.c.choice_id, func.count().label("taken"))
        .select_from(runs.join(choices, choices.c.run_id == runs.c.run_id))
        .where(runs.c.workshop == workshop)
        .group_by(runs.c.scenario_id, choices.c.node_id, choices.c.choice_id))
    with store.reading() as conn:
        scenario_rows = conn.execute(per_scenario).all()
        principle_rows = conn.execute(per_principle).all()
        choice_rows = conn.execute(per_choice).all()
        unplaced = sorted({r.principle_id for r in principle_rows} - set(covered or ()))
        graded: set[tuple[str, str]] = set()
        if unplaced:
            pairs = (select(runs.c.scenario_id, scores.c.principle_id).select_from(scored).distinct()
                     .where(runs.c.workshop == workshop, scores.c.principle_id.in_(unplaced)))
            graded = {(r.scenario_id, r.principle_id) for r in conn.execute(pairs)}
    counts = [ChoiceCount(r.scenario_id, r.node_id, r.choice_id, int(r.taken)) for r in choice_rows]
    return WorkshopData(workshop, _tallies(scenario_rows, principle_rows),
                        tuple(sorted(counts, key=lambda c: (c.scenario_id, c.node_id, c.choice_id))),
                        frozenset(graded))


def _tallies(scenario_rows: Iterable[Row[Any]], principle_rows: Iterable[Row[Any]]) -> tuple[PlayerTally, ...]:
    """Fold the per-scenario and per-principle rows into one ``PlayerTally`` per (team, player)."""
    counts: dict[tuple[str, str], list[int]] = {}
    best: dict[tuple[str, str], dict[str, int]] = {}
    totals: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}
    for row in scenario_rows:
        key = (row.team, row.player)
        tally = counts.setdefault(key, [0, 0])
        tally[0] += int(row.runs)
        tally[1] += int(row.finished or 0)
        if row.best is not None:
            best.setdefault(key, {})[row.scenario_id] = max(0, int(row.best))
    for row in principle_rows:
        totals.setdefault((row.team, row.player), {})[row.principle_id] = (int(row.total), int(row.graded))
    return tuple(PlayerTally(team, player, runs, done, dict(sorted(best.get((team, player), {}).items())),
                             dict(sorted(totals.get((team, player), {}).items())))
                 for (team, player), (runs, done) in sorted(counts.items()))
