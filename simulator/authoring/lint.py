"""``lint``: checks that a scenario teaches well, beyond being valid.

Contract:
* ``lint_file(path, principle_ids)`` returns every ``Finding`` for one file. A file that does not
  load gives one FL001 finding per validation problem (never a traceback); a valid one is run
  through every rule in ``simulator.authoring.lint_rules``.
* ``lint_scenario(context)`` runs the rules on a loaded scenario.
Findings carry a stable code (``lint_codes.CODES``), a severity and ``file:line:col``; they are
sorted by position. Nothing here prints: ``simulator/cli/lint_cmd.py`` formats them.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from simulator.authoring.lint_context import Context, Finding
from simulator.authoring.lint_rules import lint_scenario
from simulator.content.loader import load_scenario
from simulator.content.problems import ContentError

__all__ = ["Context", "Finding", "lint_file", "lint_scenario"]


def lint_file(path: Path, principle_ids: Collection[str]) -> list[Finding]:
    """Findings for one scenario file (FL001 for each problem if it does not load); a translation
    (``<name>.<lang>.yaml`` beside ``<name>.yaml``) is linted by ``simulator.i18n.lint``."""
    from simulator.content.files import translation_source

    if translation_source(Path(path)) is not None:
        from simulator.i18n.lint import lint_translation

        return lint_translation(Path(path), principle_ids)
    try:
        loaded = load_scenario(Path(path), principle_ids)
    except ContentError as error:
        return [Finding("FL001", "error", p.file, p.line, p.column, p.message, p.hint) for p in error.problems]
    return lint_scenario(Context(loaded.scenario, loaded.document, loaded.path))
