"""Does the debrief after a certification attempt hand out the answer key? (Pure: no I/O, no clock.)

A certification attempt measures skill only if the learner cannot fail, read the better options
and pass the next attempt by memory. So while a curriculum call is still open for the learner (not
passed, certification attempts left) the debrief after a certification attempt withholds the
answer key: for every missed decision the better option's wording and why, and the coaching
sentence on the option taken (it often says what to do instead). Score, band, principle bars and
their explanations, which decisions cost points and what the customer said stay in the debrief.

Once the call is settled the full debrief is shown: the learner has passed it (this attempt or an
earlier one that counts under the stage's rule), or this was the last attempt the curriculum
allows. A call outside the curriculum is not certified (the attempt counts for nothing), so its
debrief is full too. Practice (coach) and assessment runs always get the full debrief.

Contract: ``withholds_answer_key(curriculum, scenario_id, runs)`` where ``runs`` are the learner's
runs *including* this certification attempt (``with_attempt`` adds it when the store could not be
read back yet). The caller checks that the run is a certification attempt.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from simulator.content.curriculum import Curriculum
from simulator.progress.readiness import CERTIFICATION, RunFacts, attempts_left, stage_state


def withholds_answer_key(curriculum: Curriculum, scenario_id: str, runs: Sequence[RunFacts]) -> bool:
    """True while the call is open for certification (see the module doc); ``runs`` include this attempt."""
    stage = curriculum.stage_of(scenario_id)
    if stage is None:
        return False
    if scenario_id in stage_state(stage, runs).passed:
        return False
    return (attempts_left(curriculum, scenario_id, runs) or 0) > 0


def with_attempt(runs: Sequence[RunFacts], attempt: RunFacts, started_at: datetime | None) -> list[RunFacts]:
    """``runs`` with this certification ``attempt`` in them: added unless a run of the same call,
    mode and score that ended at or after ``started_at`` is already there (it was saved and read back)."""
    def is_this(run: RunFacts) -> bool:
        ended_after = started_at is None or run.ended_at is None or _utc(run.ended_at) >= _utc(started_at)
        return (run.scenario_id, run.mode, run.overall) == (attempt.scenario_id, CERTIFICATION, attempt.overall) \
            and ended_after
    return list(runs) if any(is_this(run) for run in runs) else [*runs, attempt]


def _utc(moment: datetime) -> datetime:
    """Naive times (as some stores give them back) are read as UTC, so they compare with aware ones."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
