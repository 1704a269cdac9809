"""Trainer traps (FL701-FL705): each fires on a small trap and not on its fixed version."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
import yaml

from simulator.authoring.lint import Finding, lint_file
from simulator.authoring.lint_rules.traps import dropped_comment
from simulator.authoring.scaffold import starter_scenario
from simulator.authoring.statespace import build_state_space
from simulator.authoring.variants import silent_variants
from simulator.content.models import Scenario
from simulator.engine import ScenarioMachine
from tests.authoring.scenario_factory import choice, ending, scenario
from tests.authoring.test_lint import LF, SE, base


def trap_findings(path: Path, catalog) -> list[Finding]:
    return [f for f in lint_file(path, catalog.ids()) if f.code.startswith("FL7")]


def lint_data(tmp_path: Path, data: dict, catalog) -> list[Finding]:
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return trap_findings(path, catalog)


def lint_text(tmp_path: Path, text: str, catalog) -> list[Finding]:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return trap_findings(path, catalog)


def _variant_never_said(d):
    d["nodes"]["a"]["line"] = [{"when": "mood < 20", "text": "Forget it."}, {"text": "Hello."}]


def _unread(d):
    d["customer"]["state"]["apologized"] = 0
    d["nodes"]["a"]["choices"][0]["effects"] = {"apologized": 1}


def _starter_text(d):
    d["summary"] = "One or two sentences the player reads before starting. Say who calls and why."


def _undrawable(d):
    d["nodes"]["a"]["choices"][0]["text"] = "Done \u2713"


def _hash(d):
    d["nodes"]["a"]["line"] = "PLAIN-HASH"  # replaced by the raw text below: yaml.safe_dump would quote it


CASES = [("FL701", _hash), ("FL702", _variant_never_said), ("FL703", _unread), ("FL704", _starter_text),
         ("FL705", _undrawable)]


def _dump(data: dict) -> str:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return text.replace("PLAIN-HASH", "Your order #4471 never came.")


@pytest.mark.parametrize(("code", "breaker"), CASES, ids=[c for c, _ in CASES])
def test_trap_fires_on_bad_and_not_on_fixed(tmp_path, catalog, code, breaker):
    if code == "FL705":
        pytest.importorskip("simulator.app.fonts")
    assert lint_text(tmp_path, _dump(base()), catalog) == []
    bad = copy.deepcopy(base())
    breaker(bad)
    found = [f for f in lint_text(tmp_path, _dump(bad), catalog) if f.code == code]
    assert found and all(f.severity == "warning" and f.line > 0 and f.hint for f in found)


# --- FL701 -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("yaml_text", "dropped"), [
    ("line: Your order #4471 never came.\n", "4471 never came."),
    ("line: Sorry   # and more\n", "and more"),
    ("line: Nothing dropped here.\n", None),
    ("line: A #hashtag-free#text stays\n", "hashtag-free#text stays"),
    ("line: C#-style words stay\n", None),
    ('line: "Quoted #1 stays"\n', None),
    ("line: |\n  Block #1 stays\n", None),
    ("line: Two lines\n  then # gone\n", "gone"),
])
def test_dropped_comment(yaml_text, dropped):
    value = yaml.safe_load(yaml_text)["line"]
    assert dropped_comment(yaml_text, len("line: "), value) == dropped


def test_hash_in_plain_text_shows_what_was_dropped(tmp_path, catalog):
    [finding] = lint_text(tmp_path, _dump(_with(base(), _hash)), catalog)
    assert finding.code == "FL701"
    assert "' #4471 never came.'" in finding.message and "'Your order'" in finding.message
    assert "double quotes" in finding.hint


def test_hash_in_flow_mapping_and_comment_lines_are_understood(tmp_path, catalog):
    text = _dump(base()).replace("text: Option c1.", "text: Option c1.   # a real comment on its own?")
    text = "# a whole-line comment  # with hashes\n" + text
    [finding] = lint_text(tmp_path, text, catalog)
    assert finding.code == "FL701" and "a real comment on its own?" in finding.message
    assert lint_text(tmp_path, _dump(base()).replace("mood: 50", "mood: 50  # fine: not text"), catalog) == []


def _with(data: dict, breaker) -> dict:
    data = copy.deepcopy(data)
    breaker(data)
    return data


# --- FL702 -------------------------------------------------------------------------------------
def _moody(line: list[dict], effects: int = -10, condition: str | None = None) -> dict:
    extra = {"condition": condition} if condition else {}
    return scenario({
        "a": {"line": "Hi.", "choices": [choice("drop", "b", {LF: 1}, effects={"mood": effects}),
                                         choice("keep", "b", {LF: 0, SE: 1})]},
        "b": {"line": line, "choices": [choice("go", "e1", {LF: 1}), choice("x", "e2", {SE: 1}, **extra)]},
        "e1": ending(), "e2": ending("partially_resolved", "mixed"),
    })


def test_variant_reachable_through_effects_is_not_flagged(tmp_path, catalog):
    data = _moody([{"when": "mood < 45", "text": "Grr."}, {"text": "Fine."}])
    assert lint_data(tmp_path, data, catalog) == []


def test_variant_out_of_reach_is_flagged_with_reason(tmp_path, catalog):
    data = _moody([{"when": "mood < 30", "text": "Grr."}, {"text": "Fine."}])
    [finding] = lint_data(tmp_path, data, catalog)
    assert finding.code == "FL702" and "'when: mood < 30' never holds" in finding.message


def test_fallback_shadowed_by_an_always_true_variant(tmp_path, catalog):
    data = _moody([{"when": "mood < 60", "text": "Grr."}, {"text": "Fine."}])
    [finding] = lint_data(tmp_path, data, catalog)
    assert finding.code == "FL702" and "earlier variant's 'when' holds for every player" in finding.message


def test_debrief_variants_are_checked_on_the_final_state(tmp_path, catalog):
    data = _moody([{"text": "Fine."}])
    data["nodes"]["e1"]["ending"]["debrief"] = [
        {"when": "mood > 80", "text": "A debrief for a delighted customer, long enough to count."},
        {"text": "A debrief long enough to explain what happened and why."}]
    [finding] = lint_data(tmp_path, data, catalog)
    assert finding.code == "FL702" and "debrief variant of 'e1'" in finding.message


def test_exact_state_space_sees_conditions(catalog):
    """'rude' only opens when mood < 45, so its later variant for mood >= 45 is impossible."""
    data = scenario({
        "a": {"line": "Hi.", "choices": [choice("drop", "b", {LF: 1}, effects={"mood": -10}),
                                         choice("keep", "b", {LF: 0, SE: 1})]},
        "b": {"line": "So?", "choices": [choice("rude", "c", {LF: -1}, condition="mood < 45"),
                                         choice("kind", "e1", {SE: 1})]},
        "c": {"line": [{"when": "mood >= 45", "text": "Odd."}, {"text": "Grr."}],
              "choices": [choice("end", "e1", {LF: 1}), choice("bad", "e2", {LF: -1})]},
        "e1": ending(), "e2": ending("partially_resolved", "mixed"),
    })
    model = Scenario.model_validate(data)
    [silent] = silent_variants(model, build_state_space(model))
    assert silent.path == ("nodes", "c", "line", 0)
    assert silent_variants(model, None) == []  # without the state space nothing is claimed falsely


def test_no_variant_reported_silent_is_ever_said_in_random_play(catalog):
    """Soundness on random scenarios: every variant FL702 reports stays unsaid in 400 random runs."""
    rng = random.Random(7)
    for round_ in range(6):
        nodes = {}
        for i in range(5):
            nxt = [f"n{i + 1}" if i < 4 else "e1", f"n{min(i + 2, 4)}" if i < 3 else "e2"]
            options = [choice(f"c{k}", nxt[k % 2], {LF: rng.randint(-2, 2)},
                              effects={"mood": rng.choice((-15, -5, 5, 20))}) for k in range(3)]
            line = [{"when": f"mood {rng.choice('<>')} {rng.randint(10, 90)}", "text": f"v{i}-0"},
                    {"when": f"mood {rng.choice('<>')} {rng.randint(10, 90)}", "text": f"v{i}-1"},
                    {"text": f"v{i}-2"}]
            nodes[f"n{i}"] = {"line": line, "choices": options}
        nodes["e1"], nodes["e2"] = ending(), ending("partially_resolved", "mixed")
        model = Scenario.model_validate(scenario(nodes, start="n0"))
        silent = {(p[1], p[3]) for p in (s.path for s in silent_variants(model, build_state_space(model)))}
        said = set()
        machine = ScenarioMachine(model, "")
        for seed in range(400):
            session = machine.start(seed=seed)
            while not session.finished:
                beat = session.beat()
                said.add((session.state, int(beat.text.rsplit("-", 1)[1])))
                session.choose(rng.choice(session.open_choices()).id)
            session.close()
        assert not silent & said, (round_, silent & said)


# --- FL703, FL704 --------------------------------------------------------------------------------
def test_variables_read_or_shown_are_not_flagged(tmp_path, catalog):
    data = _with(base(), _unread)
    data["nodes"]["a"]["line"] = [{"when": "apologized", "text": "Thanks."}, {"text": "Hello."}]
    data["customer"]["state"]["patience"] = 0  # a meter the play screen shows
    data["nodes"]["a"]["choices"][1]["effects"] = {"patience": 10, "mood": 5}
    assert [f.code for f in lint_data(tmp_path, data, catalog)] == ["FL702"]  # 'apologized' is 0 at the start


def test_unread_flag_is_reported_once_at_its_first_effect(tmp_path, catalog):
    data = _with(base(), _unread)
    data["nodes"]["a"]["choices"][1]["effects"] = {"apologized": 1}
    [finding] = lint_data(tmp_path, data, catalog)
    assert finding.code == "FL703" and "'apologized' is set here" in finding.message


def test_the_starter_itself_is_flagged_and_a_rewrite_is_not(tmp_path, catalog):
    path = tmp_path / "fresh.yaml"
    path.write_text(starter_scenario("fresh", path), encoding="utf-8")
    leftovers = [f for f in trap_findings(path, catalog) if f.code == "FL704"]
    assert len(leftovers) > 10 and all(f.line > 0 for f in leftovers)
    assert "FL704" not in [f.code for f in lint_data(tmp_path, base(), catalog)]


# --- FL705 -------------------------------------------------------------------------------------
def test_names_the_shipped_fonts_draw_are_not_flagged(tmp_path, catalog):
    pytest.importorskip("simulator.app.fonts")
    data = base()
    data["customer"]["name"] = "Ольга 王小明 سارة"
    data["nodes"]["a"]["line"] = "Café – “quoted” … 😀"
    assert lint_data(tmp_path, data, catalog) == []
    data["customer"]["name"] = "\u0928\u092e\u093f\u0924\u093e"  # Devanagari: no shipped font has it
    [finding] = lint_data(tmp_path, data, catalog)
    assert finding.code == "FL705" and "U+0928" in finding.message


def test_lint_works_without_pygame(tmp_path, catalog, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "simulator.app.fonts", None)  # import fails like a missing pygame
    assert lint_data(tmp_path, _with(base(), _undrawable), catalog) == []
