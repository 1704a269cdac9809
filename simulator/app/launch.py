"""Start the game: window and title frame first, then content, results store and the loop.

Contract: ``launch(args) -> int`` (exit code). Reads optional attributes from ``args`` so it works
for ``frontline`` (no command) and ``frontline play SCENARIO``: ``exit_after_first_frame``,
``scenario``, ``autoplay``, ``screenshots``, ``size``, ``text_size``, ``theme``, ``mode``,
``no_timers``, ``seed``, ``scenarios_dir``. Autoplay runs on default settings and touches no user
data (no settings or resume file are written; its run goes to an in-memory results store that the
leaderboard and history screens read and that is gone when autoplay ends).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("simulator.app")


def parse_size(raw: str | None) -> tuple[int, int]:
    if not raw:
        return (1280, 720)
    try:
        width, height = (int(part) for part in raw.lower().split("x"))
    except ValueError:
        raise SystemExit(f"--size must look like 1280x720, not {raw!r}") from None
    return (max(800, width), max(540, height))


def launch(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from simulator.app.app import App
    from simulator.app.context import AppContext
    from simulator.app.screens.title import TitleScreen
    from simulator.app.settings import Settings, load_settings, settings_path
    from simulator.paths import SCENARIOS_DIR

    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="frontline: %(levelname)s: %(message)s")
    logging.getLogger("transitions").setLevel(logging.ERROR)  # model_override notices are expected
    autoplay = getattr(args, "autoplay", None)
    pygame.display.init()
    pygame.font.init()
    settings_file = None if autoplay else settings_path()
    settings = Settings() if settings_file is None else load_settings(settings_file)
    settings = _overrides(settings, args)
    scenarios_dir = Path(getattr(args, "scenarios_dir", None) or SCENARIOS_DIR)
    scenario_path = _scenario_path(args, scenarios_dir)
    extra = [scenario_path] if scenario_path and scenarios_dir.resolve() not in scenario_path.resolve().parents else []
    resume_file = None
    if not autoplay:
        from simulator.app.saves import resume_path

        resume_file = resume_path()
    ctx = AppContext(settings, settings_file, scenarios_dir, extra, resume_file, seed=_seed(args))
    app = App(ctx, parse_size(getattr(args, "size", None)))
    title = TitleScreen(app)
    app.push(title)
    app.frame([], 0.0)
    if getattr(args, "exit_after_first_frame", False):
        pygame.quit()
        return 0
    try:
        return _run(app, ctx, title, args, scenario_path, autoplay)
    finally:
        pygame.quit()


def _run(app, ctx, title, args, scenario_path, autoplay) -> int:  # type: ignore[no-untyped-def]
    from simulator.app.runlog import open_run_log

    ctx.load_content()
    if not autoplay:
        ctx.run_log = open_run_log()
    title.refresh()
    entry = None
    if scenario_path is not None:
        entry = ctx.library.find_path(scenario_path)
        if entry is None or not entry.ok:
            print(entry.error if entry else f"scenario not found: {scenario_path}", file=sys.stderr)
            return 1
    if autoplay:
        from simulator.app.autoplay import Autopilot
        from simulator.app.runlog import scratch_run_log

        ctx.run_log, close_store = scratch_run_log()
        shots = getattr(args, "screenshots", None)
        pilot = Autopilot(app, autoplay, Path(shots) if shots else None, entry.id if entry else "", _seed(args))
        app.observer = pilot
        app.always_animate = True
        try:
            app.run()
        finally:
            close_store()
        return pilot.exit_code
    if entry is not None:
        from simulator.app.screens.picker import PickerScreen

        picker = PickerScreen(app)
        app.push(picker)
        picker.focus_scenario(entry.id)
        picker.start(entry)
    return app.run()


def _overrides(settings, args):  # type: ignore[no-untyped-def]
    changes = {}
    for name in ("text_size", "theme"):
        if getattr(args, name, None):
            changes[name] = getattr(args, name)
    if getattr(args, "scenario", None) and getattr(args, "mode", None):
        changes["mode"] = args.mode
    if getattr(args, "no_timers", False):
        changes["timers"] = "off"
    return settings.with_(**changes)


def _scenario_path(args: argparse.Namespace, folder: Path) -> Path | None:
    ref = getattr(args, "scenario", None)
    if not ref:
        return None
    from simulator.paths import find_scenario

    return Path(find_scenario(ref, folder))


def _seed(args: argparse.Namespace) -> int:
    raw = str(getattr(args, "seed", "0") or "0")
    import zlib

    return int(raw) if raw.lstrip("-").isdigit() else zlib.crc32(raw.encode("utf-8"))
