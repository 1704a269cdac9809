"""Notices: the last three stay; a newer notice on the same topic replaces the older one."""

from __future__ import annotations

import pygame

from tests.app.conftest import MakeApp


def test_switching_mode_twice_shows_only_the_mode_chosen(make_app: MakeApp) -> None:
    app = make_app()
    app.push("picker")
    app.ctx.notify("Your settings file was damaged")
    for _ in range(2):
        app.frame([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_m, mod=0, unicode="m")], 0.0)
    shown = [notice.text for notice in app.ctx.notices]
    assert shown[0] == "Your settings file was damaged"
    assert len([text for text in shown if text.startswith("Mode:")]) == 1
    assert shown[-1] == f"Mode: {app.ctx.settings.mode.capitalize()}"
