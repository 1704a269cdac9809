"""The scenario picker: every scenario in curriculum order with its facts and the player's best.

Broken scenarios are listed too, marked as broken with their first error, and cannot be started.
M switches between coach and assessment mode; F5 (the app) reloads the list from disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from simulator.app.screens.base import ListScreen
from simulator.app.settings import MODES
from simulator.app.viewmodels import PickerItem, picker_item
from simulator.app.widgets.draw import card
from simulator.app.widgets.rows import PAD, Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.library import LibraryEntry

HINT = "Up/Down: choose   Enter: play   M: switch mode   F5: reload scenarios   Esc: back"


class ScenarioRow(Row):
    focusable = True

    def __init__(self, screen: PickerScreen, entry: LibraryEntry, item: PickerItem):
        self.screen, self.entry, self.item, self.key = screen, entry, item, item.key
        self.surfaces: list[pygame.Surface] = []

    def layout(self, ctx: Any, width: int) -> int:
        theme, item = ctx.theme, self.item
        inner = width - 2 * PAD
        title = item.title + ("   [BROKEN]" if item.broken else "")
        self.surfaces = [ctx.text.render(title, "h2", theme.bad if item.broken else theme.text, inner),
                         ctx.text.render(item.facts(), "small", theme.muted, inner)]
        if item.broken:
            self.surfaces.append(ctx.text.render("First problem: " + item.error, "small", theme.bad, inner))
        else:
            self.surfaces.append(ctx.text.render(item.summary, "body", theme.text, inner))
            self.surfaces.append(ctx.text.render("Trains: " + ", ".join(item.principles), "small", theme.muted,
                                                 inner))
        return sum(s.get_height() + 6 for s in self.surfaces) + 2 * PAD

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: Any, focused: bool) -> None:
        theme = ctx.theme
        focus = (theme.focus, theme.focus_width) if focused else None
        card(surface, rect, theme.panel, theme.panel_border, focus, self.surfaces, PAD, 6)

    def activate(self) -> None:
        self.screen.start(self.entry)


class PickerScreen(ListScreen):
    name = "picker"
    title = "Choose a scenario"
    hint = HINT

    def __init__(self, app: App):
        super().__init__(app)
        self.items: list[PickerItem] = []

    def on_enter(self) -> None:
        if self.ctx.library is None:
            self.ctx.load_content()
        self.build()

    def build(self) -> None:
        focus = self.menu.focused.key if self.menu.focused else None
        library, ctx = self.ctx.library, self.ctx
        names = {p.id: p.name for p in ctx.catalog.principles} if ctx.catalog else {}
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
                rows.append(TextRow(item.stage, role="h2", color="accent" if ctx.theme.name != "standard" else "text"))
                stage = item.stage
            elif not item.stage and stage and not entry.ok:
                stage = None
            self.items.append(item)
            rows.append(ScenarioRow(self, entry, item))
        if not self.items:
            rows.append(TextRow(f"No scenarios found in {ctx.scenarios_dir}. Add .yaml files there and press F5."))
        self.menu.set_rows(rows, focus_key=focus)
        self.layout(self.size)

    def focus_scenario(self, scenario_id: str) -> bool:
        return self.menu.focus_key(scenario_id)

    def start(self, entry: LibraryEntry) -> None:
        if not entry.ok:
            self.ctx.notify(f"This scenario is broken and cannot be played: {entry.error}")
            return
        from simulator.app.runs import Run

        session = self.app.services.runs.start(entry)
        self.app.push("play", session=session, entry=entry, run=Run(self.ctx.settings.mode))

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_m:
            mode = "assessment" if self.ctx.settings.mode == "coach" else "coach"
            self.ctx.update_settings(mode=mode)
            self.ctx.notify(f"Mode: {MODES[mode]}")
            return
        super().handle(event)

    def on_resume(self) -> None:
        self.build()

    def on_reload(self) -> None:
        self.build()

    def header_right(self) -> str:
        return f"Mode: {MODES[self.ctx.settings.mode]} (M)"
