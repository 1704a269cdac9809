"""Autoplay: plays one scenario through the real screens with synthetic key events, saving a PNG of
each screen it passes (title, settings, player, picker, play, pause, feedback, ending, debrief and
its decisions), then goes back to the title and opens the leaderboard and "My progress", which
show the run just played (launch gives autoplay an in-memory results store, never the user's).

Contract: ``Autopilot(...)`` is installed as ``App.observer``; after each drawn frame, when the
event queue is empty and the screen is not busy, it saves a screenshot of a screen it has not
shot yet and posts the key events for the next step. Policies: "best"/"worst" take the available
option with the highest/lowest net grade (first in display order on ties); "random" is seeded.
``exit_code`` is 0 once every screen up to "My progress" has been reached and shot.
"""

from __future__ import annotations

import logging
import random
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.widgets.scrolllist import ScrollList
    from simulator.engine.session import PlaySession

log = logging.getLogger(__name__)
POLICIES = ("best", "worst", "random")
MAX_FRAMES = 20000
TOUR = ("leaderboard", "history")  # title menu rows opened after the debrief, in this order


def pick(session: PlaySession, policy: str, rng: random.Random) -> int:
    """The display number of the option this policy takes now."""
    node = session.node
    options = [c for c in session.choices() if c.available]
    if policy == "random":
        return rng.choice(options).number
    nets = {c.number: sum(node.choice(c.id).grades.values()) for c in options}
    chooser = max if policy == "best" else min
    return chooser(options, key=lambda c: nets[c.number]).number


def key(k: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


class Autopilot:
    def __init__(self, app: App, policy: str, shots: Path | None, scenario_id: str, seed: int = 0,
                 name: str = "Alex Trainee"):
        self.app, self.policy, self.shots, self.scenario_id = app, policy, shots, scenario_id
        self.rng = random.Random(seed)
        self.name = name
        self.seen: list[str] = []
        self.frames = 0
        self.visited_settings = False
        self.paused = False
        self.debrief_steps = 0
        self.played = False  # the debrief has been shot: now back to the title for the tour
        self.toured: list[str] = []
        self.exit_code = 1
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)

    def shoot(self, name: str) -> None:
        self.seen.append(name)
        if self.shots is not None:
            path = self.shots / f"{len(self.seen):02d}-{name}.png"
            pygame.image.save(self.app.surface, str(path))
            log.info("saved %s", path)

    def post(self, *events: pygame.event.Event) -> None:
        for event in events:
            pygame.event.post(event)

    def navigate(self, menu: ScrollList, target: str) -> None:
        """Arrow keys from the focused row to the row keyed ``target``, then Enter."""
        focusable = [i for i, r in enumerate(menu.rows) if r.focusable]
        index = next(i for i in focusable if menu.rows[i].key == target)
        here = focusable.index(menu.focus) if menu.focus in focusable else 0
        steps = focusable.index(index) - here
        self.post(*[key(pygame.K_DOWN if steps > 0 else pygame.K_UP)] * abs(steps), key(pygame.K_RETURN))

    def __call__(self, app: App) -> None:
        self.frames += 1
        if self.frames > MAX_FRAMES:
            log.error("autoplay gave up after %d frames on screen %s", self.frames, app.top and app.top.name)
            app.running = False
            return
        top = app.top
        if top is None or pygame.event.peek() or top.busy:
            return
        name = top.shot_name
        if name not in self.seen:
            self.shoot(name)
        getattr(self, f"on_{top.name}", self.on_other)(top)

    # --- one handler per screen ----------------------------------------------------------------
    def on_title(self, screen) -> None:  # type: ignore[no-untyped-def]
        if not self.visited_settings:
            self.visited_settings = True
            self.navigate(screen.menu, "settings")
        elif not self.played:
            self.navigate(screen.menu, "play")
        elif len(self.toured) < len(TOUR):
            target = TOUR[len(self.toured)]
            self.toured.append(target)
            self.navigate(screen.menu, target)
        else:
            self.exit_code = 0
            self.app.running = False

    def on_settings(self, screen) -> None:  # type: ignore[no-untyped-def]
        self.post(key(pygame.K_ESCAPE))

    def on_player(self, screen) -> None:  # type: ignore[no-untyped-def]
        if not screen.name_row.value:
            self.post(pygame.event.Event(pygame.TEXTINPUT, text=self.name))
        self.navigate(screen.menu, "continue")

    def on_picker(self, screen) -> None:  # type: ignore[no-untyped-def]
        if self.played:
            self.post(key(pygame.K_ESCAPE))  # back to the title for the tour
            return
        if not screen.focus_scenario(self.scenario_id):
            log.error("autoplay: scenario %s is not in the picker", self.scenario_id)
            self.app.running = False
            return
        self.post(key(pygame.K_RETURN))

    def on_play(self, screen) -> None:  # type: ignore[no-untyped-def]
        if not self.paused:
            self.paused = True
            self.post(key(pygame.K_ESCAPE))
        elif screen.session.finished:
            self.post(key(pygame.K_RETURN))
        else:
            self.post(key(pygame.K_0 + pick(screen.session, self.policy, self.rng)))

    def on_pause(self, screen) -> None:  # type: ignore[no-untyped-def]
        self.post(key(pygame.K_ESCAPE))

    def on_feedback(self, screen) -> None:  # type: ignore[no-untyped-def]
        self.post(key(pygame.K_RETURN))

    def on_debrief(self, screen) -> None:  # type: ignore[no-untyped-def]
        self.debrief_steps += 1
        if self.debrief_steps == 1:
            screen.menu.focus_key("decisions")  # the strip of every decision (debrief v2), the last row
            screen.menu.scroll = screen.menu.max_scroll  # the end: the strip under its heading
            return
        if self.debrief_steps == 2:
            self.shoot("debrief-decisions")
        self.played = True
        self.post(key(pygame.K_ESCAPE))  # to the picker, then the title

    def on_other(self, screen) -> None:  # type: ignore[no-untyped-def]
        self.post(key(pygame.K_ESCAPE))
