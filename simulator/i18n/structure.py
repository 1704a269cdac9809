"""A translation may change texts only: the structural check.

Contract: ``structure_problems(source, translated, document)`` compares two validated models of the
same kind (scenarios or catalogs) with every translatable text blanked out, and returns one
``Problem`` per difference (located in the translated ``document``): nodes, choices and their
order, ``next``, grades, effects, conditions and ``when`` variants, timers, endings (outcome,
quality, variant count), the customer's state and name, principles, ids, each speaker's voice
(``voices`` compared by role, since a speaker's name is a text), and ``details``: the same groups, the
same number of alternatives, each text or a mapping with the same fields (their
texts are translatable, ``ids.detail_entries``). ``also:`` phrasings (open-answer
matching, never shown) may differ. An empty list means only texts differ.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

from simulator.content.problems import Problem
from simulator.content.yaml_reader import YamlDocument
from simulator.i18n.ids import TextEntry, set_at
from simulator.i18n.voices import voices_by_role

MAX_PROBLEMS = 50
HINT = ("a translation changes texts only: make this match the source (re-run 'i18n import' on the PO), "
        "or change the source and translate again")


def skeleton(model: BaseModel, entries: list[TextEntry] | tuple[TextEntry, ...]) -> dict[str, Any]:
    """``model.model_dump()`` with every text blanked, ``also`` phrasings dropped and ``voices``
    keyed by role (``voices_by_role``)."""
    data = copy.deepcopy(model.model_dump(mode="json"))
    if data.get("voices"):
        data["voices"] = voices_by_role(data, entries)
    for entry in entries:
        set_at(data, entry.model_path, "")
    for node in data.get("nodes", {}).values():
        for choice in node.get("choices", []):
            choice.pop("also", None)
    return data


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _diff(source: Any, translated: Any, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
    if isinstance(source, dict) and isinstance(translated, dict):
        found = []
        for key in source.keys() - translated.keys():
            found.append((path, f"'{key}' of the source is missing here"))
        for key in translated.keys() - source.keys():
            found.append(((*path, key), f"'{key}' is not in the source"))
        for key in source.keys() & translated.keys():
            found += _diff(source[key], translated[key], (*path, key))
        return found
    if isinstance(source, list) and isinstance(translated, list):
        if len(source) != len(translated):
            return [(path, f"the source has {len(source)} items here, the translation {len(translated)}")]
        return [d for index, (a, b) in enumerate(zip(source, translated, strict=True))
                for d in _diff(a, b, (*path, index))]
    if source != translated:
        return [(path, f"source has {_short(source)}, the translation {_short(translated)}")]
    return []


def _where(path: tuple[str | int, ...]) -> str:
    return "/".join(str(step) for step in path) or "the file"


def structure_problems(source: BaseModel, source_entries: tuple[TextEntry, ...], translated: BaseModel,
                       translated_entries: list[TextEntry], document: YamlDocument) -> list[Problem]:
    """Every structural difference between ``source`` and ``translated`` (see the module doc)."""
    differences = _diff(skeleton(source, source_entries), skeleton(translated, translated_entries), ())
    differences.sort(key=lambda d: document.where(d[0]))
    problems = [document.problem(path, f"{_where(path)}: {message}: a translation may change only texts", HINT)
                for path, message in differences[:MAX_PROBLEMS]]
    if len(differences) > MAX_PROBLEMS:
        problems.append(document.problem((), f"... and {len(differences) - MAX_PROBLEMS} more differences", HINT))
    return problems
