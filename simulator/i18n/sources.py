"""What can be translated: a scenario file or the principles catalog, seen the same way.

Contract: ``load_source(path, catalog_ids)`` returns a ``Source`` (its kind, key, raw data, document,
validated model and ``TextEntry`` list) or raises ``ContentError``. ``validate_as(source, document)``
validates a translated document as the same kind of file (a ``Scenario`` or a ``Catalog``).
``catalog_entries(catalog)`` gives the catalog's text ids::

    principle/<id>/name  principle/<id>/description  principle/<id>/done_well/<k>
    principle/<id>/done_badly/<k>  tension/<id>/name  tension/<id>/description

A file is the catalog when its top level has ``principles:`` as a list; otherwise it is a scenario.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from simulator.content.files import read_content
from simulator.content.problems import ContentError
from simulator.content.validation import problems_from_validation
from simulator.content.yaml_reader import YamlDocument, parse_yaml
from simulator.i18n.ids import TextEntry, scenario_entries

Kind = Literal["scenario", "catalog"]
SOURCE_LANGUAGE = "en"  # every shipped source file is written in English


@dataclass(frozen=True)
class Source:
    kind: Kind
    key: str  # the scenario id, or "principles" for the catalog
    path: Path
    document: YamlDocument
    model: BaseModel
    entries: tuple[TextEntry, ...]
    content_hash: str
    catalog_ids: tuple[str, ...]

    def entry(self, text_id: str) -> TextEntry | None:
        return next((e for e in self.entries if e.id == text_id), None)


def is_catalog_data(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("principles"), list) and "nodes" not in data


def catalog_entries(catalog: Any) -> list[TextEntry]:
    """Every translatable text of a validated ``scoring.catalog.Catalog``, in file order."""
    entries: list[TextEntry] = []
    for index, principle in enumerate(catalog.principles):
        base = ("principles", index)
        for field in ("name", "description"):
            entries.append(TextEntry(f"principle/{principle.id}/{field}", f"principle {field}",
                                     getattr(principle, field), (*base, field), (*base, field)))
        for field in ("done_well", "done_badly"):
            for k, text in enumerate(getattr(principle, field)):
                path: tuple[str | int, ...] = (*base, field, k)
                entries.append(TextEntry(f"principle/{principle.id}/{field}/{k}", "principle example",
                                         text, path, path))
    for index, tension in enumerate(catalog.tensions):
        for field in ("name", "description"):
            path = ("tensions", index, field)
            entries.append(TextEntry(f"tension/{tension.id}/{field}", f"tension {field}",
                                     getattr(tension, field), path, path))
    return entries


def validate_as(kind: Kind, document: YamlDocument, catalog_ids: Collection[str]) -> BaseModel:
    """Validate ``document`` as a scenario (with its cross-checks) or as a catalog."""
    if kind == "scenario":
        from simulator.content.loader import validate_document

        return validate_document(document, catalog_ids)
    from scoring.catalog import Catalog

    try:
        return Catalog.model_validate(document.data)
    except ValidationError as error:
        raise ContentError(problems_from_validation(error, document)) from None


def entries_of(kind: Kind, model: Any, data: Any) -> list[TextEntry]:
    return scenario_entries(model, data) if kind == "scenario" else catalog_entries(model)


def load_source(path: Path, catalog_ids: Collection[str], root: Path | None = None) -> Source:
    """Read, parse and validate a source file (scenario or catalog) and list its texts."""
    text, digest = read_content(Path(path), root)
    document = parse_yaml(text, str(path))
    kind: Kind = "catalog" if is_catalog_data(document.data) else "scenario"
    model = validate_as(kind, document, catalog_ids)
    key = "principles" if kind == "catalog" else model.id  # type: ignore[attr-defined]
    entries = tuple(entries_of(kind, model, document.data))
    return Source(kind, key, Path(path), document, model, entries, digest, tuple(catalog_ids))
