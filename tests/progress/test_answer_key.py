"""When a certification attempt's debrief withholds the answer key (simulator.progress.answer_key)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from simulator.content.curriculum import Curriculum
from simulator.progress.answer_key import with_attempt, withholds_answer_key
from simulator.progress.readiness import RunFacts

DAY0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CURRICULUM = Curriculum.model_validate({"schema_version": 1, "stages": [
    {"name": "First day", "rationale": "Start.", "scenarios": ["a", "b"], "pass": {"band": "Proficient"}},
    {"name": "Sign-off", "rationale": "Prove it.", "scenarios": ["c"],
     "pass": {"band": "Proficient", "mode": "certification", "attempts": 3}},
]})


def run(scenario: str, overall: int, day: int, mode: str = "certification", finished: bool = True) -> RunFacts:
    return RunFacts(scenario, mode, finished, overall, DAY0 + timedelta(days=day))


def test_a_failed_attempt_with_attempts_left_withholds_the_answer_key() -> None:
    assert withholds_answer_key(CURRICULUM, "c", [run("c", 40, 0)])  # 2 of 3 left
    assert withholds_answer_key(CURRICULUM, "c", [run("c", 40, 0), run("c", 60, 1)])  # 1 left
    assert withholds_answer_key(CURRICULUM, "a", [run("a", 60, 0)])  # an assessment-rule stage too


def test_a_settled_call_gets_the_full_debrief() -> None:
    assert not withholds_answer_key(CURRICULUM, "c", [run("c", 80, 0)])  # passed now
    assert not withholds_answer_key(CURRICULUM, "c", [run("c", 80, 0), run("c", 30, 1)])  # passed before
    assert not withholds_answer_key(CURRICULUM, "c", [run("c", 40, d) for d in range(3)])  # last attempt used
    assert not withholds_answer_key(CURRICULUM, "a", [run("a", 90, 0, mode="assessment"), run("a", 30, 1)])
    assert not withholds_answer_key(CURRICULUM, "zzz", [run("zzz", 10, 0)])  # not certified: counts for nothing


def test_an_unfinished_or_coach_run_does_not_settle_the_call() -> None:
    assert withholds_answer_key(CURRICULUM, "c", [run("c", 95, 0, finished=False), run("c", 40, 1)])
    assert withholds_answer_key(CURRICULUM, "c", [run("c", 95, 0, mode="coach"), run("c", 40, 1)])


def test_the_attempt_is_counted_once() -> None:
    attempt = run("c", 40, 5)
    saved = [run("c", 40, 1), run("c", 40, 5)]
    assert with_attempt(saved, attempt, DAY0 + timedelta(days=4)) == saved  # read back from the store
    assert with_attempt(saved[:1], attempt, DAY0 + timedelta(days=4)) == [saved[0], attempt]  # not saved yet
    naive = RunFacts("c", "certification", True, 40, datetime(2026, 12, 6, 9, 0))  # a store without zones
    assert with_attempt([naive], attempt, DAY0 + timedelta(days=4)) == [naive]
