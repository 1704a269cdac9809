"""A tension is felt at a decision only when no option is the best on both sides."""

from __future__ import annotations

from scoring.catalog import Tension
from simulator.authoring.tensions import felt_at
from simulator.content.models import Node

TENSION = Tension(id="t", name="T", description="D.", one_side=("apologize-sincerely",),
                  other_side=("be-honest",), sources=("x.txt",))


def node(*grades: dict[str, int]) -> Node:
    return Node.model_validate({"line": "Well?", "choices": [
        {"id": f"c{k}", "text": "Option", "next": "end", "grades": g, "feedback": "Why."}
        for k, g in enumerate(grades)]})


def test_two_options_each_best_on_one_side_is_a_tension() -> None:
    assert felt_at(node({"apologize-sincerely": 3, "be-honest": -1},
                        {"apologize-sincerely": 1, "be-honest": 2}), TENSION)


def test_a_third_option_best_on_both_dissolves_it() -> None:
    assert not felt_at(node({"apologize-sincerely": 3, "be-honest": -1},
                            {"apologize-sincerely": 1, "be-honest": 2},
                            {"apologize-sincerely": 3, "be-honest": 2}), TENSION)


def test_a_side_that_does_not_tell_options_apart_is_no_tension() -> None:
    assert not felt_at(node({"apologize-sincerely": 2, "be-honest": 1},
                            {"apologize-sincerely": 1, "be-honest": 1}), TENSION)
