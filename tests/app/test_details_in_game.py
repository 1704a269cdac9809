"""A scenario with per-run details (``details:``) shows filled texts everywhere in the game: the
chat, the customer's name, and the debrief's quotes (score_run gets the session's details)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pygame

from simulator.app.screens.debrief import DebriefScreen
from simulator.app.settings import Profile, Settings
from tests.conftest import REPO

from .helpers import press
from .test_screens import to_play

PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}")


def test_a_run_with_details_never_shows_a_placeholder(make_app, pack: Path) -> None:  # type: ignore[no-untyped-def]
    (pack / "late_parcel.yaml").unlink()
    shutil.copy(REPO / "scenarios" / "wrong_about_facts.yaml", pack / "wrong_about_facts.yaml")
    app = make_app(Settings(reduced_motion=True, mode="assessment", profile=Profile("Robin")))
    play = to_play(app)
    session = play.session
    assert session.details, "wrong_about_facts declares details"
    seen: list[str] = []
    for _ in range(60):
        if session.finished:
            break
        seen += [e.text for e in play.chat.entries] + [c.text for c in session.choices()]
        press(app, pygame.K_1)
    seen += [e.text for e in play.chat.entries]
    press(app, pygame.K_RETURN)  # "See your debrief"
    debrief = app.top
    assert isinstance(debrief, DebriefScreen)
    view = debrief.view
    seen += [view.debrief] + [d.prompt for d in view.decisions] + [d.choice_text for d in view.decisions]
    seen += [d.better_text or "" for d in view.decisions]
    assert not [text for text in seen if PLACEHOLDER.search(text)]
