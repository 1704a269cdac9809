"""The shipped scenario library meets the curriculum's bar (issue: the scenario library)."""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import pytest

from scoring.catalog import Catalog
from simulator.authoring.bots import simulate
from simulator.authoring.tensions import tension_nodes
from simulator.content.curriculum import load_curriculum
from simulator.content.files import discover, translation_source
from simulator.content.loader import LoadedScenario, load_scenario
from simulator.content.safe_yaml import parse_yaml
from simulator.paths import SCENARIOS_DIR

SCENARIO_FILES = discover([SCENARIOS_DIR])
TRANSLATIONS = sorted(p for p in SCENARIOS_DIR.glob("*.*.yaml") if translation_source(p) is not None)


@pytest.fixture(scope="module")
def library(catalog: Catalog) -> list[LoadedScenario]:
    return [load_scenario(path, catalog.ids(), SCENARIOS_DIR) for path in SCENARIO_FILES]


def _trained(loaded: LoadedScenario) -> set[str]:
    """Principles the scenario lists and grades on at least two decisions."""
    decisions = Counter(p for node in loaded.scenario.nodes.values()
                        for p in {p for choice in node.choices for p in choice.grades})
    return {p for p in loaded.scenario.principles if decisions[p] >= 2}


def test_the_library_has_at_least_fifteen_calls(library) -> None:
    assert len(library) >= 15


def test_every_principle_is_trained_in_at_least_three_scenarios(library, catalog: Catalog) -> None:
    counts = Counter(p for loaded in library for p in _trained(loaded))
    assert {p: counts[p] for p in catalog.ids() if counts[p] < 3} == {}


def test_every_tension_of_the_catalog_is_trained(library, catalog: Catalog) -> None:
    """Each tension the articles leave open is felt at a decision of at least one scenario, where
    one option is best on one side, another on the other, and none is best on both."""
    untrained = [t.id for t in catalog.tensions
                 if not any(tension_nodes(loaded.scenario, t) for loaded in library)]
    assert untrained == []


def test_option_length_does_not_give_the_grade_away(library) -> None:
    """Across the library the best option is the longest in at most 35 % of graded decisions and,
    within a decision, length and net grade correlate below 0.25 (chance is about 30 %, r ~ 0)."""
    decisions = longest = 0
    lengths: list[float] = []
    nets: list[float] = []
    for loaded in library:
        for node in loaded.scenario.nodes.values():
            net = [sum(c.grades.values()) for c in node.choices]
            if len(node.choices) < 2 or len(set(net)) < 2:
                continue
            size = [len(c.text) for c in node.choices]
            decisions += 1
            longest += size[net.index(max(net))] == max(size)
            lengths += [x - statistics.fmean(size) for x in size]
            nets += [y - statistics.fmean(net) for y in net]
    assert longest / decisions <= 0.35, f"best is longest in {longest} of {decisions} decisions"
    assert statistics.correlation(lengths, nets) < 0.25


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_naive_players_stay_well_below_skilled_ones(path: Path, catalog: Catalog) -> None:
    """The grade is the product: every naive strategy (reading only option texts) averages at most
    45 and reaches the top band in under 2 % of runs; skill pays at least 25 points more."""
    scenario = load_scenario(path, catalog.ids(), SCENARIOS_DIR).scenario
    report = simulate(scenario, runs=300, seed=0)
    assert report["verdict"]["reasons"] == [], report["verdict"]
    assert not report["verdict"]["gameable"]


@pytest.mark.parametrize("path", TRANSLATIONS, ids=lambda p: p.name)
def test_naive_players_stay_well_below_skilled_ones_in_translations(path: Path, catalog: Catalog) -> None:
    """The same bar on every shipped translation, its keyword players reading its language."""
    from simulator.i18n.api import load_scenario_translated

    source = translation_source(path)
    assert source is not None, f"{path.name} has no source beside it"
    played = load_scenario_translated(source, path.name.split(".")[-2], catalog.ids())
    report = simulate(played.scenario, runs=300, seed=0, language=played.language)
    assert report["word_lists"] == played.language.split("-")[0] and report["notes"] == []
    assert report["verdict"]["reasons"] == [], report["verdict"]


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


def _plans(path: Path) -> dict[str, dict]:
    plan_file = path.with_name(f"{path.stem}.plan.yaml")
    data = parse_yaml(plan_file.read_text(encoding="utf-8"), str(plan_file)).data
    return {plan["name"]: plan for plan in data["plans"]}


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_ideal_path_has_nothing_to_work_on_and_recovery_is_below_the_top_band(path: Path, catalog: Catalog) -> None:
    """Scoring v2's promises on every shipped call: the ideal path (its plan) scores 100 with
    nothing to work on; a rude or careless opening repaired perfectly stays below Excellent."""
    from scoring.scorer import score_run
    from simulator.engine import ScenarioMachine

    plans = _plans(path)
    loaded = load_scenario(path, catalog.ids(), SCENARIOS_DIR)
    reports = {}
    for name in ("ideal", "recovery"):
        session = ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=0, clock=lambda: 0.0)
        for choice_id in plans[name]["path"]:
            session.choose(choice_id)
        reports[name] = score_run(session.scenario, session.transcript, catalog, session.ending,
                                  details=session.details)
        session.close()
    assert reports["ideal"].overall == 100 and reports["ideal"].to_work_on == ()
    assert reports["recovery"].band != "Excellent" and reports["recovery"].to_work_on
