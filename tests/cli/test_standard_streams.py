"""Standard streams the shell closed or cannot write never end a command in a traceback.

'<&-' and '>&-' start Python with ``sys.stdin``/``sys.stdout`` set to None; '>/dev/full' makes every
write to standard output fail with ENOSPC. Each command then says what failed (or reads a closed input
as ended, as /dev/null) and exits with its usual code for that situation.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CLI_TIMEOUT, LATE_PARCEL, REPO


def run_with_streams(*args: str, close: tuple[int, ...] = (), stdout_path: str | None = None
                     ) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` with the file descriptors in ``close`` closed in the child, and standard
    output sent to ``stdout_path`` (else captured)."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1",
           "FRONTLINE_HOME": os.environ["FRONTLINE_HOME"], "FRONTLINE_PLAYER": "tester",
           "FRONTLINE_NO_ANSWER_CACHE": "1", "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}

    def close_in_child() -> None:
        for fd in close:
            os.close(fd)

    stdout = open(stdout_path, "w") if stdout_path else subprocess.PIPE  # noqa: SIM115 - closed below
    try:
        return subprocess.run([sys.executable, str(REPO / "main.py"), *args], stdout=stdout,
                              stderr=subprocess.PIPE, stdin=None if 0 in close else subprocess.DEVNULL,
                              text=True, cwd=REPO, env=env, timeout=CLI_TIMEOUT, preexec_fn=close_in_child)
    finally:
        if stdout_path:
            stdout.close()  # type: ignore[union-attr]


@pytest.mark.parametrize("args", [
    ["play", "--text", str(LATE_PARCEL)],
    ["play", "--json", str(LATE_PARCEL)],
])
def test_a_closed_standard_input_reads_as_ended(args: list[str]) -> None:
    """'play --text x.yaml <&-' is the same as '< /dev/null': the call is left unfinished (exit 2)."""
    closed = run_with_streams(*args, close=(0,))
    assert "Traceback" not in closed.stderr, closed.stderr
    assert closed.returncode == 2, closed.stderr
    assert closed.returncode == run_with_streams(*args).returncode


@pytest.mark.parametrize("args", [["match", "--batch", "-", str(LATE_PARCEL)], ["results", "import", "-"]])
def test_reading_a_closed_standard_input_finds_nothing(args: list[str]) -> None:
    closed = run_with_streams(*args, close=(0,))
    assert "Traceback" not in closed.stderr, closed.stderr
    assert closed.returncode == 0, closed.stderr


@pytest.mark.parametrize("args", [["schema"], ["graph", str(LATE_PARCEL)], ["play", "--text", str(LATE_PARCEL)],
                                  ["results", "export"], ["i18n", "export", "--lang", "es", str(LATE_PARCEL)]])
def test_a_closed_standard_output_writes_nothing(args: list[str]) -> None:
    result = run_with_streams(*args, close=(1,))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == run_with_streams(*args).returncode


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("args", [["schema"], ["validate", str(LATE_PARCEL)],
                                  ["explore", "--runs", "3", str(LATE_PARCEL)]])
def test_a_full_disk_behind_standard_output_is_said(args: list[str]) -> None:
    result = run_with_streams(*args, stdout_path="/dev/full")
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    assert result.returncode == 1
    assert f"{args[0]}: cannot go on: standard output: No space left on device" in result.stderr
    assert "fix: free some space" in result.stderr
