"""Text stays comfortably readable at the default size on a 1280x720 window, and the menus that
must show whole (title, settings) still do."""

from __future__ import annotations

import pygame

from simulator.app.settings import Profile, Settings

from .helpers import press

MIN_SMALL_PX, MIN_BODY_PX = 14, 17  # the smallest text (hints, details, the debrief's rows) and body


def test_default_text_sizes_are_readable(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    assert app.ctx.settings.text_size == "medium"
    text = app.ctx.text
    assert text.font_set("small").shipped and text.font_set("small").size >= MIN_SMALL_PX
    assert text.font_set("body").size >= MIN_BODY_PX
    assert text.font_set("small").size < text.font_set("body").size < text.font_set("h2").size


def test_title_and_settings_menus_show_whole_at_the_default_size(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, profile=Profile("Robin")))
    title = app.top
    assert title.name == "title" and title.menu.max_scroll == 0
    assert title.menu.rect.bottom <= app.size[1]
    press(app, pygame.K_DOWN, pygame.K_DOWN, pygame.K_RETURN)
    settings = app.top
    assert settings.name == "settings" and settings.menu.max_scroll == 0
