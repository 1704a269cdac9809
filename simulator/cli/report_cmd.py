"""``frontline report --workshop CODE --format html|csv|xapi|learner --out FILE``: a workshop's results.

html: one self-contained page (opens offline); csv: one row per run, safe for spreadsheets;
xapi: a JSON array of xAPI statements for an LMS/LRS (``--send URL`` posts them to an LRS with
basic auth instead of, or as well as, writing them); learner: a printable one-page summary per
learner (``--player NAME`` for one). The workshop code (and ``--player``) is compared ignoring case
and spaces.
Exit codes: 0 on success; 1 when the file cannot be written or an argument is bad; 3 when the
results database cannot be used; 4 when no run carries the workshop code (or the player has no
run in it); 5 when the LRS does not take the statements.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.cli.common import add_db_flag, store_errors, write_output

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands

NO_RUNS_EXIT, LRS_FAILED_EXIT = 4, 5


def register(subparsers: Subcommands) -> None:
    from simulator.paths import SCENARIOS_DIR
    from simulator.results.report_registry import REPORT_FORMATS

    parser = subparsers.add_parser(
        "report", help="write a workshop report (html, csv, xapi or learner pages)",
        description="Write a workshop's results: an offline HTML report, a CSV for spreadsheets, "
        "xAPI statements for a learning management system (or sent to its LRS), or a printable "
        "page per learner.")
    parser.add_argument("--workshop", required=True, help="workshop code (case and spaces ignored)")
    parser.add_argument("--format", choices=tuple(REPORT_FORMATS), default="html", help="default html")
    parser.add_argument("--out", help="file to write ('-' for standard output); optional with --send")
    parser.add_argument("--player", help="with --format learner: only this learner's page")
    add_db_flag(parser)
    parser.add_argument("--scenarios", type=Path, default=SCENARIOS_DIR,
                        help="folder of scenario files, for titles and option text (default: scenarios/)")
    xapi = parser.add_argument_group("xAPI (--format xapi)")
    xapi.add_argument("--activity-base", metavar="URL", help="address under which activity and extension ids "
                      "are made (default https://frontline.invalid/xapi; use your LMS's)")
    xapi.add_argument("--send", metavar="URL", help="post the statements to this LRS's xAPI endpoint")
    xapi.add_argument("--lrs-user", help="LRS user for basic auth (default: $FRONTLINE_LRS_USER)")
    xapi.add_argument("--lrs-password", help="LRS password (default: $FRONTLINE_LRS_PASSWORD)")
    parser.set_defaults(handler=run)


def build(store, args: argparse.Namespace, records: list[Any]) -> str:  # type: ignore[no-untyped-def]
    """The report's text, written by the format registered as ``args.format``."""
    from simulator.results.report_registry import ReportRequest, write_report

    request = ReportRequest(store, records, args.workshop, args.scenarios, args.activity_base, args.player)
    return write_report(args.format, request)


def _check_args(args: argparse.Namespace) -> str | None:
    """A message when the arguments do not fit together, else None (fills in defaults)."""
    if args.out is None and not args.send:
        return "give --out FILE (or '-'), or --send URL with --format xapi"
    if args.send and args.format != "xapi":
        return "--send posts xAPI statements: use it with --format xapi"
    if args.player and args.format != "learner":
        return "--player picks one learner's page: use it with --format learner"
    from simulator.results.xapi import DEFAULT_BASE, check_base

    try:
        args.activity_base = check_base(args.activity_base or DEFAULT_BASE)
        if args.send:
            from simulator.results.lrs import statements_url

            statements_url(args.send)
    except ValueError as error:
        return str(error)
    return None


def _records(store, args: argparse.Namespace) -> tuple[list[Any], str | None]:  # type: ignore[no-untyped-def]
    """The workshop's runs (of ``--player`` when given), or a warning when there are none."""
    from simulator.results.identity import same_name

    records = list(store.iter_records(workshop=args.workshop))
    if not records:
        known = sorted({s for s in _known_codes(store)}, key=str.casefold)
        hint = f"codes with runs here: {', '.join(known[:12])}" if known else "this database holds no runs yet"
        return [], (f"report: warning: no runs carry workshop code '{args.workshop}' in {store.where} "
                    f"(codes are compared ignoring case and spaces; {hint}); nothing written")
    if args.player:
        records = [r for r in records if same_name(r.player, args.player)]
        if not records:
            return [], f"report: warning: no runs of player '{args.player}' in workshop '{args.workshop}'"
    return records, None


def _known_codes(store) -> list[str]:  # type: ignore[no-untyped-def]
    from simulator.results.queries import facets

    return [code for code in facets(store).workshops if code]


@store_errors("results")
def run(args: argparse.Namespace) -> int:
    from simulator.results.store import open_store

    problem = _check_args(args)
    if problem:
        print(f"report: {problem}", file=sys.stderr)
        return 1
    with open_store(args.db, create=False) as store:
        records, warning = _records(store, args)
        if warning:
            print(warning, file=sys.stderr)
            return NO_RUNS_EXIT
        text = build(store, args, records)
    if args.out is not None:
        if not write_output(args.out, text, "report"):
            return 1
        if args.out != "-":
            print(f"wrote {args.format} report for workshop {args.workshop} to {args.out}", file=sys.stderr)
    if args.send:
        return _send(args, text)
    return 0


def _send(args: argparse.Namespace, text: str) -> int:
    import json

    from simulator.results.lrs import ENV_PASSWORD, ENV_USER, LrsError, send

    user = args.lrs_user or os.environ.get(ENV_USER, "")
    password = args.lrs_password if args.lrs_password is not None else os.environ.get(ENV_PASSWORD, "")
    if not user:
        print(f"report: --send needs the LRS user: --lrs-user NAME or ${ENV_USER}", file=sys.stderr)
        return 1
    try:
        sent = send(args.send, json.loads(text), user, password)
    except LrsError as error:
        print(f"report: {error}", file=sys.stderr)
        return LRS_FAILED_EXIT
    print(f"sent {sent} xAPI statement(s) to {args.send}", file=sys.stderr)
    return 0
