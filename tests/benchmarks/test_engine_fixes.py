"""Behaviour kept by the engine speed fixes found by the benchmarks (no timings asserted here)."""

from __future__ import annotations

import itertools
import logging

import pytest

from simulator.content.loader import LoadedScenario, load_scenario
from simulator.engine import ScenarioMachine
from simulator.engine.node_plan import display_order
from simulator.engine.session import ChoiceUnavailable
from tests.conftest import LATE_PARCEL


@pytest.fixture
def parcel(principle_ids: tuple[str, ...]) -> LoadedScenario:
    return load_scenario(LATE_PARCEL, principle_ids)


def test_display_order_is_a_deterministic_permutation() -> None:
    for count in range(1, 8):
        order = display_order(7, 3, "checking", count)
        assert sorted(order) == list(range(count))
        assert display_order(7, 3, "checking", count) == order


def test_display_order_reaches_every_permutation_of_three() -> None:
    seen = {display_order(seed, 0, "n", 3) for seed in range(400)}
    assert seen == set(itertools.permutations(range(3)))
    by_step = {display_order(1, step, "n", 4) for step in range(400)}  # later decisions vary too
    assert by_step == set(itertools.permutations(range(4)))


def test_starting_a_session_logs_nothing_per_state(parcel: LoadedScenario, caplog: pytest.LogCaptureFixture) -> None:
    machine = ScenarioMachine(parcel.scenario)
    with caplog.at_level(logging.DEBUG, logger="transitions"):
        machine.start().close()
    assert not [r for r in caplog.records if "'is_" in r.getMessage()]


def test_choosing_moves_the_session_like_the_machine_would(parcel: LoadedScenario) -> None:
    machine = ScenarioMachine(parcel.scenario)
    session = machine.start(seed=1)
    session.choose("ask-details")  # sets apologized = 1
    assert session.state == "checking"
    with pytest.raises(ChoiceUnavailable):
        session.choose("recover")  # condition apologized == 0 no longer holds: session unchanged
    assert session.state == "checking" and len(session.transcript) == 1
    step = session.choose("tell-truth")
    assert (step.next_node, session.state, session.finished) == ("resolved", "resolved", True)
    assert machine.machine.get_model_state(session).name == "resolved"
    assert step.available == ("tell-truth", "promise", "stall")
