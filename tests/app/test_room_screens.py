"""Issue 15, game side: one room-mode call through the game screens (the facilitator's projector
and a player's "Join the room"), three more voters through the room API, on one shared results
store; a tie the facilitator breaks; a vote that survives the player's game restarting; and the
projector pages from ``facilitate --screenshots``. Screenshots at 1280x720 and 1920x1080 and at the
largest text size are saved and checked; every projector page is checked to fit its body."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pygame
import pytest

from simulator.app.app import App
from simulator.app.context import AppContext
from simulator.app.runlog import SafeRunLog, StoreRunLog
from simulator.app.settings import Profile, Settings
from simulator.results import room as rooms
from simulator.results.store import open_store

from .conftest import FIXTURE
from .helpers import press

ROOT = Path(__file__).resolve().parents[2]
OTHERS = ("Ann", "Bo", "Di")
CASES = [((1280, 720), "medium"), ((1920, 1080), "medium"), ((1280, 720), "largest")]


def _app(store: Any, home: Path, pack: Path, size: tuple[int, int], text_size: str, profile: Profile) -> App:
    """A game on ``store`` drawing into its own off-screen surface (two games share one process)."""
    ctx = AppContext(Settings(reduced_motion=True, text_size=text_size, profile=profile), None, pack, [],
                     None, SafeRunLog(StoreRunLog(store)))
    app = App(ctx, size)
    app.surface = pygame.Surface(size)
    app.push("title")
    ctx.load_content()
    app.top.refresh()  # type: ignore[union-attr]
    app.frame([], 0.0)
    return app


def _fits(screen: Any) -> None:
    """Every row of every page lies inside the page body: nothing is cut off."""
    for page in screen.pages:
        for row, offset in page.rows:
            assert offset + row.height <= screen.body.height, f"{page.slug}: a row runs off the page"
    assert screen.body.bottom <= screen.size[1]


class Shots:
    def __init__(self, folder: Path):
        self.folder, self.saved = folder, []  # type: ignore[var-annotated]

    def __call__(self, app: App, name: str) -> None:
        path = self.folder / f"{len(self.saved):02d}-{name}.png"
        pygame.image.save(app.surface, str(path))
        self.saved.append(path)


def _vote_others(store: Any, room_id: str, choices: tuple[int, ...]) -> None:
    decision = rooms.current(store, room_id)
    for name, number in zip(OTHERS, choices, strict=True):
        rooms.vote(store, room_id, name, decision.decision_no, decision.options[number - 1].id)


@pytest.mark.parametrize("size, text_size", CASES)
def test_a_room_call_through_the_game_screens(tmp_path: Path, home: Path, pack: Path, video: None,
                                              size: tuple[int, int], text_size: str) -> None:
    from scoring.catalog import default_catalog
    from simulator.content.loader import load_scenario

    shots = Shots(tmp_path / "shots")
    shots.folder.mkdir()
    loaded = load_scenario(FIXTURE, default_catalog().ids())
    with open_store(f"sqlite:///{tmp_path / 'room.db'}") as store:
        host = _app(store, home, pack, size, text_size, Profile("Fran"))
        projector = host.push("room-projector", workshop="TUE-AM", loaded=loaded, seed=0)
        host.frame([], 0.0)
        assert projector.phase == "voting" and projector.tally.voters == 0
        room_id = projector.room.room_id
        for name in OTHERS:
            rooms.join(store, " tue-am", name)

        player = _app(store, home, pack, size, text_size, Profile("Robin", "Red", "Tue-AM"))
        player.top.menu.focus_key("room")  # type: ignore[union-attr]
        press(player, pygame.K_RETURN)  # "Join the room" on the title
        assert player.top.name == "room-join" and player.top.code_row.value == "Tue-AM"
        press(player, pygame.K_RETURN)  # the code field's Enter joins
        vote_screen = player.top
        assert vote_screen.name == "room-vote" and vote_screen.decision.decision_no == 0
        press(player, pygame.K_2)
        press(player, pygame.K_1)  # changed before the vote closed
        first = rooms.current(store, room_id).options[0].id
        assert rooms.my_vote(store, room_id, "Robin", 0) == first and vote_screen.mine == first
        shots(player, "player-voted")

        restarted = _app(store, home, pack, size, text_size, Profile("Robin", "Red", "Tue-AM"))
        restarted.top.menu.focus_key("room")  # type: ignore[union-attr]
        press(restarted, pygame.K_RETURN, pygame.K_RETURN)
        assert restarted.top.name == "room-vote" and restarted.top.mine == first  # the vote survived

        _vote_others(store, room_id, (1, 1, 2))
        host.frame([], 1.0)  # the projector polls the count
        assert projector.tally.voters == 4 and projector.tally.members == 4
        _fits(projector)
        shots(host, "projector-voting")
        press(host, pygame.K_RETURN)  # close the vote: 3 of 4 for option 1
        assert projector.phase == "played" and projector.move.choice_id == first and not projector.move.tie_broken
        _fits(projector)
        shots(host, "projector-played")
        player.frame([], 1.0)
        assert vote_screen.decision.decision_no == 1 and "The room played 1" in vote_screen.played
        shots(player, "player-next-decision")
        press(host, pygame.K_RETURN)  # on to decision 2

        tie_seen = False
        while projector.phase != "debrief":
            assert projector.phase == "voting"
            press(player, pygame.K_2)
            _vote_others(store, room_id, (1, 1, 2) if tie_seen else (1, 2, 1))  # the first time: 2 against 2
            press(host, pygame.K_RETURN)
            if projector.phase == "tie":
                tie_seen = True
                _fits(projector)
                shots(host, "projector-tie")
                press(host, pygame.K_2)
                assert projector.move.tie_broken
            assert projector.phase == "played"
            press(host, pygame.K_RETURN)
        assert tie_seen
        _fits(projector)
        shots(host, "projector-debrief")
        result = rooms.current(store, room_id).result
        assert result is not None and result["best"]["overall"] >= result["room"]["overall"]
        player.frame([], 1.0)
        assert vote_screen.decision.finished and vote_screen.shot_name == "room-vote-end"
        shots(player, "player-end")
    for path in shots.saved:
        assert pygame.image.load(str(path)).get_size() == size


def _step(index: int, node: str, choice: str) -> dict[str, object]:
    return {"index": index, "node_id": node, "choice_id": choice, "next_node": "x", "available": [choice],
            "timed_out": False, "seconds": 1.0, "before": {}, "after": {}}


@pytest.mark.parametrize("size, text_size", CASES)
def test_facilitate_saves_every_projector_page(tmp_path: Path, size: tuple[int, int], text_size: str) -> None:
    from tests.results.helpers import make_record

    db = f"sqlite:///{tmp_path / 'w.db'}"
    with open_store(db) as store:
        for minute, (player, team, first) in enumerate((("Ann", "Red", "ask-details"), ("Bo", "blue", "script"),
                                                        ("Cy", "RED", "blame-courier"), ("Di", "Blue", "script"))):
            record = make_record(player, team, "TUE-AM", 40 + 10 * minute, minutes=minute)
            store.save_run(replace(record, transcript=(_step(0, "opening", first),
                                                       _step(1, "checking", "tell-truth"))))
    out = tmp_path / "pages"
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "FRONTLINE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "facilitate", "--workshop", "tue-am", "--db", db,
                           "--scenarios", str(FIXTURE.parent), "--screenshots", str(out), "--exit-after-first-frame",
                           "--size", f"{size[0]}x{size[1]}", "--text-size", text_size],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    pages = sorted(p.name for p in out.glob("*.png"))
    assert any("teams" in p for p in pages) and any("players" in p for p in pages)
    assert any("principles" in p for p in pages) and any("split-1" in p for p in pages)
    for name in pages:
        assert pygame.image.load(str(out / name)).get_size() == size
