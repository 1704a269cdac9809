"""Assignments: a trainer gives a cohort (a workshop code) scenarios to play by a due date.

The file (``assignments.yaml`` in the user's data folder, or any file given with ``--assignments``)::

    schema_version: 1
    workshops:
      - code: TUE-AM               # compared ignoring case and spaces, like every workshop code
        learners: [Ann, Bo]        # optional roster: learners with no run yet are behind too
        assignments:
          - scenario: small-account
            due: 2026-03-10        # YYYY-MM-DD; due at the end of that day
          - scenario: shields-up
            due: 2026-03-17
            band: Proficient       # optional: the lowest band that completes it [any finished run]
            mode: assessment       # optional: assessment | certification | any [any]

Contract (no pygame, no store): ``load_assignments(path, known_ids=None)`` reads the file with the
strict YAML reader and returns ``Assignments`` or raises ``ContentError`` (file:line:col; with
``known_ids``, an unknown scenario id is a problem too). ``for_workshop(assignments, code)`` finds a
cohort. ``learner_status(workshop, runs, today)`` says, per assignment, whether the learner's runs
(``RunFacts``) completed it (first finished run that counts under its band and mode, on which
date, late or not), or it is still due, or overdue (not done and ``today`` is past the due date).
``behind(workshop, runs_by_player, today)`` lists every learner (roster and anyone with runs) with
their overdue and due items, most overdue first.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from scoring.rules import band_for
from simulator.content.curriculum import BANDS, PASS_MODES
from simulator.content.problems import ContentError
from simulator.content.validation import load_model_file
from simulator.paths import command_name
from simulator.progress.readiness import RunFacts

ASSIGNMENTS_FILE = "assignments.yaml"
ScenarioId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]


class Assignment(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    scenario: ScenarioId
    due: date
    band: Literal["Excellent", "Proficient", "Developing", "Not yet"] = "Not yet"
    mode: Literal["assessment", "certification", "any"] = "any"

    def completes(self, run: RunFacts) -> bool:
        """Whether ``run`` (of this scenario) completes the assignment under its band and mode."""
        return (run.scenario_id == self.scenario and run.finished and run.mode in PASS_MODES[self.mode]
                and BANDS.index(band_for(run.overall)) >= BANDS.index(self.band))


class Workshop(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    code: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    learners: tuple[Annotated[str, StringConstraints(min_length=1, max_length=60)], ...] = ()
    assignments: tuple[Assignment, ...]


class Assignments(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1]
    workshops: tuple[Workshop, ...]


def _key(code: str) -> str:
    from simulator.results.identity import name_key

    return name_key(code)


def load_assignments(path: Path, known_ids: Collection[str] | None = None) -> Assignments:
    """See the module doc; every problem is located in the file."""
    assignments, document = load_model_file(path, Assignments, "an assignments")
    problems = []
    if not assignments.workshops:
        problems.append(document.problem(("workshops",), "no workshop is listed", "add one: '- code: ...'"))
    seen: set[str] = set()
    for w_index, workshop in enumerate(assignments.workshops):
        if not workshop.assignments:
            problems.append(document.problem(("workshops", w_index, "assignments"), "no assignment is listed",
                                             "add one: '- scenario: ID' and 'due: YYYY-MM-DD'"))
        if _key(workshop.code) in seen:
            problems.append(document.problem(("workshops", w_index, "code"),
                                             f"workshop '{workshop.code}' is listed twice",
                                             "list each workshop code once (case and spaces are ignored)"))
        seen.add(_key(workshop.code))
        for a_index, item in enumerate(workshop.assignments):
            if known_ids is not None and item.scenario not in known_ids:
                problems.append(document.problem(("workshops", w_index, "assignments", a_index, "scenario"),
                                                 f"no scenario has the id '{item.scenario}'",
                                                 f"use a scenario id from the library ({command_name()} validate)"))
    if problems:
        raise ContentError(problems)
    return assignments


def for_workshop(assignments: Assignments, code: str) -> Workshop | None:
    """The cohort whose code matches ``code`` (ignoring case and spaces), or None."""
    if not code.strip():
        return None
    return next((w for w in assignments.workshops if _key(w.code) == _key(code)), None)


@dataclass(frozen=True)
class ItemStatus:
    scenario: str
    due: date
    state: Literal["done", "due", "overdue"]
    done_on: date | None = None
    late: bool = False

    def days_left(self, today: date) -> int:
        return (self.due - today).days


def learner_status(workshop: Workshop, runs: Sequence[RunFacts], today: date) -> tuple[ItemStatus, ...]:
    """Per assignment (in the file's order, then by due date): done, due or overdue."""
    ordered = sorted(runs, key=lambda r: r.ended_at.isoformat() if r.ended_at else "")
    statuses = []
    for item in sorted(workshop.assignments, key=lambda a: a.due):
        done = next((r for r in ordered if item.completes(r)), None)
        if done is not None:
            on = done.ended_at.date() if done.ended_at else None
            statuses.append(ItemStatus(item.scenario, item.due, "done", on, bool(on and on > item.due)))
        else:
            statuses.append(ItemStatus(item.scenario, item.due, "overdue" if today > item.due else "due"))
    return tuple(statuses)


@dataclass(frozen=True)
class LearnerLine:
    player: str
    done: int
    overdue: tuple[ItemStatus, ...]
    due: tuple[ItemStatus, ...]


def behind(workshop: Workshop, runs_by_player: Mapping[str, Sequence[RunFacts]], today: date) -> list[LearnerLine]:
    """Every learner of the cohort (roster first-spelled, then anyone with runs), most overdue first."""
    players: dict[str, str] = {}
    for name in [*workshop.learners, *runs_by_player]:
        players.setdefault(_key(name), name)
    by_key = {_key(name): runs for name, runs in runs_by_player.items()}
    lines = []
    for key, name in players.items():
        status = learner_status(workshop, by_key.get(key, ()), today)
        lines.append(LearnerLine(name, sum(s.state == "done" for s in status),
                                 tuple(s for s in status if s.state == "overdue"),
                                 tuple(s for s in status if s.state == "due")))
    return sorted(lines, key=lambda line: (-len(line.overdue), -len(line.due), line.player.casefold()))
