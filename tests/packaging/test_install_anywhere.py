"""Issue #11: shipped content through importlib.resources, fonts, no display, one game per folder.

The full wheel check (build, fresh venv outside the checkout, list and play) is ``.ci/wheel-check``,
run by ``.ci/run`` after the tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from simulator import paths
from simulator.app.launch import NO_DISPLAY_EXIT, display_problem, driver_problem

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_content_is_read_as_package_data() -> None:
    assert paths.shipped_scenarios_dir() == Path(str(resources.files("scenarios")))
    assert (paths.shipped_scenarios_dir() / "curriculum.yaml").is_file()
    fonts = paths.assets_dir() / "fonts"
    assert {"NotoSans-Regular.ttf", "OFL.txt", "LICENSE-Apache-2.0.txt"} <= {p.name for p in fonts.iterdir()}
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"scenarios", "assets"' in pyproject  # both data packages go into the wheel


def test_user_scenarios_live_in_the_user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.cli.main import main

    monkeypatch.setenv("FRONTLINE_HOME", str(tmp_path))
    assert main(["new", "my-call"]) == 0
    written = tmp_path / "data" / "scenarios" / "my_call.yaml"
    link = written.read_text(encoding="utf-8").splitlines()[0].split("$schema=")[1]
    assert (written.parent / link).resolve().is_file()  # the editor's schema link points at a file
    assert paths.find_scenario("my-call") == written


@pytest.mark.parametrize(("env", "platform", "bad"), [
    ({}, "linux", True), ({"DISPLAY": ":0"}, "linux", False), ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"SDL_VIDEODRIVER": "dummy"}, "linux", False), ({}, "win32", False), ({}, "darwin", False)])
def test_display_problem(env: dict[str, str], platform: str, bad: bool) -> None:
    assert (display_problem(env, platform) is not None) is bad


def test_driver_fallback_is_refused_unless_asked_for() -> None:
    assert "offscreen" in driver_problem("offscreen", {})
    assert driver_problem("dummy", {"SDL_VIDEODRIVER": "dummy"}) is None
    assert driver_problem("x11", {}) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is an X11/Wayland matter")
def test_no_display_exits_at_once_with_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env["FRONTLINE_HOME"] = str(tmp_path)
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, capture_output=True, text=True,
                          timeout=30, cwd=tmp_path)
    assert done.returncode == NO_DISPLAY_EXIT
    assert time.monotonic() - started < 10  # well under a second on an idle machine; CI is shared
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "DISPLAY" in lines[0] and "play --text" in lines[0]


def test_one_game_per_user_folder(tmp_path: Path) -> None:
    from simulator.app import instance

    first = instance.acquire(tmp_path)
    assert first is not None
    code = ("import sys; from pathlib import Path; from simulator.app import instance; "
            "sys.exit(0 if instance.acquire(Path(sys.argv[1])) is None else 1)")
    assert subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT).returncode == 0
    assert instance.holder(tmp_path) == str(os.getpid())
    first.release()
    assert subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT).returncode == 1


def test_names_in_any_script_are_drawn_with_a_font_that_has_them(video: None) -> None:
    import pygame

    from simulator.app.fonts import FALLBACK_FILES, FontSet, coverage
    from simulator.app.text import TextCache

    fonts = FontSet(20)
    assert fonts.shipped
    for name in ("Ольга", "王小明", "さくら", "김민준", "سارة", "Sam 😀"):
        for index, part in fonts.runs(name):
            file = "NotoSans-Regular.ttf" if index == -1 else FALLBACK_FILES[index][0]
            assert all(c.isspace() or coverage(file).has(c) for c in part), (name, file)
    wrapped = TextCache(30).render("王小明 " * 40 + "😀", "body", (0, 0, 0), 300)
    assert wrapped.get_width() <= 300 and wrapped.get_height() > 3 * TextCache(30).line_height()
    assert isinstance(wrapped, pygame.Surface)
