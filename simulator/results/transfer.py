"""Moving runs between stores as JSON lines (one ``RunRecord.to_dict()`` per line).

Contract: ``export_lines(store, workshop)`` yields lines oldest first. ``import_lines(store, lines)``
saves every valid line (run_id is the key: a run already stored is counted, not added again) and
returns an ``ImportResult`` listing each bad line by number with the reason; one bad line (or one
record the database refuses) never stops the rest. Each line is validated strictly
(``simulator.results.validation``) before it reaches the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from simulator.results.location import StoreError
from simulator.results.records import RunRecord
from simulator.results.store import ResultStore


@dataclass
class ImportResult:
    added: int = 0
    already: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def export_lines(store: ResultStore, workshop: str | None = None) -> Iterator[str]:
    for record in store.iter_records(workshop=workshop):
        yield json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":"))


def parse_line(line: str) -> RunRecord:
    """A record from one JSON line; ValueError with a short reason when it is not a valid one
    (strict types, ranges, sizes, dates and ids: ``simulator.results.validation``)."""
    from simulator.results.validation import record_from_line

    return record_from_line(line)


def import_lines(store: ResultStore, lines: Iterable[str]) -> ImportResult:
    result = ImportResult()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = parse_line(line)
        except ValueError as error:
            result.problems.append((number, str(error)))
            continue
        try:
            added = store.save_run(record)
        except StoreError as error:  # this record only (e.g. a value the database refuses)
            result.problems.append((number, f"not stored: {error}"))
            continue
        if added:
            result.added += 1
        else:
            result.already += 1
    return result
