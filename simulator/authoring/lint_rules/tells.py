"""Tell rules: option texts that give the grade away, and decisions that teach nothing (FL5xx).

A naive player reads only the option texts. These rules look for what such a player could learn
instead of customer service: the best option is the longest (FL501, FL502), a phrase marks the best
or the worst option (FL503), every option grades alike (FL504), two options read the same (FL505),
and too many options are straw men, weaker than a sibling on every principle (FL506).

A *decision* is a node with at least two choices; all of its choices count as open (conditional
ones included). An option's *net* is the sum of its grades; a decision is *graded* when its nets
differ; its *best* options have the highest net, its *worst* the lowest.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from simulator.authoring.lint_context import Context, Finding
from simulator.content.models import Choice, Scenario

LONGEST_SHARE = 0.40  # FL501: the best option is the longest in more than this share of decisions
LONGER_BY = 0.30  # FL502: the best option is this much longer than every other option
PHRASE_MIN_OPTIONS = 3  # FL503: a phrase must appear in at least this many options
PHRASE_MIN_SHARE = 0.60  # ... and this share of them must be best (or worst)
PHRASE_MIN_LIFT = 2.0  # ... which must be at least this many times the base rate
MINED_MAX_CHANCE = 0.02  # a mined phrase must also be this unlikely by chance (binomial tail)
MAX_PHRASES = 6  # phrase findings per kind (best, worst)
STRAW_SHARE = 0.10  # FL506: more than this share of options are straw options
LISTED = 12  # options named in one scenario-level message

STOCK_PHRASES = ("i'm sorry", "sorry", "i'm afraid", "correct myself", "i understand", "absolutely",
                 "unfortunately", "policy", "let me", "i apologise", "i apologize")
# Mined phrases made only of these words say nothing about the option.
STOP_WORDS = frozenset(("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "i", "i'm",
                        "in", "is", "it", "it's", "of", "on", "or", "our", "so", "that", "the", "this", "to",
                        "was", "we", "were", "will", "with"))
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")  # letters of any language (translations are linted too)


def words(text: str) -> tuple[str, ...]:
    """Lower-case words of ``text`` (typographic apostrophes read as plain ones)."""
    return tuple(_WORD.findall(text.lower().replace("\u2019", "'").replace("\u2018", "'")))


@dataclass(frozen=True)
class Decision:
    """One node's options with their nets, in file order."""

    node_id: str
    choices: tuple[Choice, ...]
    nets: tuple[int, ...]

    @property
    def graded(self) -> bool:
        return len(set(self.nets)) > 1

    def best(self) -> list[int]:
        """Positions of the options with the highest net."""
        return [k for k, net in enumerate(self.nets) if net == max(self.nets)]

    def worst(self) -> list[int]:
        return [k for k, net in enumerate(self.nets) if net == min(self.nets)]


def decisions(scenario: Scenario) -> list[Decision]:
    """Every node with at least two choices, in file order."""
    return [Decision(node_id, node.choices, tuple(sum(c.grades.values()) for c in node.choices))
            for node_id, node in scenario.nodes.items() if len(node.choices) >= 2]


def _percent(share: float) -> str:
    return f"{round(100 * share)} %"


def _sample(names: list[str]) -> str:
    shown = ", ".join(names[:LISTED])
    return shown + (f" and {len(names) - LISTED} more" if len(names) > LISTED else "")


# --- FL501, FL502: length -----------------------------------------------------------------------
def _longest(decision: Decision) -> int | None:
    """Position of the single longest option text, or None when two share the top length."""
    lengths = [len(c.text.strip()) for c in decision.choices]
    top = max(lengths)
    return lengths.index(top) if lengths.count(top) == 1 else None


def length_tells(ctx: Context) -> Iterator[Finding]:
    """FL501 (the best option is the longest too often) and FL502 (a best option far longer)."""
    graded = [d for d in decisions(ctx.scenario) if d.graded]
    hits = [d for d in graded if _longest(d) in d.best()]
    if graded and len(hits) >= 2 and len(hits) / len(graded) > LONGEST_SHARE:
        chance = sum(len(d.best()) / len(d.choices) for d in graded) / len(graded)
        yield ctx.finding("FL501", ("nodes",), f"the best option is also the longest in {len(hits)} of "
                          f"{len(graded)} graded decisions ({_percent(len(hits) / len(graded))}; chance would "
                          f"be about {_percent(chance)}), so always picking the longest text scores well: "
                          f"{_sample([d.node_id for d in hits])}", "make weaker options as long and as "
                          "detailed as the best one, or say the best one in fewer words", key=True)
    for decision in graded:
        for k in decision.best():
            mine = len(decision.choices[k].text.strip())
            others = max(len(c.text.strip()) for j, c in enumerate(decision.choices) if j != k)
            if mine > (1 + LONGER_BY) * others:
                yield ctx.at_choice("FL502", decision.node_id, k, f"the best option '{decision.choices[k].id}' "
                                    f"is {mine} characters, {_percent(mine / others - 1)} longer than every "
                                    f"other option of '{decision.node_id}' (longest other: {others})",
                                    "give a weaker option the same detail, or trim this one")


# --- FL503: phrases -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Use:
    """One option of a graded decision: where it is, its 1-3 word phrases, and whether it is best or worst."""

    node_id: str
    position: int
    phrases: frozenset[tuple[str, ...]]
    best: bool
    worst: bool


def _phrases(text: str) -> frozenset[tuple[str, ...]]:
    said = words(text)
    return frozenset(said[i:i + n] for n in (1, 2, 3) for i in range(len(said) - n + 1))


def _uses(graded: list[Decision]) -> list[_Use]:
    return [_Use(d.node_id, k, _phrases(c.text), k in d.best(), k in d.worst())
            for d in graded for k, c in enumerate(d.choices)]


def _index(uses: list[_Use]) -> dict[tuple[str, ...], list[_Use]]:
    """Every 1-3 word phrase -> the options using it, in file order."""
    found: dict[tuple[str, ...], list[_Use]] = {}
    for use in uses:
        for phrase in use.phrases:
            found.setdefault(phrase, []).append(use)
    return found


def _mined(index: dict[tuple[str, ...], list[_Use]]) -> set[tuple[str, ...]]:
    """Phrases found in at least PHRASE_MIN_OPTIONS options (not only stop words or numbers)."""
    return {g for g, members in index.items() if len(members) >= PHRASE_MIN_OPTIONS
            and not all(w in STOP_WORDS or w.isdigit() for w in g)}


def _chance_of_at_least(hits: int, tries: int, rate: float) -> float:
    """Binomial tail: the chance of ``hits`` or more successes in ``tries`` at ``rate``."""
    return sum(math.comb(tries, k) * rate ** k * (1 - rate) ** (tries - k) for k in range(hits, tries + 1))


@dataclass(frozen=True)
class PhraseTell:
    phrase: str
    kind: str  # "best" or "worst"
    options: int
    hits: int
    base_rate: float
    first: _Use
    members: frozenset[tuple[str, int]]


def phrase_tells_in(scenario: Scenario) -> list[PhraseTell]:
    """Phrases whose options are their decision's best (or worst) far more often than chance."""
    graded = [d for d in decisions(scenario) if d.graded]
    uses = _uses(graded)
    if not uses:
        return []
    stock = {words(p) for p in STOCK_PHRASES} | {words(scenario.customer.name)[:1]}  # all 1-3 words
    stock.discard(())
    index = _index(uses)
    candidates = stock | _mined(index)
    found: list[PhraseTell] = []
    for kind in ("best", "worst"):
        base = sum(getattr(u, kind) for u in uses) / len(uses)
        tells = []
        for phrase in candidates:
            members = index.get(phrase, [])
            hits = sum(getattr(u, kind) for u in members)
            if len(members) < PHRASE_MIN_OPTIONS or hits / len(members) < max(PHRASE_MIN_SHARE, PHRASE_MIN_LIFT * base):
                continue
            if phrase not in stock and _chance_of_at_least(hits, len(members), base) > MINED_MAX_CHANCE:
                continue
            tells.append(PhraseTell(" ".join(phrase), kind, len(members), hits, base, members[0],
                                    frozenset((u.node_id, u.position) for u in members)))
        found += _strongest(tells)
    return found


def _strongest(tells: list[PhraseTell]) -> list[PhraseTell]:
    """The strongest tells first; a phrase whose options another reported phrase covers is dropped."""
    tells.sort(key=lambda t: (-t.hits / t.options, -t.options, len(t.phrase), t.phrase))
    kept: list[PhraseTell] = []
    for tell in tells:
        if not any(tell.members <= other.members for other in kept) and len(kept) < MAX_PHRASES:
            kept.append(tell)
    return kept


def phrase_tells(ctx: Context) -> Iterator[Finding]:
    """FL503: a phrase predicts the best (or the worst) option across the scenario."""
    for tell in phrase_tells_in(ctx.scenario):
        advice = ("use it in weaker options too, or word the best options differently" if tell.kind == "best"
                  else "use it in good options too (good agents say it as well), or word the worst differently")
        yield ctx.at_choice("FL503", tell.first.node_id, tell.first.position, f"the phrase '{tell.phrase}' "
                            f"gives the {tell.kind} option away: it appears in {tell.options} options and "
                            f"{tell.hits} of them ({_percent(tell.hits / tell.options)}) are their decision's "
                            f"{tell.kind}, against a base rate of {_percent(tell.base_rate)}", advice)


# --- FL504, FL505, FL506: decisions that teach nothing, twins, straw options --------------------
def flat_decisions(ctx: Context) -> Iterator[Finding]:
    """FL504: every option grades the same on every principle (a trade-off between principles
    with equal nets is a deliberate dilemma and is left alone)."""
    for decision in decisions(ctx.scenario):
        vectors = {tuple(sorted((p, g) for p, g in c.grades.items() if g)) for c in decision.choices}
        if len(vectors) == 1:
            yield ctx.at_node("FL504", decision.node_id, f"every option of '{decision.node_id}' is graded "
                              f"the same (net {decision.nets[0]}), so whatever the player picks scores alike "
                              "and the decision teaches nothing", "grade the options apart: which one serves "
                              "the customer best, and which principle does each weaker one miss?")


def _same_text(text: str) -> str:
    return " ".join(text.casefold().split())


def twin_options(ctx: Context) -> Iterator[Finding]:
    """FL505: two options of one node with the same text (ignoring case and spacing)."""
    for node_id, node in ctx.scenario.nodes.items():
        seen: dict[str, str] = {}
        for position, choice in enumerate(node.choices):
            key = _same_text(choice.text)
            if key in seen:
                yield ctx.at_choice("FL505", node_id, position, f"options '{seen[key]}' and '{choice.id}' of "
                                    f"'{node_id}' have the same text, so the player cannot tell them apart",
                                    "reword one of them, or merge them into one option")
            else:
                seen[key] = choice.id


def straw_over(choice: Choice, siblings: tuple[Choice, ...]) -> Choice | None:
    """The sibling (always open) that ``choice`` is a straw option against, or None.

    A straw option is no better than that sibling on any principle and worse on at least one: it
    has no upside a thinking player could weigh against the sibling.
    """
    for other in siblings:
        if other is choice or other.condition is not None:
            continue
        keys = set(choice.grades) | set(other.grades)
        pairs = [(choice.grades.get(k, 0), other.grades.get(k, 0)) for k in keys]
        if all(mine <= theirs for mine, theirs in pairs) and any(mine < theirs for mine, theirs in pairs):
            return other
    return None


def straw_options(ctx: Context) -> Iterator[Finding]:
    """FL506: more than STRAW_SHARE of the options are straw options (each one is listed)."""
    total, straws = 0, []
    for decision in decisions(ctx.scenario):
        total += len(decision.choices)
        for choice in decision.choices:
            other = straw_over(choice, decision.choices)
            if other is not None:
                straws.append(f"{decision.node_id}/{choice.id} (vs {other.id})")
    if total and len(straws) / total > STRAW_SHARE:
        yield ctx.finding("FL506", ("nodes",), f"{len(straws)} of {total} options "
                          f"({_percent(len(straws) / total)}) are straw options, no better than a sibling on "
                          f"any principle and worse on one, so a player can rule them out without thinking: "
                          f"{_sample(straws)}", "give each weaker option a real upside (a principle it serves "
                          f"better than the best option), or drop it; keep straw options to {_percent(STRAW_SHARE)} "
                          "of options or fewer", key=True)


TELL_RULES = (length_tells, phrase_tells, flat_decisions, twin_options, straw_options)
