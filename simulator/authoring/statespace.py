"""The reachable state space of a scenario: (node, values of the variables conditions read).

Contract: ``build_state_space(scenario)`` explores, breadth first and iteratively, every state a
player can reach from the start and returns a ``StateSpace``: states, and for each state its edges
(one per choice available there) with the exact score contribution the scorer
(``scoring.scorer.grade_step``) would give that decision, overall and per principle. Only the
variables read by choice conditions are tracked: line variants never change which options exist,
so two players in the same node with the same condition variables have the same future.
Raises ``StateSpaceTooLarge`` beyond ``max_states`` states.

Edges are stored flat for speed: edges of state ``s`` are ``range(space.first[s], space.first[s+1])``.
Per-state work is kept small (``_Tables``): nodes, value vectors and effects are numbered, which
choices are open is worked out once per (conditions, values), and each edge stores only its
option row (``option``), whose score contribution is computed once per (node, open choices).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter, sub

from scoring.rules import miss_penalty
from simulator.content.models import STATE_MAX, STATE_MIN, Scenario

MAX_STATES = 300_000


class StateSpaceTooLarge(ValueError):
    """The scenario has more reachable states than the analysis is allowed to explore."""


@dataclass
class StateSpace:
    scenario: Scenario
    variables: tuple[str, ...]
    principles: tuple[str, ...]
    nodes: list[str] = field(default_factory=list)          # node id per state
    values: list[tuple[int, ...]] = field(default_factory=list)  # variable values per state
    first: list[int] = field(default_factory=lambda: [0])  # edge offsets, len = states + 1
    choice: list[int] = field(default_factory=list)        # per edge: position of the choice in its node
    origin: list[int] = field(default_factory=list)        # per edge: the state it leaves
    target: list[int] = field(default_factory=list)        # per edge: next state
    earned: list[int] = field(default_factory=list)        # per edge: overall points earned
    possible: list[int] = field(default_factory=list)      # per edge: overall points possible
    p_earned: list[tuple[int, ...]] = field(default_factory=list)    # per edge, per principle
    p_possible: list[tuple[int, ...]] = field(default_factory=list)  # per edge, per principle
    parent: list[int] = field(default_factory=list)        # per state: BFS tree edge reaching it (-1: start)
    ending: list[bool] = field(default_factory=list)       # per state: is its node an ending?
    option: list[int] = field(default_factory=list)        # per edge: its row in the option tables below
    option_pe: list[tuple[int, ...]] = field(default_factory=list)  # per option row: p_earned
    option_pp: list[tuple[int, ...]] = field(default_factory=list)  # per option row: p_possible
    penalty: list[float] = field(default_factory=list)     # per edge: scoring v2's weighted shortfall
    graded: list[bool] = field(default_factory=list)       # per edge: do the open options' nets differ?
    critical: list[bool] = field(default_factory=list)     # per edge: is the choice marked critical?

    @property
    def size(self) -> int:
        return len(self.nodes)

    def edges(self, state: int) -> range:
        return range(self.first[state], self.first[state + 1])

    def is_ending(self, state: int) -> bool:
        return self.ending[state]

    def principle_points(self, index: int) -> tuple[list[int], list[int]]:
        """Per edge: (points earned, points possible) on principle ``index`` of ``principles``."""
        pick = itemgetter(index)
        earned, possible = list(map(pick, self.option_pe)), list(map(pick, self.option_pp))
        return list(map(earned.__getitem__, self.option)), list(map(possible.__getitem__, self.option))

    def choice_id(self, edge: int) -> str:
        return self.scenario.nodes[self.nodes[self.source(edge)]].choices[self.choice[edge]].id

    def source(self, edge: int) -> int:
        """The state an edge leaves."""
        return self.origin[edge]

    def path_to(self, state: int) -> list[int]:
        """Edges of the BFS-shortest route from the start to ``state``."""
        edges = []
        while self.parent[state] >= 0:
            edges.append(self.parent[state])
            state = self.source(self.parent[state])
        return edges[::-1]

    def state_values(self, state: int) -> dict[str, int]:
        return dict(zip(self.variables, self.values[state], strict=True))


def condition_variables(scenario: Scenario) -> tuple[str, ...]:
    """The variables read by any choice condition, sorted."""
    names: set[str] = set()
    for node in scenario.nodes.values():
        for choice in node.choices:
            if choice.condition is not None:
                names |= choice.condition.names
    return tuple(sorted(names))


def graded_principles(scenario: Scenario) -> tuple[str, ...]:
    """Every principle some choice grades, in the scenario's own order then alphabetical."""
    used = {p for node in scenario.nodes.values() for c in node.choices for p in c.grades}
    ordered = [p for p in scenario.principles if p in used]
    return tuple(ordered + sorted(used - set(ordered)))




class _Tables:
    """Per-scenario lookup tables that keep the per-state work of ``build_state_space`` small.

    Nodes are numbered; a vector of variable values is numbered once (``vectors``); an option row
    (one available choice of one node with one set of available choices) is numbered once and holds
    the exact ``grade_step`` contribution, so edges only store the row number.
    """

    def __init__(self, scenario: Scenario, space: StateSpace):
        self.scenario, self.space = scenario, space
        self.ids = list(scenario.nodes)
        self.number = {node_id: k for k, node_id in enumerate(self.ids)}
        self.var_index = {name: i for i, name in enumerate(space.variables)}
        self.p_index = {name: i for i, name in enumerate(space.principles)}
        self.vectors: list[tuple[int, ...]] = []
        self.vector_ids: dict[tuple[int, ...], int] = {}
        self.effects: list[tuple[tuple[int, int], ...]] = []
        self.effect_ids: dict[tuple[tuple[int, int], ...], int] = {(): -1}
        self.moves: dict[int, int] = {}  # (effect << 32) + vector -> vector after the effect
        self.zero = (0,) * len(space.principles)
        self.rows: dict[tuple[int, tuple[int, ...]], list[tuple[int, int, int]]] = {}
        self.opened: dict[int, tuple[int, ...]] = {}  # (signature << 32) + vector -> open choices
        self.signature: list[int] = []  # per node: number of its tuple of choice conditions
        self.static: list[list[tuple[int, int, int]] | None] = []
        self.earned: list[int] = []
        self.possible: list[int] = []
        self.penalty: list[float] = []
        self.critical: list[bool] = []
        self.choice: list[int] = []
        self.choices = self._read_choices()
        signatures: dict[tuple[str | None, ...], int] = {}
        for node_id in self.ids:
            choices = scenario.nodes[node_id].choices
            conditions = tuple(None if c.condition is None else c.condition.source for c in choices)
            self.signature.append(signatures.setdefault(conditions, len(signatures)))
            if any(conditions):
                self.static.append(None)
            else:
                self.static.append(self.group(self.number[node_id], tuple(range(len(choices)))))

    def vector(self, values: tuple[int, ...]) -> int:
        found = self.vector_ids.get(values)
        if found is None:
            found = self.vector_ids[values] = len(self.vectors)
            self.vectors.append(values)
        return found

    def move(self, key: int) -> int:
        """The vector number after applying effect ``key >> 32`` to vector ``key & 0xFFFFFFFF``."""
        values = list(self.vectors[key & 0xFFFFFFFF])
        for i, delta in self.effects[key >> 32]:
            values[i] = max(STATE_MIN, min(STATE_MAX, values[i] + delta))
        found = self.moves[key] = self.vector(tuple(values))
        return found

    def available(self, node: int, vector: int) -> list[tuple[int, int, int]]:
        """Option rows (row, next node, effect key) of ``node`` for the values of ``vector``.

        Which choices are open depends only on the node's conditions (``signature``) and the
        values, so it is worked out once per (signature, vector).
        """
        key = (self.signature[node] << 32) + vector
        open_ = self.opened.get(key)
        if open_ is None:
            env = dict(zip(self.space.variables, self.vectors[vector], strict=True))
            choices = self.scenario.nodes[self.ids[node]].choices
            open_ = self.opened[key] = tuple(k for k, c in enumerate(choices)
                                             if c.condition is None or c.condition.holds(env))
        return self.group(node, open_)

    def group(self, node: int, available: tuple[int, ...]) -> list[tuple[int, int, int]]:
        """Option rows for ``available`` choices of ``node``, exactly as ``grade_step`` scores them.

        Per principle the scorer gives ``grade - lowest`` out of ``highest - lowest`` among the
        available options (0 out of 0 when they all agree, which ``grade - lowest`` also gives).
        """
        found = self.rows.get((node, available))
        if found is not None:
            return found
        info = self.choices[node]
        picked = [info[k] for k in available]
        rows: list[tuple[int, int, int]] = []
        if picked:
            nets = [net for net, _, _, _ in picked]
            low, high = min(nets), max(nets)
            vectors = [grades for _, grades, _, _ in picked]
            lows = list(map(min, *vectors)) if len(vectors) > 1 else vectors[0]
            possible = tuple(map(sub, map(max, *vectors), lows)) if len(vectors) > 1 else self.zero
            for position, (net, grades, nxt, effect) in zip(available, picked, strict=True):
                rows.append((len(self.choice), nxt, effect << 32 if effect >= 0 else -1))
                self.choice.append(position)
                self.earned.append(net - low)
                self.possible.append(high - low)
                self.penalty.append(miss_penalty(high, low, net))
                self.critical.append(self.scenario.nodes[self.ids[node]].choices[position].critical)
                self.space.option_pe.append(tuple(map(sub, grades, lows)))
                self.space.option_pp.append(possible)
        self.rows[(node, available)] = rows
        return rows

    def _read_choices(self) -> list[list[tuple[int, tuple[int, ...], int, int]]]:
        """Per node, per choice: (net grade, grade per principle, next node, effect number).

        Grades and effects repeat a lot across choices, so each distinct one is converted once.
        """
        grade_rows: dict[tuple[tuple[str, int], ...], tuple[int, tuple[int, ...]]] = {}
        effect_rows: dict[tuple[tuple[str, int], ...], int] = {}
        number, nodes, width = self.number, self.scenario.nodes, len(self.space.principles)
        result = []
        for node_id in self.ids:
            row = []
            for c in nodes[node_id].choices:
                key = tuple(c.grades.items())
                graded = grade_rows.get(key)
                if graded is None:
                    grades = [0] * width
                    for name, grade in key:
                        grades[self.p_index[name]] = grade
                    graded = grade_rows[key] = (sum(c.grades.values()), tuple(grades))
                key = tuple(c.effects.items())
                effect = effect_rows.get(key)
                if effect is None:
                    effect = effect_rows[key] = self._effect(key)
                row.append((graded[0], graded[1], number[c.next], effect))
            result.append(row)
        return result

    def _effect(self, effects: tuple[tuple[str, int], ...]) -> int:
        """The number of the effect on tracked variables (-1: none) of one choice's ``effects``."""
        effect = tuple((self.var_index[n], d) for n, d in effects if n in self.var_index)
        found = self.effect_ids.get(effect)
        if found is None:
            found = self.effect_ids[effect] = len(self.effects)
            self.effects.append(effect)
        return found


def build_state_space(scenario: Scenario, max_states: int = MAX_STATES) -> StateSpace:
    """Explore every reachable state (see module doc); iterative breadth-first search.

    States are numbered in discovery order, so the queue is simply the list of states: state
    ``k`` is expanded after states ``0 .. k-1``. A state is keyed by one int (value vector, node).
    """
    space = StateSpace(scenario, condition_variables(scenario), graded_principles(scenario))
    tables = _Tables(scenario, space)
    count = len(tables.ids)
    start = tables.vector(tuple(scenario.customer.state.get(v, 0) for v in space.variables))
    state_node, state_vector = [tables.number[scenario.start]], [start]
    index = {start * count + state_node[0]: 0}
    parent, first, target, option = [-1], [0], [], []
    static, moves, move, available = tables.static, tables.moves, tables.move, tables.available
    lookup = index.get
    state = 0
    while state < len(state_node):
        node, vector = state_node[state], state_vector[state]
        rows = static[node]
        if rows is None:
            rows = available(node, vector)
        for row, nxt, effect in rows:
            after = vector
            if effect >= 0:
                key = effect + vector
                after = moves.get(key)
                if after is None:
                    after = move(key)
            key = after * count + nxt
            goal = lookup(key)
            if goal is None:
                goal = index[key] = len(state_node)
                if goal >= max_states:
                    raise StateSpaceTooLarge(f"more than {max_states:,} reachable states (node, condition "
                                             f"variables {', '.join(space.variables)})")
                state_node.append(nxt)
                state_vector.append(after)
                parent.append(len(target))
            target.append(goal)
            option.append(row)
        first.append(len(target))
        state += 1
    _fill(space, tables, state_node, state_vector, parent, first, target, option)
    return space


def _fill(space: StateSpace, tables: _Tables, state_node: list[int], state_vector: list[int],
          parent: list[int], first: list[int], target: list[int], option: list[int]) -> None:
    """Store the numbered build results in ``space`` in its public (per state, per edge) form."""
    ids, nodes = tables.ids, space.scenario.nodes
    ends = [nodes[node_id].ending is not None for node_id in ids]
    space.nodes = list(map(ids.__getitem__, state_node))
    space.values = list(map(tables.vectors.__getitem__, state_vector))
    space.ending = list(map(ends.__getitem__, state_node))
    space.parent, space.first, space.target, space.option = parent, first, target, option
    degrees = [first[s + 1] - first[s] for s in range(len(state_node))]
    space.origin = list(chain.from_iterable(map(repeat, range(len(state_node)), degrees)))
    space.choice = list(map(tables.choice.__getitem__, option))
    space.earned = list(map(tables.earned.__getitem__, option))
    space.possible = list(map(tables.possible.__getitem__, option))
    space.p_earned = list(map(space.option_pe.__getitem__, option))
    space.p_possible = list(map(space.option_pp.__getitem__, option))
    space.penalty = list(map(tables.penalty.__getitem__, option))
    space.graded = [p > 0 for p in space.possible]
    space.critical = list(map(tables.critical.__getitem__, option))
