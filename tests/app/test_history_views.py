"""The "My progress" view model against a real SQLite results store (no pixels)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.app.history_views import CHART_MAX, LIST_MAX, NO_PLAYER, NO_RUNS, build_history
from simulator.results.store import ResultStore, open_store

from .test_leaderboard_views import SCENARIOS, break_store, run, save

NAMES = {"listen-first": "Listen first", "show-empathy": "Show empathy", "be-honest": "Be honest"}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ResultStore]:
    with open_store(f"sqlite:///{tmp_path / 'results.sqlite3'}") as opened:
        yield opened


def test_progress_per_scenario_in_picker_order_with_chart_points_and_principles(store: ResultStore) -> None:
    save(store,
         run("Robin", 40, scenario="billing", minutes=1, scores={"be-honest": 30, "show-empathy": 50}),
         run("Robin", 55, minutes=2, scores={"listen-first": 60, "be-honest": 50}),
         run("Robin", 0, minutes=3, status="abandoned", scores={"listen-first": 0}),
         run("Robin", 85, minutes=4, scores={"listen-first": 100, "be-honest": 70}, outcome="escalated"),
         run("Robin", 70, minutes=5, scores={"listen-first": 80, "be-honest": 90}, mode="assessment"),
         run("Robin", 65, scenario="retired-one", minutes=6),
         run("Sam", 100, minutes=7))  # somebody else
    view = build_history(store, "Robin", SCENARIOS, NAMES)
    assert view.message == "" and view.player == "Robin"
    assert [s.scenario_id for s in view.sections] == ["late-parcel", "billing", "retired-one"]
    parcel = view.sections[0]
    assert parcel.title == "Late parcel" and view.sections[2].title == "retired-one"
    assert [(p.attempt, p.score) for p in parcel.points] == [(1, 55), (3, 85), (4, 70)]  # #2 was abandoned
    assert parcel.counts == "4 attempts: 3 finished, 1 abandoned"
    assert parcel.summary == "Up 15 points since the first run (best 85)."
    assert [a.attempt for a in parcel.attempts] == [4, 3, 2, 1]  # newest first
    assert parcel.attempts[0].text == "#4  5 Mar 2025  Resolved  70/100  (assessment)"
    assert parcel.attempts[1].text == "#3  5 Mar 2025  Escalated  85/100"
    assert "Abandoned  not scored" in parcel.attempts[2].text and not parcel.attempts[2].finished
    assert [(p.name, p.best, p.latest) for p in parcel.principles] == [("Listen first", 100, 80),
                                                                        ("Be honest", 90, 90)]
    assert parcel.principles[0].text == "Listen first: best 100, latest 80 (20 below your best)"
    assert parcel.principles[1].text == "Be honest: best 90, latest 90"
    billing = view.sections[1]
    assert [p.name for p in billing.principles] == ["Show empathy", "Be honest"]  # catalog order
    assert billing.summary == "One finished run: 40."


def test_long_histories_are_cut_for_the_chart_and_the_list(store: ResultStore) -> None:
    save(store, *(run("Robin", i * 3, minutes=i) for i in range(CHART_MAX + 5)))
    section = build_history(store, "Robin", SCENARIOS, NAMES).sections[0]
    assert len(section.points) == CHART_MAX and section.earlier == 5
    assert section.points[0].attempt == 6 and section.points[-1].attempt == CHART_MAX + 5
    assert len(section.attempts) == LIST_MAX and section.older == CHART_MAX + 5 - LIST_MAX


def test_empty_missing_and_broken_stores_give_messages(store: ResultStore) -> None:
    assert build_history(store, "Robin", SCENARIOS, NAMES).message == NO_RUNS
    assert build_history(None, "Robin", SCENARIOS, NAMES).message == NO_RUNS
    assert build_history(store, "", SCENARIOS, NAMES).message == NO_PLAYER
    save(store, run("Robin", 50))
    break_store(store)
    broken = build_history(store, "Robin", SCENARIOS, NAMES)
    assert broken.sections == () and broken.message.startswith("Could not read the results")
