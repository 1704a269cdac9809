"""What the game (and any front end) calls to play a scenario or read the catalog in a language.

Contract:
* ``available_languages(path)`` lists the languages a scenario (or the catalog) has a translation
  file for, e.g. ``['es']``; the source language (``SOURCE_LANGUAGE``, 'en') is never listed.
* ``load_scenario_translated(path, lang, catalog_ids)`` returns a ``TranslatedScenario``: ``.scenario``
  has the source's structure (so grading and the engine are exactly the source's) with the ``lang``
  texts; ``.content_hash`` is the source's (results of every language compare); ``.fallbacks`` maps
  each text id shown in English to why ('missing', 'fuzzy', 'stale'); such texts start with
  ``marker`` ('[EN] ' by default; pass '' and use ``.fallbacks`` with ``simulator.i18n.ids`` to draw
  your own). ``lang`` None or 'en' gives the source itself. Raises ``ContentError`` when the source or
  the translation does not load, or when there is no translation for ``lang``.
* ``translated_catalog(lang, path=CATALOG_FILE)`` does the same for the principles catalog and
  returns a ``scoring.catalog.Catalog`` (ids unchanged).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from simulator.content.files import TRANSLATION_NAME
from simulator.content.models import Scenario
from simulator.content.problems import ContentError, Problem
from simulator.i18n.files import language_problem, translation_path
from simulator.i18n.sources import SOURCE_LANGUAGE, load_source
from simulator.i18n.translate import FALLBACK_MARKER, apply_translation, check_translation

if TYPE_CHECKING:
    from scoring.catalog import Catalog


@dataclass(frozen=True)
class TranslatedScenario:
    scenario: Scenario
    path: Path  # the source file
    content_hash: str  # the source's: a translation changes no grade
    language: str
    translation_path: Path | None = None
    fallbacks: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.scenario.id


def available_languages(path: Path) -> list[str]:
    """Languages with a ``<stem>.<lang>.yaml`` beside ``path``, sorted."""
    path = Path(path)
    found = []
    for candidate in path.parent.glob(f"{path.stem}.*{path.suffix}"):
        match = TRANSLATION_NAME.fullmatch(candidate.name)
        if match and match["stem"] == path.stem:
            found.append(match["lang"])
    return sorted(found)


def _translation_file(path: Path, lang: str) -> Path:
    problem = language_problem(lang)
    if problem is None and not translation_path(path, lang).is_file():
        problem = (f"there is no '{lang}' translation of {path.name} (looked for {translation_path(path, lang)}); "
                   f"available: {', '.join(available_languages(path)) or 'none'}")
    if problem:
        raise ContentError([Problem(str(path), 0, 0, problem, "export a PO file with 'i18n export', "
                                    "translate it and 'i18n import' it")])
    return translation_path(path, lang)


def load_scenario_translated(path: Path, lang: str | None, catalog_ids: Collection[str], *,
                             marker: str = FALLBACK_MARKER) -> TranslatedScenario:
    """The scenario at ``path`` with its ``lang`` texts (see the module doc)."""
    path = Path(path)
    if lang in (None, SOURCE_LANGUAGE):
        source = load_source(path, catalog_ids)
        return TranslatedScenario(source.model, path, source.content_hash, SOURCE_LANGUAGE)  # type: ignore[arg-type]
    translated = _translation_file(path, lang)
    check = check_translation(translated, path, catalog_ids)
    model, fallbacks = apply_translation(check, marker)
    model = spoken_in(model, lang)  # type: ignore[arg-type]
    return TranslatedScenario(model, path, check.source.content_hash, lang, translated, fallbacks)  # type: ignore[arg-type]


SPOKEN = {"es": "es-419"}  # the shipped Spanish is neutral Latin American (docs/translating.md)


def spoken_in(scenario: Scenario, lang: str) -> Scenario:
    """The played translation is voiced in its own language: every declared voice keeps its gender
    and takes ``lang``'s spoken variant (the file keeps the source's voices, which the structure
    check holds it to)."""
    if not scenario.voices:
        return scenario
    language = SPOKEN.get(lang, lang)
    voices = {name: hint.model_copy(update={"language": language}) for name, hint in scenario.voices.items()}
    return scenario.model_copy(update={"voices": voices})


def translated_catalog(lang: str | None, path: Path | None = None, *, marker: str = FALLBACK_MARKER) -> Catalog:
    """The principles catalog with its ``lang`` texts (``scoring.catalog.Catalog``)."""
    from scoring.catalog import CATALOG_FILE, load_catalog

    path = Path(path or CATALOG_FILE)
    if lang in (None, SOURCE_LANGUAGE):
        return load_catalog(path)
    check = check_translation(_translation_file(path, lang), path, ())
    model, _ = apply_translation(check, marker)
    return cast("Catalog", model)  # the translation of a catalog file validates as a Catalog
