"""Issue #11 in the terminal: a newer results store and a full disk end with a clear message, exit 3,
and the finished run kept (in ``unsaved-runs.jsonl``, or printed when nothing can be written)."""

from __future__ import annotations

import errno
import io
import json
from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.results import saving
from simulator.results.saving import UNSAVED_FILE
from simulator.results.schema import LATEST, MIGRATIONS, migrate
from simulator.results.store import ResultStore, open_store
from simulator.results.transfer import parse_line
from tests.results.helpers import LATE_PARCEL

NO_SPACE = OSError(errno.ENOSPC, "No space left on device")


def _play(monkeypatch: pytest.MonkeyPatch, *extra: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n1\n"))
    return main(["play", "--text", str(LATE_PARCEL), "--player", "Lee", *extra])


def _refuse(*args: object, **kwargs: object) -> None:
    raise NO_SPACE


def test_a_newer_store_stops_play_before_the_first_choice(home: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    with open_store() as store:
        migrate(store.engine, (*MIGRATIONS, (LATEST + 1, "from-the-future", lambda conn: None)))
    assert _play(monkeypatch) == 3
    out, err = capsys.readouterr()
    assert f"schema version {LATEST + 1}, newer than this Frontline" in err and "Traceback" not in err
    assert "Customer" not in out and not (home / "data" / UNSAVED_FILE).exists()  # nobody played into it
    for command in (["results", "export"], ["progress", "--player", "Lee"]):
        assert main(command) == 3, command
        assert "newer than this Frontline" in capsys.readouterr().err


def test_a_full_disk_under_the_store_keeps_the_run_locally(home: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(ResultStore, "_insert", _refuse)
    assert _play(monkeypatch) == 3
    err = capsys.readouterr().err
    assert "Could not save this finished run" in err and "No space left on device" in err
    assert "results import" in err and "Traceback" not in err
    [line] = (home / "data" / UNSAVED_FILE).read_text(encoding="utf-8").splitlines()
    assert parse_line(line).player == "Lee"


def test_a_disk_too_full_for_a_local_copy_prints_the_run(home: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    with monkeypatch.context() as full_disk:
        full_disk.setattr(ResultStore, "_insert", _refuse)
        full_disk.setattr(saving, "keep_locally", _refuse)
        assert _play(monkeypatch) == 3
    err = capsys.readouterr().err
    assert "keeping a local copy failed too: [Errno 28] No space left on device" in err
    record = parse_line(err.strip().splitlines()[-1])  # the last line is the run, ready for import
    assert record.player == "Lee" and record.status == "finished"
    runs = home / "run.jsonl"
    runs.write_text(json.dumps(record.to_dict()) + "\n", encoding="utf-8")
    assert main(["results", "import", str(runs)]) == 0  # space was freed: the printed line imports
    with open_store() as store:
        assert store.count_runs() == 1
