"""``report``: HTML (self-contained, escaped), CSV (formula-safe), xAPI."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from simulator.cli.main import main
from simulator.results.report_formats import safe_cell
from simulator.results.store import open_store
from tests.results.helpers import FIXTURES, make_record

EVIL = '<script>alert("x")</script>'


def _fill(db: str) -> None:
    with open_store(db) as store:
        store.save_run(make_record(EVIL, "=HYPERLINK(\"http://evil\")", "W1", 90,
                                   scores={"listen-first": 90, "be-honest": 30}))
        store.save_run(make_record("Bo", "blue", "W1", 40, scores={"listen-first": 20, "be-honest": 80}, minutes=1))
        store.save_run(make_record("Cy", "blue", "W1", 60, scores={"listen-first": 40, "be-honest": 60}, minutes=2))
        store.save_run(make_record("Other", "x", "W2", 10))


def _report(tmp_path: Path, fmt: str) -> str:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    _fill(db)
    out = tmp_path / f"report.{fmt}"
    assert main(["report", "--workshop", "W1", "--format", fmt, "--out", str(out), "--db", db,
                 "--scenarios", str(FIXTURES)]) == 0
    return out.read_text(encoding="utf-8")


def test_html_is_self_contained_and_escapes_untrusted_text(tmp_path: Path) -> None:
    page = _report(tmp_path, "html")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert not re.search(r"""(src|href)\s*=""", page), "no external resources"
    assert "http://evil" not in page.replace("&quot;http://evil&quot;", "")
    assert "<svg" in page and "Other" not in page
    assert "Who did best at what" in page and "Decisions where the room split" in page
    assert "weakest principles" in page and "The Late Parcel" in page


def test_csv_neutralises_formulas(tmp_path: Path) -> None:
    text = _report(tmp_path, "csv")
    assert text.startswith("\ufeff")  # a BOM, so spreadsheet programs read accents
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["run_id", "workshop", "team", "player"] and "be-honest" in header
    assert len(body) == 3
    teams = {row[2] for row in body}
    assert "'=HYPERLINK(\"http://evil\")" in teams


def test_safe_cell_covers_every_formula_start() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert safe_cell("plain") == "plain" and safe_cell(42) == 42 and safe_cell(None) == ""


def test_xapi_statements_carry_scores_and_verbs(tmp_path: Path) -> None:
    statements = json.loads(_report(tmp_path, "xapi"))
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]
    # three finished runs of two decisions each: answered x2, completed, then passed or failed
    assert verbs.count("answered") == 6 and verbs.count("completed") == 3
    assert verbs.count("passed") == 1 and verbs.count("failed") == 2  # 90 is Excellent; 40 and 60 are not
    passed = next(s for s in statements if s["verb"]["id"].endswith("/passed"))
    assert passed["result"]["score"] == {"scaled": 0.9, "raw": 90, "min": 0, "max": 100}
    assert passed["result"]["success"] is True and passed["actor"]["name"] == EVIL
    assert passed["object"]["definition"]["name"]["en"] == "The Late Parcel"
    assert any(v == "W1" for v in passed["context"]["extensions"].values())


def test_a_mistyped_workshop_code_warns_and_fails(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'r.db'}"
    _fill(db)
    out = tmp_path / "none.html"
    assert main(["report", "--workshop", "W9", "--out", str(out), "--db", db]) == 4
    err = capsys.readouterr().err
    assert "no runs carry workshop code 'W9'" in err and "W1" in err and not out.exists()
    assert main(["report", "--workshop", " w1 ", "--format", "csv", "--out", str(out), "--db", db]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4  # header + W1 runs
