"""Scoring: the principles catalog and pure functions that grade a run (no pygame, no I/O)."""

from scoring.catalog import Catalog, Principle, default_catalog, load_catalog
from scoring.report import DecisionReview, Note, PrincipleScore, Reason, Report
from scoring.scorer import NetTable, RunningScore, band_for, grade_label, grade_step, score_run

__all__ = [
    "Catalog", "DecisionReview", "Note", "Principle", "PrincipleScore", "Reason", "Report",
    "NetTable", "RunningScore", "band_for", "default_catalog", "grade_label", "grade_step", "load_catalog", "score_run",
]
