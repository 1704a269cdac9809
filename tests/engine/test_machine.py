"""One transitions Machine per scenario; sessions are its models."""

from __future__ import annotations

import pytest

from simulator.content.loader import LoadedScenario, load_scenario
from simulator.engine import ScenarioMachine
from tests.conftest import LATE_PARCEL


@pytest.fixture
def parcel(principle_ids: tuple[str, ...]) -> LoadedScenario:
    return load_scenario(LATE_PARCEL, principle_ids)


def test_no_auto_transitions(parcel: LoadedScenario) -> None:
    machine = ScenarioMachine(parcel.scenario)
    events = set(machine.machine.events)
    assert events == {"pick_0", "pick_1", "pick_2", "pick_3"}  # one per choice position, nothing else
    for node in parcel.scenario.nodes:
        assert not [t for t in machine.machine.get_triggers(node) if t.startswith("to_")]
    session = machine.start()
    assert not [name for name in dir(session) if name.startswith(("to_", "is_"))]


def test_transitions_follow_the_scenario(parcel: LoadedScenario) -> None:
    machine = ScenarioMachine(parcel.scenario)
    events = machine.machine.events
    assert [t.dest for t in events["pick_0"].transitions["opening"]] == ["checking"]
    assert [t.dest for t in events["pick_2"].transitions["checking"]] == ["resolved"]
    assert len(events["pick_2"].transitions["checking"][0].conditions) == 1  # the 'recover' condition
    assert "resolved" not in events["pick_0"].transitions  # endings have no way out


def test_sessions_are_added_and_removed_as_models(parcel: LoadedScenario) -> None:
    machine = ScenarioMachine(parcel.scenario)
    first, second = machine.start(seed=1), machine.start(seed=2)
    assert first in machine.machine.models and second in machine.machine.models
    first.choose("script")
    assert (first.state, second.state) == ("lost", "opening")  # sessions move independently
    first.close()
    assert first not in machine.machine.models and second in machine.machine.models
    first.close()  # idempotent
    second.close()
    assert machine.machine.models == []


def test_node_ids_that_look_like_machine_words_are_fine(load) -> None:  # type: ignore[no-untyped-def]
    loaded = load("""\
        schema_version: 1
        id: words
        title: Words
        summary: Node ids that could clash with the state machine's own names.
        difficulty: beginner
        estimated_minutes: 1
        principles: [listen-first]
        customer: {name: Lee, situation: Testing., state: {mood: 50}}
        start: trigger
        nodes:
          trigger:
            choices:
              - {id: a, text: A, next: state, feedback: A.}
          state:
            choices:
              - {id: b, text: B, next: to_end, feedback: B.}
          to_end:
            ending: {outcome: resolved, quality: good, title: End, debrief: Done.}
        """)
    session = ScenarioMachine(loaded.scenario).start()
    session.choose("a")
    session.choose("b")
    assert session.state == "to_end" and session.finished
