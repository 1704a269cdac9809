"""FL209: an ending's debrief names something that a path reaching it can skip.

"You checked her identity before changing the plan" is false for a player who reached the same
ending without the check. Where it can tell, lint finds such claims: a distinctive word of the
debrief that also names options in their ids (``verify-first``; few options, so it names an
action) whose options a path can avoid all the way to this ending while this very debrief variant
is the one shown. Sentences that say what the player
did not do ("you never", "without", "skipped"...) are left out: they describe the skipping path.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from simulator.authoring.lint_context import Context, Finding
from simulator.authoring.statespace import StateSpace
from simulator.content.models import Scenario, pick_variant

_WORD = re.compile(r"[a-z]{5,}")
_SENTENCE = re.compile(r"[^.!?;]+")
_NEGATIONS = re.compile(r"\b(never|not|no|didn't|don't|without|skipped|instead|forgot|missed|nobody|nothing)\b")
STEM = 64  # whole words: a stem joined "warning" to "warn-once" and "warnings-ignored" alike
MAX_SHARE = 0.15  # a word in more options than this is too common to identify one action
MAX_WORDS = 3


def _stems(text: str) -> set[str]:
    return {word[:STEM] for word in _WORD.findall(text.lower())}


def _claims(text: str) -> set[str]:
    """Stems of the words in the sentences that state what the player did (no negation)."""
    return {stem for sentence in _SENTENCE.findall(text.lower()) if not _NEGATIONS.search(sentence)
            for stem in _stems(sentence)}


_COMMON = frozenset(_stem[:STEM] for _stem in (
    "about", "after", "again", "before", "being", "could", "first", "going", "never", "right", "should",
    "their", "there", "these", "thing", "think", "those", "where", "which", "would", "yourself", "customer",
    "something", "anything", "nothing", "really", "still", "maybe", "other", "every"))


def _option_stems(scenario: Scenario) -> list[set[str]]:
    """Per (node, choice) in file order: the words of its id, the author's own name for the action
    (``verify-first``, ``offer-refund``), that its text says too, less words too common to name one."""
    return [(_stems(choice.id.replace("-", " ").replace("_", " ")) & _stems(choice.text)) - _COMMON
            for node in scenario.nodes.values() for choice in node.choices]


def _reachable_avoiding(space: StateSpace, avoid: set[tuple[str, int]]) -> dict[int, int]:
    """States reachable from the start without taking any (node, choice position) in ``avoid``,
    with the edge that first reached each (-1 for the start)."""
    parent = {0: -1}
    queue = deque([0])
    while queue:
        state = queue.popleft()
        node_id = space.nodes[state]
        for edge in space.edges(state):
            nxt = space.target[edge]
            if nxt in parent or (node_id, space.choice[edge]) in avoid:
                continue
            parent[nxt] = edge
            queue.append(nxt)
    return parent


def _path(space: StateSpace, parent: dict[int, int], state: int) -> list[str]:
    edges = []
    while parent[state] >= 0:
        edges.append(parent[state])
        state = space.source(parent[state])
    return [space.choice_id(e) for e in reversed(edges)]


def skippable_claims(ctx: Context) -> Iterator[Finding]:
    """FL209, see the module doc."""
    space = ctx.space
    if space is None:
        return
    scenario = ctx.scenario
    places = [(node_id, k) for node_id, node in scenario.nodes.items() for k in range(len(node.choices))]
    stems = _option_stems(scenario)
    limit = max(1, int(MAX_SHARE * len(places)))
    owners: dict[str, set[tuple[str, int]]] = {}
    for place, found in zip(places, stems, strict=True):
        for stem in found:
            owners.setdefault(stem, set()).add(place)
    tracked = set(space.variables)
    for node_id, node in scenario.nodes.items():
        if node.ending is None:
            continue
        reads = {name for v in node.ending.debrief if v.when is not None for name in v.when.names}
        if not reads <= tracked:
            continue  # the state space does not follow what picks the variant: lint cannot tell
        for index, variant in enumerate(node.ending.debrief):
            words = sorted(s for s in _claims(variant.text) if 0 < len(owners.get(s, ())) <= limit)
            yield from _check_variant(ctx, space, node_id, index, words, owners)


def _check_variant(ctx: Context, space: StateSpace, node_id: str, index: int, words: list[str],
                   owners: dict[str, set[tuple[str, int]]]) -> Iterator[Finding]:
    ending = ctx.scenario.nodes[node_id].ending
    assert ending is not None
    names = space.variables
    skipped: list[tuple[str, list[str]]] = []
    for stem in words:
        parent = _reachable_avoiding(space, owners[stem])
        for state in parent:
            if space.nodes[state] != node_id:
                continue
            values = dict(zip(names, space.values[state], strict=True))
            if pick_variant(ending.debrief, {**ctx.scenario.customer.state, **values}) == ending.debrief[index].text:
                skipped.append((stem, _path(space, parent, state)))
                break
        if len(skipped) >= MAX_WORDS:
            break
    if not skipped:
        return
    stem, path = skipped[0]
    words_text = ", ".join(f"'{s}…'" for s, _ in skipped)
    yield ctx.finding("FL209", ("nodes", node_id, "ending", "debrief", index, "text"),
                      f"the debrief of ending '{node_id}' speaks of {words_text}, but a player can reach it "
                      f"without any option that does (e.g. {' > '.join(path) or 'the start'})",
                      "give that path its own debrief with a 'when:' variant (set a flag in the option's effects), "
                      "route it to another ending, or reword the debrief so it is true for every path")


ENDING_RULES = (skippable_claims,)
