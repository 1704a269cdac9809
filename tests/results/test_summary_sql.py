"""The workshop summary aggregated in SQL equals a straightforward Python computation over whole
records, on SQLite and PostgreSQL, for small random stores (abandoned runs, ties, several
workshops, unknown principles, scenarios with and without scenario text)."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace

import pytest

from simulator.results.records import ABANDONED, FINISHED, RunRecord
from simulator.results.scenario_info import ScenarioInfo
from simulator.results.summary import (
    PlayerScore,
    PrincipleRow,
    TeamScore,
    WorkshopSummary,
    decision_splits,
    summarise,
)
from simulator.results.workshop_data import ChoiceCount, WorkshopData, workshop_data
from tests.results.helpers import make_record

PRINCIPLES = ("listen-first", "be-honest", "show-empathy", "speak-plainly", "own-the-follow-through")
SCENARIOS = ("late-parcel", "refund", "angry-call")
NAMES = {"listen-first": "Listen first", "be-honest": "Be honest"}


def _random_runs(rng: random.Random, count: int) -> list[RunRecord]:
    runs = []
    for k in range(count):
        player = rng.choice(["Ann", "Bo", "Cy", "Di", "Ed", "Fay"])
        team = rng.choice(["red", "blue", ""]) if player != "Ann" else "red"
        graded = rng.sample(PRINCIPLES, rng.randint(0, 3))
        base = make_record(player, team, rng.choice(["W1", "W1", "W2"]), rng.choice([0, 40, 55, 55, 90, 100]),
                           scenario_id=rng.choice(SCENARIOS), scores={p: rng.randint(0, 100) for p in graded},
                           minutes=k, status=rng.choice([FINISHED, FINISHED, ABANDONED]), steps=0)
        steps = tuple({"index": i, "node_id": rng.choice(["n1", "n2"]), "choice_id": rng.choice(["a", "b", "c"]),
                       "timed_out": False} for i in range(rng.randint(0, 4)))
        runs.append(replace(base, transcript=steps))
    return runs


def _mean(values: list[int]) -> int | None:
    return round(sum(values) / len(values)) if values else None


def _principle_means(runs: list[RunRecord]) -> dict[str, int]:
    collected: dict[str, list[int]] = defaultdict(list)
    for run in runs:
        if run.status == FINISHED:
            for principle, score in run.principle_scores.items():
                collected[principle].append(score)
    return {p: round(sum(v) / len(v)) for p, v in sorted(collected.items())}


def reference(workshop: str, records: list[RunRecord], names: dict[str, str],
              infos: dict[str, ScenarioInfo]) -> WorkshopSummary:
    """The summary computed run by run in Python (the definitions in summary.py, verbatim)."""
    runs = [r for r in records if r.workshop == workshop]
    grouped: dict[tuple[str, str], list[RunRecord]] = defaultdict(list)
    for run in runs:
        grouped[(run.team, run.player)].append(run)
    players = []
    for (team, player), mine in grouped.items():
        best: dict[str, int] = {}
        for run in mine:
            if run.status == FINISHED:
                best[run.scenario_id] = max(best.get(run.scenario_id, 0), run.overall)
        players.append(PlayerScore(player, team, _mean(list(best.values())), len(mine),
                                   sum(1 for r in mine if r.status == FINISHED), best, _principle_means(mine)))
    players.sort(key=lambda p: (-(p.overall if p.overall is not None else -1), p.team, p.player))
    teams = []
    for team in sorted({p.team for p in players}):
        members = [p for p in players if p.team == team]
        teams.append(TeamScore(team, len(members), _mean([p.overall for p in members if p.overall is not None]),
                               sum(1 for r in runs if r.team == team),
                               _principle_means([r for r in runs if r.team == team])))
    teams.sort(key=lambda t: (-(t.overall if t.overall is not None else -1), t.team))
    rows = []
    for principle, mean in _principle_means(runs).items():
        scored = [(rank, p) for rank, p in enumerate(players) if principle in p.principles]
        _, top = max(scored, key=lambda item: (item[1].principles[principle], -item[0]))
        trained = sorted({i.title for i in infos.values() if principle in i.principles}
                         or {r.scenario_id for r in runs if principle in r.principle_scores})
        rows.append(PrincipleRow(principle, names.get(principle, principle), mean,
                                 {t.team: t.principles[principle] for t in teams if principle in t.principles},
                                 top.player, top.team, top.principles[principle], tuple(trained)))
    tally: dict[tuple[str, str, str], int] = defaultdict(int)
    for run in runs:
        for step in run.transcript:
            tally[(run.scenario_id, step["node_id"], step["choice_id"])] += 1
    choices = tuple(ChoiceCount(s, n, c, k) for (s, n, c), k in sorted(tally.items()))
    finished = sum(1 for r in runs if r.status == FINISHED)
    return WorkshopSummary(workshop, len(runs), finished, len(runs) - finished, tuple(teams), tuple(players),
                           tuple(rows), decision_splits(WorkshopData(workshop, (), choices), infos))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sql_summary_equals_the_python_computation(store, seed: int) -> None:
    rng = random.Random(seed)
    records = _random_runs(rng, 120)
    for record in records:
        store.save_run(record)
    infos = {"refund": ScenarioInfo("refund", "Refund", ("be-honest", "listen-first"), {})}
    covered = {p for info in infos.values() for p in info.principles}
    for workshop in ("W1", "W2", "none"):
        assert summarise(workshop_data(store, workshop), NAMES, {}) == reference(workshop, records, NAMES, {})
        assert (summarise(workshop_data(store, workshop, covered), NAMES, infos)
                == reference(workshop, records, NAMES, infos))


def test_graded_pairs_are_read_only_for_principles_without_scenario_text(store) -> None:
    store.save_run(make_record("Ann", scores={"listen-first": 50, "be-honest": 60}, scenario_id="s1"))
    store.save_run(make_record("Bo", scores={"be-honest": 70}, scenario_id="s2", status=ABANDONED))
    assert workshop_data(store, "W1").graded == {("s1", "listen-first"), ("s1", "be-honest"), ("s2", "be-honest")}
    assert workshop_data(store, "W1", {"be-honest"}).graded == {("s1", "listen-first")}
    assert workshop_data(store, "W1", {"be-honest", "listen-first"}).graded == frozenset()
