"""A cache of lint's bot simulations (FL601), so that linting an unchanged scenario again is cheap.

Contract: ``cached_simulation(source, runs, seed, compute)`` returns ``compute()`` (a JSON-able
dict), reusing the result stored for the same scenario text, runs, seed and code when there is one.
The key is a sha256 of the scenario's source text, ``runs``, ``seed`` and a stamp of the code
that decides the figures (name, size and modification time of every ``.py``/``.yaml`` file of
``scoring``, ``simulator.engine``, ``simulator.authoring`` and ``simulator.content``), so an edited
scenario, rule, scorer or principle catalog is simply a new key. Entries live in
``paths.cache_dir() / "lint"`` as JSON; reading never trusts a damaged entry (it recomputes), and
writing is atomic, best effort and never raises. At most ``LIMIT`` entries are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

LIMIT = 200
_PACKAGES = ("scoring", "simulator.engine", "simulator.authoring", "simulator.content")


@cache
def code_stamp() -> str:
    """A digest of the files whose code or data decide a simulation's figures (see the module doc)."""
    import importlib

    digest = hashlib.sha256()
    for name in _PACKAGES:
        folder = Path(importlib.import_module(name).__file__ or ".").parent
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
                info = path.stat()
                digest.update(f"{path.relative_to(folder)}:{info.st_size}:{info.st_mtime_ns};".encode())
    return digest.hexdigest()


def _folder() -> Path:
    from simulator.paths import cache_dir

    return cache_dir() / "lint"


def cached_simulation(source: str, runs: int, seed: int, compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``compute()``, or what it returned before for the same key (see the module doc)."""
    key = hashlib.sha256(json.dumps([source, runs, seed, code_stamp()]).encode("utf-8")).hexdigest()
    path = _folder() / f"bots-{key}.json"
    try:
        with open(path, encoding="utf-8") as handle:
            entry = json.load(handle)
        if isinstance(entry, dict) and entry.get("key") == key and isinstance(entry.get("report"), dict):
            return entry["report"]
    except (OSError, ValueError):
        pass
    report = compute()
    _store(path, {"key": key, "report": report})
    return report


def _store(path: Path, entry: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(entry, out, separators=(",", ":"))
        os.replace(temp, path)
        entries = sorted(path.parent.glob("bots-*.json"), key=lambda p: p.stat().st_mtime)
        for stale in entries[: max(0, len(entries) - LIMIT)]:
            stale.unlink(missing_ok=True)
    except (OSError, TypeError, ValueError):
        pass  # no cache: lint simply simulates again next time
