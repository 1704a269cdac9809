"""Speech in the game: the voiced customer and self-voicing, on top of ``simulator.app.voice``.

Contract: ``Speech(ctx, mixer)`` is a service (``app.services.speech``). Nothing starts until a
screen asks: ``start()`` opens the speech engine on a helper thread (the frame never waits for
it); ``problem(wait)`` says why there is no voice (None when there is one), waiting at most
``wait`` seconds for the engine check (only at a screen change, never per frame).
``customer_line(scenario, speaker, text, mood, delay)`` queues a customer line when the voice
setting is on (lines play one after another, none before ``delay`` seconds from now);
``read_aloud(text)`` speaks for self-voicing, cutting any earlier reading (it waits while the
customer speaks). ``update()`` runs once
per frame: it plays what has finished rendering and never blocks. ``speaking`` is True while a
line waits or plays (the play screen then asks for frames). ``silence()`` drops everything.

Which voice speaks (``speaker_voices``, pure): the scenario's ``voices`` where it names the speaker
(docs/scenario-format.md, "Voices"); otherwise the language is the scenario's (British English,
or American English when its texts use more "$" than "£"); the customer's gender is read from the
pronouns and family words in ``customer.situation``; every other speaker (a colleague, a relative)
gets another regional voice of the same language, with the gender its label suggests
("Daniel Doyle (her son)" is male). Without a clear gender the engine's default voice is used.
Which engine voice (``cast_speakers``, pure): ``simulator.app.voice.cast_voices`` over the speakers
in that order, so two speakers of one gender and language get different voices (or, with only one
such voice, different pitches); labels of one person ("Karen Doyle (your supervisor)" and "Karen
Doyle (your supervisor, by message)") keep one voice.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.app.audio import CUSTOMER, READER, Mixer

if TYPE_CHECKING:
    from simulator.app.context import AppContext
    from simulator.app.voice import Casting, Voice, VoiceInfo
    from simulator.content.models import Scenario

log = logging.getLogger(__name__)
GIVE_UP_SECONDS = 20.0  # a line not rendered by then is dropped (it stays on screen as text)
FEMALE = {"she": 1, "her": 1, "hers": 1, "herself": 1, "mrs": 3, "ms": 3, "miss": 3, "mother": 3, "mum": 3,
          "daughter": 3, "wife": 3, "sister": 3, "woman": 3, "grandmother": 3, "gran": 3, "granddaughter": 3}
MALE = {"he": 1, "him": 1, "his": 1, "himself": 1, "mr": 3, "father": 3, "dad": 3, "son": 3, "husband": 3,
        "brother": 3, "man": 3, "grandfather": 3, "grandad": 3, "grandson": 3}


@dataclass(frozen=True)
class SpeakerVoice:
    language: str
    gender: str | None
    casting: Casting | None = None  # the engine voice, once cast (``cast_speakers``)


def gender_in(text: str) -> str | None:
    """"female" or "male" when the words in ``text`` lean clearly one way, else None."""
    words = re.findall(r"[a-z]+", text.lower())
    female = sum(FEMALE.get(w, 0) for w in words)
    male = sum(MALE.get(w, 0) for w in words)
    if female == male:
        return None
    return "female" if female > male else "male"


def scenario_texts(scenario: Scenario) -> list[str]:
    texts = [scenario.summary, scenario.customer.situation]
    for node in scenario.nodes.values():
        texts += [variant.text for variant in node.line]
        texts += [choice.text for choice in node.choices]
    return texts


def scenario_language(scenario: Scenario) -> str:
    joined = " ".join(scenario_texts(scenario))
    return "en-us" if joined.count("$") > joined.count("£") else "en-gb"


def speaker_voices(scenario: Scenario, variants: Sequence[str] = ()) -> dict[str, SpeakerVoice]:
    """Every speaker's voice: the customer first, then other speakers in node order; ``variants``
    are other language codes the engine offers (given round-robin to the other speakers)."""
    language = scenario_language(scenario)
    voices = {scenario.customer.name: SpeakerVoice(language, gender_in(scenario.customer.situation))}
    others = [v for v in variants if v != language]
    for node in scenario.nodes.values():
        if node.speaker and node.speaker not in voices:
            index = len(voices) - 1
            variant = others[index % len(others)] if others else language
            voices[node.speaker] = SpeakerVoice(variant, gender_in(node.speaker))
    for name, hint in scenario.voices.items():  # the author's choice wins
        derived = voices.get(name, SpeakerVoice(language, None))
        voices[name] = SpeakerVoice(hint.language or derived.language, hint.gender or derived.gender)
    return voices


def person(label: str) -> str:
    """Who a speaker label names: the label without a trailing "(...)" note, case-folded."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", label).strip().casefold() or label.casefold()


def cast_speakers(voices: dict[str, SpeakerVoice], available: Sequence[VoiceInfo]) -> dict[str, SpeakerVoice]:
    """``voices`` (from ``speaker_voices``, in its order) with an engine voice cast for each: a
    distinct one per person (see ``simulator.app.voice.cast_voices``). Labels of one person with the
    same hints share a casting."""
    from simulator.app.voice import cast_voices

    who = {name: f"{person(name)}\x1f{v.language}\x1f{v.gender}" for name, v in voices.items()}
    casting = cast_voices(available, [(who[name], v.language, v.gender) for name, v in voices.items()])
    return {name: SpeakerVoice(v.language, v.gender, casting[who[name]]) for name, v in voices.items()}


def language_variants(languages: Sequence[str], language: str) -> list[str]:
    """The engine's other codes for ``language``'s base language, its own region first."""
    base = language.split("-")[0]
    codes = sorted({c.lower() for c in languages if c.lower().split("-")[0] == base} - {language})
    return sorted(codes, key=lambda c: (not c.startswith(language), c))


@dataclass
class _Request:
    text: str
    channel: int
    not_before: float
    how: dict[str, Any]
    speaker: tuple[Scenario, str] | None = None  # whose line: the voice is cast when it renders


@dataclass
class _Line:
    path: Path
    channel: int
    not_before: float
    given_up_at: float


class Speech:
    """See the module doc."""

    def __init__(self, ctx: AppContext, mixer: Mixer, voice_factory: Callable[[], Voice] | None = None):
        self.ctx, self.mixer = ctx, mixer
        self._factory = voice_factory
        self._voice: Voice | None = None
        self._starting: threading.Thread | None = None
        self._ready = threading.Event()
        self._requests: list[_Request] = []  # asked for, not yet given to the engine
        self._lines: list[_Line] = []  # rendering or rendered, not yet played
        self._voices: dict[str, dict[str, SpeakerVoice]] = {}
        self.spoken: list[str] = []  # every text queued (tests read it)

    # --- the engine ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._starting is None:
            self._starting = threading.Thread(target=self._open, name="frontline-voice-start", daemon=True)
            self._starting.start()

    def _open(self) -> None:
        try:
            if self._factory is not None:
                self._voice = self._factory()
            else:
                from simulator.app.voice import Voice

                self._voice = Voice()
        finally:
            self._ready.set()

    def problem(self, wait: float = 0.0) -> str | None:
        """Why nothing can be spoken (None when the engine works); "checking" while it starts."""
        self.start()
        if not self._ready.wait(wait):
            return "checking for a speech engine"
        if self._voice is None:
            return "voice: the speech engine could not be started"
        return self._voice.unavailable_reason or self.mixer.problem

    @property
    def voice(self) -> Voice | None:
        """The engine once it is ready and available, else None (never waits)."""
        if not self._ready.is_set() or self._voice is None or not self._voice.available:
            return None
        return self._voice

    @property
    def speaking(self) -> bool:
        return bool(self._requests or self._lines) or self.mixer.busy(CUSTOMER) or self.mixer.busy(READER)

    # --- speaking ----------------------------------------------------------------------------------
    def voice_for(self, scenario: Scenario, speaker: str) -> SpeakerVoice:
        cache_key = f"{scenario.id}\x1f{scenario.customer.name}"  # a run's details may rename the customer
        voices = self._voices.get(cache_key)
        if voices is None:
            engine = self.voice
            languages = [lang for v in (engine.voices if engine else []) for lang in v.languages]
            voices = speaker_voices(scenario, language_variants(languages, scenario_language(scenario)))
            if engine is None:  # not ready yet: cast (and keep) once the engine's voices are known
                return voices.get(speaker) or voices.get(scenario.customer.name) or SpeakerVoice("en-gb", None)
            voices = cast_speakers(voices, engine.voices)
            self._voices[cache_key] = voices
        return voices.get(speaker) or voices.get(scenario.customer.name) or SpeakerVoice("en-gb", None)

    def customer_line(self, scenario: Scenario, speaker: str, text: str, mood: int, delay: float = 0.0) -> bool:
        """Queue a line of the customer (or another speaker); False when not spoken."""
        if not self.ctx.settings.voice:
            return False
        return self._queue(text, CUSTOMER, delay, speaker=(scenario, speaker), mood=mood)

    def read_aloud(self, text: str) -> bool:
        """Self-voicing: speak ``text`` now in a neutral voice, cutting the previous reading."""
        self._lines = [line for line in self._lines if line.channel != READER]
        self._requests = [r for r in self._requests if r.channel != READER]
        self.mixer.stop(READER)
        return self._queue(text, READER, 0.0, mood=50, language="en-gb", gender=None)

    def _queue(self, text: str, channel: int, delay: float, speaker: tuple[Scenario, str] | None = None,
               **how: Any) -> bool:
        """Ask for ``text`` to be spoken; rendered as soon as the engine is ready (it may still be
        starting). False when it never will be (no engine, or nothing to say)."""
        self.start()
        if not text.strip() or (self._ready.is_set() and self.voice is None):
            return False
        now = time.monotonic()
        self._requests.append(_Request(text, channel, now + delay, how, speaker))
        self.spoken.append(text)
        return True

    def _render_requests(self, engine: Voice) -> None:
        speed, volume = self.ctx.settings.voice_levels()
        for request in self._requests:
            how = dict(request.how)
            if request.speaker is not None:  # cast now: the engine's voices are known
                voice = self.voice_for(*request.speaker)
                how.update(language=voice.language, gender=voice.gender, casting=voice.casting)
            path = engine.render(request.text, speed=speed, volume=volume, **how)
            if path is not None:
                self._lines.append(_Line(path, request.channel, request.not_before,
                                         max(time.monotonic(), request.not_before) + GIVE_UP_SECONDS))
        self._requests = []

    def update(self) -> None:
        """Per frame: play lines whose audio is ready, in order per channel. Never waits."""
        engine = self.voice
        if engine is None:
            if self._ready.is_set():
                self._requests = []  # no engine after all: the lines stay as text
            return
        if self._requests:
            self._render_requests(engine)
        if not self._lines:
            return
        engine.update()
        now, waiting, blocked = time.monotonic(), [], set()
        if self.mixer.busy(CUSTOMER) or any(line.channel == CUSTOMER for line in self._lines):
            blocked.add(READER)  # a reading waits for the customer to finish, never talks over them
        for line in self._lines:
            if line.channel in blocked or now < line.not_before or self.mixer.busy(line.channel):
                blocked.add(line.channel)
                waiting.append(line)
            elif line.path.is_file():
                self.mixer.play(line.channel, line.path)
                blocked.add(line.channel)
            elif now < line.given_up_at:
                blocked.add(line.channel)
                waiting.append(line)
        self._lines = waiting

    def silence(self) -> None:
        self._lines, self._requests = [], []
        self.mixer.stop(CUSTOMER)
        self.mixer.stop(READER)
