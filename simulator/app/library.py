"""The scenario library: every scenario file in the pack, valid or broken, in curriculum order.

Contract: ``Library(folder, extra)`` does no I/O until ``load()``; ``extra`` holds more scenario
files and folders (the user's own scenario folder, ``--pack DIR``), read beside ``folder``; a
missing extra folder is simply empty; ``load()`` (also used by F5)
reads every file again, never raises for bad content, and keeps broken files as entries with their
first problem; a file whose scenario id an earlier one has (the shipped folder is read first, then
``extra`` in order) is broken too, so a trainer's copy of a call never hides the original.
Order: ``curriculum.yaml`` stages when the file is present and valid, then the rest
by difficulty then title; broken files last. ``find(id)`` / ``find_path(path)`` look entries up.
``language`` (e.g. 'es'): a scenario with a translation ``<name>.<lang>.yaml`` is loaded in that
language (``simulator.i18n.api.load_scenario_translated``: the source's structure and content
hash, '[EN] ' before a text that falls back to English); one without stays in English; a
translation that does not load is logged and the English scenario is used.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.content.cache import ParseCache
    from simulator.content.curriculum import Stage
    from simulator.content.loader import LoadedScenario
    from simulator.i18n.api import TranslatedScenario

log = logging.getLogger(__name__)

DIFFICULTY_ORDER = {"beginner": 0, "intermediate": 1, "advanced": 2}
CURRICULUM_FILES = ("curriculum.yaml", "curriculum.yml")


@dataclass(frozen=True)
class LibraryEntry:
    path: Path
    loaded: LoadedScenario | TranslatedScenario | None
    error: str = ""
    stage: str = ""

    @property
    def ok(self) -> bool:
        return self.loaded is not None

    @property
    def id(self) -> str:
        return self.loaded.scenario.id if self.loaded else f"broken:{self.path.name}"

    @property
    def title(self) -> str:
        return self.loaded.scenario.title if self.loaded else self.path.name


def read_curriculum(folder: Path) -> list[Stage]:
    """Stages from ``folder/curriculum.yaml``; [] (with a warning) when missing or malformed."""
    from simulator.content.curriculum import load_curriculum
    from simulator.content.problems import ContentError

    for name in CURRICULUM_FILES:
        path = folder / name
        if not path.is_file():
            continue
        try:
            return list(load_curriculum(path).stages)
        except ContentError as error:
            log.warning("curriculum ignored: %s", error.first.format())
        return []
    return []


class Library:
    def __init__(self, folder: Path, extra: Collection[Path] = (), principle_ids: Collection[str] = (),
                 cache: ParseCache | None = None, language: str = "en"):
        self.folder = Path(folder)
        self.language = language
        self.cache = cache
        self.extra = [Path(p) for p in extra]
        self.principle_ids = tuple(principle_ids)
        self.entries: list[LibraryEntry] = []
        self.stages: list[Stage] = []
        self.loaded_once = False

    def load(self) -> None:
        """(Re)read every scenario file; broken ones become entries with their first error."""
        from simulator.authoring.playable import unplayable
        from simulator.content.files import discover
        from simulator.content.loader import load_scenario
        from simulator.content.problems import ContentError

        paths = discover([self.folder]) if self.folder.is_dir() else []
        for source in self.extra:
            found = discover([source]) if source.is_dir() else [source] if source.suffix else []
            known = {q.resolve() for q in paths}
            paths += [p for p in found if p.resolve() not in known]
        good: list[LibraryEntry] = []
        broken: list[LibraryEntry] = []
        first_with_id: dict[str, Path] = {}  # scenario id -> the file that has it (results are kept by id)
        for path in paths:
            root = self.folder if self.folder in path.parents else path.parent
            try:
                loaded = load_scenario(path, self.principle_ids, root, self.cache)
            except ContentError as error:
                broken.append(LibraryEntry(path, None, error.first.format()))
                log.warning("scenario %s is broken: %s", path, error.first.format())
                continue
            first = first_with_id.setdefault(loaded.id, path)
            if first != path:
                broken.append(LibraryEntry(path, None, _taken_id(loaded, first)))
                log.warning("scenario %s is broken: %s", path, broken[-1].error)
                continue
            traps = unplayable(loaded)
            if traps:
                broken.append(LibraryEntry(path, None, traps[0].format()))
                log.warning("scenario %s cannot end: %s", path, traps[0].format())
            else:
                good.append(LibraryEntry(path, self._in_language(loaded)))
        self.stages = read_curriculum(self.folder) if self.folder.is_dir() else []
        self.entries = self._ordered(good) + sorted(broken, key=lambda e: e.path.name)
        self.loaded_once = True

    def _in_language(self, loaded: LoadedScenario) -> LoadedScenario | TranslatedScenario:
        """``loaded`` in the library's language when it has a translation that loads."""
        return in_language(loaded, self.language, self.principle_ids)

    def _ordered(self, good: list[LibraryEntry]) -> list[LibraryEntry]:
        by_id = {entry.id: entry for entry in good}
        ordered: list[LibraryEntry] = []
        for stage in self.stages:
            for scenario_id in stage.scenarios:
                entry = by_id.pop(scenario_id, None)
                if entry is not None:
                    ordered.append(LibraryEntry(entry.path, entry.loaded, "", stage.name))
        rest = sorted(by_id.values(), key=_difficulty_key)
        return ordered + rest

    def find(self, scenario_id: str) -> LibraryEntry | None:
        return next((e for e in self.entries if e.ok and e.id == scenario_id), None)

    def find_path(self, path: Path) -> LibraryEntry | None:
        target = Path(path).resolve()
        return next((e for e in self.entries if e.path.resolve() == target), None)


def in_language(loaded: LoadedScenario, language: str,
                principle_ids: Collection[str]) -> LoadedScenario | TranslatedScenario:
    """``loaded`` (a source scenario) with its ``language`` texts when it has a translation that
    loads; else ``loaded`` itself (a broken translation is logged, never raised). The game's library
    and the terminal player (``play --text``) both pick a call's language this way."""
    if language == "en":
        return loaded
    from simulator.content.problems import ContentError
    from simulator.i18n.api import available_languages, load_scenario_translated

    if language not in available_languages(loaded.path):
        return loaded
    try:
        return load_scenario_translated(loaded.path, language, principle_ids)
    except ContentError as error:
        log.warning("translation %r of %s not used: %s", language, loaded.path, error.first.format())
        return loaded


def _taken_id(loaded: LoadedScenario, first: Path) -> str:
    """The problem of a file whose scenario id an earlier file already has, at its ``id:`` line."""
    return loaded.document.problem(("id",), f"scenario id '{loaded.id}' is already used by {first}",
                                   "give this scenario its own id (a copy of a call needs a new one)",
                                   key=True).format()


def _difficulty_key(entry: LibraryEntry) -> tuple[int, str]:
    scenario = entry.loaded.scenario  # type: ignore[union-attr]
    return DIFFICULTY_ORDER.get(scenario.difficulty.value, 9), scenario.title.lower()
