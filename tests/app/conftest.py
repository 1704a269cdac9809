"""Fixtures for the game's tests: headless SDL, a private FRONTLINE_HOME, a small scenario pack."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import shutil  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from simulator.app.app import App  # noqa: E402
from simulator.app.context import AppContext  # noqa: E402
from simulator.app.runlog import MemoryRunLog  # noqa: E402
from simulator.app.settings import Profile, Settings  # noqa: E402

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "late_parcel.yaml"
BROKEN = "schema_version: 1\nid: broken-one\ntitle: Broken\n"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FRONTLINE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A scenario folder with the late-parcel fixture and one broken file."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "late_parcel.yaml")
    (folder / "zz_broken.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


@pytest.fixture
def video() -> Iterator[None]:
    pygame.display.init()
    pygame.font.init()
    yield
    pygame.display.quit()


MakeApp = Callable[..., App]


@pytest.fixture
def make_app(home: Path, pack: Path, video: None) -> MakeApp:
    """Build an app at the title screen with content loaded and an in-memory run log."""

    def build(settings: Settings | None = None, size: tuple[int, int] = (1280, 720),
              run_log: MemoryRunLog | None = None) -> App:
        settings = settings or Settings(reduced_motion=True, profile=Profile("Robin"))
        ctx = AppContext(settings, home / "config" / "settings.json", pack, [],
                         home / "data" / "saves" / "resume.json", run_log or MemoryRunLog())
        app = App(ctx, size)
        title = app.push("title")
        ctx.load_content()
        title.refresh()
        app.frame([], 0.0)
        return app

    return build


@pytest.fixture(autouse=True)
def english_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """The language setting defaults to the system's (issue #17): tests see an English system, so
    they read the same words on any developer's machine (tests/app/test_ui_language.py sets others)."""
    monkeypatch.setenv("LANGUAGE", "en")
