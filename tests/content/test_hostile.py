"""The hostile corpus: every broken or malicious file is refused with a located, readable message.

``hostile/expected.yaml`` maps each file to the message fragment and the line it must be reported
on. Files that cannot be committed (a FIFO, a symlink out of the folder, a folder named x.yaml, a
file over the size cap) are made in ``tmp_path``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from simulator.content.files import MAX_FILE_BYTES
from simulator.content.loader import check_paths, load_scenario
from simulator.content.problems import ContentError, Problem
from simulator.content.yaml_reader import parse_yaml
from tests.conftest import run_main

HOSTILE = Path(__file__).resolve().parent / "hostile"
EXPECTED_FILE = HOSTILE / "expected.yaml"
EXPECTED: dict[str, dict[str, object]] = parse_yaml(EXPECTED_FILE.read_text("utf-8"), str(EXPECTED_FILE)).data["files"]
MARKER = "frontline-pwned-marker"  # what the code-execution files would create in the working folder
LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.+) \(fix: .+\)$")


def hostile_files() -> list[str]:
    return sorted(p.name for p in HOSTILE.iterdir() if p.name != EXPECTED_FILE.name)


def refuse(path: Path, principle_ids: Collection[str], root: Path | None = None) -> tuple[Problem, ...]:
    with pytest.raises(ContentError) as caught:
        load_scenario(path, principle_ids, root)
    return caught.value.problems


def test_corpus_is_big_enough_and_fully_described() -> None:
    files = hostile_files()
    assert len(files) >= 30
    assert set(files) == set(EXPECTED), "every hostile file needs an entry in expected.yaml and vice versa"


@pytest.mark.parametrize("name", hostile_files())
def test_hostile_file_is_refused_at_the_expected_line(name: str, principle_ids: tuple[str, ...],
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a file that managed to run code would leave MARKER here
    problems = refuse(HOSTILE / name, principle_ids)
    fragment, line = str(EXPECTED[name]["message"]), int(EXPECTED[name]["line"])  # type: ignore[arg-type]
    matching = [p for p in problems if fragment in p.format()]
    assert matching, f"no problem mentions {fragment!r}: {[p.format() for p in problems]}"
    assert line in [p.line for p in matching], [p.format() for p in matching]
    for problem in problems:
        assert problem.file == str(HOSTILE / name)
        assert problem.hint, problem
        assert "\n" not in problem.format() and "\x1b" not in problem.format()
    assert not (tmp_path / MARKER).exists()


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, subprocess.CompletedProcess[str]]]:
    """``python main.py validate FILE`` for every hostile file, a few at a time (each in its own folder)."""

    def one(name: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
        folder = tmp_path_factory.mktemp("cli")
        target = folder / name
        shutil.copyfile(HOSTILE / name, target)
        return target, run_main("validate", str(target), cwd=folder)  # raises TimeoutExpired on a hang

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(hostile_files(), pool.map(one, hostile_files()), strict=True))


@pytest.mark.parametrize("name", hostile_files())
def test_validate_cli_refuses_hostile_file(name: str, cli_runs: dict[str, tuple[Path, subprocess.CompletedProcess[str]]]
                                           ) -> None:
    """Non-zero exit, one-line reasons naming the file, no traceback, nothing executed."""
    target, result = cli_runs[name]
    assert result.returncode == 1, result
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(f"{target}") for line in lines), result.stdout
    assert str(EXPECTED[name]["message"]) in result.stdout
    assert "\x1b" not in result.stdout + result.stderr
    assert not (target.parent / MARKER).exists()


# ---- things that cannot be committed files -------------------------------------------------------

def test_fifo_is_refused_without_blocking(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    (problem,) = refuse(fifo, principle_ids)  # opening a FIFO would block for ever
    assert "not a regular file" in problem.message
    result = run_main("validate", str(fifo))
    assert result.returncode == 1 and "not a regular file" in result.stdout


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text("schema_version: 1\n")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "link.yaml").symlink_to(outside)
    (problem,) = refuse(pack / "link.yaml", principle_ids, root=pack)
    assert "outside the scenario folder" in problem.message
    (report,) = check_paths([pack], principle_ids)
    assert not report.ok and "outside the scenario folder" in report.problems[0].message
    result = run_main("validate", str(pack))
    assert result.returncode == 1 and "outside the scenario folder" in result.stdout


def test_symlink_inside_the_folder_is_followed(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    from tests.conftest import LATE_PARCEL

    shutil.copyfile(LATE_PARCEL, tmp_path / "real.yaml")
    (tmp_path / "alias.yaml").symlink_to(tmp_path / "real.yaml")
    assert load_scenario(tmp_path / "alias.yaml", principle_ids, tmp_path).id == "late-parcel"


def test_directory_named_yaml_is_refused(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    folder = tmp_path / "x.yaml"
    folder.mkdir()
    (problem,) = refuse(folder, principle_ids, root=tmp_path)
    assert "not a regular file" in problem.message
    assert check_paths([tmp_path], principle_ids) == []  # walking a pack never treats it as a scenario


def test_file_over_the_size_cap_is_refused_before_reading(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as handle:  # sparse: costs no disk space or time
        handle.truncate(MAX_FILE_BYTES + 1)
    (problem,) = refuse(huge, principle_ids)
    assert "over the 10,485,760-byte limit" in problem.message
    result = run_main("validate", str(huge))
    assert result.returncode == 1 and "byte limit" in result.stdout and "Traceback" not in result.stderr


def test_file_at_the_size_cap_is_read(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# padding\n" * (MAX_FILE_BYTES // 10))
    assert big.stat().st_size == MAX_FILE_BYTES
    (problem,) = refuse(big, principle_ids)
    assert "does not hold a scenario mapping" in problem.message


def test_missing_file_is_reported_not_raised(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    (problem,) = refuse(tmp_path / "nope.yaml", principle_ids)
    assert "cannot open the file" in problem.message
    result = run_main("validate", str(tmp_path / "nope.yaml"))
    assert result.returncode == 1 and "nope.yaml" in result.stdout


def test_code_execution_tag_runs_nothing_via_cli(tmp_path: Path) -> None:
    """The marker file would exist if PyYAML's unsafe loader had constructed the os.system call."""
    target = tmp_path / "apply.yaml"
    shutil.copyfile(HOSTILE / "python_apply_os_system.yaml", target)
    for command in (["validate", str(target)], ["play", "--text", str(target)]):
        result = run_main(*command, stdin="1\n1\n", cwd=tmp_path)
        assert result.returncode == 1
        assert "is not allowed" in result.stdout + result.stderr
    assert not (tmp_path / MARKER).exists()


def test_located_messages_have_the_documented_shape(principle_ids: tuple[str, ...]) -> None:
    problems = refuse(HOSTILE / "next_node_missing.yaml", principle_ids)
    match = LOCATED.match(problems[0].format())
    assert match and match["file"].endswith("next_node_missing.yaml") and match["line"] == "26"
