"""Saving a played run from a front end without ever losing it silently.

Contract: ``save_or_keep(record, url)`` stores the run in the results database and returns a
``SaveOutcome`` with ``saved=True``. When the database cannot be used it appends the record as one
JSON line to ``unsaved-runs.jsonl`` in the user data folder (flushed and fsynced) and returns
``saved=False`` with the reason and where the run was kept, ready for ``frontline results import``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from simulator.paths import data_dir
from simulator.results.location import StoreError
from simulator.results.records import RunRecord

UNSAVED_FILE = "unsaved-runs.jsonl"


@dataclass(frozen=True)
class SaveOutcome:
    saved: bool
    where: str
    reason: str = ""
    kept_in: Path | None = None


def keep_locally(record: RunRecord, folder: Path | None = None) -> Path:
    """Append the record to the unsaved-runs file; returns its path. Raises OSError."""
    path = (folder or data_dir()) / UNSAVED_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    return path


def save_or_keep(record: RunRecord, url: str | None = None) -> SaveOutcome:
    from simulator.results.location import display_url, resolve_url

    where = "the results database"
    try:
        resolved = resolve_url(url)
        where = display_url(resolved)
        from simulator.results.store import open_store

        with open_store(resolved) as store:
            store.save_run(record)
        return SaveOutcome(True, where)
    except StoreError as error:
        reason = str(error)
    try:
        kept = keep_locally(record)
    except OSError as error:
        return SaveOutcome(False, where, f"{reason}; keeping a local copy failed too: {error}")
    return SaveOutcome(False, where, reason, kept)
