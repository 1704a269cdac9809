"""Scoring v2's rules on small synthetic calls: misses by severity, critical lines, the ending's
weight and caps, bands, and the debrief contract (to work on, quotes, explained bars)."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from scoring import Catalog, NetTable, RunningScore, score_run
from scoring.report import Report
from simulator.content.files import discover
from simulator.content.loader import LoadedScenario, load_scenario
from simulator.engine import ScenarioMachine
from tests.conftest import LATE_PARCEL, REPO

HEAD = """\
schema_version: 1
id: ten-calls
title: Ten decisions
summary: A chain of ten decisions with one clear best option each.
difficulty: beginner
estimated_minutes: 5
principles: [listen-first, be-honest]
customer: {name: Kim, situation: A test call., state: {mood: 50, slip: 0}}
start: q1
nodes:
"""


def chain(ending: str = "{outcome: resolved, quality: good, title: Done, debrief: Well done.}",
          critical: bool = False) -> str:
    """q1..q10; each: best (net +2), near (+1: a minor miss), rude (-2: 4 below the best, a major
    miss). A 'lie' option at q5 is critical (net +2 like the best: only the cap can catch it)."""
    parts = [HEAD]
    for k in range(1, 11):
        after = f"q{k + 1}" if k < 10 else "end"
        parts.append(f"""  q{k}:
    line:
      - {{when: slip == 1, text: "You again, after that?"}}
      - text: Question {k}?
    shuffle: false
    choices:
      - {{id: best, text: Best {k}, next: {after}, grades: {{listen-first: 2}}, feedback: Right.}}
      - {{id: near, text: Near {k}, next: {after}, grades: {{listen-first: 1}}, feedback: Close.}}
      - {{id: rude, text: Rude {k}, next: {after}, effects: {{slip: 1}}, grades: {{listen-first: -2}},
         feedback: Rude.}}
""")
        if critical and k == 5:
            parts.append(f"""      - {{id: lie, text: Lie {k}, next: {after}, critical: true, grades: {{be-honest: 2}},
         feedback: A lie.}}
""")
    parts.append(f"""  end:
    ending: {ending}
""")
    return "".join(parts)


def run(loaded: LoadedScenario, catalog: Catalog, picks: dict[int, str]) -> Report:
    session = ScenarioMachine(loaded.scenario).start()
    for k in range(1, 11):
        session.choose(picks.get(k, "best"))
    report = score_run(loaded.scenario, session.transcript, catalog, session.ending)
    running = RunningScore(loaded.scenario)
    for step in session.transcript:
        running.add(step)
    assert running.final(session.ending) == report.overall  # the fast path agrees with the report
    return report


@pytest.fixture(scope="module")
def ten(load: Callable[[str], LoadedScenario]) -> LoadedScenario:
    return load(chain())


def test_ideal_path_is_excellent_with_nothing_to_work_on(ten: LoadedScenario, catalog: Catalog) -> None:
    report = run(ten, catalog, {})
    assert (report.overall, report.band, report.to_work_on) == (100, "Excellent", ())
    assert report.summary_note.startswith("Nothing to work on")


def test_one_small_slip_stays_excellent_but_one_blunder_cannot(ten: LoadedScenario, catalog: Catalog) -> None:
    slip = run(ten, catalog, {3: "near"})  # s = 1/4, weight 1: Q = 100 * (1 - 0.25/10) = 97.5 -> 98
    assert (slip.overall, slip.band) == (98, "Excellent")
    assert [(d.step, d.severity, d.better_text) for d in slip.to_work_on] == [(2, "minor", "Best 3")]
    blunder = run(ten, catalog, {1: "rude"})  # s = 1, major: Q = 100 * (1 - 2/10) = 80 -> 0.8*80 + 20 = 84
    assert (blunder.overall, blunder.band) == (84, "Proficient")
    assert blunder.to_work_on[0].severity == "major"


def test_a_rude_opening_repaired_perfectly_lands_below_the_top_band(ten: LoadedScenario, catalog: Catalog) -> None:
    assert run(ten, catalog, {1: "rude"}).band != "Excellent"
    assert run(ten, catalog, {1: "rude", 2: "rude"}).overall == 68  # Q = 60: 48 + 20


def test_the_customer_line_quoted_is_the_variant_they_said(ten: LoadedScenario, catalog: Catalog) -> None:
    report = run(ten, catalog, {1: "rude"})
    assert report.decisions[0].prompt == "Question 1?"
    assert report.decisions[1].prompt == "You again, after that?"  # said because slip == 1 by then


def test_critical_option_caps_the_run_in_the_lowest_band(load: Callable[[str], LoadedScenario],
                                                         catalog: Catalog) -> None:
    loaded = load(chain(critical=True))
    report = run(loaded, catalog, {5: "lie"})  # same net as the best: Q = 100, but the line was crossed
    assert (report.decision_quality, report.overall, report.band) == (100, 49, "Not yet")
    assert report.caps == ("a critical line was crossed",)
    assert report.decisions[4].critical and "capped" in report.summary_note


@pytest.mark.parametrize(("ending", "overall", "cap"), [
    ("{outcome: resolved, quality: mixed, title: M, debrief: Mixed.}", 89, "the call ended mixed"),
    ("{outcome: customer_lost, quality: bad, title: B, debrief: Bad.}", 74, "the call ended bad"),
    ("{outcome: customer_lost, quality: good, title: L, debrief: Lost.}", 89, "the customer was lost"),
])
def test_the_ending_counts_and_caps(load: Callable[[str], LoadedScenario], catalog: Catalog,
                                    ending: str, overall: int, cap: str) -> None:
    report = run(load(chain(ending)), catalog, {})
    assert report.overall == overall and report.band != "Excellent"
    assert cap in report.caps


def test_a_bad_ending_weighs_a_fifth(load: Callable[[str], LoadedScenario], catalog: Catalog) -> None:
    report = run(load(chain("{outcome: partially_resolved, quality: bad, title: B, debrief: Bad.}")),
                 catalog, {1: "near", 2: "near"})  # Q = 100 * (1 - 0.5/10) = 95: 0.8*95 + 0 = 76 -> cap 74
    assert (report.decision_quality, report.ending_points, report.overall) == (95, 0, 74)


def test_debrief_variant_follows_the_path(load: Callable[[str], LoadedScenario], catalog: Catalog) -> None:
    ending = ("{outcome: resolved, quality: good, title: Done, debrief: "
              "[{when: slip == 1, text: You repaired a rough start.}, {text: A clean call from start to end.}]}")
    loaded = load(chain(ending))
    assert run(loaded, catalog, {}).debrief == "A clean call from start to end."
    assert run(loaded, catalog, {2: "rude"}).debrief == "You repaired a rough start."


def test_principle_bars_explain_their_number(load: Callable[[str], LoadedScenario], catalog: Catalog) -> None:
    # Best path of the trade-off lab: the best option at q1 gives up be-honest (0 vs +1) for more
    # listening; the bar sits below 100 and says why, and nothing is to work on.
    loaded = load(TRADE_OFF)
    session = ScenarioMachine(loaded.scenario).start()
    session.choose("listen")
    report = score_run(loaded.scenario, session.transcript, catalog, session.ending)
    honest = report.principle("be-honest")
    assert honest.score < 100 and "trade-off" in honest.explanation
    assert report.to_work_on == () and "trade" in report.summary_note
    assert "strongest" in report.principle("listen-first").explanation


TRADE_OFF = HEAD.replace("ten-calls", "trade-off") + """\
  q1:
    line: Well?
    choices:
      - {id: listen, text: Tell me more, next: end, grades: {listen-first: 3}, feedback: You let her talk.}
      - {id: blunt, text: Blunt truth, next: end, grades: {be-honest: 1, listen-first: -1}, feedback: True but cold.}
  end:
    ending: {outcome: resolved, quality: good, title: Done, debrief: Well done.}
"""


SHIPPED = discover([REPO / "scenarios"])  # scenarios only: no plans, curriculum or translations


@pytest.mark.parametrize("path", [LATE_PARCEL, *SHIPPED], ids=lambda p: Path(p).stem)
def test_running_score_equals_the_report_on_random_walks(path: Path, catalog: Catalog,
                                                         principle_ids: tuple[str, ...]) -> None:
    loaded = load_scenario(path, principle_ids)
    machine, table = ScenarioMachine(loaded.scenario), NetTable(loaded.scenario)
    for seed in range(15):
        rng, session, running = random.Random(seed), machine.start(seed=seed), RunningScore(loaded.scenario, table)
        while not session.finished:
            session.choose(rng.choice(session.open_choices()).id)
            running.add(session.transcript[-1])
        report = score_run(loaded.scenario, session.transcript, catalog, session.ending)
        assert running.final(session.ending) == report.overall
        assert {d.step for d in report.to_work_on} == {d.step for d in report.decisions if not d.was_best}
        session.close()
