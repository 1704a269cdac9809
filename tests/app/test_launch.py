"""launch(): the first-frame flag, autoplay through the real screens, and asset fallbacks."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import pygame
import pytest

from simulator.app.assets import load_image
from simulator.app.autoplay import pick
from simulator.app.launch import launch, parse_size
from simulator.app.portrait import EXPRESSIONS, Portrait
from simulator.app.screens.history import HistoryScreen
from simulator.app.screens.leaderboard import LeaderboardScreen
from simulator.app.theme import STANDARD
from simulator.cli.main import build_parser


def test_exit_after_first_frame(home: Path, pack: Path) -> None:
    args = argparse.Namespace(exit_after_first_frame=True, scenarios_dir=str(pack))
    assert launch(args) == 0
    assert not (home / "data").exists()  # nothing heavy happened: no saves, no results


@pytest.mark.parametrize("policy", ["best", "worst", "random"])
def test_autoplay_plays_through_every_screen(home: Path, pack: Path, tmp_path: Path, policy: str) -> None:
    shots = tmp_path / "shots"
    args = build_parser().parse_args(["play", str(pack / "late_parcel.yaml"), "--autoplay", policy,
                                      "--screenshots", str(shots), "--scenarios-dir", str(pack), "--seed", "4"])
    seen: dict[str, object] = {}
    real_init = {cls: cls.__init__ for cls in (LeaderboardScreen, HistoryScreen)}

    def spy(cls):  # type: ignore[no-untyped-def]
        def init(self, *a, **k):  # type: ignore[no-untyped-def]
            real_init[cls](self, *a, **k)
            seen[cls.name] = self
        return init

    with pytest.MonkeyPatch.context() as patch:
        for cls in real_init:
            patch.setattr(cls, "__init__", spy(cls))
        assert launch(args) == 0
    names = [p.stem.split("-", 1)[1] for p in sorted(shots.glob("*.png"))]
    assert names == ["title", "settings", "player", "picker", "play", "pause", "feedback", "ending", "debrief",
                     "debrief-decisions", "leaderboard", "history"]
    for name in names:
        image = pygame.image.load(str(sorted(shots.glob(f"*-{name}.png"))[0]))
        assert image.get_size() == (1280, 720)
    # The leaderboard and progress screens showed the run just played, from a store of autoplay's own.
    board, progress = seen["leaderboard"], seen["history"]
    assert [(line.player, line.highlight) for line in board.view.lines] == [("Alex Trainee", True)]
    assert [section.scenario_id for section in progress.view.sections] == ["late-parcel"]
    assert "sqlite:///:memory:" in board.store.url
    assert not (home / "config").exists()  # autoplay leaves the user's settings alone
    assert not (home / "data").exists()  # and writes no resume file or results


def test_autoplay_policies_pick_by_net_grade(pack: Path) -> None:
    import random

    from scoring.catalog import default_catalog
    from simulator.content.loader import load_scenario
    from simulator.engine.machine import ScenarioMachine

    loaded = load_scenario(pack / "late_parcel.yaml", default_catalog().ids())
    session = ScenarioMachine(loaded.scenario).start(seed=2)
    by_number = {c.number: c.id for c in session.choices()}
    assert by_number[pick(session, "best", random.Random(0))] == "ask-details"
    assert by_number[pick(session, "worst", random.Random(0))] == "script"
    assert pick(session, "random", random.Random(5)) == pick(session, "random", random.Random(5))


def test_missing_or_broken_asset_falls_back_with_a_warning(tmp_path: Path, video: None,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "face.png").write_bytes(b"not a png")
    with caplog.at_level(logging.WARNING):
        assert load_image("missing.png", [tmp_path]) is None
        assert load_image("face.png", [tmp_path]) is None
        assert load_image("../escape.png", [tmp_path]) is None
    assert "not found" in caplog.text and "broken" in caplog.text and "refused" in caplog.text
    portrait = Portrait("Sam Ortiz", None)
    faces = [pygame.image.tobytes(portrait.surface(e, 120, STANDARD), "RGBA") for e in EXPRESSIONS]
    assert len(set(faces)) == len(EXPRESSIONS)  # five different expressions


def test_parse_size() -> None:
    assert parse_size("1600x900") == (1600, 900)
    assert parse_size(None) == (1280, 720)
    with pytest.raises(SystemExit):
        parse_size("big")


def test_a_warning_before_the_first_frame_reads_like_every_other_warning(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text("[1]")
    done = subprocess.run([sys.executable, "main.py", "--exit-after-first-frame"], cwd=REPO, capture_output=True,
                          text=True, timeout=60, env={"PATH": "/usr/bin:/bin", "FRONTLINE_HOME": str(tmp_path),
                                                      "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    assert done.returncode == 0, done.stderr
    assert "frontline: WARNING: settings file does not hold an object" in done.stderr
