"""Open the facilitator's projector in the game window (``frontline facilitate --workshop CODE``,
and with ``--room SCENARIO`` the room plays one call together).

Contract: ``launch_projector(args, store, loaded=None) -> int`` (exit code). The window opens full
screen unless ``--size`` is given or screenshots are taken; ``--text-size`` picks the text size
(default: the player's setting, never written back). The results store ``store`` (already open)
is the app's run log, so ``app.services.room`` reads and writes it. No display: a one-line message
that points at ``--text`` and ``NO_DISPLAY_EXIT``.

Screenshots (``--screenshots DIR``, headless with ``SDL_VIDEODRIVER=dummy``): ``ShotTaker`` saves a
PNG of each page or room state the first time it is drawn (``NN-<shot_name>.png``). With
``--exit-after-first-frame`` the projector walks through every page once, saves each, and exits 0
(the room view saves its first state, then stops the room and exits); without it the view goes on.
``--exit-after-first-frame`` alone draws the first frame and exits 0.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.app.app import App

log = logging.getLogger(__name__)


class ShotTaker:
    """``App.observer``: saves each screen state once; with ``walk`` it turns the projector's pages
    until every page is saved, then stops the app."""

    def __init__(self, folder: Path | None, walk: bool):
        self.folder, self.walk = folder, walk
        self.seen: list[str] = []
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def __call__(self, app: App) -> None:
        import pygame

        top = app.top
        if top is None:
            return
        name = top.shot_name
        fresh = name not in self.seen
        if fresh:
            self.seen.append(name)
            if self.folder is not None:
                pygame.image.save(app.surface, str(self.folder / f"{len(self.seen):02d}-{name}.png"))
        if not self.walk:
            return
        pages = getattr(top, "pages", None)
        if fresh and top.name == "projector" and pages and len(self.seen) < len(pages):
            top.turn(1)  # type: ignore[attr-defined]
        else:
            app.close()


def launch_projector(args: argparse.Namespace, store: Any, loaded: Any = None) -> int:
    from simulator.app.launch import NO_DISPLAY_EXIT, open_display, parse_size
    from simulator.app.launch import _report_unsaved as report_unsaved

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    problem = open_display()
    if problem is not None:
        print(problem.split(". Without a display")[0] + ". Without a display, use the terminal view: "
              "facilitate --workshop CODE --text", file=sys.stderr)
        return NO_DISPLAY_EXIT
    import pygame

    try:
        pygame.font.init()
        app = _build(args, store, loaded, parse_size)
        shots = getattr(args, "screenshots", None)
        first_only = bool(getattr(args, "exit_after_first_frame", False))
        if shots or first_only:
            app.observer = ShotTaker(Path(shots) if shots else None, walk=first_only)
        try:
            app.frame([], 0.0)
            if app.running:
                app.run()
        finally:
            report_unsaved(app)  # a room's run kept nowhere (full disk) is printed, as the game does
        return 0
    finally:
        pygame.quit()


def _build(args: argparse.Namespace, store: Any, loaded: Any, parse_size: Any) -> App:
    from simulator.app.app import App
    from simulator.app.context import AppContext
    from simulator.app.runlog import SafeRunLog, StoreRunLog
    from simulator.app.settings import load_settings, settings_path
    from simulator.paths import SCENARIOS_DIR

    settings = load_settings(settings_path(), [])
    windowed = bool(getattr(args, "size", None) or getattr(args, "screenshots", None)
                    or getattr(args, "exit_after_first_frame", False))
    settings = settings.with_(fullscreen=not windowed,
                              text_size=getattr(args, "text_size", None) or settings.text_size)
    scenarios = Path(getattr(args, "scenarios", None) or SCENARIOS_DIR)
    ctx = AppContext(settings, None, scenarios, [], None, SafeRunLog(StoreRunLog(store)))
    app = App(ctx, parse_size(getattr(args, "size", None)))
    if loaded is None:
        app.push("projector", workshop=args.workshop, interval=getattr(args, "interval", 3.0),
                 page_seconds=getattr(args, "page_seconds", 15.0))
    else:
        seed = args.seed if isinstance(args.seed, int) else (
            int(args.seed) if str(args.seed).lstrip("-").isdigit() else str(args.seed))
        app.push("room-projector", workshop=args.workshop, loaded=loaded, seed=seed)
    return app
