"""``play --text --json``: the JSON-lines protocol, end to end through main.py and in-process."""

from __future__ import annotations

import io
import json
from typing import Any

from scoring import Catalog
from simulator.content.loader import load_scenario
from simulator.engine import ScenarioMachine
from simulator.terminal.json_player import JsonPlayer
from simulator.terminal.player import TerminalOptions
from tests.conftest import LATE_PARCEL, run_main


def messages(stdout: str) -> list[dict[str, Any]]:
    """Every stdout line parsed as JSON (fails the test on any line that is not)."""
    return [json.loads(line) for line in stdout.splitlines()]


def of_type(found: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [m for m in found if m["type"] == kind]


def test_best_path_by_ids_end_to_end(tmp_path):
    db = f"sqlite:///{tmp_path / 'runs.db'}"
    result = run_main("play", str(LATE_PARCEL), "--text", "--json", "--db", db,
                      stdin="ask-details\ntell-truth\n")
    assert result.returncode == 0, result.stderr
    found = messages(result.stdout)
    assert [m["type"] for m in found] == ["start", "beat", "feedback", "beat", "feedback", "end", "saved"]
    first = found[1]
    assert first["node"] == "opening" and first["speaker"] == "Sam Ortiz"
    assert first["line"].startswith("Hi, my parcel is five days late")
    assert {o["id"] for o in first["options"]} == {"ask-details", "blame-courier", "script"}
    assert all(set(o) == {"id", "text"} for o in first["options"])
    assert found[3]["time_limit"] == 20
    assert "recover" not in {o["id"] for o in found[3]["options"]}  # locked: apologised already
    end = found[5]
    assert end["ending"]["id"] == "resolved" and end["ending"]["outcome"] == "resolved"
    assert end["overall"] == 100 and end["band"] == "Excellent"
    assert set(end["principles"]) == {"listen-first", "show-empathy", "be-honest", "own-the-follow-through"}
    assert [d["choice_id"] for d in end["decisions"]] == ["ask-details", "tell-truth"]
    assert end["to_work_on"] == []
    assert "Saved this finished run" in found[6]["message"]


def test_numbers_unknown_ids_and_locked_options(tmp_path):
    db = f"sqlite:///{tmp_path / 'runs.db'}"
    result = run_main("play", str(LATE_PARCEL), "--json", "--seed", "3", "--db", db,
                      stdin="no-such-option\n7\nblame-courier\nrecover\n1\n")
    assert result.returncode == 0, result.stderr
    found = messages(result.stdout)
    errors = of_type(found, "error")
    assert "there is no option 'no-such-option'" in errors[0]["message"]
    assert "there is no option 7" in errors[1]["message"]
    beats = of_type(found, "beat")
    assert [b["node"] for b in beats] == ["opening", "checking"]  # errors re-ask without a new beat
    assert "recover" in {o["id"] for o in beats[1]["options"]}  # no apology yet: open
    end = of_type(found, "end")[0]
    assert end["decisions"][1]["choice_id"] == beats[1]["options"][0]["id"]  # "1" = first listed option
    assert end["overall"] < 100 and end["to_work_on"]


def test_eof_abandons_cleanly_and_saves(tmp_path):
    db = f"sqlite:///{tmp_path / 'runs.db'}"
    result = run_main("play", str(LATE_PARCEL), "--text", "--json", "--mode", "assessment", "--db", db,
                      stdin="ask-details\n")
    assert result.returncode == 2
    found = messages(result.stdout)
    assert [m["type"] for m in found] == ["start", "beat", "beat", "abandoned", "saved"]  # no coach feedback
    assert found[3] == {"type": "abandoned", "node": "checking", "decisions": 1}
    assert "abandoned run" in found[4]["message"]


def test_invalid_scenario_says_why_on_stderr(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\n", encoding="utf-8")
    result = run_main("play", str(bad), "--text", "--json")
    assert result.returncode == 1 and result.stdout == ""
    assert "bad.yaml" in result.stderr


def _play(catalog: Catalog, answers: str, seed: int, **options: bool) -> list[dict[str, Any]]:
    loaded = load_scenario(LATE_PARCEL, catalog.ids())
    session = ScenarioMachine(loaded.scenario).start(seed=seed, clock=lambda: 0.0)
    out = io.StringIO()
    JsonPlayer(session, catalog, io.StringIO(answers), out, TerminalOptions(**options), clock=lambda: 0.0).run()
    return messages(out.getvalue())


def test_same_seed_same_transcript_of_messages(catalog: Catalog):
    first = _play(catalog, "1\n1\n", seed=11)
    assert _play(catalog, "1\n1\n", seed=11) == first
    orders = {tuple(o["id"] for o in _play(catalog, "", seed=s)[1]["options"]) for s in range(8)}
    assert len(orders) > 1  # the seed shuffles the display order, and numbers follow it


def test_coach_feedback_grades_the_choice(catalog: Catalog):
    found = _play(catalog, "script\n", seed=0)
    [feedback] = of_type(found, "feedback")
    assert feedback["choice"] == "script" and feedback["severity"] == "major"
    assert feedback["broke"] == ["listen-first", "show-empathy"] and feedback["honoured"] == []
    assert feedback["feedback"].startswith("Quoting the policy")
    end = of_type(found, "end")[0]
    assert end["ending"]["quality"] == "bad" and end["overall"] <= 74
