"""Debrief v2 in the game: a 20-decision call fits in three screens at the default text size, a
best-path run has nothing to work on, and a principle bar explains its number on Enter."""

from __future__ import annotations

from pathlib import Path

import pygame

from simulator.app.screens.debrief import DebriefScreen, PrincipleRow, WorkOnRow
from simulator.app.settings import Profile, Settings

from .helpers import press
from .test_screens import to_play

DECISIONS = 20


def twenty_decisions() -> str:
    """q1..q20, each with a best option (+2 listening), a near one and a rude one; file order kept."""
    parts = ["""\
schema_version: 1
id: aaa-twenty
title: Twenty decisions
summary: A long call for the debrief layout.
difficulty: beginner
estimated_minutes: 10
principles: [listen-first, show-empathy, be-honest]
customer: {name: Kim Lee, situation: A long test call about a late order and a billing mistake., state: {mood: 50}}
start: q1
nodes:
"""]
    for k in range(1, DECISIONS + 1):
        after = f"q{k + 1}" if k < DECISIONS else "end"
        parts.append(f"""  q{k}:
    line: This is what the customer says at moment {k}, a sentence of ordinary length for a call.
    shuffle: false
    choices:
      - id: best
        text: A reply of ordinary length that listens first and asks what happened at moment {k}.
        next: {after}
        grades: {{listen-first: 2, show-empathy: 1}}
        feedback: You let them tell it their way, which is what an upset caller needs first.
      - id: near
        text: A reply of ordinary length that explains the bill before hearing them out at {k}.
        next: {after}
        grades: {{listen-first: -1, be-honest: 1}}
        feedback: True, but you explained before you listened; the caller felt talked at.
      - id: rude
        text: A curt reply that tells them to calm down before anything else happens at {k}.
        next: {after}
        grades: {{show-empathy: -2}}
        feedback: Telling a caller to calm down makes them louder.
""")
    parts.append("""  end:
    ending: {outcome: resolved, quality: good, title: Sorted, debrief: You listened and then fixed it.}
""")
    return "".join(parts)


def play_to_debrief(app, picks: dict[int, str]) -> DebriefScreen:  # type: ignore[no-untyped-def]
    play = to_play(app)
    for k in range(1, DECISIONS + 1):
        number = next(c.number for c in play.session.choices() if c.id == picks.get(k, "best"))
        press(app, pygame.K_0 + number)
    press(app, pygame.K_RETURN)  # "See your debrief"
    debrief = app.top
    assert isinstance(debrief, DebriefScreen)
    return debrief


def test_twenty_decisions_fit_in_three_screens(make_app, pack: Path) -> None:  # type: ignore[no-untyped-def]
    (pack / "late_parcel.yaml").unlink()  # the picker's first scenario is then this one
    (pack / "aaa_twenty.yaml").write_text(twenty_decisions(), encoding="utf-8")
    app = make_app(Settings(reduced_motion=True, mode="assessment", profile=Profile("Robin")))
    misses = {3: "near", 7: "rude", 11: "near", 15: "rude", 19: "near"}
    debrief = play_to_debrief(app, misses)
    menu = debrief.menu
    assert [r.view.step + 1 for r in menu.rows if isinstance(r, WorkOnRow)] == sorted(misses)
    heights = [(type(r).__name__, h) for r, h in zip(menu.rows, menu.heights, strict=True)]
    assert menu.content_height <= 3 * menu.rect.height, (menu.content_height, menu.rect.height, heights)


def test_best_path_has_nothing_to_work_on_and_bars_explain(make_app, pack: Path) -> None:  # type: ignore[no-untyped-def]
    (pack / "late_parcel.yaml").unlink()  # the picker's first scenario is then this one
    (pack / "aaa_twenty.yaml").write_text(twenty_decisions(), encoding="utf-8")
    app = make_app(Settings(reduced_motion=True, mode="assessment", profile=Profile("Robin")))
    debrief = play_to_debrief(app, {})
    assert debrief.view.overall == 100 and debrief.view.work_on == ()
    assert not any(isinstance(r, WorkOnRow) for r in debrief.menu.rows)
    bars = [r for r in debrief.menu.rows if isinstance(r, PrincipleRow)]
    assert bars and all(not bar.open for bar in bars)
    before = debrief.menu.content_height
    assert debrief.menu.focus_key(bars[0].key)
    press(app, pygame.K_RETURN)
    assert bars[0].open and debrief.menu.content_height > before  # the explanation is shown, laid out
