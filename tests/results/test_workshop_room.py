"""Done-when for issue 15 (results side): a scripted workshop on two machines' stores, five players
in two teams (team names and the code typed inconsistently), merged on the facilitator's store;
one room-mode call with four voters, each in its own process; the reports; every xAPI statement
validated with Ralph's models and accepted by Ralph's LRS started on 127.0.0.1."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.results import room as rooms
from simulator.results.store import open_store
from tests.results.helpers import FIXTURES, LATE_PARCEL, ROOT, cli
from tests.results.ralph_lrs import PASSWORD, USER, LrsUnavailable, start_lrs
from tests.results.xapi_check import validate

# (machine, --player or None for the name saved by the game, team as typed, code as typed, answers)
PLAYS = (("a", "Ann", "Red", "TUE-AM", "2\n4\n"), ("a", "Bo", "red ", "tue-am", "1\n3\n"),
         ("a", None, "RED", "TUE-AM", "2\n1\n"), ("b", "Di", "Blue", "Tue-Am", "3\n"),
         ("b", "Eve", " blue", "TUE-AM", "1\n1\n"), ("b", "Di", "Blue", "TUE-AM", "2\n"))
SAVED_NAME = "Cy Saved-In-Game"
VOTERS = (("Ann", "1"), ("Bo", "1"), ("Di", "1"), ("Eve", "2"))  # three for the first option: no tie


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FRONTLINE_DB", "FRONTLINE_PLAYER")}
    env.update(FRONTLINE_HOME=str(home), PYTHONIOENCODING="utf-8")
    return env


def _play_on_two_machines(tmp_path: Path) -> dict[str, Path]:
    homes = {m: tmp_path / f"machine-{m}" for m in ("a", "b", "facilitator")}
    settings = homes["a"] / "config" / "settings.json"  # the game saved a player name on machine a
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"profile": {"name": SAVED_NAME, "team": "", "workshop": ""}}), encoding="utf-8")
    for machine, player, team, code, answers in PLAYS:
        who = ["--player", player] if player else []
        done = cli("play", "--text", str(LATE_PARCEL), *who, "--team", team, "--workshop", code,
                   home=homes[machine], stdin=answers)
        assert done.returncode in (0, 2) and "Saved this" in done.stdout, done.stderr
    exports = []
    for machine in ("a", "b"):
        path = tmp_path / f"{machine}.jsonl"
        done = cli("results", "export", "--workshop", "tue-am", "--out", str(path), home=homes[machine])
        assert done.returncode == 0, done.stderr
        exports.append(str(path))
    done = cli("results", "import", *exports, home=homes["facilitator"])
    assert done.returncode == 0, done.stderr
    return homes


def _room_call(home: Path, db: str) -> dict:  # type: ignore[type-arg]
    """The facilitator runs a room on The Late Parcel; four voters vote from their own processes."""
    facilitator = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "facilitate", "--workshop", "tue-am", "--room", str(LATE_PARCEL),
         "--text", "--db", db], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=_env(home), cwd=ROOT)
    voters = []
    try:
        with open_store(db) as store:
            room_id = _wait(lambda: rooms.find_room(store, "TUE-AM"))
            for name, answer in VOTERS:
                voters.append(subprocess.Popen(
                    [sys.executable, str(ROOT / "main.py"), "play", "--join", "Tue-AM ", "--text", "--player", name,
                     "--db", db], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                    env=_env(home), cwd=ROOT))
                voters[-1].stdin.write(f"{answer}\n" * 12)
                voters[-1].stdin.flush()
            closed = 0
            while not rooms.current(store, room_id).finished:
                decision_no = rooms.current(store, room_id).decision_no
                _wait(lambda n=decision_no: rooms.counts(store, room_id).voters == 4
                      and rooms.counts(store, room_id).decision_no == n)
                facilitator.stdin.write("\n")  # close the vote and play the room's choice
                facilitator.stdin.flush()
                closed += 1
                _wait(lambda n=decision_no: rooms.current(store, room_id).decision_no != n
                      or rooms.current(store, room_id).finished)
            result = rooms.current(store, room_id).result
            played = rooms.moves(store, room_id)
        out, err = facilitator.communicate(timeout=60)
        assert facilitator.returncode == 0, err
        assert "The room's path" in out and "The best path" in out
        assert "Saved the room's finished run" in out  # the room's call is in the workshop's results
        for voter in voters:
            voter_out, voter_err = voter.communicate(timeout=60)
            assert voter.returncode == 0, voter_err
            assert "The room's path" in voter_out
    finally:
        for process in (facilitator, *voters):
            if process.poll() is None:
                process.kill()
                process.wait()
    assert closed == len(played) >= 2 and result is not None
    for move in played:  # three voted for the first option shown, one for the second: the majority played
        assert sum(move["counts"].values()) == 4 and max(move["counts"].values()) == 3 and not move["tie_broken"]
    return result


def _wait(check, limit: float = 60.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting for the room")


def test_a_scripted_workshop_with_a_room_call_runs_end_to_end(tmp_path: Path) -> None:
    homes = _play_on_two_machines(tmp_path)
    home = homes["facilitator"]
    db = f"sqlite:///{home / 'data' / 'results.sqlite3'}"
    result = _room_call(home, db)
    assert result["best"]["overall"] >= result["room"]["overall"]

    out = tmp_path / "w.html"
    done = cli("report", "--workshop", "TUE-am", "--out", str(out), "--scenarios", str(FIXTURES), home=home)
    assert done.returncode == 0, done.stderr
    page = html.unescape(out.read_text(encoding="utf-8"))
    teams = page.split("<h2>Teams</h2>", 1)[1].split("</table>", 1)[0]
    assert teams.count("<tr>") == 4 and "Red" in teams and "Blue" in teams  # two teams, shown as first typed
    assert "Room tue-am" in teams  # and the room's call, saved as its own team (player "Room")
    assert "<pattern" in page  # team bars carry a pattern and a label, not colour alone
    assert SAVED_NAME in page  # play --text without --player used the name the game saved

    learners = tmp_path / "learners.html"
    done = cli("report", "--workshop", "tue-am", "--format", "learner", "--out", str(learners),
               "--scenarios", str(FIXTURES), home=home)
    assert done.returncode == 0, done.stderr
    text = html.unescape(learners.read_text(encoding="utf-8"))
    assert text.count("<section class=learner>") == 5 and "Practise next" in text and "@media print" in text
    assert "Team Room" not in text  # the room is not a learner: its call has no learner page
    assert "Team Red" in text and "Team red" not in text and "Team RED" not in text  # as first written

    statements_file = tmp_path / "x.json"
    done = cli("report", "--workshop", "tue-am", "--format", "xapi", "--out", str(statements_file),
               "--scenarios", str(FIXTURES), "--activity-base", "https://lms.example.com/frontline", home=home)
    assert done.returncode == 0, done.stderr
    statements = json.loads(statements_file.read_text(encoding="utf-8"))
    assert {s["actor"]["name"] for s in statements} == {"Ann", "Bo", SAVED_NAME, "Di", "Eve", "Room"}
    for statement in statements:
        validate(statement)
    _send_to_lrs(tmp_path, home, statements)


def _send_to_lrs(tmp_path: Path, home: Path, statements: list) -> None:  # type: ignore[type-arg]
    try:
        lrs = start_lrs(tmp_path / "lrs")
    except LrsUnavailable as error:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(str(error))
        pytest.skip(str(error))
    try:
        done = cli("report", "--workshop", "tue-am", "--format", "xapi", "--send", lrs.endpoint,
                   "--scenarios", str(FIXTURES), "--activity-base", "https://lms.example.com/frontline", home=home,
                   env={"FRONTLINE_LRS_USER": USER, "FRONTLINE_LRS_PASSWORD": PASSWORD})
        assert done.returncode == 0, done.stderr
        assert {s["id"] for s in lrs.stored()} == {s["id"] for s in statements}
    finally:
        lrs.stop()
