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

    infos = load_infos(args.scenarios)
    with open_store(args.db) as store:
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
