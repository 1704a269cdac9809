"""Coach mode: the feedback card after each choice (principles honoured or broken, and why)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.app.screens.overlay import OverlayScreen
from simulator.app.translation import N_
from simulator.app.widgets.rows import ButtonRow, Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.viewmodels import FeedbackView


class FeedbackScreen(OverlayScreen):
    name = "feedback"

    def __init__(self, app: App, view: FeedbackView):
        super().__init__(app, N_("Coach"))
        self.view = view
        _ = self.ctx._
        rows: list[Row] = []
        if view.timed_out:
            rows.append(TextRow(_("Time ran out, so this answer was given for you."), color="bad"))
        rows.append(TextRow(_('You said: "{text}"').format(text=view.choice_text), role="small", color="muted"))
        rows.append(TextRow(view.verdict, role="h2"))
        if view.honoured:
            rows.append(TextRow(_("+ Honoured: {principles}").format(principles=", ".join(view.honoured)),
                                color="good"))
        if view.broke:
            rows.append(TextRow(_("- Broke: {principles}").format(principles=", ".join(view.broke)), color="bad"))
        rows.append(TextRow(_("Why: {feedback}").format(feedback=view.feedback)))
        rows.append(ButtonRow(_("Continue"), self.dismiss, key="continue", primary=True,
                              detail=_("Enter, Space or Esc")))
        self.menu.set_rows(rows)
