"""Fast exact analysis of a ``StateSpace`` whose states form no loop (the common case).

Contract:
* ``sinks_first(space)``: every state in an order where each state comes after all states its
  edges lead to (Kahn's algorithm on the reversed order), or None when some loop exists.
* ``acyclic_facts(space, order)``: (per state, whether an ending can be reached; the number of
  distinct complete play-throughs), in one sweep over ``order``.
* ``Layout(space, states)``: the longest-walk dynamic programme over ``states`` (those that can
  finish, sinks first) laid out so that one pass costs a few C-level ``map`` calls per block of
  states instead of Python work per edge. States are renumbered by height (the longest number of
  steps to an ending), so every state of a block depends only on states of lower blocks; inside a
  block by decreasing out-degree, so the j-th edges of its states form one column over a prefix
  of the block, and the block's values are the running maximum over its columns of
  ``value[target] + weight``. ``Layout.best_walk(weight)`` gives the same walk as the reference
  pointer-following DP in ``walks`` (at each state the first edge reaching the maximum).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from operator import add, itemgetter

from simulator.authoring.statespace import StateSpace

NEG = float("-inf")


def sinks_first(space: StateSpace) -> list[int] | None:
    """States with every edge's target before its source, or None when the states form a loop."""
    first, target = space.first, space.target
    waiting = [0] * space.size
    for state, count in Counter(target).items():
        waiting[state] = count
    ready = [s for s in range(space.size) if not waiting[s]]
    for state in ready:  # ``ready`` grows while it is walked: Kahn's queue
        for edge in range(first[state], first[state + 1]):
            nxt = target[edge]
            waiting[nxt] -= 1
            if not waiting[nxt]:
                ready.append(nxt)
    if len(ready) < space.size:
        return None
    ready.reverse()
    return ready


def acyclic_facts(space: StateSpace, order: list[int]) -> tuple[list[bool], int]:
    """(can an ending be reached, per state; number of complete play-throughs from the start)."""
    first, target, ending = space.first, space.target, space.ending
    count = [0] * space.size
    for state in order:
        if ending[state]:
            count[state] = 1
        else:
            count[state] = sum(map(count.__getitem__, target[first[state]:first[state + 1]]))
    return [c > 0 for c in count], count[0]


class Layout:
    """Block layout of the longest-walk DP on an acyclic space (see the module doc)."""

    def __init__(self, space: StateSpace, states: list[int]):
        self.space = space
        first, target, ending = space.first, space.target, space.ending
        height = [-1] * space.size
        degree = [first[s + 1] - first[s] for s in range(space.size)]
        wide = max(degree, default=0) + 1
        key = [0] * space.size  # endings first, then by height, then by decreasing degree
        for state in states:
            if ending[state]:
                height[state], key[state] = 0, -1
            else:
                level = 1 + max(map(height.__getitem__, target[first[state]:first[state + 1]]))
                height[state] = level
                key[state] = level * wide + wide - degree[state]
        ordered = sorted(states, key=key.__getitem__)
        known = set(states)
        ordered += [s for s in range(space.size) if s not in known]
        self.position = position = [0] * space.size
        for place, state in enumerate(ordered):
            position[state] = place
        self.endings = sum(1 for s in states if ending[s])
        self.perm: list[int] = []  # edge ids in the order the blocks read their weights
        # per height: (lo, hi, columns); column j (gather, offset in perm, count) covers the first
        # ``count`` states of the block, those with more than j edges.
        self.blocks: list[tuple[int, int, list[tuple[Callable[[list], tuple], int, int]]]] = []
        lo = self.endings
        while lo < len(states):
            hi, level = lo, height[ordered[lo]]
            while hi < len(states) and height[ordered[hi]] == level:
                hi += 1
            columns = []
            for j in range(degree[ordered[lo]]):
                edges = [first[s] + j for s in ordered[lo:hi] if degree[s] > j]
                columns.append((_getter([position[target[e]] for e in edges]), len(self.perm), len(edges)))
                self.perm += edges
            self.blocks.append((lo, hi, columns))
            lo = hi
        self.slot = [-1] * len(target)  # per edge: its place in ``perm``
        for place, edge in enumerate(self.perm):
            self.slot[edge] = place
        self._permute = _getter(self.perm)

    def permute(self, per_edge: list[int]) -> tuple[int, ...]:
        """``per_edge`` (indexed by edge) in the order of ``perm``, as the passes read weights."""
        return self._permute(per_edge)

    def values(self, weight: Sequence[float]) -> list:
        """Max-weight walk to an ending from every state, indexed by ``position``; -inf: none.

        ``weight`` is per edge in the order of ``perm`` (see ``permute``).
        """
        value: list = [0] * self.endings + [NEG] * (self.space.size - self.endings)
        for lo, hi, columns in self.blocks:
            gather, offset, size = columns[0]
            best = list(map(add, gather(value), weight[offset:offset + size]))
            for gather, offset, size in columns[1:]:  # a list comprehension beats map(max, ...) fivefold
                after = map(add, gather(value), weight[offset:offset + size])
                best[:size] = [u if u >= v else v for u, v in zip(best, after, strict=False)]
            value[lo:hi] = best
        return value

    def best_walk(self, weight: Sequence[float]) -> tuple[float | int, list[int]]:
        """(best total weight from the start, its walk as edges); (-inf, []) when nothing finishes.

        ``weight`` is in the order of ``perm``; at each state the walk takes the first edge that
        reaches the state's best value, as the reference DP does.
        """
        value = self.values(weight)
        space, position, slot = self.space, self.position, self.slot
        first, target, ending = space.first, space.target, space.ending
        total = value[position[0]]
        if total == NEG:
            return NEG, []
        state, edges = 0, []
        while not ending[state]:
            here = value[position[state]]
            for edge in range(first[state], first[state + 1]):
                if value[position[target[edge]]] + weight[slot[edge]] == here:
                    break
            else:  # pragma: no cover - the maximum is always reached by some edge
                raise RuntimeError("no edge reaches the best value")
            edges.append(edge)
            state = target[edge]
        return total, edges


def _getter(indexes: list[int]) -> Callable[[Sequence], tuple]:
    """A C-level gather: ``_getter(ix)(seq) == tuple(seq[i] for i in ix)``."""
    if len(indexes) == 1:
        only = indexes[0]
        return lambda seq: (seq[only],)
    if not indexes:
        return lambda seq: ()
    return itemgetter(*indexes)
