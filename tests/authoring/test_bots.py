"""explore --bots: naive text-only strategies, the skilled reference and the gaming verdict."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from simulator.authoring.bots import STRATEGIES, decisions_per_run, simulate
from simulator.authoring.lint import Finding, lint_file
from simulator.cli.main import main
from simulator.content.models import Scenario
from tests.authoring.scenario_factory import ending, scenario

LF, SE = "listen-first", "show-empathy"
DECISIONS = 6


def _option(cid: str, nxt: str, text: str, grade: int) -> dict[str, Any]:
    return {"id": cid, "text": text, "next": nxt, "grades": {LF: grade, SE: grade},
            "feedback": f"Feedback for {cid} that explains the grade."}


# Three texts of clearly different lengths and no keyword any strategy looks for.
SHORT, MIDDLE, LONG = "Right.", "Let me look at the account.", "Let me look at the account and the last three bills."


def _chain(best_text: list[str]) -> dict[str, Any]:
    """DECISIONS decisions in a row; at decision i the best option (+2 each) has text
    ``best_text[i]``, the other two texts grade 0 and -2. The last decision decides the ending."""
    nodes: dict[str, Any] = {}
    for i, best in enumerate(best_text):
        here, nxt = f"n{i}", f"n{i + 1}" if i + 1 < DECISIONS else None
        others = [t for t in (SHORT, MIDDLE, LONG) if t != best]
        targets = [nxt or "good", nxt or "mixed", nxt or "bad"]
        nodes[here] = {"line": "Hello there.", "choices": [
            _option("best", targets[0], best, 2),
            _option("meh", targets[1], others[0], 0),
            _option("poor", targets[2], others[1], -2)]}
    nodes["good"] = ending()
    nodes["mixed"] = ending("partially_resolved", "mixed")
    nodes["bad"] = ending("customer_lost", "bad")
    return scenario(nodes, start="n0")


def longest_wins() -> Scenario:
    return Scenario.model_validate(_chain([LONG] * DECISIONS))


def balanced() -> Scenario:
    """The best option is the longest, the shortest or the middle one equally often."""
    return Scenario.model_validate(_chain([LONG, SHORT, MIDDLE, SHORT, MIDDLE, LONG]))


def test_longest_wins_is_gameable_and_named():
    report = simulate(longest_wins(), runs=200, seed=1)
    longest = report["bots"]["longest"]
    assert longest["mean"] == 100 and longest["top_band_share"] == 1.0
    assert report["bots"]["shortest"]["mean"] < 45
    assert report["verdict"]["gameable"] is True
    assert any(reason.startswith("longest ") for reason in report["verdict"]["reasons"])
    assert report["ideal"]["mean"] == 100


def test_balanced_is_not_gameable():
    report = simulate(balanced(), runs=400, seed=1)
    assert report["verdict"] == {"gameable": False, "reasons": []}, report["bots"]
    best_naive = max(fig["mean"] for fig in report["bots"].values())
    assert report["skilled"]["mean"] >= best_naive + 25
    assert all(fig["top_band_share"] < 0.02 for fig in report["bots"].values())


def test_strategies_read_texts_not_grades():
    """Moving the best grade to the shortest text moves the win from longest to shortest."""
    flipped = simulate(Scenario.model_validate(_chain([SHORT] * DECISIONS)), runs=50, seed=0,
                       names=["longest", "shortest"])
    assert flipped["bots"]["shortest"]["mean"] == 100
    assert flipped["bots"]["longest"]["mean"] < 45


def test_skilled_sits_between_random_and_ideal():
    report = simulate(balanced(), runs=300, seed=2)
    assert report["bots"]["random"]["mean"] < report["skilled"]["mean"] < report["ideal"]["mean"] == 100
    assert 0 < report["skilled"]["top_band_share"] < 1


def test_deterministic_per_seed():
    model = balanced()
    first = simulate(model, runs=100, seed=7)
    assert simulate(model, runs=100, seed=7) == first
    other = simulate(model, runs=100, seed=8)
    assert other["bots"]["random"] != first["bots"]["random"]


def test_at_least_eight_strategies_and_unknown_name_refused():
    assert {"random", "longest", "shortest", "first-shown", "polite-keyword", "avoid-refusal"} <= set(STRATEGIES)
    assert len(STRATEGIES) >= 8
    with pytest.raises(ValueError, match="unknown strategy"):
        simulate(balanced(), runs=1, names=["clairvoyant"])


def test_a_looping_strategy_is_stopped_and_counted_unfinished():
    loop = scenario({
        "a": {"line": "Hi.", "choices": [_option("again", "a", "Could you say that once more, slowly?", 1),
                                         _option("end", "e", "Done.", -1)]},
        "e": ending(),
    })
    report = simulate(Scenario.model_validate(loop), runs=5, seed=0, names=["longest"])
    assert report["bots"]["longest"]["unfinished"] == 5
    assert report["bots"]["longest"]["mean"] <= 49


@pytest.fixture()
def longest_file(tmp_path: Path) -> Path:
    path = tmp_path / "longest.yaml"
    path.write_text(json.dumps(_chain([LONG] * DECISIONS)), encoding="utf-8")
    return path


def test_cli_json(longest_file: Path, capsys):
    assert main(["explore", str(longest_file), "--bots", "--runs", "40", "--seed", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for fig in (*data["bots"].values(), data["skilled"]):
        assert {"mean", "top_band_share", "median", "p90", "runs"} <= set(fig)
    assert data["bots"]["longest"]["runs"] == 40
    assert data["verdict"]["gameable"] is True


def test_cli_text_names_the_strategy(longest_file: Path, capsys):
    assert main(["explore", str(longest_file), "--bots", "--runs", "20"]) == 0
    out = capsys.readouterr().out
    assert "GAMEABLE" in out and "longest averages 100.0" in out


def test_cli_refuses_zero_runs(longest_file: Path, capsys):
    assert main(["explore", str(longest_file), "--bots", "--runs", "0"]) == 1
    assert "--runs must be at least 1" in capsys.readouterr().err


def _fl601(tmp_path: Path, data: dict[str, Any], catalog) -> list[Finding]:
    path = tmp_path / "s.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")
    return [f for f in lint_file(path, catalog.ids()) if f.code == "FL601"]


def test_lint_names_the_gaming_strategy_with_its_figures(tmp_path: Path, catalog):
    findings = _fl601(tmp_path, _chain([LONG] * DECISIONS), catalog)
    [longest] = [f for f in findings if f.message.startswith("a naive strategy scores too well: 'longest'")]
    assert longest.severity == "warning" and longest.line > 0
    assert "averages 100.0" in longest.message and "top band in 100.0 % of 200 runs" in longest.message
    assert "vary which option is longest" in longest.hint
    assert any(f.message.startswith("skill barely pays") for f in findings)


def test_lint_passes_the_balanced_scenario(tmp_path: Path, catalog):
    assert _fl601(tmp_path, _chain([LONG, SHORT, MIDDLE, SHORT, MIDDLE, LONG]), catalog) == []


def test_lint_skips_calls_too_short_to_judge(tmp_path: Path, catalog):
    """Three decisions: chance alone would put random players in the top band, so no FL601."""
    data = _chain([LONG] * DECISIONS)
    data["nodes"]["n2"]["choices"][0]["next"] = "good"
    assert decisions_per_run(Scenario.model_validate(data)) == 3
    assert _fl601(tmp_path, data, catalog) == []
