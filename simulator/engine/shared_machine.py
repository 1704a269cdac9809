"""The ``transitions`` machine class every scenario uses, tuned for many sessions and fast moves.

Contract: ``SharedMachine`` is a ``transitions.Machine`` (states, events, transitions and
conditions are transitions' own objects, built by transitions from the table we pass) with two
changes, both behaviour-preserving for the way the engine uses it:

* ``add_model`` costs O(1) instead of O(states + events): sessions call ``trigger`` and
  ``may_trigger`` with the trigger name and define no per-state or per-event methods
  (``model_override=True``), so the stock walk over every state and event only logged skipped
  bindings (about 0.5 ms per session at 1,000 nodes).
* Its events (``LeanEvent``) skip transitions' callback and logging plumbing when there is
  nothing to call: no queue, no machine-wide, event, transition or state callbacks (a transition
  with callbacks runs through its stock ``execute``). Then a move is exactly what the stock code
  would do (find the event's transitions from the model's state, check each one's conditions in
  order, take the first that holds and set the model's state) in about a quarter of the time; the
  stock ``Machine``'s full trigger path cost 16-28 us per move on the 2-core benchmark machine,
  most of it calls into empty callback lists and disabled log statements. As soon as any callback
  is registered, the stock code runs instead, so nothing transitions documents is lost.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from transitions import Event, EventData, Machine
from transitions.core import Condition, listify


class LeanEvent(Event):
    """An event whose trigger, without queue or machine-wide hooks, runs its transitions directly
    (building transitions' ``EventData`` only for a transition whose conditions or callbacks need it)."""

    def __init__(self, name: str, machine: Machine):
        super().__init__(name, machine)
        # Machine defines __getattr__, which makes every attribute read on it take CPython's slow
        # path; the trigger reads a dozen of them, so it reads the instance dict instead.
        self._machine_vars: dict[str, Any] = vars(machine)

    def trigger(self, model: Any, *args: Any, **kwargs: Any) -> bool:
        mv = self._machine_vars
        name = getattr(model, mv["model_attribute"], None)
        candidates = self.transitions.get(name) if isinstance(name, str) else None
        if (not candidates or mv["_queued"] or mv["_prepare_event"] or mv["_finalize_event"]
                or mv["_on_exception"] or mv["_before_state_change"] or mv["_after_state_change"]
                or mv["_on_final"] or not mv["send_event"] or args or kwargs):
            return super().trigger(model, *args, **kwargs)  # also unknown states and invalid triggers
        event_data = None
        states = mv["states"]
        for transition in candidates:
            dest = states[transition.dest] if transition.dest is not None else None
            hooked = (transition.prepare or transition.before or transition.after
                      or states[transition.source].on_exit or (dest is not None and (dest.on_enter or dest.final)))
            if not hooked and not transition.conditions:  # nothing to check or call: move now
                if dest is not None:
                    setattr(model, mv["model_attribute"], transition.dest)  # string states: value == name
                return True
            if event_data is None:
                event_data = EventData(states[name], self, self.machine, model, args, kwargs)
            event_data.transition = transition
            if hooked:  # the stock transition runs its callbacks, conditions and move
                if transition.execute(event_data):
                    event_data.result = True
                    return True
            elif _all_hold(transition.conditions, event_data):
                if dest is not None:
                    setattr(model, mv["model_attribute"], transition.dest)
                    event_data.state = dest
                return True
        return False


def _all_hold(conditions: list[Condition], event_data: EventData) -> bool:
    """Every ``condition.check(event_data)``, calling callable conditions directly (what ``check``
    would resolve them to)."""
    for condition in conditions:
        func = condition.func
        if (func(event_data) if callable(func) else condition.check(event_data)) != condition.target:
            return False
    return True


class SharedMachine(Machine):
    """A ``Machine`` shared by many sessions (models); see the module doc."""

    event_cls = LeanEvent

    def add_model(self, model: Any, initial: Any = None) -> None:
        for mod in listify(model):
            if mod not in self.models:
                mod.trigger = partial(self._get_trigger, mod)
                mod.may_trigger = partial(self._can_trigger, mod)
                self.set_state(self.initial if initial is None else initial, model=mod)
                self.models.append(mod)
