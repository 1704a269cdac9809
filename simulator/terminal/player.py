"""Plays one session in a terminal with numbered choices; works with a pipe on stdin.

Contract: ``TerminalPlayer(...).run()`` drives a ``PlaySession`` to an ending and returns the
``Report``, or returns None when the input ends or the player quits first (the session is then
unfinished; the caller decides what to save). Bad input gets a message and the prompt again.
Its own words go through ``options.words`` (the game's gettext catalog in the call's language,
``simulator.terminal.language``; English by default); what is typed (numbers, q) is the same in
every language.
"""

from __future__ import annotations

import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from scoring.catalog import Catalog
from scoring.report import Report
from scoring.scorer import grade_step, score_run
from simulator.app.viewmodels import METER_LABELS
from simulator.engine.session import ChoiceUnavailable, PlaySession
from simulator.engine.views import display_meters
from simulator.terminal.debrief import format_debrief
from simulator.terminal.language import TerminalWords


@dataclass
class TerminalOptions:
    """``withholds_answer_key``: given the run's report, whether its debrief leaves out the answer
    key (a certification attempt on a call still open: ``simulator.progress.answer_key``); None:
    always the full debrief. ``words``: the language the player's own words are shown in."""

    coach: bool = True
    timers: bool = True
    withholds_answer_key: Callable[[Report], bool] | None = None
    words: TerminalWords = field(default_factory=TerminalWords)

    def answer_key_withheld(self, report: Report) -> bool:
        return self.withholds_answer_key is not None and self.withholds_answer_key(report)


def _interactive(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class StreamPlayer:
    """What every terminal front end holds: the session, the catalog, its streams, options and clock."""

    def __init__(self, session: PlaySession, catalog: Catalog, inp: TextIO, out: TextIO,
                 options: TerminalOptions | None = None, clock: Callable[[], float] = time.monotonic):
        self.session = session
        self.catalog = catalog
        self.inp = inp
        self.out = out
        self.options = options or TerminalOptions()
        self.clock = clock


class TerminalPlayer(StreamPlayer):

    def _(self, message: str) -> str:
        """``message`` in the call's language (``options.words``)."""
        return self.options.words.ui.gettext(message)

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def run(self) -> Report | None:
        scenario = self.session.scenario  # this run's details filled in
        self.say(f"\n{scenario.title}\n{'-' * len(scenario.title)}")
        self.say(textwrap.fill(scenario.customer.situation, 78))
        while not self.session.finished:
            if not self.decide():
                self.say("\n" + self._("The call was left unfinished."))
                return None
        self.show_beat()
        report = score_run(self.session.owner.scenario, self.session.transcript, self.catalog, self.session.ending,
                           details=self.session.details)
        self.say(format_debrief(report, answer_key_withheld=self.options.answer_key_withheld(report),
                                words=self.options.words))
        return report

    def show_beat(self) -> None:
        beat = self.session.beat()
        self.say("")
        if beat.narration:
            self.say(textwrap.fill(f"({beat.narration})", 78))
        if beat.text:
            self.say(textwrap.fill(f"{beat.speaker}: {beat.text}", 78, subsequent_indent="  "))
        shown = display_meters(self.session.owner.scenario.customer.state)
        values = ", ".join(f"{self._meter(k)} {beat.values[k]}" for k in shown if k in beat.values)
        self.say(self._("[customer is {mood}: {values}]").format(mood=self._(beat.mood_label), values=values))

    def _meter(self, name: str) -> str:
        """A meter's name as the game labels it, in lower case ('mood', 'paciencia'); a scenario's
        own variable as written."""
        return self._(METER_LABELS[name]).lower() if name in METER_LABELS else name

    def decide(self) -> bool:
        """One decision; False when the input ended or the player quit."""
        self.show_beat()
        limit = self.session.node.time_limit if self.options.timers else None
        options = self.session.choices()
        for view in options:
            lock = "" if view.available else "   " + self._("(unavailable: {why})").format(why=view.why_unavailable)
            self.say(textwrap.fill(f"  {view.number}. {view.text}{lock}", 78, subsequent_indent="     "))
        if limit:
            self.say("  " + self.options.words.ui.ngettext("(you have {count} second)", "(you have {count} seconds)",
                                                           limit).format(count=limit))
        started = self.clock()
        while True:
            self.out.write("> ")
            self.out.flush()
            raw = self.inp.readline()
            if raw == "":
                return False
            if not _interactive(self.inp):
                self.out.write(raw if raw.endswith("\n") else raw + "\n")
            answer = raw.strip().lower()
            if answer in ("q", "quit", "exit"):
                return False
            elapsed = self.clock() - started
            if limit and elapsed > limit:
                self.say(self._("Too slow: {elapsed} s is past the {limit} s limit.").format(
                    elapsed=f"{elapsed:.0f}", limit=limit))
                self.report_step(self.session.time_out(seconds=elapsed))
                return True
            message = self.try_choice(answer, elapsed)
            if message is None:
                return True
            self.say(message)

    def try_choice(self, answer: str, elapsed: float) -> str | None:
        """None when a choice was taken, otherwise the message to show before asking again."""
        views = self.session.choices()
        if not (answer.isascii() and answer.isdigit()) or not 1 <= int(answer[:9] or 0) <= len(views):
            return self._("Please type a number from 1 to {count} (or q to quit).").format(count=len(views))
        view = views[int(answer) - 1]
        if not view.available:
            return self._("Option {number} is not available now: {why}").format(number=view.number,
                                                                                 why=view.why_unavailable)
        try:
            step = self.session.choose(view.id, seconds=elapsed)
        except ChoiceUnavailable:  # the engine's own (English) reason: said here in the call's language
            return self._("Option {number} is not available now.").format(number=view.number)
        self.report_step(step)
        return None

    def report_step(self, step) -> None:  # type: ignore[no-untyped-def]
        if not self.options.coach:
            return
        graded = grade_step(self.session.scenario, step)
        words = self.options.words
        honoured = [words.principle(p, self.catalog.get(p).name) for p, r in graded.reasons if r.grade > 0]
        broke = [words.principle(p, self.catalog.get(p).name) for p, r in graded.reasons if r.grade < 0]
        self.say("")
        if honoured:
            self.say("  + " + ", ".join(honoured))
        if broke:
            self.say("  - " + ", ".join(broke))
        self.say(textwrap.fill(self._("Coach: {feedback}").format(feedback=graded.choice.feedback), 78,
                               subsequent_indent="       "))
