"""The pause menu over the play screen: resume, settings, restart, quit to the list, quit the game.

Result (to the play screen's callback): "resume" (or None for Esc), "restart", "list" or "quit".
During a certification attempt (the run of the screen below has mode "certification") there is no
restart: a new attempt is started from the picker, which enforces the curriculum's cap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.app.screens.overlay import OverlayScreen
from simulator.app.translation import N_
from simulator.app.widgets.rows import ButtonRow, Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App


class PauseScreen(OverlayScreen):
    name = "pause"
    card_width = 640

    def __init__(self, app: App):
        super().__init__(app, N_("Paused"))
        self.menu.set_rows(self.rows(certification=False))

    def on_enter(self) -> None:
        below = self.app.stack[-2] if len(self.app.stack) > 1 else None
        run = getattr(below, "run", None)
        if getattr(run, "mode", "") == "certification":
            self.menu.set_rows(self.rows(certification=True))

    def rows(self, certification: bool) -> list[Row]:
        _ = self.ctx._
        rows: list[Row] = [
            TextRow(_("The clock is stopped. Your progress is saved after every choice."), role="small", color="muted"),
            ButtonRow(_("Resume"), lambda: self.dismiss("resume"), key="resume", primary=True, detail=_("Esc")),
            ButtonRow(_("Settings"), lambda: self.app.push("settings"), key="settings"),
        ]
        if not certification:
            rows.append(ButtonRow(_("Restart this scenario"), lambda: self.dismiss("restart"), key="restart"))
        rows += [
            ButtonRow(_("Quit to the scenario list"), lambda: self.dismiss("list"), key="list",
                      detail=_("This certification attempt is used up and does not count") if certification
                      else _("This attempt is recorded as unfinished")),
            ButtonRow(_("Quit the game"), lambda: self.dismiss("quit"), key="quit",
                      detail=_("You can resume next time")),
        ]
        return rows
