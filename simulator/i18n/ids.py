"""Stable ids for every translatable text of a scenario, derived from its YAML structure.

Contract: ``scenario_entries(scenario, data)`` lists one ``TextEntry`` per text a player reads, in
file order, each with an id that depends only on node ids, choice ids and variant positions (never
on where a node or choice sits in the file), so reordering nodes or choices keeps every id:

    scenario/title  scenario/summary  customer/situation
    node/<node>/speaker  node/<node>/narration  node/<node>/line/<k>
    node/<node>/choice/<choice>/text  .../feedback  .../locked_hint
    node/<node>/ending/title  node/<node>/ending/debrief/<k>
    details/<group>/<k>  details/<group>/<k>/<field>

``<k>`` is the variant's position (0 for a plain-text line or debrief): variants are tried in
order, so their position is part of their meaning. A ``details`` alternative (picked per run from the
seed, ``simulator.content.details``) is one text when it is text, or one text per field when it is a
mapping; ``<k>`` is its position in its group, which is what the seed picks, so the same seed
picks the same alternative in every language. ``yaml_path`` says where the text sits in the
raw data (a plain-text line is ``(..., "line")``, a variant ``(..., "line", k, "text")``), for
positions in messages and for writing a translated copy; ``model_path`` where it sits in the
model's ``model_dump()`` (always ``(..., "line", k, "text")``). ``text_hash(text)`` is a short sha256 of a
source text: a translation stores it to notice later that its source line changed.

Not translatable on purpose: ids, the customer's name, ``also:`` phrasings (open-answer matching is
English-only), conditions, asset paths.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from simulator.content.models import Choice, Node, Scenario

HASH_CHARS = 12


@dataclass(frozen=True)
class TextEntry:
    """One translatable text: its id, kind (a ``limits.TEXT_BUDGETS`` key or 'speaker'/'hint'),
    source text, where it sits in the raw data, and context for a translator."""

    id: str
    kind: str
    text: str
    yaml_path: tuple[str | int, ...]
    model_path: tuple[str | int, ...]
    node: str | None = None
    speaker: str | None = None
    grades: tuple[tuple[str, int], ...] = ()
    when: str | None = None
    placeholder: str | None = None  # for a 'detail': the {placeholder} it fills

    @property
    def hash(self) -> str:
        return text_hash(self.text)


def text_hash(text: str) -> str:
    """The first 12 hex digits of the sha256 of ``text`` (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


def line_id(node_id: str, index: int = 0) -> str:
    return f"node/{node_id}/line/{index}"


def choice_text_id(node_id: str, choice_id: str, field: str = "text") -> str:
    """``field`` is 'text', 'feedback' or 'locked_hint'."""
    return f"node/{node_id}/choice/{choice_id}/{field}"


def debrief_id(node_id: str, index: int = 0) -> str:
    return f"node/{node_id}/ending/debrief/{index}"


def scenario_entries(scenario: Scenario, data: dict[str, Any]) -> list[TextEntry]:
    """Every translatable text of a validated ``scenario`` whose raw (parsed YAML) data is ``data``."""
    entries = [
        TextEntry("scenario/title", "title", scenario.title, ("title",), ("title",)),
        TextEntry("scenario/summary", "summary", scenario.summary, ("summary",), ("summary",)),
        TextEntry("customer/situation", "situation", scenario.customer.situation, ("customer", "situation"),
                  ("customer", "situation")),
    ]
    entries.extend(detail_entries(scenario))
    for node_id, node in scenario.nodes.items():
        entries.extend(_node_entries(node_id, node, data["nodes"][node_id], scenario.customer.name))
    return entries


def detail_id(group: str, index: int, field: str | None = None) -> str:
    """``details/<group>/<k>`` for a text alternative, ``details/<group>/<k>/<field>`` for a field."""
    return f"details/{group}/{index}" + (f"/{field}" if field else "")


def detail_entries(scenario: Scenario) -> Iterator[TextEntry]:
    """One entry per text of every ``details`` alternative (kind 'detail'), in file order,
    each naming the placeholder it fills (the group for a text alternative, else the field)."""
    for group, choices in scenario.details.items():
        for index, alternative in enumerate(choices):
            here: tuple[str | int, ...] = ("details", group, index)
            if isinstance(alternative, str):
                yield TextEntry(detail_id(group, index), "detail", alternative, here, here, placeholder=group)
                continue
            for field, text in alternative.items():
                path = (*here, field)
                yield TextEntry(detail_id(group, index, field), "detail", text, path, path, placeholder=field)


def _variant_paths(raw: Any, base: tuple[str | int, ...], count: int) -> list[tuple[str | int, ...]]:
    """Where each variant's text sits: the key itself for plain text, else ``key/k/text``."""
    if isinstance(raw, str):
        return [base]
    return [(*base, index, "text") for index in range(count)]


def _node_entries(node_id: str, node: Node, raw: dict[str, Any], customer: str) -> Iterator[TextEntry]:
    here = ("nodes", node_id)
    speaker = node.speaker or customer
    path: tuple[str | int, ...]
    if node.speaker:
        path = (*here, "speaker")
        yield TextEntry(f"node/{node_id}/speaker", "speaker", node.speaker, path, path, node_id)
    if node.narration:
        path = (*here, "narration")
        yield TextEntry(f"node/{node_id}/narration", "narration", node.narration, path, path, node_id)
    paths = _variant_paths(raw.get("line"), (*here, "line"), len(node.line))
    for index, (variant, path) in enumerate(zip(node.line, paths, strict=True)):
        when = variant.when.source if variant.when else None
        yield TextEntry(line_id(node_id, index), "line", variant.text, path, (*here, "line", index, "text"),
                        node_id, speaker, when=when)
    for position, choice in enumerate(node.choices):
        yield from _choice_entries(node_id, choice, (*here, "choices", position))
    if node.ending is not None:
        ending_path = (*here, "ending")
        title = (*ending_path, "title")
        yield TextEntry(f"node/{node_id}/ending/title", "ending title", node.ending.title, title, title, node_id)
        paths = _variant_paths(raw["ending"].get("debrief"), (*ending_path, "debrief"), len(node.ending.debrief))
        for index, (variant, path) in enumerate(zip(node.ending.debrief, paths, strict=True)):
            when = variant.when.source if variant.when else None
            yield TextEntry(debrief_id(node_id, index), "debrief", variant.text, path,
                            (*ending_path, "debrief", index, "text"), node_id, when=when)


def _choice_entries(node_id: str, choice: Choice, path: tuple[str | int, ...]) -> Iterator[TextEntry]:
    grades = tuple(choice.grades.items())
    for field, kind in (("text", "option"), ("feedback", "feedback"), ("locked_hint", "hint")):
        text = getattr(choice, field)
        if text:
            where = (*path, field)
            yield TextEntry(choice_text_id(node_id, choice.id, field), kind, text, where, where, node_id,
                            grades=grades)


def set_at(data: Any, path: tuple[str | int, ...], value: str) -> None:
    """Replace the value at ``path`` in nested plain data (the path must exist)."""
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def get_at(data: Any, path: tuple[str | int, ...]) -> Any:
    """The value at ``path`` in nested plain data, or None when a step is missing."""
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data
