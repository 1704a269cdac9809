"""Answers of read-only commands (``validate``, ``lint``, ``explore``) kept for unchanged input.

A trainer re-runs these on files they have not touched (an editor's check on save, a script over a
folder, CI over the shipped library); the answer is a pure function of the command line, the files
it reads and our code, so it is printed again from the user cache instead of being worked out again
(most of a fresh answer is importing pydantic and building our content models: see BENCHMARKS.md).

Contract: ``answer(command, words, inputs, compute) -> int`` returns ``compute()``'s exit code after
it printed its output, or, when an answer is stored under the same key, prints that answer's
standard output and standard error (in the order they were written) and returns its exit code
without calling ``compute``. The key (``answer_key``) is a sha256 of:

- the command, its words as typed, how it was started (``paths.command_name()``: hints name it),
  the working folder and the language variables (``LANG``,
  ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``) and every ``FRONTLINE_*`` variable;
- for every input (a file or a folder): its resolved path; every ``.yaml``/``.yml`` file under its
  folder (a file's own folder: translations, plans and sources beside it) by content (sha256), and
  every other entry there by name, size and modification time (portraits, sounds); a symlink by its
  target's name, type, size and time (never read: it may point at a device or a pipe);
- ``code_stamp()``: name, size and modification time of every file of the ``simulator``,
  ``scoring`` and ``assets`` packages (the principles catalog and fonts included), of the installed
  pydantic (with pydantic-core, annotated-types, typing-extensions, typing-inspection), PyYAML,
  yaml-rs, transitions and pygame, and the Python version.

Anything it cannot stamp cheaply (more than ``MAX_ENTRIES`` entries or ``MAX_HASHED_BYTES`` of YAML
under an input's folder, an input that does not exist) means no caching: the command simply runs.
An answer is stored only when ``compute`` returned normally with at most ``MAX_ANSWER_BYTES`` of
output and logged no warning (a warning is news once, never replayed). Entries are JSON in
``paths.cache_dir() / "answers"``, written atomically, at most ``LIMIT`` kept; a damaged or
foreign entry is ignored (the command runs and replaces it); nothing here raises for a cache
problem. ``FRONTLINE_NO_ANSWER_CACHE=1`` (or a command's ``--no-cache``) turns it off, and so does a
closed standard output or error (``>&-``: the command runs and writes nothing there).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TextIO

LIMIT = 300
MAX_ENTRIES = 2_000
MAX_HASHED_BYTES = 32 * 1024 * 1024
MAX_ANSWER_BYTES = 4 * 1024 * 1024
FORMAT = 1
OFF_VARIABLE = "FRONTLINE_NO_ANSWER_CACHE"
LANGUAGE_VARIABLES = ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")
CODE_PACKAGES = ("simulator", "scoring", "assets")
DEPENDENCIES = ("pydantic", "pydantic_core", "annotated_types", "typing_extensions", "typing_inspection", "yaml",
                "yaml_rs", "transitions", "pygame")
YAML_SUFFIXES = (".yaml", ".yml")


class Unstampable(Exception):
    """An input whose state cannot be stamped cheaply and surely: run the command instead."""


def _walk(folder: Path, budget: list[int]) -> Iterator[tuple[str, os.stat_result]]:
    """(path relative to ``folder``, stat) of every entry under it, sorted; Unstampable past the budget."""
    stack = [folder]
    while stack:
        current = stack.pop()
        with os.scandir(current) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                budget[0] -= 1
                if budget[0] < 0:
                    raise Unstampable(f"more than {MAX_ENTRIES} entries under {folder}")
                if entry.name == "__pycache__":
                    continue
                info = entry.stat(follow_symlinks=False)
                yield os.path.relpath(entry.path, folder), info
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))


def _folder_stamp(folder: Path, digest: Any, hash_yaml: bool) -> None:
    """Feed ``digest`` with every entry under ``folder`` (YAML files by content when ``hash_yaml``)."""
    budget, hashed = [MAX_ENTRIES], 0
    for name, info in _walk(folder, budget):
        digest.update(f"{name}\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
        if stat.S_ISLNK(info.st_mode):
            digest.update(_link_stamp(folder / name))
        elif hash_yaml and stat.S_ISREG(info.st_mode) and name.endswith(YAML_SUFFIXES) and info.st_size > 0:
            hashed += info.st_size
            if hashed > MAX_HASHED_BYTES:
                raise Unstampable(f"more than {MAX_HASHED_BYTES} bytes of YAML in {folder}")
            digest.update(hashlib.sha256((folder / name).read_bytes()).digest())


def _link_stamp(link: Path) -> bytes:
    """A symlink by its target's name and the target's type, size and time: never by reading it."""
    try:
        target, info = os.readlink(link), os.stat(link)
    except OSError as error:  # dangling, a loop, no permission
        return f"link\0{error.errno}\0".encode()
    return f"link\0{target}\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}\0".encode()


@cache
def code_stamp() -> str:
    """A digest of our code and shipped data, the dependencies that shape an answer, and Python."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{sys.executable}\0".encode())
    for name in (*CODE_PACKAGES, *DEPENDENCIES):
        spec = find_spec(name)
        locations = list(spec.submodule_search_locations or ()) if spec else []
        origin = spec.origin if spec and spec.origin and not locations else None
        digest.update(f"{name}\0{origin}\0{locations}\0".encode())
        if origin and os.path.isfile(origin):
            info = os.stat(origin)
            digest.update(f"{info.st_size}\0{info.st_mtime_ns}\0".encode())
        for location in locations:
            if name in CODE_PACKAGES:
                _folder_stamp(Path(location), digest, hash_yaml=False)
            else:  # a dependency: its top-level files are rewritten by any install or upgrade
                with os.scandir(location) as entries:
                    for entry in sorted(entries, key=lambda e: e.name):
                        if entry.is_file():
                            info = entry.stat()
                            digest.update(f"{entry.name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def answer_key(command: str, words: Sequence[str], inputs: Iterable[Path]) -> str:
    """The key of an answer (see the module doc); Unstampable or OSError when an input cannot be stamped."""
    from simulator.paths import command_name

    environment = {k: v for k, v in os.environ.items() if k in LANGUAGE_VARIABLES or k.startswith("FRONTLINE_")}
    digest = hashlib.sha256(json.dumps([FORMAT, command, list(words), command_name(), os.getcwd(),
                                        sorted(environment.items()), code_stamp()]).encode("utf-8"))
    for path in inputs:
        resolved = Path(path).resolve(strict=True)
        folder = resolved if resolved.is_dir() else resolved.parent
        digest.update(f"\0input\0{resolved}\0".encode())
        _folder_stamp(folder, digest, hash_yaml=True)
    return digest.hexdigest()


def _folder() -> Path:
    from simulator.paths import cache_dir

    return cache_dir() / "answers"


def _stored(path: Path, key: str) -> tuple[int, list[tuple[str, str]]] | None:
    """The answer in ``path`` when it is a sound entry for ``key``, else None."""
    try:
        if path.stat().st_size > 2 * MAX_ANSWER_BYTES:
            return None
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key or not isinstance(entry.get("code"), int):
        return None
    chunks = entry.get("output")
    if not isinstance(chunks, list) or not all(
            isinstance(c, list) and len(c) == 2 and c[0] in ("out", "err") and isinstance(c[1], str) for c in chunks):
        return None
    return entry["code"], [(stream, text) for stream, text in chunks]


class _Recorder:
    """A text stream that writes through to ``target`` and records what was written, in order."""

    def __init__(self, target: TextIO, name: str, chunks: list[tuple[str, str]]) -> None:
        self.target, self.name, self.chunks = target, name, chunks

    def write(self, text: str) -> int:
        self.chunks.append((self.name, text))
        return self.target.write(text)

    def __getattr__(self, attribute: str) -> Any:  # flush, isatty, encoding...: the real stream's
        return getattr(self.target, attribute)


def _store(path: Path, key: str, code: int, chunks: list[tuple[str, str]]) -> None:
    if sum(len(text) for _, text in chunks) > MAX_ANSWER_BYTES:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"key": key, "code": code, "output": chunks}, out, separators=(",", ":"))
        os.replace(temp, path)
        entries = sorted(path.parent.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for stale in entries[: max(0, len(entries) - LIMIT)]:
            stale.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass  # no cache: the command simply runs again next time


def answer(command: str, words: Sequence[str], inputs: Iterable[Path], compute: Callable[[], int]) -> int:
    """The command's exit code, its output printed (from the store when unchanged; see the module doc)."""
    if os.environ.get(OFF_VARIABLE, "") not in ("", "0") or sys.stdout is None or sys.stderr is None:
        return compute()  # off, or a standard stream closed ('>&-': print() then writes nothing)
    try:
        key = answer_key(command, words, inputs)
    except (Unstampable, OSError, RuntimeError):
        return compute()
    path = _folder() / f"{command}-{key}.json"
    stored = _stored(path, key)
    if stored is not None:
        code, kept = stored
        for stream, text in kept:
            (sys.stdout if stream == "out" else sys.stderr).write(text)
        return code
    chunks: list[tuple[str, str]] = []
    real = sys.stdout, sys.stderr
    warnings = _WarningCount()
    warnings.start()  # before the streams are swapped: logging's own stderr handler keeps the real one
    sys.stdout, sys.stderr = _Recorder(real[0], "out", chunks), _Recorder(real[1], "err", chunks)
    try:
        code = compute()
    finally:
        warnings.stop()
        sys.stdout, sys.stderr = real
    if not warnings.count:  # a warning (a damaged cache moved aside...) is news once: never replayed
        _store(path, key, code, chunks)
    return code


class _WarningCount:
    """Counts the warnings and errors logged anywhere while an answer is worked out."""

    def __init__(self) -> None:
        import logging

        self.count = 0
        self.handler = logging.Handler(logging.WARNING)
        self.handler.emit = self._emit  # type: ignore[method-assign]

    def _emit(self, record: object) -> None:
        self.count += 1

    def start(self) -> None:
        """Count from now on. Logging is configured first (``simulator.util.configure_logging``):
        with only this handler on the root logger, Python would print no warning at all."""
        import logging

        from simulator.util import configure_logging

        configure_logging()
        logging.getLogger().addHandler(self.handler)

    def stop(self) -> None:
        import logging

        logging.getLogger().removeHandler(self.handler)
