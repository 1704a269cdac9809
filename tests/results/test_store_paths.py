"""--db naming a folder, or a file on a filesystem with no size (/proc), is said for what it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.results.location import StoreError
from simulator.results.store import open_store


@pytest.mark.parametrize("create", [True, False])
def test_a_folder_named_as_the_store_is_said_to_be_a_folder(tmp_path: Path, create: bool) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(f"sqlite:///{tmp_path}", create=create)
    assert str(caught.value).startswith(f"{tmp_path} is a folder, not a results database file")
    assert "nothing has been saved" not in str(caught.value) and "fix:" in str(caught.value)


def test_results_export_from_a_folder_exits_3(tmp_path: Path, capsys) -> None:
    assert main(["results", "export", "--db", f"sqlite:///{tmp_path}"]) == 3
    assert "is a folder, not a results database file" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="needs Linux's /proc")
def test_a_file_in_proc_is_not_said_to_be_on_a_full_disk(capsys) -> None:
    """/proc reports no size and no free space: that is no full disk."""
    assert main(["results", "export", "--db", "sqlite:////proc/version"]) == 3
    err = capsys.readouterr().err
    assert "could not open the results database" in err and "disk holding it is full" not in err
