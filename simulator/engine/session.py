"""A play session: the pull API every front end drives.

Contract (all methods are cheap and never block):
* ``beat()``: the current moment (speaker, the line for the customer's current state, mood).
* ``choices()``: the options in display order, unavailable ones marked with why. The order is
  shuffled per decision unless the node says ``shuffle: false``; it depends only on the seed, the
  step number and the node, so a session is deterministic given its seed.
* ``choose(choice_id)`` / ``choose_number(n)`` / ``time_out()``: take a decision; returns the
  ``Step`` recorded in the transcript. Raises ``ChoiceUnavailable`` for an option that cannot be
  taken now (the session is unchanged).
* ``finished``, ``ending``, ``transcript``, ``values``; ``snapshot()`` for resuming later;
  ``close()`` detaches the session from its scenario's machine.
* ``details``: the surface details this run fills in (``{placeholder: value}``, picked from the
  seed, empty for a scenario without ``details``); ``scenario`` is the scenario with them filled,
  so every text a session hands out (beats, options, endings) is the filled one. Score a run with
  ``score_run(..., details=session.details)`` so the debrief quotes the same texts.
The state machine itself (``transitions``) moves ``self.state`` between node ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from simulator.content.details import fill_text
from simulator.content.models import STATE_MAX, STATE_MIN, Ending, Node, Scenario
from simulator.engine.node_plan import NodePlan, hash64
from simulator.engine.views import Beat, ChoiceView, Step, mood_label

if TYPE_CHECKING:
    from simulator.engine.machine import ScenarioMachine


_new_step = tuple.__new__  # Step(...) without its Python-level __new__: every field is given here


class ChoiceUnavailable(ValueError):
    """The option does not exist here or its condition does not hold."""


class SnapshotError(ValueError):
    """A snapshot cannot be restored onto this scenario."""


class PlaySession:
    """One player's run through one scenario (a model of the scenario's state machine)."""

    state: str  # the current node id; set by the transitions machine

    details: Mapping[str, str]  # placeholder -> value for this run (read-only)

    def __init__(self, owner: ScenarioMachine, seed: int | str, clock: Callable[[], float],
                 values: dict[str, int], transcript: list[Step] | None = None,
                 details: Mapping[str, str] | None = None):
        """``details``: the ones a saved game used (kept when they still fit the scenario);
        otherwise they are picked from ``seed``."""
        self.owner = owner
        self._use_seed(seed, details)
        self.clock = clock
        self.values = values
        self._transcript: list[Step] = list(transcript or [])
        self._entered = 0.0
        self._plan: NodePlan | None = None
        self._open: tuple[bool, ...] = ()
        self._views: tuple[ChoiceView, ...] = ()
        self._all_views: tuple[ChoiceView, ...] = ()
        self._open_views: tuple[ChoiceView, ...] = ()
        self._last_after: dict[str, int] | None = None  # values after the last step taken here

    # Bound by transitions' ``add_model`` (its documented model API): ``trigger(name)`` fires an
    # event, ``may_trigger(name)`` asks whether it could fire now.
    trigger: Callable[..., bool]
    may_trigger: Callable[..., bool]

    # --- reading -----------------------------------------------------------------------------
    def is_open(self, position: int) -> bool:
        """Whether the option at ``position`` of the current node could be taken now (its condition
        held on arrival); what the transitions guards read."""
        return self._open[position]

    @property
    def node(self) -> Node:
        plan = self._plan
        return plan.node if plan is not None else self._plan_at(self.state).node

    @property
    def finished(self) -> bool:
        plan = self._plan
        return (plan.ending if plan is not None else self.node.ending) is not None

    @property
    def ending(self) -> Ending | None:
        return self.node.ending

    @property
    def transcript(self) -> tuple[Step, ...]:
        return tuple(self._transcript)

    def beat(self) -> Beat:
        node = self.node
        speaker = node.speaker or self._speaker
        text = ""
        for variant in node.line:
            if variant.when is None or variant.when.holds(self.values):
                text = variant.text
                break
        mood = self.values.get("mood", 50)
        return Beat(self.state, speaker, text, node.narration or "", mood, mood_label(mood),
                    dict(self.values), node.time_limit, node.ending)

    def choices(self, *, include_hidden: bool = False) -> tuple[ChoiceView, ...]:
        """Options in display order, numbered from 1.

        An option whose condition does not hold is shown marked unavailable, with its author's
        ``locked_hint`` as the reason, when it has one; without a hint it is hidden (it belongs to
        a story branch the player is not on). ``include_hidden=True`` lists hidden ones too
        (numbered after the visible ones) for tools.
        """
        return self._all_views if include_hidden else self._views

    def open_choices(self) -> tuple[ChoiceView, ...]:
        """The options that can be taken now, in display order (``choices()`` without the locked
        ones): what a simulated player picks from."""
        return self._open_views

    # --- deciding ----------------------------------------------------------------------------
    def choose(self, choice_id: str, *, seconds: float | None = None) -> Step:
        plan = self._plan
        if plan is None:
            plan = self._current_plan()
        position = plan.positions.get(choice_id)
        if position is None or plan.ending is not None:
            position = self._position(choice_id)  # raises the precise error
        if not self._open[position]:
            raise ChoiceUnavailable(f"'{choice_id}' is not available now")
        return self._take(plan, position, seconds, timed_out=False)

    def choose_number(self, number: int, *, seconds: float | None = None) -> Step:
        """Choose by the 1-based number shown by ``choices()``."""
        views = self._views
        if not 1 <= number <= len(views):
            raise ChoiceUnavailable(f"there is no option {number}; pick 1 to {len(views)}")
        return self.choose(views[number - 1].id, seconds=seconds)

    def time_out(self, *, seconds: float | None = None) -> Step:
        """Time ran out on a timed node: take its timeout choice."""
        node = self.node
        if node.time_limit is None or node.timeout_choice is None:
            raise ChoiceUnavailable("this moment has no time limit")
        position = self._position(node.timeout_choice)
        limit = float(node.time_limit) if seconds is None else seconds
        return self._take(self._current_plan(), position, limit, timed_out=True)

    def _position(self, choice_id: str) -> int:
        if self.finished:
            raise ChoiceUnavailable("the conversation has ended")
        position = self._current_plan().positions.get(choice_id)
        if position is None:
            raise ChoiceUnavailable(f"there is no option '{choice_id}' here")
        return position

    def _current_plan(self) -> NodePlan:
        plan = self._plan
        return plan if plan is not None else self._plan_at(self.state)

    def _take(self, plan: NodePlan, position: int, seconds: float | None, *, timed_out: bool) -> Step:
        node_id, values, now = self.state, self.values, self.clock()
        choice_id = plan.ids[position]
        before = self._last_after  # values change only here, so the last step's 'after' still holds
        if before is None:
            before = dict(values)
        if seconds is None:
            seconds = now - self._entered
            seconds = seconds if seconds > 0.0 else 0.0
        # The state machine makes the move: transitions checks the guard (the condition's result,
        # worked out on arrival) and moves ``self.state`` along the ``pick_<position>`` transition.
        if not self.trigger(plan.triggers[position]):
            raise ChoiceUnavailable(f"'{choice_id}' is not available now")
        for name, delta in plan.effects[position]:  # clamped to the state range
            value = values[name] + delta  # effects name declared variables, which values always holds
            values[name] = STATE_MIN if value < STATE_MIN else STATE_MAX if value > STATE_MAX else value
        open_ = self._open
        available = plan.ids if open_ is plan.all_open else plan.available(open_)
        after = self._last_after = dict(values)
        step = _new_step(Step, (len(self._transcript), node_id, choice_id, self.state, available,
                                timed_out, round(seconds, 3), before, after))
        self._transcript.append(step)
        self.enter(now)
        return step

    def enter(self, now: float | None = None) -> None:
        """Called on arriving at a node (at clock time ``now``, default: the clock's): start its
        clock, fix the display order, and work out which options are open (the guards' pure
        conditions over ``values``, which only change when a choice is taken: callers treat
        ``values`` as read-only)."""
        self._entered = self.clock() if now is None else now
        plan = self._plan = self._plan_at(self.state)
        self._open, views = plan.arrive(self.values, self._seed_hash, len(self._transcript))
        self._views, self._all_views, self._open_views = views

    # --- saving ------------------------------------------------------------------------------
    def snapshot(self, upto: int | None = None) -> dict[str, Any]:
        """JSON-ready state; with ``upto`` = k, the state just before decision k was taken."""
        steps = self._transcript if upto is None else self._transcript[:upto]
        node, values = self.state, dict(self.values)
        if upto is not None and upto < len(self._transcript):
            node, values = self._transcript[upto].node_id, dict(self._transcript[upto].before)
        return {
            "format": 1, "scenario_id": self.owner.scenario.id, "content_hash": self.owner.content_hash,
            "seed": self.seed, "node": node, "values": values,
            "transcript": [step.to_dict() for step in steps],
        } | ({"details": dict(self.details)} if self.details else {})

    def restart(self, seed: int | str) -> None:
        """Start this session over at the scenario's start with a new ``seed`` (simulations replay
        thousands of runs: attaching a model to transitions costs O(states), moving it back with
        the machine's ``set_state`` costs O(1)). Raises ChoiceUnavailable after ``close()``."""
        if self not in self.owner.machine.models:
            raise ChoiceUnavailable("the session is closed")
        scenario = self.owner.scenario
        self._use_seed(seed)
        self.values = dict(scenario.customer.state)
        self._transcript, self._last_after = [], None
        self.owner.machine.set_state(scenario.start, model=self)
        self.enter()

    def _use_seed(self, seed: int | str, details: Mapping[str, str] | None = None) -> None:
        """Take ``seed``: its hash (display orders) and its details (saved ``details`` if they fit)."""
        owner = self.owner
        self.seed, self._seed_hash = seed, hash64(str(seed))
        self.details = owner.details_for_seed(seed, details)
        self._plans: dict[str, NodePlan] = {}  # node id -> its plan for these details
        self._speaker = fill_text(owner.scenario.customer.name, self.details)

    @property
    def scenario(self) -> Scenario:
        """The scenario with this run's details filled into every text (the owner's scenario when
        it has no ``details``)."""
        return self.owner.filled(self.details)

    def _plan_at(self, node_id: str) -> NodePlan:
        """The plan of ``node_id`` with this run's details filled in (shared by every session)."""
        plan = self._plans.get(node_id)
        if plan is None:
            plan = self._plans[node_id] = self.owner.plan_for(node_id, self.details)
        return plan

    def close(self) -> None:
        self.owner.release(self)
