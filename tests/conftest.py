"""Shared fixtures for the foundation tests: the real catalog, a YAML-string loader, CLI runner.

Kept small and pygame-free on purpose (the game's fixtures live in tests/app/conftest.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from scoring.catalog import Catalog, default_catalog
from simulator.content.loader import LoadedScenario, load_text

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "scenarios"
LATE_PARCEL = FIXTURES / "late_parcel.yaml"
CLI_TIMEOUT = 20  # a guard against hangs, not a performance assertion (the product target is 2 s)


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own FRONTLINE_HOME: nothing a test does touches the real user folders."""
    home = tmp_path_factory.mktemp("frontline-home")
    monkeypatch.setenv("FRONTLINE_HOME", str(home))
    monkeypatch.delenv("FRONTLINE_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture(scope="session")
def principle_ids(catalog: Catalog) -> tuple[str, ...]:
    return catalog.ids()


@pytest.fixture(scope="session")
def load(principle_ids: tuple[str, ...]) -> Callable[[str], LoadedScenario]:
    """Load a scenario from a YAML string (dedented) with the real catalog."""

    def _load(text: str, file: str = "test.yaml") -> LoadedScenario:
        return load_text(textwrap.dedent(text), file, principle_ids)

    return _load


def run_main(*args: str, stdin: str = "", cwd: Path = REPO, home: Path | None = None
             ) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` in a subprocess with a clean environment and a private FRONTLINE_HOME.

    The timeout is a guard against hangs (raises ``TimeoutExpired``), not a performance assertion.
    """
    if home is None:
        home = cwd / ".frontline-home" if cwd != REPO else Path(os.environ["FRONTLINE_HOME"])
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8",
           "FRONTLINE_HOME": str(home), "FRONTLINE_PLAYER": "tester",
           "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=CLI_TIMEOUT, env=env)
