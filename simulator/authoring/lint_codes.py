"""Every lint code: stable id, severity and one-line title (documented in docs/lint-codes.md).

Severities: ``error`` (the scenario is broken or misleading: lint exits 1), ``warning`` (it will
probably teach badly: exit 1 with ``--strict``), ``info`` (worth a look; never fails).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import NamedTuple


class Code(NamedTuple):
    code: str
    severity: str
    title: str


CODES = MappingProxyType({c.code: c for c in (
    Code("FL001", "error", "the scenario does not load (validation problem)"),
    Code("FL101", "warning", "node cannot be reached from the start"),
    Code("FL102", "error", "no ending can be reached from this node"),
    Code("FL103", "error", "loop with no way out"),
    Code("FL104", "warning", "node is never reached because of choice conditions"),
    Code("FL105", "warning", "choice is never available when its node is reached"),
    Code("FL106", "error", "player can get stuck: no ending reachable in some state"),
    Code("FL201", "warning", "ending debrief is a placeholder or too short"),
    Code("FL202", "warning", "option grades no principle"),
    Code("FL203", "warning", "option feedback is a placeholder or too short"),
    Code("FL204", "warning", "principle is claimed but never graded"),
    Code("FL205", "warning", "option grades a principle the scenario does not claim"),
    Code("FL206", "warning", "best score cannot be reached"),
    Code("FL207", "info", "option is dominated by a sibling on every principle"),
    Code("FL208", "warning", "perfect play can end badly"),
    Code("FL301", "warning", "time limit too short to read the node"),
    Code("FL302", "warning", "timing out is as good as the best option"),
    Code("FL401", "error", "text too long for the play screen"),
    Code("FL402", "error", "too many options for the play screen"),
    Code("FL403", "warning", "customer portrait file not found"),
    Code("FL601", "warning", "a naive strategy scores too well (the grade can be gamed)"),
    Code("FL901", "info", "state analysis skipped: too many states"),
)})
SEVERITY_RANK = MappingProxyType({"error": 2, "warning": 1, "info": 0})
