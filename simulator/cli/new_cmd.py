"""``frontline new ID``: write a valid starter scenario and its test plan, never overwriting.

Where: ``--out FILE``, else the user's own scenario folder (``simulator.paths.user_scenarios_dir``,
shown in the game's picker beside the shipped scenarios); never into the installation. The
scenario's first line links the JSON Schema for editors (``simulator.authoring.schema.modeline``):
inside a checkout, the shipped ``assets/schema/scenario.schema.json`` by a relative path; anywhere
else (the user's folder, ``--out`` outside the checkout, every wheel install) a
``scenario.schema.json`` copied from the shipped one and written (or refreshed) beside the new
file, so the link always points at a file that exists, offline, wherever the folder moves.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.cli.subcommands import Subcommands

def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "new", help="write a starter scenario (and its test plan) to edit",
        description="Write a small, valid starter scenario to your own scenario folder (shown in the "
        "game's picker) as <id_snake>.yaml, or to --out FILE, with its test plan beside it "
        "(<name>.plan.yaml). Refuses to overwrite existing files.",
    )
    parser.add_argument("id", help="scenario id, e.g. angry-billing-dispute")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="where to write the scenario (e.g. ./my_call.yaml for the current folder)")
    parser.add_argument("--no-plan", action="store_true", help="do not write a test plan")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from simulator.paths import command_name

    try:
        written = write_starter(args.id, args.out, with_plan=not args.no_plan)
    except (ValueError, FileExistsError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except RuntimeError as error:  # pathlib's resolve() meeting a symbolic link loop (before Python 3.13)
        print(f"error: {error} (symbolic links that point at each other); nothing was written (fix: remove "
              "the link, or pick another file with --out)", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(f"next: edit {written[0]}, then run: {command_name()} lint {written[0]}", file=sys.stderr)
    return 0


def default_target(scenario_id: str) -> Path:
    from simulator.paths import user_scenarios_dir

    return user_scenarios_dir() / f"{scenario_id.replace('-', '_')}.yaml"


def write_starter(scenario_id: str, out: Path | None, *, with_plan: bool = True) -> list[Path]:
    """Write the starter scenario (and plan, and a local schema when needed); the paths written.
    Raises ValueError for a bad id, FileExistsError (nothing written) when a file exists."""
    from simulator.authoring.scaffold import check_id, plan_path, starter_plan, starter_scenario, write_files
    from simulator.authoring.schema import SCHEMA_NAME, links_shipped_schema

    check_id(scenario_id)
    target = Path(out) if out is not None else default_target(scenario_id)
    files = {target: starter_scenario(scenario_id, target)}
    local_schema = None if links_shipped_schema(target) else target.parent / SCHEMA_NAME
    if with_plan:
        files[plan_path(target)] = starter_plan(scenario_id, target)
    written = write_files(files)
    if local_schema is not None:
        _refresh_schema(local_schema)
    return written


def _refresh_schema(path: Path) -> None:
    """Write the shipped schema to ``path`` unless it is there already (a warning, never a failure:
    the scenario is written; only the editor's help is missing)."""
    from simulator.authoring.schema import shipped_schema_text

    try:
        text = shipped_schema_text()
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"warning: could not write the schema for editors to {path}: {error}", file=sys.stderr)
