"""The ``details:`` format: validation and cross-checks, each problem at file:line:col."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from simulator.content.details import fill_text, indexes_of, pick_details, placeholders
from simulator.content.loader import LoadedScenario
from simulator.content.problems import ContentError

Load = Callable[[str], LoadedScenario]

BASE = """\
schema_version: 1
id: refund-call
title: The Refund Call
summary: A customer was charged twice.
difficulty: beginner
estimated_minutes: 2
principles: [be-honest, listen-first]
customer:
  name: "{name}"
  situation: "{first} was charged {amount} twice."
  state: {mood: 40}
details:
  customer:
    - {name: Ana Ruiz, first: Ana}
    - {name: Tom Berg, first: Tom}
  amount: ["£12.40", "£19.99"]
start: open
nodes:
  open:
    line: I was charged {amount} twice!
    choices:
      - id: own
        text: I'm sorry, {first}. I'll refund the second {amount} today.
        next: end
        grades: {be-honest: 2}
        feedback: You owned it and said exactly what happens next.
      - id: deflect
        text: Charges like that usually sort themselves out.
        next: end
        grades: {be-honest: -2}
        feedback: A guess dressed as a fact; the customer will call again.
  end:
    ending:
      outcome: resolved
      quality: good
      title: Refunded
      debrief: "{first} got the duplicate charge back, with a clear time for it."
"""


def _problems(load: Load, text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load(text)
    return [p.format() for p in caught.value.problems]


def test_the_base_scenario_loads_and_fills(load: Load) -> None:
    scenario = load(BASE).scenario
    details = pick_details(scenario, "any seed")
    assert set(details) == {"name", "first", "amount"}
    assert indexes_of(scenario, details) is not None
    assert details["name"].startswith(details["first"])  # the group keeps name and first name together


def test_an_alternative_missing_a_fact_is_an_error_at_its_line(load: Load) -> None:
    text = BASE.replace("    - {name: Tom Berg, first: Tom}", "    - {name: Tom Berg}")
    problems = _problems(load, text)
    assert problems == ["test.yaml:15:7: alternative 2 of 'customer' lacks first: every alternative must set "
                        "the same facts (fix: give each alternative of 'customer' the fields first, name)"]


def test_mixed_shapes_and_repeats_are_errors(load: Load) -> None:
    mixed = BASE.replace('  amount: ["£12.40", "£19.99"]', '  amount: ["£12.40", {value: "£19.99"}]')
    assert any("alternative 2 of 'amount' is written differently" in p for p in _problems(load, mixed))
    repeated = BASE.replace('  amount: ["£12.40", "£19.99"]', '  amount: ["£12.40", "£12.40"]')
    assert any(":16:" in p and "repeats alternative 1" in p for p in _problems(load, repeated))


def test_unknown_placeholders_get_a_suggestion_and_unused_ones_are_reported(load: Load) -> None:
    typo = BASE.replace("I was charged {amount} twice!", "I was charged {amont} twice!")
    problems = _problems(load, typo)
    assert "test.yaml:20:11: unknown placeholder '{amont}' in this line (fix: did you mean '{amount}'?)" in problems
    unused = BASE.replace("{first} got the duplicate", "Ana got the duplicate").replace(
        "I'm sorry, {first}.", "I'm sorry.").replace('"{first} was charged', '"She was charged')
    assert any(":14:" in p and "placeholder '{first}' is declared but no text uses it" in p
               for p in _problems(load, unused))


def test_placeholders_in_the_title_and_double_declarations_are_errors(load: Load) -> None:
    titled = BASE.replace("title: The Refund Call", "title: The {amount} Refund")
    assert any(p.startswith("test.yaml:3:") and "'{amount}' in the title" in p for p in _problems(load, titled))
    twice = BASE.replace('  amount: ["£12.40", "£19.99"]', '  first: [Ana, Tom]\n  amount: ["£12.40", "£19.99"]')
    assert any("placeholder '{first}' is declared by both 'customer' and 'first'" in p for p in _problems(load, twice))


def test_values_are_plain_text_and_a_group_needs_two_alternatives(load: Load) -> None:
    braces = BASE.replace('"£19.99"]', '"{x}"]')
    assert any(":16:" in p for p in _problems(load, braces))
    single = BASE.replace('  amount: ["£12.40", "£19.99"]', '  amount: ["£12.40"]')
    assert any(":16:" in p and "a detail needs 2 to 50 alternatives, not 1" in p for p in _problems(load, single))


def test_braces_that_are_not_placeholders_stay_literal(load: Load) -> None:
    literal = BASE.replace("Charges like that usually sort themselves out.",
                           "Charges like {Those} sort { themselves } out.")
    scenario = load(literal).scenario
    assert scenario.nodes["open"].choices[1].text == "Charges like {Those} sort { themselves } out."
    assert fill_text("Charges like {Those} sort { themselves } out.", {"Those": "x"}) == \
        "Charges like {Those} sort { themselves } out."
    assert placeholders("{a} and {b_2} but not {C} or {9x}") == ["a", "b_2"]


def test_a_scenario_without_details_may_not_use_placeholders(load: Load) -> None:
    bare = BASE.split("details:")[0] + "start:" + BASE.split("start:")[1]
    problems = _problems(load, bare)
    assert any("unknown placeholder '{name}' in this customer name" in p for p in problems)
    assert all("declare it under 'details:'" in p for p in problems)


def test_voices_keyed_by_a_filled_name_follow_the_run(load: Load) -> None:
    from simulator.engine import ScenarioMachine

    scenario = load(BASE.replace("start: open\n", 'start: open\nvoices:\n  "{name}": {gender: female}\n')).scenario
    session = ScenarioMachine(scenario).start(seed=1)
    assert set(session.scenario.voices) == {session.details["name"]} == {session.beat().speaker}
