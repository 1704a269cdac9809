"""Build scenarios in memory for tests: small hand-written ones and large generated ones."""

from __future__ import annotations

import random
from typing import Any

from simulator.content.models import Scenario

PRINCIPLES = ("listen-first", "show-empathy", "be-honest", "own-the-follow-through")


def ending(outcome: str = "resolved", quality: str = "good") -> dict[str, Any]:
    return {"line": "Bye.", "ending": {"outcome": outcome, "quality": quality, "title": "The end",
                                       "debrief": "A debrief long enough to explain what happened and why."}}


def choice(cid: str, nxt: str, grades: dict[str, int] | None = None, **extra: Any) -> dict[str, Any]:
    return {"id": cid, "text": f"Option {cid}.", "next": nxt, "grades": grades or {},
            "feedback": f"Feedback for {cid} that explains the grade.", **extra}


def scenario(nodes: dict[str, Any], *, state: dict[str, int] | None = None, start: str = "a",
             principles: tuple[str, ...] = PRINCIPLES[:2]) -> dict[str, Any]:
    return {"schema_version": 1, "id": "made-up", "title": "Made up", "summary": "A test scenario.",
            "difficulty": "beginner", "estimated_minutes": 2, "principles": list(principles),
            "customer": {"name": "Pat", "situation": "Testing.", "state": state or {"mood": 50}},
            "start": start, "nodes": nodes}


def generated(size: int, seed: int = 0, loops: bool = False, conditions: bool = True) -> Scenario:
    """A random scenario of ``size`` decision nodes, a DAG (plus back edges when ``loops``)."""
    rng = random.Random(seed)
    nodes: dict[str, Any] = {}
    endings = {"end-good": ending(), "end-mixed": ending("partially_resolved", "mixed"),
               "end-bad": ending("customer_lost", "bad")}
    for i in range(size):
        options = []
        for k in range(3):
            jump = rng.randint(1, 6)
            nxt = f"n{i + jump}" if i + jump < size else rng.choice(list(endings))
            if loops and k == 2 and i > 3 and rng.random() < 0.2:
                nxt = f"n{i - rng.randint(1, 3)}"
            grades = {p: rng.randint(-3, 3) for p in rng.sample(PRINCIPLES, 2)}
            extra: dict[str, Any] = {"effects": {"patience": rng.choice([-20, -10, 10])}}
            if conditions and k == 1 and rng.random() < 0.3:
                extra["condition"] = "patience > 40"
            options.append(choice(f"c{k}", nxt, grades, **extra))
        nodes[f"n{i}"] = {"line": f"Line {i}.", "choices": options}
    nodes.update(endings)
    data = scenario(nodes, state={"mood": 50, "patience": 50}, start="n0", principles=PRINCIPLES)
    return Scenario.model_validate(data)
