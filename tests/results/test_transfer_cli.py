"""``results export|import``: merging laptops' results; bad lines; idempotence."""

from __future__ import annotations

import json
from pathlib import Path

from simulator.cli.main import main
from simulator.results.store import open_store
from tests.results.helpers import make_record


def _db(tmp_path: Path, name: str) -> str:
    return f"sqlite:///{tmp_path / name}"


def test_export_then_import_twice_adds_nothing_twice(tmp_path: Path, capsys) -> None:
    source, target = _db(tmp_path, "a.db"), _db(tmp_path, "b.db")
    with open_store(source) as store:
        for i in range(3):
            store.save_run(make_record(f"P{i}", workshop="W1" if i < 2 else "W2", minutes=i))
    out = tmp_path / "w1.jsonl"
    assert main(["results", "export", "--workshop", "W1", "--out", str(out), "--db", source]) == 0
    assert len(out.read_text().splitlines()) == 2
    assert main(["results", "import", str(out), "--db", target]) == 0
    assert main(["results", "import", str(out), "--db", target]) == 0
    assert "added 0, already present 2" in capsys.readouterr().err
    with open_store(target) as store:
        assert store.count_runs() == 2
        originals = {r.run_id: r for r in open_store(source).iter_records(workshop="W1")}
        assert {r.run_id: r for r in store.iter_records()} == originals


def test_bad_lines_are_reported_by_number_and_the_rest_imported(tmp_path: Path, capsys) -> None:
    good = [json.dumps(make_record(f"P{i}").to_dict()) for i in range(2)]
    broken = dict(make_record().to_dict(), status="won")
    lines = [good[0], "{not json", "[1, 2]", json.dumps({"run_id": "x"}), json.dumps(broken), "", good[1]]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    assert main(["results", "import", str(path), "--db", _db(tmp_path, "t.db")]) == 1
    err = capsys.readouterr().err
    for number in (2, 3, 4, 5):
        assert f"in.jsonl:{number}:" in err
    assert "in.jsonl:1:" not in err and "in.jsonl:7:" not in err
    assert "added 2" in err
    with open_store(_db(tmp_path, "t.db")) as store:
        assert store.count_runs() == 2


def test_export_to_stdout_and_missing_import_file(tmp_path: Path, capsys) -> None:
    db = _db(tmp_path, "s.db")
    with open_store(db) as store:
        store.save_run(make_record())
    assert main(["results", "export", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out.strip())["player"] == "Ann"
    assert main(["results", "import", str(tmp_path / "nope.jsonl"), "--db", db]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_unreachable_database_is_a_message_not_a_traceback(capsys) -> None:
    assert main(["results", "export", "--db", "postgresql://u:pw@127.0.0.1:1/x"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("results: could not open") and "Traceback" not in err and "pw" not in err
