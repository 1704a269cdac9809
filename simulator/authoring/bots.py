"""Naive players: can a trainee who reads only the option texts game a scenario's grade?

Contract:
* ``STRATEGIES`` maps a name to a ``Strategy``: a rule that picks one of the open options from
  their texts alone (and, for ``mirror-customer``, the customer's current line). No strategy ever
  sees grades, feedback, ``next`` or conditions. Ties go to the option shown first (the display
  order is the seeded shuffle the player sees, so ties break as a real player's eye would).
* ``simulate(scenario, runs=1000, seed=0)`` plays every strategy ``runs`` times through the
  engine's public session API (``ScenarioMachine.start`` / ``open_choices`` / ``choose``), plus
  the ``skilled`` reference (the best net option 80 % of the time, otherwise a random other open
  option) and ``ideal`` (always the best net option), and scores each run with the real scorer
  (``RunningScore.final``, equal to ``score_run(...).overall``).
  It returns a JSON-ready dict: ``bots`` -> name -> figures, ``skilled``, ``ideal`` (same shape),
  and ``verdict`` = {``gameable``: bool, ``reasons``: [str]}. Figures: ``runs``, ``mean``,
  ``median``, ``p90``, ``min``, ``max``, ``stdev``, ``top_band_share`` (0..1, share of runs in
  the top band), ``unfinished``. Language keys (added to the report, see ``language_fields``):
  ``language``, ``word_lists`` and ``notes``.
* Languages: ``simulate(..., language=tag)`` plays a translation. The keyword players
  (``KEYWORD_PLAYERS``) then read that language's words (``strategies_for``, lists in
  ``simulator.authoring.bot_words``); the length, order and random players need no words. The
  tag is the translation's own: the ``translation:`` block's ``language`` (``lint``:
  ``Context.language``) or the language the translation was loaded for (``explore``:
  ``TranslatedScenario.language``, from ``<name>.<lang>.yaml``, which ``i18n import`` names after
  the block). Not the ``voices`` languages: a translated file keeps its source's voices and only
  the game re-voices it (``simulator.i18n.api.spoken_in``). A language without lists of its own
  is read with the English lists and ``notes`` says so.
* Deterministic: the same scenario, runs and seed give the same figures. Run ``i`` of every
  player uses the same session seed, so every player meets the same display orders.
* Gaming rule (``verdict``): a naive strategy games the scenario when its mean is above
  ``MAX_NAIVE_MEAN`` or its top-band share is at least ``MAX_TOP_BAND_SHARE``; the scenario is also
  gameable when the skilled mean is less than ``MIN_SKILL_MARGIN`` above the best naive mean.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from scoring.scorer import NetTable, RunningScore, band_for
from simulator.authoring.bot_words import SOURCE_LANGUAGE, WordLists, word_lists
from simulator.content.models import Scenario
from simulator.engine.machine import ScenarioMachine
from simulator.engine.session import PlaySession
from simulator.engine.views import ChoiceView, Step

MAX_NAIVE_MEAN = 45.0
MAX_TOP_BAND_SHARE = 0.02
MIN_SKILL_MARGIN = 25.0
SKILLED_BEST_SHARE = 0.8
MAX_STEPS = 200  # decisions (or twice the nodes) before a run is stopped, counted unfinished
MAX_VISITS = 8  # a run that reaches one node this often is going round a loop: stopped, unfinished
IDEAL_RUNS = 50

Picker = Callable[[Sequence[ChoiceView], str, random.Random], str]


@dataclass(frozen=True)
class Strategy:
    """A naive rule: ``pick(open_options, customer_line, rng) -> choice id``."""

    name: str
    description: str
    pick: Picker
    reads_line: bool = False  # only then is the customer's line worked out (it costs a beat())


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


def _by_length_rank(rank: Callable[[int], int]) -> Picker:
    """A picker taking the option at length position ``rank(count)`` (0 = shortest; first shown on
    ties): the rules a player falls back on once "pick the longest" stops working."""

    def pick(options: Sequence[ChoiceView], line: str, rng: random.Random) -> str:
        ordered = sorted(range(len(options)), key=lambda k: (len(options[k].text), -k))
        return options[ordered[max(0, min(len(options) - 1, rank(len(options))))]].id

    return pick


def _random(options: Sequence[ChoiceView], line: str, rng: random.Random) -> str:
    return options[int(rng.random() * len(options))].id


def _first(options: Sequence[ChoiceView], line: str, rng: random.Random) -> str:
    return options[0].id


def _mirror(lists: WordLists) -> Picker:
    """A picker taking the option sharing most content words with the customer's line."""

    def pick(options: Sequence[ChoiceView], line: str, rng: random.Random) -> str:
        said = lists.content_words(line)
        best_id, best = options[0].id, -1
        for view in options:
            overlap = len(said & lists.content_words(view.text))
            if overlap > best:
                best_id, best = view.id, overlap
        return best_id

    return pick


def _strategies(lists: WordLists) -> dict[str, Strategy]:
    """Every naive strategy, its keyword players reading ``lists`` (descriptions stay English)."""
    items = (
        Strategy("random", "a uniformly random open option", _random),
        Strategy("longest", "the longest option text", _by_key(len)),
        Strategy("shortest", "the shortest option text", _by_key(lambda t: -len(t))),
        Strategy("first-shown", "the first option on the screen", _first),
        Strategy("second-longest", "the second longest option (never the longest, never the shortest)",
                 _by_length_rank(lambda n: n - 2)),
        Strategy("second-shortest", "the second shortest option", _by_length_rank(lambda n: 1)),
        Strategy("middle-length", "the option in the middle by length", _by_length_rank(lambda n: n // 2)),
        Strategy("polite-keyword", "most sorry/please/thank/understand/appreciate/apologise words",
                 _by_key(lambda t: lists.count(t, "polite"))),
        Strategy("avoid-refusal", "no policy/can't/unable/transfer/afraid words, then the longest",
                 _by_key(lambda t: (-lists.count(t, "refusal"), len(t)))),
        Strategy("empathy-words", "most feel/frustrating/understand/imagine/upset words",
                 _by_key(lambda t: lists.count(t, "empathy"))),
        Strategy("second-person", "most you/your words, to sound customer-focused",
                 _by_key(lambda t: lists.count_exact(t, "second_person"))),
        Strategy("asks-question", "an option that asks a question", _by_key(lambda t: "?" in t)),
        Strategy("mirror-customer", "most words shared with the customer's last line", _mirror(lists), True),
        Strategy("specific-promise", "most numbers and time words, which sound concrete",
                 _by_key(lambda t: lists.count_exact(t, "specific"))),
    )
    return {s.name: s for s in items}


STRATEGIES = _strategies(word_lists(SOURCE_LANGUAGE))
KEYWORD_PLAYERS = ("polite-keyword", "avoid-refusal", "empathy-words", "second-person", "mirror-customer",
                   "specific-promise")  # the strategies whose picks depend on the language's words


@cache
def strategies_for(language: str | None) -> dict[str, Strategy]:
    """``STRATEGIES`` with the keyword players reading ``language``'s words (``bot_words.word_lists``:
    by primary subtag; English lists for None and for a language without lists of its own)."""
    lists = word_lists(language)
    return STRATEGIES if lists.language == SOURCE_LANGUAGE and lists.known else _strategies(lists)


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


def _top_band_floor() -> int:
    """The lowest overall score in the top band (Excellent), read from the scorer's bands."""
    top = band_for(100)
    return min(score for score in range(101) if band_for(score) == top)


@dataclass(frozen=True)
class _Player:
    """One simulated player: its name (seeds its rng), how it picks, and whether it reads the line."""

    name: str
    pick_for: Callable[[PlaySession], Picker]
    reads_line: bool = False


def _drive(session: PlaySession, pick: Picker, rng: random.Random, reads_line: bool,
           max_steps: int) -> Iterator[Step]:
    """Take decisions with ``pick`` until the call ends, nothing is open, ``max_steps`` were taken
    or one node was reached ``MAX_VISITS`` times (a naive rule stuck in a loop never gets out)."""
    visits: dict[str, int] = {}
    for _ in range(max_steps):
        options = session.open_choices()
        node = session.state
        seen = visits[node] = visits.get(node, 0) + 1
        if session.finished or not options or seen > MAX_VISITS:
            return
        yield session.choose(pick(options, session.beat().text if reads_line else "", rng))


def _play(machine: ScenarioMachine, table: NetTable, player: _Player, runs: int, seed: int | str,
          max_steps: int) -> tuple[list[int], int]:
    """Scores of ``runs`` seeded runs (``RunningScore.final``, equal to ``score_run(...).overall``)
    and how many of them were stopped unfinished after ``max_steps`` decisions."""
    rng = random.Random(f"bots:{seed}:{player.name}")
    scores: list[int] = []
    unfinished = 0
    session = machine.start(seed=f"{seed}:0", clock=_zero_clock)
    try:
        for run in range(runs):
            session.restart(f"{seed}:{run}")  # one model moved back to the start: O(1) per run
            score = RunningScore(machine.scenario, table)
            for step in _drive(session, player.pick_for(session), rng, player.reads_line, max_steps):
                score.add(step)
            unfinished += not session.finished
            scores.append(score.final(session.ending))
    finally:
        session.close()
    return scores, unfinished


def _max_steps(scenario: Scenario) -> int:
    return max(MAX_STEPS, 2 * len(scenario.nodes))


def decisions_per_run(scenario: Scenario, seed: int | str = 0, limit: int | None = None) -> int | None:
    """Decisions the ideal player takes (always the best net option): the length of the call as
    written, for budgets and minimum sizes; None when that run does not end within ``limit``
    decisions (default: the simulation's step limit)."""
    session = ScenarioMachine(scenario).start(seed=f"{seed}:probe", clock=_zero_clock)
    try:
        pick = _skilled_picker(NetTable(scenario), session, 1.0)
        steps = _max_steps(scenario) if limit is None else limit
        taken = sum(1 for _ in _drive(session, pick, random.Random(0), False, steps))
        return taken if session.finished else None
    finally:
        session.close()


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


def _naive_player(strategy: Strategy) -> _Player:
    """A naive strategy as a player: the same picker for every session."""
    return _Player(strategy.name, lambda _session: strategy.pick, strategy.reads_line)


def language_fields(language: str | None) -> dict[str, Any]:
    """The report's language keys: ``language`` (the scenario's tag, 'en' for a source),
    ``word_lists`` (whose words the keyword players read) and ``notes`` (one sentence when the
    language has no lists of its own and the keyword players read English words instead)."""
    lists = word_lists(language)
    tag = language or SOURCE_LANGUAGE
    notes = [] if lists.known else [
        f"the keyword players ({', '.join(KEYWORD_PLAYERS)}) have no word list for '{tag}' and read "
        f"English words instead: on {tag} texts they find few and mostly fall back to the first shown or "
        "longest option, so this check is weaker than on a language with its own list "
        "(simulator/authoring/bot_words.py)"]
    return {"language": tag, "word_lists": lists.language, "notes": notes}


def simulate(scenario: Scenario, runs: int = 1000, seed: int | str = 0,
             names: Sequence[str] | None = None, content_hash: str = "",
             language: str | None = None) -> dict[str, Any]:
    """See the module doc. ``names`` picks strategies (default: all); ValueError for unknown ones.
    ``language`` is the language of the scenario's texts (a translation's tag; None: the source,
    English): the keyword players read that language's words (``strategies_for``)."""
    strategies = strategies_for(language)
    chosen = list(strategies) if names is None else list(names)
    unknown = [n for n in chosen if n not in strategies]
    if unknown:
        raise ValueError(f"unknown strategy {', '.join(unknown)}; known: {', '.join(strategies)}")
    machine, table = ScenarioMachine(scenario, content_hash), NetTable(scenario)
    max_steps = _max_steps(scenario)
    top = _top_band_floor()
    players = [_naive_player(strategies[name]) for name in chosen]
    skilled = _Player("skilled", lambda s: _skilled_picker(table, s, SKILLED_BEST_SHARE))
    ideal = _Player("ideal", lambda s: _skilled_picker(table, s, 1.0))
    bots = {p.name: figures(*_play(machine, table, p, runs, seed, max_steps), top) for p in players}
    references = {
        "skilled": figures(*_play(machine, table, skilled, runs, seed, max_steps), top),
        # the ideal player differs between runs only where best options tie: fewer runs suffice
        "ideal": figures(*_play(machine, table, ideal, min(runs, IDEAL_RUNS), seed, max_steps), top),
    }
    return {"scenario": scenario.id, "runs": runs, "seed": seed, "top_band_floor": top, "bots": bots,
            **references, "verdict": verdict(bots, references["skilled"]), **language_fields(language)}
