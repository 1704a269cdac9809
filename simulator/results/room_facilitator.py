"""The facilitator's side of room play: the one engine session the room drives (see
``simulator.results.room`` for the contract; ``FacilitatorRoom`` is re-exported there).

``debrief`` compares the room's path with the best path: the path that takes, at every decision,
the open option with the highest net grade (the first shown on equals), from the same seed; both
are scored with ``scoring.scorer.score_run``.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from simulator.results.identity import name_key
from simulator.results.room_core import (
    CLOSED,
    FINISHED,
    STOPPED,
    VOTING,
    MoveResult,
    RoomDecision,
    RoomError,
    RoomTie,
    VoteCount,
    counts,
    current,
    moves,
    new_room_id,
    now,
    winners,
    write,
)
from simulator.results.store import ResultStore


def _fields(session: Any) -> dict[str, Any]:
    """The rooms-row columns that describe the session's current decision."""
    beat = session.beat()
    options = [{"id": o.id, "text": o.text} for o in session.open_choices()]
    return {"node_id": beat.node_id, "speaker": beat.speaker or "", "line": beat.text or "",
            "narration": beat.narration or "", "options": json.dumps(options, ensure_ascii=False)}


def _nets(session: Any, node_id: str, option_ids: Any) -> dict[str, int]:
    node = session.owner.scenario.nodes[node_id]
    grades = {c.id: sum(c.grades.values()) for c in node.choices}
    return {cid: grades.get(cid, 0) for cid in option_ids}


def _choice(session: Any, node_id: str, choice_id: str) -> Any:
    return next(c for c in session.owner.scenario.nodes[node_id].choices if c.id == choice_id)


class FacilitatorRoom:
    """An open room and the engine session it drives (facilitator side). Call ``close()`` at the end."""

    def __init__(self, store: ResultStore, room_id: str, loaded: Any, session: Any, seed: int | str,
                 workshop: str = "", started_at: datetime | None = None):
        """``workshop`` and ``started_at`` (naive UTC, when the room opened) are the room's run's
        identity and start (``simulator.results.room_run``)."""
        self.store, self.room_id, self.loaded, self.session, self.seed = store, room_id, loaded, session, seed
        self.workshop, self.started_at = workshop, started_at or now()

    @classmethod
    def open(cls, store: ResultStore, workshop: str, loaded: Any, seed: int | str = 0,
             facilitator: str = "") -> FacilitatorRoom:
        """Open a room for ``workshop`` on ``loaded`` (a ``LoadedScenario``); an older open room of the
        same workshop is stopped, so players always find this one."""
        from simulator.engine.machine import ScenarioMachine

        if not name_key(workshop):
            raise RoomError("a room needs a workshop code")
        session = ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=seed)
        room_id = new_room_id()
        rooms = store.tables.room.rooms
        row = {"room_id": room_id, "workshop": workshop.strip(), "workshop_key": name_key(workshop),
               "scenario_id": loaded.scenario.id, "content_hash": loaded.content_hash, "seed": str(seed),
               "facilitator": facilitator.strip(), "status": VOTING, "decision_no": 0, "result": None,
               "created_at": now(), "updated_at": now(), **_fields(session)}

        def insert(conn: Connection) -> None:
            conn.execute(rooms.update().where(rooms.c.workshop_key == row["workshop_key"],
                                              rooms.c.status.in_((VOTING, CLOSED))).values(status=STOPPED))
            conn.execute(rooms.insert().values(**row))

        write(store, "open the room", insert)
        return cls(store, room_id, loaded, session, seed, row["workshop"], row["created_at"])

    @classmethod
    def resume(cls, store: ResultStore, room_id: str, loaded: Any) -> FacilitatorRoom:
        """The room ``room_id`` with its session rebuilt by replaying the stored moves."""
        from simulator.engine.machine import ScenarioMachine

        room = current(store, room_id)
        with store.reading() as conn:
            row = conn.execute(store.tables.room.rooms.select().where(
                store.tables.room.rooms.c.room_id == room_id)).first()
        seed_text = row.seed
        if room.scenario_id != loaded.scenario.id:
            raise RoomError(f"room {room_id} plays '{room.scenario_id}', not '{loaded.scenario.id}'")
        seed: int | str = int(seed_text) if seed_text.lstrip("-").isdigit() else seed_text
        session = ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=seed)
        for move in moves(store, room_id):
            session.choose(move["choice_id"])
        return cls(store, room_id, loaded, session, seed, row.workshop, row.created_at)

    def decision(self) -> RoomDecision:
        return current(self.store, self.room_id)

    def counts(self) -> VoteCount:
        return counts(self.store, self.room_id)

    def close_vote(self) -> VoteCount:
        """Close the vote on the current decision (votes after this are refused); the counts."""
        rooms = self.store.tables.room.rooms
        room = self.decision()
        if room.finished:
            raise RoomError("the call has ended")
        write(self.store, "close the vote", lambda conn: conn.execute(rooms.update().where(
            rooms.c.room_id == self.room_id, rooms.c.decision_no == room.decision_no, rooms.c.status == VOTING
        ).values(status=CLOSED, updated_at=now())))
        return self.counts()

    def play(self, pick: str | None = None) -> MoveResult:
        """Play the room's choice on the closed decision (see the module contract of ``room``)."""
        room = self.decision()
        if room.status != CLOSED:
            raise RoomError("close the vote before playing the room's choice")
        tally = self.counts()
        top = winners(tally.counts) if tally.voters else tuple(tally.counts)
        tie = len(top) > 1
        if tie and pick not in top:
            raise RoomTie(top)
        choice_id = pick if tie and pick else top[0]
        nets = _nets(self.session, room.node_id, tally.counts)
        best = tuple(c for c, n in nets.items() if n == max(nets.values()))
        self.session.choose(choice_id)
        finished = self.session.finished
        self._record(room, choice_id, tally, tie, finished)
        chosen = _choice(self.session, room.node_id, choice_id)
        best_choice = _choice(self.session, room.node_id, best[0])
        return MoveResult(room.decision_no, room.node_id, choice_id, chosen.text, tally.counts, tie, chosen.feedback,
                          best, best_choice.feedback, finished)

    def _record(self, room: RoomDecision, choice_id: str, tally: VoteCount, tie: bool, finished: bool) -> None:
        t = self.store.tables.room
        after: dict[str, Any] = {"updated_at": now()}
        if finished:
            after.update(status=FINISHED, options="[]", result=json.dumps(self.debrief(), ensure_ascii=False))
        else:
            after.update(status=VOTING, decision_no=room.decision_no + 1, **_fields(self.session))

        def save(conn: Connection) -> None:
            conn.execute(t.moves.insert().values(room_id=self.room_id, decision_no=room.decision_no,
                                                 node_id=room.node_id, choice_id=choice_id,
                                                 counts=json.dumps(tally.counts), tie_broken=tie, played_at=now()))
            conn.execute(t.rooms.update().where(t.rooms.c.room_id == self.room_id).values(**after))

        write(self.store, "save the room's move", save)

    def stop(self) -> None:
        """End the room early (players see it as finished)."""
        rooms = self.store.tables.room.rooms
        write(self.store, "stop the room", lambda conn: conn.execute(rooms.update().where(
            rooms.c.room_id == self.room_id, rooms.c.status.in_((VOTING, CLOSED))).values(status=STOPPED,
                                                                                         updated_at=now())))

    def debrief(self) -> dict[str, Any]:
        """The room's path against the best path (JSON-ready): per path its overall score, band,
        ending and steps; the room's steps say which option was best at each decision."""
        from simulator.engine.machine import ScenarioMachine

        best = ScenarioMachine(self.loaded.scenario, self.loaded.content_hash).start(seed=self.seed)
        try:
            while not best.finished:
                nets = _nets(best, best.beat().node_id, [o.id for o in best.open_choices()])
                best.choose(max(nets, key=lambda c: nets[c]))  # first of equals: max keeps the first
            return {"room": self._path(self.session, with_best=True), "best": self._path(best, with_best=False)}
        finally:
            best.close()

    def _path(self, session: Any, with_best: bool) -> dict[str, Any]:
        from scoring.catalog import default_catalog
        from scoring.scorer import score_run

        steps = []
        for step in session.transcript:
            nets = _nets(session, step.node_id, step.available)
            top = max(nets.values()) if nets else 0
            entry = {"node_id": step.node_id, "choice_id": step.choice_id,
                     "choice_text": _choice(session, step.node_id, step.choice_id).text}
            if with_best:
                best = [c for c in step.available if nets.get(c) == top]
                entry.update(best=best, best_text=_choice(session, step.node_id, best[0]).text,
                             was_best=step.choice_id in best)
            steps.append(entry)
        report = score_run(session.owner.scenario, session.transcript, default_catalog(), session.ending)
        ending = session.ending
        return {"overall": report.overall, "band": report.band, "finished": session.finished,
                "ending": ending.title if ending else None, "steps": steps}

    def close(self) -> None:
        self.session.close()
