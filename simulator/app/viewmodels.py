"""Plain view models: what each screen shows, built from engine, scorer and library values.

Contract: pure functions, no pygame, no I/O, so they are tested without pixels. Nothing in a
``PlayView`` reveals an option's grade or feedback before it is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulator.app.translation import ENGLISH, N_, Translate, UiText

if TYPE_CHECKING:
    from scoring.report import Report
    from scoring.scorer import StepGrade
    from simulator.app.library import LibraryEntry
    from simulator.app.runlog import ScoredRun
    from simulator.content.models import Node, Scenario
    from simulator.engine.session import PlaySession

OUTCOME_LABELS = {"resolved": N_("Resolved"), "escalated": N_("Escalated"),
                  "partially_resolved": N_("Partly resolved"), "customer_lost": N_("Customer lost")}
DIFFICULTY_LABELS = {"beginner": N_("Beginner"), "intermediate": N_("Intermediate"), "advanced": N_("Advanced")}
# scoring.scorer's band labels (the English stays the key: results, pass rules and reports use it).
BAND_LABELS = (N_("Excellent"), N_("Proficient"), N_("Developing"), N_("Not yet"))


# --- picker ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class PickerItem:
    key: str
    title: str
    summary: str
    difficulty: str
    minutes: int
    principles: tuple[str, ...]
    best: int | None
    stage: str
    broken: bool
    error: str

    def facts(self, _: Translate = N_) -> str:
        if self.broken:
            return _("Broken scenario: cannot be played until it is fixed")
        best = _("Your best: {score}").format(score=self.best) if self.best is not None else _("Not played yet")
        level = _(DIFFICULTY_LABELS.get(self.difficulty, self.difficulty.capitalize()))
        return _("{difficulty}  |  about {minutes} min  |  {best}").format(
            difficulty=level, minutes=self.minutes, best=best)


def picker_item(entry: LibraryEntry, names: dict[str, str], best: int | None) -> PickerItem:
    if entry.loaded is None:
        return PickerItem(entry.id, entry.title, "", "", 0, (), None, "", True, entry.error)
    s = entry.loaded.scenario
    return PickerItem(s.id, s.title, s.summary, s.difficulty.value, s.estimated_minutes,
                      tuple(names.get(p, p) for p in s.principles), best, entry.stage, False, "")


# --- play ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MeterView:
    name: str
    label: str
    value: int
    description: str  # words, so the meter reads without colour


@dataclass(frozen=True)
class OptionView:
    number: int
    text: str
    available: bool
    note: str


@dataclass(frozen=True)
class PlayView:
    node_id: str
    speaker: str
    line: str
    narration: str
    mood: int
    expression: str
    meters: tuple[MeterView, ...]
    options: tuple[OptionView, ...]
    time_limit: float | None
    decision: int
    finished: bool
    ending_title: str


LEVEL_WORDS = ((20, N_("very low")), (40, N_("low")), (60, N_("middling")), (80, N_("high")), (101, N_("very high")))
METER_LABELS = {"mood": N_("Mood"), "patience": N_("Patience"), "trust": N_("Trust")}
# simulator.engine.views.MOOD_LABELS (the English words stay keys: the portrait draws by them)
MOOD_WORDS = (N_("angry"), N_("annoyed"), N_("neutral"), N_("relieved"), N_("pleased"))


def level_word(value: int, _: Translate = N_) -> str:
    return _(next((word for limit, word in LEVEL_WORDS if value < limit), LEVEL_WORDS[-1][1]))


def meters_for(scenario: Scenario, values: dict[str, int], mood_label: str,
               _: Translate = N_) -> tuple[MeterView, ...]:
    """Meters for mood first, then other declared variables that start above 1 (0/1 are flags)."""
    from simulator.engine.views import display_meters  # the engine's rule (the terminal and lint use it too)

    views = []
    for name in display_meters(scenario.customer.state):
        value = values.get(name, 0)
        words = _(mood_label) if name == "mood" else level_word(value, _)
        label = _(METER_LABELS[name]) if name in METER_LABELS else name.replace("_", " ").capitalize()
        views.append(MeterView(name, label, value, words))
    return tuple(views)


def play_view(session: PlaySession, timer_factor: float | None, _: Translate = N_) -> PlayView:
    beat = session.beat()
    limit = None
    if beat.time_limit and timer_factor and session.node.timeout_choice and not beat.is_ending:
        limit = beat.time_limit * timer_factor
    options = tuple(OptionView(c.number, c.text, c.available, "" if c.available else _("Not available right now"))
                    for c in session.choices())
    return PlayView(beat.node_id, beat.speaker, beat.text, beat.narration, beat.mood, beat.mood_label,
                    meters_for(session.owner.scenario, beat.values, beat.mood_label, _), options, limit,
                    len(session.transcript) + 1, beat.is_ending, beat.ending.title if beat.ending else "")


def line_for(node: Node, values: dict[str, int]) -> str:
    """The line a node's speaker says for these state values (the engine's rule)."""
    for variant in node.line:
        if variant.when is None or variant.when.holds(values):
            return variant.text
    return ""


@dataclass(frozen=True)
class ChatEntry:
    kind: str  # "customer", "agent", "narration", "system"
    speaker: str
    text: str


def history(session: PlaySession, _: Translate = N_) -> list[ChatEntry]:
    """The conversation so far, rebuilt from the transcript (for resume, retry and reload), with
    this run's details filled in."""
    scenario = session.scenario
    entries: list[ChatEntry] = []
    for step in session.transcript:
        node = scenario.nodes.get(step.node_id)
        if node is None:
            continue
        entries += beat_entries(scenario, node, line_for(node, step.before))
        choice = next((c for c in node.choices if c.id == step.choice_id), None)
        if choice is not None:
            entries.append(agent_entry(choice.text, step.timed_out, _))
    entries += beat_entries(scenario, session.node, session.beat().text)
    return entries


def beat_entries(scenario: Scenario, node: Node, text: str) -> list[ChatEntry]:
    entries = []
    if node.narration:
        entries.append(ChatEntry("narration", "", node.narration))
    if text:
        speaker = node.speaker or scenario.customer.name
        entries.append(ChatEntry("customer", speaker, text))
    return entries


def agent_entry(text: str, timed_out: bool, _: Translate = N_) -> ChatEntry:
    return ChatEntry("agent", _("You"), (_("(Time ran out)") + " " if timed_out else "") + text)


# --- coach feedback ---------------------------------------------------------------------------
@dataclass(frozen=True)
class FeedbackView:
    choice_text: str
    honoured: tuple[str, ...]
    broke: tuple[str, ...]
    feedback: str
    verdict: str
    timed_out: bool


def feedback_view(graded: StepGrade, names: dict[str, str], _: Translate = N_) -> FeedbackView:
    honoured = tuple(names.get(p, p) for p, r in graded.reasons if r.grade > 0)
    broke = tuple(names.get(p, p) for p, r in graded.reasons if r.grade < 0)
    if graded.possible == 0 or graded.earned == graded.possible:
        verdict = _("Strong choice: the best of the options you had.")
    elif graded.earned == 0:
        verdict = _("Weak choice: the least helpful of the options you had.")
    else:
        verdict = _("Reasonable, but a better option was available.")
    return FeedbackView(graded.choice.text, honoured, broke, graded.choice.feedback, verdict,
                        graded.step.timed_out)


# --- debrief ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class BarView:
    principle_id: str
    name: str
    score: int
    earned: int
    possible: int
    previous_best: int | None
    explanation: str = ""


@dataclass(frozen=True)
class NoteView:
    principle: str
    choice_text: str
    feedback: str


@dataclass(frozen=True)
class DecisionView:
    step: int
    prompt: str
    choice_text: str
    feedback: str
    was_best: bool
    timed_out: bool
    points: str
    principle_notes: tuple[str, ...]
    better_text: str | None
    better_feedback: str | None
    severity: str = "best"
    critical: bool = False
    typed: str = ""  # open answers: what the learner wrote before confirming an option


@dataclass(frozen=True)
class DebriefView:
    """Everything the debrief screen shows (debrief v2): ``work_on`` holds only the decisions where
    a better option was open; ``strengths`` only best-taken decisions; bars carry explanations."""

    title: str
    outcome: str
    ending_title: str
    debrief: str
    overall: int
    grade: str
    previous_best: int | None
    bars: tuple[BarView, ...]
    strengths: tuple[NoteView, ...]
    weaknesses: tuple[NoteView, ...]
    decisions: tuple[DecisionView, ...]
    band: str = ""
    score_rule: str = ""
    summary: str = ""
    work_on: tuple[DecisionView, ...] = ()
    answer_key_withheld: bool = False
    """A certification attempt on a call still open: no better option, no reason, no coaching on
    missed decisions (``scoring.review.without_answer_key``; ``simulator.progress.answer_key``)."""


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)


def score_rule(report: Report, _: Translate = N_, ui: UiText = ENGLISH) -> str:
    """How the overall score was made, in one line a player can check (the caps' reasons in
    ``ui``'s language)."""
    from simulator.app.report_words import cap_reasons

    rule = _("Decisions {decisions} x 0.8 + ending {ending} x 0.2").format(
        decisions=report.decision_quality, ending=report.ending_points)
    return rule + (_("; capped because {reasons}").format(reasons=_(" and ").join(cap_reasons(report, ui)))
                   if report.caps else "")


def debrief_view(report: Report, previous: ScoredRun | None, typed: dict[int, str] | None = None,
                 names: dict[str, str] | None = None, _: Translate = N_, ui: UiText = ENGLISH,
                 answer_key_withheld: bool = False) -> DebriefView:
    """``answer_key_withheld``: build the view from ``without_answer_key(report)`` (no better option,
    reason or coaching on a missed decision anywhere in the view).
    ``typed`` (open answers): step index -> the learner's own words, shown beside the option.
    ``names``: principle id -> the name to show (the player's language; the report's otherwise);
    ``_`` translates the words the view adds (outcome, points, score rule); ``ui`` words the
    scorer's sentences (summary, bar explanations, caps) in the player's language."""
    from simulator.app.report_words import explanation_text, summary_text

    if answer_key_withheld:
        from scoring.review import without_answer_key

        report = without_answer_key(report)
    typed = typed or {}
    names = names or {}
    best_scores = previous.principle_scores if previous else {}
    bars = tuple(BarView(p.id, names.get(p.id, p.name), p.score, p.earned, p.possible, best_scores.get(p.id),
                         explanation_text(p, names.get(p.id, p.name), ui)) for p in report.principles)
    notes_by_step: dict[int, list[str]] = {}
    for p in report.principles:
        for r in p.reasons:
            notes_by_step.setdefault(r.step, []).append(
                _("{principle}: {grade} (best here {best}, worst {worst})").format(
                    principle=names.get(p.id, p.name), grade=_signed(r.grade), best=_signed(r.best),
                    worst=_signed(r.worst)))
    decisions = tuple(
        DecisionView(d.step, d.prompt, d.choice_text, d.feedback, d.was_best, d.timed_out,
                     _("{earned} of {possible} points").format(earned=d.net - d.worst_net,
                                                                possible=d.best_net - d.worst_net),
                     tuple(notes_by_step.get(d.step, ())), d.better_text, d.better_feedback,
                     d.severity, d.critical, typed.get(d.step, ""))
        for d in report.decisions)
    return DebriefView(
        report.scenario_title, _(OUTCOME_LABELS.get(report.outcome or "", N_("Unfinished"))),
        report.ending_title or "", report.debrief or "", report.overall, report.grade,
        previous.overall if previous else None, bars,
        tuple(NoteView(names.get(n.principle_id, n.principle_name), n.choice_text, n.feedback)
              for n in report.strengths),
        tuple(NoteView(names.get(n.principle_id, n.principle_name), n.choice_text, n.feedback)
              for n in report.weaknesses),
        decisions, _(report.band or report.grade), score_rule(report, _, ui), summary_text(report, ui),
        tuple(d for d in decisions if d.severity in ("minor", "major")), answer_key_withheld,
    )
