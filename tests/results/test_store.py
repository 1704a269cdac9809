"""The store: round trips, idempotent saves, migrations, URL handling, clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.results.location import StoreError, display_url, normalise_url, resolve_url
from simulator.results.records import ABANDONED
from simulator.results.schema import LATEST, MIGRATIONS, migrate
from simulator.results.store import open_store
from tests.results.helpers import ROOT, abandoned, make_record


def test_saved_run_reads_back_whole(store) -> None:
    record = make_record(player="Zoë <b>", team="red", scores={"listen-first": 70, "be-honest": 20}, steps=3)
    assert store.save_run(record) is True
    assert store.get_run(record.run_id) == record


def test_saving_the_same_run_twice_adds_nothing(store) -> None:
    record = make_record()
    assert store.save_run(record) is True
    assert store.save_run(record) is False
    assert store.count_runs() == 1


def test_abandoned_runs_are_kept_and_marked(store) -> None:
    record = abandoned(overall=10)
    store.save_run(record)
    back = store.get_run(record.run_id)
    assert back is not None and back.status == ABANDONED and back.outcome is None


def test_migrations_are_recorded_and_reopening_is_harmless(store_url: str) -> None:
    with open_store(store_url) as first:
        first.save_run(make_record())
    with open_store(store_url) as second:
        assert migrate(second.engine) == LATEST
        assert second.count_runs() == 1
        with second.reading() as conn:
            versions = [row.version for row in conn.execute(second.tables.migrations.select())]
    assert versions == [number for number, _, _ in MIGRATIONS]


def test_a_newer_schema_is_refused_with_a_clear_message(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        extra = (*MIGRATIONS, (LATEST + 1, "future", lambda conn: None))
        migrate(store.engine, extra)
    with pytest.raises(StoreError, match="newer than this Frontline"):
        open_store(sqlite_url)


def test_default_store_is_a_sqlite_file_in_the_data_folder(home: Path) -> None:
    with open_store() as store:
        store.save_run(make_record())
    assert (home / "data" / "results.sqlite3").is_file()


def test_frontline_db_environment_variable_is_honoured(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FRONTLINE_DB", f"sqlite:///{tmp_path / 'env.db'}")
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"


@pytest.mark.parametrize("raw", ["foo", "mysql://x/y", "sqlite://", "sqlite:///"])
def test_bad_urls_are_explained(raw: str) -> None:
    with pytest.raises(StoreError, match="sqlite:///"):
        normalise_url(raw)


def test_passwords_never_appear_in_messages() -> None:
    assert display_url("postgresql+psycopg://u:s3cret@h:5/db") == "postgresql+psycopg://u:***@h:5/db"
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://u:s3cret@127.0.0.1:1/db")
    assert "s3cret" not in str(caught.value) and "127.0.0.1" in str(caught.value)


def test_a_file_that_is_not_a_database_gives_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="could not open"):
        open_store(f"sqlite:///{path}")


def test_starting_the_program_does_not_import_sqlalchemy() -> None:
    code = ("import sys, simulator.cli.main as m; m.build_parser(); import simulator.results.records, "
            "simulator.results.views, simulator.results.api; print('sqlalchemy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
