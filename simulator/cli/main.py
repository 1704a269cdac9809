"""The ``frontline`` command: parses arguments and dispatches to one subcommand module.

Contract: ``main(argv) -> int`` never raises for bad input; it prints a message and returns a
non-zero exit code. With no subcommand it starts the game. Each subcommand lives in its own module
under ``simulator.cli`` exposing ``register(subparsers)``; heavy imports happen inside handlers so
that ``--help`` and start-up stay fast.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

from simulator import __version__

# Subcommand modules, in the order --help lists them. Each has register(subparsers).
COMMANDS = ("play", "validate", "new", "schema", "test", "lint", "explore", "graph", "facilitate", "report", "results",
            "match", "progress", "i18n")


# Options of the bare game start that take a value (the value is not a command name).
GAME_OPTIONS_WITH_VALUE = ("--pack",)


def _words_before_command(argv: Sequence[str]) -> list[str]:
    """``argv`` up to its first word that is neither an option nor the value of a game option."""
    words: list[str] = []
    expects_value = False
    for word in argv:
        if not expects_value and not word.startswith("-"):
            break
        words.append(word)
        expects_value = not expects_value and word in GAME_OPTIONS_WITH_VALUE
    return words


def _chosen_command(argv: Sequence[str] | None) -> str | None:
    """The subcommand ``argv`` names (its first word that is not an option or an option's value),
    if it is a known one."""
    words = list(argv or ())
    before = _words_before_command(words)
    word = words[len(before)] if len(before) < len(words) else None
    return word if word in COMMANDS else None


def _starts_game(argv: Sequence[str] | None) -> bool:
    """Whether ``argv`` only starts the game (no command, no --help/--version; ``--pack DIR`` and
    ``--exit-after-first-frame`` allowed): then no subcommand module is imported before the
    game's first frame."""
    if argv is None:
        return False
    words = _words_before_command(argv)
    options = [w for w in words if w.startswith("-") and not w.startswith("--pack=")]
    values = [w for w in words if not w.startswith("-")]
    return (len(words) == len(argv) and options.count("--pack") == len(values)
            and all(w in ("--exit-after-first-frame", "--pack") for w in options))


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The full parser; given the ``argv`` it will parse and a known command in it, only that
    command's module is imported and registered (each costs imports: 10-25 ms for all of them), which
    parses that command line exactly as the full parser would."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="frontline",
        description="Frontline: a customer-service training simulator. "
        "Run with no command to start the game.",
    )
    parser.add_argument("--version", action="version", version=f"frontline {__version__}")
    parser.add_argument("--exit-after-first-frame", action="store_true",
                        help="start the game, draw the title screen once and exit (for benchmarks)")
    parser.add_argument("--pack", action="append", metavar="DIR", dest="game_packs",
                        help="start the game with another scenario folder in the picker (repeatable); "
                        "your own folder (new writes there) is always shown")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _chosen_command(argv)
    for name in (chosen,) if chosen else () if _starts_game(argv) else COMMANDS:
        importlib.import_module(f"simulator.cli.{name}_cmd").register(subparsers)
    return parser


def game_arguments(words: Sequence[str]) -> SimpleNamespace:
    """What ``build_parser().parse_args(words)`` returns for a bare game start (``_starts_game``),
    without building the parser: argparse and the imports of its help formatter (shutil, locale,
    gettext) cost about 3 ms of the game's start-up (issue #14)."""
    packs: list[str] = []
    exit_after = False
    pending = False
    for word in words:
        if pending:
            packs.append(word)
            pending = False
        elif word == "--pack":
            pending = True
        elif word.startswith("--pack="):
            packs.append(word.removeprefix("--pack="))
        else:
            exit_after = exit_after or word == "--exit-after-first-frame"
    return SimpleNamespace(exit_after_first_frame=exit_after, game_packs=packs or None, command=None)


def _open_closed_streams() -> None:
    """A standard stream the shell closed ('<&-', '>&-': ``sys.stdin``/``sys.stdout`` is None) acts as
    /dev/null, as ``print()`` already treats a closed output: input reads as ended, output goes nowhere."""
    import os

    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _system_failed(error: OSError, words: Sequence[str]) -> int:
    """Say an operating-system failure no command handled (standard output on a full disk, a
    device error) in one line naming what failed, then exit 1 instead of a traceback. Standard
    output is pointed at /dev/null so the exit's own flush does not fail again."""
    import contextlib
    import os

    command = _chosen_command(words) or "frontline"
    if error.filename is None:  # print() and sys.stdout.write() name no file
        what, fix = "standard output", "free some space, or send the output elsewhere"
    else:
        what, fix = str(error.filename), "check the path, its permissions and the space left on its disk"
    print(f"{command}: cannot go on: {what}: {error.strerror or error} (fix: {fix})", file=sys.stderr)
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no file behind it: nothing to flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    _open_closed_streams()
    words = list(sys.argv[1:] if argv is None else argv)
    args: argparse.Namespace | SimpleNamespace = (game_arguments(words) if _starts_game(words)
                                                  else build_parser(words).parse_args(words))
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from simulator.app.launch import launch  # straight to the game: no CLI helpers imported

            return launch(args)
        inputs = getattr(args, "answer_inputs", None)  # a read-only command whose answer may be kept
        if inputs is not None and not getattr(args, "no_cache", False):
            from simulator.cli.answer_cache import answer

            code = answer(args.command, words, inputs(args), lambda: int(handler(args) or 0))
        else:
            code = int(handler(args) or 0)
        sys.stdout.flush()  # a full disk behind a redirect shows here, not after main returns
        return code
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except OSError as error:
        return _system_failed(error, words)
