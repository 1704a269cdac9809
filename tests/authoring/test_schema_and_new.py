"""The shipped JSON Schema (assets/schema) matches the models and ``frontline schema``; shipped
scenarios and starters fit it, and every editor link in a scenario points at a file that exists."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from simulator.authoring.schema import REGENERATE, SCHEMA_FILE, schema_text, shipped_schema_text
from simulator.cli.main import main
from simulator.cli.new_cmd import write_starter
from simulator.content.files import discover, read_content
from simulator.content.loader import load_scenario
from simulator.content.safe_yaml import parse_yaml
from simulator.paths import PROJECT_ROOT, SCENARIOS_DIR


def test_shipped_schema_equals_the_models_and_the_command_output(capsys, catalog):
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == schema_text(catalog.ids())
    assert SCHEMA_FILE == PROJECT_ROOT / "assets" / "schema" / "scenario.schema.json"
    assert shipped_schema_text() == printed, f"{SCHEMA_FILE} is stale: run  {REGENERATE}"


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


def test_new_default_modeline_points_to_the_shipped_schema():
    from simulator.authoring.scaffold import default_path, starter_scenario

    path = default_path("angry-billing-dispute")
    assert path == SCENARIOS_DIR / "angry_billing_dispute.yaml"
    assert starter_scenario("angry-billing-dispute", path).splitlines()[0] == (
        "# yaml-language-server: $schema=../assets/schema/scenario.schema.json")


def _schema_links() -> list[Path]:
    folders = [SCENARIOS_DIR, PROJECT_ROOT / "tests" / "fixtures"]
    return sorted(p for folder in folders for p in folder.rglob("*.y*ml")
                  if p.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema="))


@pytest.mark.parametrize("path", _schema_links(), ids=lambda p: p.name)
def test_every_editor_link_in_the_repository_resolves(path):
    link = path.read_text(encoding="utf-8").splitlines()[0].split("$schema=", 1)[1].strip()
    assert (path.parent / link).resolve() == SCHEMA_FILE.resolve(), (
        f"{path}: fix the first line to  # yaml-language-server: $schema=<relative path to {SCHEMA_FILE.name}>")


def test_new_command_rejects_bad_id(capsys, tmp_path):
    assert main(["new", "Bad Id", "--out", str(tmp_path / "x.yaml")]) == 1
    assert "not a valid scenario id" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_new_outside_the_checkout_links_a_copy_of_the_shipped_schema_beside_it(tmp_path):
    target = tmp_path / "mine" / "my_call.yaml"
    write_starter("my-call", target, with_plan=False)
    assert target.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=scenario.schema.json"
    copy = target.parent / "scenario.schema.json"
    assert copy.read_text(encoding="utf-8") == shipped_schema_text()
    copy.write_text("{}", encoding="utf-8")  # an older copy is refreshed by the next new
    write_starter("my-other-call", target.parent / "other.yaml", with_plan=False)
    assert copy.read_text(encoding="utf-8") == shipped_schema_text()


def test_schema_command_writes_checks_and_locates_the_shipped_file(tmp_path, capsys, catalog):
    out = tmp_path / "scenario.schema.json"
    assert main(["schema", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == schema_text(catalog.ids())
    assert main(["schema", "--check"]) == 0
    assert main(["schema", "--path"]) == 0
    assert capsys.readouterr().out.strip() == str(SCHEMA_FILE)
    assert main(["schema", "--out", str(tmp_path / "missing" / "x.json")]) == 1
    assert "could not write the schema" in capsys.readouterr().err


def test_schema_check_names_the_fix_when_the_shipped_file_is_stale(monkeypatch, capsys):
    import simulator.authoring.schema as schema

    monkeypatch.setattr(schema, "shipped_schema_text", lambda: "{}\n")
    assert main(["schema", "--check"]) == 1
    assert REGENERATE in capsys.readouterr().err
