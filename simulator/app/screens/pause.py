"""The pause menu over the play screen: resume, settings, restart, quit to the list, quit the game.

Result (to the play screen's callback): "resume" (or None for Esc), "restart", "list" or "quit".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.app.screens.overlay import OverlayScreen
from simulator.app.widgets.rows import ButtonRow, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App


class PauseScreen(OverlayScreen):
    name = "pause"
    card_width = 640

    def __init__(self, app: App):
        super().__init__(app, "Paused")
        self.menu.set_rows([
            TextRow("The clock is stopped. Your progress is saved after every choice.", role="small", color="muted"),
            ButtonRow("Resume", lambda: self.dismiss("resume"), key="resume", primary=True, detail="Esc"),
            ButtonRow("Settings", lambda: self.app.push("settings"), key="settings"),
            ButtonRow("Restart this scenario", lambda: self.dismiss("restart"), key="restart"),
            ButtonRow("Quit to the scenario list", lambda: self.dismiss("list"), key="list",
                      detail="This attempt is recorded as unfinished"),
            ButtonRow("Quit the game", lambda: self.dismiss("quit"), key="quit", detail="You can resume next time"),
        ])
