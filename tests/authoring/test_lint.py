"""Each lint code fires on a small bad scenario and not on its fixed version."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from simulator.authoring.lint import lint_file
from simulator.authoring.lint_codes import CODES
from simulator.cli.main import main
from simulator.paths import PROJECT_ROOT
from tests.authoring.scenario_factory import choice, ending, scenario

LF, SE = "listen-first", "show-empathy"


def base() -> dict:
    """A tiny scenario that lints clean."""
    return scenario({
        "a": {"line": "Hello.", "choices": [choice("c1", "e1", {LF: 2, SE: 0}), choice("c2", "e2", {LF: -1, SE: 1})]},
        "e1": ending(), "e2": ending("partially_resolved", "mixed"),
    })


def codes(tmp_path: Path, data: dict, catalog) -> list[str]:
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return [f.code for f in lint_file(path, catalog.ids())]


def test_base_is_clean(tmp_path, catalog):
    assert codes(tmp_path, base(), catalog) == []


def _orphan(d):
    d["nodes"]["orphan"] = ending()


def _trap(d):
    d["nodes"]["a"]["choices"].append(choice("c3", "b", {LF: -2, SE: 0}))
    d["nodes"]["b"] = {"line": "b", "choices": [choice("x", "t", {LF: 1})]}
    d["nodes"]["t"] = {"line": "t", "choices": [choice("y", "u", {LF: 1})]}
    d["nodes"]["u"] = {"line": "u", "choices": [choice("z", "t", {LF: 1})]}


def _never(d):
    d["nodes"]["a"]["choices"].append(choice("c3", "hidden", {LF: 0, SE: 3}, condition="mood > 90"))
    d["nodes"]["hidden"] = ending()


def _stuck(d):
    d["customer"]["state"]["patience"] = 50
    d["nodes"]["a"]["choices"][0]["next"] = "b"
    d["nodes"]["a"]["choices"][0]["effects"] = {"patience": -50}
    d["nodes"]["b"] = {"line": "b", "choices": [choice("go", "e1", {LF: 1}, condition="patience > 30"),
                                                choice("wait", "b", {LF: 0})]}


def _debrief(d):
    d["nodes"]["e1"]["ending"]["debrief"] = "TODO"


def _ungraded(d):
    d["nodes"]["a"]["choices"].append(choice("c3", "e1", {}))


def _feedback(d):
    d["nodes"]["a"]["choices"][1]["feedback"] = "TBD"


def _claimed(d):
    d["principles"].append("be-honest")


def _unclaimed(d):
    d["nodes"]["a"]["choices"][1]["grades"]["be-honest"] = 1


def _best_unreachable(d):
    d["nodes"]["a"]["choices"][0]["next"] = "a"


def _dominated(d):
    d["nodes"]["a"]["choices"].append(choice("c3", "e2", {LF: -2, SE: -1}))


def _perfect_bad(d):
    d["nodes"]["e1"] = ending("customer_lost", "bad")


def _short_timer(d):
    d["nodes"]["a"].update({"time_limit": 3, "timeout_choice": "c2"})


def _timeout_best(d):
    d["nodes"]["a"].update({"time_limit": 60, "timeout_choice": "c1"})


def _long_text(d):
    d["nodes"]["a"]["choices"][0]["text"] = "word " * 50


def _many_options(d):
    d["nodes"]["a"]["choices"] += [choice(f"x{i}", "e2", {LF: -1, SE: 1}) for i in range(5)]


def _missing_portrait(d):
    d["customer"]["portrait"] = "portraits/sam.png"


def _gameable(d):
    """Five decisions in a row where the longest option is always the best: 'longest' games it."""
    for i in range(5):
        nxt = f"g{i + 1}" if i < 4 else "e1"
        best = choice("c1", nxt, {LF: 2, SE: 0}, text=f"Let me go through step {i} with you properly.")
        d["nodes"][f"g{i}"] = {"line": "Go on.", "choices": [best, choice("c2", "e2", {LF: -1, SE: 1})]}
    d["nodes"]["a"]["choices"][0]["next"] = "g0"


def _invalid(d):
    del d["nodes"]["e1"]["ending"]["debrief"]


def _skippable_claim(d):
    first, second = d["nodes"]["a"]["choices"]
    first.update(id="thank-colleague", text="Thank the colleague who helped before you go on.")
    second["next"] = "e1"  # a second way into the same ending, without the thanks
    d["nodes"]["e1"]["ending"]["debrief"] = "You thanked the colleague who helped, which keeps the team with you."


CASES = [
    ("FL001", _invalid), ("FL101", _orphan), ("FL102", _trap), ("FL103", _trap), ("FL104", _never),
    ("FL105", _never), ("FL106", _stuck), ("FL201", _debrief), ("FL202", _ungraded), ("FL203", _feedback),
    ("FL204", _claimed), ("FL205", _unclaimed), ("FL206", _best_unreachable), ("FL207", _dominated),
    ("FL208", _perfect_bad), ("FL209", _skippable_claim), ("FL301", _short_timer), ("FL302", _timeout_best),
    ("FL401", _long_text), ("FL402", _many_options), ("FL403", _missing_portrait), ("FL601", _gameable),
]


@pytest.mark.parametrize(("code", "breaker"), CASES, ids=[c for c, _ in CASES])
def test_code_fires_on_bad_and_not_on_fixed(tmp_path, catalog, code, breaker):
    bad = copy.deepcopy(base())
    breaker(bad)
    assert code in codes(tmp_path, bad, catalog)
    assert code not in codes(tmp_path, base(), catalog)


def test_portrait_found_beside_the_scenario_is_clean(tmp_path, catalog):
    data = base()
    _missing_portrait(data)
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    [finding] = [f for f in lint_file(path, catalog.ids()) if f.code == "FL403"]
    assert finding.severity == "warning" and finding.line > 0
    assert "portrait 'portraits/sam.png' is not a file" in finding.message
    assert str(tmp_path / "portraits" / "sam.png") in finding.message
    (tmp_path / "portraits").mkdir()
    (tmp_path / "portraits" / "sam.png").write_bytes(b"\x89PNG")
    assert "FL403" not in codes(tmp_path, data, catalog)



def test_a_portrait_link_that_loops_is_reported_as_a_loop(tmp_path, catalog):
    data = base()
    _missing_portrait(data)
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    (tmp_path / "portraits").mkdir()
    (tmp_path / "portraits" / "sam.png").symlink_to(tmp_path / "portraits" / "other.png")
    (tmp_path / "portraits" / "other.png").symlink_to(tmp_path / "portraits" / "sam.png")
    [finding] = [f for f in lint_file(path, catalog.ids()) if f.code == "FL403"]
    assert finding.message.startswith("the portrait path loops back on itself: ")
    assert str(tmp_path / "portraits" / "sam.png") in finding.message and "not a file" not in finding.message

def test_every_code_is_documented_and_tested():
    text = (PROJECT_ROOT / "docs" / "lint-codes.md").read_text(encoding="utf-8")
    from tests.authoring.test_lint_details import CASES as DETAIL_CASES
    from tests.authoring.test_lint_tells import CASES as TELL_CASES
    from tests.authoring.test_lint_traps import CASES as TRAP_CASES
    from tests.i18n.test_structure import CASES as TRANSLATION_CASES

    tested = {c for c, _ in (*CASES, *TELL_CASES, *TRAP_CASES, *TRANSLATION_CASES, *DETAIL_CASES)}
    for code in CODES:
        assert f"## {code}" in text, f"{code} has no section in docs/lint-codes.md"
        assert code in tested or code == "FL901"


def test_findings_have_positions_and_hints(tmp_path, catalog):
    data = base()
    _orphan(data)
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    [finding] = lint_file(path, catalog.ids())
    assert finding.format().startswith(f"{path}:")
    assert finding.line > 1 and finding.hint


def test_cli_exit_codes_strict_and_json(tmp_path, catalog, capsys):
    data = base()
    _orphan(data)  # a warning
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert main(["lint", str(path)]) == 0
    assert main(["lint", "--strict", str(path)]) == 1
    capsys.readouterr()
    assert main(["lint", "--json", str(path)]) == 0
    import json

    report = json.loads(capsys.readouterr().out)
    assert report["files"][str(path)][0]["code"] == "FL101"
    _invalid(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert main(["lint", str(path)]) == 1


def test_fl209_spares_a_debrief_variant_that_follows_the_path(tmp_path, catalog):
    """The skipping path gets its own variant (a flag set by the thanks): nothing to report."""
    data = copy.deepcopy(base())
    _skippable_claim(data)
    data["customer"]["state"]["thanked"] = 0
    data["nodes"]["a"]["choices"][0]["effects"] = {"thanked": 1}
    data["nodes"]["e1"]["ending"]["debrief"] = [
        {"when": "thanked == 1", "text": "You thanked the colleague who helped, which keeps the team with you."},
        {"text": "The call went well; next time, close the loop with the people who helped you."}]
    assert "FL209" not in codes(tmp_path, data, catalog)
