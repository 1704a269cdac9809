"""Moving runs between stores as JSON lines (one ``RunRecord.to_dict()`` per line).

Contract: ``export_lines(store, workshop)`` yields lines oldest first. ``import_lines(store, lines)``
saves every valid line (run_id is the key: a run already stored is counted, not added again) and
returns an ``ImportResult`` listing each bad line by number with the reason; one bad line never
stops the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from simulator.results.records import ABANDONED, FINISHED, RunRecord
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
    """A record from one JSON line; ValueError with a short reason when it is not one."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(data, dict):
        raise ValueError("not a run record (expected a JSON object)")
    try:
        record = RunRecord.from_dict(data)
    except KeyError as error:
        raise ValueError(f"missing field {error}") from None
    except (TypeError, ValueError, AttributeError) as error:
        raise ValueError(f"bad value: {error}") from None
    if record.status not in (FINISHED, ABANDONED):
        raise ValueError(f"bad status '{record.status}' (expected finished or abandoned)")
    if not record.player.strip() or not record.scenario_id.strip():
        raise ValueError("player and scenario_id must not be empty")
    return record


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
        if store.save_run(record):
            result.added += 1
        else:
            result.already += 1
    return result
