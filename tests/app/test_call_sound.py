"""A call you can hear (issue #16): the project's own sounds, ring/hold/click in a call, the voiced
customer (with a stand-in engine, so the checks are exact and fast; tests/voice renders with eSpeak
NG), per-speaker voices, self-voicing and the silent fallback without a speech engine."""

from __future__ import annotations

import shutil
import time
import wave
from pathlib import Path

import pygame
import pytest

from scoring.catalog import default_catalog
from simulator.app import sound_synth
from simulator.app.audio import CallSounds, Mixer, sounds_dir
from simulator.app.call_audio import on_hold
from simulator.app.screens.feedback import FeedbackScreen
from simulator.app.settings import Profile, Settings
from simulator.app.speech import Speech, gender_in, speaker_voices
from simulator.app.voice import Voice
from simulator.content.loader import load_scenario
from simulator.content.problems import ContentError

from .conftest import FIXTURE
from .helpers import key, press, type_text
from .test_screens import to_play


class FakeVoice:
    """Stands in for ``Voice``: 'renders' by copying a short WAV, records what it was asked."""

    available, unavailable_reason, voices = True, None, []

    def __init__(self, folder: Path):
        self.folder, self.asked = folder, []

    def render(self, text: str, **how: object) -> Path:
        self.asked.append((text, how))
        path = self.folder / f"line-{len(self.asked)}.wav"
        shutil.copy(sounds_dir() / "hangup.wav", path)
        return path

    def update(self) -> list[Path]:
        return []


def fake_speech(app, tmp_path: Path) -> FakeVoice:  # type: ignore[no-untyped-def]
    fake = FakeVoice(tmp_path)
    app.services.speech = Speech(app.ctx, app.services.mixer, voice_factory=lambda: fake)
    app.services.__dict__.pop("self_voicing", None)  # rebuilt on the stand-in speech
    app.services.speech.problem(wait=2.0)
    return fake


def test_the_sounds_are_the_projects_own_and_regenerate_identically(tmp_path: Path) -> None:
    assert "CC0" in (sounds_dir() / "LICENSE").read_text(encoding="utf-8")
    for path in sound_synth.write_all(tmp_path):
        shipped = sounds_dir() / path.name
        assert shipped.read_bytes() == path.read_bytes(), f"{shipped} differs from what sound_synth makes"
        with wave.open(str(shipped)) as audio:
            seconds = audio.getnframes() / audio.getframerate()
        assert 0.3 < seconds < 6.0


def test_reduced_sound_mutes_the_call_sounds() -> None:
    muted = [False]
    sounds = CallSounds(Mixer(), lambda: muted[0])
    assert sounds.ring() and sounds.played == ["ring"]
    muted[0] = True
    assert not sounds.hold(2.0) and not sounds.hang_up() and sounds.played == ["ring"]


@pytest.mark.parametrize(("agent", "narration", "held"), [
    ("Let me see what my team leader can do. I'll pop you on hold for a few minutes.", None, True),
    ("Bear with me while I check the depot.", None, True),
    ("I'm sorry it's late. Can you give me the order number?", None, False),
    ("Thanks for holding.", "She has been on hold for six minutes.", False),
    ("Thanks.", "The customer is on hold while you ask your team leader.", True),
])
def test_hold_music_rule(agent: str, narration: str | None, held: bool) -> None:
    assert on_hold(agent, narration) is held


def test_each_speaker_gets_a_voice_and_the_scenario_can_choose(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    scenario = load_scenario(FIXTURE, default_catalog().ids()).scenario
    assert speaker_voices(scenario)[scenario.customer.name].language == "en-gb"
    assert gender_in("Daniel Doyle (her son)") == "male" and gender_in("Ruth's daughter") == "female"
    chosen = tmp_path / "voiced.yaml"
    chosen.write_text(text + "voices:\n  Sam Ortiz: {gender: female, language: en-us}\n", encoding="utf-8")
    voiced = speaker_voices(load_scenario(chosen, default_catalog().ids()).scenario)
    assert voiced["Sam Ortiz"].gender == "female" and voiced["Sam Ortiz"].language == "en-us"
    chosen.write_text(text + "voices:\n  Sam Ortis: {gender: female}\n", encoding="utf-8")
    with pytest.raises(ContentError, match="nobody called 'Sam Ortis' speaks.*did you mean 'Sam Ortiz'"):
        load_scenario(chosen, default_catalog().ids())


def test_a_phone_call_rings_speaks_each_line_and_clicks_off_at_the_end(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, voice=True, mode="assessment", profile=Profile("Robin")))
    fake = fake_speech(app, tmp_path)
    play = to_play(app)
    assert app.services.sounds.played == ["ring"]
    first_line = play.session.beat().text
    app.frame([], 0.0)
    assert fake.asked and fake.asked[0][0] == first_line and play.animating  # frames keep coming while it speaks
    assert fake.asked[0][1]["mood"] == play.session.beat().mood
    press(app, pygame.K_1)
    app.frame([], 0.0)
    assert len(fake.asked) == 2 and fake.asked[1][0] == play.session.beat().text
    press(app, pygame.K_1)
    assert play.session.finished
    app.services.speech.silence()  # as if every line had been heard
    app.frame([], 0.1)
    assert app.services.sounds.played[-1] == "hangup"


def test_voice_off_or_reduced_sound_keeps_the_call_silent(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, reduced_sound=True, profile=Profile("Robin")))
    fake = fake_speech(app, tmp_path)
    to_play(app)
    app.frame([], 0.0)
    assert app.services.sounds.played == [] and fake.asked == []


def test_speaking_never_waits_for_a_slow_engine(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, voice=True, profile=Profile("Robin")))
    fake = FakeVoice(tmp_path)

    def slow() -> FakeVoice:
        time.sleep(1.0)
        return fake

    app.services.speech = Speech(app.ctx, app.services.mixer, voice_factory=slow)
    started = time.perf_counter()
    to_play(app)
    for _ in range(5):
        app.frame([], 1 / 60)
    assert time.perf_counter() - started < 0.8 and fake.asked == []  # the engine is still starting
    app.services.speech.problem(wait=3.0)
    app.frame([], 1 / 60)
    assert len(fake.asked) == 1  # the waiting line is rendered once the engine is there


def test_without_a_speech_engine_the_settings_page_says_so_once(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()

    def no_engine() -> object:
        raise ImportError("No module named 'pyttsx3'")

    app.services.speech = Speech(app.ctx, app.services.mixer,
                                 voice_factory=lambda: Voice(engine_factory=no_engine))
    app.push("settings")
    assert app.top.menu.focus_key("sound")
    press(app, pygame.K_RETURN)
    page = app.top
    assert page.name == "sound-settings"
    notes = [r.text for r in page.menu.rows if type(r).__name__ == "TextRow"]
    assert len(notes) == 1 and "plays silently" in notes[0] and "pyttsx3" in notes[0]
    assert not app.services.speech.customer_line(app.ctx.library.entries[0].loaded.scenario, "Sam", "Hello", 50)


def test_self_voicing_reads_titles_focus_and_the_coach_card(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, self_voicing=True, open_answers=True, profile=Profile("Robin")))
    fake = fake_speech(app, tmp_path)
    reader = app.services.self_voicing
    app.frame([], 0.0)
    assert reader.read_texts == [reader.whole(app.top)]  # the title screen: its title and focused entry
    press(app, pygame.K_DOWN)
    focused = app.top.menu.focused
    assert reader.read_texts[-1] == f"{focused.label}. {focused.detail}".strip(" .")  # only the new focus
    count = len(reader.read_texts)
    app.frame([key(pygame.K_v)], 0.0)
    assert len(reader.read_texts) == count + 1  # V reads the screen again
    play = to_play(app)
    app.frame([], 0.0)
    assert play.session.owner.scenario.title in " ".join(reader.read_texts)
    count = len(reader.read_texts)
    app.frame([key(pygame.K_v), pygame.event.Event(pygame.TEXTINPUT, text="v")], 0.0)
    assert len(reader.read_texts) == count and play.options.rows[0].value == "v"  # typing, and not read out
    app.frame([key(pygame.K_v, pygame.KMOD_ALT)], 0.0)
    assert len(reader.read_texts) == count + 1
    press(app, pygame.K_BACKSPACE)
    type_text(app, "sorry it's late, could you give me the order number?")
    press(app, pygame.K_RETURN)
    assert "Option" in reader.read_texts[-1]  # the suggested option, now focused
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, FeedbackScreen)
    app.frame([], 0.0)
    assert reader.read_texts[-1].startswith("Coach.") and "Why:" in reader.read_texts[-1]
    assert any(text.startswith("Coach.") for text, _ in fake.asked)
