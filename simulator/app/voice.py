"""A voiced customer (issue #16): lines rendered to WAV off the main thread, cached, played by pygame.

Contract:
- ``Voice()`` never raises for a missing speech engine: without ``pyttsx3`` (the optional
  ``voice`` extra) or without a platform engine (SAPI5, NSSpeechSynthesizer, eSpeak NG) it is
  ``available`` False, ``unavailable_reason`` says why once, and ``say`` does nothing.
- ``say(text, mood=, language=, gender=)`` queues a render and returns at once; the engine runs on
  one worker thread (pyttsx3 engines are not thread-safe, so it is created and used only there).
  ``update()``, called once per frame on the main thread, plays what has finished rendering
  through ``play`` and never waits.
- Engines: on a machine with the ``espeak-ng`` program (Linux) lines are rendered by running it
  (``EspeakCli``): pyttsx3 2.99's eSpeak driver applied a changed rate or voice to the *next*
  render, not the current one (measured), which breaks mood prosody. Elsewhere pyttsx3 drives
  SAPI5 (Windows) or NSSpeechSynthesizer (macOS) through its public API.
- Renders are cached in ``paths.cache_dir()/voice`` keyed by (text, voice, rate, volume).
- Mood sets the prosody (``prosody_for``): an angry customer (low mood) speaks faster and louder,
  a calm one slower and softer; the player's speed and volume settings scale both.
- Several speakers in one call (``cast_voices``, pure): each gets the first voice of its language
  and gender (``matching_voices``, best first) that no earlier speaker of the call has; when every
  such voice is taken (one female English voice, say), the least used one with its pitch moved
  (+20, -20, +32, -32 on eSpeak NG's 0..99 scale, about 0.65 % of F0 per step) and its rate
  scaled a little (engines without a pitch control still differ), so no two speakers sound alike.
  Speakers are cast in the call's order (the customer first), so a call always sounds the same.
"""

from __future__ import annotations

import hashlib
import queue
import shutil
import subprocess
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BASE_RATE = 170  # words per minute at a neutral mood
BASE_VOLUME = 0.6  # eSpeak NG peaks at full scale near 0.9; angry (x1.25) stays below it
MOOD_SWING = 0.25  # +-25 % rate at mood 0 / 100
BASE_PITCH = 50  # eSpeak NG's pitch scale, 0..99
PITCH_SWING = 14  # angry speaks higher (64 at mood 0), calm lower (36 at mood 100)
SHARED_PITCH_STEPS = (20, -20, 32, -32)  # 2nd, 3rd, ... speaker on one voice; +20 is ~13 % in F0
SHARED_RATE_STEPS = (1.06, 0.94, 1.1, 0.9)  # the same speakers' rate, for engines without pitch
ESPEAK_FEMALE_VARIANTS = ("f3", "f4", "f2")  # eSpeak NG variants offered per voice, best first:
ESPEAK_MALE_VARIANTS = ("m7", "m1")  # measured median F0 f3 241 Hz, f4 201, f2 225; m7 125, m1 105
_STOP = object()


@dataclass(frozen=True)
class Prosody:
    rate: int  # words per minute
    volume: float  # 0..1
    pitch: int = BASE_PITCH  # 0..99 (eSpeak NG's scale; engines without a pitch control ignore it)


def prosody_for(mood: int, speed: float = 1.0, volume: float = 1.0, pitch_shift: int = 0) -> Prosody:
    """Rate, volume and pitch for a customer at ``mood`` (0 furious .. 100 content): below 50
    faster, louder and higher, above 50 slower, softer and lower; ``speed`` and ``volume`` are the
    player's settings; ``pitch_shift`` moves the pitch (a speaker sharing a voice), kept in 0..99."""
    tension = max(-1.0, min(1.0, (50 - mood) / 50))  # +1 angry, -1 calm
    rate = round(BASE_RATE * (1 + MOOD_SWING * tension) * max(0.5, min(2.0, speed)))
    loud = BASE_VOLUME * (1 + MOOD_SWING * tension) * max(0.0, min(1.0, volume))
    pitch = max(0, min(99, round(BASE_PITCH + PITCH_SWING * tension) + pitch_shift))
    return Prosody(rate, round(max(0.0, min(1.0, loud)), 3), pitch)


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    languages: tuple[str, ...]
    gender: str | None


def _speaks(voice: VoiceInfo, code: str) -> bool:
    codes = [c.lower().replace("_", "-") for c in voice.languages] + [voice.id.lower().rsplit("/", 1)[-1]]
    return any(c == code or c.startswith(code + "-") for c in codes)


def matching_voices(voices: Sequence[VoiceInfo], language: str = "en", gender: str | None = None) -> list[str]:
    """Every fitting voice id, best first, in the engine's order: at the first level with any voice
    (the language, else its base language, 'en' for 'en-gb') those of the gender, else all of that
    level; empty when none speaks the language."""
    lang = language.lower().replace("_", "-")
    for code in dict.fromkeys((lang, lang.split("-")[0])):
        matches = [v for v in voices if _speaks(v, code)]
        same = [v.id for v in matches if gender and (v.gender or "").lower() == gender.lower()]
        if same or matches:
            return same or [v.id for v in matches]
    return []


def choose_voice(voices: Sequence[VoiceInfo], language: str = "en", gender: str | None = None) -> str | None:
    """The best voice for a speaker: same language and gender, else same language, else same base
    language ('en' for 'en-gb'), else None (the engine's default voice)."""
    found = matching_voices(voices, language, gender)
    return found[0] if found else None


@dataclass(frozen=True)
class Casting:
    """The voice one speaker of a call gets: an engine voice id (None: the engine's default) and,
    when it shares that voice with earlier speakers, a pitch shift and a rate factor."""

    voice_id: str | None
    pitch_shift: int = 0
    rate_scale: float = 1.0


def cast_voices(voices: Sequence[VoiceInfo], speakers: Sequence[tuple[str, str, str | None]]) -> dict[str, Casting]:
    """A casting for each speaker ``(who, language, gender)`` of one call, given in the call's order
    (the customer first); a repeated ``who`` keeps its first casting. Each speaker gets the first
    matching voice no earlier speaker has; when all are taken, the least used one (the first on a
    tie) with the next ``SHARED_PITCH_STEPS`` / ``SHARED_RATE_STEPS`` step. Pure and deterministic."""
    casting: dict[str, Casting] = {}
    users: Counter[str | None] = Counter()
    for who, language, gender in speakers:
        if who in casting:
            continue
        options: list[str | None] = [*matching_voices(voices, language, gender)] or [None]
        chosen = min(options, key=lambda voice_id: users[voice_id])  # min keeps the first of equals
        shared = users[chosen]
        users[chosen] += 1
        if shared == 0:
            casting[who] = Casting(chosen)
        else:
            step = (shared - 1) % len(SHARED_PITCH_STEPS)
            casting[who] = Casting(chosen, SHARED_PITCH_STEPS[step], SHARED_RATE_STEPS[step])
    return casting


class EspeakCli:
    """The subset of the pyttsx3 engine API that ``Voice`` uses, done by running ``espeak-ng``.
    Voices: eSpeak NG's own (MBROLA voices left out: they need another package), each followed by
    its variants (``+f3`` female first, then ``+m7``, ``+f4``, ``+m1``, ``+f2``; a male voice's
    first male is itself, its first female ``+f3``), in eSpeak NG's order of preference (its
    priority column, then its listing order), so a language it has no voice for ('en-au') falls
    back to the main voice of the base language (British English), not the alphabetically first
    ('en-029'), and a second speaker of one language and gender gets a variant of the same accent."""

    def __init__(self, program: str = "espeak-ng") -> None:
        found = shutil.which(program)
        if found is None:
            raise FileNotFoundError(f"{program} is not installed")
        self.program = found
        self._props: dict[str, Any] = {"voice": None, "rate": BASE_RATE, "volume": BASE_VOLUME, "pitch": BASE_PITCH}
        self._job: tuple[str, str] | None = None

    def _voices(self) -> list[VoiceInfo]:
        listing = subprocess.run([self.program, "--voices"], capture_output=True, text=True, timeout=10,
                                 check=True).stdout.splitlines()[1:]
        voices = []
        rows = [row.split() for row in listing]
        for cols in sorted(rows, key=lambda cols: int(cols[0]) if cols and cols[0].isdigit() else 99):
            if len(cols) < 5 or cols[4].startswith("mb/"):
                continue
            language, gender = cols[1], "Female" if cols[2].endswith("F") else "Male"
            voices.append(VoiceInfo(cols[4], (language,), gender))
            voices += [VoiceInfo(f"{cols[4]}+{variant}", (language,), "Female" if variant[0] == "f" else "Male")
                       for variant in _variants(gender)]
        return voices

    def getProperty(self, name: str) -> Any:  # noqa: N802 - pyttsx3's name
        return self._voices() if name == "voices" else self._props[name]

    def setProperty(self, name: str, value: Any) -> None:  # noqa: N802 - pyttsx3's name
        self._props[name] = value

    def save_to_file(self, text: str, path: str) -> None:
        self._job = (text, path)

    def runAndWait(self) -> None:  # noqa: N802 - pyttsx3's name
        if self._job is None:
            return
        (text, path), self._job = self._job, None
        command = [self.program, "-s", str(int(self._props["rate"])),
                   "-a", str(round(200 * float(self._props["volume"]))), "-p", str(int(self._props["pitch"])),
                   "-w", path]
        if self._props["voice"]:
            command += ["-v", str(self._props["voice"])]
        subprocess.run([*command, "--", text], capture_output=True, timeout=60, check=True)


def _variants(gender: str) -> list[str]:
    """eSpeak NG variants offered after a voice of ``gender``, interleaved female/male, best first;
    a female voice is its own first female, so it skips ``+f3``."""
    female = [v for v in ESPEAK_FEMALE_VARIANTS if gender == "Male" or v != ESPEAK_FEMALE_VARIANTS[0]]
    male = list(ESPEAK_MALE_VARIANTS)
    ordered = []
    for index in range(max(len(female), len(male))):
        ordered += female[index:index + 1] + male[index:index + 1]
    return ordered


def cache_key(text: str, voice_id: str | None, prosody: Prosody) -> str:
    raw = "\x1f".join((text, voice_id or "", str(prosody.rate), f"{prosody.volume:.3f}", str(prosody.pitch)))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def play(path: Path) -> bool:
    """Start playing a WAV through pygame's mixer and return at once; False if it cannot play."""
    import pygame

    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init()
        pygame.mixer.Sound(str(path)).play()
    except (pygame.error, OSError, FileNotFoundError):
        return False
    return True


class Voice:
    """The speech worker: one thread, one engine, a queue of lines in, rendered paths out."""

    def __init__(self, cache: Path | None = None, engine_factory: Any = None) -> None:
        from simulator.paths import cache_dir

        self.cache = cache or cache_dir() / "voice"
        self._factory = engine_factory
        self._jobs: queue.Queue = queue.Queue()
        self._done: queue.Queue = queue.Queue()
        self._ready = threading.Event()
        self.unavailable_reason: str | None = None
        self._voices: list[VoiceInfo] = []
        self._pending = 0  # lines queued and not yet rendered (wait_idle reads it)
        self._thread = threading.Thread(target=self._work, name="frontline-voice", daemon=True)
        self._thread.start()
        self._ready.wait(timeout=10)

    @property
    def available(self) -> bool:
        return self.unavailable_reason is None and self._thread.is_alive()

    @property
    def voices(self) -> list[VoiceInfo]:
        return list(self._voices)

    def _open_engine(self) -> Any:
        if self._factory is not None:
            return self._factory()
        if shutil.which("espeak-ng"):
            return EspeakCli()
        import pyttsx3

        return pyttsx3.init()

    def _work(self) -> None:
        try:
            engine = self._open_engine()
            self._voices = [v if isinstance(v, VoiceInfo) else
                            VoiceInfo(v.id, tuple(str(x) for x in (v.languages or ())), v.gender)
                            for v in engine.getProperty("voices") or ()]
        except ImportError:
            self.unavailable_reason = "voice: pyttsx3 is not installed (pip install 'frontline[voice]')"
        except Exception as error:  # noqa: BLE001 - any engine failure means "no speech", never a crash
            self.unavailable_reason = f"voice: no speech engine ({type(error).__name__}: {error})"
        self._ready.set()
        if self.unavailable_reason:
            return
        while (job := self._jobs.get()) is not _STOP:
            text, voice_id, prosody, path, autoplay = job
            try:
                self._render(engine, text, voice_id, prosody, path)
                self._done.put((path, autoplay))
            except Exception:  # noqa: BLE001 - a line that cannot be rendered is shown, not spoken
                self._done.put((None, False))
            finally:
                self._pending -= 1

    def _render(self, engine: Any, text: str, voice_id: str | None, prosody: Prosody, path: Path) -> None:
        if voice_id:
            engine.setProperty("voice", voice_id)
        engine.setProperty("rate", prosody.rate)
        engine.setProperty("volume", prosody.volume)
        if isinstance(engine, EspeakCli):  # pyttsx3's SAPI5/NSSpeech voices have no pitch property
            engine.setProperty("pitch", prosody.pitch)
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(".part.wav")
        engine.save_to_file(text, str(temp))
        engine.runAndWait()
        temp.replace(path)

    def render(self, text: str, mood: int = 50, language: str = "en", gender: str | None = None,
               speed: float = 1.0, volume: float = 1.0, autoplay: bool = False,
               casting: Casting | None = None) -> Path | None:
        """Queue ``text`` for rendering and return its (future) WAV path; a cached line is queued
        for playing at once. None when speech is unavailable or the text is empty. ``casting``
        (from ``cast_voices``) fixes the voice and its shifts; without it the voice is
        ``choose_voice(language, gender)``."""
        if not self.available or not text.strip():
            return None
        if casting is None:
            casting = Casting(choose_voice(self._voices, language, gender))
        prosody = prosody_for(mood, speed * casting.rate_scale, volume, casting.pitch_shift)
        voice_id = casting.voice_id
        path = self.cache / f"{cache_key(text, voice_id, prosody)}.wav"
        if path.is_file():
            self._done.put((path, autoplay))
        else:
            self._pending += 1
            self._jobs.put((text, voice_id, prosody, path, autoplay))
        return path

    def say(self, text: str, **how: Any) -> Path | None:
        """Render (or reuse) and play when ready; see ``render`` for the arguments."""
        return self.render(text, autoplay=True, **how)

    def update(self) -> list[Path]:
        """Per frame: play what finished rendering; returns the paths that finished since last time."""
        finished = []
        while True:
            try:
                path, autoplay = self._done.get_nowait()
            except queue.Empty:
                return finished
            if path is not None:
                finished.append(path)
                if autoplay:
                    play(path)

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Block until every queued line is rendered (tests and tools, never the game loop)."""
        import time

        deadline = time.monotonic() + timeout
        while self._pending and time.monotonic() < deadline:
            time.sleep(0.01)

    def close(self) -> None:
        self._jobs.put(_STOP)
