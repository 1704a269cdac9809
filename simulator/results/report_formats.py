"""Workshop results as CSV (one row per run); xAPI statements live in ``simulator.results.xapi``.

Contract: ``render_csv(records, principle_ids)`` starts with a UTF-8 byte order mark (so
spreadsheet programs read accents) and neutralises spreadsheet formulas in every cell, headers
included: any text cell starting (after leading spaces) with = + - @ tab, CR or LF, or their
full-width forms, gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from simulator.results.records import RunRecord

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
BOM = "\ufeff"
CSV_COLUMNS = ("run_id", "workshop", "team", "player", "scenario_id", "content_hash", "mode", "status",
               "outcome", "overall", "started_at", "ended_at", "decisions")


def safe_cell(value: object) -> object:
    """Numbers unchanged; text that a spreadsheet would run as a formula gets a leading '."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.lstrip(" ").startswith(FORMULA_STARTS) else text


def render_csv(records: Iterable[RunRecord], principle_ids: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    out.write(BOM)
    writer.writerow([safe_cell(name) for name in (*CSV_COLUMNS, *principle_ids)])
    for r in records:
        row: list[Any] = [r.run_id, r.workshop, r.team, r.player, r.scenario_id, r.content_hash, r.mode, r.status,
                          r.outcome or "", r.overall, r.started_at.isoformat(), r.ended_at.isoformat(),
                          len(r.transcript)]
        row += [r.principle_scores.get(p, "") for p in principle_ids]
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()
