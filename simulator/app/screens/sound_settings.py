"""Settings, "Answering, sound and voice" page (issue #16): answering in your own words, the
customer's voice, its volume and speed, self-voicing and reduced sound. Opening the page checks
for a speech engine once (waiting at most a second, at the screen change, never in a frame);
without one the page says so and the game plays silently with captions. Saved on change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.app.screens.base import ListScreen
from simulator.app.translation import N_
from simulator.app.widgets.rows import ButtonRow
from simulator.app.widgets.sound_rows import sound_rows

if TYPE_CHECKING:
    from simulator.app.app import App

HINT = N_("Up/Down: move   Left/Right or Enter: change   V: read aloud (self-voicing)   Esc: back")


class SoundSettingsScreen(ListScreen):
    name = "sound-settings"
    title = N_("Settings: answering, sound and voice")
    hint = HINT
    body_width = 900
    body_gap = (16, 8)

    def __init__(self, app: App):
        super().__init__(app)
        self.voice_problem: str | None = None

    def on_enter(self) -> None:
        self.voice_problem = self.app.services.speech.problem(wait=1.0)
        self.build()

    def build(self, focus: str | None = None) -> None:
        rows = sound_rows(self.ctx.settings, self.change, self.voice_problem, self.ctx._)
        self.menu.set_rows([*rows, ButtonRow(N_("Back"), self.dismiss, key="back")], focus_key=focus)

    def change(self, **changes: object) -> None:
        focus = self.menu.focused.key if self.menu.focused else None
        self.ctx.update_settings(**changes)
        self.build(focus)
        self.app.relayout()
