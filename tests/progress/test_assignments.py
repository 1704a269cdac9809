"""Assignments: the trainer's file (strict YAML, located errors), a learner's due and overdue items,
and `progress --workshop CODE` saying who is behind."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.content.problems import ContentError
from simulator.progress.assignments import behind, for_workshop, learner_status, load_assignments
from simulator.progress.readiness import RunFacts
from simulator.results.store import open_store
from tests.results.helpers import make_record

FILE = """schema_version: 1
workshops:
  - code: TUE-AM
    learners: [Ann, Cat]
    assignments:
      - scenario: small-account
        due: 2026-11-03
      - scenario: shields-up
        due: 2026-11-20
        band: Proficient
        mode: assessment
"""
DAY = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def write(tmp_path: Path, text: str = FILE) -> Path:
    path = tmp_path / "assignments.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def facts(scenario: str, overall: int, days: int, mode: str = "assessment", finished: bool = True) -> RunFacts:
    return RunFacts(scenario, mode, finished, overall, DAY + timedelta(days=days))


def test_a_learner_sees_due_then_overdue_then_done(tmp_path: Path) -> None:
    cohort = for_workshop(load_assignments(write(tmp_path)), " tue-am ")  # case and spaces ignored
    assert cohort is not None and for_workshop(load_assignments(write(tmp_path)), "WED") is None
    states = learner_status(cohort, [], date(2026, 11, 3))
    assert [(s.scenario, s.state) for s in states] == [("small-account", "due"), ("shields-up", "due")]
    late = learner_status(cohort, [facts("shields-up", 95, 0, mode="coach")], date(2026, 11, 21))
    assert [s.state for s in late] == ["overdue", "overdue"]  # a coach run does not meet 'assessment'
    runs = [facts("small-account", 40, 3), facts("shields-up", 74, 4), facts("shields-up", 80, 5)]
    done = learner_status(cohort, runs, date(2026, 11, 21))
    assert [(s.state, s.done_on, s.late) for s in done] == [
        ("done", date(2026, 11, 5), True), ("done", date(2026, 11, 7), False)]  # 74 is below Proficient


def test_behind_lists_the_roster_and_everyone_with_runs_most_overdue_first(tmp_path: Path) -> None:
    cohort = for_workshop(load_assignments(write(tmp_path)), "TUE-AM")
    assert cohort is not None
    lines = behind(cohort, {"Bo": [facts("small-account", 60, 0)], "ann": []}, date(2026, 11, 10))
    assert [(line.player, len(line.overdue), line.done) for line in lines] == [
        ("Ann", 1, 0), ("Cat", 1, 0), ("Bo", 0, 1)]


@pytest.mark.parametrize(("text", "where", "words"), [
    (FILE.replace("due: 2026-11-03", "due: 3rd of November"), ":7:", "date"),
    (FILE.replace("        mode: assessment", "        mode: exam"), ":11:", "mode"),
    (FILE.replace("    learners", "    learner"), ":4:", "learner"),
    (FILE + FILE.split("workshops:\n")[1], ":12:", "listed twice"),
])
def test_a_broken_file_is_refused_with_its_place(tmp_path: Path, text: str, where: str, words: str) -> None:
    with pytest.raises(ContentError) as caught:
        load_assignments(write(tmp_path, text))
    message = str(caught.value)
    assert where in message and words in message.lower()


def test_an_unknown_scenario_is_refused_when_the_library_is_known(tmp_path: Path) -> None:
    path = write(tmp_path, FILE.replace("shields-up", "shields-dwn"))
    with pytest.raises(ContentError, match="shields-dwn"):
        load_assignments(path, {"small-account", "shields-up"})


def test_progress_workshop_says_who_is_behind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'results.db'}"
    path = write(tmp_path, FILE.replace("2026-11-03", "2000-01-01").replace("2026-11-20", "2999-01-01"))
    with open_store(db) as store:
        for record in (make_record("Ann", workshop="tue-am", scenario_id="small-account", overall=60),
                       make_record("Dan", workshop="TUE-AM", scenario_id="shields-up", overall=50),
                       make_record("Eve", workshop="OTHER", scenario_id="small-account", overall=90)):
            store.save_run(dataclasses.replace(record, mode="assessment"))
    assert main(["progress", "--workshop", "tue-am", "--assignments", str(path), "--json", "--db", db]) == 0
    data = json.loads(capsys.readouterr().out)
    by_player = {line["player"]: line for line in data["learners"]}
    assert set(by_player) == {"Ann", "Cat", "Dan"}  # Eve is in another workshop
    assert by_player["Ann"]["done"] == 1 and by_player["Ann"]["overdue"] == []
    assert [i["scenario"] for i in by_player["Cat"]["overdue"]] == ["small-account"]
    assert [line["player"] for line in data["learners"]][-1] == "Ann"  # on track: last
    assert main(["progress", "--workshop", "TUE-AM", "--assignments", str(path), "--db", db]) == 0
    text = capsys.readouterr().out
    assert "Cat: BEHIND, 0 of 2 done" in text and "overdue: The Small Account" in text
    assert main(["progress", "--player", "Ann", "--workshop", "TUE-AM", "--assignments", str(path), "--json",
                 "--db", db]) == 0
    learner = json.loads(capsys.readouterr().out)
    assert {"ready", "stages", "practise_next"} <= set(learner)
    assert [a["state"] for a in learner["assignments"]] == ["done", "due"]


def test_progress_workshop_refuses_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'results.db'}"
    open_store(db).close()
    broken = write(tmp_path, FILE.replace("mode: assessment", "mode: exam"))
    assert main(["progress", "--workshop", "TUE-AM", "--assignments", str(broken), "--db", db]) == 1
    assert "assignments.yaml:11:" in capsys.readouterr().err
    good = write(tmp_path)
    assert main(["progress", "--workshop", "WED", "--assignments", str(good), "--db", db]) == 1
    assert "no workshop 'WED'" in capsys.readouterr().err
    assert main(["progress", "--workshop", "TUE-AM", "--assignments", str(tmp_path / "none.yaml"), "--db", db]) == 1
    assert main(["progress", "--json", "--db", db]) == 2


def test_the_rooms_call_is_no_learner_behind_on_assignments(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A room's run (player 'Room', mode 'room', simulator.results.room_run) is in the workshop's
    results, but the room is not a learner: 'who is behind' leaves it out."""
    from simulator.results.room_run import ROOM_MODE, ROOM_PLAYER, room_team

    db = f"sqlite:///{tmp_path / 'results.db'}"
    path = write(tmp_path, FILE.replace("2026-11-03", "2000-01-01"))
    with open_store(db) as store:
        store.save_run(dataclasses.replace(
            make_record(ROOM_PLAYER, team=room_team("TUE-AM"), workshop="TUE-AM", scenario_id="small-account",
                        overall=60), mode=ROOM_MODE))
        store.save_run(dataclasses.replace(
            make_record("Dan", workshop="TUE-AM", scenario_id="small-account", overall=60), mode="assessment"))
    assert main(["progress", "--workshop", "TUE-AM", "--assignments", str(path), "--json", "--db", db]) == 0
    assert sorted(line["player"] for line in json.loads(capsys.readouterr().out)["learners"]) == ["Ann", "Cat", "Dan"]
