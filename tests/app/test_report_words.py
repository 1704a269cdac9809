"""The scorer's and the progress layer's sentences worded from their data (issue #17): in English
exactly the strings the scorer and progress layer write, in Spanish translated with every number in
its place and no English left."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scoring.catalog import default_catalog
from scoring.report import Report
from scoring.rules import CAP_REASONS
from scoring.scorer import net, score_run
from simulator.app.report_words import (
    cap_reasons,
    explanation_text,
    practise_why,
    progress_summary,
    summary_text,
)
from simulator.app.translation import ENGLISH, load_ui
from simulator.content.curriculum import Curriculum, Stage
from simulator.content.files import discover
from simulator.content.loader import load_scenario
from simulator.engine import ScenarioMachine
from simulator.i18n.api import translated_catalog
from simulator.progress.library import Library
from simulator.progress.report import progress_report
from simulator.results.views import HistoryEntry, progress_view
from tests.conftest import REPO
from tests.scoring.test_scoring_v2 import chain

SHIPPED = discover([REPO / "scenarios"])
SPANISH = load_ui("es")
SPANISH_NAMES = {p.id: p.name for p in translated_catalog("es").principles}
ENGLISH_WORDS = ("decisions", "at every decision", "Tested at", "because", "work on", "weakest", "trains it",
                 "capped", "played it", "the call")


def _runs(path: Path) -> list[Report]:
    """Reports of random and best-first runs of one scenario, two of them abandoned after two decisions."""
    catalog = default_catalog()
    scenario = load_scenario(path, catalog.ids()).scenario
    machine, reports = ScenarioMachine(scenario), []
    for seed in range(8):
        rng, session = random.Random(seed), machine.start(seed=seed)
        while not session.finished and not (seed in (1, 7) and len(session.transcript) == 2):
            options = session.open_choices()
            best = max(options, key=lambda v: net(session.node.choice(v.id)))
            session.choose((best if seed in (0, 1) else rng.choice(options)).id)
        reports.append(score_run(scenario, session.transcript, catalog, session.ending if session.finished else None))
        session.close()
    return reports


def _synthetic(folder: Path) -> list[Report]:
    """Ten-decision chains (tests.scoring): all best, a critical lie, a mixed, a lost and a bad ending."""
    catalog, reports = default_catalog(), []
    lost = "{outcome: customer_lost, quality: mixed, title: Gone, debrief: Lost.}"
    mixed = "{outcome: partially_resolved, quality: mixed, title: Half, debrief: Half done.}"
    for name, text, picks in (("best", chain(), {}), ("lie", chain(critical=True), {5: "lie"}),
                              ("mixed", chain(mixed), {}), ("lost", chain(lost), {}),
                              ("bad", chain("{outcome: escalated, quality: bad, title: Up, debrief: Passed on.}"), {})):
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        scenario = load_scenario(path, catalog.ids()).scenario
        session = ScenarioMachine(scenario).start()
        for k in range(1, 11):
            session.choose(picks.get(k, "best"))
        reports.append(score_run(scenario, session.transcript, catalog, session.ending))
    return reports


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Report]:
    found = [report for path in SHIPPED for report in _runs(path)]
    return found + _synthetic(tmp_path_factory.mktemp("chains"))


def test_the_runs_cover_every_summary_and_explanation_key(reports: list[Report]) -> None:
    assert {r.summary_message.key for r in reports} == {"unfinished", "capped", "work_on", "best",
                                                       "best_with_trade_offs"}
    assert {p.explanation_message.key for r in reports for p in r.principles} == {"all_best", "below_100"}
    assert {key for r in reports for key in r.cap_keys} == set(CAP_REASONS)
    assert any(len(r.caps) > 1 for r in reports)


def test_in_english_the_words_are_the_scorers(reports: list[Report]) -> None:
    for report in reports:
        assert summary_text(report) == report.summary_note
        assert cap_reasons(report) == list(report.caps) == [CAP_REASONS[k] for k in report.cap_keys]
        for score in report.principles:
            assert explanation_text(score, score.name) == score.explanation


def test_in_spanish_every_sentence_is_translated_with_its_numbers(reports: list[Report]) -> None:
    for report in reports:
        summary = summary_text(report, SPANISH)
        assert summary != report.summary_note and "{" not in summary
        assert not any(word in summary for word in ENGLISH_WORDS), summary
        if report.summary_message.key == "work_on":
            assert str(report.summary_message.params["count"]) in summary
        for score in report.principles:
            text = explanation_text(score, SPANISH_NAMES[score.id], SPANISH)
            assert "{" not in text and str(score.explanation_message.params["tested"]) in text
            assert SPANISH_NAMES[score.id].lower() in text or score.explanation_message.key == "below_100"
            assert not any(word in text for word in ENGLISH_WORDS), text


def test_spanish_plurals_follow_the_count(reports: list[Report]) -> None:
    report = next(r for r in reports if r.summary_message.key == "work_on" and r.summary_message.params["count"] > 1)
    assert "decisiones" in summary_text(report, SPANISH)
    one = next((r for r in reports if r.summary_message.key == "work_on" and r.summary_message.params["count"] == 1),
               None)
    if one is not None:
        assert "1 decisión " in summary_text(one, SPANISH)


# --- progress ----------------------------------------------------------------------------------
NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)
CURRICULUM = Curriculum(schema_version=1, stages=(
    Stage(name="First day", rationale="Start.", scenarios=("a", "b")),))
LIBRARY = Library(CURRICULUM, {"a": frozenset({"listen-first"}), "b": frozenset({"be-honest"})},
                  {"a": "Call A", "b": "Call B"}, {"listen-first": "Listen first", "be-honest": "Be honest"})


class Run:
    def __init__(self, scenario: str, days_ago: int, scores: dict[str, int]):
        self.scenario_id, self.mode, self.finished, self.overall = scenario, "assessment", True, 80
        self.ended_at, self.principle_scores = NOW - timedelta(days=days_ago), scores


@pytest.mark.parametrize("runs", [
    [],  # start here
    [Run("a", 0, {"be-honest": 50})],  # the weakest is trained by b, never played
    [Run("a", 0, {"listen-first": 40})],  # played today
    [Run("a", 1, {"listen-first": 40})],
    [Run("a", 10, {"listen-first": 40}), Run("b", 3, {"be-honest": 90})],
], ids=["start", "never-played", "today", "one-day", "ten-days"])
def test_the_practise_next_why_in_english_and_spanish(runs: list[Run]) -> None:
    report = progress_report(LIBRARY, runs, NOW)
    assert practise_why(report, LIBRARY.names, LIBRARY.titles) == report["practise_next"]["why"]
    spanish = practise_why(report, {"listen-first": "Escuchar primero", "be-honest": "Ser honesto"},
                           {"a": "Llamada A", "b": "Llamada B"}, SPANISH)
    assert "{" not in spanish and "Llamada" in spanish and spanish != report["practise_next"]["why"]
    assert not any(word in spanish for word in ENGLISH_WORDS), spanish
    days = report["practise_next_reason"]["params"].get("days")
    if days:
        assert f"hace {days} día" in spanish


def test_a_report_without_its_reason_keeps_the_english_why() -> None:
    report = progress_report(LIBRARY, [], NOW)
    del report["practise_next_reason"]
    assert practise_why(report, {}, {}, SPANISH) == report["practise_next"]["why"]


def _entry(score: int | None, day: int) -> HistoryEntry:
    return HistoryEntry(f"r{day}", "a", "", "", "coach", "finished" if score is not None else "abandoned", None,
                        score or 0, ended_at=NOW + timedelta(days=day))


@pytest.mark.parametrize("scores", [[], [None], [40], [40, 55], [80, 79], [60, 70, 60], [50, 51]])
def test_the_progress_summary_in_english_and_spanish(scores: list[int | None]) -> None:
    view = progress_view("Ann", [_entry(score, day) for day, score in enumerate(scores)])
    assert progress_summary(view) == view.summary == progress_summary(view, ENGLISH)
    spanish = progress_summary(view, SPANISH)
    assert spanish != view.summary and "{" not in spanish
    numbers = [abs(view.change), max(view.points)] if view.change else list(view.points[-1:])
    assert all(str(number) in spanish for number in numbers)


# --- curriculum ---------------------------------------------------------------------------------
def test_the_shipped_curriculum_is_marked_for_the_catalog_and_translated() -> None:
    from simulator.app.curriculum_words import SHIPPED_STAGES, stage_text
    from simulator.content.curriculum import load_curriculum

    curriculum = load_curriculum(REPO / "scenarios" / "curriculum.yaml")
    assert {s.key: (s.name, s.rationale) for s in curriculum.stages} == SHIPPED_STAGES, "update curriculum_words.py"
    for stage in curriculum.stages:
        assert stage_text(stage.name) == stage.name and stage_text(stage.rationale) == stage.rationale
        assert stage_text(stage.name, SPANISH) != stage.name and stage_text(stage.rationale, SPANISH) != stage.rationale
    assert stage_text("A trainer's own stage", SPANISH) == "A trainer's own stage"  # not translated: English
