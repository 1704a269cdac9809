"""Read-only commands print a kept answer again only while the files they read and our code are unchanged."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli import answer_cache
from simulator.cli.answer_cache import answer, answer_key
from simulator.cli.main import main
from tests.conftest import REPO

SHIPPED = REPO / "scenarios" / "shields_up.yaml"


class Counter:
    """A command that prints to both streams and counts its runs."""

    def __init__(self, code: int = 0) -> None:
        self.runs = 0
        self.code = code

    def __call__(self) -> int:
        self.runs += 1
        print("first line")
        print("a problem", file=sys.stderr)
        print("last line")
        return self.code


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    target.mkdir()
    shutil.copy(SHIPPED, target / "call.yaml")
    return target


def test_an_unchanged_input_is_answered_from_the_cache_in_the_order_written(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    command = Counter(code=1)
    first = answer("lint", ["lint", "call.yaml"], [folder / "call.yaml"], command)
    printed = capsys.readouterr()
    again = answer("lint", ["lint", "call.yaml"], [folder / "call.yaml"], command)
    assert (first, again, command.runs) == (1, 1, 1)
    assert capsys.readouterr() == printed
    stored = next((Path(os.environ["FRONTLINE_HOME"]) / "cache" / "answers").glob("lint-*.json"))
    assert [stream for stream, _ in json.loads(stored.read_text())["output"]] == ["out", "out", "err", "err", "out",
                                                                                   "out"]


@pytest.mark.parametrize("change", ["edit the file", "add a translation beside it", "touch a portrait",
                                    "other words", "other language"])
def test_any_change_to_what_the_answer_depends_on_runs_the_command_again(
        folder: Path, change: str, monkeypatch: pytest.MonkeyPatch) -> None:
    command = Counter()
    words = ["validate", "call.yaml"]
    answer("validate", words, [folder / "call.yaml"], command)
    if change == "edit the file":
        text = (folder / "call.yaml").read_text()
        (folder / "call.yaml").write_text(text.replace("title:", "title:  ", 1))
    elif change == "add a translation beside it":
        (folder / "call.es.yaml").write_text("translation: {}\n")
    elif change == "touch a portrait":
        (folder / "art").mkdir()
        (folder / "art" / "face.png").write_bytes(b"not yet")
    elif change == "other words":
        words = [*words, "--quiet"]
    else:
        monkeypatch.setenv("LANGUAGE", "es")
    answer("validate", words, [folder / "call.yaml"], command)
    assert command.runs == 2


def test_a_change_of_code_is_a_new_key(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = answer_key("lint", ["lint"], [folder])
    monkeypatch.setattr(answer_cache, "code_stamp", lambda: "another build")
    assert answer_key("lint", ["lint"], [folder]) != before


def test_off_switch_missing_inputs_and_failures_never_use_or_keep_an_answer(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    command = Counter()
    monkeypatch.setenv("FRONTLINE_NO_ANSWER_CACHE", "1")
    answer("lint", ["lint"], [folder], command)
    answer("lint", ["lint"], [folder], command)
    monkeypatch.delenv("FRONTLINE_NO_ANSWER_CACHE")
    answer("lint", ["lint"], [folder / "missing.yaml"], command)
    answer("lint", ["lint"], [folder / "missing.yaml"], command)
    assert command.runs == 4

    def crash() -> int:
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        answer("lint", ["lint"], [folder], crash)
    assert answer("lint", ["lint"], [folder], command) == 0 and command.runs == 5


@pytest.mark.parametrize("damage", ["not json", "[]", '{"key": "other", "code": 0, "output": []}',
                                    '{"key": "KEY", "code": "0", "output": []}',
                                    '{"key": "KEY", "code": 0, "output": [["tty", "x"]]}'])
def test_a_damaged_or_foreign_entry_is_never_trusted(folder: Path, damage: str) -> None:
    command = Counter()
    answer("lint", ["lint"], [folder], command)
    key = answer_key("lint", ["lint"], [folder])
    entry = Path(os.environ["FRONTLINE_HOME"]) / "cache" / "answers" / f"lint-{key}.json"
    entry.write_text(damage.replace("KEY", key))
    assert answer("lint", ["lint"], [folder], command) == 0 and command.runs == 2
    assert json.loads(entry.read_text())["key"] == key  # replaced by a sound entry


def test_a_folder_too_large_to_stamp_is_simply_not_cached(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answer_cache, "MAX_ENTRIES", 1)
    (folder / "notes.txt").write_text("x")
    command = Counter()
    answer("lint", ["lint"], [folder], command)
    answer("lint", ["lint"], [folder], command)
    assert command.runs == 2


def test_the_commands_answer_the_same_from_the_cache_and_no_cache_works_it_out(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = folder / "broken.yaml"
    broken.write_text((folder / "call.yaml").read_text().replace("schema_version: 1", "schema_version: 7"))
    lines = (["validate", str(broken)], ["lint", str(folder)], ["explore", str(folder / "call.yaml"), "--runs", "5"])
    for words in lines:
        answers = []
        for extra in ([], [], ["--no-cache"]):
            code = main([*words, *extra])
            answers.append((code, capsys.readouterr()))
        assert answers[0] == answers[1] == answers[2], words
    assert main(["validate", str(broken)]) == 1
    assert len(list((Path(os.environ["FRONTLINE_HOME"]) / "cache" / "answers").glob("*.json"))) == len(lines)


def test_a_cached_validate_does_not_import_pydantic(folder: Path) -> None:
    code = ("import sys, runpy\nsys.argv = ['main.py', 'validate', sys.argv[1]]\n"
            "try:\n    runpy.run_path('main.py', run_name='__main__')\nexcept SystemExit as done:\n"
            "    print('exit', done.code, 'pydantic' in sys.modules)")
    env = {**os.environ, "FRONTLINE_HOME": str(folder.parent / "home")}
    runs = [subprocess.run([sys.executable, "-c", code, str(folder / "call.yaml")], cwd=REPO, capture_output=True,
                           text=True, timeout=60, env=env) for _ in range(2)]
    assert [run.stdout.split()[-3:] for run in runs] == [["exit", "0", "True"], ["exit", "0", "False"]], runs[1].stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_symlink_to_a_device_beside_the_file_is_stamped_not_read(folder: Path) -> None:
    """A scenario folder is untrusted: 'x.yaml -> /dev/zero' beside the file must not be read for the
    key (the loader itself refuses it as lying outside the folder), so the command runs and answers."""
    (folder / "zero.yaml").symlink_to("/dev/zero")
    code = ("import resource, sys\nresource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
            "from pathlib import Path\nfrom simulator.cli.answer_cache import answer_key\n"
            "print(len(answer_key('lint', ['lint'], [Path(sys.argv[1])])))")
    env = {**os.environ, "FRONTLINE_HOME": str(folder.parent / "home")}
    run = subprocess.run([sys.executable, "-c", code, str(folder / "call.yaml")], cwd=REPO, capture_output=True,
                         text=True, timeout=60, env=env)
    assert (run.returncode, run.stdout.strip()) == (0, "64"), run.stderr[-500:]


def test_a_symlinked_file_is_a_new_key_when_its_target_changes(folder: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("a: 1\n")
    (folder / "linked.yaml").symlink_to(outside)
    before = answer_key("lint", ["lint"], [folder])
    outside.write_text("a: 22\n")
    assert answer_key("lint", ["lint"], [folder]) != before


def test_how_the_command_was_started_is_part_of_the_key(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hints name the command ('python main.py explore ...' or 'frontline explore ...')."""
    monkeypatch.setattr(sys, "argv", ["main.py", "lint"])
    from_checkout = answer_key("lint", ["lint"], [folder])
    monkeypatch.setattr(sys, "argv", ["/usr/bin/frontline", "lint"])
    assert answer_key("lint", ["lint"], [folder]) != from_checkout


@pytest.mark.parametrize("closed", ["stdout", "stderr"])
def test_a_closed_standard_stream_runs_the_command_as_without_the_cache(
        folder: Path, closed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """'frontline validate x.yaml >&-' (sys.stdout is None): print() writes nothing, the exit code stands."""
    command = Counter(code=1)
    monkeypatch.setattr(sys, closed, None)
    assert [answer("validate", ["validate"], [folder / "call.yaml"], command) for _ in range(2)] == [1, 1]
    assert command.runs == 2


def test_a_yaml_file_in_a_sub_folder_is_known_by_its_content(folder: Path) -> None:
    (folder / "more").mkdir()
    nested = folder / "more" / "other.yaml"
    nested.write_text("title: one\n")
    before = os.stat(nested)
    key = answer_key("lint", ["lint", str(folder)], [folder])
    nested.write_text("title: two\n")  # same size, and the same times as before (as cp -p or rsync -a leave them)
    os.utime(nested, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert answer_key("lint", ["lint", str(folder)], [folder]) != key


def test_an_answer_that_logged_a_warning_is_not_kept(folder: Path) -> None:
    import logging

    runs = []

    def warns() -> int:
        runs.append(1)
        logging.getLogger("simulator.content.cache").warning("a damaged entry was moved aside")
        return 0

    answer("lint", ["lint"], [folder], warns)
    answer("lint", ["lint"], [folder], warns)
    assert len(runs) == 2


def test_a_warning_logged_while_the_answer_is_worked_out_is_still_printed(folder: Path) -> None:
    code = ("import logging, sys\nfrom pathlib import Path\nfrom simulator.cli.answer_cache import answer\n"
            "def compute():\n"
            "    logging.getLogger('simulator.content.cache').warning('a damaged entry was moved aside')\n"
            "    return 0\nsys.exit(answer('lint', ['lint'], [Path(sys.argv[1])], compute))")
    done = subprocess.run([sys.executable, "-c", code, str(folder)], cwd=REPO, capture_output=True, text=True,
                          timeout=60, env={**os.environ, "FRONTLINE_HOME": str(folder.parent / "home")})
    assert done.returncode == 0, done.stderr
    assert "frontline: WARNING: a damaged entry was moved aside" in done.stderr
