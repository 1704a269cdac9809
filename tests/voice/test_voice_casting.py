"""Two speakers of one gender and language in a call sound different (``cast_voices``,
``cast_speakers``): a distinct engine voice while the engine has one, else the same voice at another
pitch; the rule is pure (no audio device), and with eSpeak NG the rendered audio differs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulator.app.speech import SpeakerVoice, cast_speakers, person, speaker_voices
from simulator.app.voice import (
    SHARED_PITCH_STEPS,
    Casting,
    EspeakCli,
    Voice,
    VoiceInfo,
    cast_voices,
    choose_voice,
    prosody_for,
)
from simulator.content.files import discover
from simulator.content.loader import load_scenario
from simulator.paths import SCENARIOS_DIR
from tests.voice.test_voice import _pitch

ENGLISH = [VoiceInfo("en", ("en-gb",), "Male"), VoiceInfo("en+f3", ("en-gb",), "Female"),
           VoiceInfo("en+f4", ("en-gb",), "Female"), VoiceInfo("en-us", ("en-us",), "Male"),
           VoiceInfo("en-us+f3", ("en-us",), "Female")]
LINE = "I have been waiting for this refund for three weeks and I would like it sorted today, please."


def _sound(casting: Casting) -> tuple[str | None, int]:
    return casting.voice_id, casting.pitch_shift


def test_two_women_get_two_voices_and_the_first_keeps_the_best_one() -> None:
    cast = cast_voices(ENGLISH, [("customer", "en-gb", "female"), ("supervisor", "en-gb", "female"),
                                 ("colleague", "en-gb", "male")])
    assert cast["customer"] == Casting(choose_voice(ENGLISH, "en-gb", "female"))  # as before this rule
    assert cast["supervisor"] == Casting("en+f4")
    assert cast["colleague"] == Casting("en")


def test_with_one_voice_of_a_kind_the_pitch_differs_instead() -> None:
    speakers = [(name, "en-us", "female") for name in ("a", "b", "c", "d")]
    cast = cast_voices(ENGLISH, speakers)
    assert {c.voice_id for c in cast.values()} == {"en-us+f3"}
    assert len({_sound(c) for c in cast.values()}) == 4
    assert [c.pitch_shift for c in cast.values()] == [0, *SHARED_PITCH_STEPS[:3]]
    assert cast["b"].rate_scale != 1.0  # engines without a pitch control still hear a difference


def test_casting_is_deterministic_and_a_repeated_speaker_keeps_its_voice() -> None:
    speakers = [("x", "en-gb", "female"), ("y", "en-gb", "female"), ("x", "en-gb", "female")]
    assert cast_voices(ENGLISH, speakers) == cast_voices(list(ENGLISH), speakers)
    assert cast_voices(ENGLISH, speakers)["x"] == Casting("en+f3")


def test_no_voice_for_the_language_still_separates_speakers_by_pitch() -> None:
    cast = cast_voices(ENGLISH, [("a", "fr", "female"), ("b", "fr", "female")])
    assert cast["a"] == Casting(None) and cast["b"].voice_id is None and cast["b"].pitch_shift != 0


def test_shared_pitch_stays_in_the_engine_range() -> None:
    assert prosody_for(0, pitch_shift=99).pitch == 99 and prosody_for(100, pitch_shift=-99).pitch == 0
    assert prosody_for(50, pitch_shift=20).pitch == prosody_for(50).pitch + 20


def test_labels_of_one_person_share_a_voice() -> None:
    assert person("Karen Doyle (your supervisor, by message)") == person("Karen Doyle (your supervisor)")
    assert person("Ruth's daughter") != person("Ruth Castellano")
    voices = {"Helen": SpeakerVoice("en-gb", "female"), "Karen (supervisor)": SpeakerVoice("en-gb", "female"),
              "Karen (by message)": SpeakerVoice("en-gb", "female")}
    cast = cast_speakers(voices, ENGLISH)
    assert cast["Karen (supervisor)"].casting == cast["Karen (by message)"].casting != cast["Helen"].casting


def _voice_lists() -> list[list[VoiceInfo]]:
    lists = [ENGLISH]
    if shutil.which("espeak-ng"):
        lists.append(EspeakCli().getProperty("voices"))
    return lists


@pytest.mark.parametrize("path", discover([SCENARIOS_DIR]) if SCENARIOS_DIR.is_dir() else [], ids=lambda p: p.name)
def test_every_person_in_a_shipped_call_sounds_different(path: Path, principle_ids: tuple[str, ...]) -> None:
    scenario = load_scenario(path, principle_ids).scenario
    for available in _voice_lists():
        cast = cast_speakers(speaker_voices(scenario), available)
        sounds = {person(name): _sound(voice.casting) for name, voice in cast.items()}
        assert len(set(sounds.values())) == len(sounds), (available is ENGLISH, sounds)
        if available is not ENGLISH:  # eSpeak NG has enough English voices: no pitch fallback needed
            assert all(shift == 0 for _, shift in sounds.values()), sounds


@pytest.fixture(scope="module")
def voice(tmp_path_factory: pytest.TempPathFactory) -> Voice:
    if shutil.which("espeak-ng") is None:
        pytest.skip("no speech engine: eSpeak NG is not installed (apt-get install espeak-ng)")
    engine = Voice(cache=tmp_path_factory.mktemp("voice-cache"))
    assert engine.available, engine.unavailable_reason
    yield engine
    engine.close()


def _rendered(voice: Voice, casting: Casting) -> Path:
    path = voice.render(LINE, mood=50, language="en-gb", gender="female", casting=casting)
    voice.wait_idle(timeout=60)
    assert path is not None and path.is_file()
    return path


def test_espeak_renders_two_women_in_one_call_differently(voice: Voice) -> None:
    cast = cast_voices(voice.voices, [("customer", "en-gb", "female"), ("team leader", "en-gb", "female")])
    assert cast["customer"].voice_id != cast["team leader"].voice_id
    first, second = (_rendered(voice, cast[who]) for who in ("customer", "team leader"))
    assert first.read_bytes() != second.read_bytes()
    low, high = sorted((_pitch(first), _pitch(second)))
    assert high > 1.08 * low, (low, high)  # measured: eSpeak NG's +f3 241 Hz, +f4 201 Hz


def test_espeak_renders_a_shared_voice_at_another_pitch(voice: Voice) -> None:
    only = [v for v in voice.voices if v.id == choose_voice(voice.voices, "en-gb", "female")]
    cast = cast_voices(only, [("customer", "en-gb", "female"), ("team leader", "en-gb", "female")])
    assert cast["customer"].voice_id == cast["team leader"].voice_id
    first, second = (_rendered(voice, cast[who]) for who in ("customer", "team leader"))
    assert _pitch(second) > 1.08 * _pitch(first), (_pitch(first), _pitch(second))  # measured: 231 -> 261 Hz
