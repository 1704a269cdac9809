"""Naive players: can a trainee who reads only the option texts game a scenario's grade?

Contract:
* ``STRATEGIES`` maps a name to a ``Strategy``: a rule that picks one of the open options from
  their texts alone (and, for ``mirror-customer``, the customer's current line). No strategy ever
  sees grades, feedback, ``next`` or conditions. Ties go to the option shown first (the display
  order is the seeded shuffle the player sees, so ties break as a real player's eye would).
* ``simulate(scenario, runs=1000, seed=0)`` plays every strategy ``runs`` times through the
  engine's public session API (``ScenarioMachine.start`` / ``open_choices`` / ``choose``), plus
  the ``skilled`` reference (the best net option 80 % of the time, otherwise a random other open
  option) and ``ideal`` (always the best net option), and scores each run with the real scorer.
  It returns a JSON-ready dict: ``bots`` -> name -> figures, ``skilled``, ``ideal`` (same shape),
  and ``verdict`` = {``gameable``: bool, ``reasons``: [str]}. Figures: ``runs``, ``mean``,
  ``median``, ``p90``, ``min``, ``max``, ``stdev``, ``top_band_share`` (0..1, share of runs in
  the top band), ``unfinished``.
* Deterministic: the same scenario, runs and seed give the same figures. Run ``i`` of every
  player uses the same session seed, so every player meets the same display orders.
* Gaming rule (``verdict``): a naive strategy games the scenario when its mean is above
  ``MAX_NAIVE_MEAN`` or its top-band share is at least ``MAX_TOP_BAND_SHARE``; the scenario is also
  gameable when the skilled mean is less than ``MIN_SKILL_MARGIN`` above the best naive mean.
"""

from __future__ import annotations

import random
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from scoring.catalog import Catalog, default_catalog
from scoring.scorer import NetTable, RunningScore, score_run
from simulator.content.models import Scenario
from simulator.engine.machine import ScenarioMachine
from simulator.engine.session import PlaySession
from simulator.engine.views import ChoiceView

MAX_NAIVE_MEAN = 45.0
MAX_TOP_BAND_SHARE = 0.02
MIN_SKILL_MARGIN = 25.0
SKILLED_BEST_SHARE = 0.8
MAX_STEPS = 200  # a strategy that loops this long is stopped and its run counted unfinished

Picker = Callable[[Sequence[ChoiceView], str, random.Random], str]


@dataclass(frozen=True)
class Strategy:
    """A naive rule: ``pick(open_options, customer_line, rng) -> choice id``."""

    name: str
    description: str
    pick: Picker
    reads_line: bool = False  # only then is the customer's line worked out (it costs a beat())


_WORD = re.compile(r"[a-z0-9']+")
_POLITE = ("sorry", "please", "thank", "understand", "appreciat", "apologi", "apologis", "apologiz")
_REFUSAL = ("policy", "can't", "cannot", "unable", "transfer", "unfortunately", "afraid", "won't")
_EMPATHY = ("feel", "frustrat", "understand", "imagine", "upset", "hear", "annoy", "stress", "worr", "sorry")
_SECOND_PERSON = ("you", "your", "you're", "yours", "yourself", "you've", "you'll")
_SPECIFIC = ("today", "tomorrow", "minute", "minutes", "hour", "hours", "monday", "tuesday", "wednesday",
             "thursday", "friday", "by", "within", "email", "reference", "number")
_STOP = frozenset(("that", "this", "with", "have", "what", "your", "from", "they", "will", "would", "there",
                   "their", "about", "just", "been", "were", "when", "then", "than", "them", "into", "it's",
                   "i'm", "don't"))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def _count(text: str, stems: tuple[str, ...]) -> int:
    return sum(1 for word in _words(text) if word.startswith(stems))


def _by_key(key: Callable[[str], Any]) -> Picker:
    """A picker taking the option whose text has the highest ``key`` (first shown on ties).
    Keys depend only on the text, so they are remembered per text."""
    memo: dict[str, Any] = {}

    def pick(options: Sequence[ChoiceView], line: str, rng: random.Random) -> str:
        best_id, best_key = options[0].id, None
        for view in options:
            value = memo.get(view.text)
            if value is None:
                value = memo[view.text] = key(view.text)
            if best_key is None or value > best_key:
                best_id, best_key = view.id, value
        return best_id

    return pick


def _random(options: Sequence[ChoiceView], line: str, rng: random.Random) -> str:
    return options[int(rng.random() * len(options))].id


def _first(options: Sequence[ChoiceView], line: str, rng: random.Random) -> str:
    return options[0].id


def _mirror(options: Sequence[ChoiceView], line: str, rng: random.Random) -> str:
    said = {w for w in _words(line) if len(w) > 3 and w not in _STOP}
    best_id, best = options[0].id, -1
    for view in options:
        overlap = len(said.intersection(_words(view.text)))
        if overlap > best:
            best_id, best = view.id, overlap
    return best_id


def _strategies() -> dict[str, Strategy]:
    items = (
        Strategy("random", "a uniformly random open option", _random),
        Strategy("longest", "the longest option text", _by_key(len)),
        Strategy("shortest", "the shortest option text", _by_key(lambda t: -len(t))),
        Strategy("first-shown", "the first option on the screen", _first),
        Strategy("polite-keyword", "most sorry/please/thank/understand/appreciate/apologise words",
                 _by_key(lambda t: _count(t, _POLITE))),
        Strategy("avoid-refusal", "no policy/can't/unable/transfer/afraid words, then the longest",
                 _by_key(lambda t: (-_count(t, _REFUSAL), len(t)))),
        Strategy("empathy-words", "most feel/frustrating/understand/imagine/upset words",
                 _by_key(lambda t: _count(t, _EMPATHY))),
        Strategy("second-person", "most you/your words (talks about the customer)",
                 _by_key(lambda t: sum(1 for w in _words(t) if w in _SECOND_PERSON))),
        Strategy("asks-question", "an option that asks a question", _by_key(lambda t: "?" in t)),
        Strategy("mirror-customer", "most words shared with the customer's last line", _mirror, True),
        Strategy("specific-promise", "most numbers and time words (sounds concrete)",
                 _by_key(lambda t: sum(1 for w in _words(t) if w.isdigit() or w in _SPECIFIC))),
    )
    return {s.name: s for s in items}


STRATEGIES = _strategies()


def _skilled_picker(table: NetTable, session: PlaySession, best_share: float) -> Picker:
    """The reference player: the best net open option with probability ``best_share``, otherwise
    a random other open option. Reads grades, so it is never listed among the naive strategies."""

    def pick(options: Sequence[ChoiceView], line: str, rng: random.Random) -> str:
        nets = table.nets(session.state)
        best = max(options, key=lambda v: nets[v.id])
        if len(options) == 1 or (best_share >= 1.0 or rng.random() < best_share):
            return best.id
        others = [v for v in options if v.id != best.id]
        return others[int(rng.random() * len(others))].id

    return pick


class _Scorer:
    """The overall score of a finished or abandoned session, equal to ``score_run(...).overall``.

    Uses ``RunningScore(scenario, table).add(step)`` / ``.final(ending)`` (scoring v2) when the
    scorer offers ``final``; otherwise ``score_run`` remembered per path (scores depend only on the
    decisions taken: node, choice, options open, timed out; and on the ending)."""

    def __init__(self, scenario: Scenario, catalog: Catalog):
        self.scenario, self.catalog = scenario, catalog
        self.table = NetTable(scenario)
        self.running = hasattr(RunningScore, "final")
        self._memo: dict[tuple[Any, ...], int] = {}

    def score(self, session: PlaySession) -> int:
        if self.running:
            running = RunningScore(self.scenario, self.table)
            for step in session.transcript:
                running.add(step)
            return running.final(session.ending)
        transcript = session.transcript
        ending_node = session.state if session.finished else None
        key = (ending_node, *((s.node_id, s.choice_id, s.available, s.timed_out) for s in transcript))
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = score_run(self.scenario, transcript, self.catalog, session.ending).overall
        return found


def _top_band_floor() -> int:
    """The lowest overall score in the top band (Excellent), read from the scorer's bands."""
    import scoring.scorer as scorer

    label_of = getattr(scorer, "band_for", None) or scorer.grade_label
    top = label_of(100)
    return min(score for score in range(101) if label_of(score) == top)


def _play(machine: ScenarioMachine, scorer: _Scorer, pick_for: Callable[[PlaySession], Picker],
          reads_line: bool, runs: int, seed: int | str, name: str) -> tuple[list[int], int]:
    rng = random.Random(f"bots:{seed}:{name}")
    scores: list[int] = []
    unfinished = 0
    for run in range(runs):
        session = machine.start(seed=f"{seed}:{run}", clock=_zero_clock)
        pick = pick_for(session)
        try:
            for _ in range(MAX_STEPS):
                if session.finished:
                    break
                options = session.open_choices()
                if not options:
                    break
                line = session.beat().text if reads_line else ""
                session.choose(pick(options, line, rng))
            unfinished += not session.finished
            scores.append(scorer.score(session))
        finally:
            session.close()
    return scores, unfinished


def _zero_clock() -> float:
    return 0.0


def figures(scores: Sequence[int], unfinished: int, top_floor: int) -> dict[str, Any]:
    """Summary of one player's scores (see the module doc for the keys)."""
    ordered = sorted(scores)
    count = len(ordered)
    if not count:
        return {"runs": 0, "mean": None, "median": None, "p90": None, "min": None, "max": None,
                "stdev": None, "top_band_share": 0.0, "unfinished": unfinished}
    return {
        "runs": count, "mean": round(sum(ordered) / count, 1),
        "median": ordered[count // 2], "p90": ordered[min(count - 1, (9 * count) // 10)],
        "min": ordered[0], "max": ordered[-1],
        "stdev": round(statistics.pstdev(ordered), 1),
        "top_band_share": round(sum(1 for s in ordered if s >= top_floor) / count, 4),
        "unfinished": unfinished,
    }


def verdict(bots: dict[str, dict[str, Any]], skilled: dict[str, Any]) -> dict[str, Any]:
    """Gameable or not, with one reason per rule broken (see the module doc)."""
    reasons = []
    for name, fig in bots.items():
        if fig["mean"] is not None and fig["mean"] > MAX_NAIVE_MEAN:
            reasons.append(f"{name} averages {fig['mean']} (limit {MAX_NAIVE_MEAN:g})")
        if fig["top_band_share"] >= MAX_TOP_BAND_SHARE:
            reasons.append(f"{name} reaches the top band in {100 * fig['top_band_share']:.1f} % of runs "
                           f"(limit under {100 * MAX_TOP_BAND_SHARE:g} %)")
    means = [(fig["mean"], name) for name, fig in bots.items() if fig["mean"] is not None]
    if means and skilled["mean"] is not None:
        best_mean, best_name = max(means)
        if skilled["mean"] < best_mean + MIN_SKILL_MARGIN:
            gap = skilled["mean"] - best_mean
            relation = f"only {gap:.1f} above" if gap >= 0 else f"{-gap:.1f} below"
            reasons.append(f"the skilled player averages {skilled['mean']}, {relation} {best_name} "
                           f"({best_mean}); skill should pay at least {MIN_SKILL_MARGIN:g} points more")
    return {"gameable": bool(reasons), "reasons": reasons}


def simulate(scenario: Scenario, runs: int = 1000, seed: int | str = 0,
             names: Sequence[str] | None = None, catalog: Catalog | None = None,
             content_hash: str = "") -> dict[str, Any]:
    """See the module doc. ``names`` picks strategies (default: all); ValueError for unknown ones."""
    chosen = list(STRATEGIES) if names is None else list(names)
    unknown = [n for n in chosen if n not in STRATEGIES]
    if unknown:
        raise ValueError(f"unknown strategy {', '.join(unknown)}; known: {', '.join(STRATEGIES)}")
    machine = ScenarioMachine(scenario, content_hash)
    scorer = _Scorer(scenario, catalog or default_catalog())
    top = _top_band_floor()
    bots = {}
    for name in chosen:
        strategy = STRATEGIES[name]
        scores, unfinished = _play(machine, scorer, lambda _s, p=strategy.pick: p, strategy.reads_line,
                                   runs, seed, name)
        bots[name] = figures(scores, unfinished, top)
    table = NetTable(scenario)
    references = {}
    for name, share in (("skilled", SKILLED_BEST_SHARE), ("ideal", 1.0)):
        scores, unfinished = _play(machine, scorer, lambda s, b=share: _skilled_picker(table, s, b),
                                   False, runs if share < 1.0 else min(runs, 50), seed, name)
        references[name] = figures(scores, unfinished, top)
    return {"scenario": scenario.id, "runs": runs, "seed": seed, "top_band_floor": top, "bots": bots,
            **references, "verdict": verdict(bots, references["skilled"])}
