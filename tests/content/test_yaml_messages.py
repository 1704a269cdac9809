"""Trainer-facing YAML messages: quotes are reported where they open, numbers where text belongs say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.authoring.scaffold import starter_scenario
from simulator.content.loader import load_text
from simulator.content.problems import ContentError, Problem
from simulator.content.safe_yaml import parse_yaml

STARTER_LINE = "    line: Hi. I've been trying to sort this out for a week and nobody seems to know anything."


def starter() -> str:
    return starter_scenario("demo", Path("demo.yaml"))


def problems(text: str, principle_ids) -> tuple[Problem, ...]:
    with pytest.raises(ContentError) as caught:
        load_text(text, "t.yaml", principle_ids)
    return caught.value.problems


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if fragment in line)


def test_unclosed_quote_is_reported_where_it_opens(principle_ids):
    text = starter().replace(STARTER_LINE, '    line: "Hi. I have been trying')
    [problem] = problems(text, principle_ids)
    assert (problem.line, problem.column) == (_line_of(text, 'line: "Hi.'), 11)
    assert "quote opened here is never closed" in problem.message and "close the quote" in problem.hint


def test_unclosed_quote_closed_by_a_later_quote_is_still_blamed():
    text = 'nodes:\n  a:\n    line: "Oh no. Tell me\n    next: done\n  b:\n    line: "fine"\n    next: c\n'
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "t.yaml")
    problem = caught.value.first
    assert (problem.line, problem.column) == (3, 11)
    assert "got stuck at line 6" in problem.message and "close the quote" in problem.hint


def test_text_quoted_over_several_lines_is_not_blamed_for_an_unrelated_error():
    text = 'a:\n  line: "Oh no.\n    Tell me"\n  next: x\n b: bad indent\n'
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "t.yaml")
    assert "quote" not in caught.value.first.message


def test_unclosed_quote_in_a_flow_mapping():
    with pytest.raises(ContentError) as caught:
        parse_yaml('a:\n  - {id: x, text: "Hi}\n  - b\n', "t.yaml")
    assert (caught.value.first.line, caught.value.first.column) == (2, 19)


def test_apostrophe_in_single_quotes_says_how_to_write_it(principle_ids):
    text = starter().replace(STARTER_LINE, "    line: 'It's broken again'")
    [problem] = problems(text, principle_ids)
    assert problem.line == _line_of(text, "It's broken")
    assert "apostrophe ends this text" in problem.message and "''" in problem.hint


@pytest.mark.parametrize(("value", "message", "hint"), [
    ("45", "nodes.opening.line must be text, not the number 45", 'put it in quotes ("45")'),
    ("4.5", "must be text, not the number 4.5", 'put it in quotes ("4.5")'),
    ("false", "nodes.opening.line must be text, not false", 'put it in quotes ("false")'),
    ("", "nodes.opening.line is empty", "write the text after the colon"),
    ("[laughs]", "nodes.opening.line must be text or a list of variants", "must be put in quotes"),
    ("[laughs] Fine.", "text that starts with [ or { is read as a list", 'quotes ("[laughs] Fine.")'),
])
def test_a_value_where_the_line_text_belongs(principle_ids, value, message, hint):
    text = starter().replace(STARTER_LINE, f"    line: {value}".rstrip())
    [problem] = problems(text, principle_ids)
    assert problem.line == _line_of(text, "    line:") and message in problem.message and hint in problem.hint


def test_a_number_as_option_text_says_put_it_in_quotes(principle_ids):
    text = starter().replace("text: Oh no, a whole week? That sounds exhausting.", "text: 404")
    [problem] = problems(text, principle_ids)
    assert problem.message.endswith("text must be text, not the number 404")
    assert problem.hint == 'this must be text: put it in quotes ("404")'


def test_the_starter_still_loads(principle_ids):
    assert load_text(starter(), "t.yaml", principle_ids).scenario.id == "demo"


def test_strict_documents_keep_their_source():
    """Lint's FL701 reads the source text the loader kept, whichever reader parsed it."""
    from simulator.content.safe_yaml import _parse_strict

    text = "a: 1  # comment\n"
    assert _parse_strict(text, "t.yaml").source == text == parse_yaml(text, "t.yaml").source


def test_hash_inside_a_flow_mapping_is_explained():
    text = "a:\n  - {id: c1, text: Order #12 is late, next: e1}\n  - {id: c2, text: \"Say #1\", next: e1}\n"
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "t.yaml")
    problem = caught.value.first
    assert (problem.line, problem.column) == (2, 26) and "' #' starts a comment" in problem.message
    assert "in quotes" in problem.hint
