"""Tell rules (FL501-FL506): a tell-ridden scenario is flagged, a balanced one passes."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from simulator.authoring.lint import Finding, lint_file
from simulator.authoring.lint_rules.tells import phrase_tells_in, words
from simulator.content.models import Scenario
from tests.authoring.scenario_factory import choice, ending, scenario

LF, SE, BH = "listen-first", "show-empathy", "be-honest"
TELL_CODES = ("FL501", "FL502", "FL503", "FL504", "FL505", "FL506")
# Every option has an upside against each sibling (no straw options): best net 1, middle 0, worst -1.
BEST, MIDDLE, WORST = {LF: 2, SE: 0, BH: -1}, {LF: 0, SE: 1, BH: -1}, {LF: -2, SE: -1, BH: 2}
# Per decision: (best, middle, worst) texts; the best is the longest only in d1, never by much.
TEXTS = [
    ("Tell me what happened first.", "Oh dear, what a week you have had with this parcel.",
     "Couriers are slow in December, it should arrive any day."),
    ("Which address did the parcel go to?", "That must be so frustrating to hear again.",
     "Honestly, I cannot see any tracking at all."),
    ("I'll ring the depot myself and call you back by five o'clock today.",
     "Shall I pass this over to the team that handles deliveries?", "Our system shows it as delivered."),
    ("Here is what I will do next.", "I hear how tired you are of chasing this up every day.",
     "To be straight with you, nobody here knows where it is."),
]


def balanced() -> dict:
    """Four graded decisions in a row that give nothing away: lints clean of FL5xx."""
    nodes: dict = {}
    for i, texts in enumerate(TEXTS):
        nxt = f"d{i + 1}" if i + 1 < len(TEXTS) else "good"
        grades = (BEST, MIDDLE, WORST)
        ids = ("best", "middle", "worst")
        nodes[f"d{i}"] = {"line": f"Customer line {i}.", "choices": [
            choice(ids[k], nxt if k == 0 else "meh", dict(grades[k]), text=texts[k]) for k in (1, 0, 2)]}
    nodes["good"], nodes["meh"] = ending(), ending("partially_resolved", "mixed")
    return scenario(nodes, start="d0", principles=(LF, SE, BH))


def findings(tmp_path: Path, data: dict, catalog) -> list[Finding]:
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return [f for f in lint_file(path, catalog.ids()) if f.code.startswith(("FL5", "FL7"))]


def _options(data: dict, node: str) -> dict[str, dict]:
    return {c["id"]: c for c in data["nodes"][node]["choices"]}


def _longest_best(d):
    for i in range(len(TEXTS)):
        _options(d, f"d{i}")["best"]["text"] += " I will stay on this with you until it is fully sorted out."


def _far_longer(d):
    _options(d, "d1")["best"]["text"] = "Which address did it go to, and did you get any card or text from the driver?"


def _sorry_tell(d):
    for i in range(len(TEXTS)):
        option = _options(d, f"d{i}")["best"]
        option["text"] = "I'm sorry. " + option["text"]


def _policy_tell(d):
    for i in range(len(TEXTS)):
        option = _options(d, f"d{i}")["worst"]
        option["text"] = option["text"] + " That is the policy."


def _flat(d):
    for option in d["nodes"]["d2"]["choices"]:
        option["grades"] = {LF: 1}


def _twins(d):
    _options(d, "d0")["worst"]["text"] = "  tell me WHAT happened first."


def _straw(d):
    for i in range(len(TEXTS)):
        _options(d, f"d{i}")["worst"]["grades"] = {LF: -2, SE: -1, BH: -1}


CASES = [("FL501", _longest_best), ("FL502", _far_longer), ("FL503", _sorry_tell), ("FL504", _flat),
         ("FL505", _twins), ("FL506", _straw)]


def test_balanced_scenario_passes(tmp_path, catalog):
    assert findings(tmp_path, balanced(), catalog) == []


@pytest.mark.parametrize(("code", "breaker"), CASES, ids=[c for c, _ in CASES])
def test_tell_is_flagged(tmp_path, catalog, code, breaker):
    bad = copy.deepcopy(balanced())
    breaker(bad)
    found = findings(tmp_path, bad, catalog)
    assert code in [f.code for f in found]
    assert all(f.severity == "warning" and f.line > 0 and f.hint for f in found if f.code == code)


def test_length_tell_counts_decisions_and_chance(tmp_path, catalog):
    data = balanced()
    _longest_best(data)
    [tell] = [f for f in findings(tmp_path, data, catalog) if f.code == "FL501"]
    assert "longest in 4 of 4 graded decisions (100 %; chance would be about 33 %)" in tell.message


def test_one_longest_best_is_not_a_scenario_tell(tmp_path, catalog):
    codes = [f.code for f in findings(tmp_path, balanced(), catalog)]
    assert "FL501" not in codes  # d2's best is the longest: 1 of 4 is chance, not a tell


def test_far_longer_names_the_option_and_lengths(tmp_path, catalog):
    data = balanced()
    _far_longer(data)
    [tell] = [f for f in findings(tmp_path, data, catalog) if f.code == "FL502"]
    assert "'best' is 77 characters" in tell.message and "longest other: 43" in tell.message


def test_phrase_tells_report_phrase_counts_and_base_rate():
    data = balanced()
    _sorry_tell(data)
    _policy_tell(data)
    tells = {(t.phrase, t.kind): t for t in phrase_tells_in(Scenario.model_validate(data))}
    sorry, policy = tells[("sorry", "best")], tells[("policy", "worst")]
    assert (sorry.options, sorry.hits, round(sorry.base_rate, 2)) == (4, 4, 0.33)
    assert (policy.options, policy.hits) == (4, 4)
    assert ("i'm sorry", "best") not in tells  # same options as 'sorry': reported once


def test_phrase_used_by_good_and_bad_options_is_no_tell():
    data = balanced()
    _sorry_tell(data)
    for i in (0, 1):
        option = _options(data, f"d{i}")["worst"]
        option["text"] = "I'm sorry. " + option["text"]
        option = _options(data, f"d{i}")["middle"]
        option["text"] = "I'm sorry. " + option["text"]
    assert not [t for t in phrase_tells_in(Scenario.model_validate(data)) if t.phrase == "sorry"]


def test_mined_phrases_find_tells_outside_the_stock_list():
    data = balanced()
    for i in range(len(TEXTS)):
        option = _options(data, f"d{i}")["best"]
        option["text"] += " Right now."
    mined = {t.phrase for t in phrase_tells_in(Scenario.model_validate(data))}
    assert "right now" in mined or "now" in mined


def test_customer_first_name_is_a_stock_phrase():
    data = balanced()
    for i in range(3):
        option = _options(data, f"d{i}")["best"]
        option["text"] = "Pat, " + option["text"]
    tells = phrase_tells_in(Scenario.model_validate(data))
    assert [t.phrase for t in tells] == ["pat"]  # 3 of 3: too few to pass as a mined phrase, but stock


def test_words_read_typographic_apostrophes():
    assert words("I’m SORRY, Pat!") == ("i'm", "sorry", "pat")


def test_straw_message_lists_each_straw_option(tmp_path, catalog):
    data = balanced()
    _straw(data)
    [tell] = [f for f in findings(tmp_path, data, catalog) if f.code == "FL506"]
    assert "4 of 12 options (33 %)" in tell.message
    assert all(f"d{i}/worst (vs middle)" in tell.message for i in range(4))  # middle comes first


def test_dilemma_with_equal_nets_is_not_flat(tmp_path, catalog):
    data = balanced()
    options = data["nodes"]["d2"]["choices"]
    options[0]["grades"], options[1]["grades"], options[2]["grades"] = {LF: 1}, {SE: 1}, {BH: 1}
    assert "FL504" not in [f.code for f in findings(tmp_path, data, catalog)]


def test_strict_fails_on_a_tell(tmp_path, catalog):
    from simulator.cli.main import main
    from tests.authoring.test_lint import base

    data = base()  # one decision: clean, and too short for FL601's bots
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert main(["lint", "--strict", str(path)]) == 0
    data["nodes"]["a"]["choices"][1]["text"] = data["nodes"]["a"]["choices"][0]["text"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert main(["lint", str(path)]) == 0
    assert main(["lint", "--strict", str(path)]) == 1
