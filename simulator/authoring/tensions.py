"""Where a scenario trains a tension of the catalog (``scoring.catalog.Tension``).

Contract: ``tension_nodes(scenario, tension)`` lists the decisions (node ids, file order) where the
tension is really felt: some option is the best on a principle of ``one_side``, another option is
the best on a principle of ``other_side``, both principles tell the options apart, and no single
option is the best on both. At such a decision no third option wins on both counts, which is what
the catalog asks scenarios to teach.
"""

from __future__ import annotations

from scoring.catalog import Tension
from simulator.content.models import Choice, Node, Scenario


def _best(choices: tuple[Choice, ...], principle: str) -> frozenset[str] | None:
    """Ids of the options best on ``principle``; None when the options do not differ on it."""
    grades = [c.grades.get(principle, 0) for c in choices]
    top = max(grades)
    if top == min(grades):
        return None
    return frozenset(c.id for c, g in zip(choices, grades, strict=True) if g == top)


def felt_at(node: Node, tension: Tension) -> bool:
    """Whether ``node``'s options put the two sides of ``tension`` against each other."""
    if len(node.choices) < 2:
        return False
    for mine in tension.one_side:
        best_mine = _best(node.choices, mine)
        if best_mine is None:
            continue
        for theirs in tension.other_side:
            best_theirs = _best(node.choices, theirs)
            if best_theirs is not None and not best_mine & best_theirs:
                return True
    return False


def tension_nodes(scenario: Scenario, tension: Tension) -> list[str]:
    """See the module doc."""
    return [node_id for node_id, node in scenario.nodes.items() if felt_at(node, tension)]
