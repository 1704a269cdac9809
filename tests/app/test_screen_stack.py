"""The screen stack: screens are pushed by name from the registry, have a lifecycle, hand results
back to their opener, never import each other and do no I/O in their constructors."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pygame
import pytest

from simulator.app.app import App
from simulator.app.runlog import MemoryRunLog
from simulator.app.screens.base import Screen
from simulator.app.screens.registry import SCREENS, ScreenRegistry, UnknownScreen

from .helpers import press

SCREENS_DIR = Path(__file__).resolve().parents[2] / "simulator" / "app" / "screens"
SHARED = {"base", "common", "overlay", "registry"}  # building blocks every screen may use


class Recorder(Screen):
    """A tiny screen that logs its lifecycle and answers with what it was given."""

    name = "recorder"

    def __init__(self, app: App, label: str, log: list[str]):
        super().__init__(app)
        self.label, self.log = label, log

    def on_enter(self) -> None:
        self.log.append(f"{self.label}:enter")

    def on_pause(self) -> None:
        self.log.append(f"{self.label}:pause")

    def on_resume(self) -> None:
        self.log.append(f"{self.label}:resume")

    def on_exit(self) -> None:
        self.log.append(f"{self.label}:exit")

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_RETURN:
            self.dismiss(f"answer from {self.label}")
            return
        super().handle(event)


def test_a_registered_screen_is_pushed_by_name_with_a_lifecycle_and_a_result(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    app.screens.register("recorder", Recorder)  # the one registration line
    log: list[str] = []
    results: list[Any] = []
    first = app.push("recorder", label="a", log=log)
    app.push("recorder", on_result=results.append, label="b", log=log)
    assert isinstance(app.top, Recorder) and app.top.label == "b" and app.stack[-2] is first
    press(app, pygame.K_RETURN)  # b answers and leaves
    assert app.top is first and results == ["answer from b"]
    app.replace("recorder", label="c", log=log)
    press(app, pygame.K_ESCAPE)  # Esc: back() dismisses without a result
    assert log == ["a:enter", "a:pause", "b:enter", "b:exit", "a:resume", "a:exit", "c:enter", "c:exit"]
    assert app.top.name == "title"


def test_pop_to_unwinds_to_a_screen_by_name(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    app.screens.register("recorder", Recorder)
    log: list[str] = []
    app.push("picker")
    app.push("recorder", label="x", log=log)
    app.push("recorder", label="y", log=log)
    app.pop_to("picker")
    assert app.top.name == "picker" and log == ["x:enter", "x:pause", "y:enter", "y:exit", "x:exit"]


def test_an_unknown_screen_name_says_which_exist() -> None:
    with pytest.raises(UnknownScreen, match="no screen named 'nope'; registered: already-open"):
        ScreenRegistry().factory("nope")


def test_every_registered_screen_resolves_to_a_class_of_that_name() -> None:
    registry = ScreenRegistry()
    for name in SCREENS:
        factory = registry.factory(name)
        assert issubclass(factory, Screen) and factory.name == name  # type: ignore[arg-type]


def _screen_imports(path: Path) -> set[str]:
    """Modules under simulator.app.screens that ``path`` imports (at any depth, typing blocks too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("simulator.app.screens."):
            found.add(node.module.rsplit(".", 1)[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.rsplit(".", 1)[1] for a in node.names if a.name.startswith("simulator.app.screens.")}
    return found


def test_screens_never_import_each_other() -> None:
    files = [p for p in SCREENS_DIR.glob("*.py") if p.stem != "__init__"]
    assert len(files) >= 12
    for path in files:
        others = _screen_imports(path) - SHARED - {path.stem}
        assert not others, f"{path.name} imports the screen module(s) {sorted(others)}: push them by name"


class Untouchable(MemoryRunLog):
    def __getattribute__(self, name: str) -> Any:
        raise AssertionError(f"a screen constructor used the run log ({name})")


@pytest.mark.parametrize("name, params", [("title", {}), ("picker", {}), ("leaderboard", {"scenario_id": "x"}),
                                          ("history", {}), ("settings", {}), ("player", {}), ("pause", {})])
def test_constructors_read_nothing(make_app, name: str, params: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    app.ctx.run_log = Untouchable()
    app.ctx.library = None
    app.ctx.load_content = lambda: pytest.fail("a screen constructor loaded the content")
    app.ctx.resume_file = None
    screen = app.screens.create(name, app, params)
    assert screen.name == name and screen not in app.stack


def test_the_loop_takes_input_at_once_and_waits_only_while_nothing_arrives(make_app) -> None:  # type: ignore[no-untyped-def]
    import time

    app = make_app()
    pygame.event.clear()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0, unicode="", scancode=0))
    start = time.perf_counter()
    events = app.next_events(start + 2.0)  # a frame due in 2 s: the key must not wait for it
    assert [e.type for e in events] == [pygame.KEYDOWN] and time.perf_counter() - start < 1.0
    start = time.perf_counter()
    assert app.next_events(start + 0.05) == []  # nothing arrives: back when the frame is due
    assert time.perf_counter() - start >= 0.045


def test_already_open_offers_read_only_or_quit(home: Path, video: None) -> None:
    import argparse

    from simulator.app import launch as launch_module

    for key, stays_open in ((pygame.K_RETURN, True), (pygame.K_ESCAPE, False)):
        app, ctx, title, _ = launch_module._build(argparse.Namespace(scenario=None), None, True)
        assert [s.name for s in app.stack] == ["title", "already-open"] and app.top.menu.focused.key == "read-only"
        press(app, key)
        assert app.running is stays_open
        if stays_open:  # read-only: this window neither writes settings nor offers or writes a saved game
            assert app.top is title and ctx.settings_file is None and ctx.resume_file is None
