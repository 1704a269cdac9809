"""Problems found in content files, reported as ``file:line:col: message`` plus a fix hint.

A ``Problem`` is a plain frozen value; ``ContentError`` carries every problem of one file so
that an author sees all of them at once, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding in a content file. ``line`` and ``column`` are 1-based (0 when unknown)."""

    file: str
    line: int
    column: int
    message: str
    hint: str = ""

    def location(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    def format(self) -> str:
        """One line: ``file:line:col: message (hint)``."""
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += f" (fix: {self.hint})"
        return _printable(text)


def _printable(text: str) -> str:
    """Escape line breaks and control characters (from untrusted keys or values) to keep one safe line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class ContentError(Exception):
    """Raised when a content file cannot be used; ``problems`` lists every finding."""

    def __init__(self, problems: list[Problem]):
        if not problems:
            raise ValueError("ContentError needs at least one problem")
        self.problems = tuple(problems)
        super().__init__("\n".join(p.format() for p in self.problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]
