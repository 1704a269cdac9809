"""Open-answer matching on a loaded scenario: which of a node's options a typed reply means.

Contract: ``ScenarioMatcher(scenario)`` builds the word weights and typo vocabulary once from the
scenario's own texts (every option, ``also`` phrasing, customer line and narration), then
``match(node_id, reply, open_ids=None)`` ranks the node's options (only ``open_ids`` when given:
the options open at that moment in a play). Raises ``KeyError`` for a node that does not exist or
has no options. No pygame, no file access, no network.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from simulator.content.models import Node, Scenario
from simulator.matching.matcher import Matcher, MatchResult, OptionText


def _scenario_texts(scenario: Scenario) -> Iterator[str]:
    for node in scenario.nodes.values():
        if node.narration:
            yield node.narration
        yield from (variant.text for variant in node.line)
        for choice in node.choices:
            yield choice.text
            yield from choice.also


def node_options(node: Node, open_ids: Iterable[str] | None = None) -> list[OptionText]:
    """The node's options (all, or those in ``open_ids``) in file order, with their phrasings."""
    wanted = None if open_ids is None else set(open_ids)
    return [OptionText(c.id, c.text, tuple(c.also)) for c in node.choices if wanted is None or c.id in wanted]


class ScenarioMatcher:
    """A ``Matcher`` trained on one scenario's texts, answering per node."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.matcher = Matcher(_scenario_texts(scenario))

    def options(self, node_id: str, open_ids: Iterable[str] | None = None) -> list[OptionText]:
        node = self.scenario.nodes[node_id]
        if not node.choices:
            raise KeyError(node_id)
        return node_options(node, open_ids)

    def match(self, node_id: str, reply: str, open_ids: Iterable[str] | None = None) -> MatchResult:
        return self.matcher.match(reply, self.options(node_id, open_ids))
