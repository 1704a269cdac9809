"""The resume save: the game in progress, written after every choice so a closed window loses nothing.

Contract: one file, ``data_dir()/saves/resume.json``, written atomically (temp + ``os.replace``).
``read_resume(path)`` returns the saved dict or None (a damaged file is logged and ignored, never
raised). The dict holds ``scenario_id``, ``path``, ``mode``, ``player``, ``started_at`` and the
engine's ``snapshot``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from simulator.app.settings import write_json_atomic

log = logging.getLogger(__name__)
RESUME_FORMAT = 1


def resume_path() -> Path:
    from simulator.paths import data_dir

    return data_dir() / "saves" / "resume.json"


def write_resume(path: Path, data: dict[str, Any]) -> None:
    try:
        write_json_atomic(path, {"resume_format": RESUME_FORMAT, **data})
    except (OSError, TypeError, ValueError) as error:
        log.warning("could not save the game in progress to %s: %s", path, error)


def read_resume(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.warning("ignoring damaged saved game %s: %s", path, error)
        return None
    if not isinstance(data, dict) or data.get("resume_format") != RESUME_FORMAT or not isinstance(
            data.get("snapshot"), dict) or not isinstance(data.get("scenario_id"), str):
        log.warning("ignoring saved game %s: unexpected contents", path)
        return None
    return data


def clear_resume(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        log.warning("could not remove saved game %s: %s", path, error)
