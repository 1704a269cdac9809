"""Conditions are parsed by hand, never evaluated as Python."""

from __future__ import annotations

import pytest

from simulator.content.conditions import MAX_LENGTH, MAX_NESTING, ConditionError, parse_condition


@pytest.mark.parametrize(("text", "values", "expected"), [
    ("mood < 30", {"mood": 29}, True),
    ("mood < 30", {"mood": 30}, False),
    ("mood <= 30 and trust >= 50", {"mood": 30, "trust": 50}, True),
    ("mood > 80 or apologized", {"mood": 10, "apologized": 1}, True),
    ("not apologized", {"apologized": 0}, True),
    ("not not apologized", {"apologized": 2}, True),
    ("apologized", {}, False),  # missing names count as 0
    ("(mood == 5 or mood != 5) and false", {"mood": 5}, False),
    ("true", {}, True),
    ("a or b and c", {"a": 1, "b": 0, "c": 0}, True),  # 'and' binds tighter than 'or'
    ("not a == 1", {"a": 1}, False),
])
def test_evaluation(text: str, values: dict[str, int], expected: bool) -> None:
    assert parse_condition(text).holds(values) is expected


def test_names_are_collected() -> None:
    assert parse_condition("mood < 30 and not (trust > 2 or apologized)").names == {"mood", "trust", "apologized"}


@pytest.mark.parametrize(("text", "fragment", "offset"), [
    ("", "empty", 0),
    ("mood <", "ends too early", 6),
    ("mood < 30 <", "unexpected '<'", 10),
    ("__import__('os').system('x')", "unexpected character", 11),
    ("mood.__class__", "unexpected character", 4),
    ("(mood < 3", "')' is missing", 9),
    ("mood < and", "expected a name or number", 7),
    ("lambda: 1", "unexpected character", 6),
])
def test_errors_say_what_and_where(text: str, fragment: str, offset: int) -> None:
    with pytest.raises(ConditionError) as caught:
        parse_condition(text)
    assert fragment in caught.value.message
    assert caught.value.offset == offset


def test_length_and_nesting_limits() -> None:
    with pytest.raises(ConditionError, match="longer than"):
        parse_condition("mood < 1 or " * 30 + "true" + " " * MAX_LENGTH)
    assert parse_condition("(" * MAX_NESTING + "true" + ")" * MAX_NESTING).holds({})
    with pytest.raises(ConditionError, match="nest deeper"):
        parse_condition("(" * (MAX_NESTING + 1) + "true" + ")" * (MAX_NESTING + 1))


@pytest.mark.parametrize(("text", "advice", "offset"), [
    ("mood =< 30", "did you mean '<='?", 5),
    ("mood => 30", "did you mean '>='?", 5),
    ("mood = 30", "use '==' to compare", 5),
    ("mood > 3 AND trust < 4", "write 'and' in lower case", 9),
    ("calm && kind", "write 'and'", 5),
])
def test_common_slips_get_the_intended_form(text: str, advice: str, offset: int) -> None:
    with pytest.raises(ConditionError) as caught:
        parse_condition(text)
    assert advice in caught.value.message and caught.value.offset == offset


def test_compiled_comparisons_agree_with_python_over_a_grid() -> None:
    """The one-closure form of ``name <op> number`` and the general form give the same answers,
    and comparisons of comparisons still treat true/false as 1/0."""
    import operator
    ops = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq,
           "!=": operator.ne}
    for symbol, compare in ops.items():
        named, flipped, both = (parse_condition(f"mood {symbol} 40"), parse_condition(f"40 {symbol} mood"),
                                parse_condition(f"mood {symbol} trust"))
        nested = parse_condition(f"(mood {symbol} 40) == 1")
        for mood in (-1, 0, 39, 40, 41, 100):
            for values in ({"mood": mood, "trust": 40}, {"mood": mood}):
                trust = values.get("trust", 0)
                assert named.holds(values) is compare(mood, 40)
                assert flipped.holds(values) is compare(40, mood)
                assert both.holds(values) is compare(mood, trust)
                assert nested.holds(values) is compare(mood, 40)
        assert named.holds({}) is compare(0, 40)  # a missing name counts as 0
