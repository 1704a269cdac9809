"""Every screen by name. ``App.push("name", **params)`` builds a screen from here; screens never
import each other.

Adding a screen: write ``screens/<file>.py`` with a ``Screen`` subclass (its ``name`` is the key
below) and add one line to ``SCREENS``. Entries are "module:Class" strings, imported on the first
push, so start-up imports only the title screen. ``ScreenRegistry.register`` adds or replaces an
entry at run time (a class, a factory or such a string), e.g. for a test screen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.screens.base import Screen

ScreenFactory = Callable[..., "Screen"]

SCREENS: dict[str, str] = {
    "title": "simulator.app.screens.title:TitleScreen",
    "already-open": "simulator.app.screens.already_open:AlreadyOpenScreen",
    "player": "simulator.app.screens.player:PlayerScreen",
    "settings": "simulator.app.screens.settings_screen:SettingsScreen",
    "sound-settings": "simulator.app.screens.sound_settings:SoundSettingsScreen",
    "picker": "simulator.app.screens.picker:PickerScreen",
    "play": "simulator.app.screens.play:PlayScreen",
    "pause": "simulator.app.screens.pause:PauseScreen",
    "feedback": "simulator.app.screens.feedback:FeedbackScreen",
    "debrief": "simulator.app.screens.debrief:DebriefScreen",
    "leaderboard": "simulator.app.screens.leaderboard:LeaderboardScreen",
    "history": "simulator.app.screens.history:HistoryScreen",
    "projector": "simulator.app.screens.projector:ProjectorScreen",
    "room-projector": "simulator.app.screens.room_projector:RoomProjectorScreen",
    "room-join": "simulator.app.screens.room_join:RoomJoinScreen",
    "room-vote": "simulator.app.screens.room_vote:RoomVoteScreen",
}


class UnknownScreen(KeyError):
    def __str__(self) -> str:
        return f"no screen named {self.args[0]!r}; registered: {', '.join(self.args[1])}"


class ScreenRegistry:
    """Name -> screen factory ``factory(app, **params) -> Screen``; strings resolve on first use."""

    def __init__(self, entries: Mapping[str, str | ScreenFactory] = SCREENS):
        self._entries: dict[str, str | ScreenFactory] = dict(entries)

    def register(self, name: str, factory: str | ScreenFactory) -> None:
        self._entries[name] = factory

    def names(self) -> list[str]:
        return list(self._entries)

    def factory(self, name: str) -> ScreenFactory:
        entry = self._entries.get(name)
        if entry is None:
            raise UnknownScreen(name, sorted(self._entries))
        if isinstance(entry, str):
            module, _, attribute = entry.partition(":")
            entry = getattr(importlib.import_module(module), attribute)
            self._entries[name] = entry
        return entry

    def create(self, name: str, app: App, params: dict[str, Any]) -> Screen:
        """A new screen ``name`` built with ``params`` (data only: the constructor does no I/O)."""
        return self.factory(name)(app, **params)
