"""``frontline facilitate --workshop CODE``: the live projector view of a workshop's results.

Polls the results store every ``--interval`` seconds and redraws the terminal; ``--once`` prints
one frame and exits (for scripts and tests). A database that drops out while live is shown on
screen and retried; with ``--once`` it is an error (exit 3).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from simulator.cli.common import add_db_flag, store_errors

CLEAR = "\x1b[H\x1b[2J"


def register(subparsers: argparse._SubParsersAction) -> None:
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
    infos = load_infos(args.scenarios)
    with open_store(args.db, create=False) as store:  # a mistyped --db creates nothing
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

    if not args.text:
        print("facilitate: the room on the projector comes with the game window; for now run it in the "
              "terminal with --text", file=sys.stderr)
        return 1
    loaded = load_scenario_arg(args.room)
    if loaded is None:
        return 1
    seed = int(args.seed) if args.seed.lstrip("-").isdigit() else args.seed
    with open_store(args.db, create=False) as store:
        try:
            return facilitate_room(store, loaded, args.workshop, seed, sys.stdin, sys.stdout)
        except RoomError as error:
            print(f"facilitate: {error}", file=sys.stderr)
            return 1
