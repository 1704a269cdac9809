"""The strict YAML reader: a small YAML 1.2-like schema, positions, and refusals without a traceback."""

from __future__ import annotations

import pytest

from simulator.content import limits
from simulator.content.limits import MAX_DEPTH, MAX_PROBLEMS
from simulator.content.problems import ContentError
from simulator.content.safe_yaml import YamlDocument, resolve_plain
from simulator.content.yaml_reader import parse_yaml


def refuse(text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "t.yaml")
    return [p.format() for p in caught.value.problems]


@pytest.mark.parametrize(("raw", "value"), [
    ("No", "No"), ("no", "no"), ("off", "off"), ("yes", "yes"), ("On", "On"), ("y", "y"),
    ("012", "012"), ("0x1F", "0x1F"), ("0o17", "0o17"), ("1_000", "1_000"), ("12:30", "12:30"),
    ("2024-01-02", "2024-01-02"), (".inf", ".inf"), (".nan", ".nan"), ("1e5", "1e5"),
    ("true", True), ("False", False), ("null", None), ("~", None), ("", None),
    ("0", 0), ("-7", -7), ("+5", 5), ("42", 42), ("1.5", 1.5), ("-.5", -0.5), ("2.", 2.0),
])
def test_plain_scalar_schema(raw: str, value: object) -> None:
    resolved = resolve_plain(raw)
    assert resolved == value and type(resolved) is type(value)


def test_no_and_octal_stay_text_in_a_document() -> None:
    data = parse_yaml("a: No\nb: 012\nc: 12:30\nd: off\ne: '10'\nf: \"true\"\n1: x\n", "t.yaml").data
    assert data == {"a": "No", "b": "012", "c": "12:30", "d": "off", "e": "10", "f": "true", "1": "x"}


def test_huge_integer_stays_text_instead_of_raising() -> None:
    # int("9" * 5000) raises ValueError (Python's digit limit); the reader must not let that escape
    assert parse_yaml("n: " + "9" * 5000, "t.yaml").data["n"] == "9" * 5000


def test_positions_of_values_and_keys() -> None:
    doc = parse_yaml("top:\n  inner: [a, b]\n  other: 3\n", "t.yaml")
    assert doc.where(("top", "inner", 1)) == (2, 14)
    assert doc.where(("top", "other")) == (3, 10)
    assert doc.where(("top", "other"), key=True) == (3, 3)
    assert doc.where(("top", "missing", 4)) == (2, 3)  # nearest existing ancestor: the 'top' mapping
    assert doc.problem(("top", "inner"), "m", "h").format() == "t.yaml:2:10: m (fix: h)"


def test_crlf_line_endings_keep_line_numbers() -> None:
    doc = parse_yaml("a: 1\r\nb:\r\n  c: 2\r\n", "t.yaml")
    assert doc.data == {"a": 1, "b": {"c": 2}}
    assert doc.where(("b", "c")) == (3, 6)


def test_every_problem_is_reported_at_once() -> None:
    problems = refuse("a: 1\na: 2\nb: !!str x\nc: &anchor 1\nd: *anchor\n")
    assert [p.split(": ", 1)[0] for p in problems] == ["t.yaml:2:1", "t.yaml:3:4", "t.yaml:4:4", "t.yaml:5:4"]
    assert "duplicate key 'a'" in problems[0] and "tag" in problems[1]
    assert "anchor '&anchor'" in problems[2] and "alias '*anchor'" in problems[3]


def test_problem_count_is_capped() -> None:
    problems = refuse("".join(f"k: {i}\n" for i in range(500)))
    assert len(problems) == MAX_PROBLEMS


def test_depth_limit_is_exact() -> None:
    assert parse_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH, "t.yaml").data is not None
    (problem,) = refuse("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert f"deeper than {MAX_DEPTH}" in problem


@pytest.mark.parametrize("text", [
    "[" * 100_000,  # would crash CSafeLoader's recursive composer
    "{a: " * 100_000,
    "- " * 100_000,
    "[" * 1_001 + "]" * 1_001,  # past libyaml 0.2.6's own limit: refused by its scanner first
    "a: " + "{b: " * 5_000,
])
def test_deep_nesting_bombs_are_refused(text: str) -> None:
    """Whichever layer notices first (our builder or libyaml's own limit), the trainer is told
    the file nests too deeply and to flatten it, never a generic syntax hint."""
    problems = refuse(text)
    assert any("nesting is deeper" in p and "flatten" in p for p in problems), problems
    assert not any("indentation, colons and quotes" in p for p in problems), problems


def test_billion_laughs_is_refused_without_expanding() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    problems = refuse("\n".join(lines))
    assert any("alias '*a' is not allowed" in p for p in problems)


def test_merge_key_bomb_is_refused() -> None:
    lines = ["a0: &a0 {x: 1}"] + [f"a{i}: &a{i}\n  <<: [*a{i-1}, *a{i-1}]" for i in range(1, 30)]
    problems = refuse("\n".join(lines))
    assert any("merge key '<<' is not allowed" in p for p in problems)


def test_quoted_merge_key_is_an_ordinary_key() -> None:
    assert parse_yaml("'<<': 1\n", "t.yaml").data == {"<<": 1}


def test_non_scalar_key_is_refused_and_does_not_shift_later_keys() -> None:
    problems = refuse("? [a]\n: b\nc: d\nc: e\n")
    assert problems[0].startswith("t.yaml:1:3: a mapping key must be plain text")
    # 'c' is still read as a key: its duplicate is found on line 4
    assert any(p.startswith("t.yaml:4:1: duplicate key 'c'") for p in problems)


def test_second_document_is_refused() -> None:
    (problem,) = refuse("a: 1\n---\nb: 2\n")
    assert problem.startswith("t.yaml:2:1: more than one YAML document")


def test_syntax_error_is_located() -> None:
    (problem,) = refuse("a: [1, 2\nb: 3\n")
    assert problem.startswith("t.yaml:") and "YAML syntax error" in problem


def test_forbidden_character_is_located_after_non_ascii_text() -> None:
    # the C reader counts UTF-8 bytes; the reported column must count characters
    (problem,) = refuse("a: é\nb: ü x\x01\n")
    assert problem.startswith("t.yaml:2:7: YAML error: the character U+0001 is not allowed")


def test_empty_text_gives_no_data() -> None:
    assert parse_yaml("", "t.yaml").data is None
    assert parse_yaml("# only a comment\n", "t.yaml").data is None


def test_value_count_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    assert limits.MAX_VALUES >= 800_000  # the 10,000-node benchmark scenario holds about 783,000 values
    monkeypatch.setattr(limits, "MAX_VALUES", 100)
    assert len(parse_yaml("- a\n" * 99, "t.yaml").data) == 99  # 99 items + the list itself = 100 values
    (problem,) = refuse("- a\n" * 100)
    assert problem.startswith("t.yaml:100:3: the file holds more than 100 values")


@pytest.mark.parametrize(("text", "hint"), [
    ("a: 1\n\tb: 2\n", "replace the tab with spaces"),
    ("a:\n  text: Note: I am here\n", "needs quotes around the whole text"),
])
def test_syntax_errors_get_a_specific_fix(text: str, hint: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "t.yaml")
    assert hint in caught.value.first.hint


def test_a_forgotten_dash_is_suggested_for_duplicate_keys() -> None:
    with pytest.raises(ContentError) as caught:
        parse_yaml("choices:\n  - id: a\n    text: A\n    id: b\n", "t.yaml")
    assert "put '- ' before its first key" in caught.value.first.hint


def test_positions_of_data_the_strict_reader_would_refuse_fall_back_to_the_first_line() -> None:
    # lazy tables come from the strict reader; if it refuses the source (the data came from a reader
    # that disagreed, or from a cache entry for other bytes), messages point at 1:1 instead of raising
    doc = YamlDocument.from_cache("t.yaml", {"a": 1}, "a: [\n")
    assert doc.where(("a",)) == (1, 1) and doc.where(("a",), key=True) == (1, 1)
    assert doc.problem(("a",), "m", "h").format() == "t.yaml:1:1: m (fix: h)"


def test_a_key_starting_with_nul_is_refused_not_dropped() -> None:
    with pytest.raises(ContentError) as caught:
        parse_yaml('a: 1\n"\\0b": 2\n', "f.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (2, 1) and "NUL" in problem.message
