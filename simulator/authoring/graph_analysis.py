"""Structural facts about the node graph (ignoring conditions): reachability, endings, loops.

Contract: ``NodeGraph(scenario)`` indexes nodes in file order; ``reachable()`` gives the nodes
reachable from the start, ``finishing()`` the nodes from which an ending can be reached, and
``components()`` the strongly connected components (iterative Tarjan, no recursion).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence

from simulator.content.models import Scenario


def strongly_connected(count: int, successors: Callable[[int], Sequence[int]]) -> list[list[int]]:
    """Strongly connected components of the graph on 0..count-1, sinks first (reverse topological).

    Iterative Tarjan (no recursion, so 10,000-node graphs are fine); members of a component are
    listed in the order they leave Tarjan's stack. Shared by the node graph and the state space.
    """
    index, low, on_stack = [-1] * count, [0] * count, [False] * count
    stack: list[int] = []
    comps: list[list[int]] = []
    counter = 0
    for root in range(count):
        if index[root] >= 0:
            continue
        work = [(root, successors(root), 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            node, succ, pos = work[-1]
            if pos < len(succ):
                work[-1] = (node, succ, pos + 1)
                nxt = succ[pos]
                if index[nxt] < 0:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack[nxt] = True
                    work.append((nxt, successors(nxt), 0))
                elif on_stack[nxt]:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    top = stack.pop()
                    on_stack[top] = False
                    comp.append(top)
                    if top == node:
                        break
                comps.append(comp)
    return comps


class NodeGraph:
    def __init__(self, scenario: Scenario):
        self.ids = list(scenario.nodes)
        index = {node_id: i for i, node_id in enumerate(self.ids)}
        self.succ = [[index[c.next] for c in node.choices if c.next in index] for node in scenario.nodes.values()]
        self.ending = [node.ending is not None for node in scenario.nodes.values()]
        self.start = index.get(scenario.start, 0)

    def reachable(self) -> list[bool]:
        seen = [False] * len(self.ids)
        seen[self.start] = True
        queue = deque([self.start])
        while queue:
            for nxt in self.succ[queue.popleft()]:
                if not seen[nxt]:
                    seen[nxt] = True
                    queue.append(nxt)
        return seen

    def finishing(self) -> list[bool]:
        pred: list[list[int]] = [[] for _ in self.ids]
        for node, targets in enumerate(self.succ):
            for nxt in targets:
                pred[nxt].append(node)
        done = list(self.ending)
        queue = deque(i for i, end in enumerate(done) if end)
        while queue:
            for prev in pred[queue.popleft()]:
                if not done[prev]:
                    done[prev] = True
                    queue.append(prev)
        return done

    def components(self) -> list[list[int]]:
        """Strongly connected components (each sorted), sinks first."""
        return [sorted(comp) for comp in strongly_connected(len(self.ids), self.succ.__getitem__)]

    def is_cyclic(self, comp: list[int]) -> bool:
        return len(comp) > 1 or comp[0] in self.succ[comp[0]]
