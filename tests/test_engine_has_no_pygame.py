"""The engine and the scorer are UI-free: importing them must not load pygame."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import CLI_TIMEOUT, REPO

CHECK = """\
import sys
import simulator.engine, simulator.content, scoring
loaded = sorted(m for m in sys.modules if m == 'pygame' or m.startswith('pygame.'))
assert not loaded, loaded
print('ok')
"""


def test_engine_and_scoring_import_without_pygame() -> None:
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, cwd=REPO,
                            timeout=CLI_TIMEOUT)
    assert result.returncode == 0 and result.stdout == "ok\n", result.stderr


def test_the_check_itself_can_fail() -> None:
    """Guard against a vacuous check: the same probe notices pygame when something imports it."""
    probe = CHECK.replace("import simulator.engine", "import pygame, simulator.engine")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO,
                            timeout=CLI_TIMEOUT, env={"PYGAME_HIDE_SUPPORT_PROMPT": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode != 0 and "AssertionError" in result.stderr
