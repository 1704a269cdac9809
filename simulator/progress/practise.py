"""What to practise next: the learner's weakest principle, and a call that trains it that they
have not played recently (spaced practice), said in one line.

Contract: ``practise_next(curriculum, trains, names, titles, runs, now)`` returns a
``Recommendation`` (scenario id, principle id or None, why) or None when there is nothing to
offer. ``trains`` maps scenario id -> principles it trains; ``names`` principle id -> name;
``titles`` scenario id -> title; ``runs`` the learner's runs (any ``PrincipleRun``:
``simulator.progress.readiness.RunFacts`` is one). The weakest principle is
the lowest average over the learner's latest finished run of each scenario that graded it; among
the scenarios that train it, never-played ones come first, then the one played longest ago, then
curriculum order. With no finished runs: the first scenario of the curriculum not yet played.

``why`` is English; ``reason`` and ``params`` say the same as data for front ends that word it in
the player's language: ``start_here`` {scenario}, or ``weakest`` {principle, score, scenario} plus
``days`` (days since the call was last played, 0 for today) when it has been played.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from simulator.content.curriculum import Curriculum


class PrincipleRun(Protocol):
    """What practise-next reads of a run (``RunFacts`` has it)."""

    @property
    def scenario_id(self) -> str: ...

    @property
    def finished(self) -> bool: ...

    @property
    def ended_at(self) -> datetime | None: ...

    @property
    def principle_scores(self) -> Mapping[str, int]: ...


def when(moment: datetime | None) -> tuple[int, float]:
    """A sort key for end times: unknown first, then in time order (naive times read as local,
    as ``datetime.timestamp`` does), so naive, aware and missing times never meet in a comparison."""
    return (0, 0.0) if moment is None else (1, moment.timestamp())


@dataclass(frozen=True)
class Recommendation:
    scenario: str
    principle: str | None
    why: str
    reason: str = ""
    params: dict[str, int | str] = field(default_factory=dict)


def latest_lists(runs: Sequence[PrincipleRun]) -> dict[str, list[int]]:
    """Per principle: its scores in the latest finished run of each scenario that graded it."""
    latest: dict[str, PrincipleRun] = {}
    for run in sorted((r for r in runs if r.finished), key=lambda r: when(r.ended_at)):
        latest[run.scenario_id] = run
    scores: dict[str, list[int]] = {}
    for run in latest.values():
        for principle, score in run.principle_scores.items():
            scores.setdefault(principle, []).append(score)
    return scores


def latest_scores(runs: Sequence[PrincipleRun]) -> dict[str, int]:
    """Per principle: the average over the latest finished run of each scenario that graded it."""
    return {p: round(statistics.fmean(values)) for p, values in latest_lists(runs).items()}


def weakest(runs: Sequence[PrincipleRun]) -> tuple[str, int] | None:
    """(principle id, average score) of the weakest principle, latest finished run per scenario."""
    scores = latest_scores(runs)
    if not scores:
        return None
    principle = min(sorted(scores), key=lambda p: scores[p])
    return principle, scores[principle]


def _days(then: datetime | None, now: datetime) -> int | None:
    return None if then is None else max(0, (now - then).days)


def _ago(then: datetime | None, now: datetime) -> str:
    days = _days(then, now)
    if days is None:
        return ""
    return " You last played it today." if days == 0 else f" You last played it {days} day{'s' * (days != 1)} ago."


def practise_next(curriculum: Curriculum, trains: Mapping[str, frozenset[str]], names: Mapping[str, str],
                  titles: Mapping[str, str], runs: Sequence[PrincipleRun], now: datetime) -> Recommendation | None:
    """See the module doc."""
    order = [sid for sid in curriculum.order(trains) if sid in trains]
    last_played: dict[str, datetime | None] = {}
    for run in runs:
        previous = last_played.get(run.scenario_id)
        if run.scenario_id not in last_played or when(run.ended_at) > when(previous):
            last_played[run.scenario_id] = run.ended_at
    found = weakest(runs)
    if found is None:
        fresh = [sid for sid in order if sid not in last_played] or order
        if not fresh:
            return None
        return Recommendation(fresh[0], None, f"Start here: {titles.get(fresh[0], fresh[0])} is the next call "
                                              "in your curriculum.", "start_here", {"scenario": fresh[0]})
    principle, score = found
    candidates = [sid for sid in order if principle in trains[sid]] or order
    rank = {sid: k for k, sid in enumerate(order)}
    choice = min(candidates, key=lambda sid: (sid in last_played, when(last_played.get(sid)), rank[sid]))
    name, title = names.get(principle, principle), titles.get(choice, choice)
    why = f"Your weakest is {name} ({score}/100): {title} trains it.{_ago(last_played.get(choice), now)}"
    params: dict[str, int | str] = {"principle": principle, "score": score, "scenario": choice}
    days = _days(last_played.get(choice), now)
    if days is not None:
        params["days"] = days
    return Recommendation(choice, principle, why, "weakest", params)
