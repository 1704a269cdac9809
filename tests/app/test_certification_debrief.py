"""A certification attempt's debrief does not hand out the answer key (simulator.progress.answer_key):
while the call is open (not passed, attempts left) no better option, reason or coaching on a missed
decision is rendered anywhere on the debrief, a notice says why; the last attempt, a passed attempt
and practice runs get the full debrief. Through the real screens with an in-memory results store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from simulator.app.app import App
from simulator.app.runlog import RunLog, scratch_run_log
from simulator.app.widgets.debrief_rows import DecisionStrip, PrincipleRow
from tests.app.conftest import FIXTURE
from tests.app.test_onboarding import build, leave_debrief, play, set_mode, texts

CURRICULUM = """schema_version: 1
stages:
  - name: Sign-off
    rationale: Prove it.
    scenarios: [call-c]
    pass: {{band: {band}, mode: certification, attempts: 2}}
"""
NOTICE = "the better options and why are not shown"


def make_pack(folder: Path, band: str) -> Path:
    folder.mkdir()
    text = FIXTURE.read_text(encoding="utf-8").replace("id: late-parcel", "id: call-c").replace(
        "title: The Late Parcel", "title: Call C")
    (folder / "call_c.yaml").write_text(text, encoding="utf-8")
    (folder / "curriculum.yaml").write_text(CURRICULUM.format(band=band), encoding="utf-8")
    return folder


@pytest.fixture
def store_log() -> Iterator[RunLog]:
    run_log, close = scratch_run_log()
    yield run_log
    close()


def rendered(app: App, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every string the debrief renders, with each principle opened and each decision picked."""
    seen: list[str] = []
    render = app.ctx.text.render

    def spy(text: str, *args: Any, **kwargs: Any) -> pygame.Surface:
        seen.append(text)
        return render(text, *args, **kwargs)

    monkeypatch.setattr(app.ctx.text, "render", spy)
    screen = app.top
    rows = screen.menu.rows  # type: ignore[union-attr]
    for row in rows:
        if isinstance(row, PrincipleRow):
            row.open = True
    strip = next(r for r in rows if isinstance(r, DecisionStrip))
    for _ in strip.views:
        screen.relayout()  # type: ignore[union-attr]
        strip.adjust(1)
    screen.relayout()  # type: ignore[union-attr]
    monkeypatch.setattr(app.ctx.text, "render", render)
    return "\n".join(seen)


def answer_key(app: App) -> list[str]:
    """The better options, their reasons and the coaching on the missed decisions of this run."""
    report = app.top.report  # type: ignore[union-attr]
    assert report.to_work_on, "the worst path must miss something"
    return [text for d in report.to_work_on for text in (d.better_text, d.better_feedback, d.feedback) if text]


def test_an_open_call_gets_no_answer_key_until_the_last_attempt(home: Path, tmp_path: Path, store_log: RunLog,
                                                                  video: None,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    app = build(home, make_pack(tmp_path / "pack", "Proficient"), store_log)
    app.push("picker")
    set_mode(app, "certification")
    play(app, "call-c", "worst")  # attempt 1 of 2, not passed
    shown, key = rendered(app, monkeypatch), answer_key(app)
    assert NOTICE in shown and "Coach mode" in shown
    assert not [text for text in key if text in shown]
    assert app.top.view.answer_key_withheld  # type: ignore[union-attr]
    assert all(d.better_text is None for d in app.top.view.decisions)  # type: ignore[union-attr]
    assert "Better option: shown in Coach mode" in shown
    assert "They said:" in shown and "/100" in shown  # what the customer said and the score stay
    assert app.top.view.bars and all(b.explanation for b in app.top.view.bars)  # type: ignore[union-attr]
    app.top.retry_from(0)  # type: ignore[union-attr]  # no back door through a retry
    assert app.top.name == "debrief" and "cannot be retried" in app.ctx.notices[-1].text
    leave_debrief(app)
    play(app, "call-c", "worst")  # attempt 2 of 2: the certification is settled, the full review shows
    shown, key = rendered(app, monkeypatch), answer_key(app)
    assert NOTICE not in shown and not app.top.view.answer_key_withheld  # type: ignore[union-attr]
    assert key and all(text in shown for text in key[:2])


def test_a_passed_attempt_and_practice_get_the_full_debrief(home: Path, tmp_path: Path, store_log: RunLog,
                                                            video: None, monkeypatch: pytest.MonkeyPatch) -> None:
    app = build(home, make_pack(tmp_path / "pack", "Not yet"), store_log)  # any finished attempt passes
    app.push("picker")
    set_mode(app, "certification")
    play(app, "call-c", "worst")
    assert any("Certification attempt passed" in t for t in texts(app))
    shown, key = rendered(app, monkeypatch), answer_key(app)
    assert NOTICE not in shown and all(text in shown for text in key[:2])
    leave_debrief(app)
    for mode in ("coach", "assessment"):
        set_mode(app, mode)
        play(app, "call-c", "worst")
        shown, key = rendered(app, monkeypatch), answer_key(app)
        assert NOTICE not in shown and all(text in shown for text in key[:2]), mode
        leave_debrief(app)
