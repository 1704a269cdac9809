"""A cache of parsed scenario data, so a file the game has read before skips YAML parsing.

Contract: ``ParseCache(folder)`` stores the plain data that ``yaml_reader.parse_yaml`` produced for
a file, as JSON named by the sha256 of the file's bytes and a tag of the parsers' versions
(``yaml_reader.reader_versions()``: our reader's rules, PyYAML, libyaml, yaml-rs), so an edited file
or an upgraded parser is simply a new key. ``get`` returns that data or None; ``put`` writes
atomically and never raises (a read-only or full disk just means no caching). Only data from a
successful parse is stored, and whatever comes out is validated again by the loader exactly like
fresh data; positions for error messages are recomputed from the file itself when needed. At most
``limit`` entries are kept (oldest removed first, entries of other parser versions included).

A damaged entry (not UTF-8 JSON, nested too deeply, too large, or not an entry for that file and
these parsers) is moved aside to ``<entry>.json.broken`` (replacing an older one) and reported
once: one warning in the log, and one line appended to ``ParseCache.problems`` that the caller
may show or log (this module prints nothing). The file is then parsed as if nothing were cached.
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


MAX_ENTRY_BYTES = 64 * 1024 * 1024  # parsed data of a scenario file (at most 10 MB of YAML)


def _decode(raw: bytes) -> Any:
    """The JSON in ``raw``; ValueError saying why when it is not a sane entry."""
    if len(raw) > MAX_ENTRY_BYTES:
        raise ValueError(f"is {len(raw)} bytes, more than {MAX_ENTRY_BYTES}")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ValueError(f"is not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"is not JSON ({error.msg}, line {error.lineno})") from None
    except RecursionError:
        raise ValueError("is nested too deeply") from None


class ParseCache:
    def __init__(self, folder: Path, limit: int = 300):
        self.folder = folder
        self.limit = limit
        self.problems: list[str] = []  # one line per damaged entry moved aside (for the caller)
        self._reported: set[Path] = set()  # entries left in place after a failed move

    def _path(self, digest: str) -> Path:
        return self.folder / f"{parsers_tag()}-{digest}.json"

    def get(self, digest: str) -> Any | None:
        """Cached data for a file with this sha256, or None (missing, unreadable or damaged: a
        damaged entry is moved aside and reported, see the module's contract)."""
        path = self._path(digest)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            entry = _decode(raw)
        except ValueError as error:
            self._damaged(path, str(error))
            return None
        if not isinstance(entry, dict) or "data" not in entry:
            self._damaged(path, "is not a cache entry")
            return None
        if entry.get("sha256") != digest or entry.get("parsers") != reader_versions():
            self._damaged(path, "belongs to another file or parser version than its name says")
            return None
        return entry["data"]

    def _damaged(self, path: Path, why: str) -> None:
        """Move a damaged entry aside and report it once (an entry that cannot be moved, e.g. in a
        read-only folder, is reported the first time only)."""
        if path in self._reported:
            return
        target = path.with_name(path.name + ".broken")
        try:
            os.replace(path, target)
            where = f"moved to {target}"
        except OSError as error:
            self._reported.add(path)
            where = f"it could not be moved aside ({error})"
        message = f"The scenario cache file {path} {why}; {where} and the scenario is read again."
        log.warning("%s", message)
        self.problems.append(message)
        return None

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
