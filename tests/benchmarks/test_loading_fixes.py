"""Behaviour kept by the loading speed fixes found by the benchmarks (no timings asserted here)."""

from __future__ import annotations

import gc

import pytest

from simulator.content.conditions import ConditionError, parse_condition
from simulator.content.problems import ContentError
from simulator.content.yaml_reader import parse_yaml
from simulator.engine import ScenarioMachine


def test_parsed_conditions_are_shared_and_still_correct() -> None:
    first = parse_condition("mood < 30 and not apologized")
    assert parse_condition("mood < 30 and not apologized") is first
    assert first.holds({"mood": 10}) and not first.holds({"mood": 10, "apologized": 1})


def test_bad_conditions_still_raise_every_time() -> None:
    for _ in range(2):
        with pytest.raises(ConditionError):
            parse_condition("mood <")


def test_parser_feeds_every_event_and_still_refuses_aliases() -> None:
    doc = parse_yaml("a: 1\nb: [x, {c: true}]\n", "t.yaml")
    assert doc.data == {"a": 1, "b": ["x", {"c": True}]}
    assert doc.where(("b", 1, "c")) == (2, 12)
    with pytest.raises(ContentError):
        parse_yaml("a: &x 1\nb: *x\n", "t.yaml")


def test_machine_build_leaves_the_collector_as_it_found_it(load) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import LATE_PARCEL

    loaded = load(LATE_PARCEL.read_text())
    assert gc.isenabled()
    ScenarioMachine(loaded.scenario)
    assert gc.isenabled()
    gc.disable()
    try:
        ScenarioMachine(loaded.scenario)
        assert not gc.isenabled()
    finally:
        gc.enable()
