"""``explore``: exact facts about every play-through of a scenario, computed without enumerating them.

Contract: ``explore(scenario, runs=0, seed=0)`` returns a JSON-ready dict with at least the keys
``nodes``, ``decisions``, ``endings``, ``states``, ``paths`` (an int, or "unbounded" when a loop on
the way to an ending can be repeated), ``outcomes`` (reachable endings), ``best`` and ``worst``
(overall score v2, the path of choice ids that reaches it, its ending; see ``extremes``) and
``principles`` (best and worst per principle graded anywhere), plus ``random`` (the score
distribution of ``runs`` seeded random play-throughs) when ``runs`` > 0. Scores use
``scoring.scorer``'s formula exactly: playing a reported path through the engine and scorer gives
the reported score (for a per-principle entry, unless ``limit`` is true: the score is then
approached by repeating ``loop`` and is not reached by one finite path).
Raises ``StateSpaceTooLarge`` for scenarios whose conditions create too many states.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from scoring.rules import combine, decision_quality
from simulator.authoring.dag import acyclic_facts, sinks_first
from simulator.authoring.extremes import extremes
from simulator.authoring.statespace import StateSpace, build_state_space
from simulator.authoring.walks import Plan, Witness, components, count_paths, finishing, optimise
from simulator.content.models import Scenario

MAX_RANDOM_STEPS = 10_000


def percent(earned: int, possible: int) -> int:
    """The scorer's rounding: 0-100, and 100 when nothing was possible."""
    return round(100 * earned / possible) if possible else 100


def _describe(space: StateSpace, witness: Witness) -> dict[str, Any]:
    ending = space.nodes[space.target[witness.edges[-1]]] if witness.edges else space.scenario.start
    info = space.scenario.nodes[ending].ending
    limit = bool(witness.loop)
    result: dict[str, Any] = {
        "score": round(100 * witness.ratio) if limit else percent(witness.earned, witness.possible),
        "path": [space.choice_id(e) for e in witness.edges],
        "ending": ending,
        "outcome": info.outcome.value if info else None,
        "limit": limit,
    }
    if limit:
        result["loop"] = [space.choice_id(e) for e in witness.loop]
        result["loop_starts_at_step"] = witness.loop_at + 1
        result["path_score"] = percent(witness.earned, witness.possible)
    return result


def _principles(plan: Plan, can_finish: list[bool]) -> dict[str, Any]:
    space = plan.space
    result: dict[str, Any] = {}
    for index, principle in enumerate(space.principles):
        earned, possible = space.principle_points(index)
        best = optimise(plan, can_finish, earned, possible, True)
        worst = optimise(plan, can_finish, earned, possible, False)
        result[principle] = {
            "best": _describe(space, best) if best else None,
            "worst": _describe(space, worst) if worst else None,
            "claimed": principle in space.scenario.principles,
        }
    return result


def random_runs(space: StateSpace, runs: int, seed: int | str) -> dict[str, Any]:
    """Score distribution (scoring v2) of ``runs`` play-throughs choosing uniformly among open options."""
    rng = random.Random(f"explore:{seed}")
    draw, first, target = rng.random, space.first, space.target
    graded, penalty, critical = space.graded, space.penalty, space.critical
    scores: list[int] = []
    outcomes: Counter[str] = Counter()
    unfinished = 0
    for _ in range(runs):
        state, lost, count, crossed = 0, 0.0, 0, False
        for _ in range(MAX_RANDOM_STEPS):
            low, high = first[state], first[state + 1]
            if low == high:
                break
            edge = low + int(draw() * (high - low))
            if graded[edge]:
                lost, count = lost + penalty[edge], count + 1
            crossed = crossed or critical[edge]
            state = target[edge]
        ending = space.scenario.nodes[space.nodes[state]].ending
        if ending is None:
            unfinished += 1
            continue
        outcomes[ending.outcome.value] += 1
        scores.append(combine(decision_quality(lost, count), ending, crossed)[0])
    histogram = Counter(min(score // 10, 9) for score in scores)
    ordered = sorted(scores)
    return {
        "runs": runs, "seed": seed, "finished": len(scores), "unfinished": unfinished,
        "mean": round(sum(scores) / len(scores), 1) if scores else None,
        "median": ordered[len(ordered) // 2] if ordered else None,
        "min": ordered[0] if ordered else None, "max": ordered[-1] if ordered else None,
        "histogram": {f"{k * 10}-{k * 10 + (10 if k == 9 else 9)}": histogram.get(k, 0) for k in range(10)},
        "outcomes": dict(sorted(outcomes.items())),
    }


def explore_space(space: StateSpace, runs: int = 0, seed: int | str = 0) -> dict[str, Any]:
    """``explore`` on an already built state space (lint reuses the space)."""
    scenario = space.scenario
    order = sinks_first(space)
    if order is None:
        comps = components(space)
        can_finish = finishing(space)
        paths = count_paths(space, comps, can_finish)
        plan = Plan(space, comps, can_finish)
    else:
        can_finish, paths = acyclic_facts(space, order)
        plan = Plan(space, None, can_finish, order)
    rank = {node_id: k for k, node_id in enumerate(scenario.nodes)}
    endings_reached = sorted({node_id for node_id, end in zip(space.nodes, space.ending, strict=True) if end},
                             key=rank.__getitem__)
    best, worst = extremes(space)
    report: dict[str, Any] = {
        "scenario": scenario.id,
        "nodes": len(scenario.nodes),
        "decisions": sum(1 for n in scenario.nodes.values() if n.ending is None),
        "endings": len(scenario.endings()),
        "reachable_nodes": len(set(space.nodes)),
        "states": space.size,
        "condition_variables": list(space.variables),
        "paths": "unbounded" if paths is None else paths,
        "outcomes": [_ending_info(scenario, node_id) for node_id in endings_reached],
        "best": best,
        "worst": worst,
        "principles": _principles(plan, can_finish),
    }
    if runs > 0:
        report["random"] = random_runs(space, runs, seed)
    return report


def _ending_info(scenario: Scenario, node_id: str) -> dict[str, str]:
    ending = scenario.nodes[node_id].ending
    assert ending is not None
    return {"node": node_id, "outcome": ending.outcome.value, "quality": ending.quality.value,
            "title": ending.title}


def explore(scenario: Scenario, runs: int = 0, seed: int | str = 0) -> dict[str, Any]:
    """See the module doc."""
    return explore_space(build_state_space(scenario), runs, seed)
