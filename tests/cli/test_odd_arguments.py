"""Odd paths and flag values on the command line: a message and a non-zero exit, never a traceback,
and '-' means standard output wherever a command writes a file (--out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.cli.main import main
from tests.conftest import LATE_PARCEL, REPO


@pytest.mark.parametrize("inside", [False, True])
def test_new_into_a_symlink_loop_says_so_and_writes_nothing(tmp_path: Path, capsys, inside: bool) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    out = tmp_path / "a.yaml" / "x.yaml" if inside else tmp_path / "a.yaml"
    assert main(["new", "my-call", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "symbolic links" in err and "nothing was written" in err and "fix:" in err
    assert str(tmp_path / "a.yaml") in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]


@pytest.mark.parametrize("args", [["graph", str(LATE_PARCEL)], ["schema"]])
def test_out_dash_prints_instead_of_writing_a_file_named_dash(args: list[str], tmp_path: Path, capsys,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([*args]) == 0
    printed = capsys.readouterr().out
    assert main([*args, "--out", "-"]) == 0
    assert capsys.readouterr().out == printed and printed
    assert list(tmp_path.iterdir()) == []


def test_a_room_on_a_machine_with_no_results_yet_opens_and_keeps_its_run() -> None:
    from tests.conftest import run_main

    done = run_main("facilitate", "--room", str(LATE_PARCEL), "--workshop", "NEW-1", "--text", stdin="\n1\nq\n")
    assert done.returncode == 2, done.stderr  # stopped by the facilitator after one decision
    assert "Saved the room's unfinished run" in done.stdout


@pytest.mark.parametrize("words, said", [
    (["test", "scenarios/small_account.es.yaml"], "test plans run on the source (test scenarios/small_account.yaml)"),
    (["i18n", "import", "nowhere/x.po"], "cannot open the PO file"),
    (["i18n", "import", "scenarios"], "not a PO file but a folder"),
    (["explore", "scenarios/small_account.yaml", "--runs", "99999999999999999999"], "is more than 100,000"),
], ids=["test a translation", "import a missing PO", "import a folder", "explore huge runs"])
def test_odd_arguments_get_a_message_that_says_what_to_do(words: list[str], said: str, capsys,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assert main(words) == 1
    assert said in capsys.readouterr().err
