"""The curriculum: the order in which the picker offers scenarios, in stages with a rationale.

Contract: ``load_curriculum(path)`` reads ``scenarios/curriculum.yaml`` with the strict YAML reader
and returns a frozen ``Curriculum``, or raises ``ContentError`` (file:line:col). ``order(ids)``
sorts scenario ids by curriculum position; ids the curriculum does not name come last.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from simulator.content.problems import ContentError
from simulator.content.validation import load_model_file

CURRICULUM_FILE = "curriculum.yaml"


class Stage(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    rationale: Annotated[str, StringConstraints(min_length=1, max_length=800)]
    scenarios: tuple[Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")], ...] = Field(
        min_length=1)


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
