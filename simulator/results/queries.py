"""Read-side queries of the results store, returning plain dataclasses from ``views``.

Contract: every function takes an open ``ResultStore``; workshop and team filters match every
spelling (case and spaces ignored, ``simulator.results.identity``), other filters are exact; only finished
runs count for leaderboards and best runs (abandoned runs appear in history, marked). A
leaderboard has one row per (player, team): that player's best run, ties broken by who got there
first. Leaderboards by overall score read the running aggregates (a row per player and scenario,
see ``simulator.results.aggregates``), not every run; leaderboards by a principle read the runs.
A workshop's aggregated results (``workshop_data``) live in ``workshop_data`` and are re-exported
here. All SQL is built with SQLAlchemy Core (parameterised).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, select

from simulator.results.records import FINISHED, ROOM_MODE
from simulator.results.store import ResultStore, from_db_time
from simulator.results.views import Facets, HistoryEntry, LeaderboardRow
from simulator.results.workshop_data import ChoiceCount, WorkshopData, workshop_data

__all__ = ["ChoiceCount", "WorkshopData", "best_run", "facets", "history", "leaderboard", "workshop_data"]


def leaderboard(store: ResultStore, scenario_id: str | None, principle: str | None = None,
                workshop: str | None = None, team: str | None = None, limit: int = 10) -> list[LeaderboardRow]:
    """Best finished run per player on a scenario (all scenarios when None), by overall score or,
    with ``principle``, by that principle's score; highest first."""
    if principle is None:
        return _overall_leaderboard(store, scenario_id, workshop, team, limit)
    runs, scores = store.tables.runs, store.tables.run_scores
    score_col = runs.c.overall if principle is None else scores.c.score
    source = runs if principle is None else runs.join(
        scores, and_(scores.c.run_id == runs.c.run_id, scores.c.principle_id == principle))
    conditions = [runs.c.status == FINISHED]
    if scenario_id is not None:
        conditions.append(runs.c.scenario_id == scenario_id)
    if workshop is not None:
        conditions.append(runs.c.workshop.in_(store.workshop_spellings(workshop) or [workshop]))
    if team is not None:
        conditions.append(runs.c.team.in_(_team_spellings(store, team)))
    partition = (runs.c.player, runs.c.team)
    ranked = (
        select(runs.c.player, runs.c.team, runs.c.workshop, runs.c.run_id, runs.c.ended_at,
               score_col.label("score"),
               func.row_number().over(partition_by=partition,
                                      order_by=(score_col.desc(), runs.c.ended_at, runs.c.run_id)).label("rn"),
               func.count().over(partition_by=partition).label("runs"))
        .select_from(source).where(*conditions).subquery()
    )
    query = select(ranked).where(ranked.c.rn == 1).order_by(ranked.c.score.desc(), ranked.c.ended_at, ranked.c.player)
    with store.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return _ranked_rows(_merge_spellings(rows)[:max(0, limit)])


def _overall_leaderboard(store: ResultStore, scenario_id: str | None, workshop: str | None, team: str | None,
                         limit: int) -> list[LeaderboardRow]:
    """``leaderboard`` by overall score from ``agg_player_scenario``: each row holds the best
    finished run of a (workshop, team, player, scenario) in leaderboard order, so the best of a
    (player, team) is the first of its rows in that order, and its finished runs are their sum."""
    agg = store.tables.agg.scenarios
    c = agg.c
    conditions = [c.best_overall.is_not(None)]
    if scenario_id is not None:
        conditions.append(c.scenario_id == scenario_id)
    if workshop is not None:
        conditions.append(c.workshop.in_(store.workshop_spellings(workshop) or [workshop]))
    if team is not None:
        conditions.append(c.team.in_(_team_spellings(store, team)))
    partition = (c.player, c.team)
    ranked = (
        select(c.player, c.team, c.workshop, c.best_run_id.label("run_id"), c.best_ended_at.label("ended_at"),
               c.best_overall.label("score"),
               func.row_number().over(partition_by=partition,
                                      order_by=(c.best_overall.desc(), c.best_ended_at, c.best_run_id)).label("rn"),
               func.sum(c.finished).over(partition_by=partition).label("runs"))
        .where(*conditions).subquery()
    )
    query = select(ranked).where(ranked.c.rn == 1).order_by(ranked.c.score.desc(), ranked.c.ended_at, ranked.c.player)
    with store.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return _ranked_rows(_merge_spellings(rows)[:max(0, limit)])


def _team_spellings(store: ResultStore, team: str) -> list[str]:
    """Every stored spelling of ``team`` (case and spaces ignored), or [team] when none."""
    from simulator.results.identity import matching

    agg = store.tables.agg.scenarios
    with store.reading() as conn:
        stored = conn.execute(select(agg.c.team).distinct()).scalars().all()
    return matching(team, stored) or [team]


def _merge_spellings(rows: Sequence[Any]) -> list[Any]:
    """One row per player and team compared ignoring case and spaces ("Red" and "red " are one
    team): the best row (rows come best first, as column -> value mappings) with the runs of every
    spelling added up."""
    from types import SimpleNamespace

    from simulator.results.identity import name_key

    merged: dict[tuple[str, str], Any] = {}
    for row in rows:
        key = (name_key(row["player"]), name_key(row["team"]))
        if key in merged:
            merged[key].runs += int(row["runs"])
        else:
            merged[key] = SimpleNamespace(**row)
    return list(merged.values())


def _ranked_rows(rows: list[Any]) -> list[LeaderboardRow]:
    result: list[LeaderboardRow] = []
    for index, row in enumerate(rows):
        rank = result[-1].rank if result and result[-1].score == row.score else index + 1
        result.append(LeaderboardRow(rank, row.player, row.team, row.workshop, int(row.score), row.run_id,
                                     from_db_time(row.ended_at), int(row.runs)))
    return result


def history(store: ResultStore, player: str, scenario_id: str | None = None) -> list[HistoryEntry]:
    """A player's runs, oldest first (finished and abandoned), with per-principle scores; the calls
    the whole room played are nobody's own runs, even for a learner who calls themself "Room"."""
    runs = store.tables.runs
    query = select(*_entry_columns(store)).where(runs.c.player == player, runs.c.mode != ROOM_MODE)
    if scenario_id is not None:
        query = query.where(runs.c.scenario_id == scenario_id)
    return _entries(store, query.order_by(runs.c.ended_at, runs.c.run_id))


def best_run(store: ResultStore, player: str, scenario_id: str) -> HistoryEntry | None:
    """The player's best finished run on the scenario (earliest among equals; room calls left out), or None."""
    runs = store.tables.runs
    query = (select(*_entry_columns(store))
             .where(runs.c.player == player, runs.c.scenario_id == scenario_id, runs.c.status == FINISHED,
                    runs.c.mode != ROOM_MODE)
             .order_by(runs.c.overall.desc(), runs.c.ended_at, runs.c.run_id).limit(1))
    entries = _entries(store, query)
    return entries[0] if entries else None


def _entry_columns(store: ResultStore) -> tuple[Any, ...]:
    c = store.tables.runs.c
    return (c.run_id, c.player, c.scenario_id, c.workshop, c.team, c.mode, c.status, c.outcome, c.overall,
            c.started_at, c.ended_at)


def _entries(store: ResultStore, query: Any) -> list[HistoryEntry]:
    scores = store.tables.run_scores
    with store.reading() as conn:
        rows = conn.execute(query).all()
        by_run: dict[str, dict[str, int]] = {}
        ids = [row.run_id for row in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for score in conn.execute(select(scores).where(scores.c.run_id.in_(chunk))):
                by_run.setdefault(score.run_id, {})[score.principle_id] = score.score
    return [HistoryEntry(row.run_id, row.scenario_id, row.workshop, row.team, row.mode, row.status, row.outcome,
                         row.overall, by_run.get(row.run_id, {}), from_db_time(row.started_at),
                         from_db_time(row.ended_at)) for row in rows]


def facets(store: ResultStore) -> Facets:
    """The workshops and teams that finished runs carry (for filters), and the stored run count."""
    runs = store.tables.runs
    finished = runs.c.status == FINISHED
    with store.reading() as conn:
        workshops = conn.execute(select(runs.c.workshop).where(finished).distinct()).scalars().all()
        teams = conn.execute(select(runs.c.team).where(finished).distinct()).scalars().all()
        count = conn.execute(select(func.count()).select_from(runs)).scalar() or 0

    def ordered(values: list[str | None]) -> tuple[str, ...]:
        from simulator.results.identity import name_key

        unique: dict[str, str] = {}
        for value in sorted((v or "" for v in values), key=lambda v: (v.casefold(), v)):
            unique.setdefault(name_key(value), value)  # one entry per name, whatever its spelling
        return tuple(unique.values())

    return Facets(ordered(list(workshops)), ordered(list(teams)), int(count))
