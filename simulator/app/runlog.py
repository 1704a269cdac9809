"""Where finished and abandoned runs go: a small protocol the app holds, with two simple stores.

Contract: a ``RunLog`` has ``save_run(record)`` and ``best_run(player, scenario_id)``. The app
opens the real store (``simulator.results.store.open_store``) lazily after the first frame and
falls back to ``NullRunLog`` when it is unavailable; tests use ``MemoryRunLog``; autoplay uses
``scratch_run_log()``, a store in memory that is gone when the run ends. Errors from a store are
logged by ``SafeRunLog``, never raised into the game loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from simulator.results.records import RunRecord

log = logging.getLogger(__name__)


class ScoredRun(Protocol):
    """What the game reads from a past run (a ``RunRecord`` or the store's ``HistoryEntry``)."""

    overall: int
    principle_scores: dict[str, int]


class RunLog(Protocol):
    def save_run(self, record: RunRecord) -> object: ...

    def best_run(self, player: str, scenario_id: str) -> ScoredRun | None: ...


class StoreRunLog:
    """Adapter for ``simulator.results.store.ResultStore`` (best runs come from ``queries``)."""

    def __init__(self, store: object):
        self.store = store

    def save_run(self, record: RunRecord) -> None:
        self.store.save_run(record)  # type: ignore[attr-defined]

    def best_run(self, player: str, scenario_id: str) -> ScoredRun | None:
        from simulator.results.queries import best_run  # type: ignore[import-not-found]

        return best_run(self.store, player, scenario_id)  # type: ignore[no-any-return]


class NullRunLog:
    """Keeps nothing (no results store available, or autoplay)."""

    def save_run(self, record: RunRecord) -> None:
        return None

    def best_run(self, player: str, scenario_id: str) -> RunRecord | None:
        return None


class MemoryRunLog:
    """Keeps records in a list; best = finished run with the highest overall score."""

    def __init__(self) -> None:
        self.records: list[RunRecord] = []

    def save_run(self, record: RunRecord) -> None:
        if all(r.run_id != record.run_id for r in self.records):
            self.records.append(record)

    def best_run(self, player: str, scenario_id: str) -> RunRecord | None:
        runs = [r for r in self.records if r.player == player and r.scenario_id == scenario_id
                and r.status == "finished"]
        return max(runs, key=lambda r: r.overall, default=None)


class SafeRunLog:
    """Wraps a store so that a failing database never crashes the game."""

    def __init__(self, inner: RunLog):
        self.inner = inner

    def save_run(self, record: RunRecord) -> None:
        try:
            self.inner.save_run(record)
        except Exception as error:  # noqa: BLE001 - any store failure is logged, the game goes on
            log.warning("could not save the run %s: %s", record.run_id, error)

    def best_run(self, player: str, scenario_id: str) -> ScoredRun | None:
        try:
            return self.inner.best_run(player, scenario_id)
        except Exception as error:  # noqa: BLE001
            log.warning("could not read best run for %s/%s: %s", player, scenario_id, error)
            return None


def results_store(run_log: RunLog) -> object | None:
    """The open results store behind ``run_log`` for read-only queries (leaderboard, history), or
    None when runs are not kept in one (``NullRunLog``, ``MemoryRunLog``)."""
    inner = run_log.inner if isinstance(run_log, SafeRunLog) else run_log
    return inner.store if isinstance(inner, StoreRunLog) else None


def open_run_log() -> RunLog:
    """The real results store when it can be opened, else a ``NullRunLog`` (with a warning)."""
    try:
        from simulator.results.store import open_store  # type: ignore[import-not-found]

        return SafeRunLog(StoreRunLog(open_store()))
    except Exception as error:  # noqa: BLE001 - missing module, driver or database
        log.warning("results store unavailable (%s); runs will not be kept", error)
        return NullRunLog()


def scratch_run_log() -> tuple[RunLog, Callable[[], None]]:
    """An in-memory results store (nothing is written to disk) and the function that closes it;
    the leaderboard and history read it like the real one. ``NullRunLog`` when it cannot open."""
    try:
        from simulator.results.store import open_store  # type: ignore[import-not-found]

        store = open_store("sqlite:///:memory:")
    except Exception as error:  # noqa: BLE001 - missing module or driver
        log.warning("in-memory results store unavailable (%s); runs will not be kept", error)
        return NullRunLog(), lambda: None
    return SafeRunLog(StoreRunLog(store)), store.close
