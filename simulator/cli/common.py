"""Pieces shared by subcommands: the SCENARIO argument, the results store (``--db``) and output files.

The messages and exit codes here are contracts of the commands that use them: a scenario that
cannot be loaded prints one line per problem and exits 1; a results database that cannot be used
prints ``<command>: <why>`` and exits 3. Heavy imports happen inside the functions (see main.py).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.content.loader import LoadedScenario

STORE_FAILED_EXIT = 3
DB_HELP = "results database (default: $FRONTLINE_DB or the local file)"

Handler = Callable[[argparse.Namespace], int]


# --- SCENARIO --------------------------------------------------------------------------------
def add_scenario_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", help="scenario file, or a scenario id from scenarios/")


def add_answer_cache(parser: argparse.ArgumentParser, inputs: Callable[[argparse.Namespace], list[Path]]) -> None:
    """Let ``main`` print this read-only command's answer again while ``inputs(args)`` and our code
    are unchanged (``simulator.cli.answer_cache``); ``--no-cache`` works it out afresh."""
    parser.add_argument("--no-cache", action="store_true",
                        help="work the answer out afresh (by default an answer for unchanged files is "
                        "printed again from the user cache; FRONTLINE_NO_ANSWER_CACHE=1 does the same)")
    parser.set_defaults(answer_inputs=inputs)


def scenario_input(args: argparse.Namespace) -> list[Path]:
    """The file ``args.scenario`` names (a path, or a scenario id), for ``add_answer_cache``."""
    from simulator.paths import find_scenario

    return [Path(find_scenario(args.scenario))]


def path_inputs(args: argparse.Namespace) -> list[Path]:
    """The files and folders ``args.paths`` names, for ``add_answer_cache``."""
    return list(args.paths)


def load_scenario_arg(ref: str, principle_ids: Iterable[str] | None = None) -> LoadedScenario | None:
    """The scenario named on the command line (a file, or an id from scenarios/), or None after
    printing each of its problems to standard error."""
    from scoring.catalog import default_catalog
    from simulator.content.files import translation_source
    from simulator.content.loader import load_scenario
    from simulator.content.problems import ContentError
    from simulator.paths import find_scenario

    ids = default_catalog().ids() if principle_ids is None else principle_ids
    try:
        path = Path(find_scenario(ref))
        source = translation_source(path)
        if source is not None:  # <name>.<lang>.yaml: the source scenario with that language's texts
            from simulator.i18n.api import load_scenario_translated

            return load_scenario_translated(source, path.name.split(".")[-2], ids)  # type: ignore[return-value]
        return load_scenario(path, ids)
    except ContentError as error:
        for problem in error.problems:
            print(problem.format(), file=sys.stderr)
        return None


# --- the results store -----------------------------------------------------------------------
def add_db_flag(parser: argparse.ArgumentParser, help: str = DB_HELP) -> None:  # noqa: A002 - argparse's name
    parser.add_argument("--db", metavar="URL", help=help)


def store_failed(error: Exception, command: str = "results") -> int:
    print(f"{command}: {error}", file=sys.stderr)
    return STORE_FAILED_EXIT


def store_errors(command: str = "results") -> Callable[[Handler], Handler]:
    """Decorate a handler that opens the results store (``open_store(args.db)``: --db, else
    $FRONTLINE_DB, else the local file): a ``StoreError`` it lets escape prints ``<command>: <why>``
    and exits 3."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def run(args: argparse.Namespace) -> int:
            from simulator.results.location import StoreError

            try:
                return handler(args)
            except StoreError as error:
                return store_failed(error, command)

        return run

    return decorate


# --- output files ----------------------------------------------------------------------------
def write_atomically(path: Path, lines: list[str] | str) -> None:
    """Write text to ``path`` via a temporary file and rename (no half-written file)."""
    text = lines if isinstance(lines, str) else "".join(line + "\n" for line in lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def output_problem(path: Path) -> str | None:
    """Why ``path`` must not be replaced by an output file (None for a regular file or a new path):
    writing replaces the file, which must never turn a device, folder, pipe or link into a file."""
    import stat

    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"cannot check it ({error.strerror or error})"
    if stat.S_ISLNK(mode):
        return "it is a symbolic link; name the file itself or a new file"
    if not stat.S_ISREG(mode):
        return "it is not a regular file (a device, folder or pipe); name a new file, or - for standard output"
    return None


def write_output(out: str, text: str, command: str) -> bool:
    """Write ``text`` to standard output (``out`` is '-') or atomically to the file ``out``; False
    after printing ``<command>: cannot write <out>: <why>`` (or ``will not write`` when ``out`` is
    not a regular file or a new path, see ``output_problem``)."""
    if out == "-":
        sys.stdout.write(text)
        return True
    problem = output_problem(Path(out))
    if problem is not None:
        print(f"{command}: will not write {out}: {problem}", file=sys.stderr)
        return False
    try:
        write_atomically(Path(out), text)
    except OSError as error:
        print(f"{command}: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return False
    return True
