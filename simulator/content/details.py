"""Surface details that vary from run to run (``details:`` in a scenario file).

A replay should test skill, not memory: the customer's name, the amounts, dates, account numbers
and product names may change between runs while the conversation's logic stays the same.

Format (``docs/scenario-format.md``, "Details"): ``details`` maps a *group* name to two or more
*alternatives*. An alternative is either text (the group is then one placeholder, written
``{group}``) or a mapping of fields to text (each field is a placeholder ``{field}``, and every
alternative of the group sets the same fields, so facts that belong together, such as a name and
its pronoun or amounts that add up, are always chosen together). A run picks one alternative per
group from its seed and every text a player reads is filled with it.

Contract:
* ``PLACEHOLDER`` matches ``{name}`` where name is a lowercase identifier (letters, digits, ``_``);
  any other brace is literal text, and texts of a scenario without ``details`` are never changed.
* ``alternatives(scenario)`` -> ``{group: (alternative as {placeholder: value}, ...)}``.
* ``choose_indexes(scenario, seed)`` -> the alternative index per group (in file order), a pure
  function of the seed text and the group names (BLAKE2), so the same seed gives the same details
  on every machine; ``details_for(scenario, indexes)`` -> ``{placeholder: value}``;
  ``pick_details(scenario, seed)`` is both; ``indexes_of(scenario, details)`` inverts
  ``details_for`` (None when the details no longer match the file); ``first_variant(scenario)`` is
  the scenario filled with every group's first alternative (what lint reads).
* ``fill_text(text, details)`` replaces every placeholder found in ``details`` (others are left as
  written); ``fill_scenario(scenario, details)`` returns the scenario with every text filled (the
  same object when ``details`` is empty): node lines, narration, speakers, options, hints,
  feedback, ending titles and debriefs, and the customer's name and situation; ``fill_value``
  does the same for any part of a scenario (an ``Ending``, a ``Choice``...).
* ``placeholders_in(value)``: the placeholders used anywhere in a node, an ending or a scenario.
* ``player_texts(scenario)`` yields ``(kind, yaml path, text)`` for every text that is filled per
  run (``kind`` names its screen budget in ``simulator.authoring.limits.TEXT_BUDGETS`` where it has
  one), and ``UNFILLED_FIELDS`` the texts shown before a run picks its details.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from typing import Any, cast

from pydantic import BaseModel

from simulator.content.models import Node, Scenario

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]{0,31})\}")
UNFILLED_FIELDS = (("title",), ("summary",))  # shown on the picker, before a run has a seed
Alternative = dict[str, str]
TextPath = tuple[str | int, ...]


def placeholders(text: str) -> list[str]:
    """The placeholder names written in ``text``, in order (repeats included)."""
    return PLACEHOLDER.findall(text)


def has_placeholders(node: Node) -> bool:
    """Whether a node's line, narration or options hold a placeholder (what a timer must allow for)."""
    texts = [node.narration or "", *(v.text for v in node.line), *(c.text for c in node.choices)]
    return any(PLACEHOLDER.search(text) for text in texts)


def alternatives(scenario: Scenario) -> dict[str, tuple[Alternative, ...]]:
    """Each group's alternatives as ``{placeholder: value}`` mappings (text ones under the group name)."""
    return {group: tuple(_as_mapping(group, alternative) for alternative in choices)
            for group, choices in scenario.details.items()}


def _as_mapping(group: str, alternative: str | Mapping[str, str]) -> Alternative:
    return {group: alternative} if isinstance(alternative, str) else dict(alternative)


def _index(seed: int | str, group: str, count: int) -> int:
    digest = hashlib.blake2b(f"details\x1f{seed}\x1f{group}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


def choose_indexes(scenario: Scenario, seed: int | str) -> tuple[int, ...]:
    """The alternative a run with ``seed`` uses in each group, in the order the file declares them."""
    return tuple(_index(seed, group, len(choices)) for group, choices in scenario.details.items())


def details_for(scenario: Scenario, indexes: tuple[int, ...]) -> dict[str, str]:
    """``{placeholder: value}`` for the alternatives at ``indexes`` (one per group, file order)."""
    chosen: dict[str, str] = {}
    for (group, choices), index in zip(scenario.details.items(), indexes, strict=True):
        chosen.update(_as_mapping(group, choices[index]))
    return chosen


def pick_details(scenario: Scenario, seed: int | str) -> dict[str, str]:
    """The details a run with ``seed`` fills in (``{}`` for a scenario without ``details``)."""
    if not scenario.details:
        return {}
    return details_for(scenario, choose_indexes(scenario, seed))


def first_variant(scenario: Scenario) -> Scenario:
    """The scenario as a run that picks every group's first alternative reads it (itself without ``details``)."""
    if not scenario.details:
        return scenario
    return fill_scenario(scenario, details_for(scenario, (0,) * len(scenario.details)))


def indexes_of(scenario: Scenario, details: Mapping[str, str]) -> tuple[int, ...] | None:
    """The indexes whose ``details_for`` equals ``details``, or None when some group has no such
    alternative (the file changed since the details were saved)."""
    found = []
    for choices in alternatives(scenario).values():
        matches = [k for k, alternative in enumerate(choices)
                   if all(details.get(name) == value for name, value in alternative.items())]
        if not matches:
            return None
        found.append(matches[0])
    indexes = tuple(found)
    return indexes if details_for(scenario, indexes) == dict(details) else None


def fill_text(text: str, details: Mapping[str, str]) -> str:
    """``text`` with each ``{name}`` found in ``details`` replaced by its value (the same string
    object when there is nothing to fill)."""
    if "{" not in text or not details:
        return text
    return PLACEHOLDER.sub(lambda match: details.get(match.group(1), match.group(0)), text)


def fill_scenario(scenario: Scenario, details: Mapping[str, str]) -> Scenario:
    """The scenario with every text filled from ``details`` (unchanged parts are shared)."""
    if not details:
        return scenario
    return cast(Scenario, fill_value(scenario, details))


def fill_value(value: Any, details: Mapping[str, str]) -> Any:
    """``value`` with its texts filled; the same object when nothing in it changed. Only text values
    change: ids and names cannot hold braces, and conditions are not text."""
    if isinstance(value, str):
        return fill_text(value, details)
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            if name == "details":
                continue
            old = getattr(value, name)
            new = fill_value(old, details)
            if new is not old:
                update[name] = new
        return value.model_copy(update=update) if update else value
    if isinstance(value, tuple):
        items = tuple(fill_value(item, details) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, dict):  # keys too: 'voices' is keyed by speaker names ("{full_name}")
        filled = {fill_value(key, details): fill_value(item, details) for key, item in value.items()}
        same = len(filled) == len(value) and all(key in value and filled[key] is value[key] for key in filled)
        return value if same else filled
    return value


def placeholders_in(value: Any) -> set[str]:
    """Every placeholder written in the texts of ``value`` (a node, an ending, a whole scenario)."""
    if isinstance(value, str):
        return set(PLACEHOLDER.findall(value)) if "{" in value else set()
    if isinstance(value, BaseModel):
        items: Any = [getattr(value, name) for name in type(value).model_fields if name != "details"]
    elif isinstance(value, dict):
        items = [*value.keys(), *value.values()]
    elif isinstance(value, tuple):
        items = value
    else:
        return set()
    found: set[str] = set()
    for item in items:
        found |= placeholders_in(item)
    return found


def player_texts(scenario: Scenario) -> Iterator[tuple[str, TextPath, str]]:
    """(kind, yaml path, text) for every text a run fills; kinds with a screen budget are named as
    in ``TEXT_BUDGETS`` ('line', 'narration', 'option', 'feedback', 'ending title', 'debrief',
    'situation'), the others 'customer name', 'speaker', 'locked hint' and 'also'."""
    yield "customer name", ("customer", "name"), scenario.customer.name
    yield "situation", ("customer", "situation"), scenario.customer.situation
    for node_id, node in scenario.nodes.items():
        here: TextPath = ("nodes", node_id)
        if node.speaker:
            yield "speaker", (*here, "speaker"), node.speaker
        if node.narration:
            yield "narration", (*here, "narration"), node.narration
        for index, variant in enumerate(node.line):
            yield "line", (*here, "line", index, "text"), variant.text
        for position, choice in enumerate(node.choices):
            at: TextPath = (*here, "choices", position)
            yield "option", (*at, "text"), choice.text
            yield "feedback", (*at, "feedback"), choice.feedback
            if choice.locked_hint:
                yield "locked hint", (*at, "locked_hint"), choice.locked_hint
            for number, other in enumerate(choice.also):
                yield "also", (*at, "also", number), other
        if node.ending is not None:
            yield "ending title", (*here, "ending", "title"), node.ending.title
            for index, variant in enumerate(node.ending.debrief):
                yield "debrief", (*here, "ending", "debrief", index, "text"), variant.text
