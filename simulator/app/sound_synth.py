"""The game's three call sounds, synthesised with ``wave`` and ``math`` (the project's own work, CC0).

Contract: ``SOUNDS`` maps a name to a function returning mono samples in -1..1 at ``RATE`` Hz;
``write_all(folder)`` writes ``<name>.wav`` (16-bit mono PCM) for each and returns the paths. The
output is deterministic (noise comes from a fixed-seed generator), so regenerating gives the same
bytes. Run once and commit the files: ``python -m simulator.app.sound_synth assets/sounds``.

- ``ring``: a UK-style double ring (400 + 450 Hz, 0.4 s on, 0.2 s off, 0.4 s on), twice.
- ``hold``: a soft four-bar arpeggio with overtones that loops without a click (whole periods).
- ``hangup``: the line clicking off: a short filtered click, then two faint pips.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from collections.abc import Callable
from pathlib import Path

RATE = 22050
PEAK = 0.5  # full scale would be 1.0; leave headroom so the voice stays on top
EDGE = 0.008  # seconds of fade at each edge of a tone (no clicks)


def _tone(freqs: tuple[float, ...], seconds: float, level: float = 1.0, decay: float = 0.0) -> list[float]:
    """A sum of sines, faded in and out over ``EDGE``; ``decay`` > 0 makes it die away (per second)."""
    count = round(seconds * RATE)
    edge = max(1, round(EDGE * RATE))
    out = []
    for i in range(count):
        t = i / RATE
        value = sum(math.sin(2 * math.pi * f * t) for f in freqs) / len(freqs)
        envelope = min(1.0, i / edge, (count - 1 - i) / edge) * math.exp(-decay * t)
        out.append(level * value * envelope)
    return out


def _silence(seconds: float) -> list[float]:
    return [0.0] * round(seconds * RATE)


def ring() -> list[float]:
    burst = _tone((400.0, 450.0), 0.4)
    once = burst + _silence(0.2) + burst
    return once + _silence(0.6) + once + _silence(0.3)


NOTES = (261.63, 329.63, 392.0, 329.63, 293.66, 349.23, 440.0, 349.23,
         246.94, 293.66, 392.0, 293.66, 261.63, 329.63, 392.0, 523.25)  # C, Dm, G, C arpeggios


def hold() -> list[float]:
    out: list[float] = []
    for freq in NOTES:
        note = _tone((freq, freq * 2, freq * 3), 0.28, 0.8, decay=4.0)
        out += [sum(parts) for parts in zip(note, _tone((freq,), 0.28, 0.4, decay=2.0), strict=True)]
        out += _silence(0.02)
    return [v / 1.2 for v in out]


def hangup() -> list[float]:
    seed = 12345
    click = []
    for i in range(round(0.018 * RATE)):
        seed = (1103515245 * seed + 12345) % 2**31
        noise = seed / 2**30 - 1.0
        click.append(noise * math.exp(-i / (0.003 * RATE)))
    smooth = [click[0]] + [(a + b) / 2 for a, b in zip(click, click[1:], strict=False)]
    pip = _tone((425.0,), 0.12, 0.35)
    return smooth + _silence(0.25) + pip + _silence(0.1) + pip + _silence(0.1)


SOUNDS: dict[str, Callable[[], list[float]]] = {"ring": ring, "hold": hold, "hangup": hangup}


def write_wav(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * PEAK * 32767)) for s in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in SOUNDS.items():
        path = folder / f"{name}.wav"
        write_wav(path, make())
        paths.append(path)
    return paths


if __name__ == "__main__":  # pragma: no cover - the one-off generator
    for written in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "assets/sounds")):
        print(written)
