"""Trainer traps: valid YAML that does not say what the trainer wrote (FL7xx).

* FL701: `` #`` inside unquoted text starts a YAML comment, so the rest of the line is dropped.
* FL702: a line or debrief variant no player can ever hear (``variants.py`` does the analysis).
* FL703: a variable that effects set but nothing reads (no condition, no ``when``, no meter).
* FL704: text left over from the starter that ``frontline new`` writes.
* FL705: a character the game's fonts cannot draw (``glyphs.py``, only when pygame is installed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from simulator.authoring.lint_context import Context, Finding
from simulator.authoring.variants import silent_variants
from simulator.content.models import Scenario
from simulator.content.safe_yaml import Path as YamlPath
from simulator.content.safe_yaml import YamlDocument

_COMMENT_AFTER = re.compile(r"[ \t]+#")
MIN_STARTER_CHARS = 20  # shorter starter texts (names, titles) may well be meant


def text_fields(scenario: Scenario) -> Iterator[tuple[YamlPath, str]]:
    """(position, text) for every piece of text the game shows, in file order."""
    yield ("title",), scenario.title
    yield ("summary",), scenario.summary
    yield ("customer", "name"), scenario.customer.name
    yield ("customer", "situation"), scenario.customer.situation
    for node_id, node in scenario.nodes.items():
        here = ("nodes", node_id)
        if node.speaker:
            yield here + ("speaker",), node.speaker
        if node.narration:
            yield here + ("narration",), node.narration
        for index, variant in enumerate(node.line):
            yield here + ("line", index, "text"), variant.text
        for position, choice in enumerate(node.choices):
            yield here + ("choices", position, "text"), choice.text
            yield here + ("choices", position, "feedback"), choice.feedback
            if choice.locked_hint:
                yield here + ("choices", position, "locked_hint"), choice.locked_hint
        if node.ending:
            yield here + ("ending", "title"), node.ending.title
            for index, variant in enumerate(node.ending.debrief):
                yield here + ("ending", "debrief", index, "text"), variant.text


# --- FL701: ' #' in plain text ----------------------------------------------------------------------
def _scalar_path(data: object, path: YamlPath) -> YamlPath | None:
    """The document path of the text scalar at ``path`` (``line: text`` is stored as variant 0)."""
    for depth, part in enumerate(path):
        if isinstance(data, str):
            return path[:depth]
        inside = part in data if isinstance(data, dict) else (
            isinstance(data, list) and isinstance(part, int) and part < len(data))
        if not inside:
            return None
        data = data[part]  # type: ignore[index]
    return path if isinstance(data, str) else None


def _line_starts(source: str) -> list[int]:
    """Offset of the first character of each line (index 0 is line 1)."""
    return [0] + [m.end() for m in re.finditer("\n", source)]


def dropped_comment(source: str, start: int, value: str) -> str | None:
    """The text YAML dropped as a comment right after the plain scalar ``value`` found at ``start``.

    The scalar's words are matched one by one in the source (a plain scalar folds line breaks
    and indentation into single spaces); None when it is quoted or a block scalar, when nothing
    follows it on its last line but a line break, or when the source does not match the value.
    """
    if source[start:start + 1] in ("'", '"', "|", ">"):
        return None
    pos = start
    for word in value.split():
        found = source.find(word, pos)
        if found < 0 or source[pos:found].strip():
            return None
        pos = found + len(word)
    end = source.find("\n", pos)
    rest = source[pos:] if end < 0 else source[pos:end]
    match = _COMMENT_AFTER.match(rest)
    return rest[match.end():].strip() if match else None


def _source(ctx: Context) -> str:
    """The scenario's text as the loader read it (read again from the file if it was not kept)."""
    if ctx.document.source:
        return ctx.document.source
    try:
        from simulator.content.files import read_content

        return read_content(ctx.path)[0]
    except Exception:  # noqa: BLE001 - lint must not crash on a file that vanished meanwhile
        return ""


def _comment_lines(source: str) -> set[int]:
    """Numbers (1-based) of lines where ' #' follows something other than indentation."""
    return {n for n, line in enumerate(source.split("\n"), 1)
            if _COMMENT_AFTER.search(line) and not line.lstrip().startswith("#")}


def hash_comments(ctx: Context) -> Iterator[Finding]:
    """FL701: unquoted text followed by `` #``: YAML reads the rest of the line as a comment."""
    source = _source(ctx)
    suspects = _comment_lines(source)
    if not suspects:
        return
    document: YamlDocument = ctx.document
    starts = _line_starts(source)
    for path, text in text_fields(ctx.scenario):
        scalar = _scalar_path(document.data, path)
        if scalar is None:
            continue
        line, column = document.where(scalar)
        last_line = line + text.count(" ") + text.count("\n")  # folding: one space or break per line end
        if not any(line <= n <= last_line for n in suspects) or line > len(starts):
            continue
        dropped = dropped_comment(source, starts[line - 1] + column - 1, text)
        if dropped is not None:
            yield ctx.finding("FL701", scalar, f"YAML reads ' #{dropped}' as a comment, so this text ends at "
                              f"'{text[-40:]}' and the rest of the line is never shown",
                              "put the whole text in double quotes; if it was meant as a comment, move it to "
                              "its own line")


# --- FL702: variants never said ------------------------------------------------------------------
def never_said(ctx: Context) -> Iterator[Finding]:
    """FL702: a ``line`` or ``debrief`` variant that no reachable state selects."""
    for silent in silent_variants(ctx.scenario, ctx.space):
        yield ctx.finding("FL702", silent.path, silent.message, silent.hint)


# --- FL703: variables set but never read ---------------------------------------------------------
def read_variables(scenario: Scenario) -> set[str]:
    """Variables read by choice conditions and by line and debrief ``when`` conditions."""
    names: set[str] = set()
    for node in scenario.nodes.values():
        names.update(n for c in node.choices if c.condition is not None for n in c.condition.names)
        variants = node.line + (node.ending.debrief if node.ending else ())
        names.update(n for v in variants if v.when is not None for n in v.when.names)
    return names


def shown_variables(scenario: Scenario) -> set[str]:
    """Variables the play screen shows as meters (mood drives the portrait too)."""
    from simulator.engine.views import display_meters

    return {*display_meters(scenario.customer.state), "mood"}


def unread_variables(ctx: Context) -> Iterator[Finding]:
    """FL703: effects change a variable that nothing reads and the screen does not show."""
    used = read_variables(ctx.scenario) | shown_variables(ctx.scenario)
    reported: set[str] = set()
    for node_id, node in ctx.scenario.nodes.items():
        for position, choice in enumerate(node.choices):
            for name in choice.effects:
                if name in used or name in reported:
                    continue
                reported.add(name)
                yield ctx.finding("FL703", ("nodes", node_id, "choices", position, "effects", name),
                                  f"'{name}' is set here (and maybe elsewhere) but no condition or 'when' reads "
                                  "it and the play screen does not show it, so setting it changes nothing",
                                  f"read it where it should matter (e.g. a line variant 'when: {name}'), or "
                                  "remove it from 'effects' and 'customer.state'", key=True)


# --- FL704: starter text -----------------------------------------------------------------------
@lru_cache(maxsize=1)
def starter_texts() -> frozenset[str]:
    """The texts of the starter scenario ``frontline new`` writes, normalised."""
    from simulator.authoring.scaffold import starter_scenario
    from simulator.content.yaml_reader import parse_yaml

    document = parse_yaml(starter_scenario("starter", Path("starter.yaml")), "starter.yaml")
    starter = Scenario.model_validate(document.data)
    return frozenset(_normal(text) for _, text in text_fields(starter) if len(text) >= MIN_STARTER_CHARS)


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def starter_leftovers(ctx: Context) -> Iterator[Finding]:
    """FL704: a text still exactly as the starter wrote it."""
    leftovers = starter_texts()
    for path, text in text_fields(ctx.scenario):
        if _normal(text) in leftovers:
            yield ctx.finding("FL704", path, f"this text is still the starter's ('{text[:50]}...'), so players "
                              "read the example instead of your scenario", "write your own text here, or "
                              "delete the node or option if you do not need it")


# --- FL705: characters the fonts cannot draw -------------------------------------------------
def undrawable(ctx: Context) -> Iterator[Finding]:
    """FL705: a character no font of the game has a glyph for (skipped without pygame)."""
    from simulator.authoring.glyphs import missing_characters

    fields = list(text_fields(ctx.scenario))
    missing = missing_characters("".join(text for _, text in fields))
    if not missing:
        return
    for path, text in fields:
        bad = sorted({ch for ch in text if ch in missing})
        if bad:
            shown = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in bad)
            yield ctx.finding("FL705", path, f"the game's fonts have no glyph for {shown}, so it shows as an "
                              "empty box", "use another character (plain quotes, a dash, words instead of a "
                              "symbol), or leave it out")


TRAP_RULES = (hash_comments, never_said, unread_variables, starter_leftovers, undrawable)
