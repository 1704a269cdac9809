"""Static checks as tests: ``mypy --strict`` on the typed core and ``ruff check`` on the repo's code.

The typed core is ``simulator/engine``, ``simulator/content`` and ``scoring`` (issue #14): no error
under ``--strict``. Ruff runs with the project's settings (pyproject.toml) on every file git does not
ignore. Both run as subprocesses with the test environment's interpreter; the tools come with the
``test`` extra.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

TYPED_PACKAGES = ("simulator/engine", "simulator/content", "scoring")


def test_the_typed_core_passes_mypy_strict(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy comes with the test extra: pip install -e '.[test]'")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy"),
                           *TYPED_PACKAGES], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert done.stdout.startswith("Success: no issues found")


def test_the_code_passes_ruff() -> None:
    pytest.importorskip("ruff", reason="ruff comes with the test extra: pip install -e '.[test]'")
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
