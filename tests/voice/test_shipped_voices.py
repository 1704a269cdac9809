"""Every shipped scenario says how each of its speakers sounds, and eSpeak NG can honour it.

The game's fallback rule guesses a speaker's gender from pronouns (it voiced Margaret Doyle and
Jess as men) and the language from "$" against "£" (American English for an Australian caller), so
every shipped scenario declares ``voices`` for every speaker (docs/scenario-format.md, "Voices").
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulator.app.speech import speaker_voices
from simulator.app.voice import EspeakCli, VoiceInfo, choose_voice
from simulator.content.details import details_for, fill_scenario
from simulator.content.files import discover
from simulator.content.loader import load_scenario
from simulator.content.models import Scenario
from simulator.paths import SCENARIOS_DIR

SHIPPED = discover([SCENARIOS_DIR]) if SCENARIOS_DIR.is_dir() else []
LANGUAGES = {"en-gb", "en-us", "en-au"}  # the locales the shipped scenarios are written in


def _speakers(scenario: Scenario) -> set[str]:
    return {scenario.customer.name} | {node.speaker for node in scenario.nodes.values() if node.speaker}


def _every_alternative(scenario: Scenario) -> list[Scenario]:
    """The scenario filled with each alternative of each details group in turn (the other groups at
    their first), so every name a run can pick is seen; ``[scenario]`` without details."""
    groups = list(scenario.details.values())
    filled = []
    for group, choices in enumerate(groups):
        for pick in range(len(choices)):
            indexes = tuple(pick if other == group else 0 for other in range(len(groups)))
            filled.append(fill_scenario(scenario, details_for(scenario, indexes)))
    return filled or [scenario]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_speaker_has_a_declared_gender_and_locale(path: Path, principle_ids: tuple[str, ...]) -> None:
    scenario = load_scenario(path, principle_ids).scenario
    assert set(scenario.voices) == _speakers(scenario)
    assert {hint.gender for hint in scenario.voices.values()} <= {"female", "male"}
    assert len({hint.language for hint in scenario.voices.values()}) == 1  # one locale per scenario
    assert {hint.language for hint in scenario.voices.values()} <= LANGUAGES
    for variant in _every_alternative(scenario):
        voices = speaker_voices(variant)
        assert set(voices) == _speakers(variant) and all(v.gender for v in voices.values())


@pytest.fixture(scope="module")
def espeak_voices() -> list[VoiceInfo]:
    if shutil.which("espeak-ng") is None:
        pytest.skip("eSpeak NG is not installed (apt-get install espeak-ng)")
    return EspeakCli().getProperty("voices")


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_espeak_gives_each_locale_an_english_voice_of_each_gender(espeak_voices, language: str) -> None:
    by_id = {voice.id: voice for voice in espeak_voices}
    for gender in ("female", "male"):
        chosen = by_id[choose_voice(espeak_voices, language, gender)]
        assert chosen.gender.lower() == gender
        expected = "en-gb" if language == "en-au" else language  # no Australian voice: British English
        assert chosen.languages[0] == expected
