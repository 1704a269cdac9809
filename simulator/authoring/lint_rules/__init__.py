"""Lint rules: each is ``rule(context) -> Iterable[Finding]`` (see ``simulator.authoring.lint``)."""

from __future__ import annotations

from simulator.authoring.lint_context import Context, Finding
from simulator.authoring.lint_rules.details import DETAIL_RULES
from simulator.authoring.lint_rules.endings import ENDING_RULES
from simulator.authoring.lint_rules.gaming import GAMING_RULES
from simulator.authoring.lint_rules.screen import SCREEN_RULES
from simulator.authoring.lint_rules.structure import STRUCTURE_RULES
from simulator.authoring.lint_rules.teaching import TEACHING_RULES
from simulator.authoring.lint_rules.tells import TELL_RULES
from simulator.authoring.lint_rules.traps import TRAP_RULES

RULES = (*STRUCTURE_RULES, *TEACHING_RULES, *ENDING_RULES, *SCREEN_RULES, *TELL_RULES, *TRAP_RULES, *GAMING_RULES,
         *DETAIL_RULES)


def lint_scenario(context: Context) -> list[Finding]:
    """Every rule's findings for a valid scenario, sorted by position then code."""
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule(context))
    return sorted(findings, key=lambda f: (f.line, f.column, f.code))
