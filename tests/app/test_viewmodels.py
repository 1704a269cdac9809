"""View models are plain values built from the engine and the scorer: tested without pixels."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from scoring.catalog import default_catalog
from scoring.scorer import grade_step, score_run
from simulator.app.library import LibraryEntry
from simulator.app.viewmodels import (
    OptionView,
    debrief_view,
    feedback_view,
    history,
    meters_for,
    picker_item,
    play_view,
)
from simulator.content.loader import load_scenario
from simulator.engine.machine import ScenarioMachine
from simulator.results.records import RunRecord, now_utc

from .conftest import FIXTURE


@pytest.fixture(scope="module")
def loaded():  # type: ignore[no-untyped-def]
    return load_scenario(FIXTURE, default_catalog().ids())


@pytest.fixture
def session(loaded):  # type: ignore[no-untyped-def]
    return ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=3)


def choose(session, choice_id: str):  # type: ignore[no-untyped-def]
    return session.choose(choice_id, seconds=1.0)


def test_play_view_shows_options_without_grades(session) -> None:  # type: ignore[no-untyped-def]
    view = play_view(session, timer_factor=1.0)
    assert {f.name for f in dataclasses.fields(OptionView)} == {"number", "text", "available", "note"}
    assert sorted(o.number for o in view.options) == [1, 2, 3]
    texts = " ".join(o.text for o in view.options)
    assert "listen-first" not in texts and "feedback" not in texts
    assert view.expression == "annoyed" and view.mood == 35
    assert view.time_limit is None  # the opening is not timed


def test_timer_follows_the_setting(session) -> None:  # type: ignore[no-untyped-def]
    choose(session, "ask-details")
    assert play_view(session, 1.0).time_limit == 20
    assert play_view(session, 2.0).time_limit == 40
    assert play_view(session, None).time_limit is None


def test_meters_leave_out_flags_and_use_words(loaded) -> None:  # type: ignore[no-untyped-def]
    meters = meters_for(loaded.scenario, {"mood": 10, "patience": 90, "trust": 50, "apologized": 1}, "angry")
    assert [m.name for m in meters] == ["mood", "patience", "trust"]
    assert meters[0].description == "angry" and meters[1].description == "very high"


def test_feedback_names_principles_honoured_and_broken(loaded, session) -> None:  # type: ignore[no-untyped-def]
    names = {p.id: p.name for p in default_catalog().principles}
    view = feedback_view(grade_step(loaded.scenario, choose(session, "blame-courier")), names)
    assert view.broke == ("Be honest", "Listen first")
    assert view.honoured == ()
    assert "excuse" in view.feedback
    assert view.verdict.startswith("Reasonable") or view.verdict.startswith("Weak")


def test_history_rebuilds_the_conversation(session) -> None:  # type: ignore[no-untyped-def]
    choose(session, "ask-details")
    entries = history(session)
    assert [e.kind for e in entries] == ["narration", "customer", "agent", "customer"]
    assert entries[2].text.startswith("I'm sorry it's late")
    assert entries[3].text == "Sure, it's 4471."


def test_debrief_explains_every_decision_and_compares_with_best(loaded, session) -> None:  # type: ignore[no-untyped-def]
    choose(session, "ask-details")
    choose(session, "promise")
    report = score_run(loaded.scenario, session.transcript, default_catalog(), session.ending)
    previous = RunRecord("00000000-0000-0000-0000-000000000001", "Robin", "", "", "late-parcel", "", "coach",
                         now_utc(), now_utc(), "finished", "resolved", 90, {"be-honest": 100})
    view = debrief_view(report, previous)
    assert view.outcome == "Partly resolved" and view.previous_best == 90
    assert len(view.decisions) == 2
    second = view.decisions[1]
    assert not second.was_best and second.better_text and second.better_text.startswith("It's stuck")
    assert any(note.startswith("Be honest: -2") for note in second.principle_notes)
    honest = next(b for b in view.bars if b.principle_id == "be-honest")
    assert honest.previous_best == 100 and honest.score < 100
    assert view.weaknesses and all(n.feedback for n in view.weaknesses)


def test_picker_item_for_broken_and_good_entries(loaded) -> None:  # type: ignore[no-untyped-def]
    broken = picker_item(LibraryEntry(Path("x/bad.yaml"), None, "bad.yaml:3:1: oops"), {}, None)
    assert broken.broken and broken.error == "bad.yaml:3:1: oops" and "Broken" in broken.facts()
    good = picker_item(LibraryEntry(FIXTURE, loaded), {"be-honest": "Be honest"}, 72)
    assert good.title == "The Late Parcel" and "Be honest" in good.principles
    assert "Your best: 72" in good.facts() and "Beginner" in good.facts()
