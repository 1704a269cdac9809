"""One ``transitions`` state machine per scenario, shared by every play session on it.

Contract: ``ScenarioMachine(scenario)`` builds a stock ``transitions.Machine`` from the validated
model with ``auto_transitions=False``, used through its public API only: states are node ids; each
choice is a transition from its node to its ``next`` node, triggered by ``pick_<k>`` (k = the
choice's position in its node, so the set of trigger names stays small and ``may_trigger`` stays
cheap) and, when the choice has a condition, guarded by it. A condition is a pure function of the
session's state values and is evaluated once per arrival (``NodePlan.open``); the transition's
guard reads that result (``PlaySession.is_open``), so transitions gates every move without
evaluating a condition a second time. Sessions are models: ``start()`` adds one (``add_model``),
``PlaySession.close()`` removes it (``remove_model``); ``restore(snapshot)`` rebuilds one with
``set_state``. A scenario with ``details`` fills them per run (the transitions machine is the same
for all runs: only texts differ): ``details_for_seed(seed)`` picks them, ``plan_for(node, details)``
is a node's plan with them filled in, made once per combination of the values that node uses and
shared by every session (so memory grows with the nodes' own combinations, not with the product of
every group's alternatives), and ``filled(details)`` is the whole filled scenario for front ends
(a few kept). Callbacks registered
the documented transitions way (``on_enter_<node>`` on the machine, ``after_state_change``,
transition callbacks) run on every move.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, cast

from transitions import EventData, Machine

from simulator.content.details import (
    choose_indexes,
    details_for,
    fill_scenario,
    fill_value,
    indexes_of,
    placeholders_in,
)
from simulator.content.models import STATE_MAX, STATE_MIN, Scenario
from simulator.engine.node_plan import NodePlan, trigger_name
from simulator.engine.session import PlaySession, SnapshotError
from simulator.engine.views import Step
from simulator.util import gc_paused

Clock = Callable[[], float]
SNAPSHOT_FORMAT = 1
NO_DETAILS: Mapping[str, str] = MappingProxyType({})
MAX_FILLED = 16  # whole filled scenarios kept (front ends ask for one per run; simulations never do)


def _open_guard(position: int) -> Callable[[EventData], bool]:
    """The guard of the choice at ``position``: its condition held when the session arrived."""

    def guard(event: EventData) -> bool:
        session = cast(PlaySession, event.model)  # the machine's models are our sessions
        return session.is_open(position)

    return guard


class ScenarioMachine:
    """The state machine of one scenario; create sessions with ``start`` or ``restore``."""

    def __init__(self, scenario: Scenario, content_hash: str = ""):
        self.scenario = scenario
        self.content_hash = content_hash
        self._plans: dict[str, NodePlan] = {}
        self._details: dict[tuple[int, ...], Mapping[str, str]] = {}  # alternative indexes -> details
        self._names: dict[str, tuple[str, ...]] = {}  # node id -> the placeholders its texts use
        self._filled_plans: dict[tuple[str, tuple[str, ...]], NodePlan] = {}
        self._filled: dict[tuple[tuple[str, str], ...], Scenario] = {}
        with gc_paused():  # the build allocates ~10 objects per transition: 3x faster paused
            self.machine = self._build(scenario)

    def plan(self, node_id: str) -> NodePlan:
        """The precomputed lookups of one node as written (made on first visit, then shared by
        sessions; a scenario with ``details`` plays filled copies: see ``plan_for``)."""
        plan = self._plans.get(node_id)
        if plan is None:
            plan = self._plans[node_id] = NodePlan(self.scenario.nodes[node_id], node_id)
        return plan

    def details_for_seed(self, seed: int | str, saved: Mapping[str, str] | None = None) -> Mapping[str, str]:
        """The details a run with ``seed`` fills in (empty without ``details``). ``saved`` details
        (from a snapshot) are kept when they still match the scenario's alternatives; otherwise the
        seed picks them (``details.choose_indexes``)."""
        scenario = self.scenario
        if not scenario.details:
            return NO_DETAILS
        indexes = indexes_of(scenario, saved) if saved else None
        if indexes is None:
            indexes = choose_indexes(scenario, seed)
        found = self._details.get(indexes)
        if found is None:
            found = self._details[indexes] = MappingProxyType(details_for(scenario, indexes))
        return found

    def plan_for(self, node_id: str, details: Mapping[str, str]) -> NodePlan:
        """The plan of ``node_id`` with ``details`` filled into its texts (``plan`` when it has none)."""
        names = self._names.get(node_id)
        if names is None:
            names = self._names[node_id] = tuple(sorted(placeholders_in(self.scenario.nodes[node_id])))
        if not names or not details:
            return self.plan(node_id)
        key = (node_id, tuple([details.get(name, "") for name in names]))
        plan = self._filled_plans.get(key)
        if plan is None:
            node = fill_value(self.scenario.nodes[node_id], details)
            plan = self._filled_plans[key] = NodePlan(node, node_id)
        return plan

    def filled(self, details: Mapping[str, str]) -> Scenario:
        """The scenario with ``details`` filled into every text (itself when there are none)."""
        if not details:
            return self.scenario
        key = tuple(sorted(details.items()))
        found = self._filled.get(key)
        if found is None:
            if len(self._filled) >= MAX_FILLED:
                self._filled.clear()
            found = self._filled[key] = fill_scenario(self.scenario, details)
        return found

    @classmethod
    def _build(cls, scenario: Scenario) -> Machine:
        return Machine(
            model=None,
            states=list(scenario.nodes),
            initial=scenario.start,
            transitions=cls._transitions(scenario),
            auto_transitions=False,
            send_event=True,
        )

    @staticmethod
    def _transitions(scenario: Scenario) -> list[dict[str, Any]]:
        table: list[dict[str, Any]] = []
        for node_id, node in scenario.nodes.items():
            for position, choice in enumerate(node.choices):
                entry: dict[str, Any] = {
                    "trigger": trigger_name(position), "source": node_id, "dest": choice.next,
                }
                if choice.condition is not None:
                    entry["conditions"] = [_open_guard(position)]
                table.append(entry)
        return table

    def start(self, seed: int | str = 0, clock: Clock = time.monotonic) -> PlaySession:
        """A new session at the start node with the customer's starting state."""
        session = PlaySession(self, seed, clock, dict(self.scenario.customer.state))
        self.machine.add_model(session, initial=self.scenario.start)
        session.enter()
        return session

    def restore(self, snapshot: dict[str, Any], clock: Clock = time.monotonic) -> PlaySession:
        """A session continuing from ``PlaySession.snapshot()``; SnapshotError if it does not fit."""
        try:
            if snapshot.get("format") != SNAPSHOT_FORMAT:
                raise SnapshotError("the saved game was written by an incompatible version")
            if snapshot.get("scenario_id") != self.scenario.id:
                raise SnapshotError("the saved game belongs to another scenario")
            node = str(snapshot["node"])
            values = {str(k): int(v) for k, v in snapshot["values"].items()}
            steps = [Step.from_dict(item) for item in snapshot["transcript"]]
            seed = snapshot["seed"]
            saved = snapshot.get("details")
            details = {str(k): str(v) for k, v in saved.items()} if isinstance(saved, dict) else None
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise SnapshotError(f"the saved game is damaged ({error})") from None
        if node not in self.scenario.nodes:
            raise SnapshotError(f"node '{node}' no longer exists in the scenario")
        for step in steps:  # the scorer and replays look every step up: it must still fit
            if step.node_id not in self.scenario.nodes or step.choice_id not in {
                    c.id for c in self.scenario.nodes[step.node_id].choices}:
                raise SnapshotError(f"decision '{step.node_id}/{step.choice_id}' no longer exists in the scenario")
        if any(not STATE_MIN <= v <= STATE_MAX for v in values.values()):
            raise SnapshotError("the saved game is damaged (a state value is out of range)")
        declared = self.scenario.customer.state
        values = {**declared, **{k: v for k, v in values.items() if k in declared}}
        session = PlaySession(self, seed, clock, values, steps, details)
        self.machine.add_model(session, initial=node)
        session.enter()
        return session

    def release(self, session: PlaySession) -> None:
        """Detach a finished or abandoned session from the machine (idempotent)."""
        if session in self.machine.models:
            self.machine.remove_model(session)
