"""Tables of room play (schema version 4): a facilitated call the whole room plays together.

Contract: ``RoomTables(metadata)`` builds the four tables; migration 4 creates them once and they
never change (a later change is a new migration).
* ``rooms``: one row per room: its workshop code (as written, and ``workshop_key`` for lookups),
  scenario, content hash and seed, ``status`` (voting, closed, finished, stopped), the current
  decision (``decision_no`` from 0, node, speaker, line, narration and the open options as JSON
  ``[{"id", "text"}]``), and at the end ``result`` (JSON: the room's path against the best path).
* ``room_members``: who joined (``player_key`` = ``identity.name_key`` of the name, ``player`` as
  first written).
* ``room_votes``: one row per (room, decision, player): the vote, replaced when changed.
* ``room_moves``: one row per played decision: the option played, the vote counts (JSON), whether
  the facilitator broke a tie.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text


class RoomTables:
    def __init__(self, metadata: MetaData) -> None:
        self.rooms = Table(
            "rooms", metadata,
            Column("room_id", String(36), primary_key=True),
            Column("workshop", Text, nullable=False), Column("workshop_key", Text, nullable=False),
            Column("scenario_id", Text, nullable=False), Column("content_hash", Text, nullable=False),
            Column("seed", Text, nullable=False), Column("facilitator", Text, nullable=False),
            Column("status", Text, nullable=False), Column("decision_no", Integer, nullable=False),
            Column("node_id", Text, nullable=False), Column("speaker", Text, nullable=False),
            Column("line", Text, nullable=False), Column("narration", Text, nullable=False),
            Column("options", Text, nullable=False), Column("result", Text, nullable=True),
            Column("created_at", DateTime(timezone=False), nullable=False),
            Column("updated_at", DateTime(timezone=False), nullable=False),
            Index("ix_rooms_workshop", "workshop_key", "created_at"),
        )
        self.members = Table(
            "room_members", metadata,
            Column("room_id", String(36), ForeignKey("rooms.room_id", ondelete="CASCADE"), primary_key=True),
            Column("player_key", Text, primary_key=True), Column("player", Text, nullable=False),
            Column("joined_at", DateTime(timezone=False), nullable=False),
        )
        self.votes = Table(
            "room_votes", metadata,
            Column("room_id", String(36), ForeignKey("rooms.room_id", ondelete="CASCADE"), primary_key=True),
            Column("decision_no", Integer, primary_key=True), Column("player_key", Text, primary_key=True),
            Column("player", Text, nullable=False), Column("choice_id", Text, nullable=False),
            Column("voted_at", DateTime(timezone=False), nullable=False),
        )
        self.moves = Table(
            "room_moves", metadata,
            Column("room_id", String(36), ForeignKey("rooms.room_id", ondelete="CASCADE"), primary_key=True),
            Column("decision_no", Integer, primary_key=True), Column("node_id", Text, nullable=False),
            Column("choice_id", Text, nullable=False), Column("counts", Text, nullable=False),
            Column("tie_broken", Boolean, nullable=False),
            Column("played_at", DateTime(timezone=False), nullable=False),
        )

    @property
    def all(self) -> tuple[Table, ...]:
        return (self.rooms, self.members, self.votes, self.moves)
