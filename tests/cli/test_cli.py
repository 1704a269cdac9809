"""``python main.py`` end to end in subprocesses: help, validate exit codes, scripted terminal play."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulator.cli.main import COMMANDS
from simulator.content.loader import load_scenario
from simulator.engine import ScenarioMachine
from tests.conftest import FIXTURES, LATE_PARCEL, run_main


def numbers_for(principle_ids: tuple[str, ...], *choice_ids: str, seed: int = 0) -> str:
    """The stdin that takes ``choice_ids`` with ``--seed SEED`` (option order depends only on the seed)."""
    session = ScenarioMachine(load_scenario(LATE_PARCEL, principle_ids).scenario).start(seed=seed)
    lines = []
    for choice_id in choice_ids:
        view = next(v for v in session.choices() if v.id == choice_id)
        lines.append(str(view.number))
        session.choose(choice_id)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("args", [["--help"], *[[name, "--help"] for name in COMMANDS]], ids=" ".join)
def test_help_exits_zero(args: list[str]) -> None:
    result = run_main(*args)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout and "Traceback" not in result.stderr


def test_validate_valid_file_exits_zero() -> None:
    result = run_main("validate", str(LATE_PARCEL))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"ok   {LATE_PARCEL}\n"
    assert "1 valid, 0 invalid" in result.stderr


def test_validate_fixture_folder_exits_zero() -> None:
    result = run_main("validate", "-q", str(FIXTURES))
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_validate_prints_every_problem_of_every_file(tmp_path: Path) -> None:
    shutil.copyfile(LATE_PARCEL, tmp_path / "a_good.yaml")
    bad = LATE_PARCEL.read_text().replace("id: late-parcel", "id: other").replace(
        "next: lost", "next: lots").replace("estimated_minutes: 3", "estimated_minutes: lots")
    (tmp_path / "b_bad.yaml").write_text(bad)
    (tmp_path / "c_dup.yaml").write_text(LATE_PARCEL.read_text())
    result = run_main("validate", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"ok   {tmp_path / 'a_good.yaml'}"
    assert lines[1].startswith(f"{tmp_path / 'b_bad.yaml'}:8:20: estimated_minutes must be a whole number")
    assert lines[2] == (f"{tmp_path / 'b_bad.yaml'}:41:15: next node 'lots' does not exist "
                        "(fix: did you mean 'lost'?)")  # links are checked even when the schema fails
    assert lines[3].startswith(f"{tmp_path / 'c_dup.yaml'}:4:1: scenario id 'late-parcel' is already used")
    assert len(lines) == 4
    assert "1 valid, 2 invalid" in result.stderr


def test_validate_with_nothing_to_check_exits_one(tmp_path: Path) -> None:
    result = run_main("validate", str(tmp_path))
    assert result.returncode == 1 and "no scenario files found" in result.stderr


def test_play_text_reaches_the_debrief(principle_ids: tuple[str, ...], tmp_path: Path) -> None:
    stdin = numbers_for(principle_ids, "ask-details", "tell-truth")
    result = run_main("play", "--text", "--seed", "0", str(LATE_PARCEL), stdin=stdin, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    debrief = result.stdout[result.stdout.index("DEBRIEF: The Late Parcel"):]
    for name in ("Listen first", "Show empathy", "Be honest", "Own the follow-through"):
        assert name in debrief
    assert "Overall score: 100/100 (Excellent)" in debrief and "Nothing: you took the best option" in debrief
    assert "/100" in debrief and "Traceback" not in result.stderr


def test_play_text_bad_input_asks_again(principle_ids: tuple[str, ...], tmp_path: Path) -> None:
    stdin = "hello\n7\n" + numbers_for(principle_ids, "script")
    result = run_main("play", "--text", str(LATE_PARCEL), stdin=stdin, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Please type a number from 1 to 3") == 2
    assert result.stdout.count("> ") == 3
    assert "Outcome: Order cancelled" in result.stdout


def test_play_text_eof_before_the_end_exits_2(principle_ids: tuple[str, ...], tmp_path: Path) -> None:
    result = run_main("play", "--text", str(LATE_PARCEL), stdin=numbers_for(principle_ids, "ask-details"),
                      cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "The call was left unfinished." in result.stdout and "DEBRIEF" not in result.stdout
    assert "Traceback" not in result.stderr


def test_play_text_invalid_scenario_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(LATE_PARCEL.read_text().replace("start: opening", "start: nowhere"))
    result = run_main("play", "--text", str(bad), stdin="1\n", cwd=tmp_path)
    assert result.returncode == 1
    assert f"{bad}:" in result.stderr and "start node 'nowhere' does not exist" in result.stderr


def test_play_text_missing_scenario_exits_1(tmp_path: Path) -> None:
    result = run_main("play", "--text", str(tmp_path / "missing.yaml"), cwd=tmp_path)
    assert result.returncode == 1 and "cannot open the file" in result.stderr
    assert "Traceback" not in result.stderr


def test_play_text_refuses_a_scenario_that_cannot_end(tmp_path: Path) -> None:
    text = LATE_PARCEL.read_text()
    start = text.index("  lost:")
    loop = ("  lost:\n    line: Hello?\n    choices:\n"
            "      - {id: again, text: Hold on., next: lost, feedback: Stalling.}\n")
    end = text.index("Listen first, then explain.") + len("Listen first, then explain.") + 1
    (tmp_path / "trap.yaml").write_text(text[:start] + loop + text[end:])
    assert run_main("validate", str(tmp_path / "trap.yaml")).returncode == 0  # the format is fine
    result = run_main("play", "--text", str(tmp_path / "trap.yaml"), stdin="1\n")
    assert result.returncode == 1 and "FL103" in result.stderr and "cannot end" in result.stderr
    assert "DEBRIEF" not in result.stdout
