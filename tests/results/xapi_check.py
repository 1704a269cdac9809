"""Validation of xAPI statements with Ralph's pydantic models (a real xAPI implementation), and
runs played through the real engine for the xAPI tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from simulator.results.records import RunRecord, new_run_id, record_from_report
from tests.results.helpers import LATE_PARCEL


def validate(statement: dict[str, Any]) -> None:
    """Raise pydantic's ValidationError unless Ralph's models accept the statement: the base
    statement model (every xAPI rule Ralph checks: no empty values, IRIs, UUIDs, durations, score
    ranges, language maps), the verb vocabulary models and, for answered statements, the
    interaction definition model."""
    from ralph.models.xapi.base.statements import BaseXapiStatement
    from ralph.models.xapi.base.unnested_objects import BaseXapiActivityInteractionDefinition
    from ralph.models.xapi.concepts.verbs.adl_vocabulary import AnsweredVerb
    from ralph.models.xapi.concepts.verbs.scorm_profile import CompletedVerb

    BaseXapiStatement.model_validate(statement)
    verb = statement["verb"]["id"]
    if verb.endswith("/answered"):
        AnsweredVerb.model_validate(statement["verb"])
        definition = BaseXapiActivityInteractionDefinition.model_validate(statement["object"]["definition"])
        assert definition.interactionType == "choice"
        # (Ralph's unique-id validator returns None, so read the ids from the statement itself)
        ids = [c["id"] for c in statement["object"]["definition"]["choices"]]
        assert len(ids) == len(set(ids)) and statement["result"]["response"] in ids
    elif verb.endswith("/completed"):
        CompletedVerb.model_validate(statement["verb"])


def played(player: str, team: str, workshop: str, picks: list[int], seed: int = 0,
           seconds: float = 4.5, minutes: int = 0) -> RunRecord:
    """A run of The Late Parcel played through the engine: option ``picks[k]`` (1-based, display
    order) at decision k; stops early (abandoned) when the picks run out."""
    from scoring.catalog import default_catalog
    from scoring.scorer import score_run
    from simulator.content.loader import load_scenario
    from simulator.engine.machine import ScenarioMachine

    catalog = default_catalog()
    loaded = load_scenario(LATE_PARCEL, catalog.ids())
    session = ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=seed)
    for pick in picks:
        if session.finished:
            break
        options = session.open_choices()
        session.choose(options[min(pick, len(options)) - 1].id, seconds=seconds)
    report = score_run(loaded.scenario, session.transcript, catalog, session.ending)
    start = datetime(2026, 11, 3, 9, 0, tzinfo=UTC) + timedelta(minutes=minutes)
    record = record_from_report(run_id=new_run_id(), player=player, team=team, workshop=workshop,
                                content_hash=loaded.content_hash, mode="coach", started_at=start,
                                ended_at=start + timedelta(minutes=2), report=report,
                                transcript=session.transcript, seed=seed)
    session.close()
    return record
