"""Readiness rules and practise-next, on a small curriculum and scripted learners."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from simulator.content.curriculum import Curriculum
from simulator.progress.practise import practise_next
from simulator.progress.readiness import RunFacts, attempts_left, readiness

DAY0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CURRICULUM = Curriculum.model_validate({"schema_version": 1, "stages": [
    {"name": "First day", "rationale": "Start.", "scenarios": ["a", "b"]},
    {"name": "Later", "rationale": "Then.", "scenarios": ["c", "d", "e"],
     "pass": {"need": 2, "band": "Excellent", "mode": "certification", "attempts": 2}},
]})


def run(scenario: str, overall: int, day: int, mode: str = "assessment", finished: bool = True) -> RunFacts:
    return RunFacts(scenario, mode, finished, overall, DAY0 + timedelta(days=day))


def test_a_learner_goes_from_nothing_to_ready_for_calls() -> None:
    runs: list[RunFacts] = []
    state = readiness(CURRICULUM, runs)
    assert not state.ready and [s.missing for s in state.stages] == [("a", "b"), ("c", "d", "e")]
    runs += [run("a", 80, 0), run("b", 74, 1)]  # b is Developing: not passed
    assert readiness(CURRICULUM, runs).stages[0].missing == ("b",)
    runs += [run("b", 60, 2, mode="coach"), run("b", 95, 3, mode="coach")]  # coach runs do not count
    assert not readiness(CURRICULUM, runs).stages[0].met
    runs.append(run("b", 76, 4))
    first = readiness(CURRICULUM, runs).stages[0]
    assert first.met and first.met_on == DAY0 + timedelta(days=4) and first.id == "first-day"
    runs += [run("c", 91, 5, mode="certification"), run("d", 95, 6, mode="assessment")]  # d: wrong mode
    assert not readiness(CURRICULUM, runs).ready
    runs.append(run("e", 90, 7, mode="certification"))
    final = readiness(CURRICULUM, runs)
    assert final.ready and final.ready_on == DAY0 + timedelta(days=7)
    assert final.stages[1].passed == ("c", "e") and final.stages[1].missing == ()


def test_a_failed_certification_does_not_count_and_attempts_are_capped() -> None:
    base = [run("a", 90, 0), run("b", 90, 0), run("c", 95, 1, mode="certification")]
    failed = [*base, run("d", 70, 2, mode="certification")]
    assert not readiness(CURRICULUM, failed).ready  # the failed attempt on d counts for nothing
    assert attempts_left(CURRICULUM, "d", failed) == 1
    capped = [*failed, run("d", 60, 3, mode="certification"), run("d", 99, 4, mode="certification")]
    assert attempts_left(CURRICULUM, "d", capped) == 0
    assert not readiness(CURRICULUM, capped).ready  # the third attempt is past the cap of 2
    assert attempts_left(CURRICULUM, "zzz", capped) is None


def test_the_recommendation_follows_the_weakest_principle() -> None:
    trains = {"a": frozenset({"listen-first"}), "b": frozenset({"be-honest"}), "c": frozenset({"be-honest"})}
    names, titles = {"listen-first": "Listen first", "be-honest": "Be honest"}, {"a": "A", "b": "B", "c": "C"}
    now = DAY0 + timedelta(days=10)
    assert practise_next(CURRICULUM, trains, names, titles, [], now).scenario == "a"  # nothing played: start
    runs = [RunFacts("a", "coach", True, 60, DAY0, {"listen-first": 40, "be-honest": 90})]
    tip = practise_next(CURRICULUM, trains, names, titles, runs, now)
    assert (tip.scenario, tip.principle) == ("a", "listen-first") and "Listen first (40/100)" in tip.why
    assert "10 days ago" in tip.why
    runs.append(RunFacts("a", "coach", True, 70, DAY0 + timedelta(days=1), {"listen-first": 95, "be-honest": 50}))
    tip = practise_next(CURRICULUM, trains, names, titles, runs, now)
    assert tip.principle == "be-honest" and tip.scenario == "b"  # never played b: spaced practice
    runs.append(RunFacts("b", "coach", True, 45, DAY0 + timedelta(days=9), {"be-honest": 45}))
    assert practise_next(CURRICULUM, trains, names, titles, runs, now).scenario == "c"  # b was just played


def test_end_times_that_are_missing_naive_or_aware_never_break_the_recommendation() -> None:
    trains = {"a": frozenset({"be-honest"}), "b": frozenset({"be-honest"}), "c": frozenset({"be-honest"})}
    runs = [RunFacts("a", "coach", True, 40, None, {"be-honest": 40}),
            RunFacts("a", "coach", True, 90, DAY0, {"be-honest": 90}),
            RunFacts("b", "coach", True, 30, DAY0.replace(tzinfo=None) - timedelta(days=3), {"be-honest": 30}),
            RunFacts("c", "coach", False, 0, None)]
    tip = practise_next(CURRICULUM, trains, {}, {}, runs, DAY0 + timedelta(days=1))
    # latest finished a (90) and b (30): average 60; c was touched but its end is unknown, so it is the
    # one played "longest ago" among the calls that train the principle
    assert (tip.principle, tip.params["score"], tip.scenario) == ("be-honest", 60, "c")


def test_the_certificate_names_the_rule_met_and_escapes_the_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from simulator.cli.progress_cmd import progress_report
    from simulator.progress.certificate import certificate_html
    from simulator.progress.library import Library
    from simulator.results.views import HistoryEntry

    library = Library(CURRICULUM, {"a": frozenset({"listen-first"}), "b": frozenset(), "c": frozenset(),
                                   "d": frozenset(), "e": frozenset()},
                      {"a": "A call", "b": "B call", "c": "C", "d": "D", "e": "E"}, {"listen-first": "Listen first"})
    entries = [HistoryEntry(f"r{k}", sid, "", "", mode, "finished", "resolved", score, {"listen-first": score},
                            DAY0 + timedelta(days=k), DAY0 + timedelta(days=k))
               for k, (sid, mode, score) in enumerate([("a", "assessment", 80), ("b", "assessment", 90),
                                                        ("c", "certification", 95), ("e", "certification", 92)])]
    report = progress_report(library, entries, DAY0 + timedelta(days=9))
    assert report["ready"] and report["ready_on"] == (DAY0 + timedelta(days=3)).date().isoformat()
    page = certificate_html("<Ann & Bo>", report, library, DAY0.date(), {"listen-first": 87})
    assert "&lt;Ann &amp; Bo&gt;" in page and "<Ann" not in page
    assert "Ready for calls since" in page and "2 of 3 calls at Excellent or better, in certification attempts" in page
    assert "Listen first</td><td class=n>87" in page
