"""explore's exact numbers agree with brute force over every path, and with the real scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.scorer import score_run
from simulator.authoring.explore import explore
from simulator.cli.main import main
from simulator.content.loader import load_scenario
from simulator.content.models import Scenario
from simulator.engine.machine import ScenarioMachine
from tests.authoring.scenario_factory import choice, ending, generated, scenario


def brute_force(model: Scenario, catalog, limit: int = 30) -> list:
    """Every complete path as (choice ids, report), through the engine and the scorer."""
    machine = ScenarioMachine(model)
    done, stack = [], [[]]
    while stack:
        path = stack.pop()
        session = machine.start(seed=0, clock=lambda: 0.0)
        for cid in path:
            session.choose(cid)
        if session.finished:
            done.append((path, score_run(model, session.transcript, catalog, session.ending)))
        elif len(path) < limit:
            stack += [path + [c.id] for c in session.choices() if c.available]
        session.close()
    return done


def replay(model: Scenario, path: list[str], catalog):
    session = ScenarioMachine(model).start(seed=0, clock=lambda: 0.0)
    for cid in path:
        session.choose(cid)
    assert session.finished
    return score_run(model, session.transcript, catalog, session.ending)


def _check(model: Scenario, catalog):
    result = explore(model, runs=50, seed=1)
    paths = brute_force(model, catalog)
    assert result["paths"] == len(paths)
    overall = [r.overall for _, r in paths]
    assert result["best"]["score"] == max(overall)
    assert result["worst"]["score"] == min(overall)
    for key in ("best", "worst"):
        assert replay(model, result[key]["path"], catalog).overall == result[key]["score"]
    for principle, entry in result["principles"].items():
        scores = [r.scores()[principle] for _, r in paths if principle in r.scores()]
        assert entry["best"]["score"] == max(scores)
        assert entry["worst"]["score"] == min(scores)
        for key in ("best", "worst"):
            assert replay(model, entry[key]["path"], catalog).scores()[principle] == entry[key]["score"]
    assert {o["outcome"] for o in result["outcomes"]} == {r.outcome for _, r in paths}
    assert result["random"]["finished"] == 50


@pytest.mark.parametrize("seed", range(6))
def test_matches_brute_force_on_generated(seed, catalog):
    _check(generated(7, seed=seed), catalog)


def test_matches_brute_force_on_late_parcel(late_parcel, catalog):
    model = load_scenario(late_parcel, catalog.ids()).scenario
    _check(model, catalog)
    result = explore(model)
    assert (result["nodes"], result["decisions"], result["endings"], result["paths"]) == (5, 2, 3, 8)


def test_ratio_optimum_is_not_greedy(catalog):
    """The best overall ratio needs a fractional optimum: a small perfect step beats a big 2/3 one."""
    lf, se = "listen-first", "show-empathy"
    model = Scenario.model_validate(scenario({
        "a": {"line": "a", "choices": [choice("big", "b", {lf: 3, se: -3}), choice("small", "c", {lf: 1})]},
        "b": {"line": "b", "choices": [choice("b1", "e", {lf: 3}), choice("b2", "e", {lf: 1})]},
        "c": {"line": "c", "choices": [choice("c1", "e", {lf: 3}), choice("c2", "e", {lf: -3})]},
        "e": ending(),
    }))
    _check(model, catalog)


def test_loops_make_paths_unbounded_and_limit_is_reported(catalog):
    lf = "listen-first"
    model = Scenario.model_validate(scenario({
        "a": {"line": "a", "choices": [choice("again", "a", {lf: 2}), choice("go", "e", {lf: -1})]},
        "e": ending(),
    }))
    result = explore(model, runs=20)
    assert result["paths"] == "unbounded"
    # v2: every lap of the loop is one more well-taken decision, diluting the final major miss, so
    # the best finite path loops as often as explore allows (2 x nodes + 10 graded decisions).
    best, worst = result["best"], result["worst"]
    assert best["path"] == ["again"] * 13 + ["go"] and best["limit"] is False
    assert replay(model, best["path"], catalog).overall == best["score"]
    assert worst["path"] == ["go"] and replay(model, ["go"], catalog).overall == worst["score"]
    assert worst["score"] < best["score"]


def test_cli_json_keys(late_parcel, capsys):
    assert main(["explore", str(late_parcel), "--json", "--runs", "10", "--seed", "3"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    for key in ("nodes", "endings", "paths", "best", "worst", "principles", "random"):
        assert key in data


def test_cli_reports_invalid_scenario(tmp_path: Path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\n", encoding="utf-8")
    assert main(["explore", str(bad)]) == 1
    assert "missing required key" in capsys.readouterr().err
