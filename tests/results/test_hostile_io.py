"""Issue #11: hostile import lines, CSV cells, output paths, read-only commands, lock patience."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.results.store import open_store
from tests.results.helpers import make_record


def _db(tmp_path: Path, name: str = "t.db") -> str:
    return f"sqlite:///{tmp_path / name}"


def _line(**changes: object) -> str:
    return json.dumps(dict(make_record().to_dict(), **changes))


HOSTILE = [
    '{"player": "\\udc80"}',                                   # lone surrogate
    _line(player="Ann \\udc80").replace("\\\\udc80", "\\udc80"),  # lone surrogate in a real record
    _line(overall=1).replace('"overall": 1', '"overall": Infinity'),
    _line(overall=1).replace('"overall": 1', '"overall": 1e999'),
    _line(overall=2**64),
    _line(overall=-100),
    _line(overall=2**31),
    _line(overall="80"),
    _line(overall=True),
    "[" * 50_000 + "]" * 50_000,
    _line(transcript=[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]),
    _line(started_at="0001-01-01T00:00:00+01:00"),
    _line(started_at="yesterday"),
    _line(player="x" * 1_000),
    _line(scenario_id="=HYPERLINK(\"http://x\")"),
    _line(principle_scores={"=HYPERLINK(\"http://x\")": 50}),
    _line(principle_scores={"listen-first": 101}),
    _line(mode="god"),
    _line(transcript=[{"index": 2**70}]),
    _line(seed=2**70 * 10**60),
]


def test_each_hostile_line_is_reported_and_the_good_ones_stored(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    good = [json.dumps(make_record(f"P{i}").to_dict()) for i in range(2)]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([good[0], *HOSTILE, good[1]]) + "\n", encoding="utf-8", errors="surrogatepass")
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(make_record("Later").to_dict()) + "\n", encoding="utf-8")
    assert main(["results", "import", str(path), str(later), "--db", _db(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for number in range(2, 2 + len(HOSTILE)):
        assert f"in.jsonl:{number}:" in err, (number, err)
    assert "added 2" in err and "later.jsonl: added 1" in err
    with open_store(_db(tmp_path)) as store:
        assert store.count_runs() == 3


def test_csv_neutralises_every_cell_and_starts_with_a_bom() -> None:
    from simulator.results.report_formats import render_csv

    record = make_record(player="=cmd|' /C calc'!A0", team=" +1", scores={"listen-first": 50})
    text = render_csv([record], ["listen-first", '=HYPERLINK("http://evil")'])
    assert text.startswith("\ufeff")
    header, row = text.lstrip("\ufeff").splitlines()[:2]
    assert "'=HYPERLINK" in header and ',=HYPERLINK' not in header
    assert "'=cmd" in row and "' +1" in row


@pytest.mark.parametrize("make", [lambda p: p / "folder", lambda p: Path("/dev/null")])
def test_out_refuses_anything_but_a_regular_file(tmp_path: Path, capsys, make) -> None:  # type: ignore[no-untyped-def]
    db = _db(tmp_path)
    with open_store(db) as store:
        store.save_run(make_record())
    target = make(tmp_path)
    if target.name == "folder":
        target.mkdir()
    assert main(["report", "--workshop", "W1", "--format", "csv", "--out", str(target), "--db", db]) == 1
    assert "not a regular file" in capsys.readouterr().err
    assert target.is_dir() or target.is_char_device()


def test_out_writes_a_regular_file_or_a_new_path(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with open_store(db) as store:
        store.save_run(make_record())
    for target in (tmp_path / "new.csv", tmp_path / "new.csv"):  # new, then an existing regular file
        assert main(["report", "--workshop", "W1", "--format", "csv", "--out", str(target), "--db", db]) == 0
    assert target.read_text(encoding="utf-8-sig").startswith("run_id,")


def test_read_only_commands_never_create_a_store(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    typo = tmp_path / "typo" / "resluts.db"
    assert main(["results", "export", "--db", f"sqlite:///{typo}"]) == 3
    assert main(["report", "--workshop", "W1", "--format", "csv", "--out", str(tmp_path / "r.csv"),
                 "--db", f"sqlite:///{typo}"]) == 3
    assert "no results database" in capsys.readouterr().err
    assert not typo.parent.exists()


def test_opening_a_locked_store_waits_with_the_documented_patience(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sqlite3
    import threading

    from simulator.results import store as store_module

    path = tmp_path / "locked.db"
    open_store(f"sqlite:///{path}").close()
    monkeypatch.setattr(store_module, "SQLITE_BUSY_MS", 100)
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    threading.Timer(0.6, holder.rollback).start()
    opened = open_store(f"sqlite:///{path}")  # the busy timeout alone (100 ms) would give up
    opened.close()
    holder.close()
