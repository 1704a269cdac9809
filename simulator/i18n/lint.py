"""``validate`` and ``lint`` of a translated file (``<name>.<lang>.yaml`` beside ``<name>.yaml``).

Contract:
* ``validate_translation(path, catalog_ids)`` returns the problems that keep a translation out of the
  game: it does not load, its source does not, or its structure differs from the source (FL801's
  findings, as plain problems). Empty means valid.
* ``lint_translation(path, catalog_ids)`` returns FL001 for a file that does not load, FL801 for each
  structural difference, FL802 for each stale text (its source changed since it was translated),
  FL803 for each text shown in the source language (missing or fuzzy), then every ordinary lint rule
  run on the translated scenario with the language's budgets (``limits.language_rules``).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from simulator.authoring.lint_codes import CODES
from simulator.authoring.lint_context import Context, Finding
from simulator.content.files import translation_source
from simulator.content.problems import ContentError, Problem
from simulator.i18n.translate import TranslationCheck, check_translation


def _load(path: Path, catalog_ids: Collection[str]) -> TranslationCheck:
    source = translation_source(Path(path))
    if source is None:
        raise ContentError([Problem(str(path), 0, 0, "this looks like a translation but its source file is "
                                    "not beside it", "keep <name>.<lang>.yaml in the folder of <name>.yaml")])
    return check_translation(Path(path), source, catalog_ids)


def validate_translation(path: Path, catalog_ids: Collection[str]) -> list[Problem]:
    try:
        return list(_load(path, catalog_ids).problems)
    except ContentError as error:
        return list(error.problems)


def _finding(code: str, problem: Problem) -> Finding:
    return Finding(code, CODES[code].severity, problem.file, problem.line, problem.column, problem.message,
                   problem.hint)


def _text_findings(check: TranslationCheck) -> list[Finding]:
    findings = []
    positions = {e.id: e.yaml_path for e in check.source.entries}
    name = check.source.path.name
    for text_id, state in check.states().items():
        where = positions[text_id]
        if state == "stale":
            findings.append(_finding("FL802", check.document.problem(
                where, f"'{text_id}' is stale: its source text in {name} changed after it was translated, so the "
                "game shows the source text instead", "export the PO again (the entry comes marked fuzzy), "
                "update the translation, clear the fuzzy flag and import")))
        elif state in ("missing", "fuzzy"):
            why = "has no translation" if state == "missing" else "is marked fuzzy (needs review)"
            findings.append(_finding("FL803", check.document.problem(
                where, f"'{text_id}' {why}: the game shows the source text with the [EN] marker",
                "translate it in the PO file (and clear the fuzzy flag), then import")))
    return findings


def lint_translation(path: Path, catalog_ids: Collection[str]) -> list[Finding]:
    """Findings for one translated file (see the module doc)."""
    try:
        check = _load(path, catalog_ids)
    except ContentError as error:
        return [_finding("FL001", p) for p in error.problems]
    findings = [_finding("FL801", p) for p in check.problems] + _text_findings(check)
    if check.source.kind == "scenario":
        context = Context(check.model, check.document, Path(path), language=check.language)  # type: ignore[arg-type]
        from simulator.authoring.lint_rules import lint_scenario  # the rules are heavy: only when linting

        findings += lint_scenario(context)
    return sorted(findings, key=lambda f: (f.line, f.column, f.code))
