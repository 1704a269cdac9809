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
    Code("FL209", "info", "ending debrief may speak of something a path reaching it can skip"),
    Code("FL301", "warning", "time limit too short to read the node"),
    Code("FL302", "warning", "timing out is as good as the best option"),
    Code("FL401", "error", "text too long for the play screen"),
    Code("FL402", "error", "too many options for the play screen"),
    Code("FL403", "warning", "customer portrait file not found"),
    Code("FL404", "error", "text too long for the play screen with the longest details filled in"),
    Code("FL501", "warning", "the best option is the longest too often"),
    Code("FL502", "warning", "the best option is far longer than every other option"),
    Code("FL503", "warning", "a phrase gives the best or the worst option away"),
    Code("FL504", "warning", "every option of a decision is graded the same"),
    Code("FL505", "warning", "two options of a node have the same text"),
    Code("FL506", "warning", "too many straw options"),
    Code("FL601", "warning", "a naive strategy scores too well (the grade can be gamed)"),
    Code("FL701", "warning", "' #' in unquoted text: the rest of the line is dropped"),
    Code("FL702", "warning", "a line or debrief variant can never be said"),
    Code("FL703", "warning", "variable is set but never read"),
    Code("FL704", "warning", "the starter's placeholder text is left in"),
    Code("FL705", "warning", "character the game's fonts cannot draw"),
    Code("FL706", "warning", "a detail's value is written out: runs that pick another contradict it"),
    Code("FL801", "error", "a translation differs from its source in more than text"),
    Code("FL802", "warning", "a translated text is stale: its source text changed since"),
    Code("FL803", "warning", "a text is not translated: the game shows the source text, marked"),
    Code("FL901", "info", "state analysis skipped: too many states"),
)})
SEVERITY_RANK = MappingProxyType({"error": 2, "warning": 1, "info": 0})
