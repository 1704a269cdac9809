"""The CLI imports only the subcommand it runs, and parses its command line as the full parser does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from simulator.cli.main import COMMANDS, _starts_game, build_parser, game_arguments
from tests.conftest import REPO

LINES = [
    ["validate", "a.yaml", "b.yaml", "--quiet"],
    ["lint", "a.yaml"],
    ["--exit-after-first-frame", "explore", "a.yaml"],
    ["explore", "a.yaml", "--bots"],
    ["--pack", "trainer", "--exit-after-first-frame"],
    ["--pack", "validate", "play", "x.yaml", "--pack=b"],
]


def test_the_bare_game_start_with_packs_imports_no_command() -> None:
    code = ("import sys\nfrom simulator.cli.main import build_parser\n"
            "args = build_parser(sys.argv[1:]).parse_args(sys.argv[1:])\n"
            "print(args.game_packs, sorted(m for m in sys.modules if m.startswith('simulator.cli.')))")
    done = subprocess.run([sys.executable, "-c", code, "--pack", "a", "--pack=play"], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['a', 'play'] ['simulator.cli.main']"


GAME_STARTS = [[], ["--exit-after-first-frame"], ["--pack", "a", "--pack=b", "--exit-after-first-frame"],
               ["--pack", "validate"], ["--pack="], ["--exit-after-first-frame", "--pack", "-x"]]


@pytest.mark.parametrize("words", GAME_STARTS, ids=lambda w: " ".join(w) or "(none)")
def test_a_bare_game_start_is_read_without_argparse_exactly_as_argparse_reads_it(words: list[str]) -> None:
    assert _starts_game(words) == (words != ["--exit-after-first-frame", "--pack", "-x"])
    if _starts_game(words):
        assert vars(game_arguments(words)) == vars(build_parser().parse_args(words))


def test_the_game_start_does_not_load_argparse() -> None:
    code = ("import sys\nfrom simulator.cli.main import _starts_game, game_arguments\n"
            "game_arguments(['--pack', 'a'])\nprint('shutil' in sys.modules, 'locale' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "False"], done.stderr


@pytest.mark.parametrize("words", LINES, ids=" ".join)
def test_a_command_parses_the_same_with_only_its_module(words: list[str]) -> None:
    full = vars(build_parser().parse_args(words))
    lean = vars(build_parser(words).parse_args(words))
    assert {k: v for k, v in lean.items() if k != "handler"} == {k: v for k, v in full.items() if k != "handler"}
    assert getattr(lean.get("handler"), "__module__", None) == getattr(full.get("handler"), "__module__", None)


def test_help_and_unknown_commands_still_list_every_command() -> None:
    for words in (["--help"], ["nope"]):
        done = subprocess.run([sys.executable, "main.py", *words], cwd=REPO, capture_output=True, text=True,
                              timeout=60)
        assert all(name in done.stdout + done.stderr for name in COMMANDS), words


def test_validate_does_not_import_the_other_commands_or_the_scorer() -> None:
    code = ("import sys\nfrom simulator.cli.main import main\nmain(['validate', 'scenarios/shields_up.yaml', '-q'])\n"
            "print(sorted(m for m in sys.modules if m.endswith('_cmd') or m.startswith(('scoring.scorer', "
            "'sqlalchemy', 'pygame'))))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "['simulator.cli.validate_cmd']"
