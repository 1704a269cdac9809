"""Running test plans against their scenarios through the real engine and scorer.

Contract:
* ``run_plan(loaded, plan, catalog, where, locate)`` plays ``plan.path`` from the start node with the
  plan's seed and returns a ``PlanResult``: passed, or failures worded for a trainer (the step where
  the path broke and why, or which expectation did not hold and by how much). Each failure points
  at its entry of the plan (the path step, the ``outcome`` value, the ``reaches`` item, the
  ``principles`` key...); a choice, node or principle id that exists nowhere in the scenario (or
  the catalog) is reported as such with a "did you mean" suggestion, not as "not reached".
* ``collect(paths)`` turns scenario files, plan files and folders into ``Target`` values (a plan
  file with its scenario file); ``run_target`` loads both and runs every plan of the file. A plan
  with no scenario file beside it, or a named file that does not exist, is one error located at
  that file, naming the expected file.
Nothing here prints; ``simulator/cli/test_cmd.py`` formats the results.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from scoring.catalog import Catalog
from scoring.report import Report
from scoring.scorer import score_run
from simulator.authoring.plans import Plan, PlanFile, load_plan_file, scenario_stem
from simulator.authoring.scaffold import plan_path
from simulator.content.files import discover, is_plan
from simulator.content.loader import LoadedScenario, load_scenario
from simulator.content.models import Scenario
from simulator.content.problems import ContentError
from simulator.engine.machine import ScenarioMachine
from simulator.engine.session import ChoiceUnavailable, PlaySession


@dataclass(frozen=True)
class PlanResult:
    name: str
    where: str  # file:line:col of the first failure's entry (the plan's start when it passed)
    failures: tuple[str, ...]
    overall: int | None = None
    outcome: str | None = None
    step: int | None = None  # 1-based step where the path broke, if it did
    locations: tuple[str, ...] = ()  # file:line:col of each failure's entry, parallel to ``failures``

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class Failure:
    """One broken expectation and the entry of the plan it is about (keys below the plan)."""

    message: str
    at: tuple[str | int, ...] = ()
    key: bool = False  # point at the mapping key (``principles: {id: ...}``) rather than its value


Locate = Callable[..., str]  # locate(*keys, key=False) -> "file:line:col" of that entry of the plan


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


def _close(word: str, candidates: Collection[str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(candidates), n=1)
    return close[0] if close else None


def _choice_ids(scenario: Scenario) -> set[str]:
    return {c.id for node in scenario.nodes.values() for c in node.choices}


def _graded(scenario: Scenario) -> set[str]:
    return {p for node in scenario.nodes.values() for c in node.choices for p in c.grades}


def _step_failure(session: PlaySession, number: int, choice_id: str) -> str | None:
    """Why ``choice_id`` cannot be taken now, or None if it can."""
    node_id = session.state
    if session.finished:
        return (f"step {number}: the conversation already ended at node '{node_id}' "
                f"(ending '{session.ending.title}'); remove the choices after step {number - 1}")  # type: ignore[union-attr]
    ids = [c.id for c in session.node.choices]
    if choice_id not in ids:
        if choice_id not in _choice_ids(session.owner.scenario):
            close = _close(choice_id, ids) or _close(choice_id, _choice_ids(session.owner.scenario))
            hint = f"; did you mean '{close}'?" if close else ""
            return (f"step {number}: no choice in the scenario has the id '{choice_id}'{hint} "
                    f"(options at node '{node_id}': {', '.join(ids)})")
        close = _close(choice_id, ids)
        hint = f"; did you mean '{close}'?" if close else ""
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


def _bounds(label: str, value: int, low: int | None, high: int | None,
            at_low: tuple[str | int, ...], at_high: tuple[str | int, ...]) -> list[Failure]:
    failures = []
    if low is not None and value < low:
        failures.append(Failure(f"{label} is {value}, below the expected minimum {low}", at_low))
    if high is not None and value > high:
        failures.append(Failure(f"{label} is {value}, above the expected maximum {high}", at_high))
    return failures


def check_expectations(plan: Plan, report: Report, visited: set[str], scenario: Scenario | None = None,
                       principle_ids: Collection[str] | None = None) -> list[Failure]:
    """Every expectation of ``plan`` the finished run's ``report`` breaks, worded for a trainer and
    pointing at its entry in the plan. With ``scenario`` (and ``principle_ids``, the catalog), a node
    or principle id that does not exist at all is reported as such, with a spelling suggestion."""
    expect, failures = plan.expect, []
    if report.outcome != expect.outcome.value:
        failures.append(Failure(f"outcome is '{report.outcome}' (ending '{report.ending_title}'), "
                                f"expected '{expect.outcome.value}'", ("expect", "outcome")))
    if expect.quality is not None and report.quality != expect.quality.value:
        failures.append(Failure(f"quality is '{report.quality}', expected '{expect.quality.value}'",
                                ("expect", "quality")))
    failures += _bounds("overall score", report.overall, expect.min_score, expect.max_score,
                        ("expect", "min_score"), ("expect", "max_score"))
    for index, node_id in enumerate(expect.reaches):
        at = ("expect", "reaches", index)
        if scenario is not None and node_id not in scenario.nodes:
            close = _close(node_id, scenario.nodes)
            hint = f"; did you mean '{close}'?" if close else f" (nodes: {', '.join(scenario.nodes)})"
            failures.append(Failure(f"node '{node_id}' in 'reaches' does not exist in the scenario{hint}", at))
        elif node_id not in visited:
            failures.append(Failure(f"node '{node_id}' was not reached (visited: {', '.join(sorted(visited))})", at))
    scores = report.scores()
    for principle, bounds in expect.principles.items():
        at = ("expect", "principles", principle)
        if principle not in scores:
            graded = ", ".join(sorted(scores)) or "none"
            if principle_ids is not None and principle not in principle_ids:
                close = _close(principle, principle_ids)
                hint = f"; did you mean '{close}'?" if close else f" (graded on this path: {graded})"
                message = f"principle '{principle}' does not exist in the principle catalog{hint}"
            elif scenario is not None and principle not in _graded(scenario):
                message = (f"principle '{principle}' is never graded in this scenario "
                           f"(graded on this path: {graded})")
            else:
                message = f"principle '{principle}' is not graded on this path (graded: {graded})"
            failures.append(Failure(message, at, key=True))
            continue
        failures += _bounds(f"'{principle}' score", scores[principle], bounds.min, bounds.max,
                            (*at, "min"), (*at, "max"))
    return failures


def _at(location: str) -> str:
    """``file:12:7`` -> ``line 12 col 7: ``."""
    _, line, column = location.rsplit(":", 2)
    return f"line {line} col {column}: "


def _result(plan: Plan, where: str, locate: Locate | None, failures: list[Failure], **extra: int | str | None
            ) -> PlanResult:
    """A ``PlanResult`` whose ``where`` is the first failure's entry; with several failures each text
    starts with its own line so every one can be found in the plan."""
    if locate is None:
        return PlanResult(plan.name, where, tuple(f.message for f in failures), **extra)  # type: ignore[arg-type]
    locations = tuple(locate(*f.at, key=f.key) for f in failures)
    messages = tuple(f.message for f in failures)
    if len(failures) > 1:
        messages = tuple(_at(loc) + m for loc, m in zip(locations, messages, strict=True))
    return PlanResult(plan.name, locations[0] if locations else locate(), messages,
                      locations=locations, **extra)  # type: ignore[arg-type]


def run_plan(loaded: LoadedScenario, plan: Plan, catalog: Catalog, where: str = "",
             locate: Locate | None = None) -> PlanResult:
    """Play one plan and check its expectations (see module doc). ``locate(*keys, key=False)`` gives
    the ``file:line:col`` of an entry of the plan, so that each failure points at its entry."""
    machine = ScenarioMachine(loaded.scenario, loaded.content_hash)
    session = machine.start(seed=plan.seed, clock=lambda: 0.0)
    try:
        broken = play_path(session, plan.path)
        if broken is not None:
            step, message = broken
            at = ("path", step - 1) if step is not None else ("path",)
            return _result(plan, where, locate, [Failure(message, at)], step=step)
        report = score_run(loaded.scenario, session.transcript, catalog, session.ending)
        visited = {loaded.scenario.start} | {step.next_node for step in session.transcript}
        failures = check_expectations(plan, report, visited, loaded.scenario, catalog.ids())
        return _result(plan, where, locate, failures, overall=report.overall, outcome=report.outcome)
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


def _no_scenario(plan: Path, expected: Path, plans: PlanFile | None, catalog: Catalog) -> str:
    """The one error for a plan file with no scenario file of the same name beside it."""
    message = (f"{plan}: no scenario file for this plan: a test plan tests the scenario file of the same "
               f"name beside it, {expected}")
    if plans is not None:
        for candidate in discover([plan.parent]):
            if candidate.parent != plan.parent:
                continue
            try:
                found = load_scenario(candidate, catalog.ids())
            except ContentError:
                continue
            if found.id == plans.plans.scenario:
                return message + (f", but scenario '{found.id}' is in {candidate.name} (fix: rename the "
                                  f"plan to {plan_path(candidate).name})")
    return message + f" (fix: rename the plan to <scenario file name>.plan.yaml, or create {expected.name})"


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
            if target.plan is None:
                errors.append(f"{target.scenario}: no such file (fix: give an existing scenario file, "
                              "its test plan <name>.plan.yaml, or a folder)")
            elif target.plan.exists():
                errors.append(_no_scenario(target.plan, target.scenario, plans, catalog))
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
    if target.plan is None and target.scenario is not None and target.scenario.exists():
        result.note = (f"no test plan: write {plan_path(target.scenario)} "  # type: ignore[arg-type]
                       "(see 'Test plans' in docs/authoring.md)")
    plans, scenario, errors = load_target(target, catalog)
    result.errors = errors
    if errors or plans is None or scenario is None:
        return result
    for index, plan in enumerate(plans.plans.plans):
        result.results.append(run_plan(scenario, plan, catalog, plans.where(index),
                                       partial(plans.where, index)))
    return result
