"""``frontline report --workshop CODE --format html|csv|xapi --out FILE``: a workshop's results.

html: one self-contained page (opens offline); csv: one row per run, safe for spreadsheets;
xapi: a JSON array of xAPI statements for an LMS/LRS. Exit 0 on success, 1 when the file cannot
be written, 3 when the results database cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.cli.common import add_db_flag, store_errors, write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    from simulator.paths import SCENARIOS_DIR

    parser = subparsers.add_parser(
        "report", help="write a workshop report (html, csv or xapi)",
        description="Write a workshop's results: an offline HTML report, a CSV for spreadsheets, "
        "or xAPI statements for a learning management system.")
    parser.add_argument("--workshop", required=True, help="workshop code")
    parser.add_argument("--format", choices=("html", "csv", "xapi"), default="html", help="default html")
    parser.add_argument("--out", required=True, help="file to write ('-' for standard output)")
    add_db_flag(parser)
    parser.add_argument("--scenarios", type=Path, default=SCENARIOS_DIR,
                        help="folder of scenario files, for titles and option text (default: scenarios/)")
    parser.set_defaults(handler=run)


def build(store, args: argparse.Namespace) -> str:  # type: ignore[no-untyped-def]
    from simulator.results.scenario_info import load_infos

    infos = load_infos(args.scenarios)
    if args.format == "html":
        from simulator.results.html_report import render_html
        from simulator.results.records import now_utc
        from simulator.results.summary import load_summary

        return render_html(load_summary(store, args.workshop, args.scenarios), now_utc())
    records = list(store.iter_records(workshop=args.workshop))
    if args.format == "csv":
        from scoring.catalog import default_catalog
        from simulator.results.report_formats import render_csv

        seen = {p for r in records for p in r.principle_scores}
        ordered = [p for p in default_catalog().ids() if p in seen] + sorted(seen - set(default_catalog().ids()))
        return render_csv(records, ordered)
    from simulator.results.report_formats import render_xapi

    return render_xapi(records, {i.id: i.title for i in infos.values()})


@store_errors("results")
def run(args: argparse.Namespace) -> int:
    from simulator.results.store import open_store

    with open_store(args.db, create=False) as store:
        text = build(store, args)
    if not write_output(args.out, text, "report"):
        return 1
    if args.out != "-":
        print(f"wrote {args.format} report for workshop {args.workshop} to {args.out}", file=sys.stderr)
    return 0
