"""A strict, data-only YAML reader for untrusted content files.

Contract: ``parse_strict(text, file)`` returns a ``YamlDocument`` of plain Python data (dict,
list, str, int, float, bool, None) plus the 1-based line/column of every value and key, or
raises ``ContentError`` listing what is wrong. It never constructs objects from tags and never
expands aliases: the strict reader walks PyYAML's event stream (the C parser
when present) itself, so that

* tags (``!!python/object``, ``!!str`` ...), anchors, aliases and merge keys (``<<``) are refused;
* duplicate keys are refused instead of silently keeping the last one;
* nesting deeper than ``limits.MAX_DEPTH`` is refused before any recursive code can overflow;
* plain scalars follow a small YAML 1.2-like schema: ``No``/``off``/``yes`` stay strings,
  ``012`` stays the string ``"012"``, ``12:30`` stays a string; only ``true``/``false``,
  ``null``/``~``, decimal integers and decimal floats are converted;
* mapping keys are always strings.

This is the reader of record: every refusal and every message comes from it. It costs Python work
per event (about 4 s for a 9 MB file), so the product reads YAML through ``yaml_reader.parse_yaml``,
which lets ``fast_yaml`` answer for large texts where it provably gives the same data; that module
and this one do not import each other (both read their caps from ``limits``). Documents made from
other data (the fast path, the parse cache) get their position tables lazily from this reader
(``YamlDocument.from_cache``), only when a message needs a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from simulator.content import limits  # read at call time: a patched cap applies to every reader
from simulator.content.problems import ContentError, Problem
from simulator.content.yaml_quotes import quote_problem

try:  # the C parser is about 7x faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


@dataclass(frozen=True)
class YamlDocument:
    """Parsed data plus where each value (``positions``) and each key (``key_positions``) is.

    A document made from cached data or by the fast path (``from_cache``) has no position tables
    until one is asked for; then the strict reader parses ``source`` once to find them (this only
    happens on an error path).
    """

    file: str
    data: Any
    positions: dict[Path, tuple[int, int]] | None = field(repr=False)
    key_positions: dict[Path, tuple[int, int]] | None = field(repr=False)
    source: str = field(default="", repr=False, compare=False)

    @classmethod
    def from_cache(cls, file: str, data: Any, source: str) -> YamlDocument:
        return cls(file, data, None, None, source)

    def _tables(self) -> tuple[dict[Path, tuple[int, int]], dict[Path, tuple[int, int]]]:
        """The position tables, computed by the strict reader on first use.

        Should the strict reader refuse the source (the data then came from a reader that disagreed
        with it, or a cache entry that does not belong to the source), the tables stay empty and
        every place is reported as line 1, column 1 rather than raising from an error path.
        """
        if self.positions is None or self.key_positions is None:
            try:
                parsed = parse_strict(self.source, self.file)
                positions, key_positions = parsed.positions or {}, parsed.key_positions or {}
            except ContentError:
                positions, key_positions = {}, {}
            object.__setattr__(self, "positions", positions)
            object.__setattr__(self, "key_positions", key_positions)
        return self.positions, self.key_positions  # type: ignore[return-value]

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Line and column of ``path``, or of its nearest existing ancestor."""
        positions, key_positions = self._tables()
        table = key_positions if key else positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in positions:
                return positions[probe]
            probe = probe[:-1]
        return positions.get((), (1, 1))

    def problem(self, path: Path, message: str, hint: str = "", *, key: bool = False) -> Problem:
        line, column = self.where(path, key=key)
        return Problem(self.file, line, column, message, hint)


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: Path
    key: str | None = None
    key_mark: tuple[int, int] | None = None


def resolve_plain(value: str) -> Any:
    """Convert a plain (unquoted) scalar by the small schema described in the module doc."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # over Python's digit limit (4300): keep the text, validation reports it
            return value
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


class _Builder:
    """Builds data from events, collecting problems; stops early only where it must."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.positions: dict[Path, tuple[int, int]] = {}
        self.key_positions: dict[Path, tuple[int, int]] = {}
        self.documents = 0
        self.values = 0

    def report(self, mark: Any, message: str, hint: str) -> None:
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        self.problems.append(Problem(self.file, line, column, message, hint))
        if len(self.problems) >= limits.MAX_PROBLEMS:
            raise ContentError(self.problems)

    def check_props(self, event: Any) -> None:
        if getattr(event, "anchor", None):
            self.report(
                event.start_mark,
                f"anchor '&{event.anchor}' is not allowed",
                "write the value out in full; anchors and aliases are refused",
            )
        if getattr(event, "tag", None):
            self.report(
                event.start_mark,
                f"tag '{event.tag}' is not allowed",
                "remove the tag; scenario files hold plain text, numbers and lists only",
            )

    def handle(self, event: Any) -> None:
        kind = type(event).__name__
        if kind in ("ScalarEvent", "MappingStartEvent", "SequenceStartEvent", "AliasEvent"):
            self.values += 1
            if self.values > limits.MAX_VALUES:
                self.report(event.start_mark, f"the file holds more than {limits.MAX_VALUES:,} values",
                            "split the scenario into smaller ones")
                raise ContentError(self.problems)
        if kind == "DocumentStartEvent":
            self.documents += 1
            if self.documents > 1:
                self.report(event.start_mark, "more than one YAML document in the file",
                            "keep one document per file; remove the extra '---'")
                raise ContentError(self.problems)
        elif kind == "ScalarEvent":
            self.check_props(event)
            quoted = event.style not in (None, "")
            value = event.value if quoted else resolve_plain(event.value)
            self.add(value, event, raw=event.value, plain=not quoted)
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            self.check_props(event)
            self.open(event, {} if kind == "MappingStartEvent" else [])
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            frame = self.stack.pop()
            if not self.stack:
                self.root = frame.container
        elif kind == "AliasEvent":
            self.report(event.start_mark, f"alias '*{event.anchor}' is not allowed",
                        "write the value out in full; anchors and aliases are refused")
            self.add(None, event, raw="", plain=False)

    def open(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        if len(self.stack) >= limits.MAX_DEPTH:
            self.report(event.start_mark, f"nesting is deeper than {limits.MAX_DEPTH} levels", _DEPTH_HINT)
            raise ContentError(self.problems)
        path = self.place(container, event)
        if path is not None:
            self.stack.append(_Frame(container, path))

    def place(self, value: Any, event: Any) -> Path | None:
        """Attach ``value`` to the current container; returns its path (None if dropped)."""
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        if not self.stack:
            self.positions[()] = mark
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            path = frame.path + (len(frame.container),)
            frame.container.append(value)
        else:
            if frame.key is None:
                self.report(event.start_mark, "a mapping key must be plain text",
                            "use a simple word as the key, such as 'title:'")
                frame.key = "\0key"
            path = frame.path + (frame.key,)
            if not frame.key.startswith("\0"):
                frame.container[frame.key] = value
                self.key_positions[path] = frame.key_mark or mark
            if frame.key == "\0key":  # a list or mapping used as a key: its value comes next
                frame.key = "\0invalid"
            else:
                frame.key = None
        self.positions[path] = mark
        return path

    def add(self, value: Any, event: Any, *, raw: str, plain: bool) -> None:
        if not self.stack:
            self.root = value
            self.positions[()] = (event.start_mark.line + 1, event.start_mark.column + 1)
            return
        frame = self.stack[-1]
        if isinstance(frame.container, dict) and frame.key is None:
            self.take_key(frame, raw, plain, event)
            return
        self.place(value, event)

    def take_key(self, frame: _Frame, raw: str, plain: bool, event: Any) -> None:
        if plain and raw == "<<":
            self.report(event.start_mark, "merge key '<<' is not allowed",
                        "write the keys out in full; merge keys are refused")
            frame.key = "\0merge"
        elif raw in frame.container:
            self.report(event.start_mark, f"duplicate key '{raw}'",
                        "each key may appear once in a mapping; remove or rename one, or, if this "
                        "starts a new list item, put '- ' before its first key")
            frame.key = "\0duplicate"
        elif raw.startswith("\0"):  # the builder marks its own placeholder keys this way
            self.report(event.start_mark, "a key may not start with a NUL character ('\\0')",
                        "remove the \\0 escape from the key")
            frame.key = "\0invalid"
        else:
            frame.key = raw
        frame.key_mark = (event.start_mark.line + 1, event.start_mark.column + 1)


def _reader_problem(error: yaml.reader.ReaderError, text: str, file: str) -> Problem:
    """Locate a forbidden character: the C reader counts UTF-8 bytes, the Python one characters."""
    char = error.character
    code = char if isinstance(char, int) else ord(char[:1] or "?")
    position = error.position
    if _Loader.__name__.startswith("C"):
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return Problem(file, line, column, f"YAML error: the character U+{code:04X} is not allowed in YAML",
                   "remove it, or write it as an escape such as \\t inside double quotes")


def _feed(builder: _Builder, text: str) -> None:
    """Hand every parser event to ``builder``: ``yaml.parse`` without its generator, which made
    two calls into the parser per event (check, then get) and cost about 40% of the parse."""
    loader = _Loader(text)
    try:
        event = loader.get_event()
        while event is not None:
            builder.handle(event)
            event = loader.get_event()
    finally:
        loader.dispose()


_SYNTAX_HINTS = (
    ("tab character", "replace the tab with spaces: YAML indents with spaces only"),
    ("mapping values are not allowed",
     "a text with ': ' in it needs quotes around the whole text; a 'key:value' needs a space after the "
     "colon; a key must line up with its siblings (check this line and the one above)"),
    ("could not find expected ':'", "write 'key: value' with a space after the colon"),
    ("did not find expected key", "line this key up with the keys above it (same number of spaces)"),
    ("did not find expected '-' indicator", "line this '- ' up with the other items of the list"),
    ("found unexpected end of stream", "a quote or bracket opened earlier is never closed"),
)


_DEPTH_HINT = "flatten the structure; scenarios need only a few levels"


def _flow_depth_at(text: str, index: int) -> int:
    """How many ``[``/``{`` are open at ``index`` (quotes ignored: only used to explain an error)."""
    prefix = text[: max(0, index) + 1]
    return (prefix.count("[") + prefix.count("{")) - (prefix.count("]") + prefix.count("}"))


def _syntax_hint(problem: str) -> str:
    for fragment, hint in _SYNTAX_HINTS:
        if fragment in problem:
            return hint
    return "check indentation, colons and quotes near this place"


def parse_strict(text: str, file: str) -> YamlDocument:
    """Parse ``text`` (already decoded) as one strict YAML document; see the module doc.

    The strict reader alone: PyYAML's events walked by ``_Builder``, with full position tables.
    Raises ``ContentError`` listing every problem found (at most ``limits.MAX_PROBLEMS``).
    """
    builder = _Builder(file)
    try:
        _feed(builder, text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = error.problem or error.context or "the YAML syntax is broken"
        start = error.context_mark
        if error.problem and error.context and start is not None and mark is not None and start.line != mark.line:
            reason += f" ({error.context} that starts at line {start.line + 1})"  # e.g. an unclosed quote
        quote = quote_problem(text, error)
        if mark is not None and _flow_depth_at(text, mark.index) >= limits.MAX_DEPTH:
            # libyaml 0.2.6+ has its own nesting limit and may refuse a deep file in its scanner
            # before our builder sees the events: report it as the reader's own depth refusal.
            builder.report(mark, f"nesting is deeper than {limits.MAX_DEPTH} levels", _DEPTH_HINT)
        elif quote is not None:  # reported where the quote opened, not where libyaml gave up
            builder.problems.append(Problem(file, *quote))
        else:
            builder.report(mark, f"YAML syntax error: {reason}", _syntax_hint(error.problem or ""))
    except yaml.reader.ReaderError as error:  # a character YAML forbids; it has a position, no mark
        builder.problems.append(_reader_problem(error, text, file))
    except yaml.YAMLError as error:
        builder.report(None, f"YAML error: {' '.join(str(error).split())}", "check the file is valid YAML")
    if builder.problems:
        raise ContentError(builder.problems)
    return YamlDocument(file, builder.root, builder.positions, builder.key_positions, text)


# Older names of the strict reader, kept for callers written before the facade. New code reads YAML
# through ``simulator.content.yaml_reader.parse_yaml``.
_parse_strict = parse_strict
parse_yaml = parse_strict
