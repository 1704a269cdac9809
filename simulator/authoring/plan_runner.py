"""Running test plans against their scenarios through the real engine and scorer.

Contract:
* ``run_plan(loaded, plan, catalog)`` plays ``plan.path`` from the start node with the plan's seed
  and returns a ``PlanResult``: passed, or failures worded for a trainer (the step where the path
  broke and why, or which expectation did not hold and by how much).
* ``collect(paths)`` turns scenario files, plan files and folders into ``Target`` values (a plan
  file with its scenario file); ``run_target`` loads both and runs every plan of the file.
Nothing here prints; ``simulator/cli/test_cmd.py`` formats the results.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from scoring.catalog import Catalog
from scoring.report import Report
from scoring.scorer import score_run
from simulator.authoring.plans import Plan, PlanFile, load_plan_file, scenario_stem
from simulator.authoring.scaffold import plan_path
from simulator.content.files import discover, is_plan
from simulator.content.loader import LoadedScenario, load_scenario
from simulator.content.problems import ContentError
from simulator.engine.machine import ScenarioMachine
from simulator.engine.session import ChoiceUnavailable, PlaySession


@dataclass(frozen=True)
class PlanResult:
    name: str
    where: str
    failures: tuple[str, ...]
    overall: int | None = None
    outcome: str | None = None
    step: int | None = None  # 1-based step where the path broke, if it did

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class Target:
    """A plan file and the scenario file it tests (``scenario`` None: no plan next to a scenario)."""

    plan: Path | None
    scenario: Path | None


@dataclass
class TargetResult:
    target: Target
    results: list[PlanResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # problems loading the plan or the scenario
    note: str = ""  # e.g. "no test plan"

    @property
    def passed(self) -> bool:
        return not self.errors and all(r.passed for r in self.results)


def _options(session: PlaySession) -> str:
    return ", ".join(c.id for c in session.node.choices)


def _step_failure(session: PlaySession, number: int, choice_id: str) -> str | None:
    """Why ``choice_id`` cannot be taken now, or None if it can."""
    node_id = session.state
    if session.finished:
        return (f"step {number}: the conversation already ended at node '{node_id}' "
                f"(ending '{session.ending.title}'); remove the choices after step {number - 1}")  # type: ignore[union-attr]
    ids = [c.id for c in session.node.choices]
    if choice_id not in ids:
        close = difflib.get_close_matches(choice_id, ids, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"step {number}: '{choice_id}' is not an option at node '{node_id}' (options: {', '.join(ids)}){hint}"
    choice = session.node.choice(choice_id)
    if choice.condition is not None and not choice.condition.holds(session.values):
        state = ", ".join(f"{k}={v}" for k, v in sorted(session.values.items()) if k in choice.condition.names)
        return (f"step {number}: '{choice_id}' is not available at node '{node_id}': it needs "
                f"'{choice.condition.source}' but here {state}")
    return None


def play_path(session: PlaySession, path: Sequence[str]) -> tuple[int | None, str] | None:
    """Take every choice of ``path``; None when all were taken and an ending reached, else the
    1-based step that broke (None when the path just stops early) and the failure message."""
    for number, choice_id in enumerate(path, start=1):
        failure = _step_failure(session, number, choice_id)
        if failure is not None:
            return number, failure
        try:
            session.choose(choice_id)
        except ChoiceUnavailable as error:  # pragma: no cover - _step_failure catches these first
            return number, f"step {number}: {error}"
    if not session.finished:
        return None, (f"the path stops at node '{session.state}' before an ending after {len(path)} step(s); "
                      f"add one of: {_options(session)}")
    return None


def _bounds(label: str, value: int, low: int | None, high: int | None) -> list[str]:
    failures = []
    if low is not None and value < low:
        failures.append(f"{label} is {value}, below the expected minimum {low}")
    if high is not None and value > high:
        failures.append(f"{label} is {value}, above the expected maximum {high}")
    return failures


def check_expectations(plan: Plan, report: Report, visited: set[str]) -> list[str]:
    """Every expectation of ``plan`` the finished run's ``report`` breaks, worded for a trainer."""
    expect, failures = plan.expect, []
    if report.outcome != expect.outcome.value:
        failures.append(f"outcome is '{report.outcome}' (ending '{report.ending_title}'), "
                        f"expected '{expect.outcome.value}'")
    if expect.quality is not None and report.quality != expect.quality.value:
        failures.append(f"quality is '{report.quality}', expected '{expect.quality.value}'")
    failures += _bounds("overall score", report.overall, expect.min_score, expect.max_score)
    for node_id in expect.reaches:
        if node_id not in visited:
            failures.append(f"node '{node_id}' was not reached (visited: {', '.join(sorted(visited))})")
    scores = report.scores()
    for principle, bounds in expect.principles.items():
        if principle not in scores:
            graded = ", ".join(sorted(scores)) or "none"
            failures.append(f"principle '{principle}' is not graded on this path (graded: {graded})")
            continue
        failures += _bounds(f"'{principle}' score", scores[principle], bounds.min, bounds.max)
    return failures


def run_plan(loaded: LoadedScenario, plan: Plan, catalog: Catalog, where: str = "") -> PlanResult:
    """Play one plan and check its expectations (see module doc)."""
    machine = ScenarioMachine(loaded.scenario, loaded.content_hash)
    session = machine.start(seed=plan.seed, clock=lambda: 0.0)
    try:
        broken = play_path(session, plan.path)
        if broken is not None:
            return PlanResult(plan.name, where, (broken[1],), step=broken[0])
        report = score_run(loaded.scenario, session.transcript, catalog, session.ending)
        visited = {loaded.scenario.start} | {step.next_node for step in session.transcript}
        failures = check_expectations(plan, report, visited)
        return PlanResult(plan.name, where, tuple(failures), report.overall, report.outcome)
    finally:
        session.close()


def _walk_plans(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / name for name in sorted(files) if is_plan(name) and not name.startswith(".")]
    return found


def _scenario_for(plan: Path) -> Path:
    stem = scenario_stem(plan)
    for suffix in (".yaml", ".yml"):
        candidate = plan.with_name(stem + suffix)
        if candidate.exists():
            return candidate
    return plan.with_name(stem + ".yaml")


def collect(paths: Sequence[Path]) -> list[Target]:
    """Targets for scenario files, plan files and folders (folders: their plan files only)."""
    targets: dict[str, Target] = {}
    for path in paths:
        if path.is_dir():
            plans = _walk_plans(path)
            scenarios = [s for s in discover([path]) if not plan_path(s).exists()]
            for plan in plans:
                targets.setdefault(str(plan), Target(plan, _scenario_for(plan)))
            for scenario in scenarios:
                targets.setdefault(str(scenario), Target(None, scenario))
        elif is_plan(path.name):
            targets.setdefault(str(path), Target(path, _scenario_for(path)))
        else:
            plan = plan_path(path)
            key = str(plan) if plan.exists() else str(path)
            targets.setdefault(key, Target(plan if plan.exists() else None, path))
    return list(targets.values())


def load_target(target: Target, catalog: Catalog) -> tuple[PlanFile | None, LoadedScenario | None, list[str]]:
    """The plan file and scenario of ``target`` and every problem loading them."""
    errors: list[str] = []
    plans = scenario = None
    if target.plan is not None:
        try:
            plans = load_plan_file(target.plan)
        except ContentError as error:
            errors += [p.format() for p in error.problems]
    if target.scenario is not None:
        if not target.scenario.exists():
            errors.append(f"{target.plan}: no scenario file {target.scenario.name} next to the plan "
                          "(name the plan <scenario file name>.plan.yaml)")
        else:
            try:
                scenario = load_scenario(target.scenario, catalog.ids())
            except ContentError as error:
                errors += [p.format() for p in error.problems]
    if plans is not None and scenario is not None and plans.plans.scenario != scenario.id:
        line, column = plans.document.where(("scenario",))
        errors.append(f"{target.plan}:{line}:{column}: the plan is for scenario '{plans.plans.scenario}' but "
                      f"{target.scenario} has id '{scenario.id}' (fix: make 'scenario:' match the id)")
    return plans, scenario, errors


def run_target(target: Target, catalog: Catalog) -> TargetResult:
    """Load a target and run all its plans (nothing is run if either file has problems)."""
    result = TargetResult(target)
    if target.plan is None:
        result.note = (f"no test plan: write {plan_path(target.scenario)} "  # type: ignore[arg-type]
                       "(see 'Test plans' in docs/authoring.md)")
    plans, scenario, errors = load_target(target, catalog)
    result.errors = errors
    if errors or plans is None or scenario is None:
        return result
    for index, plan in enumerate(plans.plans.plans):
        outcome = run_plan(scenario, plan, catalog, plans.where(index))
        if outcome.step is not None:
            outcome = replace(outcome, where=plans.where(index, "path", outcome.step - 1))
        result.results.append(outcome)
    return result
