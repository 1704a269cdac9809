"""Coach mode: the feedback card after each choice (principles honoured or broken, and why)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.app.screens.overlay import OverlayScreen
from simulator.app.widgets.rows import ButtonRow, Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.viewmodels import FeedbackView


class FeedbackScreen(OverlayScreen):
    name = "feedback"

    def __init__(self, app: App, view: FeedbackView):
        super().__init__(app, "Coach")
        self.view = view
        rows: list[Row] = []
        if view.timed_out:
            rows.append(TextRow("Time ran out, so this answer was given for you.", color="bad"))
        rows.append(TextRow(f'You said: "{view.choice_text}"', role="small", color="muted"))
        rows.append(TextRow(view.verdict, role="h2"))
        if view.honoured:
            rows.append(TextRow("+ Honoured: " + ", ".join(view.honoured), color="good"))
        if view.broke:
            rows.append(TextRow("- Broke: " + ", ".join(view.broke), color="bad"))
        rows.append(TextRow("Why: " + view.feedback))
        rows.append(ButtonRow("Continue", self.dismiss, key="continue", primary=True,
                              detail="Enter, Space or Esc"))
        self.menu.set_rows(rows)
