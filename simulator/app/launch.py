"""Start the game: window and title frame first, then content, results store and the loop.

Contract: ``launch(args) -> int`` (exit code). Reads optional attributes from ``args`` so it works
for ``frontline`` (no command) and ``frontline play SCENARIO``: ``exit_after_first_frame``,
``scenario``, ``autoplay``, ``screenshots``, ``size``, ``text_size``, ``theme``, ``mode``,
``no_timers``, ``seed``, ``scenarios_dir``, ``pack``, ``game_packs``. Autoplay runs on default
settings and touches no user data (no settings or resume file are written; its run goes to an
in-memory results store that the leaderboard and history screens read and that is gone when
autoplay ends).

Start or explain: with no usable display (no ``DISPLAY``/``WAYLAND_DISPLAY`` on Linux, or SDL
falling back to its invisible ``offscreen``/``dummy`` driver without being asked to) the game
prints one line saying what is missing and that ``play --text`` works without a display, and
returns ``NO_DISPLAY_EXIT`` at once. ``SDL_VIDEODRIVER=dummy`` (tests, screenshots, autoplay) is
honoured. A second game on the same user folder (``simulator.app.instance``) opens behind an
"already open" card that offers read-only (no settings or resume writes, no resume offered) or
quit; ``play SCENARIO`` opens that scenario only after read-only is chosen. The picker shows the
shipped scenarios, the user's own folder (``user_scenarios_dir()``) and every ``--pack DIR``
(``frontline --pack DIR`` and ``play --pack DIR``; a folder that does not exist is refused with
one line and ``BAD_ARGUMENT_EXIT`` before any window opens).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

NO_DISPLAY_EXIT = 4
BAD_ARGUMENT_EXIT = 2
HEADLESS_DRIVERS = frozenset({"dummy", "offscreen"})
UNIX_LIKE = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly", "sunos")


def display_problem(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """Why no window can be shown, judged before SDL starts (None when it may work)."""
    requested = env.get("SDL_VIDEODRIVER", "").strip().lower()
    if requested:
        return None  # an explicit driver (dummy for tests and screenshots, kmsdrm, ...) is honoured
    if platform.startswith(UNIX_LIKE) and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set)"
    return None


def driver_problem(driver: str, env: Mapping[str, str] = os.environ) -> str | None:
    """Why the video driver SDL picked cannot show a window (SDL falls back to an invisible one)."""
    requested = env.get("SDL_VIDEODRIVER", "").strip().lower()
    if driver.lower() in HEADLESS_DRIVERS and requested not in HEADLESS_DRIVERS:
        return f"no usable display (SDL fell back to its invisible '{driver}' video driver)"
    return None


def no_display_message(why: str) -> str:
    from simulator.paths import command_name

    return (f"frontline: cannot open the game window: {why}. Without a display, play in the terminal: "
            f"{command_name()} play --text SCENARIO")


def open_display() -> str | None:
    """Start SDL's video; None when a visible window can be opened, else the message to print."""
    problem = display_problem()
    if problem is None:
        import pygame

        try:
            pygame.display.init()
        except pygame.error as error:
            problem = f"SDL cannot start video ({error})"
        else:
            problem = driver_problem(pygame.display.get_driver() or "")
            if problem is not None:
                pygame.display.quit()
    return None if problem is None else no_display_message(problem)


def parse_size(raw: str | None) -> tuple[int, int]:
    if not raw:
        return (1280, 720)
    try:
        width, height = (int(part) for part in raw.lower().split("x"))
    except ValueError:
        raise SystemExit(f"--size must look like 1280x720, not {raw!r}") from None
    return (max(800, width), max(540, height))


def launch(args: argparse.Namespace | SimpleNamespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    problem = pack_problem(args)
    if problem is not None:
        print(problem, file=sys.stderr)
        return BAD_ARGUMENT_EXIT
    problem = open_display()
    if problem is not None:
        print(problem, file=sys.stderr)
        return NO_DISPLAY_EXIT
    import pygame

    from simulator.app import instance
    from simulator.paths import data_dir

    autoplay = getattr(args, "autoplay", None)
    first_frame_only = getattr(args, "exit_after_first_frame", False)  # benchmark: writes nothing
    lock = None if autoplay or first_frame_only else instance.acquire(data_dir())
    read_only = not (autoplay or first_frame_only) and lock is None
    try:
        pygame.font.init()
        app, ctx, title, scenario_path = _build(args, autoplay, read_only)
        if first_frame_only:
            return 0
        return _run(app, ctx, title, args, scenario_path, autoplay)
    finally:
        pygame.quit()
        if lock is not None:
            lock.release()


def _build(args, autoplay, read_only):  # type: ignore[no-untyped-def]
    """The app with its title frame drawn (and the "already open" card when ``read_only``)."""
    from simulator.app.app import App
    from simulator.app.context import AppContext
    from simulator.app.settings import Settings, load_settings, settings_path
    from simulator.paths import SCENARIOS_DIR, data_dir

    settings_file = None if autoplay else settings_path()
    problems: list[str] = []
    settings = Settings() if settings_file is None else load_settings(settings_file, problems)
    settings = _overrides(settings, args)
    scenarios_dir = Path(getattr(args, "scenarios_dir", None) or SCENARIOS_DIR)
    scenario_path = _scenario_path(args, scenarios_dir)
    extra = _extra_sources(args, autoplay, scenarios_dir, scenario_path)
    resume_file = None
    if not autoplay and not read_only:
        from simulator.app.saves import resume_path

        resume_file = resume_path()
    ctx = AppContext(settings, None if read_only else settings_file, scenarios_dir, extra, resume_file,
                     seed=_seed(args))
    for problem in problems:
        ctx.notify(problem, 12.0)
    app = App(ctx, parse_size(getattr(args, "size", None)))
    title = app.push("title")
    if read_only:
        from simulator.app.instance import holder

        app.push("already-open", folder=str(data_dir()), pid=holder(data_dir()))
    app.frame([], 0.0)
    return app, ctx, title, scenario_path


def pack_folders(args: argparse.Namespace) -> list[Path]:
    """Every ``--pack DIR``: ``frontline --pack DIR`` (``game_packs``) and ``play --pack DIR``."""
    return [Path(p) for p in (getattr(args, "game_packs", None) or []) + (getattr(args, "pack", None) or [])]


def pack_problem(args: argparse.Namespace) -> str | None:
    """One line when a ``--pack`` folder does not exist (a typo would otherwise show nothing)."""
    for folder in pack_folders(args):
        if not folder.is_dir():
            return (f"frontline: --pack {folder}: no such folder; name a folder that holds scenario "
                    "files (*.yaml)")
    return None


def _extra_sources(args, autoplay, scenarios_dir: Path, scenario_path: Path | None) -> list[Path]:  # type: ignore[no-untyped-def]
    """Folders and files shown beside ``scenarios_dir``: the user's own scenario folder (not in
    autoplay), each ``--pack DIR``, and a scenario file named on the command line from elsewhere."""
    from simulator.paths import user_scenarios_dir

    extra: list[Path] = [] if autoplay else [user_scenarios_dir()]
    extra += pack_folders(args)
    if scenario_path and scenarios_dir.resolve() not in scenario_path.resolve().parents:
        extra.append(scenario_path)
    return extra


def configure_logging() -> None:
    """Warnings to stderr as ``frontline: WARNING: ...`` (``simulator.util.configure_logging``, which a
    ``LazyLogger`` also calls on its first message, so a warning before the first frame has the prefix
    too); transitions' notices quiet. Called after the first frame: importing logging costs start-up."""
    import logging

    from simulator.util import configure_logging as configure

    configure()
    logging.getLogger("transitions").setLevel(logging.ERROR)  # model_override notices are expected


def _run(app, ctx, title, args, scenario_path, autoplay) -> int:  # type: ignore[no-untyped-def]
    from simulator.app.runlog import open_run_log

    configure_logging()

    ctx.load_content()
    if not autoplay:
        ctx.run_log, notice = open_run_log()
        if notice:
            ctx.notify(notice, 12.0)
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
        _open_scenario_when_ready(app, entry)
    try:
        return app.run()
    finally:
        _report_unsaved(app)


def _report_unsaved(app) -> None:  # type: ignore[no-untyped-def]
    """Runs that could be saved nowhere during the session (store and disk both failed) are printed
    at quit, one JSON line each, so that ``results import`` can take them later."""
    runs = app.services.__dict__.get("runs")  # only if the run service was ever used
    lines = runs.unsaved_lines() if runs is not None else []
    if lines:
        print(f"frontline: {len(lines)} finished run(s) could not be saved anywhere (full or read-only disk). "
              "Copy the lines below into a file and run 'results import FILE' when there is room:",
              file=sys.stderr)
        for line in lines:
            print(line, file=sys.stderr)


def _open_scenario_when_ready(app, entry) -> None:  # type: ignore[no-untyped-def]
    """Open the picker on ``entry`` and start it; behind the "already open" card, only once the
    player has chosen read-only (quitting there opens nothing)."""
    def open_scenario(_result: object = None) -> None:
        picker = app.push("picker")
        picker.focus_scenario(entry.id)
        picker.start(entry)

    card = app.top
    if card is not None and card.name == "already-open":
        card.result_callback = open_scenario
    else:
        open_scenario()


def _overrides(settings, args):  # type: ignore[no-untyped-def]
    changes = {}
    for name in ("text_size", "theme", "language"):
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
