"""Scoring: the principles catalog and pure functions that grade a run (no pygame, no I/O).

The names below are imported on first use (PEP 562): ``scoring.catalog`` alone (all ``validate``
needs) does not import the scorer, its reports and the engine they use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.util import lazy_exports

if TYPE_CHECKING:
    from scoring.catalog import Catalog, Principle, default_catalog, load_catalog
    from scoring.report import DecisionReview, Note, PrincipleScore, Reason, Report
    from scoring.scorer import NetTable, RunningScore, band_for, grade_label, grade_step, score_run

_HOMES = {
    "Catalog": "catalog", "Principle": "catalog", "default_catalog": "catalog", "load_catalog": "catalog",
    "DecisionReview": "report", "Note": "report", "PrincipleScore": "report", "Reason": "report", "Report": "report",
    "NetTable": "scorer", "RunningScore": "scorer", "band_for": "scorer", "grade_label": "scorer",
    "grade_step": "scorer", "score_run": "scorer",
}
__all__ = [
    "Catalog", "DecisionReview", "Note", "Principle", "PrincipleScore", "Reason", "Report",
    "NetTable", "RunningScore", "band_for", "default_catalog", "grade_label", "grade_step", "load_catalog", "score_run",
]


__getattr__ = lazy_exports(__name__, _HOMES, globals())
