"""Frames: p50 and p99 frame time on the play and debrief screens, 1280x720, largest text size.

The game is driven in this process through its own API (``App``, ``AppContext``, the autoplay
``Autopilot``) on the dummy video driver. When the autopilot reaches the play screen (first
decision) and the debrief screen, the probe times ``FRAMES`` whole frames there
(``App.frame``: events, update, draw, flip) at 60 fps steps. Target: p99 at most 4 ms.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from benchmarks.common import Context, Figure, median, module_exists, percentile, unavailable

NAME = "frames"
DESCRIPTION = "p50/p99 frame time on play and debrief screens at the largest text size"
TARGET_P99_MS = 4.0
FRAMES = 240  # 4 s of game time: shorter than any time limit, so the screen stays put
SCREENS = ("PlayScreen", "DebriefScreen")


def biggest_shipped_scenario() -> Path:
    from simulator.content.files import discover
    from simulator.paths import SCENARIOS_DIR

    return max(discover([SCENARIOS_DIR]), key=lambda p: p.stat().st_size)


class Probe:
    """Autopilot observer that times frames once on each screen of interest."""

    def __init__(self, pilot, frames: int):  # type: ignore[no-untyped-def]
        self.pilot, self.frames = pilot, frames
        self.times: dict[str, list[float]] = {}

    def __call__(self, app) -> None:  # type: ignore[no-untyped-def]
        name = type(app.top).__name__
        if name in SCREENS and name not in self.times and not pending_events():
            app.observer = None
            times = []
            for _ in range(self.frames):
                start = time.perf_counter()
                app.frame([], 1 / 60)
                times.append(time.perf_counter() - start)
            if type(app.top).__name__ == name:
                self.times[name] = times
            app.observer = self
        self.pilot(app)


def pending_events() -> bool:
    import pygame

    return bool(pygame.event.peek())


def measure(scenario: Path, frames: int = FRAMES) -> dict[str, list[float]]:
    """Frame times per screen name for an autoplayed run of ``scenario``."""
    os.environ.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    import pygame

    from simulator.app.app import App
    from simulator.app.autoplay import Autopilot
    from simulator.app.context import AppContext
    from simulator.app.settings import Settings
    from simulator.paths import SCENARIOS_DIR

    pygame.display.init()
    pygame.font.init()
    try:
        ctx = AppContext(Settings().with_(text_size="largest"), None, SCENARIOS_DIR, [], None, seed=0)
        app = App(ctx, (1280, 720))
        title = app.push("title")
        app.frame([], 0.0)
        ctx.load_content()
        title.refresh()
        entry = ctx.library.find_path(scenario)
        probe = Probe(Autopilot(app, "best", None, entry.id, 0), frames)
        app.observer = probe
        app.always_animate = True
        app.run()
        return probe.times
    finally:
        pygame.quit()


def run(ctx: Context) -> list[Figure]:
    if not module_exists("simulator.app.autoplay"):
        return [unavailable("frame p99", "ms", TARGET_P99_MS, "simulator/app not there yet")]
    scenario = biggest_shipped_scenario()
    times = measure(scenario, 60 if ctx.quick else FRAMES)
    figures = []
    for screen in SCREENS:
        label = screen.removesuffix("Screen").lower()
        if screen not in times:
            figures.append(unavailable(f"{label} frame p99", "ms", TARGET_P99_MS, "screen not reached"))
            continue
        ms = [t * 1000 for t in times[screen]]
        figures.append(Figure(f"{label} frame p50", median(ms), "ms", note=f"{len(ms)} frames, {scenario.name}"))
        figures.append(Figure(f"{label} frame p99", percentile(ms, 99), "ms", TARGET_P99_MS,
                              note="1280x720, largest text"))
    return figures
