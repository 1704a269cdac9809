"""The pull API, transcript, snapshots, determinism and state clamping of a play session."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

import pytest

from simulator.content.loader import LoadedScenario, load_scenario
from simulator.engine import ChoiceUnavailable, PlaySession, ScenarioMachine, SnapshotError, mood_label
from tests.conftest import LATE_PARCEL


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def parcel(principle_ids: tuple[str, ...]) -> LoadedScenario:
    return load_scenario(LATE_PARCEL, principle_ids)


@pytest.fixture
def machine(parcel: LoadedScenario) -> ScenarioMachine:
    return ScenarioMachine(parcel.scenario, parcel.content_hash)


CLAMP = """\
    schema_version: 1
    id: clamp
    title: Clamp
    summary: Effects push the customer's state past its limits.
    difficulty: beginner
    estimated_minutes: 1
    principles: [listen-first]
    customer: {name: Lee, situation: Testing., state: {mood: 90, trust: 5}}
    start: a
    nodes:
      a:
        shuffle: false
        line:
          - when: mood >= 100
            text: Delighted!
          - text: Hello.
        choices:
          - {id: up, text: Up, next: a, effects: {mood: 50, trust: -50}, feedback: Up.}
          - {id: down, text: Down, next: a, effects: {mood: -100, trust: 100}, feedback: Down.}
          - {id: leave, text: Leave, next: end, feedback: Bye.}
      end:
        ending: {outcome: resolved, quality: good, title: End, debrief: Done.}
    """


def test_beat_text_varies_with_state(machine: ScenarioMachine) -> None:
    calm, upset = machine.start(), machine.start()
    assert calm.beat().text.startswith("Hi, my parcel is five days late")
    assert calm.beat().narration == "The chat opens. Sam has already written twice."
    assert calm.beat().speaker == "Sam Ortiz" and calm.beat().mood == 35 and calm.beat().mood_label == "annoyed"
    calm.choose("ask-details")  # mood 35 + 10 = 45
    upset.choose("blame-courier")  # mood 35 - 10 = 25 < 30
    assert calm.beat().text == "Sure, it's 4471."
    assert upset.beat().text.startswith("Fine. It's 4471.")
    assert calm.beat().time_limit == 20 and calm.beat().ending is None


def test_unavailable_choices_without_a_hint_are_hidden(machine: ScenarioMachine) -> None:
    session = machine.start()
    session.choose("ask-details")  # sets apologized = 1, so 'recover' (apologized == 0) is locked
    views = {view.id: view for view in session.choices()}
    assert set(views) == {"tell-truth", "promise", "stall"}  # 'recover' has no locked_hint: hidden
    assert sorted(view.number for view in views.values()) == [1, 2, 3]
    everything = {view.id: view for view in session.choices(include_hidden=True)}
    assert not everything["recover"].available
    assert everything["recover"].why_unavailable == "only when apologized == 0"
    assert everything["recover"].number == 4  # hidden ones are numbered after the visible ones
    with pytest.raises(ChoiceUnavailable):
        session.choose("recover")
    with pytest.raises(ChoiceUnavailable):
        session.choose_number(4)
    assert session.state == "checking" and len(session.transcript) == 1  # unchanged


def test_locked_choice_with_a_hint_is_shown_greyed_with_the_hint(load) -> None:  # type: ignore[no-untyped-def]
    loaded = load(LOCKED)
    session = ScenarioMachine(loaded.scenario).start()
    views = {view.id: view for view in session.choices()}
    assert set(views) == {"refund", "listen"}
    assert not views["refund"].available and views["refund"].why_unavailable == "She needs to trust you first."
    with pytest.raises(ChoiceUnavailable):
        session.choose_number(views["refund"].number)
    session.choose("listen")  # trust 40 -> 60
    assert session.choices() == ()  # an ending: nothing to choose


LOCKED = """
    schema_version: 1
    id: locked
    title: Locked
    summary: A locked option with a hint.
    difficulty: beginner
    estimated_minutes: 1
    principles: [listen-first]
    customer: {name: Kim, situation: Waiting., state: {mood: 50, trust: 40}}
    start: a
    nodes:
      a:
        line: Hello.
        shuffle: false
        choices:
          - {id: refund, text: Refund now., next: end, condition: trust >= 60,
             locked_hint: She needs to trust you first., grades: {listen-first: 1}, feedback: Fine.}
          - {id: listen, text: Tell me more., next: end, effects: {trust: 20}, grades: {listen-first: 2},
             feedback: Good.}
      end:
        line: Thanks.
        ending: {outcome: resolved, quality: good, title: Done, debrief: Done.}
"""


def test_locked_choice_opens_when_its_condition_holds(machine: ScenarioMachine) -> None:
    session = machine.start()
    session.choose("blame-courier")  # apologized stays 0
    assert {v.id: v.available for v in session.choices()}["recover"] is True
    session.choose("recover")
    assert session.finished and session.ending.title == "Gift saved"
    assert session.values["apologized"] == 1


def test_choose_number_follows_display_order(machine: ScenarioMachine) -> None:
    session = machine.start(seed=3)
    views = session.choices()
    step = session.choose_number(2)
    assert step.choice_id == views[1].id
    for bad in (0, 5, -1):
        with pytest.raises(ChoiceUnavailable):
            session.choose_number(bad)
    with pytest.raises(ChoiceUnavailable):
        session.choose("no-such-choice")


def test_time_out_takes_the_timeout_choice(machine: ScenarioMachine) -> None:
    session = machine.start()
    with pytest.raises(ChoiceUnavailable, match="no time limit"):
        session.time_out()
    session.choose("ask-details")
    step = session.time_out()
    assert (step.choice_id, step.timed_out, step.seconds) == ("stall", True, 20.0)
    assert session.finished and session.ending.title == "Left hoping"
    with pytest.raises(ChoiceUnavailable, match="ended"):
        session.choose("stall")


def test_transcript_records_choice_time_states_and_options(machine: ScenarioMachine) -> None:
    clock = FakeClock()
    session = machine.start(clock=clock)
    clock.now += 4.25
    first = session.choose("ask-details")
    clock.now += 7.5
    second = session.choose("tell-truth")
    assert session.transcript == (first, second)
    assert (first.index, first.node_id, first.choice_id, first.next_node) == (0, "opening", "ask-details", "checking")
    assert first.seconds == 4.25 and second.seconds == 7.5 and not first.timed_out
    assert first.available == ("ask-details", "blame-courier", "script")
    assert second.available == ("tell-truth", "promise", "stall")  # 'recover' was locked
    assert first.before == {"mood": 35, "patience": 60, "trust": 50, "apologized": 0}
    assert first.after == {"mood": 45, "patience": 60, "trust": 50, "apologized": 1}
    assert second.before == first.after
    assert second.after == {"mood": 70, "patience": 60, "trust": 70, "apologized": 1}
    assert session.finished and session.ending.outcome.value == "resolved"
    explicit = machine.start(clock=clock).choose("script", seconds=2.0)
    assert explicit.seconds == 2.0


def test_effects_clamp_to_0_100(load: Callable[[str], LoadedScenario]) -> None:
    session = ScenarioMachine(load(CLAMP).scenario).start()
    assert [v.id for v in session.choices()] == ["up", "down", "leave"]  # shuffle: false keeps file order
    assert session.beat().text == "Hello."
    step = session.choose("up")
    assert step.after == {"mood": 100, "trust": 0}  # 90 + 50 -> 100, 5 - 50 -> 0
    assert session.beat().text == "Delighted!" and session.beat().mood_label == "pleased"
    assert session.choose("down").after == {"mood": 0, "trust": 100}
    assert session.beat().mood_label == "angry"


@pytest.mark.parametrize(("mood", "label"), [(0, "angry"), (19, "angry"), (20, "annoyed"), (40, "neutral"),
                                             (60, "relieved"), (79, "relieved"), (80, "pleased"), (100, "pleased")])
def test_mood_labels(mood: int, label: str) -> None:
    assert mood_label(mood) == label


# ---- determinism --------------------------------------------------------------------------------

def random_playthrough(machine: ScenarioMachine, seed: int) -> list[tuple[tuple[str, ...], str]]:
    session = machine.start(seed=seed)
    rng = random.Random(seed)
    seen = []
    while not session.finished:
        views = session.choices()
        pick = rng.choice([v for v in views if v.available])
        seen.append((tuple(v.id for v in views), pick.id))
        session.choose_number(pick.number)
    session.close()
    return seen


def test_same_seed_same_order_and_same_playthrough(machine: ScenarioMachine, parcel: LoadedScenario) -> None:
    for seed in range(10):
        again = ScenarioMachine(parcel.scenario)  # a fresh machine: nothing carried over
        assert random_playthrough(machine, seed) == random_playthrough(again, seed)


def test_different_seeds_give_different_orders(machine: ScenarioMachine) -> None:
    orders = {tuple(v.id for v in machine.start(seed=seed).choices()) for seed in range(30)}
    assert len(orders) > 1


# ---- snapshots ----------------------------------------------------------------------------------

def test_snapshot_and_restore_continue_identically(machine: ScenarioMachine, parcel: LoadedScenario) -> None:
    session = machine.start(seed="abc")
    session.choose("blame-courier")
    snapshot = json.loads(json.dumps(session.snapshot()))  # must survive JSON
    assert snapshot["node"] == "checking" and snapshot["content_hash"] == parcel.content_hash
    restored = ScenarioMachine(parcel.scenario).restore(snapshot)
    assert restored.state == "checking" and restored.values == session.values
    assert restored.transcript == session.transcript
    assert restored.choices() == session.choices()  # same seed + step -> same order
    assert restored.choose("recover").after == session.choose("recover").after


def test_snapshot_upto_rewinds_to_before_a_decision(machine: ScenarioMachine) -> None:
    session = machine.start()
    session.choose("ask-details")
    session.choose("promise")
    rewound = machine.restore(session.snapshot(upto=1))
    assert rewound.state == "checking" and len(rewound.transcript) == 1
    assert rewound.values == session.transcript[1].before


def _without_node(parcel: LoadedScenario, load: Callable[[str], LoadedScenario]) -> LoadedScenario:
    text = LATE_PARCEL.read_text()
    text = text.replace("        next: partial\n", "        next: resolved\n")
    cut = text.index("  partial:\n")
    end = text.index("  lost:\n")
    return load(text[:cut] + text[end:])


def test_restore_onto_a_scenario_whose_node_was_deleted(machine: ScenarioMachine, parcel: LoadedScenario,
                                                        load: Callable[[str], LoadedScenario]) -> None:
    session = machine.start()
    session.choose("ask-details")
    session.choose("promise")  # now at 'partial'
    edited = ScenarioMachine(_without_node(parcel, load).scenario)
    with pytest.raises(SnapshotError, match="'partial' no longer exists"):
        edited.restore(session.snapshot())
    assert edited.restore(session.snapshot(upto=1)).state == "checking"  # that part still exists


def test_restore_refuses_steps_that_no_longer_exist(machine: ScenarioMachine, load) -> None:  # type: ignore[no-untyped-def]
    session = machine.start()
    session.choose("blame-courier")
    edited = load(LATE_PARCEL.read_text().replace("id: blame-courier", "id: blame-the-courier"))
    with pytest.raises(SnapshotError, match="no longer exists"):
        ScenarioMachine(edited.scenario).restore(session.snapshot())


def _damage(snapshot: dict, how: str) -> object:  # type: ignore[type-arg]
    broken = json.loads(json.dumps(snapshot))
    if how == "not-a-dict":
        return ["nope"]
    if how == "format":
        broken["format"] = 99
    elif how == "other-scenario":
        broken["scenario_id"] = "another"
    elif how == "no-node":
        del broken["node"]
    elif how == "values-list":
        broken["values"] = [1, 2]
    elif how == "value-text":
        broken["values"]["mood"] = "furious"
    elif how == "value-range":
        broken["values"]["mood"] = 5000
    elif how == "step-missing-key":
        del broken["transcript"][0]["choice_id"]
    elif how == "transcript-none":
        broken["transcript"] = None
    elif how == "unknown-node":
        broken["node"] = "nowhere"
    return broken


@pytest.mark.parametrize("how", ["not-a-dict", "format", "other-scenario", "no-node", "values-list", "value-text",
                                 "value-range", "step-missing-key", "transcript-none", "unknown-node"])
def test_damaged_snapshot_raises_snapshot_error(machine: ScenarioMachine, how: str) -> None:
    session = machine.start()
    session.choose("ask-details")
    with pytest.raises(SnapshotError):
        machine.restore(_damage(session.snapshot(), how))  # type: ignore[arg-type]
    assert len(machine.machine.models) == 1  # nothing half-attached


def test_restore_ignores_unknown_variables_and_fills_missing_ones(machine: ScenarioMachine) -> None:
    session = machine.start()
    snapshot = session.snapshot()
    snapshot["values"] = {"mood": 12, "bogus": 3}
    restored: PlaySession = machine.restore(snapshot)
    assert restored.values == {"mood": 12, "patience": 60, "trust": 50, "apologized": 0}


def test_open_choices_are_the_available_ones_in_display_order(machine: ScenarioMachine) -> None:
    rng = random.Random(2)
    for seed in range(30):
        session = machine.start(seed=seed)
        while not session.finished:
            assert session.open_choices() == tuple(v for v in session.choices() if v.available)
            session.choose(rng.choice(session.open_choices()).id)
        assert session.open_choices() == ()


def test_each_step_s_before_is_the_previous_step_s_after(machine: ScenarioMachine) -> None:
    session = machine.start(seed=4)
    while not session.finished:
        session.choose(session.open_choices()[0].id)
    steps = session.transcript
    assert steps[0].before == dict(machine.scenario.customer.state)
    for earlier, later in zip(steps, steps[1:], strict=False):
        assert later.before == earlier.after
    assert steps[-1].after == session.values
