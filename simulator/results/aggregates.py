"""Running aggregates of the runs tables, kept in step with every saved run (schema version 3).

Contract:
* Four small tables hold what the workshop summary and the leaderboards need, so reading them
  costs rows per player/scenario/principle/decision option, never per run:
  - ``agg_player_scenario`` per (workshop, team, player, scenario_id): runs, finished runs, and
    the best finished run (highest overall, then earliest ``ended_at``, then lowest ``run_id``:
    the leaderboard's order) as best_overall / best_ended_at / best_run_id (NULL: none finished);
  - ``agg_player_principle`` per (workshop, team, player, principle_id): sum and count of the
    scores of finished runs (rows exist only for principles graded in a finished run);
  - ``agg_choice`` per (workshop, scenario_id, node_id, choice_id): decisions taken (all runs);
  - ``agg_graded`` per (workshop, scenario_id, principle_id): runs graded on it (all runs).
* ``collect`` turns a batch of new runs (the row dicts written to the runs tables) into deltas;
  ``apply`` adds them with one upsert per table (``INSERT .. ON CONFLICT DO UPDATE`` on SQLite and
  PostgreSQL) inside the caller's transaction, so the aggregates commit or roll back with the runs.
  Keys are written in sorted order in every transaction, so concurrent PostgreSQL writers lock
  aggregate rows in one global order (no deadlocks).
* ``rebuild`` recomputes every aggregate from the runs tables in a handful of INSERT .. SELECT
  statements (migration 3's backfill, and ``ResultStore.rebuild_aggregates``). A later change to
  these tables needs a new migration (and its own rebuild); never edit the table builders here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    case,
    func,
    or_,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite

from simulator.results.location import StoreError
from simulator.results.records import FINISHED

ScenarioKey = tuple[str, str, str, str]   # workshop, team, player, scenario_id
PrincipleKey = tuple[str, str, str, str]  # workshop, team, player, principle_id
ChoiceKey = tuple[str, str, str, str]     # workshop, scenario_id, node_id, choice_id
GradedKey = tuple[str, str, str]          # workshop, scenario_id, principle_id


class AggregateTables:
    """The four aggregate tables on ``metadata`` (see the module contract)."""

    def __init__(self, metadata: MetaData) -> None:
        self.scenarios = Table(
            "agg_player_scenario", metadata,
            Column("workshop", Text, primary_key=True), Column("team", Text, primary_key=True),
            Column("player", Text, primary_key=True), Column("scenario_id", Text, primary_key=True),
            Column("runs", Integer, nullable=False), Column("finished", Integer, nullable=False),
            Column("best_overall", Integer, nullable=True),
            Column("best_ended_at", DateTime(timezone=False), nullable=True),
            Column("best_run_id", String(36), nullable=True),
            Index("ix_agg_player_scenario_board", "scenario_id", "player", "team"),
        )
        self.principles = Table(
            "agg_player_principle", metadata,
            Column("workshop", Text, primary_key=True), Column("team", Text, primary_key=True),
            Column("player", Text, primary_key=True), Column("principle_id", Text, primary_key=True),
            Column("total", BigInteger, nullable=False), Column("graded", Integer, nullable=False),
        )
        self.choices = Table(
            "agg_choice", metadata,
            Column("workshop", Text, primary_key=True), Column("scenario_id", Text, primary_key=True),
            Column("node_id", Text, primary_key=True), Column("choice_id", Text, primary_key=True),
            Column("taken", Integer, nullable=False),
        )
        self.graded = Table(
            "agg_graded", metadata,
            Column("workshop", Text, primary_key=True), Column("scenario_id", Text, primary_key=True),
            Column("principle_id", Text, primary_key=True),
            Column("runs", Integer, nullable=False),
        )

        self.upserts: dict[tuple[str, str], Any] = {}  # (dialect, table): statement, built once

    @property
    def all(self) -> tuple[Table, ...]:
        return (self.scenarios, self.principles, self.choices, self.graded)


@dataclass
class _Best:
    overall: int
    ended_at: datetime
    run_ids: list[str]  # several only when tied on (overall, ended_at) within one batch


@dataclass
class Deltas:
    """What a batch of new runs adds to each aggregate table."""

    scenarios: dict[ScenarioKey, list[int]] = field(default_factory=dict)  # [runs, finished]
    best: dict[ScenarioKey, _Best] = field(default_factory=dict)
    principles: dict[PrincipleKey, list[int]] = field(default_factory=dict)  # [total, graded]
    choices: dict[ChoiceKey, int] = field(default_factory=dict)
    graded: dict[GradedKey, int] = field(default_factory=dict)


def collect(run_rows: Sequence[dict[str, Any]], score_rows: Sequence[dict[str, Any]],
            choice_rows: Sequence[dict[str, Any]]) -> Deltas:
    """The deltas of new runs, from the rows about to be inserted into runs/run_scores/run_choices."""
    deltas = Deltas()
    by_id = {row["run_id"]: row for row in run_rows}
    for row in run_rows:
        key = (row["workshop"], row["team"], row["player"], row["scenario_id"])
        tally = deltas.scenarios.setdefault(key, [0, 0])
        tally[0] += 1
        if row["status"] != FINISHED:
            continue
        tally[1] += 1
        best = deltas.best.get(key)
        mine = (-row["overall"], row["ended_at"])
        if best is None or mine < (-best.overall, best.ended_at):
            deltas.best[key] = _Best(row["overall"], row["ended_at"], [row["run_id"]])
        elif mine == (-best.overall, best.ended_at):
            best.run_ids.append(row["run_id"])
    for score in score_rows:
        run = by_id[score["run_id"]]
        graded = (run["workshop"], run["scenario_id"], score["principle_id"])
        deltas.graded[graded] = deltas.graded.get(graded, 0) + 1
        if run["status"] == FINISHED:
            sums = deltas.principles.setdefault(
                (run["workshop"], run["team"], run["player"], score["principle_id"]), [0, 0])
            sums[0] += score["score"]
            sums[1] += 1
    for choice in choice_rows:
        run = by_id[choice["run_id"]]
        key4 = (run["workshop"], run["scenario_id"], choice["node_id"], choice["choice_id"])
        deltas.choices[key4] = deltas.choices.get(key4, 0) + 1
    return deltas


def _insert(conn: Connection, table: Table) -> Any:
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table)
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    raise StoreError(f"results aggregates need SQLite or PostgreSQL, not {conn.dialect.name}")


def _upsert(conn: Connection, agg: AggregateTables, table: Table, keys: Sequence[str],
            rows: list[dict[str, Any]], extra: dict[str, Any] | None = None) -> None:
    """Insert ``rows`` or add their non-key columns to the stored ones (``extra``: more SET terms).
    The statement is built once per dialect and table (building it costs more than running it)."""
    if not rows:
        return
    cache_key = (conn.dialect.name, table.name)
    stmt = agg.upserts.get(cache_key)
    if stmt is None:
        stmt = _insert(conn, table)
        added = [c.name for c in table.columns if c.name not in keys and c.name not in (extra or {})]
        assignments = {name: table.c[name] + stmt.excluded[name] for name in added}
        for name, make in (extra or {}).items():
            assignments[name] = make(table, stmt.excluded)
        stmt = stmt.on_conflict_do_update(index_elements=[table.c[k] for k in keys], set_=assignments)
        agg.upserts[cache_key] = stmt
    conn.execute(stmt, rows)


def _better(table: Table, new: Any) -> Any:
    """True when the incoming best run beats the stored one in leaderboard order."""
    old = table.c
    return and_(new.best_overall.is_not(None), or_(
        old.best_overall.is_(None),
        new.best_overall > old.best_overall,
        and_(new.best_overall == old.best_overall, new.best_ended_at < old.best_ended_at),
        and_(new.best_overall == old.best_overall, new.best_ended_at == old.best_ended_at,
             new.best_run_id < old.best_run_id)))


def _pick(name: str) -> Any:
    return lambda table, new: case((_better(table, new), new[name]), else_=table.c[name])


def apply(conn: Connection, agg: AggregateTables, runs: Table, deltas: Deltas) -> None:
    """Add ``deltas`` to the aggregates in the caller's transaction (after the runs are inserted)."""
    scenario_rows = []
    for key in sorted(deltas.scenarios):
        tally, best = deltas.scenarios[key], deltas.best.get(key)
        run_id = None
        if best is not None:  # ties in one batch: the database's own order decides, as in queries
            run_id = best.run_ids[0] if len(best.run_ids) == 1 else conn.execute(
                select(func.min(runs.c.run_id)).where(runs.c.run_id.in_(best.run_ids))).scalar()
        scenario_rows.append({
            "workshop": key[0], "team": key[1], "player": key[2], "scenario_id": key[3],
            "runs": tally[0], "finished": tally[1], "best_overall": best.overall if best else None,
            "best_ended_at": best.ended_at if best else None, "best_run_id": run_id})
    _upsert(conn, agg, agg.scenarios, ("workshop", "team", "player", "scenario_id"), scenario_rows,
            {name: _pick(name) for name in ("best_overall", "best_ended_at", "best_run_id")})
    _upsert(conn, agg, agg.principles, ("workshop", "team", "player", "principle_id"), [
        {"workshop": k[0], "team": k[1], "player": k[2], "principle_id": k[3], "total": v[0], "graded": v[1]}
        for k, v in sorted(deltas.principles.items())])
    _upsert(conn, agg, agg.choices, ("workshop", "scenario_id", "node_id", "choice_id"), [
        {"workshop": k[0], "scenario_id": k[1], "node_id": k[2], "choice_id": k[3], "taken": v}
        for k, v in sorted(deltas.choices.items())])
    _upsert(conn, agg, agg.graded, ("workshop", "scenario_id", "principle_id"), [
        {"workshop": k[0], "scenario_id": k[1], "principle_id": k[2], "runs": v}
        for k, v in sorted(deltas.graded.items())])


def rebuild(conn: Connection, runs: Table, scores: Table, choices: Table, agg: AggregateTables) -> None:
    """Replace every aggregate with one computed from the runs tables (in the caller's transaction)."""
    for table in agg.all:
        conn.execute(table.delete())
    r = runs.c
    keys = (r.workshop, r.team, r.player, r.scenario_id)
    groups = (select(*keys, func.count().label("runs"),
                     func.sum(case((r.status == FINISHED, 1), else_=0)).label("finished"))
              .group_by(*keys).subquery("g"))
    ranked = (select(*keys, r.overall, r.ended_at, r.run_id,
                     func.row_number().over(partition_by=keys, order_by=(r.overall.desc(), r.ended_at, r.run_id))
                     .label("rn"))
              .where(r.status == FINISHED).subquery("b"))
    g, b = groups.c, ranked.c
    joined = groups.outerjoin(ranked, and_(g.workshop == b.workshop, g.team == b.team, g.player == b.player,
                                           g.scenario_id == b.scenario_id, b.rn == 1))
    conn.execute(agg.scenarios.insert().from_select(
        ["workshop", "team", "player", "scenario_id", "runs", "finished", "best_overall", "best_ended_at",
         "best_run_id"],
        select(g.workshop, g.team, g.player, g.scenario_id, g.runs, g.finished, b.overall, b.ended_at, b.run_id)
        .select_from(joined)))
    scored = runs.join(scores, scores.c.run_id == r.run_id)
    principle_keys = (r.workshop, r.team, r.player, scores.c.principle_id)
    conn.execute(agg.principles.insert().from_select(
        ["workshop", "team", "player", "principle_id", "total", "graded"],
        select(*principle_keys, func.sum(scores.c.score), func.count()).select_from(scored)
        .where(r.status == FINISHED).group_by(*principle_keys)))
    choice_keys = (r.workshop, r.scenario_id, choices.c.node_id, choices.c.choice_id)
    conn.execute(agg.choices.insert().from_select(
        ["workshop", "scenario_id", "node_id", "choice_id", "taken"],
        select(*choice_keys, func.count()).select_from(runs.join(choices, choices.c.run_id == r.run_id))
        .group_by(*choice_keys)))
    graded_keys = (r.workshop, r.scenario_id, scores.c.principle_id)
    conn.execute(agg.graded.insert().from_select(
        ["workshop", "scenario_id", "principle_id", "runs"],
        select(*graded_keys, func.count()).select_from(scored).group_by(*graded_keys)))
