"""Leaderboards, history, best run and their view models."""

from __future__ import annotations

from simulator.results import api
from simulator.results.views import leaderboard_lines, progress_view
from tests.results.helpers import abandoned, make_record


def _fill(store) -> None:
    runs = [
        make_record("Ann", "red", "W1", 60, scores={"listen-first": 90, "be-honest": 10}, minutes=1),
        make_record("Ann", "red", "W1", 80, scores={"listen-first": 50, "be-honest": 70}, minutes=5),
        make_record("Bo", "blue", "W1", 80, scores={"listen-first": 40, "be-honest": 95}, minutes=9),
        make_record("Cy", "blue", "W1", 40, scores={"listen-first": 100, "be-honest": 0}, minutes=2),
        make_record("Di", "green", "W2", 99, minutes=3),
        make_record("Ann", "red", "W1", 95, scenario_id="other", minutes=4),
        abandoned(player="Ed", team="red", workshop="W1", overall=100, minutes=6),
    ]
    for run in runs:
        store.save_run(run)


def test_leaderboard_is_best_run_per_player_with_ties_by_time(store) -> None:
    _fill(store)
    rows = api.leaderboard("late-parcel", workshop="W1", store=store)
    assert [(r.rank, r.player, r.score, r.runs) for r in rows] == [(1, "Ann", 80, 2), (1, "Bo", 80, 1),
                                                                 (3, "Cy", 40, 1)]


def test_leaderboard_filters_by_team_scenario_and_limit(store) -> None:
    _fill(store)
    assert [r.player for r in api.leaderboard("late-parcel", team="blue", store=store)] == ["Bo", "Cy"]
    assert [r.player for r in api.leaderboard("late-parcel", store=store)][:1] == ["Di"]
    assert [r.player for r in api.leaderboard("other", store=store)] == ["Ann"]
    assert len(api.leaderboard("late-parcel", limit=2, store=store)) == 2
    assert api.leaderboard("nope", store=store) == []


def test_principle_leaderboard_ranks_by_that_principle(store) -> None:
    _fill(store)
    rows = api.leaderboard("late-parcel", principle="be-honest", workshop="W1", store=store)
    assert [(r.player, r.score) for r in rows] == [("Bo", 95), ("Ann", 70), ("Cy", 0)]


def test_history_includes_abandoned_runs_oldest_first(store) -> None:
    _fill(store)
    entries = api.history("Ann", store=store)
    assert [(e.scenario_id, e.overall) for e in entries] == [("late-parcel", 60), ("other", 95), ("late-parcel", 80)]
    assert api.history("Ed", store=store)[0].status == "abandoned"
    assert len(api.history("Ann", "late-parcel", store=store)) == 2


def test_best_run_is_the_highest_finished_run(store) -> None:
    _fill(store)
    best = api.best_run("Ann", "late-parcel", store=store)
    assert best is not None and best.overall == 80 and best.principle_scores["be-honest"] == 70
    assert api.best_run("Ed", "late-parcel", store=store) is None


def test_api_without_a_store_uses_the_default_one() -> None:
    record = make_record("Solo")
    assert api.save_run(record) is True
    assert api.best_run("Solo", "late-parcel") is not None


def test_leaderboard_lines_mark_ties_and_the_player(store) -> None:
    _fill(store)
    lines = leaderboard_lines(api.leaderboard("late-parcel", workshop="W1", store=store), player="Bo")
    assert [(line.rank_text, line.highlight) for line in lines] == [("=1", False), ("=1", True), ("3", False)]
    assert lines[0].bar == 0.8


def test_progress_view_summarises_the_trend(store) -> None:
    _fill(store)
    view = progress_view("Ann", api.history("Ann", "late-parcel", store=store))
    assert (view.first, view.best, view.latest, view.change) == (60, 80, 80, 20)
    assert view.principle_change == {"be-honest": 60, "listen-first": -40}
    assert view.summary.startswith("Up 20")
    assert progress_view("Nobody", []).summary == "No finished runs yet."


def test_facets_list_workshops_and_teams_of_finished_runs(store) -> None:
    assert api.facets(store=store).runs == 0
    _fill(store)
    facets = api.facets(store=store)
    assert facets.workshops == ("W1", "W2")
    assert facets.teams == ("blue", "green", "red")  # Ed's abandoned run counts only in `runs`
    assert facets.runs == 7


def test_leaderboard_merges_a_player_whose_team_was_typed_two_ways(store) -> None:
    """Teams are compared ignoring case and spaces: "Red" and "red " are one team, one row."""
    for run in (make_record("Ann", "Red", "W1", 70, minutes=1), make_record("ann ", "red ", "W1", 85, minutes=2),
                make_record("Bo", "blue", "W1", 60, minutes=3)):
        store.save_run(run)
    rows = api.leaderboard("late-parcel", workshop="w1", store=store)
    assert [(r.player.strip().lower(), r.score, r.runs) for r in rows] == [("ann", 85, 2), ("bo", 60, 1)]
    principle_rows = api.leaderboard("late-parcel", principle="listen-first", workshop="W1", store=store)
    assert len({r.player.strip().lower() for r in principle_rows}) == len(principle_rows)
