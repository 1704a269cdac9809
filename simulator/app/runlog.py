"""Where finished and abandoned runs go: a small protocol the app holds, with two simple stores.

Contract: a ``RunLog`` has ``save_run(record)`` and ``best_run(player, scenario_id)``. The app
opens the real store (``simulator.results.store.open_store``) lazily after the first frame; when
it cannot be used the app gets a ``KeepLocallyRunLog``, which appends every run to
``unsaved-runs.jsonl`` in the user data folder (flushed and fsynced) so no finished run is lost.
``SafeRunLog`` never raises into the game loop: a run the store refuses is kept locally too.
Their ``save_run`` returns None when the run is in the results store, else one line for the
player saying where it went (the app shows it on screen; a ``RunNotKept`` line when it could not
be kept anywhere). ``open_run_log()`` returns the log and
a start-up notice (or ""): runs kept earlier in ``unsaved-runs.jsonl`` are imported into the
store automatically when it opens (the file is emptied only after every line is stored).
Tests use ``MemoryRunLog``; autoplay uses ``scratch_run_log()``, a store in memory that is gone
when the run ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from simulator.util import LazyLogger

if TYPE_CHECKING:
    from simulator.results.records import RunRecord

log = LazyLogger(__name__)


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
    """Keeps nothing (autoplay without a store)."""

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


class RunNotKept(str):
    """The player's message when a run is neither in the store nor in ``unsaved-runs.jsonl`` (a
    full or read-only disk): the caller keeps the resume save so the run can be played again."""


def keep_run(record: RunRecord, reason: str) -> str:
    """Append the run to ``unsaved-runs.jsonl``; the message for the player (a ``RunNotKept``
    when that fails too)."""
    from simulator.results.saving import keep_locally

    try:
        kept = keep_locally(record)
    except OSError as error:
        log.error("run %s not saved: %s; keeping a local copy failed too: %s", record.run_id, reason, error)
        import errno

        fix = "Free some disk space" if error.errno == errno.ENOSPC else "Make your data folder writable"
        return RunNotKept(f"Your run could not be saved ({reason}) and no local copy could be written "
                          f"({error}). {fix}: the game tries again when the debrief opens.")
    log.warning("run %s kept in %s: %s", record.run_id, kept, reason)
    return f"Results could not be saved ({reason}). Your run is kept in {kept} and will be added next time."


class KeepLocallyRunLog:
    """No usable results store: every run goes to ``unsaved-runs.jsonl``."""

    def __init__(self, reason: str):
        self.reason = reason

    def save_run(self, record: RunRecord) -> str:
        return keep_run(record, self.reason)

    def best_run(self, player: str, scenario_id: str) -> RunRecord | None:
        return None


class SafeRunLog:
    """Wraps a store so that a failing database never crashes the game (nor loses the run)."""

    def __init__(self, inner: RunLog):
        self.inner = inner

    def save_run(self, record: RunRecord) -> str | None:
        try:
            self.inner.save_run(record)
        except Exception as error:  # noqa: BLE001 - any store failure: keep the run locally, go on
            return keep_run(record, _reason(error))
        return None

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


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return (text[:200] + "...") if len(text) > 200 else text or type(error).__name__


def open_run_log() -> tuple[RunLog, str]:
    """The real results store when it can be used, else ``KeepLocallyRunLog``; plus the notice
    to show at start ("" when there is nothing to say)."""
    try:
        from simulator.results.store import open_store

        store = open_store()
    except Exception as error:  # noqa: BLE001 - missing driver, corrupt/locked/read-only/newer database
        reason = _reason(error)
        log.warning("results store unavailable (%s); runs will be kept in unsaved-runs.jsonl", reason)
        return KeepLocallyRunLog(reason), f"Results cannot be saved ({reason}); your runs will be kept locally."
    return SafeRunLog(StoreRunLog(store)), import_unsaved(store)


def import_unsaved(store: object) -> str:
    """Add the runs kept in ``unsaved-runs.jsonl`` to ``store``; the notice for the player."""
    from simulator.paths import data_dir
    from simulator.results.saving import UNSAVED_FILE

    path = data_dir() / UNSAVED_FILE
    if not path.is_file():
        return ""
    from simulator.results.transfer import import_lines

    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            result = import_lines(store, handle)  # type: ignore[arg-type]
    except Exception as error:  # noqa: BLE001 - the file stays for next time
        log.warning("could not add the runs kept in %s: %s", path, error)
        return ""
    if result.problems:
        log.warning("%s: %d line(s) could not be added (kept in the file): %s", path, len(result.problems),
                    "; ".join(f"line {n}: {why}" for n, why in result.problems[:5]))
        return f"{result.added} run(s) kept earlier were saved; {len(result.problems)} could not be read ({path})."
    try:
        path.replace(path.with_name(path.name + ".imported"))
    except OSError as error:
        log.warning("could not move %s aside after importing it: %s", path, error)
    return f"{result.added} run(s) kept while results could not be saved are now saved." if result.added else ""


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
