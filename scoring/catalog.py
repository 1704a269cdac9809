"""The principles catalog: the customer-service principles every choice is graded against.

Contract: ``Catalog`` is a frozen value (principles in file order, looked up by id).
``load_catalog(path)`` reads ``principles.yaml`` through the same strict YAML reader as scenarios
and raises ``ContentError`` with file:line:col problems when it is broken; ``default_catalog()``
loads the shipped catalog (cached per process by the caller, not here: no module globals).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from simulator.content.problems import ContentError
from simulator.content.validation import load_model_file

CATALOG_FILE = Path(__file__).with_name("principles.yaml")

_Line = Annotated[str, StringConstraints(min_length=1, max_length=400)]


class Principle(BaseModel):
    """One principle: id, short name, description, example lines, and the seed files it cites."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
    name: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    description: Annotated[str, StringConstraints(min_length=1, max_length=600)]
    done_well: tuple[_Line, ...] = Field(min_length=1)
    done_badly: tuple[_Line, ...] = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)


class Tension(BaseModel):
    """Advice the articles leave in tension: honouring ``one_side`` principles costs ``other_side``
    ones at some decisions, and no third option wins on both (scenarios must train each one)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    description: Annotated[str, StringConstraints(min_length=1, max_length=800)]
    one_side: tuple[str, ...] = Field(min_length=1)
    other_side: tuple[str, ...] = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int
    principles: tuple[Principle, ...] = Field(min_length=1)
    tensions: tuple[Tension, ...] = ()

    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.principles)

    def get(self, principle_id: str) -> Principle:
        """The principle with this id; KeyError when the catalog has none."""
        for principle in self.principles:
            if principle.id == principle_id:
                return principle
        raise KeyError(principle_id)

    def __contains__(self, principle_id: object) -> bool:
        return any(p.id == principle_id for p in self.principles)


def load_catalog(path: Path = CATALOG_FILE) -> Catalog:
    """Read and validate a catalog file; ContentError lists every problem."""
    catalog, document = load_model_file(path, Catalog, "a principles catalog")
    seen: set[str] = set()
    for index, principle in enumerate(catalog.principles):
        if principle.id in seen:
            raise ContentError([document.problem(("principles", index, "id"),
                                                 f"duplicate principle id '{principle.id}'",
                                                 "give every principle its own id")])
        seen.add(principle.id)
    for index, tension in enumerate(catalog.tensions):
        for side in ("one_side", "other_side"):
            for position, name in enumerate(getattr(tension, side)):
                if name not in seen:
                    raise ContentError([document.problem(("tensions", index, side, position),
                                                         f"unknown principle '{name}' in tension '{tension.id}'",
                                                         "name a principle id from this catalog")])
    return catalog


def default_catalog() -> Catalog:
    """The catalog shipped beside this module (in English; its translations are read through
    ``simulator.i18n.api.translated_catalog(lang)``, which builds on this layer, never the reverse)."""
    return load_catalog(CATALOG_FILE)
