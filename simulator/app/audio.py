"""Audio output for the game: pygame's mixer with reserved channels, and the call sounds.

Contract: ``Mixer`` starts ``pygame.mixer`` on first use and never raises: without an audio device
``ready`` is False, ``problem`` says why, and every play does nothing. Channels are reserved by
purpose (``CUSTOMER``, ``READER``, ``EFFECT``, ``HOLD``) so a screen-reader line can cut the
previous one without cutting the customer, and hold music can stop on its own.

``CallSounds(mixer, muted)`` plays the project's own sounds (``assets/sounds``): ``ring()`` at the
start of a phone call, ``hold(seconds)`` while the customer is on hold, ``hang_up()`` at the end.
``muted()`` (the "reduced sound" setting) is asked at every play. ``played`` lists what was
started (tests and the frame benchmark read it). Loading a sound reads a small WAV once and caches it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
CUSTOMER, READER, EFFECT, HOLD = range(4)
FREQUENCY = 22050  # the rate of the call sounds and of eSpeak NG's output: no resampling


def sounds_dir() -> Path:
    from simulator.paths import ASSETS_DIR

    return ASSETS_DIR / "sounds"


class Mixer:
    """pygame.mixer, started lazily; see the module doc."""

    def __init__(self) -> None:
        self.problem: str | None = None
        self._started = False
        self._cache: dict[Path, Any] = {}

    @property
    def ready(self) -> bool:
        return self.start()

    def start(self) -> bool:
        if self._started:
            return self.problem is None
        self._started = True
        import pygame

        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=FREQUENCY, size=-16, channels=2, buffer=1024)
            pygame.mixer.set_num_channels(max(8, pygame.mixer.get_num_channels()))
            pygame.mixer.set_reserved(HOLD + 1)
        except pygame.error as error:
            self.problem = f"no audio output ({error})"
            log.info("sound off: %s", self.problem)
        return self.problem is None

    def sound(self, path: Path) -> Any:
        """The pygame Sound for ``path`` (cached), or None when it cannot be loaded."""
        if path not in self._cache:
            import pygame

            try:
                self._cache[path] = pygame.mixer.Sound(str(path))
            except (pygame.error, OSError, FileNotFoundError) as error:
                log.warning("cannot load sound %s: %s", path, error)
                self._cache[path] = None
        return self._cache[path]

    def play(self, channel: int, path: Path, loops: int = 0, maxtime: int = 0, volume: float = 1.0,
             queue: bool = False) -> bool:
        """Play ``path`` on a reserved channel (replacing what it played, or after it when
        ``queue``); False when there is no audio or the file cannot be loaded."""
        if not self.start():
            return False
        sound = self.sound(path)
        if sound is None:
            return False
        import pygame

        chan = pygame.mixer.Channel(channel)
        chan.set_volume(volume)
        if queue and chan.get_busy():
            chan.queue(sound)
        else:
            chan.play(sound, loops=loops, maxtime=maxtime)
        return True

    def busy(self, channel: int) -> bool:
        if not self._started or self.problem is not None:
            return False
        import pygame

        return bool(pygame.mixer.Channel(channel).get_busy())

    def stop(self, channel: int, fade_ms: int = 0) -> None:
        if not self._started or self.problem is not None:
            return
        import pygame

        chan = pygame.mixer.Channel(channel)
        if fade_ms:
            chan.fadeout(fade_ms)
        else:
            chan.stop()


class CallSounds:
    """The ringing phone, hold music and the click at the end of a call; see the module doc."""

    def __init__(self, mixer: Mixer, muted: Callable[[], bool], folder: Path | None = None):
        self.mixer, self.muted = mixer, muted
        self.folder = folder or sounds_dir()
        self.played: list[str] = []

    def _play(self, name: str, channel: int, **how: Any) -> bool:
        if self.muted():
            return False
        self.played.append(name)
        return self.mixer.play(channel, self.folder / f"{name}.wav", **how)

    def ring(self) -> bool:
        return self._play("ring", EFFECT, volume=0.5)  # under the voice (measured: ring RMS -15 dB, voice -17..-20 dB)

    def hold(self, seconds: float) -> bool:
        """Loop the hold music for ``seconds`` (it stops early with ``stop_hold``)."""
        return self._play("hold", HOLD, loops=-1, maxtime=round(seconds * 1000), volume=0.7)

    def stop_hold(self) -> None:
        self.mixer.stop(HOLD, fade_ms=300)

    def hang_up(self) -> bool:
        self.stop_hold()
        return self._play("hangup", EFFECT)

    @property
    def on_hold(self) -> bool:
        return self.mixer.busy(HOLD)
