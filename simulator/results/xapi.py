"""Saved runs as xAPI 1.0.3 statements a learning record store (LRS) accepts.

Contract: ``statements(record, info, base)`` returns, for one run, in time order:
* one ``answered`` statement per decision: the object is the decision as a ``choice`` interaction
  (activity type cmi.interaction) whose choices are the options open at that moment (option text
  as description when the scenario file is known), ``correctResponsesPattern`` the best open
  options when the decision was graded; the result holds the response (chosen option id), the
  time taken as an ISO 8601 duration, ``success`` and a score (chosen net grade between the worst
  and best open option) when graded, and the chosen option's per-principle points under the
  ``principle-points`` extension;
* for a finished run ``completed`` then ``passed`` (band Proficient or better, scoring v2:
  ``scoring.scorer.band_for``) or ``failed``, with the overall score (raw 0-100, scaled 0-1), the
  band, outcome and per-principle scores; for an abandoned run ``abandoned`` (ADL/cmi5 verb).
Every statement carries a deterministic UUID (made from the run id, so sending twice stores
nothing twice), the run id as ``context.registration``, the scenario as parent activity, the
workshop as grouping activity, and workshop/team/mode/content hash as context extensions.
Activity and extension ids live under ``base`` (``--activity-base``; ``check_base`` validates it).
No statement holds an empty string or empty object outside extensions (the xAPI rule).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

from simulator.results.identity import name_key
from simulator.results.records import FINISHED, RunRecord
from simulator.results.scenario_info import DecisionInfo, ScenarioInfo

DEFAULT_BASE = "https://frontline.invalid/xapi"
XAPI_VERSION = "1.0.3"
LANG = "en"
PASSING_BANDS = ("Excellent", "Proficient")
NAMESPACE = uuid.UUID("6f1d2a8e-4c1b-5b7e-9a63-2f0e8d6c4b11")
VERBS = {
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "abandoned": "https://w3id.org/xapi/adl/verbs/abandoned",
}
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
MEETING = "http://adlnet.gov/expapi/activities/meeting"


def check_base(raw: str) -> str:
    """The activity base without a trailing slash; ValueError unless an absolute http(s) URL."""
    base = raw.strip().rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in base):
        raise ValueError(f"'{raw}' is not an absolute http(s) address; use e.g. https://lms.example.com/frontline")
    return base


def iso_duration(seconds: float) -> str:
    """ISO 8601 duration to the hundredth of a second, e.g. PT1M5.25S."""
    hundredths = max(0, round(seconds * 100))
    minutes, rest = divmod(hundredths, 6000)
    hours, minutes = divmod(minutes, 60)
    head = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return f"PT{head}{rest // 100}.{rest % 100:02d}S"


def _id(record: RunRecord, what: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{record.run_id}/{what}"))


def _text(value: str | None) -> dict[str, str] | None:
    value = (value or "").strip()
    return {LANG: value} if value else None


def _scenario_activity(record: RunRecord, info: ScenarioInfo | None, base: str) -> dict[str, Any]:
    definition = {"name": _text(info.title if info else record.scenario_id) or {LANG: record.scenario_id},
                  "type": SIMULATION}
    return {"objectType": "Activity", "id": f"{base}/scenarios/{quote(record.scenario_id, safe='')}",
            "definition": definition}


def _actor(record: RunRecord, base: str) -> dict[str, Any]:
    name = record.player.strip() or "player"
    return {"objectType": "Agent", "name": name, "account": {"homePage": base, "name": name}}


def _context(record: RunRecord, info: ScenarioInfo | None, base: str) -> dict[str, Any]:
    activities: dict[str, Any] = {"parent": [{"objectType": "Activity",
                                              "id": _scenario_activity(record, info, base)["id"]}]}
    if name_key(record.workshop):
        activities["grouping"] = [{"objectType": "Activity",
                                   "id": f"{base}/workshops/{quote(name_key(record.workshop), safe='')}",
                                   "definition": {"name": {LANG: record.workshop.strip()}, "type": MEETING}}]
    return {"registration": record.run_id, "platform": "Frontline", "language": LANG,
            "contextActivities": activities,
            "extensions": {f"{base}/workshop": record.workshop, f"{base}/team": record.team,
                           f"{base}/mode": record.mode, f"{base}/content-hash": record.content_hash,
                           f"{base}/seed": record.seed}}


def _statement(record: RunRecord, info: ScenarioInfo | None, base: str, what: str, verb: str,
               activity: dict[str, Any], result: dict[str, Any], when: datetime) -> dict[str, Any]:
    return {"id": _id(record, what), "actor": _actor(record, base),
            "verb": {"id": VERBS[verb], "display": {"en-US": verb}}, "object": activity, "result": result,
            "context": _context(record, info, base), "timestamp": when.isoformat(), "version": XAPI_VERSION}


def _interaction(record: RunRecord, decision: DecisionInfo | None, node_id: str, available: list[str],
                 base: str, title: str) -> dict[str, Any]:
    choices = []
    for choice_id in available:
        option = decision.option(choice_id) if decision else None
        choices.append({"id": choice_id, "description": _text(option.text if option else None) or {LANG: choice_id}})
    definition: dict[str, Any] = {"name": {LANG: f"{title}: {node_id}"}, "type": INTERACTION,
                                  "interactionType": "choice", "choices": choices}
    prompt = _text(decision.prompt if decision else None)
    if prompt:
        definition["description"] = prompt
    nets = _nets(decision, available)
    if nets and len(set(nets.values())) > 1:
        top = max(nets.values())
        definition["correctResponsesPattern"] = [c for c in available if nets.get(c) == top]
    return {"objectType": "Activity", "definition": definition,
            "id": f"{base}/scenarios/{quote(record.scenario_id, safe='')}/decisions/{quote(node_id, safe='')}"}


def _nets(decision: DecisionInfo | None, available: list[str]) -> dict[str, int]:
    if decision is None:
        return {}
    options = [decision.option(c) for c in available]
    return {o.id: o.net for o in options if o is not None}


def _answer_result(step: Mapping[str, Any], decision: DecisionInfo | None, available: list[str],
                   base: str) -> dict[str, Any]:
    choice_id = str(step.get("choice_id", ""))
    option = decision.option(choice_id) if decision else None
    result: dict[str, Any] = {
        "response": choice_id, "duration": iso_duration(float(step.get("seconds", 0.0) or 0.0)),
        "extensions": {f"{base}/principle-points": dict(option.grades) if option else {},
                       f"{base}/timed-out": bool(step.get("timed_out", False))}}
    nets = _nets(decision, available)
    if option is not None and len(set(nets.values())) > 1:
        best, worst = max(nets.values()), min(nets.values())
        result["success"] = option.net == best
        result["score"] = {"scaled": round((option.net - worst) / (best - worst), 4), "raw": option.net,
                           "min": worst, "max": best}
    return result


def _answers(record: RunRecord, info: ScenarioInfo | None, base: str) -> list[dict[str, Any]]:
    title = info.title if info else record.scenario_id
    out, elapsed = [], 0.0
    for position, step in enumerate(record.transcript):
        node_id = str(step.get("node_id", "")) or f"step-{position}"
        available = [str(a) for a in step.get("available") or ()] or [str(step.get("choice_id", "?"))]
        decision = info.decisions.get(node_id) if info else None
        elapsed += max(0.0, float(step.get("seconds", 0.0) or 0.0))
        when = min(record.started_at + timedelta(seconds=elapsed), max(record.ended_at, record.started_at))
        activity = _interaction(record, decision, node_id, available, base, title)
        out.append(_statement(record, info, base, f"answered/{position}", "answered", activity,
                              _answer_result(step, decision, available, base), when))
    return out


def _run_result(record: RunRecord, base: str, band: str) -> dict[str, Any]:
    duration = max(0.0, (record.ended_at - record.started_at).total_seconds())
    result: dict[str, Any] = {"completion": record.status == FINISHED, "duration": iso_duration(duration),
                              "extensions": {f"{base}/principle-scores": dict(record.principle_scores),
                                             f"{base}/outcome": record.outcome, f"{base}/band": band}}
    if record.status == FINISHED:
        overall = max(0, min(100, record.overall))
        result["score"] = {"scaled": round(overall / 100, 4), "raw": overall, "min": 0, "max": 100}
    return result


def statements(record: RunRecord, info: ScenarioInfo | None, base: str = DEFAULT_BASE) -> list[dict[str, Any]]:
    """The statements of one run (see the module contract)."""
    from scoring.scorer import band_for

    band = band_for(record.overall)
    activity = _scenario_activity(record, info, base)
    out = _answers(record, info, base)
    if record.status != FINISHED:
        out.append(_statement(record, info, base, "abandoned", "abandoned", activity,
                              _run_result(record, base, band), record.ended_at))
        return out
    out.append(_statement(record, info, base, "completed", "completed", activity,
                          _run_result(record, base, band), record.ended_at))
    verdict = "passed" if band in PASSING_BANDS else "failed"
    result = dict(_run_result(record, base, band), success=verdict == "passed")
    out.append(_statement(record, info, base, verdict, verdict, activity, result, record.ended_at))
    return out


def workshop_statements(records: Iterable[RunRecord], infos: Mapping[str, ScenarioInfo],
                        base: str = DEFAULT_BASE) -> list[dict[str, Any]]:
    return [s for record in records for s in statements(record, infos.get(record.scenario_id), base)]


def render(records: Iterable[RunRecord], infos: Mapping[str, ScenarioInfo], base: str = DEFAULT_BASE) -> str:
    return json.dumps(workshop_statements(records, infos, base), ensure_ascii=False, indent=1) + "\n"
