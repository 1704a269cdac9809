"""A learner's progress as one JSON-ready dict, shared by ``frontline progress`` and the game.

Contract: ``progress_report(library, entries, now)`` is pure: ``library`` is a
``simulator.progress.library.Library``, ``entries`` the learner's runs (anything with
``scenario_id``, ``mode``, ``finished``, ``overall``, ``ended_at`` and ``principle_scores``, e.g.
``HistoryEntry``). Keys: ``ready`` (bool), ``ready_on`` (ISO date or None), ``stages`` -> list of
``{id, name, met, met_on, need, passed, missing}``, ``practise_next`` -> ``{scenario, principle,
why}`` or None, ``practise_next_reason`` -> ``{key, params}`` (the "why" as data, see
``simulator.progress.practise``) or None. ``run_facts`` converts entries for the pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from simulator.progress.library import Library
from simulator.progress.practise import latest_scores, practise_next
from simulator.progress.readiness import RunFacts, readiness


def run_facts(entries: Sequence[Any]) -> list[RunFacts]:
    return [RunFacts(e.scenario_id, e.mode, e.finished, e.overall, e.ended_at, dict(e.principle_scores))
            for e in entries]


def principle_scores(entries: Sequence[Any]) -> dict[str, int]:
    """Per principle: the average over the latest finished run of each call (for the certificate)."""
    return latest_scores(run_facts(entries))


def progress_report(library: Library, entries: Sequence[Any], now: datetime) -> dict[str, Any]:
    """See the module doc."""
    facts = run_facts(entries)
    state = readiness(library.curriculum, facts)
    tip = practise_next(library.curriculum, library.trains, library.names, library.titles, facts, now)
    return {
        "ready": state.ready,
        "ready_on": state.ready_on.date().isoformat() if state.ready_on else None,
        "stages": [{"id": s.id, "name": s.name, "met": s.met, "met_on": s.met_on.date().isoformat() if s.met_on
                    else None, "need": s.need, "passed": list(s.passed), "missing": list(s.missing)}
                   for s in state.stages],
        "practise_next": {"scenario": tip.scenario, "principle": tip.principle, "why": tip.why} if tip else None,
        "practise_next_reason": {"key": tip.reason, "params": dict(tip.params)} if tip else None,
    }
