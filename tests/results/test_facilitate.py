"""``facilitate``: the projector view (one frame with --once)."""

from __future__ import annotations

from pathlib import Path

from simulator.cli.main import main
from simulator.results.facilitator import clean
from simulator.results.store import open_store
from tests.results.helpers import FIXTURES, make_record


def _step(index: int, node: str, choice: str) -> dict[str, object]:
    return {"index": index, "node_id": node, "choice_id": choice, "next_node": "x", "available": [choice],
            "timed_out": False, "seconds": 1.0, "before": {}, "after": {}}


def _run(player: str, team: str, overall: int, first: str, minutes: int):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    record = make_record(player, team, "W1", overall, minutes=minutes)
    return replace(record, transcript=(_step(0, "opening", first), _step(1, "checking", "tell-truth")))


def test_one_frame_shows_teams_players_and_the_split(tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'f.db'}"
    with open_store(db) as store:
        store.save_run(_run("Ann", "red", 90, "ask-details", 0))
        store.save_run(_run("Bo", "blue", 40, "script", 1))
        store.save_run(_run("Cy\x1b[2J", "blue", 60, "blame-courier", 2))
    assert main(["facilitate", "--workshop", "W1", "--once", "--db", db, "--scenarios", str(FIXTURES)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    lines = out.splitlines()
    teams = lines.index("TEAMS")
    assert "red" in lines[teams + 1] and "90" in lines[teams + 1] and "blue" in lines[teams + 2]
    split_line = next(line for line in lines if "SPLIT" in line and "The Late Parcel" in line)
    assert "my parcel is five days late" in split_line
    assert any("I'm sorry it's late" in line and "*" in line for line in lines)
    agreed = next(line for line in lines if "Sure, it's 4471" in line)
    assert "SPLIT" not in agreed


def test_an_empty_workshop_says_it_is_waiting(tmp_path: Path, capsys) -> None:
    open_store(f"sqlite:///{tmp_path / 'e.db'}").close()  # a store nobody has saved to yet
    assert main(["facilitate", "--workshop", "EMPTY", "--once", "--db", f"sqlite:///{tmp_path / 'e.db'}"]) == 0
    assert "Waiting for the first results" in capsys.readouterr().out


def test_a_mistyped_db_creates_nothing(tmp_path: Path, capsys) -> None:
    typo = tmp_path / "typo" / "resluts.db"
    assert main(["facilitate", "--workshop", "W", "--once", "--db", f"sqlite:///{typo}"]) == 3
    assert main(["graph", str(FIXTURES / "late_parcel.yaml"), "--results", "--db", f"sqlite:///{typo}"]) == 3
    said = capsys.readouterr().err
    assert "graph: no results database" in said and not typo.parent.exists()


def test_clean_drops_control_characters_and_cuts() -> None:
    assert clean("a\x1b[31mb\x07c\nd") == "a[31mbc d"
    assert clean("abcdef", 4) == "abc…"
