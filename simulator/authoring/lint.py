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
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from simulator.authoring.lint_codes import CODES
from simulator.authoring.statespace import StateSpace, StateSpaceTooLarge, build_state_space
from simulator.content.details import first_variant
from simulator.content.loader import load_scenario
from simulator.content.models import Scenario
from simulator.content.problems import ContentError
from simulator.content.safe_yaml import Path as YamlPath
from simulator.content.safe_yaml import YamlDocument


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    file: str
    line: int
    column: int
    message: str
    hint: str = ""

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line > 0 else self.file
        text = f"{where}: {self.code} {self.severity}: {self.message}"
        return text + (f" (fix: {self.hint})" if self.hint else "")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Context:
    """What rules look at: the scenario, its document (positions), its file and, lazily, its state space.
    A scenario with ``details`` is linted as its first variant reads (every group's first alternative
    filled in); ``written`` keeps the placeholders for the rules that check the details themselves."""

    def __init__(self, scenario: Scenario, document: YamlDocument, path: Path | None = None,
                 language: str | None = None):
        self.written = scenario  # as written, placeholders and all (lint_rules/details.py)
        self.scenario = first_variant(scenario)  # what a player reads: details filled with their first alternatives
        self.document = document
        self.path = Path(path if path is not None else document.file)
        self.language = language  # a translation's language tag (simulator.i18n); None: the source, English

    @cached_property
    def space(self) -> StateSpace | None:
        """The reachable state space, or None when it is too large to explore."""
        try:
            return build_state_space(self.scenario)
        except StateSpaceTooLarge:
            return None

    def finding(self, code: str, path: YamlPath, message: str, hint: str = "", *, key: bool = False) -> Finding:
        line, column = self.document.where(path, key=key)
        return Finding(code, CODES[code].severity, self.document.file, line, column, message, hint)

    def at_node(self, code: str, node_id: str, message: str, hint: str = "") -> Finding:
        return self.finding(code, ("nodes", node_id), message, hint, key=True)

    def at_choice(self, code: str, node_id: str, position: int, message: str, hint: str = "") -> Finding:
        return self.finding(code, ("nodes", node_id, "choices", position), message, hint)


def lint_scenario(context: Context) -> list[Finding]:
    """Every rule's findings for a valid scenario, sorted by position then code."""
    from simulator.authoring.lint_rules import RULES

    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule(context))
    return sorted(findings, key=lambda f: (f.line, f.column, f.code))


def lint_file(path: Path, principle_ids: Collection[str]) -> list[Finding]:
    """Findings for one scenario file (FL001 for each problem if it does not load); a translation
    (``<name>.<lang>.yaml`` beside ``<name>.yaml``) is linted by ``simulator.i18n.lint``."""
    from simulator.i18n.files import translation_source

    if translation_source(Path(path)) is not None:
        from simulator.i18n.lint import lint_translation

        return lint_translation(Path(path), principle_ids)
    try:
        loaded = load_scenario(Path(path), principle_ids)
    except ContentError as error:
        return [Finding("FL001", "error", p.file, p.line, p.column, p.message, p.hint) for p in error.problems]
    return lint_scenario(Context(loaded.scenario, loaded.document, loaded.path))
