"""Every test plan shipped in scenarios/ passes (one test id per plan: ``file::plan name``)."""

from __future__ import annotations

import pytest

from scoring.catalog import default_catalog
from simulator.authoring.plan_runner import collect, load_target, run_plan
from simulator.paths import SCENARIOS_DIR


def _cases() -> list:
    if not SCENARIOS_DIR.is_dir():
        return []
    cases = []
    for target in collect([SCENARIOS_DIR]):
        if target.plan is None:
            continue
        try:
            from simulator.authoring.plans import load_plan_file

            names = [plan.name for plan in load_plan_file(target.plan).plans.plans]
        except Exception:  # a broken plan file still gets one test that reports why
            names = [None]
        for name in names:
            cases.append(pytest.param(target, name, id=f"{target.plan.name}::{name or 'load'}"))
    return cases


@pytest.mark.parametrize(("target", "name"), _cases())
def test_shipped_plan(target, name):
    catalog = default_catalog()
    plans, scenario, errors = load_target(target, catalog)
    assert not errors, "\n".join(errors)
    [(index, plan)] = [(i, p) for i, p in enumerate(plans.plans.plans) if p.name == name]
    result = run_plan(scenario, plan, catalog, plans.where(index))
    assert result.passed, f"{target.plan} plan '{name}' ({result.where}):\n" + "\n".join(result.failures)
