"""The translator round trip through gettext PO files (polib), readable in Poedit and Weblate.

Contract:
* ``export_po(source_path, lang, catalog_ids)`` returns a ``polib.POFile``: one entry per text, with
  ``msgctxt`` the text id, ``msgid`` the source text and ``msgstr`` the current translation when
  ``<name>.<lang>.yaml`` exists (fuzzy when it is stale or was fuzzy); extracted comments (``#.``)
  say what the text is, who says it, the node, the principles an option teaches, the screen budget
  and ``source-hash: <hash>`` (a ``details`` alternative's text: the placeholder it fills and the
  first texts using it); translators' comments (``#``) carry the notes kept in the translated
  file. The header holds ``Language`` and ``X-Frontline-Source`` / ``X-Frontline-Key``.
* ``import_po(po_path, catalog_ids, source_path=None)`` reads a PO file back and returns an
  ``ImportResult``: the translated file's text, where it belongs, counts and warnings. The source is
  ``source_path`` or found from the header. An entry is *translated* when it has a msgstr and no
  fuzzy flag; its stored hash is the hash of its ``msgid``, so an entry translated from an older
  source text is stale at once. Raises ``ContentError`` (with PO line numbers) when the PO file is
  unreadable, names no usable source or language, or a translated text breaks the format.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import polib

from simulator.authoring.limits import TEXT_BUDGETS
from simulator.content.problems import ContentError, Problem
from simulator.content.yaml_reader import parse_yaml
from simulator.i18n.files import language_problem, read_translated, translation_path
from simulator.i18n.ids import TextEntry, text_hash
from simulator.i18n.sources import Source, load_source
from simulator.i18n.translate import Translation, build_translated, check_translation

HEADER_SOURCE, HEADER_KEY = "X-Frontline-Source", "X-Frontline-Key"
HASH_PREFIX = "source-hash: "
_KINDS = {
    "title": "Scenario title (picker)", "summary": "Scenario summary (picker)",
    "situation": "The customer's situation (briefing screen)", "speaker": "Who speaks at this node",
    "narration": "Narration (scene-setting, shown in italics)", "line": "What {speaker} says",
    "option": "An option the agent (the player) can say", "feedback": "Coaching feedback after this option",
    "hint": "Why this option is locked", "ending title": "Ending title (debrief)",
    "debrief": "Ending debrief (the lesson of the call)",
}


@dataclass
class ImportResult:
    text: str
    out: Path
    language: str
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _detail_context(entry: TextEntry, entries: tuple[TextEntry, ...]) -> list[str]:
    """What a translator needs for a ``details`` text: what it fills, where, and what to keep."""
    name = "{" + (entry.placeholder or "") + "}"
    used = [e.id for e in entries if e.kind != "detail" and name in e.text]
    shown = ", ".join(used[:3]) + (f" and {len(used) - 3} more" if len(used) > 3 else "")
    return [f"A detail picked per run from the seed: this value fills {name}" + (f" in {shown}" if shown else ""),
            "Every language picks the same alternative for a seed: translate it as the same fact. "
            "Names, numbers and references stay as written unless your language writes them otherwise "
            "(£12.60 -> 12,60 £); no braces."]


def _context(entry: TextEntry, entries: tuple[TextEntry, ...] = ()) -> list[str]:
    if entry.kind == "detail":
        return [*_detail_context(entry, entries), HASH_PREFIX + entry.hash]
    what = _KINDS.get(entry.kind, entry.kind.capitalize()).format(speaker=entry.speaker or "the customer")
    lines = [what + (f" at node '{entry.node}'" if entry.node else "")]
    if entry.when:
        lines.append(f"Said only when: {entry.when}")
    if entry.grades:
        taught = ", ".join(f"{p} {g:+d}" for p, g in entry.grades)
        lines += [f"Teaches: {taught}.", "Keep what earns or loses each point: no kinder, no harsher."]
    budget = TEXT_BUDGETS.get(entry.kind)
    if budget:
        lines.append(f"Screen budget: {budget} characters (source: {len(entry.text)})")
    lines.append(HASH_PREFIX + entry.hash)
    return lines


def _existing(source: Source, lang: str) -> tuple[dict[str, str], dict[str, str], dict[str, str | None]]:
    """Texts, states and notes of the current translation (empty when there is none)."""
    path = translation_path(source.path, lang)
    if not path.is_file():
        return {}, {}, {}
    check = check_translation(path, source.path, source.catalog_ids)
    notes = {key: meta.note for key, meta in check.meta.entries.items()}
    return check.texts, check.states(), notes


def export_po(source_path: Path, lang: str, catalog_ids: Collection[str]) -> polib.POFile:
    """The PO file for translating ``source_path`` into ``lang`` (see the module doc)."""
    problem = language_problem(lang)
    if problem:
        raise ContentError([Problem(str(source_path), 0, 0, problem, "pass --lang es (for example)")])
    source = load_source(Path(source_path), catalog_ids)
    texts, states, notes = _existing(source, lang)
    po = polib.POFile(wrapwidth=78)
    po.header = (f"Frontline: '{lang}' translation of {source.path.name} ({source.kind} '{source.key}').\n"
                 "msgctxt is the text's id; translate msgstr only. Comments starting 'Teaches' say what an\n"
                 "option is graded on: a translation must earn and lose the same points.")
    po.metadata = {
        "Project-Id-Version": f"frontline {source.key}", "Language": lang.replace("-", "_"),
        "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);", "X-Generator": "frontline i18n export",
        HEADER_SOURCE: source.path.name, HEADER_KEY: source.key,
    }
    for entry in source.entries:
        line, _ = source.document.where(entry.yaml_path)
        state = states.get(entry.id, "missing")
        po.append(polib.POEntry(
            msgctxt=entry.id, msgid=entry.text, msgstr=texts.get(entry.id, "") if state != "missing" else "",
            comment="\n".join(_context(entry, source.entries)), tcomment=notes.get(entry.id) or "",
            occurrences=[(source.path.name, str(line))], flags=["fuzzy"] if state in ("fuzzy", "stale") else []))
    return po


def _po_problem(po_path: Path, message: str, hint: str) -> ContentError:
    return ContentError([Problem(str(po_path), 0, 0, message, hint)])


def _read_po(po_path: Path) -> polib.POFile:
    import os
    import stat

    from simulator.content.limits import MAX_FILE_BYTES

    try:  # polib reads a path that does not exist as PO text ("syntax error, line 1"): look first
        info = os.stat(po_path)
    except OSError as error:
        raise _po_problem(po_path, f"cannot open the PO file: {error.strerror}",
                          "check the path of the .po file the translator sent back") from None
    if not stat.S_ISREG(info.st_mode):
        raise _po_problem(po_path, "not a PO file but a folder, pipe or device", "name the .po file itself")
    if info.st_size > MAX_FILE_BYTES:
        raise _po_problem(po_path, f"the file is {info.st_size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit",
                          "export the scenario again; a PO file of one scenario is far smaller")
    try:
        return polib.pofile(str(po_path), encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise ContentError([Problem(str(po_path), 0, 0, f"cannot read the PO file: {error}",
                                    "open and save it in Poedit, or export it again")]) from None


def _find_source(po: polib.POFile, po_path: Path, source_path: Path | None) -> Path:
    if source_path is not None:
        return Path(source_path)
    from simulator.paths import find_scenario

    name, key = po.metadata.get(HEADER_SOURCE, ""), po.metadata.get(HEADER_KEY, "")
    safe = name and not any(c in name for c in "/\\:") and not name.startswith(".")
    candidates = [po_path.parent / name] if safe else []
    if key == "principles":
        from scoring.catalog import CATALOG_FILE

        candidates.append(CATALOG_FILE)
    elif key:
        candidates.append(Path(find_scenario(key)))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise ContentError([Problem(str(po_path), 0, 0, f"cannot find the source of this PO file "
                                f"({HEADER_SOURCE}: '{name}', {HEADER_KEY}: '{key}')",
                                "pass --source SCENARIO_FILE")])


def _translations(po: polib.POFile, source: Source, warnings: list[str]) -> dict[str, Translation]:
    found: dict[str, Translation] = {}
    for item in po:
        if item.obsolete:
            continue
        entry = source.entry(item.msgctxt or "")
        if entry is None:
            warnings.append(f"line {item.linenum}: '{item.msgctxt}' is not a text of {source.path.name}: skipped")
            continue
        status = "missing" if not item.msgstr else "fuzzy" if "fuzzy" in item.flags else "translated"
        translation = Translation(item.msgstr, status, text_hash(item.msgid), item.tcomment or None)
        if status != "missing" and translation.hash != entry.hash:
            warnings.append(f"line {item.linenum}: '{entry.id}' was translated from an older source text: "
                            "kept, marked stale")
        found[entry.id] = translation
    return found


def _locate(problems: tuple[Problem, ...], text: str, source: Source, po: polib.POFile, po_path: Path) -> list[Problem]:
    """Problems of the generated file, told at the PO entry whose text caused them."""
    document = parse_yaml(text, "translated")
    at_line = {document.where(e.yaml_path)[0]: e.id for e in source.entries}
    po_lines = {item.msgctxt: item.linenum for item in po}
    located = []
    for problem in problems:
        text_id = at_line.get(problem.line)
        if text_id in po_lines:
            located.append(Problem(str(po_path), po_lines[text_id], 1, f"'{text_id}': {problem.message}",
                                   problem.hint))
        else:
            located.append(Problem(str(po_path), 0, 0, problem.message, problem.hint))
    return located


def import_po(po_path: Path, catalog_ids: Collection[str], source_path: Path | None = None,
              out: Path | None = None) -> ImportResult:
    """Read ``po_path`` into the translated file's text (see the module doc); nothing is written."""
    po_path = Path(po_path)
    po = _read_po(po_path)
    lang = (po.metadata.get("Language") or "").replace("_", "-")
    problem = language_problem(lang) if lang else "the PO header has no Language"
    if problem:
        raise ContentError([Problem(str(po_path), 0, 0, problem, "set the language in Poedit (Catalog > Properties)")])
    source = load_source(_find_source(po, po_path, source_path), catalog_ids)
    warnings: list[str] = []
    translations = _translations(po, source, warnings)
    text = build_translated(source, translations, lang)
    target = Path(out) if out is not None else translation_path(source.path, lang)
    _validate(text, source, po, po_path)
    counts = dict.fromkeys(("translated", "fuzzy", "stale", "missing"), 0)
    for entry in source.entries:
        found = translations.get(entry.id)
        state = "missing" if found is None or found.status == "missing" else found.status
        counts["stale" if state != "missing" and found and found.hash != entry.hash else state] += 1
    return ImportResult(text, target, lang, counts, warnings)


def _validate(text: str, source: Source, po: polib.POFile, po_path: Path) -> None:
    """The generated file must load as its kind; ContentError at PO lines otherwise."""
    import dataclasses

    from simulator.i18n.sources import validate_as

    document = parse_yaml(text, "translated")
    stripped = dataclasses.replace(document, data={k: v for k, v in document.data.items() if k != "translation"})
    try:
        validate_as(source.kind, stripped, source.catalog_ids)
    except ContentError as error:
        raise ContentError(_locate(error.problems, text, source, po, po_path)) from None


__all__ = ["ImportResult", "export_po", "import_po", "read_translated"]
