"""Is this learner ready for the phones? The curriculum's pass rules applied to their runs.

Contract: ``readiness(curriculum, runs)`` takes a learner's runs (``RunFacts``: scenario, mode,
finished, overall score, end time) and returns a ``Readiness``: per stage whether it is met, on
which date, which scenarios are passed and which are still missing, and overall ``ready`` with the
date the last stage was met. A run passes a scenario when it finished, its mode counts under the
stage's rule and its band reaches the rule's band; certification attempts beyond the rule's
``attempts`` never count (``attempts_left`` says how many remain). Pure: no clock, no store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from scoring.rules import band_for
from simulator.content.curriculum import Curriculum, Stage

CERTIFICATION = "certification"


@dataclass(frozen=True)
class RunFacts:
    """What progress needs to know about one run (``principle_scores``: for practise-next)."""

    scenario_id: str
    mode: str
    finished: bool
    overall: int
    ended_at: datetime | None
    principle_scores: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StageState:
    id: str
    name: str
    need: int
    met: bool
    met_on: datetime | None
    passed: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Readiness:
    ready: bool
    ready_on: datetime | None
    stages: tuple[StageState, ...]


def _counted(stage: Stage, runs: Sequence[RunFacts]) -> list[RunFacts]:
    """The runs on this stage's scenarios that count: certification attempts past the cap dropped."""
    kept, attempts = [], dict.fromkeys(stage.scenarios, 0)
    for run in sorted((r for r in runs if r.scenario_id in attempts), key=_when):
        if run.mode == CERTIFICATION:
            attempts[run.scenario_id] += 1
            if attempts[run.scenario_id] > stage.pass_rule.attempts:
                continue
        kept.append(run)
    return kept


def _when(run: RunFacts) -> datetime:
    return run.ended_at or datetime.min


def stage_state(stage: Stage, runs: Sequence[RunFacts]) -> StageState:
    """One stage under its rule (see the module doc)."""
    first_pass: dict[str, datetime | None] = {}
    for run in _counted(stage, runs):
        passes = run.finished and stage.pass_rule.counts(run.mode, band_for(run.overall))
        if passes and run.scenario_id not in first_pass:
            first_pass[run.scenario_id] = run.ended_at
    passed = tuple(sid for sid in stage.scenarios if sid in first_pass)
    missing = tuple(sid for sid in stage.scenarios if sid not in first_pass)
    met = len(passed) >= stage.need
    met_on = None
    if met:
        dates = sorted(d or datetime.min for d in first_pass.values())
        met_on = dates[stage.need - 1] if stage.need else None
    return StageState(stage.key, stage.name, stage.need, met, met_on, passed, missing if not met else ())


def readiness(curriculum: Curriculum, runs: Iterable[RunFacts]) -> Readiness:
    """See the module doc."""
    facts = list(runs)
    stages = tuple(stage_state(stage, facts) for stage in curriculum.stages)
    ready = all(s.met for s in stages)
    dates = [s.met_on for s in stages if s.met_on is not None]
    return Readiness(ready, max(dates) if ready and dates else None, stages)


def attempts_left(curriculum: Curriculum, scenario_id: str, runs: Iterable[RunFacts]) -> int | None:
    """Certification attempts the learner still has on ``scenario_id`` (None: not in the curriculum)."""
    stage = curriculum.stage_of(scenario_id)
    if stage is None:
        return None
    used = sum(1 for r in runs if r.scenario_id == scenario_id and r.mode == CERTIFICATION)
    return max(0, stage.pass_rule.attempts - used)
