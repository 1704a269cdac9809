"""Workshop results as CSV (one row per run) and as xAPI statements (JSON).

Contract: ``render_csv(records, principle_ids)`` starts with a UTF-8 byte order mark (so
spreadsheet programs read accents) and neutralises spreadsheet formulas in every cell, headers
included: any text cell starting (after leading spaces) with = + - @ tab, CR or LF, or their
full-width forms, gets a leading apostrophe. ``xapi_statements(records, titles)``
returns one statement per run (verb completed, or abandoned for abandoned runs), with the overall
score scaled 0-1 and per-principle scores, workshop and team in extensions.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from simulator.results.records import FINISHED, RunRecord

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
BOM = "\ufeff"
XAPI_BASE = "https://frontline.invalid/xapi"
VERBS = {
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "abandoned": "https://w3id.org/xapi/adl/verbs/abandoned",
}
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


def _duration(record: RunRecord) -> str:
    seconds = max(0.0, (record.ended_at - record.started_at).total_seconds())
    return f"PT{seconds:.2f}S"


def statement(record: RunRecord, title: str) -> dict[str, Any]:
    finished = record.status == FINISHED
    verb = "completed" if finished else "abandoned"
    result: dict[str, Any] = {
        "completion": finished, "duration": _duration(record),
        "extensions": {f"{XAPI_BASE}/principle-scores": dict(record.principle_scores),
                       f"{XAPI_BASE}/outcome": record.outcome},
    }
    if finished:
        result["score"] = {"scaled": round(record.overall / 100, 4), "raw": record.overall, "min": 0, "max": 100}
    return {
        "id": record.run_id,
        "actor": {"objectType": "Agent", "name": record.player,
                  "account": {"homePage": f"{XAPI_BASE}/players", "name": record.player}},
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": {"objectType": "Activity", "id": f"{XAPI_BASE}/scenarios/{quote(record.scenario_id, safe='')}",
                   "definition": {"name": {"en-US": title},
                                  "type": "http://adlnet.gov/expapi/activities/simulation"}},
        "result": result,
        "context": {"platform": "Frontline", "extensions": {
            f"{XAPI_BASE}/workshop": record.workshop, f"{XAPI_BASE}/team": record.team,
            f"{XAPI_BASE}/mode": record.mode, f"{XAPI_BASE}/content-hash": record.content_hash}},
        "timestamp": record.ended_at.isoformat(),
    }


def xapi_statements(records: Iterable[RunRecord], titles: dict[str, str]) -> list[dict[str, Any]]:
    return [statement(r, titles.get(r.scenario_id, r.scenario_id)) for r in records]


def render_xapi(records: Iterable[RunRecord], titles: dict[str, str]) -> str:
    return json.dumps(xapi_statements(records, titles), ensure_ascii=False, indent=1) + "\n"
