"""``frontline progress --player NAME [--json] [--db URL]``: is this learner ready for calls?

Prints readiness per curriculum stage (met, and what is still missing), "Ready for calls" with the
date once every stage is met, and the practise-next recommendation. ``--json`` keys: ``ready``
(true/false), ``ready_on`` (ISO date or null), ``stages`` -> list of ``{id, name, met, met_on, need,
passed, missing}``, ``practise_next`` -> ``{scenario, principle, why}`` (or null); with
``--workshop CODE`` also ``assignments`` -> list of ``{scenario, due, state, done_on, late}``.

``frontline progress --workshop CODE [--assignments FILE] [--json]`` (no ``--player``): who in the
cohort is behind on the trainer's assignments (``simulator.progress.assignments``; the file
defaults to ``assignments.yaml`` in the user data folder): every learner on the roster or with runs
in the workshop, with their overdue and due assignments, most overdue first. ``--json``:
``{workshop, today, learners: [{player, done, overdue: [{scenario, due}], due: [...]}]}``.

Exit codes: 0; 1 when the curriculum or the assignments file cannot be read (or has no such
workshop); 2 for a bad command line; 3 when the results database cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.cli.common import add_db_flag, store_errors

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "progress", help="a learner's readiness per stage and what to practise next; who is behind",
        description="Apply the curriculum's readiness rules (scenarios/curriculum.yaml) to a learner's "
        "saved runs: which stages are met, what is missing, and the call to practise next. With "
        "--workshop and no --player: who in the workshop is behind on the trainer's assignments.")
    parser.add_argument("--player", help="the learner's name, as saved with their runs")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--certificate", metavar="FILE.html",
                        help="also write the learner's one-page printable certificate (HTML)")
    parser.add_argument("--workshop", metavar="CODE",
                        help="the cohort's workshop code: its assignments (with --player: this learner's)")
    parser.add_argument("--assignments", metavar="FILE",
                        help="the trainer's assignments file (default: assignments.yaml in the user data folder)")
    add_db_flag(parser)
    parser.set_defaults(handler=run)


@store_errors("progress")
def run(args: argparse.Namespace) -> int:
    from scoring.catalog import default_catalog
    from simulator.content.problems import ContentError
    from simulator.paths import SCENARIOS_DIR
    from simulator.progress.library import load_library

    if not args.player and not args.workshop:
        print("progress: give --player NAME (a learner's readiness) or --workshop CODE (who is behind)",
              file=sys.stderr)
        return 2
    try:
        library = load_library(SCENARIOS_DIR, default_catalog())
    except ContentError as error:
        print(f"progress: the curriculum cannot be read: {error}", file=sys.stderr)
        return 1
    cohort = None
    if args.workshop or args.assignments:
        cohort = _cohort(args, library.titles)
        if cohort is None:
            return 1
    if not args.player:
        return _behind(args, cohort, library.titles)
    return _learner(args, library, cohort)


def _learner(args: argparse.Namespace, library: Any, cohort: Any) -> int:
    entries = _history(args.db, args.player)
    now = datetime.now(UTC)
    report = progress_report(library, entries, now)
    if cohort is not None:
        report["assignments"] = _statuses(cohort, entries, now.astimezone().date())
    print(json.dumps(report, indent=2) if args.json else _text(args.player, report, library.titles))
    if args.certificate:
        from simulator.cli.common import write_output
        from simulator.progress.certificate import certificate_html
        from simulator.progress.report import principle_scores

        page = certificate_html(args.player, report, library, now.date(), principle_scores(entries))
        if not write_output(args.certificate, page, "progress"):
            return 1
    return 0


def _history(db: str | None, player: str) -> list[Any]:
    from simulator.results.queries import history
    from simulator.results.store import MissingStore, open_store

    try:
        with open_store(db, create=False) as store:
            return history(store, player)
    except MissingStore:  # a damaged or newer store is reported, never read as "nothing played"
        if db:
            raise
        return []  # no results saved on this machine yet: nothing played


def progress_report(library: Any, entries: list[Any], now: datetime) -> dict[str, Any]:
    """The JSON-ready report (``simulator.progress.report.progress_report``, kept here for callers)."""
    from simulator.progress.report import progress_report as report

    return report(library, entries, now)


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
    for item in report.get("assignments", []):
        lines.append(f"  Assignment: {titles.get(item['scenario'], item['scenario'])}, due {item['due']}: "
                     f"{item['state']}" + (f" on {item['done_on']}" + (" (late)" if item["late"] else "")
                                           if item["done_on"] else ""))
    return "\n".join(lines)


# --- assignments ---------------------------------------------------------------------------------
def _cohort(args: argparse.Namespace, titles: dict[str, str]) -> Any:
    """The workshop's assignments, or None after saying why (no file, a broken file, no such code)."""
    from simulator.content.problems import ContentError
    from simulator.paths import data_dir
    from simulator.progress.assignments import ASSIGNMENTS_FILE, for_workshop, load_assignments

    if not args.workshop:
        print("progress: --assignments needs --workshop CODE (whose assignments to read)", file=sys.stderr)
        return None
    path = Path(args.assignments) if args.assignments else data_dir() / ASSIGNMENTS_FILE
    if not path.is_file():
        print(f"progress: no assignments file at {path}; write one (see docs/workshops.md) or give "
              "--assignments FILE", file=sys.stderr)
        return None
    try:
        assignments = load_assignments(path, set(titles))
    except ContentError as error:
        print(f"progress: the assignments file cannot be used:\n{error}", file=sys.stderr)
        return None
    cohort = for_workshop(assignments, args.workshop)
    if cohort is None:
        codes = ", ".join(w.code for w in assignments.workshops)
        print(f"progress: {path} has no workshop '{args.workshop}' (it has: {codes})", file=sys.stderr)
    return cohort


def _statuses(cohort: Any, entries: list[Any], today: date) -> list[dict[str, Any]]:
    from simulator.progress.assignments import learner_status
    from simulator.progress.report import run_facts

    return [{"scenario": s.scenario, "due": s.due.isoformat(), "state": s.state,
             "done_on": s.done_on.isoformat() if s.done_on else None, "late": s.late}
            for s in learner_status(cohort, run_facts(_in_workshop(entries, cohort.code)), today)]


def _in_workshop(entries: list[Any], code: str) -> list[Any]:
    from simulator.results.identity import same_name

    return [e for e in entries if same_name(e.workshop, code)]


def _behind(args: argparse.Namespace, cohort: Any, titles: dict[str, str]) -> int:
    from simulator.progress.assignments import behind
    from simulator.progress.report import run_facts
    from simulator.results.queries import history
    from simulator.results.store import MissingStore, open_store
    from simulator.results.workshop_data import workshop_data

    runs: dict[str, list[Any]] = {}
    try:
        with open_store(args.db, create=False) as store:
            players = {p.player for p in workshop_data(store, cohort.code).players} | set(cohort.learners)
            for player in sorted(players):
                entries = _in_workshop(history(store, player), cohort.code)  # the room's calls left out
                if not entries and player not in cohort.learners:
                    continue  # only the room's call (player "Room"): the room is not a learner
                runs[player] = run_facts(entries)
    except MissingStore:  # no results on this machine yet; any other store problem is reported
        if args.db:
            raise
    today = datetime.now(UTC).astimezone().date()
    lines = behind(cohort, runs, today)
    if args.json:
        def items(found: Any) -> list[dict[str, str]]:
            return [{"scenario": s.scenario, "due": s.due.isoformat()} for s in found]

        print(json.dumps({"workshop": cohort.code, "today": today.isoformat(), "learners": [
            {"player": line.player, "done": line.done, "overdue": items(line.overdue), "due": items(line.due)}
            for line in lines]}, indent=2))
        return 0
    print(_behind_text(cohort, lines, titles, today))
    return 0


def _behind_text(cohort: Any, lines: list[Any], titles: dict[str, str], today: date) -> str:
    total = len(cohort.assignments)
    out = [f"Workshop {cohort.code}: {total} assignment{'s' * (total != 1)}, {today.isoformat()}"]
    if not lines:
        out.append("  Nobody yet: no learner on the roster and no runs in this workshop.")
    for line in lines:
        state = "BEHIND" if line.overdue else "on track"
        out.append(f"  {line.player}: {state}, {line.done} of {total} done")
        for item in line.overdue:
            out.append(f"      overdue: {titles.get(item.scenario, item.scenario)} (was due {item.due.isoformat()})")
        for item in line.due:
            out.append(f"      due:     {titles.get(item.scenario, item.scenario)} (by {item.due.isoformat()})")
    return "\n".join(out)
