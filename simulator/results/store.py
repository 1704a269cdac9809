"""The results store: saves ``RunRecord``s and reads them back, on SQLite or PostgreSQL.

Contract:
* ``open_store(url=None)`` resolves the URL (``--db``, ``FRONTLINE_DB``, default SQLite file),
  connects, applies migrations and returns a ``ResultStore``; every database problem surfaces as
  ``StoreError`` with a readable message (password hidden), never a driver traceback.
* ``save_run(record)`` writes the run with its scores and decisions in one transaction and
  returns True, or False when a run with that ``run_id`` is already stored (saving is
  idempotent). The same transaction adds the run to the running aggregates
  (``simulator.results.aggregates``); ``save_runs`` does the same for a batch in one transaction,
  and ``rebuild_aggregates`` recomputes them all from the runs. "database is locked" is retried
  with back-off for up to ``LOCK_PATIENCE`` (30) seconds, when saving and when opening (migrating)
  a store another process holds. ``open_store(url, create=False)`` (read-only commands) never
  creates a folder or an empty database.
* SQLite runs in WAL mode with ``synchronous=FULL`` and a busy timeout, so a process killed at any
  moment loses no committed run and leaves no half-written one, and several processes can write.
* Queries (leaderboard, history, workshop data) live in ``simulator.results.queries``.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from simulator.results import aggregates
from simulator.results.location import StoreError, display_url, resolve_url, sqlite_path
from simulator.results.records import RunRecord
from simulator.results.schema import Tables, migrate

LOCK_PATIENCE = 30.0
SQLITE_BUSY_MS = 5000
T = TypeVar("T")


def to_db_time(moment: datetime) -> datetime:
    """Naive UTC for storage (naive input is taken to be UTC already)."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def from_db_time(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _is_locked(error: OperationalError) -> bool:
    message = str(error.orig).lower()
    return "locked" in message or "busy" in message


def describe(error: BaseException) -> str:
    """A one-line reason from a SQLAlchemy/driver error."""
    orig = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__


def _sqlite_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None and str(path) not in ("", ":memory:"):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the folder for {path}: {error.strerror or error}") from None
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front so the busy timeout applies (no upgrade deadlock).
        immediate = conn.get_execution_options().get("frontline_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return create_engine(url, connect_args={"connect_timeout": 5})


class ResultStore:
    """An open results database. Use as a context manager or call ``close()``."""

    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine
        self.tables = Tables()

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def where(self) -> str:
        return display_url(self.url)

    @contextmanager
    def errors(self, doing: str) -> Iterator[None]:
        """Turn database errors (and the operating system's, such as a full disk) into
        ``StoreError("could not <doing> (<where>): <reason>")``."""
        try:
            yield
        except SQLAlchemyError as error:
            raise StoreError(f"could not {doing} ({self.where}): {describe(error)}{self._full_disk()}") from None
        except OSError as error:
            raise StoreError(f"could not {doing} ({self.where}): {error.strerror or error}{self._full_disk()}") \
                from None

    def _full_disk(self) -> str:
        """A hint when the disk holding a SQLite store has (almost) no space left (SQLite itself
        often says only "disk I/O error" then), else ""."""
        import shutil

        path = sqlite_path(self.url)
        if path is None or str(path) in ("", ":memory:"):
            return ""
        try:
            usage = shutil.disk_usage(path.parent)
        except OSError:
            return ""
        full = usage.total > 0 and usage.free < FULL_DISK_BYTES  # /proc and /sys: no size, never "full"
        return " (the disk holding it is full: free some space and try again)" if full else ""

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.errors("read results"), self.engine.connect() as conn, conn.begin():
            yield conn

    # --- writing -----------------------------------------------------------------------------
    def save_run(self, record: RunRecord) -> bool:
        """Store one run atomically (with its aggregates); False when its run_id is already stored."""
        return self._retrying(f"save run {record.run_id}", lambda: self._insert(record))

    def save_runs(self, records: Iterable[RunRecord]) -> int:
        """Store many runs in one transaction (with their aggregates); returns how many were added.

        Runs whose run_id is already stored (or repeated in ``records``) are skipped, as with
        ``save_run``. A concurrent writer storing one of the same runs first makes the batch retry."""
        batch: list[RunRecord] = []
        seen: set[str] = set()
        for record in records:
            if record.run_id not in seen:
                seen.add(record.run_id)
                batch.append(record)
        return self._retrying(f"save {len(batch)} runs", lambda: self._insert_many(batch))

    def rebuild_aggregates(self) -> None:
        """Recompute every running aggregate from the stored runs, in one transaction."""
        t = self.tables

        def rebuild_all() -> None:
            with self.engine.connect().execution_options(frontline_write=True) as conn, conn.begin():
                aggregates.rebuild(conn, t.runs, t.run_scores, t.run_choices, t.agg)

        self._retrying("rebuild the results aggregates", rebuild_all)

    def _retrying(self, doing: str, write: Callable[[], T]) -> T:
        """Run ``write`` (one transaction), retrying "database is locked" for ``LOCK_PATIENCE`` s."""
        with self.errors(doing):
            return patiently(write)

    def _write(self, conn: Connection, records: list[RunRecord]) -> None:
        """Insert the runs' rows and add them to the aggregates (inside the caller's transaction)."""
        t = self.tables
        run_rows = [_run_row(record) for record in records]
        score_rows = [{"run_id": record.run_id, "principle_id": p, "score": s}
                      for record in records for p, s in record.principle_scores.items()]
        choice_rows = [row for record in records for row in _choice_rows(record)]
        conn.execute(t.runs.insert(), run_rows)
        if score_rows:
            conn.execute(t.run_scores.insert(), score_rows)
        if choice_rows:
            conn.execute(t.run_choices.insert(), choice_rows)
        aggregates.apply(conn, t.agg, t.runs, aggregates.collect(run_rows, score_rows, choice_rows))

    def _insert(self, record: RunRecord) -> bool:
        t = self.tables
        with self.engine.connect().execution_options(frontline_write=True) as conn:
            try:
                with conn.begin():
                    self._write(conn, [record])
            except IntegrityError:
                # Usually: this run_id is already stored (import twice, or a retry). Anything else
                # is a real error.
                with conn.begin():
                    found = conn.execute(select(t.runs.c.run_id).where(t.runs.c.run_id == record.run_id)).first()
                if found:
                    return False
                raise
        return True

    def _insert_many(self, records: list[RunRecord], attempts: int = 3) -> int:
        t = self.tables
        with self.engine.connect().execution_options(frontline_write=True) as conn:
            for attempt in range(attempts):
                try:
                    with conn.begin():
                        stored: set[str] = set()
                        for start in range(0, len(records), 500):
                            ids = [record.run_id for record in records[start:start + 500]]
                            stored.update(conn.execute(select(t.runs.c.run_id).where(t.runs.c.run_id.in_(ids)))
                                          .scalars())
                        new = [record for record in records if record.run_id not in stored]
                        if new:
                            self._write(conn, new)
                        return len(new)
                except IntegrityError:
                    if attempt == attempts - 1:  # not a concurrent duplicate: a real error
                        raise
        return 0

    # --- reading whole records -----------------------------------------------------------------
    def get_run(self, run_id: str) -> RunRecord | None:
        records = list(self.iter_records(run_ids=[run_id]))
        return records[0] if records else None

    def iter_records(self, workshop: str | None = None, run_ids: list[str] | None = None,
                     batch: int = 500) -> Iterator[RunRecord]:
        """Whole records (with transcripts), oldest first, optionally of one workshop (any
        spelling of its code, see ``workshop_spellings``)."""
        t = self.tables
        query = select(t.runs).order_by(t.runs.c.ended_at, t.runs.c.run_id)
        if workshop is not None:  # every spelling of the code (case and spaces ignored)
            query = query.where(t.runs.c.workshop.in_(self.workshop_spellings(workshop) or [workshop]))
        if run_ids is not None:
            query = query.where(t.runs.c.run_id.in_(run_ids))
        with self.reading() as conn:
            rows = conn.execute(query).mappings().all()
            for start in range(0, len(rows), batch):
                chunk = rows[start:start + batch]
                scores = _scores_for(conn, t, [row["run_id"] for row in chunk])
                for row in chunk:
                    yield _record(row, scores.get(row["run_id"], {}))

    def workshop_spellings(self, code: str) -> list[str]:
        """Every stored spelling of the workshop ``code``, compared case- and space-insensitively
        (``simulator.results.identity``); [] when no run carries it. Reads the small per-player
        aggregate table, not the runs."""
        from simulator.results.identity import matching

        agg = self.tables.agg.scenarios
        with self.reading() as conn:
            stored = conn.execute(select(agg.c.workshop).distinct()).scalars().all()
        return matching(code, stored)

    def count_runs(self) -> int:
        from sqlalchemy import func

        with self.reading() as conn:
            return int(conn.execute(select(func.count()).select_from(self.tables.runs)).scalar() or 0)


def _scores_for(conn: Connection, t: Tables, run_ids: list[str]) -> dict[str, dict[str, int]]:
    scores: dict[str, dict[str, int]] = {}
    query = select(t.run_scores).where(t.run_scores.c.run_id.in_(run_ids))
    for row in conn.execute(query):
        scores.setdefault(row.run_id, {})[row.principle_id] = row.score
    return scores


def _run_row(record: RunRecord) -> dict[str, Any]:
    return {
        "run_id": record.run_id, "player": record.player, "team": record.team, "workshop": record.workshop,
        "scenario_id": record.scenario_id, "content_hash": record.content_hash, "mode": record.mode,
        "started_at": to_db_time(record.started_at), "ended_at": to_db_time(record.ended_at),
        "status": record.status, "outcome": record.outcome, "overall": record.overall, "seed": record.seed,
        "transcript": json.dumps(list(record.transcript), separators=(",", ":")),
        "saved_at": datetime.now(UTC).replace(tzinfo=None),
    }


def _choice_rows(record: RunRecord) -> list[dict[str, Any]]:
    rows = []
    for position, step in enumerate(record.transcript):
        rows.append({"run_id": record.run_id, "step": int(step.get("index", position)),
                     "node_id": str(step.get("node_id", "")), "choice_id": str(step.get("choice_id", "")),
                     "timed_out": bool(step.get("timed_out", False))})
    return rows


def _record(row: Any, scores: dict[str, int]) -> RunRecord:
    return RunRecord(
        run_id=row["run_id"], player=row["player"], team=row["team"], workshop=row["workshop"],
        scenario_id=row["scenario_id"], content_hash=row["content_hash"], mode=row["mode"],
        started_at=from_db_time(row["started_at"]), ended_at=from_db_time(row["ended_at"]),
        status=row["status"], outcome=row["outcome"], overall=row["overall"], principle_scores=scores,
        transcript=tuple(json.loads(row["transcript"])), seed=row["seed"],
    )


def patiently(action: Callable[[], T], patience: float | None = None) -> T:
    """Run ``action``, retrying "database is locked"/"busy" with back-off for ``patience`` seconds
    (default ``LOCK_PATIENCE``, read at call time); other errors and the last lock error propagate."""
    deadline = time.monotonic() + (LOCK_PATIENCE if patience is None else patience)
    delay = 0.01
    while True:
        try:
            return action()
        except OperationalError as error:
            if not _is_locked(error) or time.monotonic() > deadline:
                raise
        time.sleep(delay * (0.5 + random.random()))
        delay = min(delay * 2, 0.5)


FULL_DISK_BYTES = 1024 * 1024  # less free space than this beside a failing store: say the disk is full


class MissingStore(StoreError):
    """``open_store(create=False)`` found no database file: nothing has been saved there yet."""


def open_store(url: str | None = None, *, create: bool = True) -> ResultStore:
    """Open (creating and migrating if needed) the store at ``url`` or the resolved default.
    With ``create=False`` (read-only commands) a SQLite file that does not exist is a
    ``MissingStore`` (a ``StoreError``) and nothing (no folder, no empty database) is created."""
    resolved = resolve_url(url)
    path = sqlite_path(resolved)
    if path is not None and str(path) not in ("", ":memory:") and path.is_dir():
        raise StoreError(f"{path} is a folder, not a results database file (fix: name a file in it, such as "
                         f"sqlite:///{path / 'results.db'}, in --db or FRONTLINE_DB)")
    if not create and path is not None and str(path) not in ("", ":memory:") and not path.is_file():
        raise MissingStore(f"no results database at {path} (nothing has been saved there yet; check --db "
                         "or FRONTLINE_DB)")
    try:
        engine = make_engine(resolved)
        store = ResultStore(resolved, engine)
        with store.errors("open the results database"):
            patiently(lambda: migrate(engine))  # a store locked at start gets the same patience
    except StoreError:
        raise
    except (SQLAlchemyError, ImportError, ValueError) as error:
        raise StoreError(f"could not open the results database ({display_url(resolved)}): "
                         f"{describe(error)}") from None
    return store
