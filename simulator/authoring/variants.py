"""Which ``line`` and ``debrief`` variants can be said: the analysis behind lint's FL702.

Contract: ``silent_variants(scenario, space)`` returns a ``Silent`` (document path, message, fix)
for every variant that no player can ever get, never a false alarm:

* A node's variants are picked on the values a player arrives with (the first whose ``when``
  holds; the last one is the fallback). So a variant is said only if some arrival state makes its
  own ``when`` true (the fallback needs none) while every earlier variant's ``when`` is false.
* Arrival states are over-approximated: variables that choice conditions read are taken exactly
  from the state space (``statespace.py``) when it could be built; every other variable gets the
  set of values it can have on arrival, found by following every choice's effects regardless of
  conditions (``arrival_values``). A variant that no state of that superset selects is never said.
  Nodes with more than ``MAX_COMBINATIONS`` candidate states are skipped (nothing is claimed).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

from simulator.authoring.statespace import StateSpace
from simulator.content.models import STATE_MAX, STATE_MIN, LineVariant, Scenario
from simulator.content.safe_yaml import Path as YamlPath

MAX_COMBINATIONS = 20_000


@dataclass(frozen=True)
class Silent:
    path: YamlPath
    message: str
    hint: str


def arrival_values(scenario: Scenario, names: set[str]) -> dict[str, dict[str, set[int]]]:
    """Per reachable node, per variable in ``names``: every value it can have on arrival.

    Choice conditions are ignored (every choice is assumed open), so the sets can only be too
    large, never too small. Only newly found values are passed on (a worklist of deltas), so each
    value crosses each choice at most once: at most choices x variables x 101 steps.
    """
    start = {name: {scenario.customer.state.get(name, 0)} for name in names}
    values: dict[str, dict[str, set[int]]] = {scenario.start: {n: set(v) for n, v in start.items()}}
    pending: dict[str, dict[str, set[int]]] = {scenario.start: start}
    while pending:
        node_id, delta = pending.popitem()
        for choice in scenario.nodes[node_id].choices:
            there = values.get(choice.next)
            first = there is None  # a node seen for the first time is explored even without variables
            if there is None:
                there = values[choice.next] = {name: set() for name in names}
            added = {}
            for name, new in delta.items():
                step = choice.effects.get(name, 0)
                moved = {max(STATE_MIN, min(STATE_MAX, v + step)) for v in new} if step else new
                moved = moved - there[name]
                if moved:
                    there[name] |= moved
                    added[name] = moved
            if added or first:
                waiting = pending.setdefault(choice.next, {name: set() for name in names})
                for name, moved in added.items():
                    waiting[name] |= moved
    return values


def _exact(space: StateSpace | None, names: tuple[str, ...]) -> dict[str, set[tuple[int, ...]]]:
    """Per node: the exact values of the state space's variables among ``names`` on arrival."""
    if space is None:
        return {}
    picks = [space.variables.index(n) for n in names]
    found: dict[str, set[tuple[int, ...]]] = {}
    for node_id, vector in zip(space.nodes, space.values, strict=True):
        found.setdefault(node_id, set()).add(tuple(vector[i] for i in picks))
    return found


def _states(exact: set[tuple[int, ...]] | None, loose: list[set[int]]) -> list[tuple[int, ...]] | None:
    """Candidate arrival states: exact tracked values x loose values of the other variables."""
    tracked = exact if exact is not None else {()}
    size = len(tracked)
    for values in loose:
        size *= len(values)
    if size > MAX_COMBINATIONS:
        return None
    return [t + rest for t in tracked for rest in product(*(sorted(v) for v in loose))]


def _said(variants: tuple[LineVariant, ...], env: dict[str, int]) -> int:
    """Index of the variant said for ``env`` (the last one when no ``when`` holds)."""
    for index, variant in enumerate(variants):
        if variant.when is None or variant.when.holds(env):
            return index
    return len(variants) - 1


def _groups(scenario: Scenario) -> Iterator[tuple[str, YamlPath, tuple[LineVariant, ...]]]:
    for node_id, node in scenario.nodes.items():
        if len(node.line) > 1:
            yield node_id, ("nodes", node_id, "line"), node.line
        if node.ending is not None and len(node.ending.debrief) > 1:
            yield node_id, ("nodes", node_id, "ending", "debrief"), node.ending.debrief


def silent_variants(scenario: Scenario, space: StateSpace | None) -> list[Silent]:
    """Every variant no player can get (see the module doc)."""
    groups = list(_groups(scenario))
    names = sorted({n for _, _, vs in groups for v in vs if v.when is not None for n in v.when.names})
    if not names:
        return []
    tracked = tuple(n for n in names if space is not None and n in space.variables)
    others = [n for n in names if n not in tracked]
    exact = _exact(space, tracked)
    loose = arrival_values(scenario, set(others))
    silent: list[Silent] = []
    for node_id, path, variants in groups:
        if node_id not in loose or (space is not None and node_id not in exact):
            continue  # never reached: FL101/FL104 say so
        read = {n for v in variants if v.when is not None for n in v.when.names}
        mine = [k for k, n in enumerate(tracked) if n in read]  # project on what these variants read
        exact_here = {tuple(t[k] for k in mine) for t in exact[node_id]} if space is not None else None
        loose_names = [n for n in others if n in read]
        states = _states(exact_here, [loose[node_id][n] for n in loose_names])
        if states is None:
            continue
        order = tuple(tracked[k] for k in mine) + tuple(loose_names)
        envs = [dict(zip(order, state, strict=True)) for state in states]
        said = {_said(variants, env) for env in envs}
        silent += [_silence(path, variants, k, node_id, envs) for k in range(len(variants)) if k not in said]
    return silent


def _silence(path: YamlPath, variants: tuple[LineVariant, ...], index: int, node_id: str,
             envs: list[dict[str, int]]) -> Silent:
    when = variants[index].when
    kind = "debrief" if path[-1] == "debrief" else "line"
    if when is None:
        reason = "an earlier variant's 'when' holds for every player who gets here"
    elif any(when.holds(env) for env in envs):
        reason = f"whenever 'when: {when.source}' holds here, an earlier variant's 'when' holds too"
    else:
        reason = f"'when: {when.source}' never holds for a player who gets here"
    return Silent(path + (index,), f"this {kind} variant of '{node_id}' is never said: {reason}",
                  "change its 'when' (or an earlier one) so that some player gets it, or delete it")
