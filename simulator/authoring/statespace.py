"""The reachable state space of a scenario: (node, values of the variables conditions read).

Contract: ``build_state_space(scenario)`` explores, breadth first and iteratively, every state a
player can reach from the start and returns a ``StateSpace``: states, and for each state its edges
(one per choice available there) with the exact score contribution the scorer
(``scoring.scorer.grade_step``) would give that decision, overall and per principle. Only the
variables read by choice conditions are tracked: line variants never change which options exist,
so two players in the same node with the same condition variables have the same future.
Raises ``StateSpaceTooLarge`` beyond ``max_states`` states.

Edges are stored flat for speed: edges of state ``s`` are ``range(space.first[s], space.first[s+1])``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from simulator.content.models import STATE_MAX, STATE_MIN, Node, Scenario

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

    @property
    def size(self) -> int:
        return len(self.nodes)

    def edges(self, state: int) -> range:
        return range(self.first[state], self.first[state + 1])

    def is_ending(self, state: int) -> bool:
        return self.scenario.nodes[self.nodes[state]].ending is not None

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


@dataclass(frozen=True)
class _Option:
    position: int
    effects: tuple[tuple[int, int], ...]  # (variable index, delta) for tracked variables only
    earned: int
    possible: int
    p_earned: tuple[int, ...]
    p_possible: tuple[int, ...]


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


def _options(node: Node, available: tuple[int, ...], principles: tuple[str, ...],
             var_index: dict[str, int]) -> list[_Option]:
    """Score contributions of each available option, exactly as ``grade_step`` computes them."""
    choices = [node.choices[k] for k in available]
    nets = [sum(c.grades.values()) for c in choices]
    low, high = min(nets), max(nets)
    spans = []
    for principle in principles:
        grades = [c.grades.get(principle, 0) for c in choices]
        spans.append((min(grades), max(grades)))
    options = []
    for position, choice, net in zip(available, choices, nets, strict=True):
        pairs = zip(principles, spans, strict=True)
        pe = tuple(choice.grades.get(p, 0) - lo if hi > lo else 0 for p, (lo, hi) in pairs)
        pp = tuple(hi - lo for lo, hi in spans)
        effects = tuple((var_index[n], d) for n, d in choice.effects.items() if n in var_index)
        options.append(_Option(position, effects, net - low, high - low, pe, pp))
    return options


def build_state_space(scenario: Scenario, max_states: int = MAX_STATES) -> StateSpace:
    """Explore every reachable state (see module doc); iterative breadth-first search."""
    variables = condition_variables(scenario)
    var_index = {name: i for i, name in enumerate(variables)}
    principles = graded_principles(scenario)
    space = StateSpace(scenario, variables, principles)
    start_values = tuple(scenario.customer.state.get(v, 0) for v in variables)
    index: dict[tuple[str, tuple[int, ...]], int] = {(scenario.start, start_values): 0}
    space.nodes.append(scenario.start)
    space.values.append(start_values)
    space.parent.append(-1)
    cache: dict[tuple[str, tuple[int, ...]], list[_Option]] = {}
    queue = deque([0])
    while queue:
        state = queue.popleft()
        node_id, values = space.nodes[state], space.values[state]
        node = scenario.nodes[node_id]
        env = dict(zip(variables, values, strict=True))
        available = tuple(k for k, c in enumerate(node.choices) if c.condition is None or c.condition.holds(env))
        key = (node_id, available)
        if key not in cache:
            cache[key] = _options(node, available, principles, var_index) if available else []
        for option in cache[key]:
            nxt_values = list(values)
            for i, delta in option.effects:
                nxt_values[i] = max(STATE_MIN, min(STATE_MAX, nxt_values[i] + delta))
            nxt = (node.choices[option.position].next, tuple(nxt_values))
            target = index.get(nxt)
            if target is None:
                target = index[nxt] = len(space.nodes)
                if target >= max_states:
                    raise StateSpaceTooLarge(f"more than {max_states:,} reachable states (node, condition "
                                             f"variables {', '.join(variables)})")
                space.nodes.append(nxt[0])
                space.values.append(nxt[1])
                space.parent.append(len(space.target))
                queue.append(target)
            space.choice.append(option.position)
            space.origin.append(state)
            space.target.append(target)
            space.earned.append(option.earned)
            space.possible.append(option.possible)
            space.p_earned.append(option.p_earned)
            space.p_possible.append(option.p_possible)
        space.first.append(len(space.target))
    return space
