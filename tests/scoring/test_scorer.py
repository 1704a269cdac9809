"""Scoring by hand-computed examples: every expected number is derived in the comments."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

import pytest

from scoring import Catalog, NetTable, RunningScore, grade_label, score_run
from scoring.report import Report
from simulator.content.loader import LoadedScenario, load_scenario
from simulator.engine import PlaySession, ScenarioMachine
from tests.conftest import LATE_PARCEL

LAB = """\
    schema_version: 1
    id: scoring-lab
    title: Scoring lab
    summary: Two decisions with hand-computed grades.
    difficulty: beginner
    estimated_minutes: 2
    principles: [listen-first, show-empathy, be-honest]
    customer: {name: Kim, situation: A test call., state: {mood: 50, flag: 0}}
    start: q1
    nodes:
      q1:
        line: What now?
        shuffle: false
        choices:
          - {id: a, text: Ask and care, next: q2, grades: {listen-first: 2, show-empathy: 1}, feedback: Fa.}
          - {id: b, text: Be blunt but true, next: q2, grades: {listen-first: -1, be-honest: 1}, feedback: Fb.}
          - {id: c, text: Cut them off, next: q2, effects: {flag: 1},
             grades: {listen-first: -2, show-empathy: -2}, feedback: Fc.}
      q2:
        line: And then?
        time_limit: 10
        timeout_choice: e
        choices:
          - {id: d, text: Tell the truth, next: good, grades: {be-honest: 2}, feedback: Fd.}
          - {id: e, text: Soothe with a fib, next: bad, grades: {be-honest: -2, show-empathy: 1}, feedback: Fe.}
          - {id: f, text: Full disclosure, next: good, condition: flag == 1, grades: {be-honest: 3}, feedback: Ff.}
      good:
        ending: {outcome: resolved, quality: good, title: Good, debrief: Well done.}
      bad:
        ending: {outcome: customer_lost, quality: bad, title: Bad, debrief: Not great.}
    """
# Nets (sum of grades): a=3, b=0, c=-4; d=2, e=-1, f=3. 'f' is only available after 'c' (flag == 1).


@pytest.fixture(scope="module")
def lab(load: Callable[[str], LoadedScenario]) -> LoadedScenario:
    return load(LAB)


def play(loaded: LoadedScenario, *choices: str) -> PlaySession:
    session = ScenarioMachine(loaded.scenario).start()
    for choice in choices:
        session.choose(choice)
    return session


def report_for(loaded: LoadedScenario, catalog: Catalog, *choices: str) -> Report:
    session = play(loaded, *choices)
    return score_run(loaded.scenario, session.transcript, catalog, session.ending)


def test_best_path(lab: LoadedScenario, catalog: Catalog) -> None:
    report = report_for(lab, catalog, "a", "d")
    # q1 (a, b, c available): listen-first [2,-1,-2] -> a earns 2-(-2)=4 of 4; show-empathy [1,0,-2] -> 3 of 3;
    #   be-honest [0,1,0] -> 0 of 1; net [3,0,-4] -> 7 of 7.
    # q2 (d, e available; f locked): be-honest [2,-2] -> 4 of 4; show-empathy [0,1] -> 0 of 1; net [2,-1] -> 3 of 3.
    assert report.overall == 100 and report.grade == "Excellent"  # (7+3)/(7+3)
    assert report.scores() == {"listen-first": 100, "show-empathy": 75, "be-honest": 80}  # 4/4, 3/4, 4/5
    assert (report.principle("be-honest").earned, report.principle("be-honest").possible) == (4, 5)
    assert report.finished and report.outcome == "resolved" and report.quality == "good"
    assert report.ending_title == "Good" and report.debrief == "Well done."
    assert all(d.was_best and d.better_id is None for d in report.decisions)


def test_graded_against_available_options_only(lab: LoadedScenario, catalog: Catalog) -> None:
    report = report_for(lab, catalog, "c", "f")
    # q1: listen-first c=-2 -> 0/4; show-empathy c=-2 -> 0/3; be-honest c=0 -> 0/1; net -4 -> 0/7.
    # q2 (d, e, f available): be-honest [2,-2,3] -> f earns 5/5; show-empathy [0,1,0] -> 0/1; net [2,-1,3] -> 4/4.
    # v2: q1 shortfall (3-(-4))/7 = 1, a major miss (7 net points below the best) weighs 2; q2 took the best.
    # Q = 100 * (1 - 2/2) = 0; good ending E = 100: overall = 0.8*0 + 0.2*100 = 20.
    assert (report.overall, report.decision_quality, report.ending_points) == (20, 0, 100)
    assert report.grade == report.band == "Not yet"
    assert report.scores() == {"listen-first": 0, "show-empathy": 0, "be-honest": 83}  # 0/4, 0/4, 5/6
    q2 = report.decisions[1]
    assert (q2.net, q2.best_net, q2.worst_net, q2.better_id) == (3, 3, -1, None)
    # the 'd' player at q2 on the best path was not marked down for 'f' (net 3), which they never had
    best = report_for(lab, catalog, "a", "d").decisions[1]
    assert (best.net, best.best_net, best.was_best) == (2, 2, True)


def test_mixed_path_strengths_weaknesses_and_missed_options(lab: LoadedScenario, catalog: Catalog) -> None:
    report = report_for(lab, catalog, "b", "e")
    # q1: listen-first b=-1 -> 1/4; show-empathy b=0 -> 2/3; be-honest b=1 -> 1/1; net 0 -> 4/7.
    # q2 (d, e): be-honest e=-2 -> 0/4; show-empathy e=1 -> 1/1; net -1 -> 0/3.
    # v2: q1 s = (3-0)/7, 3 points below the best = major (x2); q2 s = (2-(-1))/3 = 1, major (x2).
    # Q = 100 * max(0, 1 - (6/7 + 2)/2) = 0; bad ending E = 0: overall 0.
    assert report.overall == 0 and report.grade == "Not yet"
    assert report.scores() == {"listen-first": 25, "show-empathy": 75, "be-honest": 20}  # 1/4, 3/4, 1/5
    assert report.outcome == "customer_lost" and report.quality == "bad"
    # v2: strengths are decisions where the best open option was taken: none here.
    assert report.strengths == ()
    # one note per missed decision, about the principle lost most against the better option:
    # b vs a: listen-first -3, show-empathy -1, be-honest +1; e vs d: be-honest -4, show-empathy +1.
    assert [(n.principle_id, n.step, n.feedback) for n in report.weaknesses] == [
        ("listen-first", 0, "Fb."), ("be-honest", 1, "Fe.")]
    assert report.weaknesses[0].principle_name == catalog.get("listen-first").name
    assert [(d.step, d.better_id, d.severity) for d in report.to_work_on] == [(0, "a", "major"), (1, "d", "major")]
    first, second = report.decisions
    assert (first.choice_id, first.net, first.best_net, first.better_id) == ("b", 0, 3, "a")
    assert (first.better_text, first.better_feedback, first.prompt) == ("Ask and care", "Fa.", "What now?")
    assert (second.choice_id, second.net, second.better_id, second.better_feedback) == ("e", -1, "d", "Fd.")
    assert not first.was_best


def test_reasons_trace_every_number(lab: LoadedScenario, catalog: Catalog) -> None:
    score = report_for(lab, catalog, "b", "e").principle("show-empathy")
    assert [(r.step, r.choice_id, r.grade, r.best, r.worst, r.earned, r.possible) for r in score.reasons] == [
        (0, "b", 0, 1, -2, 2, 3), (1, "e", 1, 1, 0, 1, 1)]
    assert (score.earned, score.possible) == (3, 4)


def test_timed_out_decision_is_flagged(lab: LoadedScenario, catalog: Catalog) -> None:
    session = play(lab, "a")
    session.time_out()
    report = score_run(lab.scenario, session.transcript, catalog, session.ending)
    assert report.decisions[1].timed_out and report.decisions[1].choice_id == "e"
    # q1 best (0); q2 e: s = 1, major (x2): Q = 100 * (1 - 2/2) = 0; bad ending: overall 0
    assert report.overall == 0 and report.decisions[1].severity == "major"


def test_unfinished_run(lab: LoadedScenario, catalog: Catalog) -> None:
    session = play(lab, "b")
    report = score_run(lab.scenario, session.transcript, catalog, None)
    assert not report.finished
    assert (report.outcome, report.quality, report.ending_title, report.debrief) == (None, None, None, None)
    # q1 only: s = 3/7, major (x2): Q = 100 * (1 - 6/7) = 14.3; unfinished E = 0: round(0.8 * 14.3) = 11
    assert report.overall == 11 and "unfinished" in report.summary_note
    assert len(report.decisions) == 1
    json.dumps(report.to_dict())  # JSON-ready


def test_running_score_matches_the_report(lab: LoadedScenario, catalog: Catalog) -> None:
    session = play(lab, "b", "e")
    running = RunningScore(lab.scenario)
    assert running.overall == 100  # nothing graded yet
    overalls = []
    for step in session.transcript:
        running.add(step)
        overalls.append(running.overall)
    assert overalls == [14, 0]  # Q after q1: 100 * (1 - 6/7); after q2: 100 * max(0, 1 - (6/7 + 2)/2)
    assert running.final(session.ending) == score_run(lab.scenario, session.transcript, catalog,
                                                      session.ending).overall


def test_a_shared_net_table_scores_like_a_fresh_one(lab: LoadedScenario, catalog: Catalog) -> None:
    table = NetTable(lab.scenario)
    for path in (("b", "e"), ("a",), ("b",)):
        session = play(lab, *path)
        shared, fresh = RunningScore(lab.scenario, table), RunningScore(lab.scenario)
        for step in session.transcript:
            assert shared.add(step) == fresh.add(step)
        assert (shared.penalty, shared.graded) == (fresh.penalty, fresh.graded)
        assert shared.final(session.ending) == score_run(lab.scenario, session.transcript, catalog,
                                                         session.ending).overall


def test_a_net_table_of_another_scenario_is_not_used(lab: LoadedScenario) -> None:
    other = lab.scenario.model_copy()
    assert RunningScore(lab.scenario, NetTable(other)).table.scenario is lab.scenario


@pytest.mark.parametrize(("overall", "label"), [
    (100, "Excellent"), (90, "Excellent"), (89, "Proficient"), (75, "Proficient"), (74, "Developing"),
    (50, "Developing"), (49, "Not yet"), (0, "Not yet")])
def test_grade_labels(overall: int, label: str) -> None:
    assert grade_label(overall) == label


def test_greedy_best_option_scores_100_and_random_runs_stay_in_range(catalog: Catalog,
                                                                      principle_ids: tuple[str, ...]) -> None:
    loaded = load_scenario(LATE_PARCEL, principle_ids)
    machine = ScenarioMachine(loaded.scenario)
    nets = {c.id: sum(c.grades.values()) for n in loaded.scenario.nodes.values() for c in n.choices}
    for seed in range(20):
        greedy, rng_session, rng = machine.start(seed=seed), machine.start(seed=seed), random.Random(seed)
        while not greedy.finished:
            greedy.choose(max((v for v in greedy.choices() if v.available), key=lambda v: nets[v.id]).id)
        while not rng_session.finished:
            rng_session.choose(rng.choice([v for v in rng_session.choices() if v.available]).id)
        assert score_run(loaded.scenario, greedy.transcript, catalog, greedy.ending).overall == 100
        report = score_run(loaded.scenario, rng_session.transcript, catalog, rng_session.ending)
        assert 0 <= report.overall <= 100 and all(0 <= s <= 100 for s in report.scores().values())


def test_run_abandoned_before_any_decision_scores_zero(principle_ids: tuple[str, ...], catalog: Catalog) -> None:
    loaded = load_scenario(LATE_PARCEL, principle_ids)
    session = ScenarioMachine(loaded.scenario).start()
    report = score_run(loaded.scenario, session.transcript, catalog, None)
    assert (report.finished, report.overall, report.grade) == (False, 0, "Not yet")
