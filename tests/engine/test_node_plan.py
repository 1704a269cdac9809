"""NodePlan: per-node lookups computed once must equal computing them at every visit."""

from __future__ import annotations

import itertools
import random

from simulator.content.loader import LoadedScenario
from simulator.engine import ScenarioMachine
from simulator.engine.node_plan import NodePlan, _fisher_yates, display_order, shuffle


def test_the_shuffle_depends_only_on_the_number_mod_count_factorial() -> None:
    """Why a table of count! orders can stand in for the loop."""
    for count in range(1, 8):
        for number in itertools.chain(range(200), (2**63 + 11, 2**64 - 1)):
            assert _fisher_yates(number, count) == _fisher_yates(number % _factorial(count), count)


def _factorial(n: int) -> int:
    out = 1
    for k in range(2, n + 1):
        out *= k
    return out


def test_the_shuffle_table_gives_the_loop_s_orders_for_every_count() -> None:
    rng = random.Random(4)
    for count in range(1, 12):
        for _ in range(200):
            number = rng.getrandbits(64)
            assert shuffle(number, count) == _fisher_yates(number, count)


def test_sessions_show_options_in_display_order(load) -> None:  # type: ignore[no-untyped-def]
    """The session's precomputed parts give exactly ``display_order(seed, step, node, count)``."""
    loaded: LoadedScenario = load("""\
        schema_version: 1
        id: loop
        title: Loop
        summary: Four options, two nodes.
        difficulty: beginner
        estimated_minutes: 1
        principles: [listen-first]
        customer: {name: Lee, situation: Testing., state: {mood: 50}}
        start: a
        nodes:
          a:
            line: Well?
            choices:
              - {id: a1, text: One., next: b, feedback: F.}
              - {id: a2, text: Two., next: b, feedback: F.}
              - {id: a3, text: Three., next: b, feedback: F.}
              - {id: a4, text: Four., next: b, feedback: F.}
          b:
            line: And?
            choices:
              - {id: b1, text: One., next: done, feedback: F.}
              - {id: b2, text: Two., next: done, feedback: F.}
          done:
            ending: {outcome: resolved, quality: good, title: Done, debrief: Done.}
        """)
    machine = ScenarioMachine(loaded.scenario)
    for seed in (0, 1, 7, "workshop-3"):
        session = machine.start(seed=seed)
        for step, (node, ids) in enumerate((("a", ("a1", "a2", "a3", "a4")), ("b", ("b1", "b2")))):
            order = display_order(seed, step, node, len(ids))
            assert [view.id for view in session.choices()] == [ids[k] for k in order]
            session.choose(session.choices()[0].id)


def test_open_options_are_remembered_per_values_read(load) -> None:  # type: ignore[no-untyped-def]
    loaded: LoadedScenario = load("""\
        schema_version: 1
        id: guards
        title: Guards
        summary: Options behind conditions.
        difficulty: beginner
        estimated_minutes: 1
        principles: [listen-first]
        customer: {name: Lee, situation: Testing., state: {mood: 50, trust: 10, noise: 0}}
        start: ask
        nodes:
          ask:
            line: Well?
            choices:
              - {id: calm, text: Calm., next: done, feedback: Fine., grades: {listen-first: 1}, condition: mood < 40}
              - {id: warm, text: Warm., next: done, feedback: Fine., condition: "mood >= 40 and trust > 5"}
              - {id: any, text: Any., next: done, feedback: Fine.}
          done:
            ending: {outcome: resolved, quality: good, title: Done, debrief: Done.}
        """)
    plan = NodePlan(loaded.scenario.nodes["ask"])
    rng = random.Random(1)
    for _ in range(500):
        values = {"mood": rng.randrange(101), "trust": rng.randrange(20), "noise": rng.randrange(101)}
        expected = tuple(c.condition is None or c.condition.holds(values) for c in plan.choices)
        assert plan.open(values) == expected
        assert plan.available(expected) == tuple(i for i, ok in zip(plan.ids, expected, strict=True) if ok)
    assert plan.open({"mood": 10}) == (True, False, True)  # a missing name counts as 0, no shortcut


def test_views_hide_locked_options_without_a_hint(load) -> None:  # type: ignore[no-untyped-def]
    loaded: LoadedScenario = load("""\
        schema_version: 1
        id: hints
        title: Hints
        summary: A locked option with a hint and one without.
        difficulty: beginner
        estimated_minutes: 1
        principles: [listen-first]
        customer: {name: Lee, situation: Testing., state: {mood: 50}}
        start: ask
        nodes:
          ask:
            line: Well?
            shuffle: false
            choices:
              - {id: hinted, text: Hinted., next: done, feedback: F., condition: mood < 10, locked_hint: Calm first.}
              - {id: hidden, text: Hidden., next: done, feedback: F., condition: mood < 10}
              - {id: open, text: Open., next: done, feedback: F.}
          done:
            ending: {outcome: resolved, quality: good, title: Done, debrief: Done.}
        """)
    plan = NodePlan(loaded.scenario.nodes["ask"])
    shown, every, open_views = plan.views(plan.identity, plan.open({"mood": 50}))
    assert [(v.number, v.id, v.available, v.why_unavailable) for v in shown] == [
        (1, "hinted", False, "Calm first."), (2, "open", True, "")]
    assert [(v.number, v.id) for v in every] == [(1, "hinted"), (2, "open"), (3, "hidden")]
    assert every[2].why_unavailable == "only when mood < 10"
    assert [v.id for v in open_views] == ["open"]
    assert plan.views(plan.identity, plan.open({"mood": 50})) is plan.views(plan.identity, (False, False, True))

