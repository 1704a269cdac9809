"""Structure rules: reachability, endings that cannot be reached, loops and stuck states (FL1xx)."""

from __future__ import annotations

from collections.abc import Iterator

from simulator.authoring.graph_analysis import NodeGraph
from simulator.authoring.lint_context import Context, Finding
from simulator.authoring.walks import finishing


def unreachable_nodes(ctx: Context) -> Iterator[Finding]:
    """FL101: no choice leads (directly or not) from the start to this node."""
    graph = NodeGraph(ctx.scenario)
    for node_id, seen in zip(graph.ids, graph.reachable(), strict=True):
        if not seen:
            yield ctx.at_node("FL101", node_id, f"node '{node_id}' cannot be reached from the start "
                              f"'{ctx.scenario.start}'", "point a choice's 'next' at it, or delete the node")


def no_way_to_end(ctx: Context) -> Iterator[Finding]:
    """FL102 (a node that cannot lead to an ending) and FL103 (a loop with no exit)."""
    graph = NodeGraph(ctx.scenario)
    reachable, finish = graph.reachable(), graph.finishing()
    trapped = [r and not f for r, f in zip(reachable, finish, strict=True)]
    in_loop: set[int] = set()
    for comp in graph.components():
        if trapped[comp[0]] and graph.is_cyclic(comp) and all(trapped[n] for c in comp for n in graph.succ[c]):
            in_loop.update(comp)
            names = ", ".join(f"'{graph.ids[n]}'" for n in comp)
            yield ctx.at_node("FL103", graph.ids[comp[0]], f"the nodes {names} form a loop with no way out: "
                              "once a player enters, the call never ends",
                              "give one of these nodes a choice whose 'next' leads towards an ending")
    for node, is_trapped in enumerate(trapped):
        if is_trapped and node not in in_loop:
            yield ctx.at_node("FL102", graph.ids[node], f"no ending can be reached from node '{graph.ids[node]}'",
                              "make at least one choice here lead towards an ending node")


def condition_effects(ctx: Context) -> Iterator[Finding]:
    """FL104 (never reached), FL105 (never available) and FL106 (stuck states), from the state space."""
    space = ctx.space
    if space is None:
        return
    graph = NodeGraph(ctx.scenario)
    reached = set(space.nodes)
    taken: set[tuple[str, int]] = {(space.nodes[space.origin[e]], space.choice[e]) for e in range(len(space.target))}
    for node_id, seen in zip(graph.ids, graph.reachable(), strict=True):
        if seen and node_id not in reached:
            yield ctx.at_node("FL104", node_id, f"node '{node_id}' is never reached: the choices leading here "
                              "are never available when players get to them", "check those choices' conditions")
    for node_id, node in ctx.scenario.nodes.items():
        if node_id not in reached:
            continue
        for position, choice in enumerate(node.choices):
            if (node_id, position) not in taken and choice.condition is not None:
                yield ctx.at_choice("FL105", node_id, position, f"choice '{choice.id}' is never available: "
                                    f"'{choice.condition.source}' is false every time a player reaches "
                                    f"'{node_id}'", "change the condition or the effects before this node")
    yield from _stuck(ctx, graph)


def _stuck(ctx: Context, graph: NodeGraph) -> Iterator[Finding]:
    space = ctx.space
    assert space is not None
    structural = dict(zip(graph.ids, graph.finishing(), strict=True))
    can_finish = finishing(space)
    reported: set[str] = set()
    for state in range(space.size):
        node_id = space.nodes[state]
        if can_finish[state] or not structural[node_id] or node_id in reported:
            continue
        reported.add(node_id)
        values = ", ".join(f"{k}={v}" for k, v in space.state_values(state).items())
        route = " > ".join(space.choice_id(e) for e in space.path_to(state)) or "(the start)"
        yield ctx.at_node("FL106", node_id, f"a player can get stuck at '{node_id}': with {values} (after "
                          f"{route}) no ending can be reached", "add a choice without a condition that leads "
                          "towards an ending, or relax the conditions on the way out")


STRUCTURE_RULES = (unreachable_nodes, no_way_to_end, condition_effects)
