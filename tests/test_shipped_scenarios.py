"""Every shipped scenario (and every test fixture) loads with the real catalog and always reaches an ending.

Scenarios are discovered at collection time, so each file is its own test id and new files are
picked up without editing this module.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from scoring import Catalog, score_run
from simulator.content.files import discover
from simulator.content.loader import check_paths, load_scenario
from simulator.engine import ScenarioMachine
from simulator.paths import SCENARIOS_DIR
from tests.conftest import FIXTURES

PLAYTHROUGHS = 20
MAX_STEPS = 500  # a bound on one playthrough; a loop that cannot end would blow through it

SHIPPED = discover([SCENARIOS_DIR]) if SCENARIOS_DIR.is_dir() else []
FIXTURE_FILES = discover([FIXTURES])
CASES = [(SCENARIOS_DIR, p) for p in SHIPPED] + [(FIXTURES, p) for p in FIXTURE_FILES]


def _id(case: tuple[Path, Path]) -> str:
    root, path = case
    return f"{root.name}/{path.relative_to(root).as_posix()}"


def test_shipped_pack_is_valid_as_a_whole(principle_ids: tuple[str, ...]) -> None:
    """Also catches two files sharing a scenario id, which per-file loading cannot see."""
    if not SHIPPED:
        pytest.skip(f"no scenario files in {SCENARIOS_DIR} yet")
    bad = {str(r.path): [p.format() for p in r.problems] for r in check_paths([SCENARIOS_DIR], principle_ids)
           if not r.ok}
    assert not bad


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_random_playthroughs_reach_an_ending(case: tuple[Path, Path], catalog: Catalog,
                                             principle_ids: tuple[str, ...]) -> None:
    root, path = case
    loaded = load_scenario(path, principle_ids, root)  # ContentError (with every problem) fails the test
    machine = ScenarioMachine(loaded.scenario, loaded.content_hash)
    endings = set()
    for seed in range(PLAYTHROUGHS):
        rng = random.Random(seed)
        session = machine.start(seed=seed)
        for _ in range(MAX_STEPS):
            if session.finished:
                break
            options = [view for view in session.choices() if view.available]
            assert options, f"stuck at node '{session.state}' with seed {seed}"
            if session.node.time_limit and rng.random() < 0.1:
                session.time_out()
            else:
                session.choose_number(rng.choice(options).number)
        assert session.finished, f"seed {seed}: no ending within {MAX_STEPS} steps (at '{session.state}')"
        report = score_run(loaded.scenario, session.transcript, catalog, session.ending)
        assert 0 <= report.overall <= 100
        endings.add(session.state)
        session.close()
    assert endings <= set(loaded.scenario.endings())
    assert machine.machine.models == []
