"""``frontline facilitate --workshop CODE``: the live projector view of a workshop's results.

In the game window (full screen; ``simulator.app.projector_launch``): pages of team standings, top
players, the weakest principles and the decisions where the room split, read from the results
store every ``--interval`` seconds; ``--screenshots DIR`` saves a PNG of each page and, with
``--exit-after-first-frame``, exits once every page is saved (exit 4 without a display).
``--room SCENARIO`` opens the room-play projector instead (the room votes on each decision).
With ``--text`` the view (or the room) runs in the terminal: the view polls and redraws every
``--interval`` seconds; ``--once`` prints one frame and exits (for scripts and tests). A database
that drops out while live is shown on screen and retried; with ``--once`` it is an error (exit 3).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.common import add_db_flag, store_errors

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands

CLEAR = "\x1b[H\x1b[2J"


def register(subparsers: Subcommands) -> None:
    from simulator.paths import SCENARIOS_DIR

    parser = subparsers.add_parser(
        "facilitate", help="live projector view of a workshop's results",
        description="Shows the room's scores by team and, for each decision, how the room split "
        "across the options. Refreshes as results arrive; Ctrl-C to stop.")
    parser.add_argument("--workshop", required=True, help="workshop code")
    add_db_flag(parser)
    parser.add_argument("--once", action="store_true", help="print one frame and exit")
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between refreshes (default 3)")
    parser.add_argument("--scenarios", type=Path, default=SCENARIOS_DIR,
                        help="folder of scenario files, for option labels (default: scenarios/)")
    parser.add_argument("--width", type=int, default=100, help="line width (default 100)")
    room = parser.add_argument_group("room play (the room plays one call together and votes on each decision)")
    room.add_argument("--room", metavar="SCENARIO", help="open a room on this scenario (file or id) for the workshop")
    room.add_argument("--text", action="store_true", help="run the room (or the view) in the terminal")
    room.add_argument("--seed", default="0", help="with --room: seed for the order of options (default 0)")
    window = parser.add_argument_group("game window (without --text)")
    window.add_argument("--screenshots", metavar="DIR", type=Path,
                        help="save a PNG of each page (or room state) as it is first shown")
    window.add_argument("--exit-after-first-frame", action="store_true",
                        help="with --screenshots: save every page once, then exit; alone: draw one frame, exit")
    window.add_argument("--size", help="window size such as 1920x1080 (default: full screen)")
    window.add_argument("--text-size", choices=("small", "medium", "large", "largest"),
                        help="text size (default: your game setting)")
    window.add_argument("--page-seconds", type=float, default=15.0,
                        help="seconds before the next page (default 15; 0: only by key)")
    parser.set_defaults(handler=run)


def frame(store, args: argparse.Namespace, infos) -> list[str]:  # type: ignore[no-untyped-def]
    from scoring.catalog import default_catalog
    from simulator.results.facilitator import render_frame
    from simulator.results.queries import workshop_data
    from simulator.results.records import now_utc
    from simulator.results.summary import summarise

    names = {p.id: p.name for p in default_catalog().principles}
    covered = {p for info in infos.values() for p in info.principles}  # as load_summary does
    summary = summarise(workshop_data(store, args.workshop, covered), names, infos)
    return render_frame(summary, now_utc().astimezone(), args.width)


@store_errors("facilitate")
def run(args: argparse.Namespace) -> int:
    from simulator.results.scenario_info import load_infos
    from simulator.results.store import open_store

    if getattr(args, "room", None):
        return run_room(args)
    with open_store(args.db, create=False) as store:  # a mistyped --db creates nothing
        if not (args.once or args.text):
            from simulator.app.projector_launch import launch_projector

            return launch_projector(args, store)
        infos = load_infos(args.scenarios)
        if args.once:
            print("\n".join(frame(store, args, infos)))
            return 0
        return live(store, args, infos)  # retries while the database is away


def live(store, args: argparse.Namespace, infos) -> int:  # type: ignore[no-untyped-def]
    from simulator.results.location import StoreError

    try:
        while True:
            try:
                text = "\n".join(frame(store, args, infos))
            except StoreError as error:
                text = f"Cannot read results right now (retrying): {error}"
            sys.stdout.write(CLEAR + text + "\n")
            sys.stdout.flush()
            time.sleep(max(0.5, args.interval))
    except KeyboardInterrupt:
        return 0


@store_errors("facilitate")
def run_room(args: argparse.Namespace) -> int:
    """``--room SCENARIO``: open a room for the workshop and drive it (``simulator.cli.room_text``)."""
    from simulator.cli.common import load_scenario_arg
    from simulator.cli.room_text import facilitate_room
    from simulator.results.room import RoomError
    from simulator.results.store import open_store

    loaded = load_scenario_arg(args.room)
    if loaded is None:
        return 1
    seed = int(args.seed) if args.seed.lstrip("-").isdigit() else args.seed
    with open_store(args.db) as store:  # a room writes (votes, the room's run): created like play's store
        if not args.text:
            from simulator.app.projector_launch import launch_projector

            return launch_projector(args, store, loaded)
        try:
            return facilitate_room(store, loaded, args.workshop, seed, sys.stdin, sys.stdout)
        except RoomError as error:
            print(f"facilitate: {error}", file=sys.stderr)
            return 1
