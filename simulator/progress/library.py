"""What the shipped curriculum and library say, for progress: which principles each call trains,
its title, and the principle names (read once per command through the strict loaders)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from scoring.catalog import Catalog
from simulator.content.curriculum import Curriculum, load_curriculum
from simulator.content.files import discover
from simulator.content.loader import load_scenario
from simulator.content.models import Scenario
from simulator.content.problems import ContentError

MIN_DECISIONS = 2  # a principle is trained where the scenario claims it and grades it this often


def trained(scenario: Scenario) -> frozenset[str]:
    """Principles the scenario lists and grades at ``MIN_DECISIONS`` decisions or more."""
    decisions = Counter(p for node in scenario.nodes.values() for p in {p for c in node.choices for p in c.grades})
    return frozenset(p for p in scenario.principles if decisions[p] >= MIN_DECISIONS)


@dataclass(frozen=True)
class Library:
    curriculum: Curriculum
    trains: dict[str, frozenset[str]]
    titles: dict[str, str]
    names: dict[str, str]


def load_library(folder: Path, catalog: Catalog) -> Library:
    """The curriculum and scenarios of one pack folder; broken scenario files are skipped (``validate``
    reports them), a broken curriculum raises ``ContentError``."""
    curriculum = load_curriculum(folder / "curriculum.yaml")
    trains, titles = {}, {}
    for path in discover([folder]):
        try:
            scenario = load_scenario(path, catalog.ids(), folder).scenario
        except ContentError:
            continue
        trains[scenario.id], titles[scenario.id] = trained(scenario), scenario.title
    return Library(curriculum, trains, titles, {p.id: p.name for p in catalog.principles})
