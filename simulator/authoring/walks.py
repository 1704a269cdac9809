"""Exact optimisation over every complete play-through of a ``StateSpace``, without enumerating them.

Contract:
* ``components(space)``: strongly connected components, sinks first (iterative Tarjan).
* ``finishing(space)``: per state, whether some ending can still be reached from it.
* ``count_paths(space, comps, can_finish)``: number of distinct complete play-throughs, or None
  when a reachable loop makes it unbounded.
* ``optimise(space, comps, metric, maximise)``: the best (or worst) score ratio Σearned/Σpossible
  over complete play-throughs whose Σpossible > 0, by Dinkelbach iteration: each step finds the
  walk maximising Σ(b·earned − a·possible) for λ = a/b with a longest-path DP over the components
  (Bellman-Ford inside cyclic ones, which also finds loops that beat λ). Returns a ``Witness``
  (the walk that reaches the optimum, or that approaches it by repeating a loop) or None when no
  play-through is graded on the metric. All arithmetic is on integers: the result is exact.
  Plans without loops run each longest-walk pass through ``dag.Layout`` (same walks, faster).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from fractions import Fraction
from itertools import repeat
from operator import mul, sub

from simulator.authoring.dag import Layout
from simulator.authoring.graph_analysis import strongly_connected
from simulator.authoring.statespace import StateSpace

MAX_ROUNDS = 200


@dataclass(frozen=True)
class Witness:
    """A play-through: ``edges`` from the start to an ending; ``loop`` (edges) is repeated to
    approach ``ratio`` when the optimum is a limit (the loop starts where ``edges[loop_at]`` leaves)."""

    edges: tuple[int, ...]
    earned: int
    possible: int
    ratio: Fraction
    loop: tuple[int, ...] = ()
    loop_at: int = 0


def components(space: StateSpace) -> list[list[int]]:
    """Strongly connected components in reverse topological order (sinks first)."""
    first, target = space.first, space.target
    return strongly_connected(space.size, lambda state: target[first[state]:first[state + 1]])


def is_cyclic(space: StateSpace, comp: list[int]) -> bool:
    if len(comp) > 1:
        return True
    state = comp[0]
    return any(space.target[e] == state for e in space.edges(state))


def finishing(space: StateSpace) -> list[bool]:
    """Per state: can an ending still be reached from it? (reverse breadth-first search)"""
    reverse: list[list[int]] = [[] for _ in range(space.size)]
    for state in range(space.size):
        for edge in space.edges(state):
            reverse[space.target[edge]].append(state)
    done = [space.is_ending(s) for s in range(space.size)]
    queue = deque(s for s in range(space.size) if done[s])
    while queue:
        for prev in reverse[queue.popleft()]:
            if not done[prev]:
                done[prev] = True
                queue.append(prev)
    return done


def count_paths(space: StateSpace, comps: list[list[int]], can_finish: list[bool]) -> int | None:
    """Distinct complete play-throughs from the start; None when a loop on the way makes them unbounded."""
    count = [0] * space.size
    for comp in comps:
        if is_cyclic(space, comp):
            if any(can_finish[s] for s in comp):
                return None
            continue
        state = comp[0]
        count[state] = 1 if space.is_ending(state) else sum(count[space.target[e]] for e in space.edges(state))
    return count[0]


class Plan:
    """Precomputed evaluation order for repeated longest-walk passes over one state space.

    ``order`` (states sinks first, from ``dag.sinks_first``) may replace ``comps`` when the space
    has no loop; acyclic plans evaluate through a ``dag.Layout`` built on first use.
    """

    def __init__(self, space: StateSpace, comps: list[list[int]] | None, can_finish: list[bool],
                 order: list[int] | None = None):
        self.space = space
        self.ending = space.ending
        # (state, None) for acyclic singletons, (None, comp) for cyclic components; sinks first.
        self.steps: list[tuple[int, list[int] | None]] = []
        self.acyclic = True
        self._layout: Layout | None = None
        if order is not None:
            self.steps = [(s, None) for s in order if can_finish[s]]
            return
        assert comps is not None, "a plan needs the components or a sinks-first order"
        for comp in comps:
            if not any(can_finish[s] for s in comp):
                continue
            if is_cyclic(space, comp):
                self.acyclic = False
                self.steps.append((-1, comp))
            else:
                self.steps.append((comp[0], None))

    @property
    def layout(self) -> Layout:
        """The block layout of an acyclic plan (built once)."""
        if self._layout is None:
            self._layout = Layout(self.space, [s for s, _ in self.steps])
        return self._layout


NEG = float("-inf")


def _longest(space: StateSpace, plan: Plan, weight: list[int]) -> tuple[list, list, int | None]:
    """Max-weight walk to an ending from every state: (value, next edge, state on a positive loop)."""
    value: list = [NEG] * space.size
    best: list[int] = [-1] * space.size
    first, target, ending = space.first, space.target, plan.ending
    for state, comp in plan.steps:
        if comp is None:
            if ending[state]:
                value[state] = 0
                continue
            top, arg = NEG, -1
            for edge in range(first[state], first[state + 1]):
                after = value[target[edge]] + weight[edge]
                if after > top:
                    top, arg = after, edge
            value[state], best[state] = top, arg
            continue
        looping = _relax_component(comp, first, target, weight, value, best)
        if looping is not None:
            return value, best, looping
    return value, best, None


def _relax_component(comp, first, target, weight, value, best) -> int | None:
    """Bellman-Ford inside one cyclic component; a state on a positive loop, or None.

    Strict improvements keep the 'best' pointers acyclic unless a positive loop exists, so the
    pointers are checked for a loop after rounds 2, 4, 8, ... to stop early on large components.
    """
    members = set(comp)
    for rounds in range(1, len(comp) + 2):
        changed = None
        for state in comp:
            for edge in range(first[state], first[state + 1]):
                after = value[target[edge]] + weight[edge]
                if after > value[state]:
                    value[state], best[state] = after, edge
                    changed = state
        if changed is None:
            return None
        if rounds & (rounds - 1) == 0 and rounds > 1:
            looping = _pointer_loop(comp, members, best, target)
            if looping is not None:
                return looping
    return changed


def _pointer_loop(comp, members, best, target) -> int | None:
    """A state on a loop of 'best' pointers inside the component, or None."""
    colour: dict[int, int] = {}
    for root in comp:
        probe, trail = root, []
        while probe in members and best[probe] >= 0 and probe not in colour:
            colour[probe] = root
            trail.append(probe)
            probe = target[best[probe]]
        if probe in members and colour.get(probe) == root and best[probe] >= 0:
            return probe
    return None


def _loop_from(space: StateSpace, best: list[int], state: int) -> list[int]:
    """The loop of 'best' pointers that ``state`` leads into (edges in walking order)."""
    order: dict[int, int] = {}
    trail: list[int] = []
    while state not in order:
        if best[state] < 0:  # pragma: no cover - a positive loop always closes the pointers
            raise RuntimeError("the best pointers do not close a loop")
        order[state] = len(trail)
        trail.append(best[state])
        state = space.target[best[state]]
    return trail[order[state]:]


def _walk(space: StateSpace, best: list[int], start: int) -> list[int]:
    edges, state, seen = [], start, set()
    while not space.is_ending(state):
        if state in seen:  # pragma: no cover - strict improvements never close a pointer loop
            raise RuntimeError("pointer loop while following the best walk")
        seen.add(state)
        edges.append(best[state])
        state = space.target[best[state]]
    return edges


def _to_ending(space: StateSpace, state: int, can_finish: list[bool]) -> list[int]:
    """A shortest route from ``state`` to an ending (forward breadth-first search)."""
    parent = {state: -1}
    queue = deque([state])
    while queue:
        here = queue.popleft()
        if space.is_ending(here):
            route = []
            while parent[here] >= 0:
                route.append(parent[here])
                here = space.source(parent[here])
            return route[::-1]
        for edge in space.edges(here):
            nxt = space.target[edge]
            if nxt not in parent and can_finish[nxt]:
                parent[nxt] = edge
                queue.append(nxt)
    raise ValueError("no ending reachable")  # pragma: no cover - callers check can_finish


def _sums(edges, earned: list[int], possible: list[int]) -> tuple[int, int]:
    return sum(earned[x] for x in edges), sum(possible[x] for x in edges)


def _witness(plan: Plan, earned: list[int], possible: list[int], weight: list[int],
             can_finish: list[bool]) -> tuple[Witness | None, float]:
    """The walk (or loop) maximising ``weight`` and its total weight; None when no ending is reachable."""
    space = plan.space
    value, best, looping = _longest(space, plan, weight)
    if looping is not None:
        loop = _loop_from(space, best, looping)
        entry = space.source(loop[0])
        prefix = space.path_to(entry)
        edges = prefix + loop + _to_ending(space, entry, can_finish)
        e, p = _sums(loop, earned, possible)
        te, tp = _sums(edges, earned, possible)
        return Witness(tuple(edges), te, tp, Fraction(e, p) if p else Fraction(1), tuple(loop), len(prefix)), \
            float("inf")
    if value[0] == NEG:
        return None, NEG
    edges = _walk(space, best, 0)
    e, p = _sums(edges, earned, possible)
    return Witness(tuple(edges), e, p, Fraction(e, p) if p else Fraction(1)), value[0]


def _gain(witness: Witness, earned: list[int], possible: list[int], ratio: Fraction, maximise: bool) -> Fraction:
    """How much the witness's walk (or loop) beats ``ratio``: positive means better."""
    e, p = _sums(witness.loop or witness.edges, earned, possible)
    gain = e - ratio * p
    return gain if maximise else -gain


def _any_graded(space: StateSpace, earned: list[int], possible: list[int],
                can_finish: list[bool]) -> Witness | None:
    """Some complete play-through with Σpossible > 0 (through the first graded edge found)."""
    for edge, amount in enumerate(possible):
        target = space.target[edge]
        if amount > 0 and can_finish[target]:
            edges = space.path_to(space.source(edge)) + [edge] + _to_ending(space, target, can_finish)
            e, p = _sums(edges, earned, possible)
            return Witness(tuple(edges), e, p, Fraction(e, p))
    return None


def _at_bound(plan: Plan, earned: list[int], possible: list[int], maximise: bool,
              pe: tuple[int, ...], pp: tuple[int, ...]) -> Witness | None:
    """On an acyclic space, a graded walk scoring exactly 100 (``maximise``) or 0, if one exists.

    The reference weight is K·(e − p) + p (or K·(−e) + p) with K > any walk's Σp: lexicographic,
    so the best walk has primary part 0 (every edge perfect: e = p, or e = 0) and then as many
    points possible as it can. Any walk with an imperfect edge totals below 0 while any perfect
    one totals at least 0, so the same first-best edges along perfect walks come from weight p on
    perfect edges and -(Σp + 1) on the others, with small numbers. ``pe``/``pp``: ``earned`` and
    ``possible`` in the layout's order.
    """
    low = -sum(pp) - 1  # any walk through an imperfect edge totals below 0, like -inf would
    if maximise:
        weight = [p if e == p else low for e, p in zip(pe, pp, strict=True)]
    else:
        weight = [low if e else p for e, p in zip(pe, pp, strict=True)]
    total, walk = plan.layout.best_walk(weight)
    if total < 0:
        return None
    e, p = _sums(walk, earned, possible)
    return Witness(tuple(walk), e, p, Fraction(e, p) if p else Fraction(1)) if p else None


def optimise(plan: Plan, can_finish: list[bool], earned: list[int], possible: list[int],
             maximise: bool) -> Witness | None:
    """Best (``maximise``) or worst ratio over play-throughs graded on the given per-edge points."""
    pe = pp = ()
    if plan.acyclic:
        pe, pp = plan.layout.permute(earned), plan.layout.permute(possible)
        current = _at_bound(plan, earned, possible, maximise, pe, pp)
        if current is not None:
            return current
    current = _any_graded(plan.space, earned, possible, can_finish)
    if current is None:
        return None
    for _ in range(MAX_ROUNDS):
        a, b = current.ratio.numerator, current.ratio.denominator
        if not maximise:
            a, b = -a, -b
        if plan.acyclic:
            weight = list(map(sub, map(mul, repeat(b), pe), map(mul, repeat(a), pp)))
            total, walk = plan.layout.best_walk(weight)
            e, p = _sums(walk, earned, possible)
            challenger = Witness(tuple(walk), e, p, Fraction(e, p) if p else Fraction(1)) if total != NEG else None
        else:
            weight = list(map(sub, map(mul, repeat(b), earned), map(mul, repeat(a), possible)))
            challenger, _ = _witness(plan, earned, possible, weight, can_finish)
        if challenger is None or _gain(challenger, earned, possible, current.ratio, maximise) <= 0:
            return current
        current = challenger
    return current  # pragma: no cover - Dinkelbach converges in a handful of rounds
