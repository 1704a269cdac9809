"""Report formats come from one registry: a format added there is offered and written by ``report``."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.results import report_registry
from simulator.results.report_registry import REPORT_FORMATS, ReportRequest
from tests.results.helpers import FIXTURES
from tests.results.test_reports import _fill


def test_a_registered_format_is_offered_and_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def players(request: ReportRequest) -> str:
        return "\n".join(sorted(r.player for r in request.records)) + f"\n({request.workshop})\n"

    monkeypatch.setitem(REPORT_FORMATS, "players", players)  # the one registration line
    db = f"sqlite:///{tmp_path / 'r.db'}"
    _fill(db)
    out = tmp_path / "players.txt"
    assert main(["report", "--workshop", "W1", "--format", "players", "--out", str(out), "--db", db,
                 "--scenarios", str(FIXTURES)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "(W1)" and "Bo" in lines and "Cy" in lines and "Other" not in lines


def test_an_unregistered_format_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert "players" not in REPORT_FORMATS
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--workshop", "W1", "--format", "players", "--out", "-"])
    assert exit_info.value.code == 2 and "invalid choice: 'players'" in capsys.readouterr().err
    with pytest.raises(KeyError):
        report_registry.write_report("players", ReportRequest(None, [], "W1", FIXTURES))
