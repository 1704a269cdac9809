"""Test plan files (``<name>.plan.yaml`` beside ``<name>.yaml``): format and loading.

Contract: ``load_plan_file(path)`` reads a plan file through the strict YAML reader and pydantic and
returns a ``PlanFile`` holding the validated ``PlanSet`` plus its ``YamlDocument`` (for positions),
or raises ``ContentError`` with ``file:line:col`` problems. The format is fixed (v1)::

    schema_version: 1
    scenario: angry-billing-dispute
    plans:
      - name: ideal
        path: [acknowledge-charge, ask-details]
        seed: 0                                   # optional
        expect:
          outcome: resolved                       # required
          quality: good                           # optional
          min_score: 90                           # optional, 0-100
          max_score: 100
          reaches: [node-id]                      # optional
          principles: {listen-first: {min: 80, max: 100}}
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from simulator.content.models import Id, Outcome, Quality
from simulator.content.problems import ContentError
from simulator.content.safe_yaml import YamlDocument
from simulator.content.validation import load_model_file

Score = Annotated[int, Field(ge=0, le=100)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Bounds(_Frozen):
    """Inclusive score bounds 0-100; either may be left out."""

    min: Score | None = None
    max: Score | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Bounds:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


class Expect(_Frozen):
    outcome: Outcome
    quality: Quality | None = None
    min_score: Score | None = None
    max_score: Score | None = None
    reaches: tuple[Id, ...] = ()
    principles: dict[Id, Bounds] = {}


class Plan(_Frozen):
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    path: tuple[Id, ...]
    seed: int | str = 0
    expect: Expect


class PlanSet(_Frozen):
    schema_version: Literal[1]
    scenario: Id
    plans: tuple[Plan, ...] = Field(min_length=1)


@dataclass(frozen=True)
class PlanFile:
    path: Path
    plans: PlanSet
    document: YamlDocument

    def where(self, index: int, *keys: str | int, key: bool = False) -> str:
        """``file:line:col`` of plan ``index`` (or of an entry inside it; ``key``: of the mapping key)."""
        line, column = self.document.where(("plans", index, *keys), key=key)
        return f"{self.path}:{line}:{column}"


def scenario_stem(plan_path: Path) -> str:
    """``x.plan.yaml`` -> ``x``."""
    name = plan_path.name
    for suffix in (".plan.yaml", ".plan.yml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return plan_path.stem


def load_plan_file(path: Path) -> PlanFile:
    """Read and validate one plan file; ContentError lists every problem."""
    plans, document = load_model_file(Path(path), PlanSet, "a test plan")
    seen: dict[str, int] = {}
    problems = []
    for index, plan in enumerate(plans.plans):
        if plan.name in seen:
            problems.append(document.problem(("plans", index, "name"), f"duplicate plan name '{plan.name}'",
                                             "give every plan in the file its own name"))
        seen[plan.name] = index
    if problems:
        raise ContentError(problems)
    return PlanFile(Path(path), plans, document)
