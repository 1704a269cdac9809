"""The JSON Schema of scenario format v1, for editors (yaml-language-server) and ``jsonschema``.

Contract: ``scenario_schema(principle_ids)`` returns the schema as a dict: pydantic's schema of
``Scenario`` plus a ``$schema`` dialect, a title, and (when ``principle_ids`` is given) an enum of
the catalog's principle ids for ``principles`` and the keys of ``grades`` so that editors can
autocomplete them. ``schema_text`` is the exact text committed as ``docs/scenario.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from simulator.content.models import Scenario
from simulator.paths import PROJECT_ROOT

SCHEMA_FILE = PROJECT_ROOT / "docs" / "scenario.schema.json"
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


def modeline(scenario_file: Path) -> str:
    """The ``# yaml-language-server: $schema=...`` comment for a scenario written at ``scenario_file``."""
    import os

    target = os.path.relpath(SCHEMA_FILE, Path(scenario_file).resolve().parent)
    return f"# yaml-language-server: $schema={Path(target).as_posix()}"
