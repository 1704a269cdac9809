"""A cache of parsed scenario data, so a file the game has read before skips YAML parsing.

Contract: ``ParseCache(folder)`` stores the plain data that ``safe_yaml.parse_yaml`` produced for
a file, as JSON named by the sha256 of the file's bytes (plus the reader's version), so an edited
file is simply a new key. ``get`` returns that data or None; ``put`` writes atomically and never
raises (a read-only or full disk just means no caching). Only data from a successful strict parse
is stored, and whatever comes out is validated again by the loader exactly like fresh data;
positions for error messages are recomputed from the file itself when needed. At most ``limit``
entries are kept (oldest removed first).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# Bump when safe_yaml's output for the same bytes changes (2: keys starting with NUL are refused,
# where version 1 dropped them).
READER_VERSION = 2


class ParseCache:
    def __init__(self, folder: Path, limit: int = 300):
        self.folder = folder
        self.limit = limit

    def _path(self, digest: str) -> Path:
        return self.folder / f"v{READER_VERSION}-{digest}.json"

    def get(self, digest: str) -> Any | None:
        """Cached data for a file with this sha256, or None (missing, unreadable or damaged)."""
        try:
            with open(self._path(digest), encoding="utf-8") as handle:
                entry = json.load(handle)
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("sha256") != digest or "data" not in entry:
            return None
        return entry["data"]

    def put(self, digest: str, data: Any) -> None:
        """Store data for a file with this sha256 (best effort, atomic)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"sha256": digest, "data": data}, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temp, self._path(digest))
            self._prune()
        except (OSError, TypeError, ValueError) as error:
            log.info("scenario cache not written: %s", error)

    def _prune(self) -> None:
        entries = sorted(self.folder.glob(f"v{READER_VERSION}-*.json"), key=lambda p: p.stat().st_mtime)
        for stale in entries[: max(0, len(entries) - self.limit)]:
            stale.unlink(missing_ok=True)
