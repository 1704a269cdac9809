"""Test plans: loading with file:line:col errors, running paths, and the readable failures."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from simulator.authoring.plan_runner import collect, run_target
from simulator.authoring.plans import load_plan_file
from simulator.cli.main import main
from simulator.content.problems import ContentError

PLAN = """\
schema_version: 1
scenario: late-parcel
plans:
{plans}
"""


def _setup(tmp_path: Path, late_parcel: Path, plans: str) -> Path:
    shutil.copy(late_parcel, tmp_path / "late_parcel.yaml")
    plan = tmp_path / "late_parcel.plan.yaml"
    plan.write_text(PLAN.format(plans=plans), encoding="utf-8")
    return plan


def _run(tmp_path, late_parcel, catalog, plans):
    plan = _setup(tmp_path, late_parcel, plans)
    [target] = collect([plan])
    return run_target(target, catalog)


def test_passing_plan(tmp_path, late_parcel, catalog):
    result = _run(tmp_path, late_parcel, catalog, """\
  - name: ideal
    path: [ask-details, tell-truth]
    seed: 3
    expect: {outcome: resolved, quality: good, min_score: 100, reaches: [checking],
             principles: {be-honest: {min: 100, max: 100}}}""")
    assert result.passed, result
    assert result.results[0].overall == 100


@pytest.mark.parametrize(("path", "message"), [
    ("[ask-details, tel-truth]",
     "step 2: no choice in the scenario has the id 'tel-truth'; did you mean 'tell-truth'? "
     "(options at node 'checking': tell-truth, promise, recover, stall)"),
    ("[ask-details, script]",
     "step 2: 'script' is not an option at node 'checking' (options: tell-truth, promise, recover, stall)"),
    ("[ask-details, recover]", "step 2: 'recover' is not available at node 'checking': it needs 'apologized == 0'"),
    ("[ask-details]", "the path stops at node 'checking' before an ending"),
    ("[script, tell-truth]", "step 2: the conversation already ended at node 'lost'"),
])
def test_broken_paths_name_the_step(tmp_path, late_parcel, catalog, path, message):
    result = _run(tmp_path, late_parcel, catalog, f"  - name: p\n    path: {path}\n    expect: {{outcome: resolved}}")
    [plan] = result.results
    assert not plan.passed
    assert message in plan.failures[0]
    if plan.step:
        assert plan.where.endswith(":5:" + str(plan.where.rsplit(":", 1)[1]))


def test_expectation_failures_are_explained(tmp_path, late_parcel, catalog):
    result = _run(tmp_path, late_parcel, catalog, """\
  - name: wrong
    path: [blame-courier, promise]
    expect: {outcome: resolved, quality: good, min_score: 50, reaches: [resolved],
             principles: {show-empathy: {min: 90}, serve-fully: {min: 1}}}""")
    failures = "\n".join(result.results[0].failures)
    assert "outcome is 'partially_resolved'" in failures
    assert "quality is 'mixed', expected 'good'" in failures
    assert re.search(r"overall score is \d+, below the expected minimum 50", failures)
    assert "node 'resolved' was not reached" in failures
    assert "'show-empathy' score is 75, below the expected minimum 90" in failures
    assert "principle 'serve-fully' is never graded in this scenario" in failures


def test_each_failure_points_at_its_entry(tmp_path, late_parcel, catalog):
    result = _run(tmp_path, late_parcel, catalog, """\
  - name: wrong
    path: [ask-details, tell-truth]
    expect:
      outcome: customer_lost
      reaches: [light, partial]
      principles:
        be-honset: {min: 1}
        listen-first: {max: 10}""")
    [plan] = result.results
    text = "\n".join(plan.failures)
    assert [loc.split(":", 1)[1] for loc in plan.locations] == ["7:16", "8:17", "8:24", "10:9", "11:29"]
    assert plan.where == plan.locations[0]
    assert "line 7 col 16: outcome is 'resolved'" in text
    assert "line 8 col 17: node 'light' in 'reaches' does not exist in the scenario" in text
    assert "was not reached" not in text.split("\n")[1]
    assert "line 8 col 24: node 'partial' was not reached" in text
    assert ("line 10 col 9: principle 'be-honset' does not exist in the principle catalog; "
            "did you mean 'be-honest'?") in text
    assert "line 11 col 29: 'listen-first' score is 100, above the expected maximum 10" in text


def test_single_failure_is_located_in_the_header(tmp_path, late_parcel, catalog):
    result = _run(tmp_path, late_parcel, catalog, """\
  - name: wrong
    path: [ask-details, tell-truth]
    expect:
      reaches: [chekcing]
      outcome: resolved""")
    [plan] = result.results
    assert plan.where.endswith("late_parcel.plan.yaml:7:17")
    assert plan.failures == ("node 'chekcing' in 'reaches' does not exist in the scenario; did you mean 'checking'?",)


def test_plan_file_errors_have_positions(tmp_path, late_parcel):
    plan = _setup(tmp_path, late_parcel, "  - name: x\n    path: [a]\n    expect: {outcom: resolved}")
    with pytest.raises(ContentError) as caught:
        load_plan_file(plan)
    text = str(caught.value)
    assert "late_parcel.plan.yaml:6:14: unknown key 'outcom'" in text


def test_plan_for_other_scenario_is_reported(tmp_path, late_parcel, catalog):
    plan = _setup(tmp_path, late_parcel, "  - name: x\n    path: [script]\n    expect: {outcome: customer_lost}")
    plan.write_text(plan.read_text().replace("scenario: late-parcel", "scenario: other"))
    result = run_target(collect([plan])[0], catalog)
    assert not result.passed and "is for scenario 'other'" in result.errors[0]


def test_plan_without_scenario_file_names_the_expected_file(tmp_path, late_parcel, catalog, capsys):
    plan = _setup(tmp_path, late_parcel, "  - name: x\n    path: [script]\n    expect: {outcome: customer_lost}")
    lonely = plan.rename(tmp_path / "parcel.plan.yaml")
    result = run_target(collect([lonely])[0], catalog)
    assert not result.note
    [error] = result.errors
    assert error.startswith(f"{lonely}: no scenario file for this plan")
    assert str(tmp_path / "parcel.yaml") in error
    assert "scenario 'late-parcel' is in late_parcel.yaml (fix: rename the plan to late_parcel.plan.yaml)" in error
    (tmp_path / "late_parcel.yaml").unlink()
    [error] = run_target(collect([lonely])[0], catalog).errors
    assert "(fix: rename the plan to <scenario file name>.plan.yaml, or create parcel.yaml)" in error
    assert main(["test", str(lonely)]) == 1
    out = capsys.readouterr().out
    assert "None" not in out and "no test plan" not in out


def test_missing_file_is_one_clear_error(tmp_path, catalog):
    missing = tmp_path / "nothere.yaml"
    result = run_target(collect([missing])[0], catalog)
    assert not result.note
    assert result.errors == [f"{missing}: no such file (fix: give an existing scenario file, its test plan "
                             "<name>.plan.yaml, or a folder)"]
    [error] = run_target(collect([tmp_path / "nothere.plan.yaml"])[0], catalog).errors
    assert "cannot open the file" in error


def test_cli_exit_codes_and_report(tmp_path, late_parcel, capsys):
    _setup(tmp_path, late_parcel, "  - name: ok\n    path: [script]\n    expect: {outcome: customer_lost}")
    assert main(["test", str(tmp_path)]) == 0
    assert "pass" in capsys.readouterr().out
    _setup(tmp_path, late_parcel, "  - name: bad\n    path: [script]\n    expect: {outcome: resolved}")
    assert main(["test", str(tmp_path / "late_parcel.yaml")]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and ":: bad" in out and "expected 'resolved'" in out
