"""My progress: the player's runs over time, one panel per scenario (picker order).

Each panel shows the summary, a bar chart of the overall score of each finished attempt (numbers
on the bars, a line through their tops for the trend), per principle the latest score (striped
bar) beside the best (outlined bar), and the latest attempts. Up/Down/Tab move between scenarios,
PageUp/PageDown/Home/End and the wheel scroll, Esc goes back. The history is read when the screen
opens or comes back on top, never while drawing. Above the panels: the learner's readiness and a
button that writes their one-page certificate (HTML, printable) into the user data folder, with a
line saying where (the app's progress service writes it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from simulator.app.history_views import HistoryView, ScenarioProgress, build_history
from simulator.app.leaderboard_views import principle_names, scenario_options
from simulator.app.runlog import results_store
from simulator.app.screens.base import ListScreen
from simulator.app.translation import N_
from simulator.app.widgets.draw import fit, focus_ring, hatch, panel
from simulator.app.widgets.rows import PAD, ButtonRow, Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.context import AppContext

HINT = N_("Up/Down or Tab: next scenario   PageUp/PageDown: scroll   Esc: back")
BAR = 12
MAX_BAR_WIDTH = 56


class ChartLayout:
    """Geometry of one bar chart, relative to the chart's top-left (computed in ``layout``)."""

    def __init__(self, ctx: AppContext, section: ScenarioProgress, width: int):
        text, theme = ctx.text, ctx.theme
        self.height = text.line_height("body") * 7
        self.axis = text.size("100", "small")[0] + 10
        self.label_h = text.line_height("small")
        count = max(1, len(section.points))
        slot = min(MAX_BAR_WIDTH + 12, (width - self.axis) // count)
        self.bars: list[tuple[pygame.Rect, pygame.Surface, pygame.Surface | None]] = []
        plot_top, plot_h = self.label_h + 4, self.height - 2 * self.label_h - 8
        self.plot = pygame.Rect(self.axis, plot_top, width - self.axis, plot_h)
        show_numbers = slot >= text.size("100", "small")[0] + 4
        for index, point in enumerate(section.points):
            bar_h = max(2, plot_h * point.score // 100)
            rect = pygame.Rect(self.axis + index * slot + 4, plot_top + plot_h - bar_h, max(4, slot - 8), bar_h)
            label = text.render(f"#{point.attempt}", "small", theme.muted) if show_numbers or index % 5 == 0 else None
            self.bars.append((rect, text.render(str(point.score), "small", theme.text) if show_numbers
                              else text.render("", "small", theme.text), label))
        self.ticks = [(value, text.render(str(value), "small", theme.muted)) for value in (0, 50, 100)]

    def draw(self, surface: pygame.Surface, origin: tuple[int, int], ctx: AppContext) -> None:
        theme, (x0, y0) = ctx.theme, origin
        plot = self.plot.move(x0, y0)
        for value, label in self.ticks:
            y = plot.bottom - plot.height * value // 100
            pygame.draw.line(surface, theme.panel_border, (plot.left, y), (plot.right, y), 1)
            surface.blit(label, (x0, y - label.get_height() // 2))
        bars = [rect.move(x0, y0) for rect, _, _ in self.bars]
        for index, bar in enumerate(bars):
            pygame.draw.rect(surface, theme.meter_fill, bar)
            if index == len(bars) - 1:
                hatch(surface, bar, theme.panel, 8)  # the latest attempt is striped
            pygame.draw.rect(surface, theme.text, bar, 1)
        if len(bars) > 1:  # the trend, under the numbers
            pygame.draw.lines(surface, theme.text, False, [bar.midtop for bar in bars], 2)
        for bar, (_, number, attempt) in zip(bars, self.bars, strict=True):
            surface.blit(number, number.get_rect(midbottom=(bar.centerx, bar.top - 3)))
            if attempt is not None:
                surface.blit(attempt, attempt.get_rect(midtop=(bar.centerx, plot.bottom + 4)))


class SectionRow(Row):
    """One scenario's progress; focusable so Up/Down jump between scenarios."""

    focusable = True

    def __init__(self, section: ScenarioProgress):
        self.section, self.key = section, section.scenario_id
        # (kind, item, x, y): ("text", Surface), ("chart", ChartLayout) or ("bars", (latest, best, width))
        self.blocks: list[tuple[str, Any, int, int]] = []

    def layout(self, ctx: AppContext, width: int) -> int:
        theme, text, s = ctx.theme, ctx.text, self.section
        inner = width - 2 * PAD
        y = PAD
        self.blocks = []

        def add(line: str, role: str = "body", color: Any = None, gap: int = 4) -> None:
            nonlocal y
            surface = text.render(line, role, color or theme.text, inner)
            self.blocks.append(("text", surface, 0, y))
            y += surface.get_height() + gap

        add(fit(ctx, s.title, "h2", inner), "h2", gap=6)
        add(f"{s.counts}. {s.summary}", "body", gap=10)
        _ = ctx._
        if s.points:
            add(_("Overall score of each finished attempt (the latest {shown}; {earlier} earlier not shown); "
                  "striped: latest").format(shown=len(s.points), earlier=s.earlier) if s.earlier else
                _("Overall score of each finished attempt; striped: latest"), "small", theme.muted)
            chart = ChartLayout(ctx, s, inner)
            self.blocks.append(("chart", chart, 0, y))
            y += chart.height + 10
        if s.principles:
            add(_("Principles: latest (striped bar) and best (outlined bar)"), "small", theme.muted)
            two = inner >= 40 * text.size("M", "small")[0]
            column = (inner - 2 * PAD) // 2 if two else inner
            per_line = 2 if two else 1
            for start in range(0, len(s.principles), per_line):
                pair = s.principles[start:start + per_line]
                labels = [text.render(p.text_in(_), "small", theme.text, column) for p in pair]  # wrapped, never cut
                label_h = max(label.get_height() for label in labels)
                for index, (principle, label) in enumerate(zip(pair, labels, strict=True)):
                    x = (column + 2 * PAD) * index
                    self.blocks.append(("text", label, x, y + label_h - label.get_height()))
                    self.blocks.append(("bars", (principle.latest, principle.best, column), x, y + label_h + 3))
                y += label_h + 3 + 2 * BAR + 12
        add(_("Attempts, newest first ({older} older not shown)").format(older=s.older) if s.older else
            _("Attempts, newest first"), "small", theme.muted)
        for attempt in s.attempts:
            add(attempt.text, "small", theme.text if attempt.finished else theme.muted, gap=2)
        return y + PAD

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: AppContext, focused: bool) -> None:
        theme = ctx.theme
        panel(surface, rect, theme.panel, theme.focus if focused else theme.panel_border, 2)
        if focused:
            focus_ring(surface, rect, theme.focus, theme.focus_width)
        for kind, item, x, y in self.blocks:
            left, top = rect.left + PAD + x, rect.top + y
            if kind == "text":
                surface.blit(item, (left, top))
            elif kind == "chart":
                item.draw(surface, (left, top), ctx)
            else:
                latest, best, width = item
                now = pygame.Rect(left, top, width, BAR)
                pygame.draw.rect(surface, theme.meter_bg, now)
                fill = pygame.Rect(now.left, now.top, width * latest // 100, BAR)
                pygame.draw.rect(surface, theme.meter_fill, fill)
                hatch(surface, fill, theme.panel, 9)
                pygame.draw.rect(surface, theme.text, now, 1)
                pygame.draw.rect(surface, theme.best_marker, (left, now.bottom + 3, width * best // 100, BAR - 2), 2)


class HistoryScreen(ListScreen):
    name = "history"
    title = N_("My progress")
    hint = HINT

    def __init__(self, app: App):
        super().__init__(app)
        self.view: HistoryView | None = None
        self.certificate = ""  # where the certificate was last written

    def on_enter(self) -> None:
        if self.ctx.library is None:
            self.ctx.load_content()
        self.load()

    def load(self) -> None:
        """Read the player's history and rebuild the panels (keeping the focused scenario)."""
        focus = self.menu.focused.key if self.menu.focused else None
        library = self.ctx.library
        names = dict(principle_names(self.ctx.principles or self.ctx.catalog))
        self.view = build_history(results_store(self.ctx.run_log), self.ctx.settings.profile.name,
                                  scenario_options(library.entries if library else []), names, self.ctx.ui)
        rows: list[Row] = self._certificate_rows()
        rows += [SectionRow(section) for section in self.view.sections]
        if not self.view.sections:
            rows.append(TextRow(self.view.message, color="muted"))
        self.menu.set_rows(rows, focus_key=focus)
        self.layout(self.size)

    def _certificate_rows(self) -> list[Row]:
        from simulator.app.progress_views import ready_line

        if not self.ctx.settings.profile.name:
            return []
        progress = self.app.services.progress.learner()
        if progress.report is None:
            return []
        ready = ready_line(progress, self.ctx.ui)
        rows: list[Row] = [TextRow(ready, role="h2", color="good" if progress.report["ready"] else "text", gap=4)]
        _ = self.ctx._
        where = _("Written to {path}").format(path=self.certificate) if self.certificate else \
            _("A printable page: readiness per stage, the rule met, dates and your score per principle")
        rows.append(ButtonRow(_("Write my certificate (HTML)"), self.write_certificate, key="certificate",
                              detail=where))
        return rows

    def write_certificate(self) -> None:
        """Write the certificate into the user data folder and say where (a notice and the button's line)."""
        try:
            path = self.app.services.progress.write_certificate()
        except (OSError, ValueError) as error:
            self.ctx.notify(self.ctx._("The certificate could not be written: {error}").format(
                error=getattr(error, "strerror", None) or error))
            return
        self.certificate = str(path)
        self.ctx.notify(self.ctx._("Certificate written to {path}").format(path=path), 10.0)
        self.load()

    def on_resume(self) -> None:
        self.load()

    def on_reload(self) -> None:
        self.load()

    def header_right(self) -> str:
        player = self.view.player if self.view else ""
        return self.ctx._("Player: {name}").format(name=player) if player else ""
