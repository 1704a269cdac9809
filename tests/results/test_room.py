"""Room play through the results store: the facilitator and the players use separate store
handles (as separate processes do), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from simulator.results import room as rooms
from simulator.results.store import ResultStore, open_store
from tests.results.helpers import LATE_PARCEL


@pytest.fixture
def loaded():  # type: ignore[no-untyped-def]
    from scoring.catalog import default_catalog
    from simulator.content.loader import load_scenario

    return load_scenario(LATE_PARCEL, default_catalog().ids())


@pytest.fixture
def stores(store_url: str) -> Iterator[tuple[ResultStore, ResultStore]]:
    with open_store(store_url) as facilitator, open_store(store_url) as players:
        yield facilitator, players


def test_players_vote_change_their_vote_and_the_majority_is_played(stores, loaded) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = stores
    room = rooms.FacilitatorRoom.open(mine, "TUE-AM", loaded, seed=0)
    try:
        first = rooms.join(theirs, " tue-am", "Ann")
        assert first.voting and first.decision_no == 0 and first.node_id == "opening"
        assert [o.id for o in first.options] == [o.id for o in room.session.open_choices()]
        a, b, _c = (o.id for o in first.options)
        rooms.join(theirs, "TUE-AM", "Bo")
        rooms.vote(theirs, first.room_id, "Ann", 0, a)
        rooms.vote(theirs, first.room_id, "Bo", 0, b)
        rooms.vote(theirs, first.room_id, "Cy", 0, b)  # voting joins too
        rooms.vote(theirs, first.room_id, "ann ", 0, b)  # Ann changes her mind: still one vote
        tally = rooms.counts(mine, first.room_id)
        assert tally.counts == {a: 0, b: 3, _c: 0} and tally.voters == 3 and tally.members == 3
        assert rooms.my_vote(theirs, first.room_id, "ANN", 0) == b  # survives a restart: it is in the store
        with pytest.raises(rooms.RoomError, match="close the vote"):
            room.play()
        room.close_vote()
        with pytest.raises(rooms.RoomError, match="closed"):
            rooms.vote(theirs, first.room_id, "Bo", 0, a)
        move = room.play()
        assert move.choice_id == b and not move.tie_broken and move.feedback and move.best
        assert room.session.transcript[0].choice_id == b  # played through the engine
        late = rooms.join(theirs, "tue-am", "Late Joiner")  # a late joiner reads the current decision
        assert late.decision_no == 1 and late.voting and late.node_id == room.session.beat().node_id
        with pytest.raises(rooms.RoomError, match="moved on"):
            rooms.vote(theirs, first.room_id, "Bo", 0, a)
        with pytest.raises(rooms.RoomError, match="not an option"):
            rooms.vote(theirs, first.room_id, "Bo", 1, "no-such-option")
    finally:
        room.close()


def test_a_tie_is_the_facilitators_pick_and_the_end_shows_both_paths(stores, loaded) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = stores
    room = rooms.FacilitatorRoom.open(mine, "W", loaded, seed=0)
    try:
        decision = rooms.join(theirs, "w", "Ann")
        a, b = decision.options[0].id, decision.options[1].id
        rooms.vote(theirs, decision.room_id, "Ann", 0, a)
        rooms.vote(theirs, decision.room_id, "Bo", 0, b)
        room.close_vote()
        with pytest.raises(rooms.RoomTie) as tie:
            room.play()
        assert tie.value.tied == (a, b)
        with pytest.raises(rooms.RoomTie):
            room.play(decision.options[2].id)  # not one of the tied options
        assert room.play(b).tie_broken
        while not room.decision().finished:  # nobody votes: every option ties, the facilitator picks
            room.close_vote()
            room.play(room.decision().options[-1].id)
        result = rooms.current(theirs, decision.room_id).result
        assert result is not None
        steps = result["room"]["steps"]
        assert [s["choice_id"] for s in steps] == [m["choice_id"] for m in rooms.moves(theirs, decision.room_id)]
        assert all(s["was_best"] == (s["choice_id"] in s["best"]) for s in steps)
        assert result["best"]["overall"] >= result["room"]["overall"] and result["best"]["finished"]
        assert rooms.find_room(theirs, "W") is None  # finished: nothing open to join
        with pytest.raises(rooms.RoomError, match="no room is open"):
            rooms.join(theirs, "W", "Cy")
    finally:
        room.close()


def test_the_facilitator_can_resume_and_a_new_room_replaces_the_old(stores, loaded) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = stores
    room = rooms.FacilitatorRoom.open(mine, "W", loaded, seed=3)
    decision = rooms.join(theirs, "W", "Ann")
    rooms.vote(theirs, decision.room_id, "Ann", 0, "ask-details")  # the call goes on after it
    room.close_vote()
    room.play()
    assert not room.decision().finished
    node = room.session.beat().node_id
    room.close()
    again = rooms.FacilitatorRoom.resume(mine, decision.room_id, loaded)  # e.g. after a crash
    try:
        assert again.session.beat().node_id == node and len(again.session.transcript) == 1
        newer = rooms.FacilitatorRoom.open(mine, "w ", loaded, seed=0)
        assert rooms.find_room(theirs, "W") == newer.room_id
        assert rooms.current(theirs, decision.room_id).status == rooms.STOPPED
        newer.close()
    finally:
        again.close()
