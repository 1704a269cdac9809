"""``scoring.review.without_answer_key``: the certification debrief's report keeps everything but
the better options and the coaching on missed decisions."""

from __future__ import annotations

from scoring import Catalog
from scoring.review import without_answer_key
from scoring.scorer import score_run
from simulator.content.loader import load_scenario
from simulator.engine import ScenarioMachine
from tests.conftest import LATE_PARCEL


def test_missed_decisions_lose_their_answer_key_and_nothing_else(catalog: Catalog) -> None:
    loaded = load_scenario(LATE_PARCEL, catalog.ids())
    session = ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=0)
    session.choose("blame-courier")
    while not session.finished:
        session.choose(next(v.id for v in session.choices() if v.available))
    full = score_run(loaded.scenario, session.transcript, catalog, session.ending)
    assert full.to_work_on and full.to_work_on[0].better_text
    hidden = without_answer_key(full)
    for before, after in zip(full.decisions, hidden.decisions, strict=True):
        if before.severity in ("minor", "major"):
            assert (after.better_id, after.better_text, after.better_feedback, after.feedback) == (None, None, None, "")
        else:
            assert after == before
        assert (after.prompt, after.choice_text, after.severity, after.net) == \
            (before.prompt, before.choice_text, before.severity, before.net)
    assert [d.step for d in hidden.to_work_on] == [d.step for d in full.to_work_on]
    assert all(d.better_text is None for d in hidden.to_work_on)
    assert all(n.feedback == "" for n in hidden.weaknesses) and hidden.strengths == full.strengths
    assert (hidden.overall, hidden.band, hidden.principles) == (full.overall, full.band, full.principles)
    assert full.to_work_on[0].better_text  # the full report is not changed
