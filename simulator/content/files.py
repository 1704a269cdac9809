"""Reading untrusted content files safely, and finding them in a pack folder.

Contract: ``read_content(path, root)`` returns the decoded text of a regular file that lies inside
``root`` (after resolving symlinks), is at most ``MAX_FILE_BYTES`` long and is strict UTF-8 (a
BOM is dropped; CRLF is left for the YAML parser), or raises ``ContentError`` with one problem.
``discover(paths)`` expands folders into their ``*.yaml``/``*.yml`` files in a stable order.
``safe_asset_path(ref, base)`` says whether an asset reference stays inside ``base``;
``resolve_asset(ref, bases)`` finds it and ``asset_loop(ref, bases)`` says where it loops.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Collection
from pathlib import Path, PurePosixPath

from simulator.content.limits import MAX_FILE_BYTES
from simulator.content.problems import ContentError, Problem

SUFFIXES = (".yaml", ".yml")
RESERVED_NAMES = frozenset({"curriculum.yaml", "curriculum.yml"})  # pack files that are not scenarios
TRANSLATION_NAME = re.compile(r"(?P<stem>[^.]+)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.ya?ml")


def _fail(file: Path | str, message: str, hint: str, line: int = 0, column: int = 0) -> ContentError:
    return ContentError([Problem(str(file), line, column, message, hint)])


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def read_bytes(path: Path, root: Path | None = None) -> bytes:
    """Raw bytes of a safe content file (see module doc for what "safe" means)."""
    root = (root or path.parent).resolve()
    try:
        info = os.stat(path)  # follows symlinks: the target is what gets read
    except OSError as error:
        raise _fail(path, f"cannot open the file: {error.strerror}", "check the path exists") from None
    if not _inside(path.resolve(), root):
        raise _fail(path, "the file lies outside the scenario folder (a symlink points out)",
                    "copy the file into the scenario folder instead of linking to it")
    if not stat.S_ISREG(info.st_mode):
        raise _fail(path, "not a regular file (a folder, pipe or device)",
                    "scenario files must be ordinary .yaml files")
    if info.st_size > MAX_FILE_BYTES:
        raise _fail(path, f"the file is {info.st_size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit",
                    "split the scenario into smaller ones")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _fail(path, f"cannot read the file: {error.strerror}", "check the file's permissions") from None
    if len(data) > MAX_FILE_BYTES:
        raise _fail(path, "the file grew past the size limit while being read", "split the scenario")
    return data


def decode(data: bytes, file: str) -> str:
    """Strict UTF-8 text; a leading BOM is dropped. Raises ContentError naming the bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise _fail(file, "the file contains NUL bytes: it looks binary, not text",
                    "save the scenario as plain UTF-8 text", line, 1)
    try:
        return data.decode("utf-8", "strict")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise _fail(file, f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
                    "save the file as UTF-8 in your editor", line, column) from None


def read_content(path: Path, root: Path | None = None) -> tuple[str, str]:
    """Text of a safe content file and the sha256 of its bytes."""
    data = read_bytes(path, root)
    return decode(data, str(path)), hashlib.sha256(data).hexdigest()


def discover(paths: list[Path]) -> list[Path]:
    """Every scenario file named or found under the folders named, sorted, without duplicates.

    Folders are walked without following symlinked sub-folders; hidden files and folders,
    files ending in ``.plan.yaml`` (test plans), translations (``<name>.<lang>.yaml`` beside
    ``<name>.yaml``) and the pack's ``curriculum.yaml`` are skipped.
    Files named directly are kept whatever their suffix so that the loader can report on them.
    """
    found: list[Path] = []
    for path in paths:
        found += _content_files(path, translations=False) if path.is_dir() else [path]
    return list(dict.fromkeys(found))


def discover_translations(paths: list[Path]) -> list[Path]:
    """The translations (``<name>.<lang>.yaml`` beside ``<name>.yaml``) under the folders named,
    sorted (files named directly are ``discover``'s), for the commands that check them."""
    return list(dict.fromkeys(p for path in paths if path.is_dir() for p in _content_files(path, translations=True)))


def _content_files(folder: Path, translations: bool) -> list[Path]:
    """Scenario files (or, with ``translations``, only translations) under ``folder``, walked without
    following symlinked sub-folders or entering hidden ones, sorted."""
    found: list[Path] = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(here) / name for name in sorted(files)
                  if _is_scenario_name(name) and is_translation_name(name, files) == translations]
    return found


def _is_scenario_name(name: str) -> bool:
    return (name.endswith(SUFFIXES) and not name.startswith(".") and not is_plan(name)
            and name not in RESERVED_NAMES)


def is_translation_name(name: str, siblings: Collection[str]) -> bool:
    """True for ``<stem>.<lang>.yaml`` (``lang`` a tag such as ``es`` or ``pt-BR``) when ``<stem>.yaml``
    or ``<stem>.yml`` is among ``siblings``: a translation of that scenario (``simulator.i18n``),
    never a scenario of its own."""
    match = TRANSLATION_NAME.fullmatch(name)
    return match is not None and any(f"{match['stem']}{suffix}" in siblings for suffix in SUFFIXES)


def translation_source(path: Path) -> Path | None:
    """The source file of translation ``path`` (``x.es.yaml`` -> ``x.yaml`` when that exists), or None."""
    match = TRANSLATION_NAME.fullmatch(Path(path).name)
    if match is None:
        return None
    for suffix in SUFFIXES:
        candidate = Path(path).with_name(match["stem"] + suffix)
        if candidate.is_file():
            return candidate
    return None


def is_plan(name: str) -> bool:
    return name.endswith((".plan.yaml", ".plan.yml"))


def safe_asset_path(ref: str) -> str | None:
    """Why ``ref`` may not be used as an asset reference, or None when it is a safe relative path."""
    if "\\" in ref or ":" in ref or "\x00" in ref:
        return "use forward slashes and no drive letters or colons"
    pure = PurePosixPath(ref)
    if pure.is_absolute():
        return "use a path relative to the scenario folder, not an absolute one"
    if any(part in ("..", "") for part in ref.split("/")):
        return "remove '..' and empty parts: assets must stay inside the scenario pack"
    if any(part.startswith(".") for part in pure.parts):
        return "hidden files and folders cannot be used as assets"
    return None


def resolve_asset(ref: str, bases: list[Path]) -> Path | None:
    """First existing regular file for a safe ``ref`` under one of ``bases``, staying inside it."""
    if safe_asset_path(ref) is not None:
        return None
    for base in bases:
        try:
            root = base.resolve()
            candidate = (root / ref).resolve()
            if _inside(candidate, root) and candidate.is_file():
                return candidate
        except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13): refused
            continue
    return None


def asset_loop(ref: str, bases: list[Path]) -> Path | None:
    """The first ``base / ref`` whose symlinks loop back on themselves (so ``resolve_asset`` refused
    it), or None. Lets callers say "loops" instead of "not found"."""
    import errno

    if safe_asset_path(ref) is not None:
        return None
    for base in bases:
        candidate = base / ref
        try:
            os.stat(candidate)
        except OSError as error:
            if error.errno == errno.ELOOP:
                return candidate
    return None
