"""The committed JSON Schema matches ``frontline schema``; shipped scenarios and starters fit it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from simulator.authoring.schema import SCHEMA_FILE, schema_text
from simulator.cli.main import main
from simulator.cli.new_cmd import write_starter
from simulator.content.files import discover, read_content
from simulator.content.loader import load_scenario
from simulator.content.safe_yaml import parse_yaml
from simulator.paths import PROJECT_ROOT, SCENARIOS_DIR


def test_committed_schema_equals_command_output(capsys, catalog):
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == schema_text(catalog.ids())
    assert SCHEMA_FILE.read_text(encoding="utf-8") == printed, (
        "docs/scenario.schema.json is stale: run  python main.py schema > docs/scenario.schema.json")


def _shipped() -> list[Path]:
    return discover([SCENARIOS_DIR]) if SCENARIOS_DIR.is_dir() else []


@pytest.mark.parametrize("path", [*_shipped(), PROJECT_ROOT / "tests/fixtures/scenarios/late_parcel.yaml"],
                         ids=lambda p: p.name)
def test_scenarios_validate_against_schema(path):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = parse_yaml(read_content(path)[0], str(path)).data
    jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_flags_unknown_keys_and_principles(catalog):
    schema = json.loads(schema_text(catalog.ids()))
    validator = jsonschema.Draft202012Validator(schema)
    data = parse_yaml(read_content(PROJECT_ROOT / "tests/fixtures/scenarios/late_parcel.yaml")[0], "x").data
    data["nodes"]["opening"]["choices"][0]["grade"] = {}
    data["principles"] = ["listen-frist"]
    messages = " ".join(e.message for e in validator.iter_errors(data))
    assert "grade" in messages and "listen-frist" in messages


def test_new_writes_valid_scenario_and_plan_and_refuses_overwrite(tmp_path, catalog):
    target = tmp_path / "pack" / "my_call.yaml"
    written = write_starter("my-call", target)
    assert written == [target, tmp_path / "pack" / "my_call.plan.yaml"]
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    loaded = load_scenario(target, catalog.ids())
    assert loaded.scenario.id == "my-call"
    with pytest.raises(FileExistsError):
        write_starter("my-call", target)


def test_new_default_modeline_points_to_docs():
    from simulator.authoring.scaffold import default_path, starter_scenario

    path = default_path("angry-billing-dispute")
    assert path == SCENARIOS_DIR / "angry_billing_dispute.yaml"
    assert starter_scenario("angry-billing-dispute", path).splitlines()[0] == (
        "# yaml-language-server: $schema=../docs/scenario.schema.json")


def test_new_command_rejects_bad_id(capsys, tmp_path):
    assert main(["new", "Bad Id", "--out", str(tmp_path / "x.yaml")]) == 1
    assert "not a valid scenario id" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()
