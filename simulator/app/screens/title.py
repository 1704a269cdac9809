"""The title screen: the game's name, who is playing, and the main menu (resume when a game waits).

Kept light: it is drawn before the scenario content (pydantic) is imported. Once the content is
loaded (``refresh`` runs again), it shows the learner's state above the menu: "Ready for calls"
with the date (or how many stages are met) and the assignments due and overdue for their workshop,
read through the app's progress service.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from simulator.app.screens.base import MenuScreen
from simulator.app.screens.common import MARGIN, draw_hint, hint_height
from simulator.app.translation import N_
from simulator.app.widgets.rows import ButtonRow, Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App

HINT = N_("Up/Down or Tab: move   Enter: choose   F11: fullscreen   Esc: quit")
TOP, MENU_GAP = 24, 20  # pixels above the title and between the tagline and the menu


class TitleScreen(MenuScreen):
    name = "title"

    def __init__(self, app: App):
        super().__init__(app)
        self.resume: dict[str, Any] | None = None

    def on_enter(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the menu (after content loads, the profile changes or a save appears)."""
        from simulator.app.saves import read_resume

        focus = self.menu.focused.key if self.menu.focused else None
        damaged: list[Path] = []
        self.resume = read_resume(self.ctx.resume_file, damaged) if self.ctx.resume_file else None
        rows: list[Row] = self._progress_rows()
        _ = self.ctx._
        for aside in damaged:  # moved aside once, so said once
            self.ctx.notify(_("Your saved game was damaged and cannot be resumed; it was moved to {file}.")
                            .format(file=aside), 12.0)
        if self.resume is not None:
            title = str(self.resume.get("title") or self.resume["scenario_id"])
            steps = len(self.resume["snapshot"].get("transcript") or [])
            rows.append(ButtonRow(_("Resume: {title}").format(title=title), self.resume_game, key="resume",
                                  primary=True, detail=_("You stopped after decision {steps}. Pick up where you "
                                                         "left off.").format(steps=steps)))
        rows += [
            ButtonRow(_("Play"), self.play, key="play", primary=self.resume is None,
                      detail=_("Choose a scenario and start a conversation")),
            ButtonRow(_("Change player"), self.change_player, key="player",
                      detail=self._who() or _("Enter your name before you play")),
            ButtonRow(_("Settings"), self.open_settings, key="settings",
                      detail=_("Text size, contrast, motion, timers, mode, language")),
            ButtonRow(_("Leaderboard"), self.open_leaderboard, key="leaderboard",
                      detail=_("Best scores per scenario and principle, by workshop and team")),
            ButtonRow(_("My progress"), self.open_history, key="history", detail=_("Your runs and scores over time")),
            *([ButtonRow(_("Join the room"), lambda: self.app.push("room-join"), key="room",  # issue 15: room play
                         detail=_("Workshop {code}: vote on the projected call").format(
                             code=self.ctx.settings.profile.workshop))]
              if self.ctx.settings.profile.workshop else []),
            ButtonRow(_("Quit"), self.app.close, key="quit"),
        ]
        self.menu.set_rows(rows, focus_key=focus if focus != "resume" or self.resume else None)
        if self.resume is not None and focus is None:
            self.menu.focus_key("resume")
        self.layout(self.size)

    def _progress_rows(self) -> list[Row]:
        """Ready for calls and what is due (only once the content is loaded: never at first frame)."""
        if self.ctx.library is None or not self.ctx.settings.profile.name:
            return []
        from simulator.app.progress_views import due_lines, ready_line

        progress = self.app.services.progress.learner()
        rows: list[Row] = []
        ready = ready_line(progress, self.ctx.ui)
        if ready:
            done = bool(progress.report and progress.report["ready"])
            rows.append(TextRow(ready, role="h2" if done else "body", color="good" if done else "muted",
                                gap=4, center=True))
        rows += [TextRow(text, role="body", color="bad" if overdue else "text", gap=3, center=True)
                 for text, overdue in due_lines(progress, ui=self.ctx.ui)]
        return rows

    def _who(self) -> str:
        profile = self.ctx.settings.profile
        if not profile.name:
            return ""
        extra = ", ".join(x for x in (profile.team, profile.workshop) if x)
        return self.ctx._("Playing as {name}").format(name=profile.name) + (f" ({extra})" if extra else "")

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        text = self.ctx.text
        top = TOP + text.line_height("title") + 8 + text.line_height("body") + MENU_GAP
        width = min(640, size[0] - 2 * MARGIN)
        bottom = size[1] - hint_height(self.ctx, HINT, size[0]) - 16
        self.menu.layout(self.ctx, pygame.Rect((size[0] - width) // 2, top, width, max(100, bottom - top)))

    def back(self) -> None:  # Esc on the title quits
        self.app.close()

    def on_resume(self) -> None:
        self.refresh()

    def on_reload(self) -> None:
        self.refresh()

    # --- actions -----------------------------------------------------------------------------
    def play(self) -> None:
        if not self.ctx.settings.profile.name:
            self.app.push("player", on_result=self.after_player)
        else:
            self.app.push("picker")

    def after_player(self, profile: object) -> None:
        """The player screen opened by Play closed: with a name given, go on to the picker."""
        if profile is not None:
            self.app.push("picker")

    def change_player(self) -> None:
        self.app.push("player")

    def open_settings(self) -> None:
        self.app.push("settings")

    def open_leaderboard(self) -> None:
        self.app.push("leaderboard")

    def open_history(self) -> None:
        self.app.push("history")

    def resume_game(self) -> None:
        if self.resume is None:
            return
        resumed = self.app.services.runs.resume(self.resume)
        if resumed is not None:
            self.app.push("picker")
            self.app.push("play", session=resumed.session, entry=resumed.entry, run=resumed.run, typed=False)
        else:
            self.refresh()

    def draw(self, surface: pygame.Surface) -> None:
        theme, text = self.ctx.theme, self.ctx.text
        surface.fill(theme.bg)
        title = text.render("Frontline", "title", theme.accent if theme.name != "standard" else theme.text)
        surface.blit(title, title.get_rect(midtop=(surface.get_width() // 2, TOP)))
        tagline = text.render(self.ctx._("Customer-service training: talk it through, learn what works."), "body",
                              theme.muted, surface.get_width() - 2 * MARGIN)
        surface.blit(tagline, tagline.get_rect(midtop=(surface.get_width() // 2, TOP + title.get_height() + 8)))
        self.menu.draw(surface, self.ctx)
        draw_hint(surface, self.ctx, HINT)
