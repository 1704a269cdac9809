"""Turning pydantic validation errors into ``file:line:col`` problems with a fix hint.

Contract: ``problems_from_validation(error, document)`` returns one ``Problem`` per pydantic
error, located through the document's position map, worded for a trainer (not a programmer).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from simulator.content.files import read_content
from simulator.content.problems import ContentError, Problem
from simulator.content.yaml_reader import YamlDocument, parse_yaml

M = TypeVar("M", bound=BaseModel)

KNOWN_KEYS = (
    "schema_version", "id", "title", "summary", "difficulty", "estimated_minutes", "principles",
    "customer", "start", "nodes", "name", "situation", "portrait", "state", "speaker", "narration",
    "line", "when", "text", "time_limit", "timeout_choice", "shuffle", "choices", "ending", "next",
    "effects", "grades", "feedback", "condition", "locked_hint", "outcome", "quality", "debrief",
    # test plans, curriculum and catalog files
    "scenario", "plans", "path", "seed", "expect", "min_score", "max_score", "reaches", "min", "max",
    "stages", "rationale", "scenarios", "description", "done_well", "done_badly", "sources",
)


TEXT_OR_VARIANTS = ("line", "debrief")  # text, or a list of variants: a number there is meant as text


def _not_text(where: str, value: Any) -> tuple[str, str]:
    """Message and hint for a number, true/false, nothing or a list where text belongs."""
    if value is None:
        return f"{where} is empty", "write the text after the colon, or remove the key"
    if isinstance(value, bool):
        shown = "true" if value else "false"
        return f"{where} must be text, not {shown}", f'this must be text: put it in quotes ("{shown}")'
    if isinstance(value, (int, float)):
        return f"{where} must be text, not the number {value}", f'this must be text: put it in quotes ("{value}")'
    if isinstance(value, (list, dict)):
        return (f"{where} must be text", "this must be text: a text that starts with [ or { must be put in "
                "quotes (\"[laughs] Fine.\")")
    return f"{where} must be text", "this must be text: put it in quotes"


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc) or "the file"


def _hint_for_unknown(key: str) -> str:
    close = difflib.get_close_matches(key, [known for known in KNOWN_KEYS if known != key], n=1)
    if close:
        return f"did you mean '{close[0]}'? Otherwise remove '{key}'"
    return f"remove '{key}'; see docs/scenario-format.md for the keys allowed here"


def _describe(err: dict[str, Any]) -> tuple[str, str]:
    """Message and hint for one pydantic error."""
    kind, loc = err["type"], err["loc"]
    last = str(loc[-1]) if loc else ""
    where = _where(loc)
    if kind == "missing":
        return f"missing required key '{last}' in {_where(loc[:-1])}", f"add '{last}:' here"
    if kind == "extra_forbidden":
        return f"unknown key '{last}' in {_where(loc[:-1])}", _hint_for_unknown(last)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{where} must be a whole number", "write a number such as 10 (no quotes, no decimals)"
    if kind == "string_type" or (kind in ("list_type", "tuple_type") and last in TEXT_OR_VARIANTS
                                 and not isinstance(err.get("input"), (list, dict))):
        return _not_text(where, err.get("input"))
    if kind in ("dict_type", "model_type", "model_attributes_type") and len(loc) > 1 \
            and loc[-2] in TEXT_OR_VARIANTS and isinstance(err.get("input"), str):
        return (f"{_where(loc[:-1])} must be text or a list of variants", "a text that starts with [ must be "
                "put in quotes (\"[laughs] Fine.\"); variants are '- when: ...' lines with 'text:' under them")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"{where} must be a mapping of keys to values", "indent 'key: value' lines under it"
    if kind in ("list_type", "tuple_type"):
        return f"{where} must be a list", "write one '- item' line per entry"
    if kind in ("bool_type", "bool_parsing"):
        return f"{where} must be true or false", "write true or false"
    if kind == "string_pattern_mismatch":
        return (f"{where} is not a valid id or name: {err.get('input')!r}",
                "use lower-case letters, digits, '-' or '_', starting with a letter or digit")
    if kind == "literal_error" and last == "schema_version":
        return "unsupported schema_version", "set 'schema_version: 1' (the only version so far)"
    if kind in ("string_too_long", "too_long"):
        return f"{where} is too long: {err['msg'].lower()}", "shorten it"
    if kind in ("string_too_short", "too_short"):
        return f"{where} is empty: {err['msg'].lower()}", "fill it in"
    if kind in ("enum", "literal_error"):
        expected = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
        close = difflib.get_close_matches(str(err.get("input")), expected, n=1, cutoff=0.4)
        return f"{where}: {err['msg']}", f"did you mean '{close[0]}'?" if close else "use one of the values listed"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{where}: {err['msg'].lower()}", "change the number to fit the range"
    if kind.startswith("condition"):
        return f"{where}: {err['msg']}", "see 'Conditions' in docs/scenario-format.md for the syntax"
    if kind == "mood_missing":
        return f"{where}: {err['msg']}", "add 'mood: 50' (0 = furious, 100 = delighted)"
    return f"{where}: {err['msg']}", "see docs/scenario-format.md"


def problems_from_validation(error: ValidationError, document: YamlDocument) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[int, int, str]] = set()
    for err in error.errors(include_url=False):
        loc = tuple(part for part in err["loc"] if not isinstance(part, str) or not part.startswith("function-"))
        message, hint = _describe({**err, "loc": loc})
        line, column = document.where(loc, key=err["type"] == "extra_forbidden")
        key = (line, column, message)
        if key not in seen:
            seen.add(key)
            problems.append(Problem(document.file, line, column, message, hint))
    return problems


def load_model_file(path: Path, model: type[M], what: str, root: Path | None = None) -> tuple[M, YamlDocument]:
    """Read a content file safely, parse it strictly and validate it as ``model``.

    Returns the model and the parsed document (for locating later problems); raises
    ``ContentError`` with every problem located in the file. ``what`` names the kind of file in
    the message for a file that is not a mapping (e.g. "a test plan").
    """
    text, _ = read_content(Path(path), root)
    document = parse_yaml(text, str(path))
    if not isinstance(document.data, dict):
        raise ContentError([document.problem((), f"the file does not hold {what} mapping",
                                             "start the file with 'schema_version: 1'")])
    try:
        return model.model_validate(document.data), document
    except ValidationError as error:
        raise ContentError(problems_from_validation(error, document)) from None
