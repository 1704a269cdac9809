"""Room play in the terminal (until the game's room screens exist): the facilitator's driver
(``facilitate --workshop CODE --room SCENARIO --text``) and a voter's (``play --join CODE --text``).

Facilitator: shows the decision, then reads one command per line: Enter closes the vote and plays
the room's choice (on a tie it asks for the number of one of the tied options), ``r`` shows the
counts so far, ``q`` stops the room. End of input stops the room (exit 2). At the end: the room's
path against the best path (exit 0). Whatever the end, the room's run is saved with the workshop's
results (player "Room", team "Room CODE", mode "room"; unfinished when stopped); a run the store
refuses is kept in ``unsaved-runs.jsonl`` and the exit code is 3.
Voter: joins the newest open room of the code, shows the decision, reads the number of an option
and votes, then waits for the room's move and shows it; end of input leaves (the vote stays,
exit 2). Exit 0 when the call ends, 1 when there is no room to join, 3 when the database fails.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

POLL = 0.25
WAIT_LIMIT = 30 * 60.0  # a voter waiting this long with no move gives up (exit 2)


def _say(out: TextIO, text: str = "") -> None:
    from simulator.results.facilitator import clean

    out.write("\n".join(clean(line) for line in text.split("\n")) + "\n")
    out.flush()


def show_decision(out: TextIO, decision: Any, title: str = "") -> None:
    head = f"Decision {decision.decision_no + 1}" + (f" of {title}" if title else "")
    _say(out, f"\n== {head} ==")
    if decision.narration:
        _say(out, decision.narration)
    _say(out, f"{decision.speaker}: {decision.line}")
    for number, option in enumerate(decision.options, start=1):
        _say(out, f"  {number}. {option.text}")


def _counts_text(decision: Any, tally: Any) -> str:
    parts = [f"{n}. {tally.counts.get(o.id, 0)}" for n, o in enumerate(decision.options, start=1)]
    return f"Votes ({tally.voters} of {tally.members} joined): " + ", ".join(parts)


def show_debrief(out: TextIO, result: dict[str, Any] | None) -> None:
    if not result:
        _say(out, "The room was stopped before the end of the call.")
        return
    room, best = result["room"], result["best"]
    _say(out, f"\n== The room's path: {room['overall']} ({room['band']}), ending: {room['ending']} ==")
    for number, step in enumerate(room["steps"], start=1):
        mark = "best" if step["was_best"] else f"best was: {step['best_text']}"
        _say(out, f"  {number}. {step['choice_text']}  [{mark}]")
    _say(out, f"== The best path: {best['overall']} ({best['band']}), ending: {best['ending']} ==")
    for number, step in enumerate(best["steps"], start=1):
        _say(out, f"  {number}. {step['choice_text']}")


def _pick_tie(tied: tuple[str, ...], decision: Any, read: Callable[[], str | None], out: TextIO) -> str | None:
    numbers = {n: o.id for n, o in enumerate(decision.options, start=1) if o.id in tied}
    while True:
        _say(out, f"Tie between {', '.join(str(n) for n in numbers)}: type the number the room plays")
        line = read()
        if line is None:
            return None
        if line.strip().isdigit() and int(line) in numbers:
            return numbers[int(line)]


def facilitate_room(store: Any, loaded: Any, workshop: str, seed: int | str, stdin: TextIO, out: TextIO) -> int:
    """Drive a room (see the module docstring). The room's run is saved with the workshop's results
    whatever the end (``simulator.results.room_run``); when the store refuses it, it is kept in
    ``unsaved-runs.jsonl`` (or printed) and the exit code is ``SAVE_FAILED_EXIT`` (3), as for ``play``."""
    from simulator.results.play_saving import SAVE_FAILED_EXIT
    from simulator.results.room import FacilitatorRoom

    room = FacilitatorRoom.open(store, workshop, loaded, seed)
    _say(out, f"Room open for workshop {workshop}: players join with  play --join {workshop} --text")
    try:
        code = _drive(room, loaded.scenario.title, stdin, out)
    finally:
        saved = _end(store, room, out)
    return code if saved else SAVE_FAILED_EXIT


def _end(store: Any, room: Any, out: TextIO) -> bool:
    """However the loop ended (the call's end, q, end of input, Ctrl-C): mark a room still open as
    stopped so players' screens say so, save its run, close it. A failure here is said on stderr and
    never hides the one that ended the loop."""
    try:
        room.stop()  # a no-op for a room whose call has ended
    except Exception as error:  # noqa: BLE001 - the store went away: players' screens time out instead
        print(f"facilitate: could not mark the room stopped: {error}", file=sys.stderr)
    try:
        return save_room(store, room, out)
    except Exception as error:  # noqa: BLE001 - say it, keep the original exception (if any) in charge
        print(f"facilitate: could not save the room's run: {error}", file=sys.stderr)
        return False
    finally:
        room.close()


def save_room(store: Any, room: Any, out: TextIO) -> bool:
    """Save the room's run; say where it went (stdout) or why not (stderr). False when not stored."""
    from simulator.results.room_run import room_record, save_room_run

    record = room_record(room)
    if record is None:
        return True  # stopped before the first decision: nothing was played
    outcome = save_room_run(store, record)
    status = "finished" if record.status == "finished" else "unfinished"
    if outcome.saved:
        _say(out, f"Saved the room's {status} run ({record.overall}) to {outcome.where}: it shows in the "
                  f"workshop's results as player {record.player}, team {record.team}.")
        return True
    from simulator.results.play_saving import unsaved_message

    print(unsaved_message(f"the room's {status} run", outcome, record), file=sys.stderr)
    return False


def _drive(room: Any, title: str, stdin: TextIO, out: TextIO) -> int:
    """The facilitator's loop: 0 when the call ends, 2 when the room is stopped."""
    from simulator.results.room import RoomTie

    read = lambda: (lambda line: None if line == "" else line.rstrip("\n"))(stdin.readline())  # noqa: E731
    while not room.decision().finished:
        decision = room.decision()
        show_decision(out, decision, title)
        _say(out, "Enter: close the vote and play · r: counts · q: stop")
        line = read()
        if line is None or line.strip().lower() == "q":
            room.stop()
            _say(out, "Room stopped.")
            return 2
        if line.strip().lower() == "r":
            _say(out, _counts_text(decision, room.counts()))
            continue
        tally = room.close_vote()
        _say(out, "Vote closed. " + _counts_text(decision, tally))
        try:
            move = room.play()
        except RoomTie as tie:
            pick = _pick_tie(tie.tied, decision, read, out)
            if pick is None:
                room.stop()
                return 2
            move = room.play(pick)
        _say(out, f"The room plays: {move.choice_text}" + (" (the facilitator broke a tie)" if move.tie_broken
                                                            else ""))
        _say(out, f"Coach: {move.feedback}")
        if move.choice_id not in move.best:
            _say(out, f"Best here: {decision.option(move.best[0]).text} — {move.best_feedback}")
    show_debrief(out, room.decision().result)
    return 0


def vote_in_room(store: Any, workshop: str, player: str, stdin: TextIO, out: TextIO,
                 sleep: Callable[[float], None] = time.sleep) -> int:
    from simulator.results import room as rooms

    try:
        decision = rooms.join(store, workshop, player)
    except rooms.RoomError as error:
        print(f"play: {error}", file=sys.stderr)
        return 1
    _say(out, f"{player} joined the room of workshop {decision.workshop}.")
    while not decision.finished:
        show_decision(out, decision)
        mine = rooms.my_vote(store, decision.room_id, player, decision.decision_no)
        if decision.voting and mine is None:
            answered = _ask_and_vote(store, decision, player, stdin, out)
            if answered is None:
                return 2
            if answered is not decision:  # refused (the vote closed meanwhile): show the room as it is
                decision = answered
                continue
        elif mine is not None:
            _say(out, f"Your vote: {decision.option(mine).text if decision.option(mine) else mine}")
        decision = _wait_for_move(store, decision, sleep)
        if decision is None:
            _say(out, "No move for a long time; leaving the room (your votes stay).")
            return 2
        _show_move(store, decision, out)
    show_debrief(out, decision.result)
    return 0


def _ask_and_vote(store: Any, decision: Any, player: str, stdin: TextIO, out: TextIO) -> Any:
    from simulator.results import room as rooms

    while True:
        _say(out, f"Your vote (1-{len(decision.options)}):")
        line = stdin.readline()
        if line == "":
            return None
        text = line.strip()
        if not (text.isdigit() and 1 <= int(text) <= len(decision.options)):
            _say(out, f"Type a number from 1 to {len(decision.options)}.")
            continue
        try:
            rooms.vote(store, decision.room_id, player, decision.decision_no, decision.options[int(text) - 1].id)
        except rooms.RoomError as error:
            _say(out, f"Not counted: {error}")
            return rooms.current(store, decision.room_id)
        _say(out, f"Voted {text}. Waiting for the facilitator to close the vote…")
        return decision


def _wait_for_move(store: Any, decision: Any, sleep: Callable[[float], None]) -> Any:
    from simulator.results import room as rooms

    waited = 0.0
    while waited < WAIT_LIMIT:
        latest = rooms.current(store, decision.room_id)
        if latest.finished or latest.decision_no != decision.decision_no:
            return latest
        sleep(POLL)
        waited += POLL
    return None


def _show_move(store: Any, decision: Any, out: TextIO) -> None:
    from simulator.results import room as rooms

    played = rooms.moves(store, decision.room_id)
    if played:
        last = played[-1]
        votes = ", ".join(f"{choice}: {count}" for choice, count in last["counts"].items())
        _say(out, f"The room played {last['choice_id']} ({votes}).")
