"""What the terminal player (``frontline play --text``) does about results.

Contract: ``add_result_flags(parser)`` adds ``--player --team --workshop --db``;
``check_store(args)`` opens the store before play (None when usable, else a message) so nobody
plays a whole scenario into a broken database; ``save_played_run(...)`` scores and saves a
finished or abandoned run and returns the message to print (in English: the JSON player's and
every other caller's) and whether it was stored; ``score_and_save(...)`` does the same and returns
the ``PlayedRun`` itself, so that the terminal player words the message in the call's language
(``simulator.terminal.save_words``). A run that cannot be stored is kept in ``unsaved-runs.jsonl``
(see ``saving``) and the message says so.

Without ``--player`` the player is ``FRONTLINE_PLAYER`` from the environment, else the name saved
by the game (the profile in its settings file, ``settings.json`` in the user config folder: read
here as JSON, without importing the game or pygame), else the operating system user name, else
"player".
"""

from __future__ import annotations

import argparse
import getpass
import os
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from simulator.results.location import StoreError

if TYPE_CHECKING:
    from scoring.catalog import Catalog
    from simulator.engine.session import PlaySession
    from simulator.results.records import RunRecord
    from simulator.results.saving import SaveOutcome

SAVE_FAILED_EXIT = 3
SETTINGS_FILE = "settings.json"  # the game's file (simulator.app.settings.SETTINGS_FILE)
MAX_SETTINGS_BYTES = 4 * 1024 * 1024


def add_result_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("results (saved after every run, finished or not)")
    group.add_argument("--player", help="player name (default: $FRONTLINE_PLAYER, else the name saved in the "
                       "game, else your user name)")
    group.add_argument("--team", default="", help="team name, for workshop comparisons")
    group.add_argument("--workshop", default="", help="workshop code shared by the room")
    group.add_argument("--db", metavar="URL", help="results database: sqlite:///file.db or "
                       "postgresql://user:pass@host/db (default: $FRONTLINE_DB or a file in your data folder)")


def saved_game_name() -> str:
    """The player name the game saved in its settings profile, or "" (no file, unreadable, no name).
    Mirrors ``simulator.app.settings``: ``config_dir()/settings.json`` -> ``profile.name``, stripped,
    at most 60 characters."""
    import json

    from simulator.paths import config_dir

    try:
        raw = (config_dir() / SETTINGS_FILE).read_bytes()
        if len(raw) > MAX_SETTINGS_BYTES:
            return ""
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return ""
    profile = data.get("profile") if isinstance(data, dict) else None
    name = profile.get("name") if isinstance(profile, dict) else None
    return name.strip()[:60] if isinstance(name, str) else ""


def default_player() -> str:
    name = os.environ.get("FRONTLINE_PLAYER", "").strip() or saved_game_name()
    if name:
        return name
    try:
        return getpass.getuser() or "player"
    except (KeyError, OSError):
        return "player"


def player_name(args: argparse.Namespace) -> str:
    return (getattr(args, "player", None) or "").strip() or default_player()


def check_store(args: argparse.Namespace) -> str | None:
    """None when the results store opens, else a message explaining why not."""
    from simulator.results.store import open_store

    try:
        with open_store(getattr(args, "db", None)):
            return None
    except StoreError as error:
        return f"results: {error}"


@dataclass(frozen=True)
class PlayedRun:
    """A scored run and what became of it: ``finished`` (else abandoned), the ``record`` and the
    store's ``outcome`` (saved, or why not and where it is kept)."""

    finished: bool
    record: RunRecord
    outcome: SaveOutcome

    @property
    def saved(self) -> bool:
        return self.outcome.saved


def save_played_run(args: argparse.Namespace, session: PlaySession, catalog: Catalog,
                    started_at: datetime) -> tuple[bool, str]:
    """Score the session (finished or abandoned), save it; (stored?, message for the player in English)."""
    played = score_and_save(args, session, catalog, started_at)
    return played.saved, played_message(played)


def played_message(played: PlayedRun) -> str:
    """What became of ``played``, in English."""
    status = "finished" if played.finished else "abandoned"
    if played.saved:
        return f"Saved this {status} run for {played.record.player} to {played.outcome.where}."
    return unsaved_message(f"this {status} run", played.outcome, played.record)


def score_and_save(args: argparse.Namespace, session: PlaySession, catalog: Catalog,
                   started_at: datetime) -> PlayedRun:
    """Score the session (finished or abandoned) and save it (or keep it locally: ``save_or_keep``)."""
    from scoring.scorer import score_run
    from simulator.results.records import new_run_id, now_utc, record_from_report
    from simulator.results.saving import save_or_keep

    scenario = session.owner.scenario
    report = score_run(scenario, session.transcript, catalog, session.ending, details=session.details)
    record = record_from_report(
        run_id=new_run_id(), player=player_name(args), team=(args.team or "").strip(),
        workshop=(args.workshop or "").strip(), content_hash=session.owner.content_hash, mode=args.mode,
        started_at=started_at, ended_at=now_utc(), report=report, transcript=session.transcript,
        seed=args.seed)
    return PlayedRun(report.finished, record, save_or_keep(record, getattr(args, "db", None)))


def unsaved_message(what: str, outcome: SaveOutcome, record: RunRecord) -> str:
    """Why ``what`` (e.g. "this finished run") was not stored, where it is kept and the command that
    adds it later; with nowhere to keep it (a full disk) the run itself as one importable line, so
    the terminal holds the last copy."""
    from simulator.paths import command_name

    message = f"Could not save {what} to {outcome.where}: {outcome.reason}"
    if outcome.kept_in is not None:
        return message + (f"\nThe run is kept in {outcome.kept_in}; add it later with: "
                          f"{command_name()} results import {outcome.kept_in} --db URL")
    import json

    return message + ("\nSo that the run is not lost, here it is as one line: save it to a file (for example "
                      f"run.jsonl) and add it later with: {command_name()} results import run.jsonl\n"
                      + json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")))
