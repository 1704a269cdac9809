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
    assert not [name for name in dir(session) if name.startswith("to_")]


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


def test_callbacks_registered_the_documented_way_run(parcel: LoadedScenario) -> None:
    """The engine moves through transitions' own trigger, so its documented hooks all fire."""
    machine = ScenarioMachine(parcel.scenario)
    seen: list[str] = []
    machine.machine.on_enter_checking(lambda event: seen.append(f"enter {event.state.name}"))
    machine.machine.on_exit_opening(lambda event: seen.append("exit opening"))
    machine.machine.after_state_change = [lambda event: seen.append(f"after {event.event.name}")]
    machine.machine.events["pick_0"].add_callback("after", lambda event: seen.append("pick_0 after"))
    session = machine.start(seed=0)
    session.choose("ask-details")
    assert seen == ["exit opening", "enter checking", "pick_0 after", "after pick_0"]
    assert session.state == "checking" and session.may_trigger("pick_0")


def test_a_guarded_option_is_refused_by_the_machine_itself(parcel: LoadedScenario) -> None:
    """transitions gates the move: a locked option's trigger does not fire."""
    machine = ScenarioMachine(parcel.scenario)
    session = machine.start(seed=0)
    session.choose("ask-details")
    position = session.node.choices.index(session.node.choice("recover"))
    assert not session.is_open(position)  # its condition (apologized == 0) failed on arrival
    assert not session.may_trigger(f"pick_{position}") and not session.trigger(f"pick_{position}")
    assert session.state == "checking"
