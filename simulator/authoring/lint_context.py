"""What lint rules see and produce: ``Context`` (the scenario, its document and, lazily, its state
space) and ``Finding`` (one result with its code, severity and ``file:line:col``).

Kept apart from ``simulator.authoring.lint`` so that the rules (``lint_rules``) and the translation
linter (``simulator.i18n.lint``) import these values without importing the runner that imports
them: the import graph stays free of cycles.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from simulator.authoring.lint_codes import CODES
from simulator.authoring.statespace import StateSpace, StateSpaceTooLarge, build_state_space
from simulator.content.details import first_variant
from simulator.content.models import Scenario
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
