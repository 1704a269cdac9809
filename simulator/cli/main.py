"""The ``frontline`` command: parses arguments and dispatches to one subcommand module.

Contract: ``main(argv) -> int`` never raises for bad input; it prints a message and returns a
non-zero exit code. With no subcommand it starts the game. Each subcommand lives in its own module
under ``simulator.cli`` exposing ``register(subparsers)``; heavy imports happen inside handlers so
that ``--help`` and start-up stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from simulator import __version__

# Subcommand modules, in the order --help lists them. Each has register(subparsers).
COMMANDS = ("play", "validate", "new", "schema", "test", "lint", "explore", "graph", "facilitate", "report", "results",
            "match", "progress")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontline",
        description="Frontline: a customer-service training simulator. "
        "Run with no command to start the game.",
    )
    parser.add_argument("--version", action="version", version=f"frontline {__version__}")
    parser.add_argument("--exit-after-first-frame", action="store_true",
                        help="start the game, draw the title screen once and exit (for benchmarks)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"simulator.cli.{name}_cmd").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from simulator.cli.play_cmd import start_game

            return start_game(args)
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
