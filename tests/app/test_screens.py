"""The screens driven headless with synthetic key and mouse events."""

from __future__ import annotations

from pathlib import Path

import pygame

from simulator.app.runlog import MemoryRunLog
from simulator.app.screens.debrief import DebriefScreen
from simulator.app.screens.feedback import FeedbackScreen
from simulator.app.screens.pause import PauseScreen
from simulator.app.screens.picker import PickerScreen
from simulator.app.screens.play import PlayScreen
from simulator.app.screens.player import PlayerScreen
from simulator.app.screens.title import TitleScreen
from simulator.app.settings import Profile, Settings

from .helpers import click, key, press, type_text


def number_of(play: PlayScreen, choice_id: str) -> int:
    return next(c.number for c in play.session.choices() if c.id == choice_id)


def choose_with_arrows(app, choice_id: str) -> None:  # type: ignore[no-untyped-def]
    """Move the focus with Down from the first option, then press Enter."""
    play = app.top
    assert isinstance(play, PlayScreen)
    press(app, pygame.K_HOME)
    for _ in range(number_of(play, choice_id) - 1):
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)


def to_play(app) -> PlayScreen:  # type: ignore[no-untyped-def]
    assert isinstance(app.top, TitleScreen) and app.top.menu.focus_key("play")
    press(app, pygame.K_RETURN)  # title: Play
    assert isinstance(app.top, PickerScreen)
    press(app, pygame.K_RETURN)  # the first scenario
    assert isinstance(app.top, PlayScreen)
    return app.top


def test_a_new_player_plays_a_whole_scenario_with_the_keyboard_alone(make_app) -> None:  # type: ignore[no-untyped-def]
    log = MemoryRunLog()
    app = make_app(Settings(reduced_motion=True), run_log=log)
    assert isinstance(app.top, TitleScreen)
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, PlayerScreen)  # no name yet
    type_text(app, "Robin")
    press(app, pygame.K_RETURN)  # next field
    type_text(app, "Blue team")
    press(app, pygame.K_TAB, pygame.K_TAB, pygame.K_RETURN)  # workshop, Continue, press
    assert isinstance(app.top, PickerScreen)
    assert app.ctx.settings.profile == Profile("Robin", "Blue team", "")
    press(app, pygame.K_RETURN)
    play = app.top
    assert isinstance(play, PlayScreen)
    choose_with_arrows(app, "ask-details")
    assert isinstance(app.top, FeedbackScreen)
    assert "Listen first" in app.top.view.honoured
    press(app, pygame.K_RETURN)
    choose_with_arrows(app, "tell-truth")
    press(app, pygame.K_RETURN)  # close the feedback card
    assert play.session.finished
    press(app, pygame.K_RETURN)  # "See your debrief"
    debrief = app.top
    assert isinstance(debrief, DebriefScreen)
    assert debrief.view.overall == 100 and len(debrief.view.decisions) == 2
    assert [r.status for r in log.records] == ["finished"]
    assert log.records[0].player == "Robin" and log.records[0].team == "Blue team"
    assert not app.ctx.resume_file.exists()
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, PickerScreen)
    assert app.top.items[0].best == 100  # the picker shows the best score now


def test_number_keys_and_mouse_choose_options(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, mode="assessment", profile=Profile("Robin")))
    play = to_play(app)
    press(app, pygame.K_0 + number_of(play, "ask-details"))
    assert isinstance(app.top, PlayScreen)  # assessment mode: no feedback card
    assert play.session.transcript[-1].choice_id == "ask-details"
    index = number_of(play, "tell-truth") - 1
    click(app, play.options.row_rect(index).center)
    assert play.session.finished and play.session.transcript[-1].choice_id == "tell-truth"


def test_pause_stops_the_clock_and_resume_continues(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    play = to_play(app)
    press(app, pygame.K_0 + number_of(play, "ask-details"))
    press(app, pygame.K_RETURN)  # feedback card
    assert play.view.time_limit == 20
    app.frame([], 5.0)
    assert play.elapsed == 5.0
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, PauseScreen)
    app.frame([], 30.0)  # time passes while paused
    assert play.elapsed == 5.0 and not play.session.transcript[-1].timed_out
    press(app, pygame.K_ESCAPE)
    assert app.top is play
    app.frame([], 16.0)  # runs out: the timeout choice is taken
    assert play.session.transcript[-1].timed_out and play.session.transcript[-1].choice_id == "stall"


def test_timers_can_be_switched_off(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, timers="off", profile=Profile("Robin")))
    play = to_play(app)
    press(app, pygame.K_0 + number_of(play, "ask-details"), pygame.K_RETURN)
    app.frame([], 500.0)
    assert len(play.session.transcript) == 1 and not play.animating


def test_quit_to_list_records_an_abandoned_run(make_app) -> None:  # type: ignore[no-untyped-def]
    log = MemoryRunLog()
    app = make_app(run_log=log)
    play = to_play(app)
    press(app, pygame.K_0 + number_of(play, "ask-details"), pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)
    pause = app.top
    assert isinstance(pause, PauseScreen)
    pause.menu.focus_key("list")
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, PickerScreen)
    assert [r.status for r in log.records] == ["abandoned"]
    assert not app.ctx.resume_file.exists()


def test_closing_mid_scenario_offers_to_resume(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    play = to_play(app)
    press(app, pygame.K_0 + number_of(play, "ask-details"), pygame.K_RETURN)
    app.frame([pygame.event.Event(pygame.QUIT)], 0.0)
    assert not app.running and app.ctx.resume_file.exists()
    again = make_app()
    title = again.top
    assert isinstance(title, TitleScreen) and title.menu.focused.key == "resume"
    press(again, pygame.K_RETURN)
    resumed = again.top
    assert isinstance(resumed, PlayScreen)
    assert resumed.session.state == "checking" and len(resumed.session.transcript) == 1
    assert [e.kind for e in resumed.chat.entries] == ["narration", "customer", "agent", "customer"]


def test_retry_from_a_decision(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, mode="assessment", profile=Profile("Robin")))
    play = to_play(app)
    press(app, pygame.K_0 + number_of(play, "ask-details"))
    press(app, pygame.K_0 + number_of(play, "promise"))
    press(app, pygame.K_RETURN)
    debrief = app.top
    assert isinstance(debrief, DebriefScreen) and debrief.view.decisions[1].better_text
    assert debrief.menu.focus_key("work-on-1")  # the decision to work on
    press(app, pygame.K_RETURN)
    retry = app.top
    assert isinstance(retry, PlayScreen)
    assert retry.session.state == "checking" and [s.choice_id for s in retry.session.transcript] == ["ask-details"]


def test_resize_relays_out_every_screen(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    play = to_play(app)
    app.frame([pygame.event.Event(pygame.VIDEORESIZE, size=(1000, 600), w=1000, h=600)], 0.0)
    assert app.surface.get_size() == (1000, 600)
    window = app.surface.get_rect()
    for index in range(len(play.options.rows)):
        assert window.contains(play.options.row_rect(index)) or play.options.max_scroll > 0
    assert play.chat.rect.bottom <= play.options.rect.top
    assert window.contains(play.side)


def test_largest_text_size_from_the_settings_screen(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    press(app, pygame.K_DOWN, pygame.K_DOWN, pygame.K_RETURN)  # Settings
    settings = app.top
    assert settings.name == "settings" and settings.menu.focused.key == "text_size"
    press(app, pygame.K_RIGHT, pygame.K_RIGHT)
    assert app.ctx.settings.text_size == "largest" and app.ctx.text.body_size == 44
    press(app, pygame.K_DOWN, pygame.K_RIGHT)  # high contrast
    assert app.ctx.settings.theme == "high_contrast"
    press(app, pygame.K_ESCAPE)
    assert Path(app.ctx.settings_file).read_text().count("largest") == 1
    play = to_play(app)
    window = app.surface.get_rect()
    assert play.chat.rect.bottom <= play.options.rect.top and window.contains(play.options.rect)
    assert play.side.bottom <= window.bottom and play.portrait_size >= 80
    for meter in play.meters:
        assert meter.label is not None and meter.label.get_width() <= play.side.width


def test_broken_scenario_is_listed_and_cannot_be_started(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    press(app, pygame.K_RETURN)
    picker = app.top
    assert isinstance(picker, PickerScreen)
    broken = [item for item in picker.items if item.broken]
    assert len(broken) == 1 and "zz_broken.yaml" in broken[0].error
    press(app, pygame.K_DOWN, pygame.K_RETURN)
    assert app.top is picker
    assert any("broken" in n.text for n in app.ctx.notices)


def test_f5_reload_keeps_the_player_on_the_current_node(make_app, pack: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    play = to_play(app)
    press(app, pygame.K_0 + number_of(play, "ask-details"), pygame.K_RETURN)
    path = pack / "late_parcel.yaml"
    path.write_text(path.read_text().replace("Sure, it's 4471.", "Sure, it's 9999."), encoding="utf-8")
    press(app, pygame.K_F5)
    assert play.session.state == "checking" and play.session.beat().text == "Sure, it's 9999."
    assert play.chat.entries[-1].text == "Sure, it's 9999."
    text = path.read_text().replace("  checking:", "  checking2:").replace("next: checking", "next: checking2")
    path.write_text(text, encoding="utf-8")
    press(app, pygame.K_F5)
    assert play.session.state == "opening" and not play.session.transcript
    assert any("starting again" in n.text for n in app.ctx.notices)


def test_esc_goes_back_from_every_menu_screen(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, PickerScreen)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen)
    press(app, pygame.K_ESCAPE)
    assert not app.running


def test_typing_effect_unless_reduced_motion(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=False, profile=Profile("Robin")))
    play = to_play(app)
    assert play.chat.is_typing and play.animating and play.busy
    app.frame([], 10.0)
    assert not play.chat.is_typing
    calm = make_app()
    assert not to_play(calm).chat.is_typing


def test_draw_does_not_change_state(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    play = to_play(app)
    before = (play.session.snapshot(), play.elapsed, play.options.focus, play.chat.scroll)
    for _ in range(3):
        app.draw(app.surface)
    assert before == (play.session.snapshot(), play.elapsed, play.options.focus, play.chat.scroll)
    assert key(pygame.K_a).key == pygame.K_a
