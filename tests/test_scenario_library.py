"""The shipped scenario library meets the curriculum's bar (issue: the scenario library)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from scoring.catalog import Catalog
from simulator.content.curriculum import load_curriculum
from simulator.content.files import discover
from simulator.content.loader import LoadedScenario, load_scenario
from simulator.content.safe_yaml import parse_yaml
from simulator.paths import SCENARIOS_DIR

SCENARIO_FILES = discover([SCENARIOS_DIR])


@pytest.fixture(scope="module")
def library(catalog: Catalog) -> list[LoadedScenario]:
    return [load_scenario(path, catalog.ids(), SCENARIOS_DIR) for path in SCENARIO_FILES]


def _trained(loaded: LoadedScenario) -> set[str]:
    """Principles the scenario lists and grades on at least two decisions."""
    decisions = Counter(p for node in loaded.scenario.nodes.values()
                        for p in {p for choice in node.choices for p in choice.grades})
    return {p for p in loaded.scenario.principles if decisions[p] >= 2}


def test_every_principle_is_trained_in_at_least_two_scenarios(library, catalog: Catalog) -> None:
    counts = Counter(p for loaded in library for p in _trained(loaded))
    assert {p: counts[p] for p in catalog.ids() if counts[p] < 2} == {}


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_scenario_is_substantial(path: Path, catalog: Catalog) -> None:
    scenario = load_scenario(path, catalog.ids(), SCENARIOS_DIR).scenario
    assert len(scenario.nodes) >= 20
    assert {e.quality.value for e in scenario.endings().values()} >= {"good", "mixed", "bad"}
    decisions = [n for n in scenario.nodes.values() if n.choices]
    assert sum(len(n.choices) >= 3 for n in decisions) > len(decisions) / 2  # most offer 3+ options
    assert all(choice.feedback.strip() for n in decisions for choice in n.choices)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_scenario_has_ideal_poor_and_recovery_plans(path: Path) -> None:
    plan_file = path.with_name(f"{path.stem}.plan.yaml")
    assert plan_file.is_file(), f"{plan_file.name} is missing"
    plans = parse_yaml(plan_file.read_text(encoding="utf-8"), str(plan_file)).data["plans"]
    names = {plan["name"] for plan in plans}
    assert {"ideal", "poor"} <= names and any("recover" in name for name in names)


def test_curriculum_names_every_shipped_scenario_once(library) -> None:
    curriculum = load_curriculum(SCENARIOS_DIR / "curriculum.yaml")
    assert sorted(curriculum.scenario_ids()) == sorted(loaded.scenario.id for loaded in library)
