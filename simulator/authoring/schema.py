"""The JSON Schema of scenario format v1, for editors (yaml-language-server) and ``jsonschema``.

Contract: ``scenario_schema(principle_ids)`` returns the schema as a dict: pydantic's schema of
``Scenario`` plus a ``$schema`` dialect, a title, and (when ``principle_ids`` is given) an enum of
the catalog's principle ids for ``principles`` and the keys of ``grades`` so that editors can
autocomplete them. ``schema_text`` is the exact text shipped as ``assets/schema/scenario.schema.json``
(package data of ``assets``, so a wheel carries it; a test keeps it equal to the models, and
``frontline schema --out assets/schema/scenario.schema.json`` regenerates it).
``shipped_schema_text`` reads the shipped file through ``importlib.resources``.

Editor links (``modeline``): a scenario inside the tree that holds the shipped ``assets`` package (a
checkout's ``scenarios/`` or ``tests/fixtures/``) links the shipped file by a relative path, which
resolves in a checkout and, from the shipped scenarios, in a wheel install too
(``site-packages/scenarios`` and ``site-packages/assets`` are siblings as in the checkout). Any other
scenario (the user's folder, ``--out`` elsewhere) links ``scenario.schema.json`` beside itself, a
copy that ``frontline new`` writes or refreshes, so the link works offline and survives moving the
folder or reinstalling Frontline.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from simulator.content.models import Scenario
from simulator.paths import assets_dir

SCHEMA_PACKAGE, SCHEMA_FOLDER, SCHEMA_NAME = "assets", "schema", "scenario.schema.json"
SCHEMA_IN_CHECKOUT = f"{SCHEMA_PACKAGE}/{SCHEMA_FOLDER}/{SCHEMA_NAME}"  # for messages and docs
SCHEMA_FILE = assets_dir() / SCHEMA_FOLDER / SCHEMA_NAME
REGENERATE = f"python main.py schema --out {SCHEMA_IN_CHECKOUT}"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def scenario_schema(principle_ids: Sequence[str] = ()) -> dict[str, Any]:
    """The scenario JSON Schema; principle ids (if any) become enums for autocompletion."""
    schema = Scenario.model_json_schema()
    schema = {"$schema": DIALECT, "title": "Frontline scenario (format v1)",
              "description": "See docs/scenario-format.md.", **{k: v for k, v in schema.items() if k != "title"}}
    if principle_ids:
        ids = list(principle_ids)
        schema["properties"]["principles"]["items"] = {"enum": ids, "type": "string"}
        grades = schema["$defs"]["Choice"]["properties"]["grades"]
        grades["propertyNames"] = {"enum": ids}
    return schema


def schema_text(principle_ids: Sequence[str] = ()) -> str:
    """Stable text of the schema (sorted keys, 2-space indent, final newline)."""
    return json.dumps(scenario_schema(principle_ids), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def shipped_schema_text() -> str:
    """The shipped schema file's text, read as package data. Raises OSError when the installation
    lacks it (a broken install)."""
    return resources.files(SCHEMA_PACKAGE).joinpath(SCHEMA_FOLDER).joinpath(SCHEMA_NAME).read_text(encoding="utf-8")


def links_shipped_schema(scenario_file: Path) -> bool:
    """True when ``scenario_file`` lies in the folder tree holding the shipped ``assets`` package,
    so a relative link to the shipped schema stays valid; False means "link a copy beside it"."""
    root = SCHEMA_FILE.resolve().parents[2]
    folder = Path(scenario_file).resolve().parent
    return SCHEMA_FILE.is_file() and (folder == root or root in folder.parents)


def schema_link(scenario_file: Path) -> str:
    """The ``$schema`` value for a scenario at ``scenario_file`` (see the module doc)."""
    if not links_shipped_schema(scenario_file):
        return SCHEMA_NAME
    return Path(os.path.relpath(SCHEMA_FILE.resolve(), Path(scenario_file).resolve().parent)).as_posix()


def modeline(scenario_file: Path) -> str:
    """The ``# yaml-language-server: $schema=...`` comment for a scenario written at ``scenario_file``."""
    return f"# yaml-language-server: $schema={schema_link(scenario_file)}"
