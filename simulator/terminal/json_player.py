"""Plays one session over JSON lines (``play --text --json``), for bots, LMS bridges and other front ends.

Protocol (documented in docs/json-protocol.md; modelled on ink's ``inklecate -j``): every line
written to ``out`` is one JSON object with a ``type``:

* ``start``: the scenario (``scenario``, ``title``, ``situation``, ``channel``, ``customer``, ``mode``);
* ``beat``: one decision: ``node``, ``speaker``, ``line``, ``narration``, ``mood``, ``time_limit``
  (seconds or null), ``options`` (the open options, ``[{"id", "text"}]`` in display order) and
  ``locked`` (shown but not open now: ``[{"id", "text", "why"}]``);
* ``error``: the answer was not an open option (``message``); the same beat is asked again;
* ``timeout``: the answer came after the time limit; the node's timeout choice was taken;
* ``feedback`` (coach mode only): how the choice was graded;
* ``end``: the ending, ``overall``, ``band``, ``principles`` ({id: score}), ``decisions`` and
  ``answer_key_withheld``: true after a certification attempt on a call still open, and then every
  missed decision's ``better_id``, ``better_text`` and ``better_feedback`` are null and its
  ``feedback`` is "" (``answer_key_notice`` says why); false otherwise;
* ``abandoned``: the input ended before the call did.

Each answer is one line on ``inp``: an option id from ``options``, or its 1-based position in
``options``. ``JsonPlayer(...).run()`` returns the ``Report`` at the end, or None when abandoned.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from scoring.report import Report
from scoring.review import without_answer_key
from scoring.scorer import grade_step, score_run
from simulator.engine.session import ChoiceUnavailable
from simulator.engine.views import Step
from simulator.terminal.debrief import ANSWER_KEY_WITHHELD
from simulator.terminal.player import StreamPlayer

SEVERITY = {0: "best", 1: "minor", 2: "major"}


class JsonPlayer(StreamPlayer):
    """Drives a ``PlaySession`` over JSON lines (see the module doc)."""

    def send(self, message: dict[str, Any]) -> None:
        self.out.write(json.dumps(message, ensure_ascii=False) + "\n")
        self.out.flush()

    def run(self) -> Report | None:
        scenario = self.session.scenario  # this run's details filled in
        self.send({"type": "start", "scenario": scenario.id, "title": scenario.title,
                   "situation": scenario.customer.situation, "customer": scenario.customer.name,
                   "channel": _value(getattr(scenario, "channel", "phone")),
                   "mode": "coach" if self.options.coach else "assessment"})
        while not self.session.finished:
            if not self.decide():
                self.send({"type": "abandoned", "node": self.session.state,
                           "decisions": len(self.session.transcript)})
                return None
        report = score_run(self.session.owner.scenario, self.session.transcript, self.catalog, self.session.ending,
                           details=self.session.details)
        self.send(self.end_message(report))
        return report

    def beat_message(self) -> dict[str, Any]:
        beat = self.session.beat()
        views = self.session.choices()
        return {
            "type": "beat", "node": beat.node_id, "speaker": beat.speaker, "line": beat.text,
            "narration": beat.narration, "mood": beat.mood,
            "time_limit": beat.time_limit if self.options.timers else None,
            "options": [{"id": v.id, "text": v.text} for v in views if v.available],
            "locked": [{"id": v.id, "text": v.text, "why": v.why_unavailable} for v in views if not v.available],
        }

    def decide(self) -> bool:
        """One decision; False when the input ended first."""
        message = self.beat_message()
        self.send(message)
        limit = message["time_limit"]
        started = self.clock()
        while True:
            raw = self.inp.readline()
            if raw == "":
                return False
            elapsed = self.clock() - started
            if limit and elapsed > limit:
                step = self.session.time_out(seconds=elapsed)
                self.send({"type": "timeout", "node": step.node_id, "choice": step.choice_id,
                           "seconds": round(elapsed, 3), "time_limit": limit})
                self.feedback(step)
                return True
            problem = self.try_choice(raw.strip(), message["options"], elapsed)
            if problem is None:
                return True
            self.send({"type": "error", "message": problem})

    def try_choice(self, answer: str, options: list[dict[str, str]], elapsed: float) -> str | None:
        """None when a choice was taken, otherwise why not (sent as an error line)."""
        ids = [option["id"] for option in options]
        choice_id = answer
        if answer.isascii() and answer.isdigit() and answer not in ids:
            number = int(answer[:9])
            if not 1 <= number <= len(ids):
                return f"there is no option {answer}; answer an id ({', '.join(ids)}) or 1 to {len(ids)}"
            choice_id = ids[number - 1]
        if choice_id not in ids:
            locked = [v for v in self.session.choices() if v.id == choice_id and not v.available]
            if locked:
                return f"option '{choice_id}' is not available now: {locked[0].why_unavailable}"
            return f"there is no option '{answer}' here; answer an id ({', '.join(ids)}) or 1 to {len(ids)}"
        try:
            step = self.session.choose(choice_id, seconds=elapsed)
        except ChoiceUnavailable as error:
            return str(error)
        self.feedback(step)
        return None

    def feedback(self, step: Step) -> None:
        """In coach mode, how the decision was graded: the principles it honoured and broke."""
        if not self.options.coach:
            return
        graded = grade_step(self.session.scenario, step)
        self.send({
            "type": "feedback", "node": step.node_id, "choice": step.choice_id, "text": graded.choice.text,
            "feedback": graded.choice.feedback, "timed_out": step.timed_out,
            "severity": SEVERITY.get(graded.weight, "major") if graded.graded else "ungraded",
            "principles": {p: r.grade for p, r in graded.reasons},
            "honoured": [p for p, r in graded.reasons if r.grade > 0],
            "broke": [p for p, r in graded.reasons if r.grade < 0],
        })

    def end_message(self, report: Report) -> dict[str, Any]:
        withheld = self.options.answer_key_withheld(report)
        if withheld:
            report = without_answer_key(report)
        return {
            "type": "end",
            "ending": {"id": self.session.state, "title": report.ending_title, "outcome": report.outcome,
                       "quality": report.quality, "debrief": report.debrief},
            "overall": report.overall, "band": report.band or report.grade,
            "decision_quality": report.decision_quality, "ending_points": report.ending_points,
            "caps": list(report.caps), "summary": report.summary_note,
            "principles": report.scores(),
            "decisions": [asdict(review) for review in report.decisions],
            "to_work_on": [review.step for review in report.to_work_on],
            "answer_key_withheld": withheld, "answer_key_notice": ANSWER_KEY_WITHHELD if withheld else "",
        }


def _value(item: Any) -> Any:
    return getattr(item, "value", item)
