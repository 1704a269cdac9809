"""The workshop summary, read from the running aggregates, equals a straightforward Python
computation over whole records, on SQLite and PostgreSQL, for small random stores (abandoned runs,
ties, several workshops, unknown principles, scenarios with and without scenario text); so do the
aggregates themselves and the overall leaderboards, whichever way the runs arrived (one by one,
imported, in bulk, saved twice, or already there when migration 3 backfilled them)."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import replace
from datetime import timedelta

import pytest

from simulator.results.queries import leaderboard
from simulator.results.records import ABANDONED, FINISHED, RunRecord
from simulator.results.scenario_info import ScenarioInfo
from simulator.results.schema import MIGRATIONS, Tables, migrate
from simulator.results.store import _choice_rows, _run_row, make_engine, open_store
from simulator.results.summary import (
    PlayerScore,
    PrincipleRow,
    TeamScore,
    WorkshopSummary,
    decision_splits,
    summarise,
)
from simulator.results.transfer import import_lines
from simulator.results.workshop_data import ChoiceCount, WorkshopData, workshop_data
from tests.results.aggregate_check import assert_consistent, expected, stored
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


def _reference_board(records: list[RunRecord], scenario_id: str | None, workshop: str | None,
                     team: str | None) -> list[tuple[object, ...]]:
    """The overall leaderboard run by run: each (player, team)'s best finished run (highest, then
    earliest, then lowest run id), the number of their finished runs, ranked (equal scores share)."""
    best: dict[tuple[str, str], RunRecord] = {}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for run in records:
        if run.status != FINISHED or any(value is not None and value != actual for value, actual in (
                (scenario_id, run.scenario_id), (workshop, run.workshop), (team, run.team))):
            continue
        key = (run.player, run.team)
        counts[key] += 1
        if key not in best or (-run.overall, run.ended_at, run.run_id) < (
                -best[key].overall, best[key].ended_at, best[key].run_id):
            best[key] = run
    ordered = sorted(best.values(), key=lambda r: (-r.overall, r.ended_at, r.player, r.team))
    rows: list[tuple[object, ...]] = []
    for index, run in enumerate(ordered):
        rank = rows[-1][0] if rows and rows[-1][4] == run.overall else index + 1
        rows.append((rank, run.player, run.team, run.workshop, run.overall, run.run_id, run.ended_at,
                     counts[(run.player, run.team)]))
    return rows


def _board(store, scenario_id: str | None, workshop: str | None, team: str | None) -> list[tuple[object, ...]]:
    rows = [(r.rank, r.player, r.team, r.workshop, r.score, r.run_id, r.ended_at, r.runs)
            for r in leaderboard(store, scenario_id, workshop=workshop, team=team, limit=1000)]
    return sorted(rows, key=lambda r: (-r[4], r[6], r[1], r[2]))  # the order within exact ties is free


def _check_everything(store, records: list[RunRecord]) -> None:
    """Aggregates, summaries and overall leaderboards all equal their run-by-run definitions."""
    assert_consistent(store)
    assert expected(store.iter_records()) == expected(records)
    infos = {"refund": ScenarioInfo("refund", "Refund", ("be-honest", "listen-first"), {})}
    for workshop in ("W1", "W2", "none"):
        assert summarise(workshop_data(store, workshop), NAMES, {}) == reference(workshop, records, NAMES, {})
        assert (summarise(workshop_data(store, workshop, {"be-honest", "listen-first"}), NAMES, infos)
                == reference(workshop, records, NAMES, infos))
    for scenario_id in (None, *SCENARIOS):
        for workshop_filter in (None, "W1"):
            for team in (None, "red", ""):
                assert (_board(store, scenario_id, workshop_filter, team)
                        == _reference_board(records, scenario_id, workshop_filter, team))


def _tied_runs(rng: random.Random, count: int) -> list[RunRecord]:
    """Random runs where several share a finishing minute and a score (tie-breaks by run id)."""
    return [replace(run, ended_at=run.ended_at.replace(minute=0) + timedelta(minutes=k // 4))
            for k, run in enumerate(_random_runs(rng, count))]


@pytest.mark.parametrize("seed", [4, 5])
def test_aggregates_follow_every_write_path(store, seed: int) -> None:
    rng = random.Random(seed)
    records = _tied_runs(rng, 150)
    singles, imported, bulk = records[:50], records[50:100], records[100:]
    for record in singles:
        assert store.save_run(record) is True
    lines = [json.dumps(record.to_dict()) for record in imported]
    assert import_lines(store, lines).added == len(imported)
    assert store.save_runs([*bulk[:20], *bulk[:5], *bulk[20:]]) == len(bulk)  # repeats in a batch count once
    assert assert_consistent(store) == stored(store)
    # Saving again adds nothing, by every path.
    for record in rng.sample(records, 20):
        assert store.save_run(record) is False
    again = import_lines(store, lines[:10])
    assert (again.added, again.already) == (0, 10)
    assert store.save_runs([*singles[:5], *imported[:5], *bulk]) == 0
    _check_everything(store, records)
    extra = _tied_runs(rng, 30)
    assert store.save_runs([*extra, *singles[:3]]) == len(extra)
    _check_everything(store, records + extra)


def test_rebuilding_the_aggregates_reproduces_them(store) -> None:
    for record in _tied_runs(random.Random(6), 80):
        store.save_run(record)
    before = assert_consistent(store)
    store.rebuild_aggregates()
    assert stored(store) == before


def test_migration_3_backfills_the_aggregates_from_existing_runs(store_url: str) -> None:
    records = _tied_runs(random.Random(7), 120)
    engine = make_engine(store_url)
    try:
        assert migrate(engine, MIGRATIONS[:2]) == 2
        t = Tables()
        with engine.begin() as conn:
            conn.execute(t.runs.insert(), [_run_row(record) for record in records])
            scores = [{"run_id": r.run_id, "principle_id": p, "score": s}
                      for r in records for p, s in r.principle_scores.items()]
            conn.execute(t.run_scores.insert(), scores)
            conn.execute(t.run_choices.insert(), [row for r in records for row in _choice_rows(r)])
    finally:
        engine.dispose()
    with open_store(store_url) as opened:
        assert assert_consistent(opened) == stored(opened)
        _check_everything(opened, records)
        more = _tied_runs(random.Random(8), 20)
        for record in more:
            opened.save_run(record)
        _check_everything(opened, records + more)


@pytest.mark.parametrize("bulk", [False, True])
def test_exact_ties_go_to_the_lowest_run_id_however_the_runs_arrive(store, bulk: bool) -> None:
    ids = ["run-c", "run-a", "run-d", "run-b"]
    tied = [make_record("Ann", overall=80, minutes=1, run_id=run_id) for run_id in ids]
    others = [make_record("Ann", overall=80, minutes=2), make_record("Ann", overall=70, minutes=0)]
    if bulk:
        assert store.save_runs([*tied[:2], *others]) == 4
        assert store.save_runs(tied[2:]) == 2
    else:
        for record in [*others, *tied]:
            store.save_run(record)
    assert assert_consistent(store)["scenarios"][("W1", "red", "Ann", "late-parcel")][4] == "run-a"
    (row,) = leaderboard(store, None)
    assert (row.run_id, row.score, row.runs) == ("run-a", 80, 6)
    _check_everything(store, [*tied, *others])
