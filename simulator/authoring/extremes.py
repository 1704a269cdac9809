"""Exact best and worst overall scores (scoring v2) over every play-through of a state space.

Scoring v2's overall score is ``combine(Q, ending, critical)`` with ``Q = 100 * (1 - P / n)``: P the
sum of weighted shortfalls along the path, n its number of graded decisions. For a fixed (ending
state, n, critical taken) the score only falls as P grows, so it is enough to know, for every
expanded state (state, n, critical), the least and the greatest P of any walk from the start that
reaches it. Graded edges raise n by one and add their (non-negative) penalty; ungraded edges add
nothing, so within one value of n the labels spread by plain relaxation and layers are processed
in order of n. A path's P is summed in call order, as the scorer sums it, so the reported score is
exactly what playing the reported path gives.

Contract: ``extremes(space)`` returns ``(best, worst)``, each ``{"score", "path", "ending",
"outcome", "limit": False}`` or raises ``ValueError`` when no ending can be reached. In a scenario
with loops, walks with more than ``max_graded`` graded decisions are not considered.
"""

from __future__ import annotations

from typing import Any

from scoring.rules import combine, decision_quality
from simulator.authoring.statespace import StateSpace

Key = tuple[int, int, bool]  # (state, graded decisions so far, a critical option taken)


class _Labels:
    """Least and greatest penalty reaching each expanded state, with the edge that set each."""

    def __init__(self) -> None:
        self.low: dict[Key, float] = {}
        self.high: dict[Key, float] = {}
        self.low_from: dict[Key, tuple[Key, int] | None] = {}
        self.high_from: dict[Key, tuple[Key, int] | None] = {}

    def offer(self, key: Key, low: float, high: float, came: tuple[Key, int] | None) -> bool:
        changed = False
        if key not in self.low or low < self.low[key]:
            self.low[key], self.low_from[key], changed = low, came, True
        if key not in self.high or high > self.high[key]:
            self.high[key], self.high_from[key], changed = high, came, True
        return changed


def _layer(space: StateSpace, labels: _Labels, frontier: list[Key], max_graded: int) -> list[Key]:
    """Settle one value of n (ungraded moves), then return the keys it opens at n + 1."""
    first, target, graded, penalty, critical = space.first, space.target, space.graded, space.penalty, space.critical
    settled: list[Key] = []
    work = list(dict.fromkeys(frontier))
    while work:
        key = work.pop()
        settled.append(key)
        state, n, crit = key
        for edge in range(first[state], first[state + 1]):
            if graded[edge]:
                continue
            nxt = (target[edge], n, crit or critical[edge])
            if labels.offer(nxt, labels.low[key], labels.high[key], (key, edge)):
                work.append(nxt)
    opened: list[Key] = []
    for key in dict.fromkeys(settled):
        state, n, crit = key
        if n >= max_graded:
            continue
        for edge in range(first[state], first[state + 1]):
            if not graded[edge]:
                continue
            nxt = (target[edge], n + 1, crit or critical[edge])
            cost = penalty[edge]
            if labels.offer(nxt, labels.low[key] + cost, labels.high[key] + cost, (key, edge)):
                opened.append(nxt)
    return opened


def _path(parents: dict[Key, tuple[Key, int] | None], key: Key) -> list[int]:
    edges: list[int] = []
    came = parents[key]
    while came is not None:
        key, edge = came
        edges.append(edge)
        came = parents[key]
    return edges[::-1]


def _replay(space: StateSpace, edges: list[int]) -> float:
    """The path's penalty summed in call order (as the scorer sums it)."""
    total = 0.0
    for edge in edges:
        if space.graded[edge]:
            total += space.penalty[edge]
    return total


def extremes(space: StateSpace, max_graded: int | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """See the module doc."""
    limit = max_graded if max_graded is not None else 2 * len(space.scenario.nodes) + 10
    labels = _Labels()
    start: Key = (0, 0, False)
    labels.offer(start, 0.0, 0.0, None)
    frontier = [start]
    while frontier:
        frontier = _layer(space, labels, frontier, limit)
    best: tuple[int, list[int], int] | None = None
    worst: tuple[int, list[int], int] | None = None
    for key in labels.low:
        state, n, crit = key
        if not space.ending[state]:
            continue
        ending = space.scenario.nodes[space.nodes[state]].ending
        for parents, is_best in ((labels.low_from, True), (labels.high_from, False)):
            edges = _path(parents, key)
            score = combine(decision_quality(_replay(space, edges), n), ending, crit)[0]
            if is_best and (best is None or score > best[0]):
                best = (score, edges, state)
            if not is_best and (worst is None or score < worst[0]):
                worst = (score, edges, state)
    if best is None or worst is None:
        raise ValueError("no ending can be reached from the start")
    return _describe(space, *best), _describe(space, *worst)


def _describe(space: StateSpace, score: int, edges: list[int], state: int) -> dict[str, Any]:
    node_id = space.nodes[state]
    ending = space.scenario.nodes[node_id].ending
    return {"score": score, "path": [space.choice_id(e) for e in edges], "ending": node_id,
            "outcome": ending.outcome.value if ending else None, "limit": False}
