"""Frame time while speaking (issue #16): the play screen's frames while the customer's lines are
being rendered by the speech engine and played, against the same frames with the voice off.

The game is driven in this process (``App`` on the dummy video driver, SDL's dummy audio driver)
at real time: one frame every 1/60 s, so the engine's worker thread renders and the mixer plays
while frames are drawn. Each round opens a fresh phone call of the largest shipped scenario with
an empty voice cache (every line is rendered, none reused), runs ``SECONDS`` of frames, answering
option 1 every ``ANSWER_EVERY`` seconds so new lines keep coming, and keeps the frames during
which speech was waiting or playing (the frames that handle an answer are left out in both: they
lay the screen out again, which ``bench_frames`` and ``bench_input`` measure).
Figures: p50 and p99 of those frames (median over rounds,
with the rounds' range as the spread), and the silent baseline. Target: p99 <= 4 ms, as for the
other frame figures. Run: ``python -m benchmarks.bench_speaking`` (or ``--only speaking``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.common import Context, Figure, median, percentile, unavailable

NAME = "speaking"
DESCRIPTION = "p50/p99 frame time on the play screen while the customer speaks (eSpeak NG), vs silent"
TARGET_P99_MS = 4.0
ROUNDS, SECONDS, ANSWER_EVERY = 5, 6.0, 2.0


def _round(voice_on: bool, seconds: float, scenario: Path) -> list[float]:
    """Frame times (s) of one call; with the voice on only frames while speech waits or plays."""
    import pygame

    from simulator.app.app import App
    from simulator.app.context import AppContext
    from simulator.app.runs import Run
    from simulator.app.settings import Settings
    from simulator.paths import SCENARIOS_DIR

    settings = Settings(text_size="largest", voice=voice_on, reduced_motion=True, timers="off")
    ctx = AppContext(settings, None, SCENARIOS_DIR, [], None, seed=0)
    app = App(ctx, (1280, 720))
    title = app.push("title")
    ctx.load_content()
    title.refresh()
    entry = ctx.library.find_path(scenario)
    play = app.push("play", session=app.services.runs.start(entry), entry=entry, run=Run("assessment"))
    speech = app.services.speech
    if voice_on:
        speech.problem(wait=10.0)
    times: list[float] = []
    start = next_answer = time.perf_counter()
    tick = 1 / 60
    while time.perf_counter() - start < seconds:
        now = time.perf_counter()
        events = []
        if now >= next_answer + ANSWER_EVERY and not play.session.finished:
            next_answer = now
            events = [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1, mod=0, unicode="1", scancode=0)]
        began = time.perf_counter()
        app.frame(events, tick)
        took = time.perf_counter() - began
        if not events and (not voice_on or speech.speaking):  # answer frames: see the doc
            times.append(took)
        time.sleep(max(0.0, tick - (time.perf_counter() - now)))
    play.audio.end()
    return times


def measure(rounds: int = ROUNDS, seconds: float = SECONDS) -> dict[str, list[list[float]]]:
    os.environ.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    import pygame

    from benchmarks.bench_frames import biggest_shipped_scenario

    scenario = biggest_shipped_scenario()
    results: dict[str, list[list[float]]] = {"speaking": [], "silent": []}
    scratch = Path(tempfile.mkdtemp(prefix="frontline-speaking-"))
    os.environ["FRONTLINE_HOME"] = str(scratch)  # empty voice cache: every line is rendered
    pygame.display.init()
    pygame.font.init()
    try:
        for index in range(rounds):
            shutil.rmtree(scratch / "cache", ignore_errors=True)
            results["speaking"].append(_round(True, seconds, scenario))
            results["silent"].append(_round(False, seconds, scenario))
            print(f"round {index + 1}: {len(results['speaking'][-1])} speaking frames", flush=True)
    finally:
        pygame.quit()
        shutil.rmtree(scratch, ignore_errors=True)
    return results


def _figures(label: str, rounds: list[list[float]]) -> list[Figure]:
    p50s = [median([t * 1000 for t in r]) for r in rounds if r]
    p99s = [percentile([t * 1000 for t in r], 99) for r in rounds if r]
    frames = sum(len(r) for r in rounds)
    spread = f"rounds {min(p50s):.2f}-{max(p50s):.2f}" if p50s else ""
    spread99 = f"rounds {min(p99s):.2f}-{max(p99s):.2f}" if p99s else ""
    return [Figure(f"{label} frame p50", median(p50s) if p50s else None, "ms",
                   note=f"{frames} frames in {len(rounds)} rounds; {spread}"),
            Figure(f"{label} frame p99", median(p99s) if p99s else None, "ms", TARGET_P99_MS,
                   note=f"1280x720, largest text; {spread99}")]


def run(ctx: Context) -> list[Figure]:
    if shutil.which("espeak-ng") is None:
        return [unavailable("speaking frame p99", "ms", TARGET_P99_MS, "no speech engine (eSpeak NG)")]
    results = measure(2 if ctx.quick else ROUNDS, 3.0 if ctx.quick else SECONDS)
    return _figures("speaking", results["speaking"]) + _figures("silent", results["silent"])


if __name__ == "__main__":  # pragma: no cover
    for figure in run(Context(Path(tempfile.gettempdir()), quick=False)):
        print(f"{figure.name:26} {figure.value:8.2f} {figure.unit}  {figure.note}")
