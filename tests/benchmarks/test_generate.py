"""The scenario generator writes valid, lint-clean scenarios where every path ends; the suite writes JSON.

No timings are asserted here: benchmarks are run with ``python -m benchmarks``, not by pytest.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import generate_text, write_scenario
from simulator.content.loader import load_scenario, load_text
from simulator.engine import ScenarioMachine
from tests.conftest import REPO

SIZES = (5, 6, 37, 300)


@pytest.mark.parametrize("nodes", SIZES)
def test_generated_scenarios_are_valid_and_the_requested_size(nodes: int, principle_ids: tuple[str, ...]) -> None:
    scenario = load_text(generate_text(nodes, seed=3), "gen.yaml", principle_ids).scenario
    assert len(scenario.nodes) == nodes
    assert len(scenario.endings()) >= 3
    assert {e.quality.value for e in scenario.endings().values()} == {"good", "mixed", "bad"}


def test_the_same_seed_gives_the_same_text() -> None:
    assert generate_text(200, seed=5) == generate_text(200, seed=5)
    assert generate_text(200, seed=5) != generate_text(200, seed=6)


@pytest.mark.parametrize("nodes", SIZES)
def test_every_path_moves_forward_to_an_ending(nodes: int, principle_ids: tuple[str, ...]) -> None:
    scenario = load_text(generate_text(nodes), "gen.yaml", principle_ids).scenario
    order = {node_id: k for k, node_id in enumerate(scenario.nodes)}
    for node_id, node in scenario.nodes.items():
        assert node.is_ending or any(c.condition is None for c in node.choices)
        assert all(order[c.next] > order[node_id] for c in node.choices)  # a DAG: no traps, no loops


def test_random_playthroughs_always_finish(principle_ids: tuple[str, ...]) -> None:
    scenario = load_text(generate_text(300, seed=1), "gen.yaml", principle_ids).scenario
    machine = ScenarioMachine(scenario)
    rng = random.Random(0)
    for seed in range(20):
        session = machine.start(seed=seed)
        for _ in range(len(scenario.nodes)):
            if session.finished:
                break
            session.choose(rng.choice([c for c in session.choices() if c.available]).id)
        assert session.finished
        session.close()


def test_generated_scenarios_are_lint_clean(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    lint = pytest.importorskip("simulator.authoring.lint")
    for nodes in (6, 100, 300):  # 100: a timeout option once turned strong there (seed 0)
        path = write_scenario(tmp_path / f"gen_{nodes}.yaml", nodes)
        load_scenario(path, principle_ids)
        findings = lint.lint_file(path, principle_ids)
        # FL5xx (tells), FL6xx (naive players) and FL7xx (trainer traps) judge the writing; the
        # generator's texts and grades are random by design (benchmarks), so only the structural,
        # scoring and screen checks apply.
        judged = [f for f in findings if not f.code.startswith(("FL5", "FL6", "FL7"))]
        assert [str(f) for f in judged if f.severity in ("error", "warning")] == []


def test_suite_writes_well_formed_json(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--only", "engine", "--quick", "--json", str(out)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr  # 1 = a figure missed its target; not a test failure
    report = json.loads(out.read_text())
    assert report["machine"]["cores"] and report["date"]
    figure, first = report["figures"]
    assert figure["benchmark"] == "engine" and figure["status"] in ("PASS", "FAIL")
    assert isinstance(figure["value"], (int, float)) and figure["target"] == 50_000
    assert first["status"] == "info" and first["target"] is None and first["value"] > 0


def test_several_benchmarks_each_run_in_their_own_process(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    command = [sys.executable, "-m", "benchmarks", "--only", "engine,engine", "--quick", "--json", str(out)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    figures = json.loads(out.read_text())["figures"]
    assert [f["benchmark"] for f in figures] == ["engine"] * 4  # two figures per run, read back from each process
    assert all(f["status"] in ("PASS", "FAIL", "info") and f["value"] > 0 for f in figures)
    assert "(crashed)" not in done.stdout
