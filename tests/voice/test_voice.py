"""Voiced customer (issue #16): real renders with eSpeak NG; skipped only with no speech engine."""

from __future__ import annotations

import shutil
import time
import wave
from pathlib import Path

import pytest

from simulator.app.voice import Voice, VoiceInfo, choose_voice, prosody_for

SHORT = "Hello there."
LONG = "Hello there. I have had a letter about my husband's account, and I do not know what to do with it at all."


def _seconds(path: Path) -> float:
    with wave.open(str(path)) as audio:
        return audio.getnframes() / audio.getframerate()


@pytest.fixture(scope="module")
def voice(tmp_path_factory: pytest.TempPathFactory) -> Voice:
    if shutil.which("espeak-ng") is None:
        pytest.skip("no speech engine: eSpeak NG is not installed (apt-get install espeak-ng)")
    engine = Voice(cache=tmp_path_factory.mktemp("voice-cache"))
    assert engine.available, engine.unavailable_reason
    yield engine
    engine.close()


def _render(voice: Voice, text: str, **how) -> Path:
    path = voice.render(text, **how)
    voice.wait_idle(timeout=60)
    assert path is not None and path.is_file()
    return path


def test_duration_grows_with_the_text(voice: Voice) -> None:
    assert _seconds(_render(voice, LONG)) > 2 * _seconds(_render(voice, SHORT)) > 0


def test_an_angry_customer_speaks_faster_and_a_calm_one_slower(voice: Voice) -> None:
    angry, neutral, calm = (_seconds(_render(voice, LONG, mood=m)) for m in (5, 50, 95))
    assert angry < 0.9 * neutral and calm > 1.1 * neutral


def test_render_returns_at_once_and_reuses_the_cache(voice: Voice) -> None:
    text = f"This line is new at {time.time_ns()}."
    start = time.perf_counter()
    path = voice.render(text, mood=30)
    assert time.perf_counter() - start < 0.05  # queued, not rendered, on the caller's thread
    voice.wait_idle(timeout=60)
    stamp = path.stat().st_mtime_ns
    assert voice.render(text, mood=30) == path and path.stat().st_mtime_ns == stamp


def _pitch(path: Path, windows: int = 6) -> float:
    """Median fundamental frequency (Hz) of the loudest 40 ms windows, by autocorrelation."""
    import array
    import statistics

    with wave.open(str(path)) as audio:
        rate, raw = audio.getframerate(), audio.readframes(audio.getnframes())
    samples = array.array("h", raw)
    size = int(0.04 * rate)
    frames = [samples[k:k + size] for k in range(0, len(samples) - size, size)]
    loudest = sorted(frames, key=lambda f: sum(abs(x) for x in f), reverse=True)[:windows]
    estimates = []
    for frame in loudest:
        lags = range(rate // 400, rate // 60)
        best = max(lags, key=lambda lag: sum(frame[i] * frame[i + lag] for i in range(0, size - lag, 2)))
        estimates.append(rate / best)
    return statistics.median(estimates)


def test_an_angry_customer_speaks_higher_and_a_calm_one_lower(voice: Voice) -> None:
    angry, calm = (_pitch(_render(voice, LONG, mood=m)) for m in (5, 95))
    assert angry > 1.1 * calm, (angry, calm)


def test_prosody_follows_mood_and_settings() -> None:
    angry, calm = prosody_for(10), prosody_for(90)
    assert angry.rate > prosody_for(50).rate > calm.rate and angry.volume > calm.volume
    assert angry.pitch > prosody_for(50).pitch > calm.pitch
    assert prosody_for(50, speed=1.5).rate > prosody_for(50).rate and prosody_for(50, volume=0).volume == 0


def test_voice_choice_prefers_language_and_gender_then_falls_back() -> None:
    voices = [VoiceInfo("de", ("de",), "Male"), VoiceInfo("en-gb", ("en-gb",), "Male"),
              VoiceInfo("en-gb+f3", ("en-gb",), "Female"), VoiceInfo("en-us", ("en-us",), "Male")]
    assert choose_voice(voices, "en-GB", "female") == "en-gb+f3"
    assert choose_voice(voices, "en-us", "Female") == "en-us"
    assert choose_voice(voices, "en-au") == "en-gb"
    assert choose_voice(voices, "fr") is None


def test_no_speech_engine_is_reported_once_and_nothing_breaks(tmp_path: Path) -> None:
    def broken() -> None:
        raise OSError("libespeak not found")

    silent = Voice(cache=tmp_path, engine_factory=broken)
    assert not silent.available and "no speech engine" in silent.unavailable_reason
    assert silent.say("Hello") is None and silent.update() == []
