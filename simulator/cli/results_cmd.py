"""``frontline results export|import``: move runs between results stores as JSON lines.

Exit codes: 0 on success; 1 when an import file had bad lines (the good ones are imported) or a
file cannot be read/written; 3 when the results database cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from simulator.cli.common import add_db_flag, store_errors, write_output

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands

DB_HELP = ("results database: sqlite:///file.db or postgresql://user:pass@host/db "
           "(default: $FRONTLINE_DB or the local file)")


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "results", help="export or import saved results (JSON lines)",
        description="Merge results from laptops with no shared database: export on each laptop, "
        "import on one. Importing the same file twice adds nothing twice.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write saved runs as JSON lines")
    export.add_argument("--workshop", help="only runs of this workshop code")
    export.add_argument("--out", default="-", help="file to write (default: standard output)")
    add_db_flag(export, DB_HELP)
    export.set_defaults(handler=run_export)
    imp = actions.add_parser("import", help="add runs from JSON-lines files")
    imp.add_argument("files", nargs="+", metavar="FILE", help="exported file ('-' for standard input)")
    add_db_flag(imp, DB_HELP)
    imp.set_defaults(handler=run_import)


@store_errors("results")
def run_export(args: argparse.Namespace) -> int:
    from simulator.results.store import open_store
    from simulator.results.transfer import export_lines

    with open_store(args.db, create=False) as store:
        lines = list(export_lines(store, args.workshop))
    if not write_output(args.out, "".join(line + "\n" for line in lines), "results"):
        return 1
    print(f"exported {len(lines)} run(s)", file=sys.stderr)
    return 0


@store_errors("results")
def run_import(args: argparse.Namespace) -> int:
    from simulator.results.store import open_store

    status = 0
    with open_store(args.db) as store:
        for name in args.files:
            status = _import_file(store, name) or status
    return status


def _import_file(store, name: str) -> int:  # type: ignore[no-untyped-def]
    """Import one file line by line (never all in memory); 0 when every line was good."""
    from simulator.results.transfer import import_lines

    try:
        handle = sys.stdin if name == "-" else open(name, encoding="utf-8", errors="replace")  # noqa: SIM115
    except OSError as error:
        print(f"{name}: cannot read: {error.strerror or error}", file=sys.stderr)
        return 1
    try:
        result = import_lines(store, handle)
    except OSError as error:
        print(f"{name}: cannot read: {error.strerror or error}", file=sys.stderr)
        return 1
    finally:
        if handle is not sys.stdin:
            handle.close()
    for number, reason in result.problems:
        print(f"{name}:{number}: {reason}", file=sys.stderr)
    print(f"{name}: added {result.added}, already present {result.already}, "
          f"bad lines {len(result.problems)}", file=sys.stderr)
    return 0 if result.ok else 1
