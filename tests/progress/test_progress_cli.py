"""`progress --player NAME --json` on a real results store: the keys tools rely on."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import CLI_TIMEOUT, REPO


def test_progress_json_for_a_learner_with_no_runs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'results.db'}"
    subprocess.run([sys.executable, str(REPO / "main.py"), "results", "import", "/dev/null", "--db", db],
                   capture_output=True, timeout=CLI_TIMEOUT, check=False)  # creates the empty store
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "progress", "--player", "Ann", "--json",
                             "--db", db], capture_output=True, text=True, timeout=CLI_TIMEOUT)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ready"] is False and data["stages"]
    assert all({"id", "met", "missing"} <= set(stage) for stage in data["stages"])
    assert data["stages"][0]["missing"] and data["practise_next"]["scenario"]
    assert set(data["practise_next"]) == {"scenario", "principle", "why"}


def test_progress_with_a_missing_database_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "progress", "--player", "Ann",
                             "--db", f"sqlite:///{tmp_path / 'nope' / 'x.db'}"], capture_output=True, text=True,
                            timeout=CLI_TIMEOUT)
    assert result.returncode == 3 and "progress" in result.stderr
    assert not (tmp_path / "nope").exists()
