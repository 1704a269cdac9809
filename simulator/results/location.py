"""Which results store to use: ``--db URL``, else ``FRONTLINE_DB``, else a SQLite file in the user
data folder. Pure string work (no SQLAlchemy import), so the CLI can check a URL cheaply.

Accepted URLs: ``sqlite:///relative/or/absolute/path.db``, ``sqlite:////abs/path.db``,
``postgresql://user:pass@host:port/db`` (also ``postgres://`` and explicit
``postgresql+psycopg://``; the psycopg 3 driver is always used). Anything else raises
``StoreError`` with a message naming the accepted forms.
"""

from __future__ import annotations

import os
from pathlib import Path

from simulator.paths import data_dir

ENV_VAR = "FRONTLINE_DB"
DEFAULT_FILE = "results.sqlite3"


class StoreError(Exception):
    """The results store cannot be used; the message is meant for the player or facilitator."""


def default_url() -> str:
    """The SQLite file in the user data folder (the folder is created when the store opens)."""
    return f"sqlite:///{data_dir() / DEFAULT_FILE}"


def resolve_url(explicit: str | None = None) -> str:
    """The store URL to use, normalised to a SQLAlchemy URL with an explicit driver."""
    raw = (explicit or os.environ.get(ENV_VAR) or "").strip()
    return normalise_url(raw) if raw else default_url()


def normalise_url(raw: str) -> str:
    scheme, sep, rest = raw.partition("://")
    if not sep:
        raise StoreError(f"'{raw}' is not a database URL; use sqlite:///path/to/file.db or "
                         "postgresql://user:password@host:port/database")
    scheme = scheme.lower()
    if scheme in ("sqlite", "sqlite+pysqlite"):
        if not rest.startswith("/") or rest == "/":
            raise StoreError(f"'{raw}' names no file; use sqlite:///path/to/file.db")
        return f"sqlite:///{rest[1:]}"
    if scheme in ("postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg3"):
        return f"postgresql+psycopg://{rest}"
    raise StoreError(f"unsupported database '{scheme}://'; use sqlite:///path/to/file.db or "
                     "postgresql://user:password@host:port/database")


def sqlite_path(url: str) -> Path | None:
    """The file of a normalised SQLite URL, or None for other databases."""
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///"):])
    return None


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    scheme, sep, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if not at or ":" not in creds:
        return url
    return f"{scheme}{sep}{creds.split(':', 1)[0]}:***@{host}"
