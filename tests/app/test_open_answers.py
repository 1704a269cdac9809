"""Open answers (issue #16): type what you would say, see "Did you mean...?", confirm or pick another;
the words are kept with the run (resume save, record) and shown in the debrief. Keyboard only."""

from __future__ import annotations

import json

import pygame

from simulator.app.runlog import MemoryRunLog
from simulator.app.screens.debrief import DebriefScreen
from simulator.app.screens.feedback import FeedbackScreen
from simulator.app.screens.play import PlayScreen
from simulator.app.settings import Profile, Settings
from simulator.app.widgets.answer_box import AnswerBox
from simulator.app.widgets.option_row import OptionRow
from simulator.engine.views import Step

from .helpers import key, press, type_text
from .test_screens import number_of, to_play

CLOSE = "sorry it is late sam, could you give me your order numbr so i can see where it is"
OFF_SCRIPT = "what is the weather like on mars these days"


def open_settings(**more: object) -> Settings:
    return Settings(reduced_motion=True, open_answers=True, profile=Profile("Robin"), **more)  # type: ignore[arg-type]


def suggested(play: PlayScreen) -> list[int]:
    return [r.number for r in play.options.rows if isinstance(r, OptionRow) and r.suggested]


def test_typed_words_are_matched_confirmed_and_kept(make_app) -> None:  # type: ignore[no-untyped-def]
    log = MemoryRunLog()
    app = make_app(open_settings(mode="assessment"), run_log=log)
    play = to_play(app)
    assert play.taking_text and isinstance(play.options.focused, AnswerBox)
    assert not any(isinstance(r, OptionRow) for r in play.options.rows)  # the options wait for the words
    press(app, pygame.K_1)  # a digit is typing here, never a choice
    type_text(app, "1")
    press(app, pygame.K_BACKSPACE)
    assert not play.session.transcript and play.options.focused.value == ""
    type_text(app, CLOSE)
    press(app, pygame.K_RETURN)
    wanted = number_of(play, "ask-details")
    assert suggested(play) == [wanted] and play.options.focused.key == f"option-{wanted}"
    wrote, verdict = play.answer.heading()
    assert CLOSE in wrote and verdict.startswith(f"Did you mean option {wanted}? (confidence ")
    press(app, pygame.K_RETURN)  # confirm
    assert [s.choice_id for s in play.session.transcript] == ["ask-details"]
    assert play.run.typed == {0: CLOSE}
    saved = json.loads(app.ctx.resume_file.read_text(encoding="utf-8"))
    assert saved["typed"] == {"0": CLOSE}
    assert play.taking_text  # the next decision asks again
    type_text(app, "it's stuck at the depot, I can't promise tomorrow but I'll send a new one express today")
    press(app, pygame.K_RETURN, pygame.K_RETURN)
    assert play.session.finished and play.session.transcript[1].choice_id == "tell-truth"
    step = log.records[0].transcript[0]
    assert step["typed"] == CLOSE and Step.from_dict(step).choice_id == "ask-details"  # old keys still work
    press(app, pygame.K_RETURN)
    debrief = app.top
    assert isinstance(debrief, DebriefScreen)
    assert [d.typed for d in debrief.view.decisions] == [CLOSE, play.run.typed[1]]


def test_off_script_words_are_not_understood_and_another_option_can_be_picked(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(open_settings(mode="assessment"))
    play = to_play(app)
    type_text(app, OFF_SCRIPT)
    press(app, pygame.K_RETURN)
    assert suggested(play) == [] and play.answer.suggestion.number is None
    assert play.answer.heading()[1].startswith("I didn't catch that")
    press(app, pygame.K_0 + number_of(play, "script"))  # picks another with a number key
    assert play.session.transcript[0].choice_id == "script" and play.run.typed == {0: OFF_SCRIPT}


def test_pick_from_the_list_instead_and_an_empty_box_is_not_submitted(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(open_settings(mode="assessment"))
    play = to_play(app)
    press(app, pygame.K_RETURN)  # nothing typed
    assert play.taking_text and play.options.focused.empty_hint
    press(app, pygame.K_DOWN, pygame.K_RETURN)  # "I'd rather pick from the list"
    assert not play.taking_text and suggested(play) == []
    press(app, pygame.K_0 + number_of(play, "ask-details"))
    assert play.session.transcript and play.run.typed == {}


def test_the_timer_keeps_running_while_typing(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(open_settings(mode="assessment"))
    play = to_play(app)
    type_text(app, "sorry, what is the order number?")
    press(app, pygame.K_RETURN, pygame.K_RETURN)
    assert play.view.time_limit and play.taking_text  # decision 2 is timed
    type_text(app, "let me look")
    app.frame([], 5.0)
    assert play.elapsed >= 5.0
    for _ in range(10):
        app.frame([], 5.0)
    assert play.session.finished and play.session.transcript[1].timed_out
    assert play.run.typed[1] == "let me look"  # the words typed before time ran out are kept


def test_coach_card_follows_a_confirmed_open_answer_and_resume_keeps_the_words(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(open_settings())
    play = to_play(app)
    type_text(app, CLOSE)
    press(app, pygame.K_RETURN, pygame.K_RETURN)
    assert isinstance(app.top, FeedbackScreen)
    saved = json.loads(app.ctx.resume_file.read_text(encoding="utf-8"))
    resumed = app.services.runs.resume(saved)
    assert resumed is not None and resumed.run.typed == {0: CLOSE}
    app.frame([key(pygame.K_RETURN)], 0.0)
    assert app.top is play and play.taking_text
