"""Explaining YAML syntax errors that quotes cause, at the place the trainer has to fix.

Contract: ``quote_problem(text, error)`` takes the text and the ``yaml.MarkedYAMLError`` PyYAML
raised for it and returns ``(line, column, message, hint)`` (1-based) when a quote caused the
error, else None. Two causes are recognised:

* A quote that is never closed. libyaml reports it at the end of the file ("found unexpected end
  of stream") or, when a later quote happens to close it, at some later line. It is reported at
  the line where it opened, with "close the quote" advice. For the second case the quote blamed is
  the last one before the error that is still open at the end of its line, and only if closing it
  there makes the error go away or move further down the file (so a text deliberately quoted over
  several lines is not blamed for an unrelated error).
* An apostrophe inside a text in single quotes (``'It's late'``): the apostrophe ends the text.
* A text (``line:``, ``text:``...) that starts with ``[`` or ``{``: YAML reads a list or mapping.
* An unquoted `` #`` inside ``{...}`` or ``[...]``: the comment cuts the mapping or list short.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

CLOSE_HINT = ("close the quote at the end of the text; inside double quotes write \\\" for a quote mark, "
              "inside single quotes write '' for an apostrophe")
BRACKET_HINT = "put the whole text in quotes (\"[laughs] Fine.\")"
TEXT_KEYS = ("line", "text", "narration", "feedback", "debrief", "title", "summary", "situation", "name")
_BRACKETED_TEXT = re.compile(rf"^\s*(?:-\s+)?(?:{'|'.join(TEXT_KEYS)}):\s+[\[{{]")
APOSTROPHE_HINT = "put the whole text in double quotes (\"It's late\"), or write the apostrophe twice ('It''s late')"


def _starts_value(line: str, index: int) -> bool:
    """True when a quote at ``index`` opens a scalar (not an apostrophe inside plain text)."""
    head = line[:index]
    stripped = head.rstrip()
    if not stripped or stripped.endswith(("[", "{", ",")):
        return True
    return head != stripped and stripped.endswith((":", "-"))


def _closing(line: str, start: int) -> int | None:
    """Index of the quote that closes the one at ``start`` on this line, or None."""
    quote, j = line[start], start + 1
    while j < len(line):
        if quote == '"' and line[j] == "\\":
            j += 2
            continue
        if line[j] == quote:
            if quote == "'" and line[j + 1:j + 2] == "'":
                j += 2
                continue
            return j
        j += 1
    return None


def _quotes(line: str) -> list[tuple[int, int | None]]:
    """(opening index, closing index or None) of each quoted scalar on the line, comments skipped."""
    found: list[tuple[int, int | None]] = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "#" and (i == 0 or line[i - 1] in " \t"):
            break
        if ch in "\"'" and _starts_value(line, i):
            close = _closing(line, i)
            found.append((i, close))
            if close is None:
                break
            i = close
        i += 1
    return found


def _first_error_line(text: str) -> int | None:
    """1-based line of the first syntax error in ``text`` (None if it parses)."""
    loader = _Loader(text)
    try:
        while loader.get_event() is not None:
            pass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return mark.line + 1 if mark is not None else 0
    except yaml.YAMLError:
        return 0
    finally:
        loader.dispose()
    return None


def _unclosed_before(text: str, error_line: int) -> tuple[int, int] | None:
    """(line, column) of the last quote before ``error_line`` open at its line's end, if to blame."""
    lines = text.split("\n")
    for k in range(min(error_line, len(lines)) - 1, -1, -1):
        opened = [start for start, close in _quotes(lines[k]) if close is None]
        if not opened:
            continue
        start = opened[0]
        fixed = "\n".join(lines[:k] + [lines[k] + lines[k][start]] + lines[k + 1:])
        later = _first_error_line(fixed)
        return (k + 1, start + 1) if later is None or later > error_line else None
    return None


def _apostrophe(line: str) -> bool:
    """True when a single-quoted text on the line is ended by an apostrophe inside a word."""
    return any(close is not None and line[start] == "'" and line[close + 1:close + 2].isalpha()
               for start, close in _quotes(line))


def _comment_in_flow(lines: list[str], error: Any) -> tuple[int, int] | None:
    """(line, column) of an unquoted ' #' on the line where a broken flow mapping or list starts."""
    start = error.context_mark
    if start is None or not str(error.context or "").startswith("while parsing a flow") or start.line >= len(lines):
        return None
    line = lines[start.line]
    quoted = [(a, len(line) if b is None else b) for a, b in _quotes(line)]
    for found in re.finditer(r"[ \t]#", line):
        if not any(a < found.start() < b for a, b in quoted):
            return start.line + 1, found.start() + 2
    return None


def quote_problem(text: str, error: Any) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) when a quote caused ``error`` (see the module doc), else None."""
    mark, start = error.problem_mark, error.context_mark
    if mark is None:
        return None
    if error.problem == "found unexpected end of stream" and error.context == "while scanning a quoted scalar" \
            and start is not None:
        return (start.line + 1, start.column + 1, "YAML syntax error: the quote opened here is never closed "
                "(YAML read on to the end of the file)", CLOSE_HINT)
    lines = text.split("\n")
    if mark.line < len(lines) and _apostrophe(lines[mark.line]):
        return (mark.line + 1, mark.column + 1, "YAML syntax error: an apostrophe ends this text, which "
                "starts with a single quote", APOSTROPHE_HINT)
    if mark.line < len(lines) and _BRACKETED_TEXT.match(lines[mark.line]):
        return (mark.line + 1, mark.column + 1, "YAML syntax error: a text that starts with [ or { is read as "
                "a list or a mapping", BRACKET_HINT)
    comment = _comment_in_flow(lines, error)
    if comment is not None:
        return (*comment, "YAML syntax error: ' #' starts a comment, which cuts this {...} or [...] short",
                "put the text that contains '#' in quotes (\"Order #12 is late\")")
    opened = _unclosed_before(text, mark.line + 1)
    if opened is not None:
        return (*opened, f"YAML syntax error: the quote opened here is not closed on its line, so YAML read "
                f"on into the lines below and got stuck at line {mark.line + 1} ({error.problem})", CLOSE_HINT)
    return None
