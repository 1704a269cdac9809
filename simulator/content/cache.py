"""A cache of parsed scenario data, so a file the game has read before skips YAML parsing.

Contract: ``ParseCache(folder)`` stores the plain data that ``yaml_reader.parse_yaml`` produced for
a file, as JSON named by the sha256 of the file's bytes and a tag of the parsers' versions
(``yaml_reader.reader_versions()``: our reader's rules, PyYAML, libyaml, yaml-rs), so an edited file
or an upgraded parser is simply a new key. ``get`` returns that data or None; ``put`` writes
atomically and never raises (a read-only or full disk just means no caching). Only data from a
successful parse is stored, and whatever comes out is validated again by the loader exactly like
fresh data; positions for error messages are recomputed from the file itself when needed. At most
``limit`` entries are kept (oldest removed first, entries of other parser versions included).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from simulator.content.yaml_reader import reader_versions

log = logging.getLogger(__name__)


@cache
def parsers_tag() -> str:
    """A short, file-name-safe digest of ``reader_versions()``: it changes with any parser."""
    versions = json.dumps(reader_versions(), sort_keys=True)
    return "p" + hashlib.sha256(versions.encode("utf-8")).hexdigest()[:16]


class ParseCache:
    def __init__(self, folder: Path, limit: int = 300):
        self.folder = folder
        self.limit = limit

    def _path(self, digest: str) -> Path:
        return self.folder / f"{parsers_tag()}-{digest}.json"

    def get(self, digest: str) -> Any | None:
        """Cached data for a file with this sha256, or None (missing, unreadable or damaged)."""
        try:
            with open(self._path(digest), encoding="utf-8") as handle:
                entry = json.load(handle)
        except (OSError, ValueError):
            return None
        if (not isinstance(entry, dict) or entry.get("sha256") != digest or "data" not in entry
                or entry.get("parsers") != reader_versions()):
            return None
        return entry["data"]

    def put(self, digest: str, data: Any) -> None:
        """Store data for a file with this sha256 (best effort, atomic)."""
        entry = {"sha256": digest, "parsers": reader_versions(), "data": data}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(entry, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temp, self._path(digest))
            self._prune()
        except (OSError, TypeError, ValueError) as error:
            log.info("scenario cache not written: %s", error)

    def _prune(self) -> None:
        """Keep the newest ``limit`` entries; entries written under other parser versions count too."""
        entries = sorted(self.folder.glob("[pv]*-*.json"), key=lambda p: p.stat().st_mtime)
        for stale in entries[: max(0, len(entries) - self.limit)]:
            stale.unlink(missing_ok=True)
