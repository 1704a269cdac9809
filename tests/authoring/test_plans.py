"""Test plans: loading with file:line:col errors, running paths, and the readable failures."""

from __future__ import annotations

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
     "step 2: 'tel-truth' is not an option at node 'checking' (options: tell-truth, promise, recover, stall)"),
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
    assert "overall score is 15, below the expected minimum 50" in failures
    assert "node 'resolved' was not reached" in failures
    assert "'show-empathy' score is 75, below the expected minimum 90" in failures
    assert "principle 'serve-fully' is not graded on this path" in failures


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


def test_cli_exit_codes_and_report(tmp_path, late_parcel, capsys):
    _setup(tmp_path, late_parcel, "  - name: ok\n    path: [script]\n    expect: {outcome: customer_lost}")
    assert main(["test", str(tmp_path)]) == 0
    assert "pass" in capsys.readouterr().out
    _setup(tmp_path, late_parcel, "  - name: bad\n    path: [script]\n    expect: {outcome: resolved}")
    assert main(["test", str(tmp_path / "late_parcel.yaml")]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and ":: bad" in out and "expected 'resolved'" in out
