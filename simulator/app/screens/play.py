"""The play screen: portrait and meters on the left, the chat above, the agent's options below.

Options are chosen by mouse, number keys, or arrows/Tab and Enter. Timed decisions show a
countdown (scaled or switched off by the timers setting) and take the node's timeout choice when
time runs out. After every choice the game is saved for resuming; in coach mode a feedback card
follows. Esc pauses; the pause menu's answer comes back to ``after_pause``. F5 (handled by the
app) calls ``on_reload`` to move onto the edited scenario. Runs are saved and recorded by the app's
run service (``app.services.runs``), never here.

Open answers (setting "Answer in your own words", issue #16; ``simulator.app.open_answer``): each
decision first shows a text box instead of the options (Enter submits; Down or Tab then Enter: "I'd
rather pick from the list"); then the options come back with the closest one focused and marked
("Did you mean...?" with its confidence) or "I didn't catch that". The timer keeps running while
the learner types. What they typed is kept in ``run.typed`` (step index -> words) for the resume
save, the run record and the debrief. Sound (``simulator.app.call_audio``): ring, voiced lines,
hold music, the click at the end; none of it blocks the loop.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pygame

from simulator.app.call_audio import CallAudio
from simulator.app.open_answer import ESCAPE, PROMPT, SUGGEST, TYPING, OpenAnswer
from simulator.app.portrait import Portrait
from simulator.app.runs import Run
from simulator.app.screens.base import Screen
from simulator.app.screens.common import MARGIN, draw_header, draw_hint, header_height, hint_height
from simulator.app.settings import MODES
from simulator.app.translation import N_
from simulator.app.viewmodels import PlayView, agent_entry, beat_entries, history, play_view
from simulator.app.widgets.answer_box import AnswerBox
from simulator.app.widgets.chatlog import ChatLog
from simulator.app.widgets.draw import panel
from simulator.app.widgets.meter import Meter
from simulator.app.widgets.option_row import OptionRow
from simulator.app.widgets.rows import ButtonRow, Row, TextRow
from simulator.app.widgets.scrolllist import ScrollList

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.library import LibraryEntry
    from simulator.engine.session import PlaySession
    from simulator.engine.views import Step

log = logging.getLogger(__name__)
HINT = N_("1-9, or Up/Down and Enter: answer   PageUp/PageDown: scroll the chat   Esc: pause")
TYPING_HINT = N_("Type your answer, Enter: submit   Down: pick from the list instead   Esc: pause")
NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {
    getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}


class PlayScreen(Screen):
    name = "play"

    def __init__(self, app: App, session: PlaySession, entry: LibraryEntry, run: Run, typed: bool = True):
        super().__init__(app)
        self.session, self.entry, self.run, self.typed = session, entry, run, typed
        self.chat = ChatLog()
        self.options = ScrollList(gap=8)
        self.meters: list[Meter] = []
        self.elapsed = 0.0
        self.portrait = Portrait(session.scenario.customer.name, None)
        self.view: PlayView = play_view(session, self.ctx.settings.timer_factor(), self.ctx._)
        self.answer: OpenAnswer | None = None  # open answers mode, set up in on_enter
        self.audio = CallAudio(app.services, self.ctx, session)

    def on_enter(self) -> None:
        self.portrait = self._portrait()
        entries = history(self.session, self.ctx._)
        typed = self.typed and not self.ctx.settings.reduced_motion
        if typed and entries and entries[-1].kind == "customer":
            self.chat.set_entries(entries[:-1])
            self.chat.append(entries[-1], typed=True)
        else:
            self.chat.set_entries(entries)
        if self.ctx.settings.open_answers and not self.session.finished:
            self.answer = OpenAnswer(self.session.scenario)
        self.refresh()
        self.audio.begin(fresh=not self.session.transcript)

    def on_exit(self) -> None:
        self.audio.end()

    def _portrait(self) -> Portrait:
        customer = self.session.scenario.customer
        image = None
        if customer.portrait:
            from simulator.app.assets import load_image
            from simulator.paths import ASSETS_DIR

            image = load_image(customer.portrait, [self.entry.path.parent, ASSETS_DIR])
        return Portrait(customer.name, image)

    @property
    def shot_name(self) -> str:
        return "ending" if self.session.finished else "play"

    @property
    def animating(self) -> bool:
        return self.chat.is_typing or self.timer_running or self.audio.busy

    @property
    def taking_text(self) -> bool:
        """The answer box has the keyboard (the app then leaves letter keys alone)."""
        return self.answer is not None and self.answer.phase == TYPING and not self.session.finished

    def spoken_title(self) -> str:
        _ = self.ctx._
        where = _("The conversation ended") if self.session.finished else \
            _("Decision {number}").format(number=self.view.decision)
        return f"{self.session.owner.scenario.title}. {where}"

    @property
    def busy(self) -> bool:
        return self.chat.is_typing

    @property
    def timer_running(self) -> bool:
        return self.view.time_limit is not None and not self.session.finished

    # --- state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the view model and option rows from the session."""
        _ = self.ctx._
        self.view = play_view(self.session, self.ctx.settings.timer_factor(), _)
        if self.session.finished:
            rows: list[Row] = [ButtonRow(_("See your debrief"), self.to_debrief, key="debrief", primary=True,
                                         detail=_("The conversation ended: {ending}").format(
                                             ending=self.view.ending_title))]
        elif self.taking_text:
            rows = [AnswerBox(_(PROMPT), self.submit_answer, self.relayout_options),
                    ButtonRow(_(ESCAPE), self.pick_from_list, key="pick-from-list")]
        else:
            rows = self.option_rows()
        self.options.set_rows(rows, focus_key=self.first_focus())
        self.layout(self.size)

    def option_rows(self) -> list[Row]:
        suggested = self.answer.suggestion.number if self.answer and self.answer.suggestion else None
        rows: list[Row] = []
        if self.answer is not None and self.answer.phase == SUGGEST:
            wrote, verdict = self.answer.heading(self.ctx._)
            rows += [TextRow(wrote, role="small", color="muted", gap=2),
                     TextRow(verdict, role="body", color="good" if suggested else "bad", gap=2)]
        return rows + [OptionRow(self.choose, o.number, o.text, o.available, o.note, o.number == suggested)
                       for o in self.view.options]

    def first_focus(self) -> str | None:
        if self.taking_text:
            return "answer"
        suggestion = self.answer.suggestion if self.answer else None
        return f"option-{suggestion.number}" if suggestion and suggestion.number else None

    # --- open answers ------------------------------------------------------------------------
    def submit_answer(self, text: str) -> None:
        assert self.answer is not None
        self.answer.submit(self.view.node_id, text, self.session.choices())
        self.refresh()

    def pick_from_list(self) -> None:
        if self.answer is not None:
            self.answer.skip()
        self.refresh()

    def relayout_options(self) -> None:
        """The answer box grew or shrank while typing: lay the bottom area out again."""
        self.layout(self.size)

    def choose(self, number: int) -> None:
        if self.session.finished:
            return
        option = next((o for o in self.view.options if o.number == number), None)
        if option is None:
            return
        if not option.available:
            self.ctx.notify(self.ctx._("That option is not available right now."))
            return
        self.keep_words()
        self.after_step(self.session.choose_number(number, seconds=round(self.elapsed, 3)))

    def keep_words(self) -> None:
        """Remember what the learner typed for the decision being made now."""
        box = self.options.rows[0] if self.taking_text and self.options.rows else None
        words = box.value.strip() if isinstance(box, AnswerBox) else self.answer.words if self.answer else ""
        if words:  # time may run out mid-sentence: what was typed so far is kept
            self.run.typed[len(self.session.transcript)] = words

    def time_out(self) -> None:
        self.keep_words()
        self.after_step(self.session.time_out(seconds=round(self.elapsed, 3)))

    def after_step(self, step: Step) -> None:
        scenario = self.session.scenario
        node = scenario.nodes[step.node_id]
        self.chat.append(agent_entry(node.choice(step.choice_id).text, step.timed_out, self.ctx._))
        for entry in beat_entries(scenario, self.session.node, self.session.beat().text):
            self.chat.append(entry, typed=not self.ctx.settings.reduced_motion)
        self.elapsed = 0.0
        self.app.services.runs.save_progress(self.session, self.entry, self.run)
        if self.answer is not None:
            self.answer.reset()
        self.refresh()
        self.audio.after_step(node.choice(step.choice_id).text)
        if self.run.mode == "coach":
            from scoring.scorer import grade_step
            from simulator.app.viewmodels import feedback_view

            names = self.ctx.principle_names()
            self.app.push("feedback", view=feedback_view(grade_step(scenario, step), names, self.ctx._))

    def to_debrief(self) -> None:
        self.app.replace("debrief", session=self.session, entry=self.entry, run=self.run)

    def abandon(self) -> None:
        """The player quits mid-scenario: the run is recorded as abandoned, the resume save forgotten."""
        self.app.services.runs.abandon(self.session, self.run)

    def restart(self) -> None:
        self.abandon()
        self.app.replace("play", session=self.app.services.runs.start(self.entry), entry=self.entry,
                         run=Run(self.run.mode))

    def pause(self) -> None:
        self.app.push("pause", on_result=self.after_pause)

    def after_pause(self, choice: object) -> None:
        """The pause menu's answer: None or "resume" (play on), "restart", "list" or "quit"."""
        if choice == "restart":
            self.restart()
        elif choice == "list":
            self.abandon()
            self.app.pop_to("picker")
        elif choice == "quit":
            self.app.close()

    def on_resume(self) -> None:
        self.refresh()  # settings (timers, text size) may have changed under the pause menu

    def on_close(self) -> None:
        """Window closed: keep the resume save, record the run as abandoned."""
        self.app.services.runs.record(self.session, self.run)

    def on_reload(self) -> None:
        from simulator.engine.session import SnapshotError

        library = self.ctx.library
        entry = library.find(self.session.owner.scenario.id) if library else None
        if entry is None:
            self.ctx.notify(self.ctx._("This scenario is now missing or broken; you keep playing the version "
                                       "loaded before."))
            return
        snapshot = self.session.snapshot()
        runs = self.app.services.runs
        try:
            session = runs.restore(entry, snapshot)
        except SnapshotError as error:
            session = runs.start(entry)
            self.ctx.notify(self.ctx._("Scenario reloaded but your place was lost ({error}); starting again.")
                            .format(error=error))
        else:
            self.ctx.notify(self.ctx._("Scenario reloaded; you are still at the same moment."))
        self.session.close()
        self.session, self.entry = session, entry
        self.audio.session = session
        if self.answer is not None:
            self.answer = OpenAnswer(session.scenario)
        self.portrait = self._portrait()
        self.chat.set_entries(history(session, self.ctx._))
        self.elapsed = 0.0
        self.refresh()

    # --- input and time ----------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if self.taking_text and self._to_answer_box(event):
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.pause()
                return
            if event.key in NUMBER_KEYS and not self.session.finished and not self.taking_text:
                self.chat.finish_typing()
                self.choose(NUMBER_KEYS[event.key])
                return
        if self.chat.handle(event):
            return
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_SPACE) and self.chat.is_typing:
            self.chat.finish_typing()
            return
        self.options.handle(event)

    def _to_answer_box(self, event: pygame.event.Event) -> bool:
        """Typing reaches the answer box wherever the mouse has moved the focus."""
        typing = event.type == pygame.TEXTINPUT or (event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE)
        box = self.options.rows[0] if self.options.rows else None
        return typing and isinstance(box, AnswerBox) and box.handle(event)

    def update(self, dt: float) -> None:
        self.chat.update(dt)
        self.audio.update()
        if self.timer_running and not self.chat.is_typing:
            self.elapsed += dt
            if self.view.time_limit is not None and self.elapsed >= self.view.time_limit:
                self.time_out()

    # --- layout and drawing ------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        ctx, text = self.ctx, self.ctx.text
        top = header_height(ctx) + 12
        bottom = size[1] - hint_height(ctx, TYPING_HINT if self.taking_text else HINT, size[0]) - 12
        side = max(250, min(360, size[0] * 27 // 100))
        self.side = pygame.Rect(MARGIN // 2, top, side, bottom - top)
        inner = side - 28
        self.meters = []
        meter_height = 0
        for view in self.view.meters:
            meter = Meter()
            meter_height += meter.set(ctx, view, inner) + 12
            self.meters.append(meter)
        self.name_surface = text.render(self.session.scenario.customer.name, "h2", ctx.theme.text, inner)
        feeling = ctx._("Feeling: {mood}").format(mood=ctx._(self.view.expression))
        self.feeling_surface = text.render(feeling, "body", ctx.theme.text, inner)
        fixed = self.name_surface.get_height() + self.feeling_surface.get_height() + meter_height + 40
        self.portrait_size = max(80, min(inner, self.side.height - fixed))
        main = pygame.Rect(self.side.right + 16, top, size[0] - self.side.right - 16 - MARGIN // 2, bottom - top)
        self.timer_height = text.line_height("small") + 22 if self.view.time_limit else 0
        self.options.layout(ctx, pygame.Rect(main.left, main.top, main.width, main.height))
        # The options get up to 2/3 of the height, less (down to 1/3; they scroll) where the chat
        # needs more to show the newest message whole.
        chat_need = self.chat.newest_height(ctx, main.width) + self.timer_height + 8
        options_height = min(self.options.content_height,
                             max(main.height // 3, min(main.height * 2 // 3, main.height - chat_need)))
        options_rect = pygame.Rect(main.left, main.bottom - options_height, main.width, options_height)
        self.options.layout(ctx, options_rect)
        self.timer_rect = pygame.Rect(main.left + 12, options_rect.top - self.timer_height, main.width - 24,
                                      self.timer_height)
        self.chat.layout(ctx, pygame.Rect(main.left, main.top, main.width,
                                          options_rect.top - self.timer_height - main.top - 8))
        self.static = self._paint_static()

    def _paint_static(self) -> pygame.Surface:
        """Everything that only changes on layout or after a choice, painted once (called by layout)."""
        ctx, theme = self.ctx, self.ctx.theme
        surface = pygame.Surface(self.size)
        if pygame.display.get_surface() is not None:
            surface = surface.convert()
        surface.fill(theme.bg)
        _ = ctx._
        mode = _("{mode} mode").format(mode=_(MODES[self.run.mode]) if self.run.mode in MODES else self.run.mode)
        where = _("Conversation ended") if self.session.finished else \
            _("Decision {number}").format(number=self.view.decision)
        draw_header(surface, ctx, self.session.owner.scenario.title, f"{where}  |  {mode}  |  " + _("Esc: pause"))
        panel(surface, self.side, theme.panel, theme.panel_border, 2)
        x, y = self.side.left + 14, self.side.top + 12
        face = self.portrait.surface(self.view.expression, self.portrait_size, theme)
        surface.blit(face, (self.side.centerx - face.get_width() // 2, y))
        y += face.get_height() + 8
        surface.blit(self.name_surface, (x, y))
        y += self.name_surface.get_height() + 2
        surface.blit(self.feeling_surface, (x, y))
        y += self.feeling_surface.get_height() + 14
        for meter in self.meters:
            meter.draw(surface, (x, y), self.side.width - 28, ctx)
            y += (meter.label.get_height() if meter.label else 0) + 6 + 16 + 12
        panel(surface, self.chat.rect, theme.panel, theme.panel_border, 2)
        draw_hint(surface, ctx, TYPING_HINT if self.taking_text else HINT)
        return surface

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.chat.draw(surface, self.ctx)
        if self.timer_height:
            self._draw_timer(surface)
        self.options.draw(surface, self.ctx)

    def _draw_timer(self, surface: pygame.Surface) -> None:
        ctx, theme = self.ctx, self.ctx.theme
        limit = self.view.time_limit or 1
        left = max(0.0, limit - self.elapsed)
        label = ctx.text.render(ctx._("Time to answer: {left} s of {limit} s").format(
            left=ctx.ui.format_number(left), limit=ctx.ui.format_number(limit)), "small", theme.text)
        surface.blit(label, (self.timer_rect.left, self.timer_rect.top))
        bar = pygame.Rect(self.timer_rect.left, self.timer_rect.top + label.get_height() + 4, self.timer_rect.width, 10)
        pygame.draw.rect(surface, theme.meter_bg, bar)
        pygame.draw.rect(surface, theme.bad if left < limit / 4 else theme.meter_fill,
                         (bar.left, bar.top, int(bar.width * left / limit), bar.height))
        pygame.draw.rect(surface, theme.text, bar, 1)

