"""Shown when another Frontline window already uses this user folder: open read-only, or quit.

Read-only: this window neither offers nor writes the saved game in progress and never writes
settings, so two windows cannot resume (and record) the same conversation twice. Runs played here
are still recorded (each has its own id).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.app.screens.overlay import OverlayScreen
from simulator.app.widgets.rows import ButtonRow, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App


class AlreadyOpenScreen(OverlayScreen):
    name = "already-open"
    card_width = 700

    def __init__(self, app: App, folder: str, pid: str = ""):
        super().__init__(app, "Frontline is already open")
        who = f" (process {pid})" if pid else ""
        self.menu.set_rows([
            TextRow(f"Another Frontline window{who} is using your user folder {folder}.", role="small",
                    color="muted"),
            ButtonRow("Open read-only", self.dismiss, key="read-only", primary=True,
                      detail="Play and read results here; settings and the saved game stay with the other window"),
            ButtonRow("Quit", self.app.close, key="quit", detail="Esc"),
        ])

    def back(self) -> None:
        self.app.close()
