"""The results API for front ends: save a run, leaderboards, a player's history and best run.

Contract: each function takes an optional open ``store`` (a ``ResultStore``); without one it opens
the default store (``FRONTLINE_DB`` or the SQLite file in the user data folder) for that call.
Results are plain dataclasses from ``simulator.results.views``. Errors are ``StoreError``.
SQLAlchemy is imported on first call, not when this module is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from simulator.results.records import RunRecord
from simulator.results.views import Facets, HistoryEntry, LeaderboardRow

if TYPE_CHECKING:
    from simulator.results.store import ResultStore

T = TypeVar("T")


@contextmanager
def _store(store: ResultStore | None) -> Iterator[ResultStore]:
    if store is not None:
        yield store
        return
    from simulator.results.store import open_store

    with open_store() as opened:
        yield opened


def _with(store: ResultStore | None, call: Callable[[ResultStore], T]) -> T:
    with _store(store) as opened:
        return call(opened)


def save_run(record: RunRecord, store: ResultStore | None = None) -> bool:
    """Store a run (True) or notice it is already stored (False)."""
    return _with(store, lambda s: s.save_run(record))


def leaderboard(scenario_id: str | None, principle: str | None = None, workshop: str | None = None,
                team: str | None = None, limit: int = 10, store: ResultStore | None = None) -> list[LeaderboardRow]:
    from simulator.results import queries

    return _with(store, lambda s: queries.leaderboard(s, scenario_id, principle, workshop, team, limit))


def history(player: str, scenario_id: str | None = None, store: ResultStore | None = None) -> list[HistoryEntry]:
    from simulator.results import queries

    return _with(store, lambda s: queries.history(s, player, scenario_id))


def best_run(player: str, scenario_id: str, store: ResultStore | None = None) -> HistoryEntry | None:
    from simulator.results import queries

    return _with(store, lambda s: queries.best_run(s, player, scenario_id))


def facets(store: ResultStore | None = None) -> Facets:
    """Workshops and teams present among finished runs, for leaderboard filters."""
    from simulator.results import queries

    return _with(store, queries.facets)
