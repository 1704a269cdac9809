"""``play --text`` saves every run, finished or abandoned, and never loses one silently."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from simulator.results import api
from simulator.results.saving import UNSAVED_FILE
from simulator.results.transfer import parse_line
from tests.results.helpers import LATE_PARCEL, cli


def test_a_finished_run_is_saved_with_player_team_and_workshop(home: Path) -> None:
    done = cli("play", "--text", str(LATE_PARCEL), "--player", "Ann", "--team", "red", "--workshop", "W1",
               home=home, stdin="1\n1\n")
    assert done.returncode == 0, done.stderr
    assert "Saved this finished run for Ann" in done.stdout
    [entry] = api.history("Ann")
    assert (entry.team, entry.workshop, entry.status, entry.scenario_id) == ("red", "W1", "finished", "late-parcel")
    assert entry.principle_scores


def test_an_abandoned_run_is_saved_under_the_default_player(home: Path) -> None:
    done = cli("play", "--text", str(LATE_PARCEL), home=home, stdin="1\n")
    assert done.returncode == 2
    [entry] = api.history(getpass.getuser())
    assert entry.status == "abandoned" and entry.outcome is None


def test_frontline_player_sets_the_default_name(home: Path) -> None:
    cli("play", "--text", str(LATE_PARCEL), home=home, stdin="q\n", env={"FRONTLINE_PLAYER": "Kim"})
    assert [e.status for e in api.history("Kim")] == ["abandoned"]


@pytest.mark.parametrize("url", ["postgresql://u:pw@127.0.0.1:1/db", "nonsense"])
def test_a_broken_database_stops_before_play_with_a_message(home: Path, url: str) -> None:
    done = cli("play", "--text", str(LATE_PARCEL), "--db", url, home=home, stdin="1\n1\n")
    assert done.returncode == 3
    assert "results:" in done.stderr and "Traceback" not in done.stderr


def test_a_run_that_cannot_be_saved_is_kept_locally(home: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from simulator.cli.main import main
    from simulator.results import location, play_saving, store

    def refuse(url: str | None = None) -> None:
        raise location.StoreError("could not save run (test): disk on fire")

    monkeypatch.setattr(play_saving, "check_store", lambda args: None)
    monkeypatch.setattr(store, "open_store", refuse)
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n1\n"))
    assert main(["play", "--text", str(LATE_PARCEL), "--player", "Lee"]) == 3
    err = capsys.readouterr().err
    assert "Could not save this finished run" in err and "disk on fire" in err and "results import" in err
    kept = (home / "data" / UNSAVED_FILE).read_text().splitlines()
    assert parse_line(kept[0]).player == "Lee"
