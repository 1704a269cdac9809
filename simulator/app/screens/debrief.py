"""The debrief: outcome, score and grade, principle bars beside the previous best, strengths and
weaknesses with their feedback, and every decision annotated with the better option.

Building the screen scores the run, reads the previous best (before saving), then saves the run.
Enter on a decision retries from just before it; "Try again" starts the scenario over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from simulator.app.runs import Run, record_run, score
from simulator.app.screens.base import ListScreen
from simulator.app.viewmodels import BarView, DebriefView, DecisionView, debrief_view
from simulator.app.widgets.draw import focus_ring, hatch, panel
from simulator.app.widgets.rows import PAD, ButtonRow, Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.library import LibraryEntry
    from simulator.engine.session import PlaySession

HINT = "Up/Down: move   Enter: choose, or retry from a decision   PageUp/PageDown: scroll   Esc: back"
BAR = 14


class BarsRow(Row):
    """Per-principle bars: this run (striped) and the previous best (outlined), with numbers."""

    def __init__(self, bars: tuple[BarView, ...]):
        self.bars = bars
        self.labels: list[pygame.Surface] = []

    def layout(self, ctx: Any, width: int) -> int:
        self.labels = []
        for bar in self.bars:
            best = f"best before: {bar.previous_best}" if bar.previous_best is not None else "no earlier run"
            text = f"{bar.name}: {bar.score}/100 ({bar.earned} of {bar.possible} points; {best})"
            self.labels.append(ctx.text.render(text, "small", ctx.theme.text, width))
        return sum(label.get_height() + 2 * BAR + 14 for label in self.labels)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: Any, focused: bool) -> None:
        theme, y = ctx.theme, rect.top
        for bar, label in zip(self.bars, self.labels, strict=True):
            surface.blit(label, (rect.left, y))
            y += label.get_height() + 3
            now = pygame.Rect(rect.left, y, rect.width, BAR)
            pygame.draw.rect(surface, theme.meter_bg, now)
            fill = pygame.Rect(now.left, now.top, now.width * bar.score // 100, BAR)
            pygame.draw.rect(surface, theme.meter_fill, fill)
            hatch(surface, fill, theme.panel, 9)
            pygame.draw.rect(surface, theme.text, now, 1)
            y += BAR + 2
            if bar.previous_best is not None:
                best = pygame.Rect(rect.left, y, rect.width * bar.previous_best // 100, BAR - 4)
                pygame.draw.rect(surface, theme.best_marker, best, 2)
            y += BAR + 9


class DecisionRow(Row):
    """One decision: the moment, what was said, how it scored and the better option."""

    focusable = True

    def __init__(self, screen: DebriefScreen, view: DecisionView):
        self.screen, self.view, self.key = screen, view, f"decision-{view.step}"
        self.surfaces: list[pygame.Surface] = []

    def layout(self, ctx: Any, width: int) -> int:
        theme, v, inner = ctx.theme, self.view, width - 2 * PAD
        mark = "BEST CHOICE" if v.was_best else "COULD BE BETTER"
        lines = [(f"Decision {v.step + 1}: {mark} ({v.points})", "body", theme.good if v.was_best else theme.bad),
                 (f'Customer: "{v.prompt}"', "small", theme.muted),
                 (("You let the time run out: " if v.timed_out else "You said: ") + f'"{v.choice_text}"', "body",
                  theme.text),
                 ("Why: " + v.feedback, "small", theme.text)]
        lines += [("  " + note, "small", theme.muted) for note in v.principle_notes]
        if v.better_text:
            lines.append((f'Better: "{v.better_text}"', "body", theme.good))
            lines.append(("Why: " + (v.better_feedback or ""), "small", theme.text))
        lines.append(("Enter: retry from this decision", "small", theme.muted))
        self.surfaces = [ctx.text.render(text, role, color, inner) for text, role, color in lines]
        return sum(s.get_height() + 5 for s in self.surfaces) + 2 * PAD

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: Any, focused: bool) -> None:
        panel(surface, rect, ctx.theme.panel, ctx.theme.focus if focused else ctx.theme.panel_border, 2)
        if focused:
            focus_ring(surface, rect, ctx.theme.focus, ctx.theme.focus_width)
        y = rect.top + PAD
        for text in self.surfaces:
            surface.blit(text, (rect.left + PAD, y))
            y += text.get_height() + 5

    def activate(self) -> None:
        self.screen.retry_from(self.view.step)


class DebriefScreen(ListScreen):
    name = "debrief"
    hint = HINT

    def __init__(self, app: App, session: PlaySession, entry: LibraryEntry, run: Run):
        super().__init__(app)
        self.entry, self.run = entry, run
        self.machine = session.owner
        self.snapshots = [session.snapshot(upto=k) for k in range(len(session.transcript))]
        self.report = score(self.ctx, session)
        previous = self.ctx.run_log.best_run(self.ctx.settings.profile.name, self.report.scenario_id)
        record_run(self.ctx, session, run, self.report)
        session.close()
        self.view: DebriefView = debrief_view(self.report, previous)
        self.menu.set_rows(self.rows())

    def rows(self) -> list[Row]:
        v = self.view
        best = f"   (your previous best: {v.previous_best})" if v.previous_best is not None else ""
        rows: list[Row] = [
            TextRow(f"{v.ending_title}  ({v.outcome})", role="h1"),
            TextRow(f"Score: {v.overall}/100, {v.grade}{best}", role="h2",
                    color="good" if v.overall >= 75 else "text"),
            TextRow(v.debrief),
            ButtonRow("Try again", self.try_again, key="again", primary=True, detail="Play the whole scenario again"),
            ButtonRow("Choose another scenario", self.back, key="list"),
            ButtonRow("See the leaderboard for this scenario", self.open_leaderboard, key="leaderboard"),
            TextRow("Principles: this run (striped bar) and your previous best (outlined bar)", role="h2"),
            TextRow("Each decision that tested a principle counts: points earned out of the points possible "
                    "between the worst and the best option you had.", role="small", color="muted"),
            BarsRow(v.bars) if v.bars else TextRow("No decision tested a principle.", color="muted"),
            TextRow("Strengths", role="h2"),
        ]
        rows += [TextRow(f"+ {n.principle}: \"{n.choice_text}\" {n.feedback}", color="good") for n in v.strengths]
        if not v.strengths:
            rows.append(TextRow("None this time.", color="muted"))
        rows.append(TextRow("To work on", role="h2"))
        rows += [TextRow(f"- {n.principle}: \"{n.choice_text}\" {n.feedback}", color="bad") for n in v.weaknesses]
        if not v.weaknesses:
            rows.append(TextRow("Nothing: every graded choice was the best available.", color="muted"))
        rows.append(TextRow("Every decision", role="h2"))
        rows += [DecisionRow(self, d) for d in v.decisions]
        return rows

    # --- actions -----------------------------------------------------------------------------
    def try_again(self) -> None:
        from simulator.app.screens.play import PlayScreen

        session = self.machine.start(seed=self.ctx.next_seed())
        self.app.replace(PlayScreen(self.app, session, self.entry, Run(self.run.mode)))

    def open_leaderboard(self) -> None:
        from simulator.app.screens.leaderboard import LeaderboardScreen

        self.app.push(LeaderboardScreen(self.app, self.report.scenario_id))

    def retry_from(self, step: int) -> None:
        from simulator.app.screens.play import PlayScreen

        session = self.machine.restore(self.snapshots[step])
        self.app.replace(PlayScreen(self.app, session, self.entry, Run(self.run.mode)))

    def back(self) -> None:
        from simulator.app.screens.picker import PickerScreen

        self.app.pop_to(PickerScreen)

    def header_title(self) -> str:
        return f"Debrief: {self.view.title}"
