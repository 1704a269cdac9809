"""Shown when another Frontline window already uses this user folder: open read-only, or quit.

Read-only: this window neither offers nor writes the saved game in progress and never writes
settings, so two windows cannot resume (and record) the same conversation twice. Runs played here
are still recorded (each has its own id).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.app.screens.overlay import OverlayScreen
from simulator.app.translation import N_
from simulator.app.widgets.rows import ButtonRow, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App


class AlreadyOpenScreen(OverlayScreen):
    name = "already-open"
    card_width = 700

    def __init__(self, app: App, folder: str, pid: str = ""):
        super().__init__(app, N_("Frontline is already open"))
        _ = self.ctx._
        text = _("Another Frontline window (process {pid}) is using your user folder {folder}.") if pid else \
            _("Another Frontline window is using your user folder {folder}.")
        self.menu.set_rows([
            TextRow(text.format(pid=pid, folder=folder), role="small", color="muted"),
            ButtonRow(_("Open read-only"), self.dismiss, key="read-only", primary=True,
                      detail=_("Play and read results here; settings and the saved game stay with the other window")),
            ButtonRow(_("Quit"), self.app.close, key="quit", detail=_("Esc")),
        ])

    def back(self) -> None:
        self.app.close()
