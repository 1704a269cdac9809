"""Room play's data layer (the facilitator's side is ``room_facilitator``; import both through
the facade ``simulator.results.room``). Room play: the whole room plays one call together, through
the shared results store (SQLite on one machine, PostgreSQL across laptops; no other server).
UI-free: the projector and the players' screens, and the terminal drivers (``facilitate --room
--text``, ``play --join --text``), are thin layers over this module.

Contract:
* The facilitator ``FacilitatorRoom.open(store, workshop, loaded, seed)`` opens a room for a
  workshop code and a scenario; one engine session (``ScenarioMachine``) is driven by the room and
  lives in the facilitator's process; ``FacilitatorRoom.resume(store, room_id, loaded)`` rebuilds
  it by replaying the stored moves (the engine is deterministic given the seed).
* Players find the newest room of a workshop code (``find_room``; codes compared ignoring case and
  spaces), ``join`` it with a name and read the ``current`` decision at any time (late joiners
  too): the customer's line and the open options with their text, ``decision_no`` and whether the
  vote is open. ``vote(store, room_id, player, decision_no, choice_id)``: one vote per player per
  decision, replaced when changed, refused (``RoomError`` with the reason) once the vote is closed,
  for another decision or an option that is not open. Votes live in the store, so a vote survives
  the player's game restarting (``my_vote`` reads it back).
* ``counts(store, room_id)``: how many voted for each option (never who), and how many joined.
* The facilitator ``close_vote()``s, then ``play(pick=None)``: the room's choice is the option with
  most votes; on a tie (or no vote at all) the facilitator's ``pick`` among the tied options
  decides (``RoomTie`` lists them when ``pick`` is missing or not one of them). The move is played
  through the engine, kept in ``room_moves``, and the room moves on to the next decision (vote
  open) or finishes with ``result`` = the room's path against the best path (``debrief``).
All writes are single transactions retried while the database is locked; errors are
``StoreError`` (database) or ``RoomError`` (a move the room does not allow).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from simulator.results.identity import name_key
from simulator.results.store import ResultStore, patiently

VOTING, CLOSED, FINISHED, STOPPED = "voting", "closed", "finished", "stopped"


class RoomError(Exception):
    """The room cannot do that now; the message says why (for the player or facilitator)."""


class RoomTie(RoomError):
    def __init__(self, tied: tuple[str, ...]):
        super().__init__(f"the vote is tied between {', '.join(tied) or 'no votes'}: the facilitator picks one")
        self.tied = tied


@dataclass(frozen=True)
class RoomOption:
    id: str
    text: str


@dataclass(frozen=True)
class RoomDecision:
    """What every screen of the room shows now. ``options`` are the open options in display order."""

    room_id: str
    workshop: str
    scenario_id: str
    status: str
    decision_no: int
    node_id: str
    speaker: str
    line: str
    narration: str
    options: tuple[RoomOption, ...]
    result: dict[str, Any] | None = None

    @property
    def voting(self) -> bool:
        return self.status == VOTING

    @property
    def finished(self) -> bool:
        return self.status in (FINISHED, STOPPED)

    def option(self, choice_id: str) -> RoomOption | None:
        return next((o for o in self.options if o.id == choice_id), None)


@dataclass(frozen=True)
class VoteCount:
    decision_no: int
    counts: dict[str, int]  # option id -> votes, every open option listed (0 when none)
    voters: int
    members: int


@dataclass(frozen=True)
class MoveResult:
    """A played decision: the option, the counts, whether a tie was broken, the coach card's why."""

    decision_no: int
    node_id: str
    choice_id: str
    choice_text: str
    counts: dict[str, int]
    tie_broken: bool
    feedback: str
    best: tuple[str, ...]  # the best open option(s) at that decision
    best_feedback: str
    finished: bool


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@contextmanager
def writing(store: ResultStore) -> Iterator[Connection]:
    with store.engine.connect().execution_options(frontline_write=True) as conn, conn.begin():
        yield conn


def write(store: ResultStore, doing: str, action: Any) -> Any:
    """Run ``action(conn)`` in one write transaction, retried while the database is locked."""

    def once() -> Any:
        with writing(store) as conn:
            return action(conn)

    with store.errors(doing):
        return patiently(once)


def _decision(row: Any) -> RoomDecision:
    options = tuple(RoomOption(str(o["id"]), str(o["text"])) for o in json.loads(row.options))
    return RoomDecision(row.room_id, row.workshop, row.scenario_id, row.status, int(row.decision_no), row.node_id,
                        row.speaker, row.line, row.narration, options, json.loads(row.result) if row.result else None)


def _room_row(conn: Connection, store: ResultStore, room_id: str) -> Any:
    rooms = store.tables.room.rooms
    row = conn.execute(select(rooms).where(rooms.c.room_id == room_id)).first()
    if row is None:
        raise RoomError(f"there is no room {room_id}")
    return row


def find_room(store: ResultStore, workshop: str, *, active_only: bool = True) -> str | None:
    """The newest room of the workshop code (not finished or stopped, unless ``active_only`` is False)."""
    rooms = store.tables.room.rooms
    query = select(rooms.c.room_id).where(rooms.c.workshop_key == name_key(workshop))
    if active_only:
        query = query.where(rooms.c.status.in_((VOTING, CLOSED)))
    with store.reading() as conn:
        return conn.execute(query.order_by(rooms.c.created_at.desc(), rooms.c.room_id).limit(1)).scalar()


def current(store: ResultStore, room_id: str) -> RoomDecision:
    with store.reading() as conn:
        return _decision(_room_row(conn, store, room_id))


def join(store: ResultStore, workshop: str, player: str) -> RoomDecision:
    """Join the workshop's open room as ``player`` (again after a restart: nothing changes)."""
    if not name_key(player):
        raise RoomError("a player needs a name to join the room")
    room_id = find_room(store, workshop)
    if room_id is None:
        raise RoomError(f"no room is open for workshop '{workshop}': ask the facilitator to start one")
    members = store.tables.room.members

    def add(conn: Connection) -> None:
        key = name_key(player)
        found = conn.execute(select(members.c.player_key).where(members.c.room_id == room_id,
                                                                 members.c.player_key == key)).first()
        if found is None:
            conn.execute(members.insert().values(room_id=room_id, player_key=key, player=player.strip(),
                                                 joined_at=now()))

    write(store, "join the room", add)
    return current(store, room_id)


def vote(store: ResultStore, room_id: str, player: str, decision_no: int, choice_id: str) -> None:
    """Cast or change ``player``'s vote on decision ``decision_no`` (see the module contract)."""
    t = store.tables.room
    key = name_key(player)
    if not key:
        raise RoomError("a player needs a name to vote")

    def cast(conn: Connection) -> None:
        room = _decision(_room_row(conn, store, room_id))
        if room.decision_no != decision_no or room.finished:
            raise RoomError("the room has moved on from that decision: read the current one")
        if not room.voting:
            raise RoomError("the vote on this decision is closed")
        if room.option(choice_id) is None:
            raise RoomError(f"'{choice_id}' is not an option now; the options are: "
                            f"{', '.join(o.id for o in room.options)}")
        if conn.execute(select(t.members.c.player_key).where(t.members.c.room_id == room_id,
                                                             t.members.c.player_key == key)).first() is None:
            conn.execute(t.members.insert().values(room_id=room_id, player_key=key, player=player.strip(),
                                                   joined_at=now()))
        done = conn.execute(t.votes.update().where(
            t.votes.c.room_id == room_id, t.votes.c.decision_no == decision_no, t.votes.c.player_key == key
        ).values(choice_id=choice_id, voted_at=now()))
        if done.rowcount == 0:
            conn.execute(t.votes.insert().values(room_id=room_id, decision_no=decision_no, player_key=key,
                                                 player=player.strip(), choice_id=choice_id, voted_at=now()))

    write(store, "save the vote", cast)


def my_vote(store: ResultStore, room_id: str, player: str, decision_no: int) -> str | None:
    votes = store.tables.room.votes
    with store.reading() as conn:
        return conn.execute(select(votes.c.choice_id).where(
            votes.c.room_id == room_id, votes.c.decision_no == decision_no,
            votes.c.player_key == name_key(player))).scalar()


def _counts(conn: Connection, store: ResultStore, room: RoomDecision) -> VoteCount:
    t = store.tables.room
    tally = dict(conn.execute(select(t.votes.c.choice_id, func.count()).where(
        t.votes.c.room_id == room.room_id, t.votes.c.decision_no == room.decision_no).group_by(t.votes.c.choice_id)
    ).all())
    members = conn.execute(select(func.count()).select_from(t.members).where(
        t.members.c.room_id == room.room_id)).scalar() or 0
    counts = {o.id: int(tally.get(o.id, 0)) for o in room.options}
    return VoteCount(room.decision_no, counts, sum(counts.values()), int(members))


def counts(store: ResultStore, room_id: str) -> VoteCount:
    """Votes per open option on the current decision (never who voted), and how many joined."""
    with store.reading() as conn:
        return _counts(conn, store, _decision(_room_row(conn, store, room_id)))


def moves(store: ResultStore, room_id: str) -> list[dict[str, Any]]:
    """The room's played decisions so far, in order: decision_no, node_id, choice_id, counts, tie_broken."""
    m = store.tables.room.moves
    with store.reading() as conn:
        rows = conn.execute(select(m).where(m.c.room_id == room_id).order_by(m.c.decision_no)).all()
    return [{"decision_no": r.decision_no, "node_id": r.node_id, "choice_id": r.choice_id,
             "counts": json.loads(r.counts), "tie_broken": bool(r.tie_broken)} for r in rows]


def winners(tally: dict[str, int]) -> tuple[str, ...]:
    """The options with most votes, in display order (several: a tie; all options when nobody voted)."""
    top = max(tally.values(), default=0)
    return tuple(choice for choice, count in tally.items() if count == top)


def new_room_id() -> str:
    return str(uuid.uuid4())
