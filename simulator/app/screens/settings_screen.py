"""Settings: text size, theme, reduced motion, timers, default mode, fullscreen. Saved on change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.app.screens.base import ListScreen
from simulator.app.settings import MODES, TIMER_LABELS
from simulator.app.theme import TEXT_SIZE_LABELS, THEME_LABELS
from simulator.app.translation import LANGUAGE_NAMES, N_, ui_languages
from simulator.app.widgets.rows import ButtonRow, ChoiceRow, TextRow
from simulator.app.widgets.sound_rows import open_answer_rows

if TYPE_CHECKING:
    from simulator.app.app import App

HINT = N_("Up/Down: move   Left/Right or Enter: change   Esc: back")
ON_OFF = {"off": N_("Off"), "on": N_("On")}
# One line on the chosen mode (the page shows whole at the default size with the language row).
MODE_NOTES = {"coach": N_("Coach: a feedback card after every choice."),
              "assessment": N_("Assessment: feedback only in the debrief."),
              "certification": N_("Certification: an assessment that counts for readiness, with a few attempts "
                                  "per call and no retries.")}


class SettingsScreen(ListScreen):
    name = "settings"
    title = N_("Settings")
    hint = HINT
    body_width = 900
    body_gap = (8, 4)

    def __init__(self, app: App):
        super().__init__(app)
        self.menu.gap = 6  # with the language row, the page still shows whole at the default size
        self.build()

    def build(self, focus: str | None = None) -> None:
        s = self.ctx.settings
        languages = {lang: LANGUAGE_NAMES.get(lang, lang) for lang in ui_languages()}
        self.menu.set_rows([
            ChoiceRow(N_("Text size"), TEXT_SIZE_LABELS, s.text_size, lambda v: self.change(text_size=v),
                      key="text_size"),
            ChoiceRow(N_("Colours"), THEME_LABELS, s.theme, lambda v: self.change(theme=v), key="theme"),
            ChoiceRow(N_("Reduced motion (no typing effect or animation)"), ON_OFF,
                      "on" if s.reduced_motion else "off", lambda v: self.change(reduced_motion=v == "on"),
                      key="reduced_motion"),
            ChoiceRow(N_("Timers on timed decisions"), TIMER_LABELS, s.timers, lambda v: self.change(timers=v),
                      key="timers"),
            ChoiceRow(N_("Mode"), MODES, s.mode, lambda v: self.change(mode=v), key="mode"),
            TextRow(MODE_NOTES.get(s.mode, ""), role="small", color="muted"),
            ChoiceRow(N_("Language (screens and scenarios)"), languages, s.language,
                      lambda v: self.change(language=v), key="language"),
            *open_answer_rows(lambda: self.app.push("sound-settings")),
            ChoiceRow(N_("Fullscreen (F11)"), ON_OFF, "on" if s.fullscreen else "off",
                      lambda v: self.app.set_fullscreen(v == "on"), key="fullscreen"),
            ButtonRow(N_("Back"), self.dismiss, key="back"),
        ], focus_key=focus)

    def change(self, **changes: object) -> None:
        focus = self.menu.focused.key if self.menu.focused else None
        self.ctx.update_settings(**changes)
        self.build(focus)
        self.app.relayout()
