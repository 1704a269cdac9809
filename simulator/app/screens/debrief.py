"""The debrief (v2): outcome, score with its band and rule, what to work on (only decisions where a
better option was open, each with the better option and why), principle bars that explain their
number on Enter, best-taken strengths, and every decision in one line.

Entering the screen asks the app's run service for the report and the previous best (the run was
recorded at the ending; the service records it now if not). Enter on a decision retries from just
before it; "Try again" starts the scenario over. A certification attempt is assessment-only: no
retry from a decision, and "New certification attempt" only while the curriculum's cap leaves one
(the screen says whether this attempt passed for readiness and how many attempts are left).
While the call is still open for certification (not passed, attempts left) the debrief withholds
the answer key and says why: no better option, no reason, no coaching on a missed decision
(``simulator.progress.answer_key``); once the learner passes or uses the last attempt it is full.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from simulator.app.runs import Run
from simulator.app.screens.base import ListScreen
from simulator.app.translation import N_
from simulator.app.viewmodels import DebriefView, debrief_view
from simulator.app.widgets.debrief_rows import ButtonBarRow, DecisionStrip, PrincipleRow, WorkOnRow
from simulator.app.widgets.rows import Row, TextRow

if TYPE_CHECKING:
    from simulator.app.app import App
    from simulator.app.library import LibraryEntry
    from simulator.engine.session import PlaySession

HINT = N_("Up/Down: move   Left/Right: pick   Enter: choose or retry   PageUp/PageDown: scroll   Esc: back")
CERTIFICATION_HINT = N_("Up/Down: move   Left/Right: pick   Enter: choose   PageUp/PageDown: scroll   Esc: back")
CERTIFICATION = "certification"
ANSWER_KEY_WITHHELD = N_("Certification attempt: the better options and why are not shown, so your next attempt "
                         "still measures your skill, not your memory. Practise this call in Coach mode to see "
                         "them; the full review comes once you pass or use your last attempt.")


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
        self.attempts_left: int | None = None
        self.certified = ""  # the certification attempt's verdict line
        self.answer_key_withheld = False
        if run.mode == CERTIFICATION:
            self.hint = CERTIFICATION_HINT

    def on_enter(self) -> None:
        session = self.session
        self.snapshots = [session.snapshot(upto=k) for k in range(len(session.transcript))]
        self.report, previous = self.app.services.runs.outcome(session, self.run)
        session.close()
        if self.certification:
            progress = self.app.services.progress
            self.attempts_left = progress.attempts_left(self.report.scenario_id)
            self.answer_key_withheld = progress.withholds_answer_key(self.report, self.run.started_at)
            self.certified = self._verdict()
        self.view = debrief_view(self.report, previous, self.run.typed, self.ctx.principle_names(), self.ctx._,
                                 ui=self.ctx.ui, answer_key_withheld=self.answer_key_withheld)
        self.menu.set_rows(self.rows())

    @property
    def certification(self) -> bool:
        return self.run.mode == CERTIFICATION

    def _verdict(self) -> str:
        """Whether this certification attempt passes its stage's rule, and the attempts left."""
        library, _ = self.ctx.library, self.ctx._
        stage = next((s for s in library.stages if self.report.scenario_id in s.scenarios), None) if library else None
        if stage is None:
            return _("Certification attempt: this call is not in the curriculum, so it counts for nothing.")
        passed = self.session.finished and stage.pass_rule.counts(CERTIFICATION, self.report.band)
        verdict = (_("Certification attempt passed ({band} or better): it counts for {stage}.") if passed else
                   _("Certification attempt not passed: {stage} needs {band} or better. It does not count."))
        verdict = verdict.format(band=_(stage.pass_rule.band), stage=_(stage.name))  # curriculum_words
        left, allowed = self.attempts_left or 0, stage.pass_rule.attempts
        return verdict + " " + (_("Attempts left on this call: {left} of {allowed}.") if left else
                                _("No attempts left on this call (all {allowed} used).")).format(left=left,
                                                                                                 allowed=allowed)

    def rows(self) -> list[Row]:
        v, _ = self.view, self.ctx._
        assert v is not None
        best = _("; your previous best {score}").format(score=v.previous_best) if v.previous_best is not None else ""
        rows: list[Row] = [
            TextRow(f"{v.ending_title} ({v.outcome}): {v.overall}/100, {v.band}{best}", role="h2",
                    color="good" if v.overall >= 75 else "text"),
            TextRow(f"{v.summary} {v.score_rule}.", role="small", color="muted"),
            TextRow(v.debrief, role="small"),
        ]
        if self.certified:
            rows.append(TextRow(self.certified, role="body", color="text"))
        if v.answer_key_withheld:
            rows.append(TextRow(_(ANSWER_KEY_WITHHELD), role="small", color="text"))
        again = _("Try again")
        if self.certification:
            again = _("New certification attempt") if self.attempts_left != 0 else ""
        buttons = [(again, self.try_again)] if again else []
        rows += [
            ButtonBarRow([*buttons, (_("Another scenario"), self.back), (_("Leaderboard"), self.open_leaderboard)]),
            TextRow(_("To work on"), role="h2"),
        ]
        rows += [WorkOnRow(d, self.retry_from) for d in v.work_on]
        if not v.work_on:
            rows.append(TextRow(_("Nothing: you took the best option you had at every decision."), role="small",
                                color="muted"))
        rows.append(TextRow(_("Principles (Enter on one: why this number)"), role="h2"))
        rows += [PrincipleRow(bar, self.relayout) for bar in v.bars]
        if not v.bars:
            rows.append(TextRow(_("No decision tested a principle."), color="muted"))
        if v.strengths:
            rows.append(TextRow(_("Strengths"), role="h2"))
            shown = "\n".join(f'+ {n.principle}: "{n.choice_text}"' for n in v.strengths[:MAX_STRENGTHS])
            more = len(v.strengths) - MAX_STRENGTHS
            rows.append(TextRow(shown + ("\n" + _("... and {count} more best choices").format(count=more)
                                         if more > 0 else ""), role="small", color="good"))
        rows.append(TextRow(_("Every decision (Left/Right: pick one)") if self.certification else
                            _("Every decision (Left/Right: pick one, Enter: retry from it)"), role="h2"))
        rows.append(DecisionStrip(v.decisions, self.retry_from, self.relayout, can_retry=not self.certification))
        return rows

    # --- actions -----------------------------------------------------------------------------
    def relayout(self) -> None:
        """Rows changed height (a principle opened its explanation): lay the list out again."""
        self.menu.layout(self.ctx, self.menu.rect)

    def try_again(self) -> None:
        if self.certification and self.app.services.progress.attempts_left(self.report.scenario_id) == 0:
            self.ctx.notify(self.ctx._("No certification attempts left on this call; practise it in coach or "
                                       "assessment mode."))
            return
        session = self.machine.start(seed=self.ctx.next_seed())
        self.app.replace("play", session=session, entry=self.entry, run=Run(self.run.mode))

    def open_leaderboard(self) -> None:
        self.app.push("leaderboard", scenario_id=self.report.scenario_id)

    def retry_from(self, step: int) -> None:
        if self.certification:
            self.ctx.notify(self.ctx._("A certification attempt cannot be retried from a decision."))
            return
        session = self.machine.restore(self.snapshots[step])
        self.app.replace("play", session=session, entry=self.entry, run=Run(self.run.mode))

    def back(self) -> None:
        self.app.pop_to("picker")

    def header_title(self) -> str:
        _ = self.ctx._
        return _("Debrief: {title}").format(title=self.view.title) if self.view else _("Debrief")
