"""xAPI: every statement validates with Ralph's models; ``report --format xapi --send`` posts them
to Ralph's LRS (file-system backend) started on 127.0.0.1, with retries and clear refusals."""

from __future__ import annotations

import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.results import lrs as lrs_module
from simulator.results.scenario_info import load_infos
from simulator.results.store import open_store
from simulator.results.xapi import iso_duration, workshop_statements
from tests.results.helpers import FIXTURES
from tests.results.ralph_lrs import PASSWORD, USER, LocalLrs, LrsUnavailable, start_lrs
from tests.results.xapi_check import played, validate

BASE = "https://lms.example.com/frontline"


@pytest.fixture(scope="module")
def local_lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalLrs]:
    try:
        server = start_lrs(tmp_path_factory.mktemp("lrs"))
    except LrsUnavailable as error:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(str(error))
        pytest.skip(str(error))
    yield server
    server.stop()


def _workshop(db: str) -> list:  # type: ignore[type-arg]
    records = [played("Ann", "Red", "TUE-AM", [1, 1, 1, 1], minutes=0),
               played("Bo", "red ", "tue-am", [2, 3, 1, 1], minutes=1, seconds=61.25),
               played("Cy", "Blue", "TUE-AM", [3, 2, 2, 2], minutes=2),
               played("Di", "Blue", "TUE-AM", [1], minutes=3)]  # abandoned after one decision
    with open_store(db) as store:
        store.save_runs(records)
    return records


def test_every_statement_validates_with_ralph_and_carries_what_an_lms_needs(tmp_path: Path) -> None:
    records = _workshop(f"sqlite:///{tmp_path / 'r.db'}")
    statements = workshop_statements(records, load_infos(FIXTURES), BASE)
    for statement in statements:
        validate(statement)
    decisions = sum(len(r.transcript) for r in records)
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]
    assert verbs.count("answered") == decisions
    assert verbs.count("completed") == 3 and verbs.count("abandoned") == 1
    assert verbs.count("passed") + verbs.count("failed") == 3
    assert len({s["id"] for s in statements}) == len(statements)
    for record in records[:3]:
        verdict = next(s for s in statements if s["context"]["registration"] == record.run_id
                       and s["verb"]["id"].rsplit("/", 1)[1] in ("passed", "failed"))
        assert verdict["result"]["success"] is (record.overall >= 75)
        assert verdict["result"]["score"]["raw"] == record.overall
    bo = [s for s in statements if s["actor"]["name"] == "Bo" and s["verb"]["id"].endswith("/answered")]
    first = bo[0]
    assert first["result"]["duration"] == "PT1M1.25S"
    assert first["object"]["id"] == f"{BASE}/scenarios/late-parcel/decisions/opening"
    choices = first["object"]["definition"]["choices"]
    assert {c["id"] for c in choices} == set(records[1].transcript[0]["available"])
    points = first["result"]["extensions"][f"{BASE}/principle-points"]
    info = load_infos(FIXTURES)["late-parcel"].decisions["opening"].option(first["result"]["response"])
    assert points == info.grades and points  # the chosen option's grades, per principle
    assert all(s["object"]["id"].startswith(BASE) for s in statements)
    # the same run gives the same ids (sending twice stores nothing twice)
    assert [s["id"] for s in workshop_statements(records, load_infos(FIXTURES), BASE)] == [s["id"] for s in statements]


def test_iso_durations() -> None:
    assert iso_duration(0) == "PT0.00S" and iso_duration(4.5) == "PT4.50S"
    assert iso_duration(3725.5) == "PT1H2M5.50S" and iso_duration(-3) == "PT0.00S"


def _send(tmp_path: Path, db: str, endpoint: str, password: str = PASSWORD, out: str | None = None) -> int:
    args = ["report", "--workshop", "tue-am", "--format", "xapi", "--db", db, "--scenarios", str(FIXTURES),
            "--activity-base", BASE, "--send", endpoint, "--lrs-user", USER, "--lrs-password", password]
    return main(args + (["--out", out] if out else []))


def test_send_to_ralphs_lrs_stores_every_statement_once(tmp_path: Path, local_lrs: LocalLrs, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    records = _workshop(db)
    before = len(local_lrs.stored())
    out = tmp_path / "x.json"
    assert _send(tmp_path, db, local_lrs.endpoint, out=str(out)) == 0, capsys.readouterr().err
    written = json.loads(out.read_text(encoding="utf-8"))
    stored = local_lrs.stored()
    assert len(stored) - before == len(written) == sum(len(r.transcript) for r in records) + 3 * 2 + 1
    assert {s["id"] for s in written} <= {s["id"] for s in stored}
    assert _send(tmp_path, db, local_lrs.endpoint) == 0  # again: the LRS keeps one copy of each
    assert len(local_lrs.stored()) == len(stored)


def test_a_refusing_lrs_is_a_clear_error(tmp_path: Path, local_lrs: LocalLrs, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    _workshop(db)
    capsys.readouterr()
    assert _send(tmp_path, db, local_lrs.endpoint, password="wrong") == 5
    err = capsys.readouterr().err
    assert "refused" in err and "HTTP 401" in err and "--lrs-password" in err and "wrong" not in err


class _Flaky(http.server.BaseHTTPRequestHandler):
    failures = 2
    seen: list[int] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).seen.append(1)
        status = 503 if len(type(self).seen) <= type(self).failures else 200
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'["ok"]' if status == 200 else b'{"detail": "busy"}')

    def log_message(self, *args: object) -> None:
        pass


def _serve(failures: int) -> tuple[http.server.HTTPServer, str]:
    _Flaky.failures, _Flaky.seen = failures, []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Flaky)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/xAPI/"


def test_retries_are_bounded() -> None:
    statement = [{"id": "x"}]
    pauses: list[float] = []
    server, url = _serve(failures=2)
    try:
        assert lrs_module.send(url, statement, "u", "p", sleep=pauses.append) == 1
        assert len(_Flaky.seen) == 3 and len(pauses) == 2  # two 503s, then stored
        _Flaky.failures, _Flaky.seen = 99, []
        with pytest.raises(lrs_module.LrsError, match="after 4 attempts .*HTTP 503"):
            lrs_module.send(url, statement, "u", "p", sleep=pauses.append)
        assert len(_Flaky.seen) == lrs_module.ATTEMPTS
    finally:
        server.shutdown()
        server.server_close()


def test_bad_send_arguments_are_refused(tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    _workshop(db)
    assert main(["report", "--workshop", "TUE-AM", "--format", "html", "--send", "http://127.0.0.1:9/",
                 "--db", db]) == 1
    assert main(["report", "--workshop", "TUE-AM", "--format", "xapi", "--out", "-", "--activity-base",
                 "not a url", "--db", db]) == 1
    assert main(["report", "--workshop", "TUE-AM", "--format", "xapi", "--send", "http://u:p@127.0.0.1:9/",
                 "--lrs-user", "u", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "use it with --format xapi" in err and "not an absolute http(s) address" in err
    assert "not in the address" in err
