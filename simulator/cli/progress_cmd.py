"""``frontline progress --player NAME [--json] [--db URL]``: is this learner ready for calls?

Prints readiness per curriculum stage (met, and what is still missing), "Ready for calls" with the
date once every stage is met, and the practise-next recommendation. ``--json`` keys: ``ready``
(true/false), ``ready_on`` (ISO date or null), ``stages`` -> list of ``{id, name, met, met_on, need,
passed, missing}``, ``practise_next`` -> ``{scenario, principle, why}`` (or null).
Exit codes: 0; 1 when the curriculum cannot be read; 3 when the results database cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import Any

from simulator.cli.common import add_db_flag, store_errors


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "progress", help="a learner's readiness per stage and what to practise next",
        description="Apply the curriculum's readiness rules (scenarios/curriculum.yaml) to a learner's "
        "saved runs: which stages are met, what is missing, and the call to practise next.")
    parser.add_argument("--player", required=True, help="the learner's name, as saved with their runs")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--certificate", metavar="FILE.html",
                        help="also write the learner's one-page printable certificate (HTML)")
    add_db_flag(parser)
    parser.set_defaults(handler=run)


@store_errors("progress")
def run(args: argparse.Namespace) -> int:
    from scoring.catalog import default_catalog
    from simulator.content.problems import ContentError
    from simulator.paths import SCENARIOS_DIR
    from simulator.progress.library import load_library

    try:
        library = load_library(SCENARIOS_DIR, default_catalog())
    except ContentError as error:
        print(f"progress: the curriculum cannot be read: {error}", file=sys.stderr)
        return 1
    entries = _history(args)
    now = datetime.now(UTC)
    report = progress_report(library, entries, now)
    print(json.dumps(report, indent=2) if args.json else _text(args.player, report, library.titles))
    if args.certificate:
        from simulator.cli.common import write_output
        from simulator.progress.certificate import certificate_html
        from simulator.progress.practise import PrincipleRun, latest_scores

        runs = [PrincipleRun(e.scenario_id, e.finished, e.ended_at, e.principle_scores) for e in entries]
        page = certificate_html(args.player, report, library, now.date(), latest_scores(runs))
        if not write_output(args.certificate, page, "progress"):
            return 1
    return 0


def _history(args: argparse.Namespace) -> list[Any]:
    from simulator.results.queries import history
    from simulator.results.store import StoreError, open_store

    try:
        with open_store(args.db, create=False) as store:
            return history(store, args.player)
    except StoreError:
        if args.db:
            raise
        return []  # no results saved on this machine yet: nothing played


def progress_report(library: Any, entries: list[Any], now: datetime) -> dict[str, Any]:
    """The JSON-ready report from a ``Library`` and a learner's ``HistoryEntry``s."""
    from simulator.progress.practise import PrincipleRun, practise_next
    from simulator.progress.readiness import RunFacts, readiness

    facts = [RunFacts(e.scenario_id, e.mode, e.finished, e.overall, e.ended_at) for e in entries]
    state = readiness(library.curriculum, facts)
    runs = [PrincipleRun(e.scenario_id, e.finished, e.ended_at, e.principle_scores) for e in entries]
    tip = practise_next(library.curriculum, library.trains, library.names, library.titles, runs, now)
    return {
        "ready": state.ready,
        "ready_on": state.ready_on.date().isoformat() if state.ready_on else None,
        "stages": [{"id": s.id, "name": s.name, "met": s.met, "met_on": s.met_on.date().isoformat() if s.met_on
                    else None, "need": s.need, "passed": list(s.passed), "missing": list(s.missing)}
                   for s in state.stages],
        "practise_next": {"scenario": tip.scenario, "principle": tip.principle, "why": tip.why} if tip else None,
    }


def _text(player: str, report: dict[str, Any], titles: dict[str, str]) -> str:
    lines = [f"Progress of {player}"]
    for stage in report["stages"]:
        done = len(stage["passed"])
        if stage["met"]:
            lines.append(f"  [met]  {stage['name']}: {done} passed (needed {stage['need']}), on {stage['met_on']}")
        else:
            still = ", ".join(titles.get(sid, sid) for sid in stage["missing"])
            lines.append(f"  [ .. ] {stage['name']}: {done} of {stage['need']} passed; still to pass: {still}")
    lines.append(f"Ready for calls since {report['ready_on']}." if report["ready"] else "Not ready for calls yet.")
    tip = report["practise_next"]
    if tip:
        lines.append(f"Practise next: {titles.get(tip['scenario'], tip['scenario'])}. {tip['why']}")
    return "\n".join(lines)
