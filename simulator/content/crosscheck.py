"""Rules that span a whole scenario, checked after per-field validation.

Contract: ``crosscheck(scenario, document, principle_ids)`` returns every problem found (empty
when the scenario is consistent): the start node and every ``next`` exist, choice ids are unique
per node, principles and variables are declared, line variants end with a fallback, endings and
decisions are well formed, timers name a timeout choice, asset paths stay in the pack, and
``details`` are complete and match the placeholders the texts use (``details_check``).
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator

from simulator.content.details_check import details_problems
from simulator.content.files import safe_asset_path
from simulator.content.models import LineVariant, Node, Scenario
from simulator.content.problems import Problem
from simulator.content.safe_yaml import YamlDocument


def _suggest(name: str, options: Collection[str]) -> str:
    close = difflib.get_close_matches(name, list(options), n=1)
    return f"did you mean '{close[0]}'?" if close else ""


def crosscheck(scenario: Scenario, doc: YamlDocument, principle_ids: Collection[str]) -> list[Problem]:
    problems: list[Problem] = []
    problems += _check_header(scenario, doc, principle_ids)
    variables = set(scenario.customer.state)
    for node_id, node in scenario.nodes.items():
        path = ("nodes", node_id)
        problems += _check_shape(node, path, doc)
        problems += _check_lines(node, path, doc, variables)
        problems += _check_choices(scenario, node, path, doc, variables, principle_ids)
        problems += _check_timer(node, path, doc)
    problems += details_problems(scenario, doc)
    return problems


def link_problems(doc: YamlDocument) -> list[Problem]:
    """Broken node references found in raw data, for files that fail schema validation.

    So that an author sees a bad ``next`` or ``start`` in the same run as a type error, these
    links are checked on the raw mapping without needing a valid model.
    """
    data = doc.data if isinstance(doc.data, dict) else {}
    nodes = data.get("nodes")
    if not isinstance(nodes, dict):
        return []
    problems = []
    start = data.get("start")
    if isinstance(start, str) and start not in nodes:
        problems.append(doc.problem(("start",), f"start node '{start}' does not exist",
                                    _suggest(start, nodes) or "name one of the nodes under 'nodes:'"))
    for node_id, node in nodes.items():
        choices = node.get("choices") if isinstance(node, dict) else None
        for index, choice in enumerate(choices if isinstance(choices, list) else []):
            target = choice.get("next") if isinstance(choice, dict) else None
            if isinstance(target, str) and target not in nodes:
                problems.append(doc.problem(("nodes", node_id, "choices", index, "next"),
                                            f"next node '{target}' does not exist",
                                            _suggest(target, nodes) or "name an existing node or add it"))
    return problems


def _check_header(scenario: Scenario, doc: YamlDocument, principle_ids: Collection[str]) -> Iterator[Problem]:
    if scenario.start not in scenario.nodes:
        hint = _suggest(scenario.start, scenario.nodes) or "name one of the nodes under 'nodes:'"
        yield doc.problem(("start",), f"start node '{scenario.start}' does not exist", hint)
    for index, principle in enumerate(scenario.principles):
        if principle not in principle_ids:
            hint = _suggest(principle, principle_ids) or "use an id from scoring/principles.yaml"
            yield doc.problem(("principles", index), f"unknown principle '{principle}'", hint)
    speakers = {scenario.customer.name} | {n.speaker for n in scenario.nodes.values() if n.speaker}
    for name in scenario.voices:
        if name not in speakers:
            hint = _suggest(name, speakers) or "use the customer's name or a node's 'speaker' exactly"
            yield doc.problem(("voices", name), f"voices: nobody called '{name}' speaks", hint)
    if scenario.customer.portrait is not None:
        reason = safe_asset_path(scenario.customer.portrait)
        if reason:
            yield doc.problem(("customer", "portrait"),
                              f"unsafe asset path '{scenario.customer.portrait}'", reason)


def _check_shape(node: Node, path: tuple[str, ...], doc: YamlDocument) -> Iterator[Problem]:
    if node.ending is not None and node.choices:
        yield doc.problem(path + ("choices",), "an ending cannot have choices",
                          "remove 'choices' or remove 'ending' from this node")
    if node.ending is None and not node.choices:
        yield doc.problem(path, "this node has neither choices nor an ending",
                          "add 'choices:' for the agent, or an 'ending:' if the call ends here")
    if node.choices and all(choice.condition is not None for choice in node.choices):
        yield doc.problem(path + ("choices",), "every choice here has a condition: the player could be stuck",
                          "leave at least one choice without a 'condition'")


def _check_lines(node: Node, path: tuple[str, ...], doc: YamlDocument, variables: set[str]) -> Iterator[Problem]:
    yield from _check_variants(node.line, path + ("line",), doc, variables)
    if node.ending is not None:
        yield from _check_variants(node.ending.debrief, path + ("ending", "debrief"), doc, variables)


def _check_variants(variants: tuple[LineVariant, ...], path: tuple[str, ...], doc: YamlDocument,
                    variables: set[str]) -> Iterator[Problem]:
    """Variants chosen by 'when' (lines, ending debriefs): only the last is the fallback."""
    for index, variant in enumerate(variants):
        last = index == len(variants) - 1
        if variant.when is None and not last:
            yield doc.problem(path + (index,), "only the last variant may omit 'when'",
                              "add a 'when' condition here or move this variant to the end")
        if variant.when is not None and last:
            yield doc.problem(path + (index,), "the last variant needs no 'when': it is the fallback",
                              "remove its 'when' or add a final variant without one")
        if variant.when is not None:
            yield from _check_names(variant.when.names, variables, doc, path + (index, "when"))


def _check_names(names: Collection[str], variables: set[str], doc: YamlDocument,
                 path: tuple[str | int, ...]) -> Iterator[Problem]:
    for name in sorted(names):
        if name not in variables:
            hint = _suggest(name, variables) or f"declare it under customer.state, e.g. '{name}: 0'"
            yield doc.problem(path, f"unknown state variable '{name}'", hint)


def _check_choices(scenario: Scenario, node: Node, path: tuple[str, ...], doc: YamlDocument,
                   variables: set[str], principle_ids: Collection[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, choice in enumerate(node.choices):
        here: tuple[str | int, ...] = (*path, "choices", index)
        if choice.id in seen:
            yield doc.problem(here + ("id",), f"duplicate choice id '{choice.id}' in this node",
                              "give every choice of a node its own id")
        seen.add(choice.id)
        if choice.next not in scenario.nodes:
            hint = _suggest(choice.next, scenario.nodes) or "name an existing node or add it"
            yield doc.problem(here + ("next",), f"next node '{choice.next}' does not exist", hint)
        for name in choice.effects:
            if name not in variables:
                yield from _check_names([name], variables, doc, here + ("effects", name))
        for principle in choice.grades:
            if principle not in principle_ids:
                hint = _suggest(principle, principle_ids) or "use an id from scoring/principles.yaml"
                yield doc.problem(here + ("grades", principle), f"unknown principle '{principle}'", hint,
                                  key=True)
        if choice.condition is not None:
            yield from _check_names(choice.condition.names, variables, doc, here + ("condition",))
        elif choice.locked_hint is not None:
            yield doc.problem(here + ("locked_hint",), "locked_hint without a condition: it is never shown",
                              "add a 'condition' or remove 'locked_hint'", key=True)


def _check_timer(node: Node, path: tuple[str, ...], doc: YamlDocument) -> Iterator[Problem]:
    if node.time_limit is None:
        if node.timeout_choice is not None:
            yield doc.problem(path + ("timeout_choice",), "timeout_choice without a time_limit",
                              "add 'time_limit: SECONDS' or remove 'timeout_choice'")
        return
    if node.ending is not None:
        yield doc.problem(path + ("time_limit",), "an ending cannot have a time limit", "remove 'time_limit'")
        return
    if node.timeout_choice is None:
        yield doc.problem(path + ("time_limit",), "a timed node needs a timeout_choice",
                          "add 'timeout_choice: ID' naming the choice taken when time runs out")
        return
    ids = [choice.id for choice in node.choices]
    if node.timeout_choice not in ids:
        hint = _suggest(node.timeout_choice, ids) or "name one of this node's choices"
        yield doc.problem(path + ("timeout_choice",),
                          f"timeout_choice '{node.timeout_choice}' is not a choice here", hint)
    elif node.choice(node.timeout_choice).condition is not None:
        yield doc.problem(path + ("timeout_choice",), "the timeout choice has a condition",
                          "pick a choice without a condition: it must always be possible")
