"""The resume save: the game in progress, written after every choice so a closed window loses nothing.

Contract: one file, ``data_dir()/saves/resume.json``, written atomically (temp + ``os.replace``).
``read_resume(path)`` returns the saved dict or None (a damaged file, including one whose
transcript is not a list or that holds non-finite numbers such as ``1e999``, is moved aside to
``resume.json.broken`` and logged, never raised; ``read_resume(path, moved)`` also appends where it
went, so the title screen can tell the player). The dict holds ``scenario_id``, ``path``,
``mode``, ``player``, ``started_at`` and the engine's ``snapshot``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulator.app.settings import DamagedFile, move_aside, read_json_file, write_json_atomic
from simulator.util import LazyLogger

log = LazyLogger(__name__)
RESUME_FORMAT = 1


def resume_path() -> Path:
    from simulator.paths import data_dir

    return data_dir() / "saves" / "resume.json"


def write_resume(path: Path, data: dict[str, Any]) -> None:
    try:
        write_json_atomic(path, {"resume_format": RESUME_FORMAT, **data})
    except (OSError, TypeError, ValueError) as error:
        log.warning("could not save the game in progress to %s: %s", path, error)


def read_resume(path: Path, moved: list[Path] | None = None) -> dict[str, Any] | None:
    """The saved game, or None. A damaged file is moved aside (``resume.json.broken``), reported
    once in the log and, when ``moved`` is given, appended to it (where it went; ``path`` itself
    when it could not be moved), so the title screen offers no resume and says why."""
    try:
        data = read_json_file(path)
    except FileNotFoundError:
        return None
    except DamagedFile as error:
        return _damaged(path, str(error), moved)
    except OSError as error:
        log.warning("cannot read the saved game %s: %s", path, error)
        return None
    problem = _shape_problem(data)
    return _damaged(path, problem, moved) if problem else data


def _shape_problem(data: Any) -> str:
    """Why ``data`` is not a resume save this version can use ("" when it is)."""
    if not isinstance(data, dict) or data.get("resume_format") != RESUME_FORMAT:
        return "is not a saved game of this version"
    snapshot = data.get("snapshot")
    if not isinstance(snapshot, dict) or not isinstance(data.get("scenario_id"), str):
        return "has no snapshot or scenario id"
    if not isinstance(snapshot.get("transcript", []), list):
        return "has a transcript that is not a list"
    if not all(isinstance(step, dict) for step in snapshot.get("transcript", [])):
        return "has a transcript step that is not an object"
    for key in ("title", "path", "mode", "player", "started_at"):
        if key in data and not isinstance(data[key], str):
            return f"has a bad {key}"
    return ""


def _damaged(path: Path, why: str, moved: list[Path] | None = None) -> None:
    aside = move_aside(path)
    log.warning("the saved game %s %s; %s", path, why,
                f"moved to {aside}" if aside else "it could not be moved aside")
    if moved is not None:
        moved.append(aside or path)
    return None


def clear_resume(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        log.warning("could not remove saved game %s: %s", path, error)
