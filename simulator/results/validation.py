"""Strict checks for run records that come from outside (``results import``, ``unsaved-runs.jsonl``).

Contract: ``record_from_line(line)`` returns a ``RunRecord`` or raises ``ValueError`` with one short
reason (never another exception, whatever the line holds). It refuses lines over
``MAX_LINE_CHARS``; JSON with NaN/Infinity, nesting deeper than ``MAX_DEPTH`` or text that is not
valid Unicode (lone surrogates); fields of the wrong type (no coercion: "80" is not a score);
scores outside 0..100; names, codes and texts over their caps; ids that the scenario format
would refuse; dates that are not ISO 8601 or lie outside years 2000..9000 once in UTC.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from datetime import UTC, datetime
from typing import Any

from simulator.results.records import ABANDONED, FINISHED, RunRecord

MAX_LINE_CHARS = 2_000_000
MAX_DEPTH = 12
MAX_NAME = 60  # player, team, workshop (the game caps profile fields at 60 too)
MAX_TEXT = 4_000  # any string inside the transcript
MAX_STEPS = 5_000
MAX_PRINCIPLES = 200
ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MODES = ("coach", "assessment", "certification", "room")  # room: a call the whole room played (room_run)
YEARS = (2000, 9000)


def record_from_line(line: str) -> RunRecord:
    if len(line) > MAX_LINE_CHARS:
        raise ValueError(f"line is {len(line)} characters long, more than {MAX_LINE_CHARS}")
    data = _parse(line)
    if not isinstance(data, dict):
        raise ValueError("not a run record (expected a JSON object)")
    _check_tree(data, 0)
    return _record(data)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _parse(line: str) -> Any:
    try:
        return json.loads(line, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as error:  # NaN/Infinity, integers with too many digits
        raise ValueError(f"bad number ({str(error)[:80]})") from None


def _check_tree(value: Any, depth: int) -> None:
    """Depth, valid Unicode, finite numbers and text sizes everywhere in the record."""
    if depth > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        _check_text(value, MAX_TEXT, "a text")
    elif isinstance(value, float) and not math.isfinite(value):
        raise ValueError("a number is not finite")
    elif isinstance(value, int) and not isinstance(value, bool) and not -(2**53) <= value <= 2**53:
        raise ValueError("a whole number is too large")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, 200, "a key")
            _check_tree(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_tree(item, depth + 1)


def _check_text(text: str, cap: int, what: str) -> None:
    if len(text) > cap:
        raise ValueError(f"{what} is {len(text)} characters long, more than {cap}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{what} holds invalid Unicode (a lone surrogate)") from None


def _text(data: dict[str, Any], key: str, cap: int, *, required: bool = True) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text")
    value = value.strip()
    if required and not value:
        raise ValueError(f"{key} must not be empty")
    if len(value) > cap:
        raise ValueError(f"{key} is {len(value)} characters long, more than {cap}")
    return value


def _score(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise ValueError(f"{what} must be a whole number from 0 to 100, not {str(value)[:20]}")
    return value


def _moment(data: dict[str, Any], key: str) -> datetime:
    raw = _text(data, key, 64)
    try:
        moment = datetime.fromisoformat(raw)
        in_utc = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        raise ValueError(f"{key} '{raw}' is not an ISO 8601 date and time") from None
    if not YEARS[0] <= in_utc.year <= YEARS[1]:
        raise ValueError(f"{key} '{raw}' is outside the years {YEARS[0]}-{YEARS[1]}")
    return in_utc


def _scenario_id(data: dict[str, Any]) -> str:
    value = _text(data, "scenario_id", 64)
    if not ID.match(value):
        raise ValueError(f"scenario_id '{value}' is not a scenario id (lower-case letters, digits, - and _)")
    return value


def _principles(value: Any) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict) or len(value) > MAX_PRINCIPLES:
        raise ValueError(f"principle_scores must be an object of at most {MAX_PRINCIPLES} scores")
    for key in value:
        if not ID.match(key):
            raise ValueError(f"principle id '{key[:40]}' is not an id (lower-case letters, digits, - and _)")
    return {key: _score(score, f"the score of {key}") for key, score in value.items()}


def _transcript(value: Any) -> list[dict[str, Any]]:
    """Steps as the store keeps them: unique small ``index``, text ``node_id``/``choice_id``."""
    if not isinstance(value, list) or len(value) > MAX_STEPS or not all(isinstance(s, dict) for s in value):
        raise ValueError(f"transcript must be a list of at most {MAX_STEPS} objects")
    seen: set[int] = set()
    for position, step in enumerate(value):
        index = step.get("index", position)
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < MAX_STEPS or index in seen:
            raise ValueError(f"transcript step {position + 1} has a bad or repeated index")
        seen.add(index)
        for key in ("node_id", "choice_id"):
            if not isinstance(step.get(key, ""), str):
                raise ValueError(f"transcript step {position + 1}: {key} must be text")
        if not isinstance(step.get("timed_out", False), bool):
            raise ValueError(f"transcript step {position + 1}: timed_out must be true or false")
    return value


def _record(data: dict[str, Any]) -> RunRecord:
    try:
        run_id = str(uuid.UUID(_text(data, "run_id", 64)))
    except ValueError as error:
        raise ValueError(f"run_id is not a UUID ({error})") from None
    status = data.get("status")
    if status not in (FINISHED, ABANDONED):
        raise ValueError(f"bad status '{str(status)[:20]}' (expected finished or abandoned)")
    mode = data.get("mode")
    if mode not in MODES:
        raise ValueError(f"bad mode '{str(mode)[:20]}' (expected coach, assessment, certification or room)")
    outcome = data.get("outcome")
    if outcome is not None and not (isinstance(outcome, str) and ID.match(outcome)):
        raise ValueError("outcome must be an id or null")
    transcript = _transcript(data.get("transcript") or [])
    seed = data.get("seed", "0")
    if isinstance(seed, bool) or not isinstance(seed, str | int) or len(str(seed)) > 64:
        raise ValueError("seed must be text or a whole number")
    started, ended = _moment(data, "started_at"), _moment(data, "ended_at")  # laptops' clocks differ: any order
    return RunRecord(
        run_id=run_id, player=_text(data, "player", MAX_NAME), team=_text(data, "team", MAX_NAME, required=False),
        workshop=_text(data, "workshop", MAX_NAME, required=False), scenario_id=_scenario_id(data),
        content_hash=_text(data, "content_hash", 128, required=False), mode=mode, started_at=started,
        ended_at=ended, status=status, outcome=outcome, overall=_score(data.get("overall"), "overall"),
        principle_scores=_principles(data.get("principle_scores")),
        transcript=tuple(transcript), seed=str(seed))
