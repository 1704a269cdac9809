"""The debrief (v2): outcome, score with its band and rule, what to work on (only decisions where a
better option was open, each with the better option and why), principle bars that explain their
number on Enter, best-taken strengths, and every decision in one line.

Entering the screen asks the app's run service for the report and the previous best (the run was
recorded at the ending; the service records it now if not). Enter on a decision retries from just
before it; "Try again" starts the scenario over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from simulator.app.runs import Run
from simulator.app.screens.base import ListScreen
from simulator.app.viewmodels import DebriefView, debrief_view
from simulator.app.widgets.debrief_rows import ButtonBarRow, DecisionStrip, PrincipleRow, WorkOnRow
from simulator.app.widgets.rows import Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.library import LibraryEntry
    from simulator.engine.session import PlaySession

HINT = "Up/Down: move   Left/Right: pick   Enter: choose or retry   PageUp/PageDown: scroll   Esc: back"


MAX_STRENGTHS = 3  # more would push the decisions off the third screen of a 20-decision call


class DebriefScreen(ListScreen):
    name = "debrief"
    hint = HINT

    def __init__(self, app: App, session: PlaySession, entry: LibraryEntry, run: Run):
        super().__init__(app)
        self.session, self.entry, self.run = session, entry, run
        self.machine = session.owner
        self.snapshots: list[dict[str, Any]] = []
        self.view: DebriefView | None = None

    def on_enter(self) -> None:
        session = self.session
        self.snapshots = [session.snapshot(upto=k) for k in range(len(session.transcript))]
        self.report, previous = self.app.services.runs.outcome(session, self.run)
        session.close()
        self.view = debrief_view(self.report, previous)
        self.menu.set_rows(self.rows())

    def rows(self) -> list[Row]:
        v = self.view
        assert v is not None
        best = f"; your previous best {v.previous_best}" if v.previous_best is not None else ""
        rows: list[Row] = [
            TextRow(f"{v.ending_title} ({v.outcome}): {v.overall}/100, {v.band}{best}", role="h2",
                    color="good" if v.overall >= 75 else "text"),
            TextRow(f"{v.summary} {v.score_rule}.", role="small", color="muted"),
            TextRow(v.debrief, role="small"),
            ButtonBarRow([("Try again", self.try_again), ("Another scenario", self.back),
                          ("Leaderboard", self.open_leaderboard)]),
            TextRow("To work on", role="h2"),
        ]
        rows += [WorkOnRow(d, self.retry_from) for d in v.work_on]
        if not v.work_on:
            rows.append(TextRow("Nothing: you took the best option you had at every decision.", role="small",
                                color="muted"))
        rows.append(TextRow("Principles (Enter on one: why this number)", role="h2"))
        rows += [PrincipleRow(bar, self.relayout) for bar in v.bars]
        if not v.bars:
            rows.append(TextRow("No decision tested a principle.", color="muted"))
        if v.strengths:
            rows.append(TextRow("Strengths", role="h2"))
            shown = "\n".join(f'+ {n.principle}: "{n.choice_text}"' for n in v.strengths[:MAX_STRENGTHS])
            more = len(v.strengths) - MAX_STRENGTHS
            rows.append(TextRow(shown + (f"\n... and {more} more best choices" if more > 0 else ""),
                                role="small", color="good"))
        rows.append(TextRow("Every decision (Left/Right: pick one, Enter: retry from it)", role="h2"))
        rows.append(DecisionStrip(v.decisions, self.retry_from, self.relayout))
        return rows

    # --- actions -----------------------------------------------------------------------------
    def relayout(self) -> None:
        """Rows changed height (a principle opened its explanation): lay the list out again."""
        self.menu.layout(self.ctx, self.menu.rect)

    def try_again(self) -> None:
        session = self.machine.start(seed=self.ctx.next_seed())
        self.app.replace("play", session=session, entry=self.entry, run=Run(self.run.mode))

    def open_leaderboard(self) -> None:
        self.app.push("leaderboard", scenario_id=self.report.scenario_id)

    def retry_from(self, step: int) -> None:
        session = self.machine.restore(self.snapshots[step])
        self.app.replace("play", session=session, entry=self.entry, run=Run(self.run.mode))

    def back(self) -> None:
        self.app.pop_to("picker")

    def header_title(self) -> str:
        return f"Debrief: {self.view.title}" if self.view else "Debrief"
