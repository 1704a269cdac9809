"""Tables of the results store and the ordered migrations that create and evolve them.

Contract: ``TABLES`` describes the *current* schema for queries. ``MIGRATIONS`` is an ordered
tuple of (version, name, function); each function takes a SQLAlchemy ``Connection`` inside the
migration transaction and must never change once released (add a new migration instead).
``migrate(engine)`` brings a database up to the newest version in one transaction, serialised
between processes (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock), and raises
``StoreError`` for a database written by a newer Frontline.

Runs are one row in ``runs`` plus their per-principle scores (``run_scores``) and decisions
(``run_choices``), written in one transaction, so a run is either wholly there or absent. The
same transaction updates the running aggregates (``simulator.results.aggregates``, version 3), so
they always agree with the runs they summarise.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
    text,
)

from simulator.results.aggregates import AggregateTables, rebuild
from simulator.results.location import StoreError
from simulator.results.room_schema import RoomTables

MIGRATION_LOCK_KEY = 7_306_117  # PostgreSQL advisory lock id for schema changes ("frontline")


def _runs(metadata: MetaData) -> Table:
    return Table(
        "runs", metadata,
        Column("run_id", String(36), primary_key=True),
        Column("player", Text, nullable=False),
        Column("team", Text, nullable=False, default=""),
        Column("workshop", Text, nullable=False, default=""),
        Column("scenario_id", Text, nullable=False),
        Column("content_hash", Text, nullable=False, default=""),
        Column("mode", Text, nullable=False),
        Column("started_at", DateTime(timezone=False), nullable=False),
        Column("ended_at", DateTime(timezone=False), nullable=False),
        Column("status", Text, nullable=False),
        Column("outcome", Text, nullable=True),
        Column("overall", Integer, nullable=False),
        Column("seed", Text, nullable=False, default="0"),
        Column("transcript", Text, nullable=False),
        Column("saved_at", DateTime(timezone=False), nullable=False),
        Index("ix_runs_scenario_score", "scenario_id", "status", "overall"),
        Index("ix_runs_workshop", "workshop", "team", "player"),
        Index("ix_runs_player", "player", "scenario_id", "ended_at"),
    )


def _run_scores(metadata: MetaData) -> Table:
    return Table(
        "run_scores", metadata,
        Column("run_id", String(36), ForeignKey("runs.run_id", ondelete="CASCADE"), primary_key=True),
        Column("principle_id", Text, primary_key=True),
        Column("score", Integer, nullable=False),
        Index("ix_run_scores_principle", "principle_id", "score"),
    )


def _run_choices(metadata: MetaData) -> Table:
    return Table(
        "run_choices", metadata,
        Column("run_id", String(36), ForeignKey("runs.run_id", ondelete="CASCADE"), primary_key=True),
        Column("step", Integer, primary_key=True),
        Column("node_id", Text, nullable=False),
        Column("choice_id", Text, nullable=False),
        Column("timed_out", Boolean, nullable=False, default=False),
    )


def _migrations_table(metadata: MetaData) -> Table:
    return Table(
        "schema_migrations", metadata,
        Column("version", Integer, primary_key=True, autoincrement=False),
        Column("name", Text, nullable=False),
        Column("applied_at", DateTime(timezone=False), nullable=False),
    )


def _summary_indexes(runs: Table, run_scores: Table, run_choices: Table) -> tuple[Index, ...]:
    """Version 2's covering indexes for the workshop summary's GROUP BY queries: a workshop's runs
    in (team, player, scenario) order with status and score, then each run's scores and decisions
    read from the index alone (no visit to the wide ``runs`` rows or the child tables)."""
    return (
        Index("ix_runs_workshop_summary", runs.c.workshop, runs.c.team, runs.c.player, runs.c.scenario_id,
              runs.c.status, runs.c.overall, runs.c.run_id),
        Index("ix_run_scores_run_covering", run_scores.c.run_id, run_scores.c.principle_id, run_scores.c.score),
        Index("ix_run_choices_run_covering", run_choices.c.run_id, run_choices.c.node_id, run_choices.c.choice_id),
    )


class Tables:
    """The current schema, built fresh per store (no shared module-level metadata)."""

    def __init__(self) -> None:
        self.metadata = MetaData()
        self.runs = _runs(self.metadata)
        self.run_scores = _run_scores(self.metadata)
        self.run_choices = _run_choices(self.metadata)
        self.migrations = _migrations_table(self.metadata)
        self.summary_indexes = _summary_indexes(self.runs, self.run_scores, self.run_choices)
        self.agg = AggregateTables(self.metadata)
        self.room = RoomTables(self.metadata)


def _m1_create_runs(conn: Connection) -> None:
    """Version 1: runs, per-principle scores and decisions, with indexes for leaderboards."""
    metadata = MetaData()
    for table in (_runs(metadata), _run_scores(metadata), _run_choices(metadata)):
        table.create(conn)


def _m2_summary_indexes(conn: Connection) -> None:
    """Version 2: covering indexes so a workshop summary aggregates in SQL without wide reads."""
    metadata = MetaData()
    for index in _summary_indexes(_runs(metadata), _run_scores(metadata), _run_choices(metadata)):
        index.create(conn)


def _m3_aggregates(conn: Connection) -> None:
    """Version 3: running aggregates for summaries and leaderboards, backfilled from stored runs."""
    metadata = MetaData()
    runs, scores, choices = _runs(metadata), _run_scores(metadata), _run_choices(metadata)
    agg = AggregateTables(metadata)
    for table in agg.all:
        table.create(conn)
    rebuild(conn, runs, scores, choices, agg)


def _m4_rooms(conn: Connection) -> None:
    """Version 4: room play (a facilitated call the room votes on), ``simulator.results.room_schema``."""
    for table in RoomTables(MetaData()).all:
        table.create(conn)


Migration = tuple[int, str, Callable[[Connection], None]]
MIGRATIONS: tuple[Migration, ...] = (
    (1, "create runs, run_scores, run_choices", _m1_create_runs),
    (2, "covering indexes for workshop summaries", _m2_summary_indexes),
    (3, "running aggregates for summaries and leaderboards", _m3_aggregates),
    (4, "room play: rooms, members, votes, moves", _m4_rooms),
)
LATEST = MIGRATIONS[-1][0]


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


def current_version(conn: Connection) -> int:
    """The newest applied migration, 0 for an empty database."""
    table = _migrations_table(MetaData())
    if not conn.dialect.has_table(conn, table.name):
        return 0
    return int(conn.execute(select(table.c.version).order_by(table.c.version.desc()).limit(1)).scalar() or 0)


def migrate(engine: Engine, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """Apply pending migrations in order (one transaction); returns the resulting version."""
    with engine.connect().execution_options(frontline_write=True) as conn, conn.begin():
        _lock(conn)
        table = _migrations_table(MetaData())
        table.create(conn, checkfirst=True)
        version = current_version(conn)
        newest = migrations[-1][0] if migrations else 0
        if version > newest:
            raise StoreError(f"this results database has schema version {version}, newer than this "
                             f"Frontline understands ({newest}); update Frontline")
        for number, name, apply in migrations:
            if number <= version:
                continue
            apply(conn)
            conn.execute(table.insert().values(version=number, name=name,
                                               applied_at=datetime.now(UTC).replace(tzinfo=None)))
            version = number
        return version
