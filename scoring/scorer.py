"""Pure scoring (v2): transcript + scenario + catalog -> ``Report``. No I/O, no clocks, no randomness.

The rules (explained for trainers, with worked examples, in ``docs/scoring.md``):

* A decision is graded only against the options open at that moment (fair across paths). It counts
  when those options' *net* grades (the sum of an option's principle grades) differ.
* Shortfall at a graded decision: ``s = (best net - chosen net) / (best net - worst net)``, 0..1. A
  *major miss* (chosen at least ``MAJOR_MISS`` net points below the best open option) weighs 2,
  any other miss 1: one blunder cannot stay in the top band.
* Decision quality ``Q = 100 * max(0, 1 - sum(weight * s) / n)``, n = graded decisions on the path.
* The ending counts: ``E`` is 100 / 50 / 0 for a good / mixed / bad ending (0 when unfinished), and
  ``overall = round(0.8 * Q + 0.2 * E)``.
* Caps: a ``critical: true`` option taken -> at most 49; a mixed ending -> 89; a bad ending -> 74;
  a lost customer -> 89; an unfinished run -> 49. Bands: ``BANDS``.
* Per principle p: at a decision where the open options differ on p, the player earns
  ``grade(chosen, p) - worst(p)`` of ``best(p) - worst(p)``; the principle's score is the total
  earned over the total possible, 0-100 (see ``scoring.review`` for how bars are explained).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from scoring.catalog import Catalog
from scoring.report import Report
from scoring.review import build_report
from scoring.rules import (
    BANDS,
    MAJOR_MISS,
    TOP_BAND,
    StepGrade,
    band_for,
    combine,
    decision_quality,
    grade_label,
    grade_step,
    miss_penalty,
    miss_weight,
    net,
)
from simulator.content.models import Ending, Scenario
from simulator.engine.views import Step

__all__ = [
    "BANDS", "MAJOR_MISS", "TOP_BAND", "NetTable", "RunningScore", "StepGrade", "band_for", "combine",
    "decision_quality", "final_values", "grade_label", "grade_step", "miss_penalty", "miss_weight", "net", "score_run",
]


class NetTable:
    """Net grades of a scenario's options, worked out once per node and shared by running scores.

    ``nets(node_id)`` maps each choice id of the node to its net grade; ``bounds(node_id,
    available)`` is those nets with the (lowest, highest) net among the available choices;
    ``critical(node_id)`` the ids of its critical options. All only remember results of pure
    functions of the scenario, so one table can serve any number of runs.
    """

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self._nets: dict[str, dict[str, int]] = {}
        self._bounds: dict[tuple[str, tuple[str, ...]], tuple[dict[str, int], int, int]] = {}
        self._critical: dict[str, frozenset[str]] = {}

    def nets(self, node_id: str) -> dict[str, int]:
        nets = self._nets.get(node_id)
        if nets is None:
            nets = self._nets[node_id] = {c.id: net(c) for c in self.scenario.nodes[node_id].choices}
        return nets

    def critical(self, node_id: str) -> frozenset[str]:
        found = self._critical.get(node_id)
        if found is None:
            choices = self.scenario.nodes[node_id].choices
            found = self._critical[node_id] = frozenset(c.id for c in choices if c.critical)
        return found

    def bounds(self, node_id: str, available: tuple[str, ...]) -> tuple[dict[str, int], int, int]:
        """The node's nets and the (lowest, highest) net among ``available`` (the chosen option's
        net for both when nothing was available, as after a timeout with every option locked)."""
        key = (node_id, available)
        found = self._bounds.get(key)
        if found is None:
            nets = self.nets(node_id)
            values = [nets[choice_id] for choice_id in available]
            found = self._bounds[key] = (nets, min(values), max(values)) if values else (nets, 0, 0)
        return found


class RunningScore:
    """The v2 score kept up to date one decision at a time (for live displays and simulations).

    Same arithmetic as ``score_run`` without building reasons: ``add`` costs a few dictionary
    lookups; ``overall`` is the decision quality so far (no ending yet), ``final(ending)`` equals
    ``score_run(...).overall`` for the same transcript. Pass a shared ``NetTable`` when scoring many
    runs of one scenario.
    """

    def __init__(self, scenario: Scenario, table: NetTable | None = None):
        self.scenario = scenario
        self.table = table if table is not None and table.scenario is scenario else NetTable(scenario)
        self.penalty = 0.0
        self.graded = 0
        self.critical = False

    def add(self, step: Step) -> float:
        """Count one decision; returns its weighted shortfall (0 for the best open option)."""
        nets, low, high = self.table.bounds(step.node_id, step.available)
        chosen = nets[step.choice_id]
        if step.choice_id in self.table.critical(step.node_id):
            self.critical = True
        if not step.available or high == low:  # nothing to compare (or a timeout with all locked)
            return 0.0
        self.graded += 1
        lost = miss_penalty(high, low, chosen)
        self.penalty += lost
        return lost

    @property
    def quality(self) -> float:
        return decision_quality(self.penalty, self.graded)

    @property
    def overall(self) -> int:
        """Decision quality so far, 0-100 (the ending is not known yet)."""
        return round(self.quality)

    def final(self, ending: Ending | None) -> int:
        """The overall score once the run has ended (``ending`` None: abandoned)."""
        return combine(self.quality, ending, self.critical)[0]


def final_values(scenario: Scenario, transcript: Sequence[Step]) -> dict[str, int]:
    """The customer state at the end of a transcript (the starting state if nothing was chosen)."""
    return dict(transcript[-1].after) if transcript else dict(scenario.customer.state)


def score_run(scenario: Scenario, transcript: Sequence[Step], catalog: Catalog,
              ending: Ending | None, *, details: Mapping[str, str] | None = None) -> Report:
    """The full report for a run; ``ending`` is None for an unfinished (abandoned) run.
    ``details``: the run's surface details (``PlaySession.details``), so the debrief quotes the
    texts the player read; grades and scores do not depend on them."""
    grades = [grade_step(scenario, step) for step in transcript]
    graded = [g for g in grades if g.graded]
    penalty = 0.0
    for g in graded:  # in call order, as RunningScore adds them
        penalty += g.penalty
    quality = decision_quality(penalty, len(graded))
    critical = any(g.choice.critical for g in grades)
    overall, caps = combine(quality, ending, critical)
    if not transcript and ending is None:
        overall = 0  # abandoned before any decision: nothing was shown
    return build_report(scenario, grades, catalog, ending, final_values(scenario, transcript),
                        overall=overall, quality=quality, caps=caps, details=details)
