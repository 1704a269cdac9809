"""Lint of scenarios with ``details``: FL404 (fits the screen only as written), FL706 (a value
written out, so other runs contradict it) and FL705 on the alternatives."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.authoring.lint import Finding, lint_file
from tests.content.test_details_check import BASE

DETAIL_CODES = {"FL404", "FL706", "FL705"}


def _findings(tmp_path: Path, text: str, principle_ids: tuple[str, ...]) -> list[Finding]:
    path = tmp_path / "refund.yaml"
    path.write_text(text, encoding="utf-8")
    return [f for f in lint_file(path, principle_ids) if f.code in DETAIL_CODES | {"FL001", "FL401", "FL301"}]


CASES = [  # (code, BASE with one fault): test_lint's every-code check reads the codes
    ("FL404", BASE.replace("{name: Tom Berg, first: Tom}", "{name: Tom Berg, first: " + "T" * 110 + "}").replace(
        "I'm sorry, {first}.", "I'm sorry, {first}, {first}.")),
    ("FL706", BASE.replace("I was charged {amount} twice!", "I was charged £19.99 twice! {amount}?")),
]


@pytest.mark.parametrize(("code", "bad"), CASES, ids=[c for c, _ in CASES])
def test_code_fires_on_bad_and_not_on_base(tmp_path: Path, principle_ids: tuple[str, ...], code: str,
                                           bad: str) -> None:
    assert code in [f.code for f in _findings(tmp_path, bad, principle_ids)]
    assert code not in [f.code for f in _findings(tmp_path, BASE, principle_ids)]


def test_the_base_scenario_has_no_detail_findings(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    assert _findings(tmp_path, BASE, principle_ids) == []


def test_a_text_that_fits_only_as_written_is_fl404(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    option = "I'm sorry, {first}. " + "x" * 167 + " {amount}."  # 197 characters as written
    text = BASE.replace("I'm sorry, {first}. I'll refund the second {amount} today.", option).replace(
        "{name: Tom Berg, first: Tom}", "{name: Tom Berg, first: Bartholomew-Jones}")
    found = _findings(tmp_path, text, principle_ids)
    assert [(f.code, f.line) for f in found] == [("FL404", 23)]
    assert "{amount} = '£12.40', {first} = 'Bartholomew-Jones'" in found[0].message
    assert "this option is 205 characters" in found[0].message and "only 200 fit" in found[0].message
    shorter = text.replace("x" * 167, "x" * 162)
    assert _findings(tmp_path, shorter, principle_ids) == []


def test_a_timer_that_is_too_short_with_long_details_is_fl404(tmp_path: Path,
                                                              principle_ids: tuple[str, ...]) -> None:
    long_names = BASE.replace("{name: Tom Berg, first: Tom}",
                              "{name: Tom Berg, first: Anastasia-Maximiliana-Bartholomea-Wolfeschlegel}")
    timed = long_names.replace("  open:\n", "  open:\n    time_limit: 9\n    timeout_choice: deflect\n")
    codes = [(f.code, f.line) for f in _findings(tmp_path, timed, principle_ids)]
    assert codes == [("FL404", 20)]
    assert _findings(tmp_path, timed.replace("time_limit: 9", "time_limit: 11"), principle_ids) == []


def test_a_value_written_out_is_fl706(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    text = BASE.replace("{first} got the duplicate charge back", "{first} got the £12.40 charge back")
    found = _findings(tmp_path, text, principle_ids)
    assert [f.code for f in found] == ["FL706"]
    assert "'£12.40' is written out in this debrief" in found[0].message and "{amount}" in found[0].hint
    named = BASE.replace("Charges like that usually", "Tom, charges like that usually")
    assert [f.code for f in _findings(tmp_path, named, principle_ids)] == ["FL706"]


def test_pronouns_are_not_facts(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    text = BASE.replace("{name: Ana Ruiz, first: Ana}", "{name: Ana Ruiz, first: Ana, they: She}").replace(
        "{name: Tom Berg, first: Tom}", "{name: Tom Berg, first: Tom, they: He}").replace(
        '"{first} got the duplicate charge back', '"{they} got the duplicate charge back. She or He')
    assert _findings(tmp_path, text, principle_ids) == []


def test_an_undrawable_character_in_an_alternative_is_fl705(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    pytest.importorskip("pygame")
    text = BASE.replace('"£19.99"', '"£19.99 ✓"')
    found = _findings(tmp_path, text, principle_ids)
    assert [(f.code, f.line) for f in found] == [("FL705", 16)]


def test_other_rules_read_the_first_variant(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    """FL401 measures the text as the first alternatives fill it, not the placeholders' own length."""
    raw_long = BASE.replace("I'm sorry, {first}. I'll refund the second {amount} today.",
                            "I'm sorry, {first}{first}{first}{first}{first}. " + "x" * 160)  # 208 as written
    assert _findings(tmp_path, raw_long, principle_ids) == []  # 'Ana' x5: 188 characters
    first_long = raw_long.replace("{name: Ana Ruiz, first: Ana}", "{name: Ana Ruiz, first: Anastasia}")
    assert [f.code for f in _findings(tmp_path, first_long, principle_ids)] == ["FL401"]  # 218
