"""The names external tools rely on (issue #12 "Contracts for external tools"), used exactly as a
trainer's script or an LMS bridge would: if one moves, it must stay importable and behave."""

from __future__ import annotations

import random

from tests.conftest import REPO


def test_a_script_can_load_play_and_score_a_scenario_with_the_public_names() -> None:
    from scoring.catalog import default_catalog
    from scoring.scorer import score_run
    from simulator.content.loader import load_scenario
    from simulator.engine import ScenarioMachine

    catalog = default_catalog()
    loaded = load_scenario(REPO / "scenarios" / "angry_billing_dispute.yaml", catalog.ids())
    scenario, content_hash = loaded.scenario, loaded.content_hash
    assert scenario.id == "angry-billing-dispute" and isinstance(content_hash, str) and content_hash
    session = ScenarioMachine(scenario, content_hash).start(seed=3, clock=lambda: 0.0)
    rng = random.Random(3)
    while not session.finished:
        views = session.open_choices()
        assert all(isinstance(v.id, str) and isinstance(v.text, str) and v.text for v in views)
        session.choose(rng.choice(views).id)
    ending = session.ending
    assert ending is not None and ending.title and ending.outcome.value and ending.quality.value
    report = score_run(scenario, session.transcript, catalog, ending)
    assert 0 <= report.overall <= 100 and report.band in {"Excellent", "Proficient", "Developing", "Not yet"}
    session.close()
