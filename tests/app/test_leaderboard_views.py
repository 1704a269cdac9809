"""Leaderboard view models against a real SQLite results store (no pixels)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from simulator.app.leaderboard_views import (
    NO_MATCH,
    NO_STORE,
    RANKING,
    SCENARIO,
    TEAM,
    WORKSHOP,
    Facets,
    ScenarioOption,
    build_leaderboard,
    caption,
    change_filter,
    clean_name,
    filter_value,
    initial_filters,
    load_facets,
)
from simulator.results.records import RunRecord, new_run_id
from simulator.results.store import ResultStore, open_store

START = datetime(2025, 3, 5, 12, 0, tzinfo=UTC)
SCENARIOS = (ScenarioOption("late-parcel", "Late parcel", ("listen-first", "be-honest")),
             ScenarioOption("billing", "Billing dispute", ("show-empathy", "be-honest")))
CATALOG = (("listen-first", "Listen first"), ("show-empathy", "Show empathy"), ("be-honest", "Be honest"))
TITLES = {s.id: s.title for s in SCENARIOS}


def run(player: str, overall: int, *, scenario: str = "late-parcel", team: str = "Blue", workshop: str = "W1",
        minutes: int = 0, status: str = "finished", outcome: str | None = "resolved",
        scores: dict[str, int] | None = None, mode: str = "coach") -> RunRecord:
    moment = START + timedelta(minutes=minutes)
    return RunRecord(new_run_id(), player, team, workshop, scenario, "", mode, moment - timedelta(minutes=5),
                     moment, status, outcome if status == "finished" else None, overall, scores or {})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ResultStore]:
    with open_store(f"sqlite:///{tmp_path / 'results.sqlite3'}") as opened:
        yield opened


def save(store: ResultStore, *records: RunRecord) -> None:
    for record in records:
        assert store.save_run(record)


def break_store(store: ResultStore) -> None:
    """Every later read fails inside the database ("no such table"), as with a damaged file."""
    with store.engine.connect() as conn, conn.begin():
        conn.exec_driver_sql("ALTER TABLE runs RENAME TO runs_gone")


def filters_for(store: ResultStore | None, workshop: str = "", scenario_id: str | None = None):  # type: ignore[no-untyped-def]
    return initial_filters(SCENARIOS, CATALOG, load_facets(store), workshop, scenario_id)


def test_filters_default_to_the_first_scenario_overall_and_the_players_workshop(store: ResultStore) -> None:
    save(store, run("Ana", 70, workshop="W2", team="Red"), run("Bo", 60, workshop="", team=""),
         run("Cy", 10, workshop="W9", team="Green", status="abandoned"))
    facets = load_facets(store)
    assert facets == Facets(("", "W2"), ("", "Red"), 3)  # abandoned runs add no filter values
    filters = initial_filters(SCENARIOS, CATALOG, facets, workshop="W1")
    by = {f.key: f for f in filters}
    assert [c.label for c in by[SCENARIO].choices] == ["All scenarios", "Late parcel", "Billing dispute"]
    assert by[SCENARIO].value == "late-parcel" and by[RANKING].value is None
    assert [c.label for c in by[RANKING].choices] == ["Overall score", "Listen first", "Be honest"]
    assert [c.label for c in by[WORKSHOP].choices] == ["Any", "No workshop", "W1", "W2"]  # own code added
    assert by[WORKSHOP].value == "W1" and by[TEAM].value is None
    assert [c.label for c in by[TEAM].choices] == ["Any", "No team", "Red"]
    assert filters_for(store, "", "billing")[0].value == "billing"


def test_changing_the_scenario_rebuilds_the_ranking_choices() -> None:
    filters = filters_for(None)
    filters = change_filter(filters, 1, 2, SCENARIOS, CATALOG)  # ranking: Be honest
    assert filter_value(filters, RANKING) == "be-honest"
    filters = change_filter(filters, 0, 1, SCENARIOS, CATALOG)  # Billing trains be-honest too: kept
    assert filter_value(filters, SCENARIO) == "billing" and filter_value(filters, RANKING) == "be-honest"
    filters = change_filter(filters, 1, -1, SCENARIOS, CATALOG)  # Show empathy
    filters = change_filter(filters, 0, 1, SCENARIOS, CATALOG)  # wraps to All scenarios: every principle
    assert filter_value(filters, SCENARIO) is None and filter_value(filters, RANKING) == "show-empathy"
    assert len(filters[1].choices) == 1 + len(CATALOG)
    filters = change_filter(filters, 0, 1, SCENARIOS, CATALOG)  # Late parcel does not train empathy
    assert filter_value(filters, RANKING) is None
    assert filters[2].step(-1).current.label == filters[2].choices[-1].label  # cycling wraps both ways


def test_rows_are_ranked_with_ties_highlight_and_outcome(store: ResultStore) -> None:
    save(store,
         run("Ana", 70, minutes=1), run("Ana", 90, minutes=9, outcome="escalated"),  # best of 2
         run("Bo", 80, minutes=2, team="Red"), run("Cy", 80, minutes=3),
         run("Dee", 99, status="abandoned"),  # never ranked
         run("Eve", 100, scenario="billing"))
    filters = filters_for(store)
    view = build_leaderboard(store, filters, "Bo", load_facets(store), TITLES)
    assert [(x.rank, x.player, x.team, x.score) for x in view.lines] == [
        ("1", "Ana", "Blue", "90"), ("=2", "Bo", "Red", "80"), ("=2", "Cy", "Blue", "80")]
    assert [x.highlight for x in view.lines] == [False, True, False]
    assert view.lines[0].detail == "Escalated \u00b7 5 Mar 2025 \u00b7 2 runs"
    assert view.lines[1].detail.startswith("Resolved") and view.lines[1].detail.endswith("1 run")
    assert view.message == "" and view.caption == "Best overall score per player on Late parcel"


def test_every_filter_narrows_the_board(store: ResultStore) -> None:
    save(store,
         run("Ana", 50, workshop="W1", team="Blue", scores={"be-honest": 100, "listen-first": 0}),
         run("Bo", 90, workshop="W1", team="Red", scores={"be-honest": 20, "listen-first": 100}),
         run("Cy", 70, workshop="W2", team="Blue", scores={"be-honest": 60}),
         run("Eve", 95, scenario="billing", workshop="W2", team="Red", scores={"be-honest": 40}))
    facets = load_facets(store)

    def board(scenario: str | None, principle: str | None, workshop: str | None, team: str | None) -> list[str]:
        filters = filters_for(store)
        filters = (filters[0].select(scenario), filters[1], filters[2].select(workshop), filters[3].select(team))
        if filters[0].value is None:  # all scenarios: every catalog principle can be chosen
            filters = change_filter(filters, 0, 0, SCENARIOS, CATALOG)
        filters = (filters[0], filters[1].select(principle), *filters[2:])
        assert filter_value(filters, RANKING) == principle
        return [line.player for line in build_leaderboard(store, filters, "", facets, TITLES).lines]

    assert board("late-parcel", None, None, None) == ["Bo", "Cy", "Ana"]
    assert board("late-parcel", "be-honest", None, None) == ["Ana", "Cy", "Bo"]
    assert board("late-parcel", "listen-first", None, None) == ["Bo", "Ana"]  # Cy has no such score
    assert board("late-parcel", None, "W1", None) == ["Bo", "Ana"]
    assert board("late-parcel", None, None, "Blue") == ["Cy", "Ana"]
    assert board("late-parcel", None, "W2", "Red") == []
    assert board(None, None, None, None) == ["Eve", "Bo", "Cy", "Ana"]
    assert board(None, "be-honest", "W2", None) == ["Cy", "Eve"]
    filters = filters_for(store, "W2")
    filters = (filters[0].select(None), *change_filter(filters, 0, 0, SCENARIOS, CATALOG)[1:])
    everything = build_leaderboard(store, filters, "", facets, TITLES)
    assert [line.detail.split(":")[0] for line in everything.lines] == ["Billing dispute", "Late parcel"]
    assert caption(everything.filters) == "Best overall score per player across all scenarios (workshop W2)"
    narrow = (filters[0].select("late-parcel"), filters[1], filters[2], filters[3].select("Red"))
    empty = build_leaderboard(store, narrow, "", facets, TITLES)
    assert empty.lines == () and empty.message == NO_MATCH


def test_no_store_or_an_empty_store_says_so_and_a_broken_store_does_not_raise(store: ResultStore) -> None:
    filters = filters_for(None)
    assert build_leaderboard(None, filters, "Robin", Facets(), TITLES).message == NO_STORE
    assert build_leaderboard(store, filters, "Robin", load_facets(store), TITLES).message == NO_STORE
    save(store, run("Ana", 50))
    facets = load_facets(store)
    break_store(store)
    assert load_facets(store) == Facets()
    broken = build_leaderboard(store, filters, "Robin", facets, TITLES)
    assert broken.lines == () and broken.message.startswith("Could not read the results")


def test_untrusted_names_become_one_bounded_printable_line(store: ResultStore) -> None:
    assert clean_name("Ro\x00bin\n\t<b>x</b>") == "Ro bin <b>x</b>"
    assert clean_name("\x1b[31m", "(no name)") == "[31m"
    assert clean_name("  \n ", "(no name)") == "(no name)"
    long = clean_name("A" * 500)
    assert len(long) == 60 and long.endswith("\u2026")
    save(store, run("Eve\x00\nil" + "x" * 200, 40, team="Red\r\nTeam"))
    view = build_leaderboard(store, filters_for(store), "", load_facets(store), TITLES)
    assert view.lines[0].player.startswith("Eve il") and len(view.lines[0].player) == 60
    assert view.lines[0].team == "Red Team"
