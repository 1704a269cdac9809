"""The curriculum: the order in which the picker offers scenarios, in stages with a rationale,
and the trainer's readiness rule for each stage.

Contract: ``load_curriculum(path)`` reads ``scenarios/curriculum.yaml`` with the strict YAML reader
and returns a frozen ``Curriculum``, or raises ``ContentError`` (file:line:col). ``order(ids)``
sorts scenario ids by curriculum position; ids the curriculum does not name come last.

A stage's ``pass`` rule says when it is met (defaults in brackets): ``need`` scenarios of the stage
passed [all of them], each at ``band`` or better [Proficient], in runs of ``mode`` [assessment:
assessment and certification runs count, coach runs do not; ``certification``: only
certification attempts; ``any``], and at most ``attempts`` certification attempts per scenario [3].
``simulator.progress`` applies the rules to a learner's runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from simulator.content.problems import ContentError
from simulator.content.validation import load_model_file

CURRICULUM_FILE = "curriculum.yaml"


BANDS = ("Not yet", "Developing", "Proficient", "Excellent")  # lowest first (scoring.rules.BANDS)
PASS_MODES = {"assessment": ("assessment", "certification"), "certification": ("certification",),
              "any": ("coach", "assessment", "certification")}


class PassRule(BaseModel):
    """When a stage is met; see the module doc for the defaults."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    need: Annotated[int, Field(strict=True, ge=1, le=100)] | None = None
    band: Literal["Excellent", "Proficient", "Developing", "Not yet"] = "Proficient"
    mode: Literal["assessment", "certification", "any"] = "assessment"
    attempts: Annotated[int, Field(strict=True, ge=1, le=20)] = 3

    def counts(self, mode: str, overall_band: str) -> bool:
        """Whether a finished run in ``mode`` that reached ``overall_band`` passes under this rule."""
        return mode in PASS_MODES[self.mode] and BANDS.index(overall_band) >= BANDS.index(self.band)


class Stage(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    name: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")] | None = None
    rationale: Annotated[str, StringConstraints(min_length=1, max_length=800)]
    scenarios: tuple[Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")], ...] = Field(
        min_length=1)
    pass_rule: PassRule = Field(default_factory=PassRule, alias="pass")

    @property
    def key(self) -> str:
        """The stage's id, or its name in lower case with dashes (``First day`` -> ``first-day``)."""
        return self.id or re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-") or "stage"

    @property
    def need(self) -> int:
        """How many of its scenarios must be passed (at most all of them)."""
        rule = self.pass_rule.need
        return len(self.scenarios) if rule is None else min(rule, len(self.scenarios))


class Curriculum(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int
    stages: tuple[Stage, ...] = Field(min_length=1)

    def scenario_ids(self) -> tuple[str, ...]:
        return tuple(sid for stage in self.stages for sid in stage.scenarios)

    def stage_of(self, scenario_id: str) -> Stage | None:
        for stage in self.stages:
            if scenario_id in stage.scenarios:
                return stage
        return None

    def order(self, ids: Iterable[str]) -> list[str]:
        """``ids`` in curriculum order; unknown ids keep their given order at the end."""
        rank = {sid: index for index, sid in enumerate(self.scenario_ids())}
        given = list(enumerate(ids))
        return [sid for _, sid in sorted(given, key=lambda item: (rank.get(item[1], len(rank)), item[0]))]


def load_curriculum(path: Path) -> Curriculum:
    """Read and validate a curriculum file; ContentError lists every problem."""
    curriculum, document = load_model_file(path, Curriculum, "a curriculum")
    seen: set[str] = set()
    for s_index, stage in enumerate(curriculum.stages):
        for index, sid in enumerate(stage.scenarios):
            if sid in seen:
                raise ContentError([document.problem(("stages", s_index, "scenarios", index),
                                                     f"scenario '{sid}' is listed twice",
                                                     "list each scenario in one stage only")])
            seen.add(sid)
    return curriculum
