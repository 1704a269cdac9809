"""Room play: the facade the screens and terminal drivers import (``simulator.results.room``).

The data layer is ``room_core`` (rooms, votes, counts, current decision) and the facilitator's
side is ``room_facilitator`` (``FacilitatorRoom``, which drives the engine); this module only
re-exports both, so neither imports the other through it and the import graph has no cycle.
See ``room_core`` for the contract.
"""

from __future__ import annotations

from simulator.results.room_core import (
    CLOSED,
    FINISHED,
    STOPPED,
    VOTING,
    MoveResult,
    RoomDecision,
    RoomError,
    RoomOption,
    RoomTie,
    VoteCount,
    counts,
    current,
    find_room,
    join,
    moves,
    my_vote,
    vote,
    winners,
)
from simulator.results.room_facilitator import FacilitatorRoom

__all__ = ["CLOSED", "FINISHED", "STOPPED", "VOTING", "FacilitatorRoom", "MoveResult", "RoomDecision", "RoomError",
           "RoomOption", "RoomTie", "VoteCount", "counts", "current", "find_room", "join", "moves", "my_vote",
           "vote", "winners"]
