"""Translations against their source: writing one, checking one, and loading one for play.

Contract:
* ``Translation(text, status, hash, note)`` is one translated text; ``build_translated(source,
  translations, lang)`` returns the translated file's YAML text (same structure, translated texts; a
  missing text keeps the source text with ``status: missing``; ``voices`` keys follow their
  speakers' translated names, ``simulator.i18n.voices``).
* ``check_translation(path, catalog_ids)`` reads ``<name>.<lang>.yaml`` and its source and returns a
  ``TranslationCheck``: the validated translated model, its block, the structural problems and, per
  text id, its state ('translated', 'stale', 'fuzzy' or 'missing'). Raises ``ContentError`` when
  either file does not load.
* ``apply_translation(source, check, marker)`` builds the model a player sees: the source's structure
  with each current translation; every other text (missing, fuzzy, stale) is the source text with
  ``marker`` in front (``FALLBACK_MARKER``, '[EN] ', unless the caller passes another or '').
  Stale and fuzzy translations are never shown: their source changed or a translator doubted them.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from simulator.content.problems import ContentError, Problem
from simulator.content.yaml_reader import YamlDocument
from simulator.i18n.files import EntryMeta, Status, TranslationMeta, dump_translated, read_translated
from simulator.i18n.ids import get_at, set_at
from simulator.i18n.placeholders import placeholder_problems
from simulator.i18n.sources import Source, entries_of, load_source, validate_as
from simulator.i18n.structure import structure_problems
from simulator.i18n.voices import follow_speakers

FALLBACK_MARKER = "[EN] "


@dataclass(frozen=True)
class Translation:
    text: str
    status: Status
    hash: str  # text_hash of the source text that was translated
    note: str | None = None


@dataclass(frozen=True)
class TranslationCheck:
    path: Path
    source: Source
    meta: TranslationMeta
    document: YamlDocument
    model: BaseModel
    texts: dict[str, str]  # text id -> the translated file's text
    problems: tuple[Problem, ...]  # structural differences from the source

    @property
    def language(self) -> str:
        return self.meta.language

    def state(self, text_id: str) -> str:
        """'translated', 'stale' (the source text changed since), 'fuzzy' or 'missing'."""
        meta = self.meta.entries.get(text_id)
        entry = self.source.entry(text_id)
        if meta is None or meta.status == "missing" or text_id not in self.texts or entry is None:
            return "missing"
        if meta.hash != entry.hash:
            return "stale"
        return meta.status

    def states(self) -> dict[str, str]:
        return {entry.id: self.state(entry.id) for entry in self.source.entries}


def _header(source: Source, lang: str) -> str:
    return (f"The '{lang}' translation of {source.path.name}, written by 'i18n import'. Edit the PO file and\n"
            "import it again rather than this file: only texts may differ from the source (lint checks it).\n"
            "Entries whose status is missing hold the source text; the game marks them.")


def build_translated(source: Source, translations: dict[str, Translation], lang: str) -> str:
    """The translated file's text for ``source`` with ``translations`` (by text id)."""
    data = copy.deepcopy(source.document.data)
    entries: dict[str, EntryMeta] = {}
    for entry in source.entries:
        found = translations.get(entry.id)
        if found is None or found.status == "missing" or not found.text:
            note = found.note if found else None
            entries[entry.id] = EntryMeta(hash=entry.hash, status="missing", note=note)
            continue
        set_at(data, entry.yaml_path, found.text)
        entries[entry.id] = EntryMeta(hash=found.hash, status=found.status, note=found.note)
    follow_speakers(data, source.entries)  # a voice follows its speaker's translated name
    meta = TranslationMeta(language=lang, source=source.path.name, entries=entries)
    return dump_translated(data, meta, _header(source, lang))


def check_translation(path: Path, source_path: Path, catalog_ids: Collection[str]) -> TranslationCheck:
    """Load translation ``path`` of ``source_path`` and compare them (see the module doc)."""
    source = load_source(source_path, catalog_ids)
    document, meta = read_translated(Path(path), Path(source_path).parent)
    if meta.source != source.path.name:
        raise ContentError([document.problem(("translation", "source"), f"this translation names "
                                             f"'{meta.source}' as its source, not {source.path.name}",
                                             f"set 'source: {source.path.name}' or rename the file")])
    model = validate_as(source.kind, document, catalog_ids)
    entries = entries_of(source.kind, model, document.data)
    texts = {entry.id: entry.text for entry in entries}
    problems = structure_problems(source.model, source.entries, model, entries, document)
    problems += placeholder_problems(source.entries, entries, document)  # details' {placeholders} kept
    return TranslationCheck(Path(path), source, meta, document, model, texts, tuple(problems))


def apply_translation(check: TranslationCheck, marker: str = FALLBACK_MARKER) -> tuple[BaseModel, dict[str, str]]:
    """The model to play (source structure, current translations, marked fallbacks) and, per text
    id shown in the source language, why ('missing', 'fuzzy' or 'stale')."""
    source = check.source
    fallbacks = {text_id: state for text_id, state in check.states().items() if state != "translated"}
    for attempt_marker in dict.fromkeys((marker, "")):
        data = copy.deepcopy(source.document.data)
        for entry in source.entries:
            if entry.id in fallbacks:
                if attempt_marker:
                    set_at(data, entry.yaml_path, attempt_marker + str(get_at(data, entry.yaml_path)))
            else:
                set_at(data, entry.yaml_path, check.texts[entry.id])
        follow_speakers(data, source.entries)
        document = dataclasses.replace(source.document, data=data)
        try:
            return validate_as(source.kind, document, source.catalog_ids), fallbacks
        except ContentError:
            if not attempt_marker:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def untranslated(check: TranslationCheck) -> dict[str, Any]:
    """Counts per state, for reports: {'translated': n, 'stale': n, 'fuzzy': n, 'missing': n}."""
    counts = dict.fromkeys(("translated", "stale", "fuzzy", "missing"), 0)
    for state in check.states().values():
        counts[state] += 1
    return counts
