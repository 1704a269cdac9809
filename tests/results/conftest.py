"""Fixtures: an isolated FRONTLINE_HOME per test, and results stores on SQLite and PostgreSQL.

PostgreSQL: ``FRONTLINE_TEST_POSTGRES_URL`` (exported by .ci/postgres.sh). When it is unset the
tests try to start a server with that script (without installing packages); when none can be
reached they skip with the reason, except in CI (CI=true) where they fail. Each test gets its own
schema (via the connection's search_path), dropped afterwards.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.results.helpers import ROOT

PG_ENV = "FRONTLINE_TEST_POSTGRES_URL"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("FRONTLINE_HOME", str(folder))
    monkeypatch.delenv("FRONTLINE_DB", raising=False)
    monkeypatch.delenv("FRONTLINE_PLAYER", raising=False)
    return folder


def _start_with_script() -> str:
    env = dict(os.environ, FRONTLINE_PG_NO_INSTALL="1")
    try:
        done = subprocess.run(["bash", "-c", f'source "{ROOT}/.ci/postgres.sh" >&2; printf %s "${{{PG_ENV}:-}}"'],
                              capture_output=True, text=True, env=env, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"!could not run .ci/postgres.sh: {error}"
    return done.stdout.strip() or "!.ci/postgres.sh found no server: " + done.stderr.strip()[-300:]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(f"no PostgreSQL server: {reason}")


@pytest.fixture(scope="session")
def pg_base_url() -> str:
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        url = _start_with_script()
        if url.startswith("!"):
            _unavailable(f"{PG_ENV} is unset and {url[1:]}")
    try:
        import psycopg

        plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
        with psycopg.connect(plain, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except Exception as error:  # noqa: BLE001 - any failure means: no usable server
        _unavailable(f"cannot connect to {PG_ENV}: {str(error).splitlines()[0] if str(error) else error}")
    return url


@pytest.fixture
def pg_url(pg_base_url: str) -> Iterator[str]:
    """A URL whose tables live in a fresh schema of the test database."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    plain = pg_base_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in pg_base_url else "?"
    yield f"{pg_base_url}{separator}options=-csearch_path%3D{schema}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'results.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'results.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url: str) -> Iterator[object]:
    from simulator.results.store import open_store

    with open_store(store_url) as opened:
        yield opened
