"""The scenario picker: the practise-next recommendation first, then every scenario in curriculum
order with its facts, the player's best, and each stage's readiness state.

On entering (and coming back on top) it asks the app's progress service for the learner's
readiness, recommendation and certification attempts; nothing is read in the constructor or while
drawing. Broken scenarios are listed too, marked as broken with their first error, and cannot be
started. M cycles coach -> assessment -> certification; in certification mode each curriculum call
shows its attempts left and a call with none left cannot be started (the notice says why). F5
(the app) reloads the list from disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from simulator.app.curriculum_words import stage_text
from simulator.app.progress_views import (
    no_attempts_message,
    ready_line,
    recommendation,
    scenario_status,
    stage_by_name,
    stage_line,
)
from simulator.app.screens.base import ListScreen
from simulator.app.settings import MODES
from simulator.app.translation import N_
from simulator.app.viewmodels import PickerItem, picker_item
from simulator.app.widgets.draw import card
from simulator.app.widgets.rows import PAD, Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.library import LibraryEntry
    from simulator.app.progress_service import LearnerProgress
    from simulator.app.progress_views import RecommendationView

HINT = N_("Up/Down: choose   Enter: play   M: switch mode   F5: reload scenarios   Esc: back")
CERTIFICATION = "certification"
RECOMMENDED_KEY = "practise-next"


class ScenarioRow(Row):
    focusable = True

    def __init__(self, screen: PickerScreen, entry: LibraryEntry, item: PickerItem, status: str = ""):
        self.screen, self.entry, self.item, self.key, self.status = screen, entry, item, item.key, status
        self.surfaces: list[pygame.Surface] = []

    def layout(self, ctx: Any, width: int) -> int:
        theme, item, _ = ctx.theme, self.item, ctx._
        inner = width - 2 * PAD
        title = item.title + ("   " + _("[BROKEN]") if item.broken else "")
        facts = self.facts_line(ctx)
        self.surfaces = [ctx.text.render(title, "h2", theme.bad if item.broken else theme.text, inner),
                         ctx.text.render(facts, "small", theme.muted, inner)]
        if item.broken:
            self.surfaces.append(ctx.text.render(_("First problem: {error}").format(error=item.error), "small",
                                                 theme.bad, inner))
        else:
            self.surfaces.append(ctx.text.render(item.summary, "body", theme.text, inner))
            trains = _("Trains: {principles}").format(principles=", ".join(item.principles))
            self.surfaces.append(ctx.text.render(trains, "small", theme.muted, inner))
        if self.status:
            self.surfaces.append(ctx.text.render(self.status, "small", theme.text, inner))
        return sum(s.get_height() + 6 for s in self.surfaces) + 2 * PAD

    def facts_line(self, ctx: Any) -> str:
        """Difficulty, length and best score; says when the call is shown in English because it has
        no translation in the player's language."""
        facts = self.item.facts(ctx._)
        if not self.item.broken and getattr(self.entry.loaded, "language", "en") != ctx.ui.language:
            facts += "  |  " + ctx._("in English (no translation yet)")
        return facts

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: Any, focused: bool) -> None:
        theme = ctx.theme
        focus = (theme.focus, theme.focus_width) if focused else None
        card(surface, rect, theme.panel, theme.panel_border, focus, self.surfaces, PAD, 6)

    def activate(self) -> None:
        self.screen.start(self.entry)


class RecommendationRow(Row):
    """The practise-next card: which call, and why in one line. Enter plays it."""

    focusable = True
    key = RECOMMENDED_KEY

    def __init__(self, screen: PickerScreen, entry: LibraryEntry, view: RecommendationView, status: str = ""):
        self.screen, self.entry, self.view, self.status = screen, entry, view, status
        self.surfaces: list[pygame.Surface] = []

    def layout(self, ctx: Any, width: int) -> int:
        theme, inner = ctx.theme, width - 2 * PAD
        self.surfaces = [ctx.text.render(ctx._("Practise next"), "small", theme.accent_text, inner),
                         ctx.text.render(self.view.title, "h2", theme.accent_text, inner),
                         ctx.text.render(self.view.why, "body", theme.accent_text, inner)]
        if self.status:
            self.surfaces.append(ctx.text.render(self.status, "small", theme.accent_text, inner))
        return sum(s.get_height() + 6 for s in self.surfaces) + 2 * PAD

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: Any, focused: bool) -> None:
        theme = ctx.theme
        focus = (theme.focus, theme.focus_width) if focused else None
        card(surface, rect, theme.accent, theme.panel_border, focus, self.surfaces, PAD, 6)

    def activate(self) -> None:
        self.screen.start(self.entry)


class PickerScreen(ListScreen):
    name = "picker"
    title = N_("Choose a scenario")
    hint = HINT

    def __init__(self, app: App):
        super().__init__(app)
        self.items: list[PickerItem] = []
        self.progress: LearnerProgress | None = None

    def on_enter(self) -> None:
        if self.ctx.library is None:
            self.ctx.load_content()
        self.build()

    @property
    def certification(self) -> bool:
        return self.ctx.settings.mode == CERTIFICATION

    def build(self) -> None:
        """Read the learner's progress and best runs, then rebuild the rows (keeping the focus)."""
        focus = self.menu.focused.key if self.menu.focused else None
        self.progress = self.app.services.progress.learner()
        rows = self._progress_rows() + self._scenario_rows()
        if not self.items:
            rows.append(TextRow(self.ctx._("No scenarios found in {folder}. Add .yaml files there and press F5.")
                                .format(folder=self.ctx.scenarios_dir)))
        self.menu.set_rows(rows, focus_key=focus)
        self.layout(self.size)

    def _progress_rows(self) -> list[Row]:
        progress, library = self.progress, self.ctx.library
        assert progress is not None
        rows: list[Row] = []
        ready = ready_line(progress, self.ctx.ui)
        if ready:
            rows.append(TextRow(ready, role="h2", color="good" if progress.report and progress.report["ready"]
                                else "text"))
        tip = recommendation(progress, self.ctx.ui, self.ctx.principle_names())
        entry = library.find(tip.scenario) if tip and library else None
        if tip is not None and entry is not None:
            rows.append(RecommendationRow(self, entry, tip, scenario_status(progress, tip.scenario,
                                                                            self.certification, self.ctx.ui)))
        return rows

    def _scenario_rows(self) -> list[Row]:
        ctx, library, progress = self.ctx, self.ctx.library, self.progress
        assert progress is not None
        names = ctx.principle_names()
        rows: list[Row] = []
        self.items = []
        stage = None
        for entry in library.entries if library else []:
            best = None
            if entry.ok:
                record = ctx.run_log.best_run(ctx.settings.profile.name, entry.id)
                best = record.overall if record is not None else None
            item = picker_item(entry, names, best)
            if item.stage and item.stage != stage:
                state = stage_by_name(progress, item.stage)
                rows.append(TextRow(stage_text(item.stage, ctx.ui), role="h2",
                                    color="accent" if ctx.theme.name != "standard" else "text", gap=4))
                if state is not None:
                    rows.append(TextRow(stage_line(progress, state, named=False, ui=ctx.ui), role="small",
                                        color="good" if state["met"] else "muted", gap=2))
                stage = item.stage
            elif not item.stage and stage and not entry.ok:
                stage = None
            self.items.append(item)
            status = scenario_status(progress, entry.id, self.certification, ctx.ui) if entry.ok else ""
            rows.append(ScenarioRow(self, entry, item, status))
        return rows

    def focus_scenario(self, scenario_id: str) -> bool:
        return self.menu.focus_key(scenario_id)

    def start(self, entry: LibraryEntry) -> None:
        if not entry.ok:
            self.ctx.notify(self.ctx._("This scenario is broken and cannot be played: {error}").format(
                error=entry.error))
            return
        mode = self.ctx.settings.mode
        if mode == CERTIFICATION and self.app.services.progress.attempts_left(entry.id) == 0:
            stage = next((s for s in self.ctx.library.stages if entry.id in s.scenarios), None) \
                if self.ctx.library else None
            self.ctx.notify(no_attempts_message(entry.title, stage.pass_rule.attempts if stage else 0, self.ctx.ui),
                            10.0)
            return
        from simulator.app.runs import Run

        session = self.app.services.runs.start(entry)
        self.app.push("play", session=session, entry=entry, run=Run(mode))

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_m:
            modes = list(MODES)
            current = self.ctx.settings.mode
            mode = modes[(modes.index(current) + 1) % len(modes)] if current in modes else modes[0]
            self.ctx.update_settings(mode=mode)
            self.ctx.notify(self.ctx._("Mode: {mode}").format(mode=self.ctx._(MODES[mode])), topic="mode")
            self.build()
            return
        super().handle(event)

    def on_resume(self) -> None:
        self.build()

    def on_reload(self) -> None:
        self.build()

    def header_right(self) -> str:
        mode = self.ctx.settings.mode
        return self.ctx._("Mode: {mode} (M)").format(mode=self.ctx._(MODES[mode]) if mode in MODES else mode)
