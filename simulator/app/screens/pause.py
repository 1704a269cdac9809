"""The pause menu over the play screen: resume, settings, restart, quit to the list, quit the game."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.app.screens.overlay import OverlayScreen
from simulator.app.widgets.rows import ButtonRow, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.screens.play import PlayScreen


class PauseScreen(OverlayScreen):
    name = "pause"
    card_width = 640

    def __init__(self, app: App, play: PlayScreen):
        super().__init__(app, "Paused")
        self.play = play
        self.menu.set_rows([
            TextRow("The clock is stopped. Your progress is saved after every choice.", role="small", color="muted"),
            ButtonRow("Resume", self.app.pop, key="resume", primary=True, detail="Esc"),
            ButtonRow("Settings", self.settings, key="settings"),
            ButtonRow("Restart this scenario", self.restart, key="restart"),
            ButtonRow("Quit to the scenario list", self.quit_to_list, key="list",
                      detail="This attempt is recorded as unfinished"),
            ButtonRow("Quit the game", self.app.close, key="quit", detail="You can resume next time"),
        ])

    def settings(self) -> None:
        from simulator.app.screens.settings_screen import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def on_top(self) -> None:
        self.play.refresh()  # settings (timers, text size) may have changed

    def restart(self) -> None:
        self.app.pop()
        self.play.restart()

    def quit_to_list(self) -> None:
        from simulator.app.screens.picker import PickerScreen

        self.play.abandon()
        self.app.pop_to(PickerScreen)
