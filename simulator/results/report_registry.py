"""Report formats by name: what ``frontline report --format NAME`` can write, and how.

Contract: ``REPORT_FORMATS`` maps a format name to a writer ``write(request) -> str`` (the text of
the file); ``write_report(name, request)`` runs one and raises KeyError for an unknown name. The
``report`` command offers exactly these names. Writers import their renderers on first use.

Adding a format: write its renderer (a module in ``simulator/results``), a writer below that
takes what it needs from the ``ReportRequest``, and one line in ``REPORT_FORMATS``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ReportRequest:
    """Everything a writer may use: the open store, the workshop's (or one player's) runs, and options."""

    store: Any
    records: Sequence[Any]
    workshop: str
    scenarios: Path
    activity_base: str = ""
    player: str | None = None


def principle_order(records: Sequence[Any]) -> list[str]:
    """Principle ids seen in ``records``: catalog order first, then unknown ids sorted."""
    from scoring.catalog import default_catalog

    seen = {p for r in records for p in r.principle_scores}
    ids = default_catalog().ids()
    return [p for p in ids if p in seen] + sorted(seen - set(ids))


def _html(request: ReportRequest) -> str:
    from simulator.results.html_report import render_html
    from simulator.results.records import now_utc
    from simulator.results.summary import load_summary

    return render_html(load_summary(request.store, request.workshop, request.scenarios), now_utc())


def _csv(request: ReportRequest) -> str:
    from simulator.results.report_formats import render_csv

    return render_csv(request.records, principle_order(request.records))


def _xapi(request: ReportRequest) -> str:
    from simulator.results.scenario_info import load_infos
    from simulator.results.xapi import render

    return render(request.records, load_infos(request.scenarios), request.activity_base)


def _learner(request: ReportRequest) -> str:
    from simulator.results.learner_report import render_learners
    from simulator.results.room_run import ROOM_MODE
    from simulator.results.scenario_info import load_infos

    learners = [r for r in request.records if r.mode != ROOM_MODE]  # the room's call is no learner's run
    return render_learners(learners, load_infos(request.scenarios), request.scenarios)


REPORT_FORMATS: dict[str, Callable[[ReportRequest], str]] = {
    "html": _html,
    "csv": _csv,
    "xapi": _xapi,
    "learner": _learner,
}


def write_report(name: str, request: ReportRequest) -> str:
    """The report ``name`` as text; KeyError for a format not in ``REPORT_FORMATS``."""
    return REPORT_FORMATS[name](request)
