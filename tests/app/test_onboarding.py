"""The onboarding journey in the game (issue #18): a scripted learner goes from nothing to "Ready
for calls" through the real screens and the app's services (picker, play, debrief, a real
in-memory results store); certification attempts are capped and a failed one does not count; the
practise-next card follows the weakest principle; the title shows what is due; the certificate
is written into the user data folder."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pygame
import pytest

from simulator.app.app import App
from simulator.app.autoplay import pick
from simulator.app.context import AppContext
from simulator.app.runlog import MemoryRunLog, RunLog, scratch_run_log
from simulator.app.settings import Profile, Settings
from simulator.app.widgets.rows import TextRow
from simulator.results.records import FINISHED, RunRecord, new_run_id
from tests.app.conftest import FIXTURE
from tests.app.helpers import press

CURRICULUM = """schema_version: 1
stages:
  - name: First day
    rationale: Start here.
    scenarios: [call-a, call-b]
    pass: {band: Proficient, mode: assessment}
  - name: Sign-off
    rationale: Prove it.
    scenarios: [call-c]
    pass: {band: Proficient, mode: certification, attempts: 2}
"""
NUMBER_KEYS = [getattr(pygame, f"K_{n}") for n in range(1, 10)]


@pytest.fixture
def onboarding_pack(tmp_path: Path) -> Path:
    """Three calls (copies of the late-parcel fixture) in a two-stage curriculum."""
    folder = tmp_path / "pack"
    folder.mkdir()
    source = FIXTURE.read_text(encoding="utf-8")
    for letter in "abc":
        text = source.replace("id: late-parcel", f"id: call-{letter}").replace(
            "title: The Late Parcel", f"title: Call {letter.upper()}")
        (folder / f"call_{letter}.yaml").write_text(text, encoding="utf-8")
    (folder / "curriculum.yaml").write_text(CURRICULUM, encoding="utf-8")
    return folder


@pytest.fixture
def store_log() -> Iterator[RunLog]:
    run_log, close = scratch_run_log()
    yield run_log
    close()


def build(home: Path, pack: Path, run_log: RunLog, size: tuple[int, int] = (1280, 720),
          workshop: str = "") -> App:
    settings = Settings(reduced_motion=True, mode="assessment", profile=Profile("Robin", workshop=workshop))
    ctx = AppContext(settings, home / "config" / "settings.json", pack, [], home / "data" / "saves" / "resume.json",
                     run_log)
    app = App(ctx, size)
    title = app.push("title")
    ctx.load_content()
    title.refresh()  # type: ignore[attr-defined]
    app.frame([], 0.0)
    return app


def texts(app: App) -> list[str]:
    return [row.text for row in app.top.menu.rows if isinstance(row, TextRow)]  # type: ignore[union-attr]


def set_mode(app: App, mode: str) -> None:
    for _ in range(3):
        if app.ctx.settings.mode == mode:
            return
        press(app, pygame.K_m)
    assert app.ctx.settings.mode == mode


def play(app: App, scenario_id: str, policy: str) -> None:
    """From the picker: Enter on the call, answer by number keys with ``policy``, the debrief, Esc back."""
    assert app.top is not None and app.top.name == "picker"
    assert app.top.focus_scenario(scenario_id)  # type: ignore[attr-defined]
    press(app, pygame.K_RETURN)
    assert app.top.name == "play", app.ctx.notices
    session = app.top.session  # type: ignore[attr-defined]
    while not session.finished:
        while app.top.name == "feedback":
            press(app, pygame.K_RETURN)
        press(app, NUMBER_KEYS[pick(session, policy, random.Random(0)) - 1])
    while app.top.name == "feedback":
        press(app, pygame.K_RETURN)
    app.top.to_debrief()  # type: ignore[attr-defined]
    app.frame([], 0.0)
    assert app.top.name == "debrief"


def leave_debrief(app: App) -> None:
    press(app, pygame.K_ESCAPE)
    assert app.top is not None and app.top.name == "picker"


def stage_lines(app: App) -> list[str]:
    return [t for t in texts(app) if re.search(r"passed|Met on", t)]


def test_a_learner_goes_from_nothing_to_ready_for_calls(home: Path, onboarding_pack: Path, store_log: RunLog,
                                                         video: None) -> None:
    app = build(home, onboarding_pack, store_log)
    app.top.play()  # type: ignore[union-attr]
    picker = app.top
    assert picker is not None and picker.name == "picker"
    assert texts(app)[0] == "Not ready for calls yet: 0 of 2 stages met"
    assert picker.menu.focused.key == "practise-next"  # type: ignore[attr-defined]  # the recommendation leads
    assert stage_lines(app) == ["0 of 2 passed; still to pass: Call A, Call B", "0 of 1 passed; still to pass: Call C"]

    play(app, "call-a", "best")
    leave_debrief(app)
    assert stage_lines(app)[0] == "1 of 2 passed; still to pass: Call B"
    set_mode(app, "coach")
    play(app, "call-b", "best")  # coach runs do not count under an assessment rule
    leave_debrief(app)
    assert stage_lines(app)[0] == "1 of 2 passed; still to pass: Call B"
    set_mode(app, "assessment")
    play(app, "call-b", "best")
    leave_debrief(app)
    today = datetime.now(UTC).astimezone().date()
    day = f"{today.day} {today.strftime('%b %Y')}"
    assert stage_lines(app)[0].startswith(f"Met on {day}")

    set_mode(app, "certification")
    play(app, "call-c", "worst")  # a failed attempt: counts for nothing, uses one of two attempts
    debrief = app.top
    assert any("not passed" in t and "Attempts left on this call: 1 of 2" in t for t in texts(app))
    debrief.retry_from(0)  # type: ignore[union-attr]  # no retry from a decision in certification
    assert app.top is debrief and "cannot be retried" in app.ctx.notices[-1].text
    leave_debrief(app)
    assert texts(app)[0] == "Not ready for calls yet: 1 of 2 stages met"
    assert stage_lines(app)[1] == "0 of 1 passed; still to pass: Call C"
    play(app, "call-c", "best")
    assert any("passed (Proficient or better): it counts for Sign-off" in t for t in texts(app))
    leave_debrief(app)
    assert texts(app)[0] == f"Ready for calls since {day}"
    app.pop()
    assert app.top.name == "title" and f"Ready for calls since {day}" in texts(app)


def test_certification_attempts_are_capped_in_the_game(home: Path, onboarding_pack: Path, store_log: RunLog,
                                                         video: None) -> None:
    app = build(home, onboarding_pack, store_log)
    app.push("picker")
    set_mode(app, "certification")
    card = next(r for r in app.top.menu.rows if getattr(r, "key", "") == "call-c")  # type: ignore[union-attr]
    assert card.status == "Certification attempts left: 2 of 2"  # type: ignore[attr-defined]
    offered = []
    for _ in range(2):
        play(app, "call-c", "worst")
        bar = next(r for r in app.top.menu.rows if getattr(r, "key", "") == "buttons")  # type: ignore[union-attr]
        offered.append("New certification attempt" in [label for label, _ in bar.buttons])  # type: ignore[attr-defined]
        leave_debrief(app)
    assert offered == [True, False]  # the last attempt's debrief offers no new one
    card = next(r for r in app.top.menu.rows if getattr(r, "key", "") == "call-c")  # type: ignore[union-attr]
    assert card.status == "No certification attempts left (all 2 used)"  # type: ignore[attr-defined]
    app.top.focus_scenario("call-c")  # type: ignore[union-attr]
    press(app, pygame.K_RETURN)
    assert app.top.name == "picker" and "No certification attempts left on Call C" in app.ctx.notices[-1].text
    set_mode(app, "assessment")  # practice stays open
    app.top.focus_scenario("call-c")  # type: ignore[union-attr]
    press(app, pygame.K_RETURN)
    assert app.top.name == "play"
    press(app, pygame.K_ESCAPE)  # pause: in assessment mode restart is offered
    assert app.top.name == "pause" and app.top.menu.focus_key("restart")  # type: ignore[union-attr]


def test_no_restart_and_no_coach_card_in_a_certification_attempt(home: Path, onboarding_pack: Path,
                                                                  store_log: RunLog, video: None) -> None:
    app = build(home, onboarding_pack, store_log)
    app.push("picker")
    set_mode(app, "certification")
    app.top.focus_scenario("call-a")  # type: ignore[union-attr]
    press(app, pygame.K_RETURN)
    session = app.top.session  # type: ignore[union-attr]
    press(app, NUMBER_KEYS[pick(session, "best", random.Random(0)) - 1])
    assert app.top.name == "play"  # no feedback card
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause" and not app.top.menu.focus_key("restart")  # type: ignore[union-attr]


def record(scenario: str, scores: dict[str, int], days: int, mode: str = "assessment") -> RunRecord:
    when = datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(days=days)
    return RunRecord(run_id=new_run_id(), player="Robin", team="", workshop="", scenario_id=scenario,
                     content_hash="x", mode=mode, started_at=when, ended_at=when, status=FINISHED,
                     outcome="resolved", overall=80, principle_scores=scores)


def test_the_practise_next_card_follows_the_weakest_principle(home: Path, onboarding_pack: Path,
                                                              video: None) -> None:
    run_log = MemoryRunLog()
    run_log.save_run(record("call-a", {"be-honest": 30, "show-empathy": 90}, 0))
    app = build(home, onboarding_pack, run_log)
    app.push("picker")
    card = app.top.menu.rows[1]  # type: ignore[union-attr]
    assert card.key == "practise-next" and card.view.why.startswith("Your weakest is Be honest (30/100)")
    run_log.save_run(record("call-a", {"be-honest": 95, "show-empathy": 40}, 1))
    app.top.on_resume()  # type: ignore[union-attr]  # back on top: read again
    card = app.top.menu.rows[1]  # type: ignore[union-attr]
    assert card.view.why.startswith("Your weakest is Show empathy (40/100)")
    assert card.view.scenario in ("call-b", "call-c")  # a call not played yet comes first


def test_the_title_shows_what_is_due_and_overdue(home: Path, onboarding_pack: Path, video: None) -> None:
    today = datetime.now(UTC).astimezone().date()
    (home / "data").mkdir(parents=True, exist_ok=True)
    (home / "data" / "assignments.yaml").write_text(f"""schema_version: 1
workshops:
  - code: TUE-AM
    assignments:
      - {{scenario: call-a, due: {today - timedelta(days=2)}}}
      - {{scenario: call-b, due: {today + timedelta(days=3)}}}
      - {{scenario: call-c, due: {today}}}
""", encoding="utf-8")
    app = build(home, onboarding_pack, MemoryRunLog(), workshop=" tue-am")
    lines = texts(app)
    overdue = today - timedelta(days=2)
    assert f"Overdue: Call A (was due {overdue.day} {overdue.strftime('%b %Y')})" in lines
    assert any(t.startswith("Due today: Call C") for t in lines)
    assert any(t.startswith("Due in 3 days: Call B") for t in lines)
    (home / "data" / "assignments.yaml").write_text("schema_version: 1\nworkshops: [{code: X}]\n", encoding="utf-8")
    app.top.refresh()  # type: ignore[union-attr]
    assert any("assignments file cannot be read" in t and "assignments.yaml:2:" in t for t in texts(app))


def test_my_progress_writes_the_certificate_and_says_where(home: Path, onboarding_pack: Path, video: None) -> None:
    run_log = MemoryRunLog()
    run_log.save_run(record("call-a", {"be-honest": 80}, 0))
    app = build(home, onboarding_pack, run_log)
    app.push("history")
    assert app.top.menu.focus_key("certificate")  # type: ignore[union-attr]
    press(app, pygame.K_RETURN)
    path = home / "data" / "certificates" / "robin.html"
    page = path.read_text(encoding="utf-8")
    assert "Robin" in page and "Not ready for calls yet" in page and "First day" in page
    assert str(path) in app.ctx.notices[-1].text
    assert any(str(path) in getattr(r, "detail", "") for r in app.top.menu.rows)  # type: ignore[union-attr]


def test_progress_is_read_on_enter_not_in_constructors(home: Path, onboarding_pack: Path, video: None,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    app = build(home, onboarding_pack, MemoryRunLog())
    calls: list[str] = []
    service = app.services.progress
    original = service.learner
    monkeypatch.setattr(service, "learner", lambda *a: calls.append("read") or original(*a))
    screen = app.screens.create("picker", app, {})
    assert calls == []
    app.push("picker")
    assert calls == ["read"] and screen.progress is None  # type: ignore[attr-defined]
