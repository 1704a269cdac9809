"""``frontline i18n export|import``: the translator round trip through gettext PO files.

``i18n export SCENARIO --lang es [--out FILE.po]`` writes a PO file (default: standard output) with
every text of the scenario (or of the principles catalog: ``principles``), the current translation
filled in. ``i18n import FILE.po [--source FILE] [--out FILE]`` writes ``<name>.<lang>.yaml`` beside
the source. Exit 0 on success, 1 when a file cannot be read or written or a text breaks the format
(every problem printed as ``file:line:col: message (fix: ...)``), 2 for bad arguments (argparse).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.common import write_output

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "i18n", help="translate a scenario or the principles catalog (gettext PO round trip)",
        description="Send a scenario to a translator and bring the translation back, checked. "
        "See docs/translating.md.")
    commands = parser.add_subparsers(dest="i18n_command", metavar="ACTION", required=True)
    export = commands.add_parser("export", help="write a PO file for translators",
                                 description="Write a gettext PO file with every text of SCENARIO (a file, a "
                                 "scenario id, or 'principles' for the catalog); texts already translated "
                                 "are filled in, stale ones marked fuzzy.")
    export.add_argument("scenario", metavar="SCENARIO", help="scenario file or id, or 'principles'")
    export.add_argument("--lang", required=True, help="target language tag, e.g. es")
    export.add_argument("--out", default="-", help="PO file to write (default: standard output)")
    export.set_defaults(handler=run_export)
    imp = commands.add_parser("import", help="read a translated PO file into <name>.<lang>.yaml",
                              description="Read a translated PO file and write the translated scenario "
                              "(same structure, translated texts) beside its source.")
    imp.add_argument("po", type=Path, metavar="FILE.po", help="the translated PO file")
    imp.add_argument("--source", type=Path, help="the source file (default: from the PO header)")
    imp.add_argument("--out", help="file to write (default: <name>.<lang>.yaml beside the source; - for stdout)")
    imp.set_defaults(handler=run_import)


def _source_path(ref: str) -> Path:
    from simulator.paths import find_scenario

    if ref in ("principles", "catalog"):
        from scoring.catalog import CATALOG_FILE

        return CATALOG_FILE
    return Path(find_scenario(ref))


def _print_problems(error: Exception) -> int:
    for problem in getattr(error, "problems", ()):
        print(problem.format(), file=sys.stderr)
    return 1


def run_export(args: argparse.Namespace) -> int:
    from scoring.catalog import default_catalog
    from simulator.content.files import translation_source
    from simulator.content.problems import ContentError
    from simulator.i18n.po import export_po

    source = _source_path(args.scenario)
    original = translation_source(source)
    if original is not None:  # x.es.yaml named: the PO is made from the English source, never from a translation
        print(f"i18n export: {source} is a translation of {original}; export from the source: "
              f"i18n export {original} --lang {args.lang} (a translation already made is carried over)",
              file=sys.stderr)
        return 1
    try:
        po = export_po(source, args.lang, default_catalog().ids())
    except ContentError as error:
        return _print_problems(error)
    if not write_output(args.out, po.__unicode__() + "\n", "i18n export"):
        return 1
    if args.out != "-":
        print(f"wrote {args.out}: {len(po)} texts, {len(po.translated_entries())} translated, "
              f"{len(po.fuzzy_entries())} fuzzy, {len(po.untranslated_entries())} untranslated", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from scoring.catalog import default_catalog
    from simulator.content.problems import ContentError
    from simulator.i18n.po import import_po

    try:
        result = import_po(args.po, default_catalog().ids(), args.source, Path(args.out) if args.out else None)
    except ContentError as error:
        return _print_problems(error)
    for warning in result.warnings:
        print(f"{args.po}: {warning}", file=sys.stderr)
    out = args.out or str(result.out)
    if not write_output(out, result.text, "i18n import"):
        return 1
    counts = ", ".join(f"{n} {state}" for state, n in result.counts.items())
    print(f"wrote {out} ({result.language}): {counts}", file=sys.stderr)
    return 0
