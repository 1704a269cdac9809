"""SharedMachine's lean events and transitions move models exactly like stock transitions."""

from __future__ import annotations

import random

import pytest
from transitions import Machine, MachineError, Transition

from simulator.engine.shared_machine import LeanEvent, SharedMachine


class Model:
    def __init__(self, level: int = 0):
        self.level = level
        self.log: list[str] = []


def _table() -> list[dict]:
    """A small graph with guarded and unguarded moves, several candidates per trigger."""
    return [
        {"trigger": "go", "source": "a", "dest": "b", "conditions": [lambda e: e.model.level > 5]},
        {"trigger": "go", "source": "a", "dest": "c"},  # taken when the first guard fails
        {"trigger": "go", "source": "b", "dest": "a"},
        {"trigger": "go", "source": "c", "dest": "a", "unless": [lambda e: e.model.level == 3]},
        {"trigger": "jump", "source": "c", "dest": "b"},
        {"trigger": "jump", "source": "b", "dest": "c", "conditions": [lambda e: e.model.level % 2 == 0]},
    ]


def _machine(cls: type[Machine], model: Model, **kwargs) -> Machine:  # type: ignore[no-untyped-def]
    return cls(model=model, states=["a", "b", "c"], initial="a", transitions=_table(),
               auto_transitions=False, send_event=True, **kwargs)


def test_transitions_builds_lean_events_and_its_own_transitions() -> None:
    machine = _machine(SharedMachine, Model())
    assert all(isinstance(event, LeanEvent) for event in machine.events.values())
    assert all(type(t) is Transition for event in machine.events.values()
               for ts in event.transitions.values() for t in ts)


def test_random_walks_match_the_stock_machine() -> None:
    rng = random.Random(3)
    for _ in range(200):
        lean, stock = Model(rng.randrange(10)), Model(0)
        stock.level = lean.level
        lean_machine, stock_machine = _machine(SharedMachine, lean), _machine(Machine, stock)
        for _ in range(12):
            trigger = rng.choice(["go", "jump"])
            lean.level = stock.level = rng.randrange(10)
            try:
                expected = stock_machine.events[trigger].trigger(stock)
            except MachineError:
                with pytest.raises(MachineError):
                    lean_machine.events[trigger].trigger(lean)
                continue
            assert lean_machine.events[trigger].trigger(lean) is expected
            assert lean.state == stock.state


def test_a_failing_guard_leaves_the_state_alone() -> None:
    model = Model(level=3)
    machine = _machine(SharedMachine, model)
    model.state = "c"
    assert machine.events["go"].trigger(model) is False  # 'unless level == 3' blocks c -> a
    assert model.state == "c"


def test_callbacks_still_run_when_registered() -> None:
    model = Model(level=9)
    machine = _machine(SharedMachine, model, before_state_change=lambda e: e.model.log.append("before"))
    machine.get_state("b").add_callback("enter", lambda e: e.model.log.append("enter b"))
    machine.events["go"].transitions["b"][0].add_callback("after", lambda e: e.model.log.append("after"))
    machine.events["go"].trigger(model)
    machine.events["go"].trigger(model)
    assert model.state == "a"
    assert model.log == ["before", "enter b", "before", "after"]


def test_queued_machines_use_the_stock_path() -> None:
    model = Model(level=9)
    machine = _machine(SharedMachine, model, queued=True)
    assert machine.events["go"].trigger(model) is True
    assert model.state == "b"


def test_a_trigger_from_a_state_without_it_is_refused_like_stock() -> None:
    model = Model()
    machine = _machine(SharedMachine, model)
    with pytest.raises(MachineError):
        machine.events["jump"].trigger(model)  # no 'jump' from 'a'
    ignoring = _machine(SharedMachine, Model(), ignore_invalid_triggers=True)
    assert ignoring.events["jump"].trigger(ignoring.models[0]) is False


def test_adding_a_model_binds_trigger_and_may_trigger_only() -> None:
    machine = _machine(SharedMachine, Model())
    extra = Model(level=9)
    machine.add_model(extra, initial="a")
    assert extra.state == "a"
    assert extra.may_trigger("go") is True
    assert extra.trigger("go") is True and extra.state == "b"
    assert not hasattr(extra, "go") and not hasattr(extra, "is_a")
