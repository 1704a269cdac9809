"""Gaming rule (FL601): a naive player who reads only option texts scores too well.

Uses the figures of ``explore --bots`` (``simulator.authoring.bots.simulate``) with fewer runs so
lint stays fast: ``LINT_RUNS`` runs per strategy, fewer for long calls so that at most
``STEP_BUDGET`` decisions are simulated per scenario, and skipped (no finding) when that would be
under ``MIN_LINT_RUNS`` runs, when the call cannot end (FL102/FL103 say why), or when a run takes
fewer than ``MIN_DECISIONS`` decisions (chance alone then puts a random player in the top band too
often for the rule to be fair; teaching calls have 8 or more). One finding per
strategy that breaks the rule (its mean and top-band share in the message, a fix in the hint),
plus one when the skilled player is not far enough ahead of the best naive one. The simulation's
figures are cached by scenario text and code (``simulator.authoring.sim_cache``): linting an
unchanged file again costs no simulation (about 0.3-0.5 s saved per scenario).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from simulator.authoring.bots import (
    MAX_NAIVE_MEAN,
    MAX_TOP_BAND_SHARE,
    MIN_SKILL_MARGIN,
    STRATEGIES,
    decisions_per_run,
    simulate,
)
from simulator.authoring.lint_context import Context, Finding
from simulator.authoring.sim_cache import cached_simulation

LINT_RUNS = 200
MIN_LINT_RUNS = 50
MIN_DECISIONS = 4
STEP_BUDGET = 40_000
SEED = 0

_LENGTH_HINT = ("vary which option is longest: shorten the best option or give a weaker one more words, "
                "so length says nothing about quality")
_PHRASE_HINT = ("put the stock phrases this strategy looks for into weak options too (an empty 'I'm sorry' "
                "or 'I understand' that dodges the problem) and let some good options do without them")
HINTS = {
    "longest": _LENGTH_HINT,
    "shortest": _LENGTH_HINT,
    "avoid-refusal": "let a good option say no honestly ('policy', 'I can't') and give a weak one "
                     "soothing words that promise nothing",
    "first-shown": "let the options shuffle (remove 'shuffle: false') or reorder them",
    "mirror-customer": "let weak options echo the customer's words too (parroting without acting)",
    "asks-question": "give weak options questions too (stalling or irrelevant ones) and let a good "
                     "option act without asking",
    "specific-promise": "let a weak option make a specific promise it cannot keep, and a good one "
                        "commit without numbers",
}


def _runs_for(ctx: Context) -> int:
    """Runs per player that fit ``STEP_BUDGET``, or 0 when lint should skip the simulation."""
    players = len(STRATEGIES) + 2  # the skilled and ideal references
    longest = STEP_BUDGET // (players * MIN_LINT_RUNS)  # a longer call would get too few runs
    length = decisions_per_run(ctx.scenario, seed=SEED, limit=longest)
    if length is None or length < MIN_DECISIONS:
        return 0
    runs = min(LINT_RUNS, STEP_BUDGET // (length * players))
    return runs if runs >= MIN_LINT_RUNS else 0


def _naive(ctx: Context, name: str, fig: dict[str, Any]) -> Finding | None:
    too_high = fig["mean"] is not None and fig["mean"] > MAX_NAIVE_MEAN
    too_often = fig["top_band_share"] >= MAX_TOP_BAND_SHARE
    if not (too_high or too_often):
        return None
    message = (f"a naive strategy scores too well: '{name}' ({STRATEGIES[name].description}) averages "
               f"{fig['mean']} and reaches the top band in {100 * fig['top_band_share']:.1f} % of "
               f"{fig['runs']} runs (limits: mean at most {MAX_NAIVE_MEAN:g}, top band under "
               f"{100 * MAX_TOP_BAND_SHARE:g} %)")
    from simulator.paths import command_name

    hint = HINTS.get(name, _PHRASE_HINT) + f"; check with '{command_name()} explore FILE --bots'"
    return ctx.finding("FL601", ("id",), message, hint, key=True)


def gaming(ctx: Context) -> Iterator[Finding]:
    """FL601: see the module doc."""
    runs = _runs_for(ctx)
    if not runs:
        return
    # a translation's keyword players read its language (ctx.language, the translation: block's);
    # that block is part of the document's source text, so the cache key already tells languages apart
    report = cached_simulation(ctx.document.source, runs, SEED,
                               lambda: simulate(ctx.scenario, runs=runs, seed=SEED, language=ctx.language))
    for name, fig in report["bots"].items():
        finding = _naive(ctx, name, fig)
        if finding is not None:
            yield finding
    means = [(fig["mean"], name) for name, fig in report["bots"].items() if fig["mean"] is not None]
    skilled = report["skilled"]["mean"]
    if means and skilled is not None and skilled < max(means)[0] + MIN_SKILL_MARGIN:
        best_mean, best_name = max(means)
        yield ctx.finding(
            "FL601", ("id",), f"skill barely pays: a skilled player (best option 4 times in 5) averages "
            f"{skilled}, {skilled - best_mean:+.1f} against '{best_name}' ({best_mean}); it should be at "
            f"least {MIN_SKILL_MARGIN:g} points ahead", "make the naive strategy's picks cost more (grade "
            "them clearly below the best option) or fix the strategy's tell (see its own FL601)", key=True)


GAMING_RULES = (gaming,)
