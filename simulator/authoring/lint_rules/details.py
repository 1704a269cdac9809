"""Rules for scenarios with ``details`` (surface facts varied per run, ``simulator.content.details``).

* FL404: a text fits the play screen with every group's first alternative filled in (what the
  other rules read, ``Context.scenario``) but not with the longest alternatives (the budgets of
  ``limits.text_budgets`` for the scenario's language); or a timed node can be read in its time
  limit with the first alternatives but not with the longest. (FL401 and FL301 report the first.)
* FL706: a value of a detail is written out literally in a text, so a run that picks another
  alternative contradicts itself ("{amount}" in one line, "£42.50" in the next); also a whole
  amount spelled out in words in the scenario's language ("nine pounds" for "£9",
  ``simulator.authoring.amount_words``; English and Spanish, other languages unchecked).
* FL705 also covers the alternatives: a character the game's fonts cannot draw in a value.
A scenario without ``details`` gives no finding here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from simulator.authoring.amount_words import spelled_amounts, whole_amount, words_for
from simulator.authoring.limits import reading_seconds, text_budgets
from simulator.authoring.lint_context import Context, Finding
from simulator.content.details import TextPath, alternatives, has_placeholders, placeholders, player_texts
from simulator.content.models import Node

TextEntry = tuple[str, TextPath, str]

# Values too common to be a fact of the call: a pronoun group's "she" is written out everywhere.
COMMON_WORDS = frozenset(("he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "it", "its",
                          "mr", "mrs", "ms", "mx", "sir", "madam"))


def _longest(text: str, groups: Mapping[str, tuple[dict[str, str], ...]]) -> tuple[int, dict[str, str]]:
    """The length of ``text`` with, per group, the alternative that makes it longest, and those values."""
    used = placeholders(text)
    length, chosen = len(text), {}
    for choices in groups.values():
        if not any(name in choices[0] for name in used):
            continue
        best = max(choices, key=lambda alt: sum(len(alt[name]) - len(name) - 2 for name in used if name in alt))
        length += sum(len(best[name]) - len(name) - 2 for name in used if name in best)
        chosen.update({name: best[name] for name in set(used) if name in best})
    return length, chosen


def _shown(chosen: Mapping[str, str]) -> str:
    return ", ".join(f"{{{name}}} = '{value}'" for name, value in sorted(chosen.items()))


def filled_budgets(ctx: Context) -> Iterator[Finding]:
    """FL404 for texts over their budget and timed nodes over their time with the longest details."""
    groups = alternatives(ctx.written)
    if not groups:
        return
    budgets = text_budgets(ctx.language)
    first = {path: text for _, path, text in player_texts(ctx.scenario)}
    for kind, path, text in player_texts(ctx.written):
        budget = budgets.get(kind)
        if budget is None or not placeholders(text) or len(first[path]) > budget:  # FL401 says so
            continue
        length, chosen = _longest(text, groups)
        if length > budget:
            yield ctx.finding("FL404", path, f"with the longest details filled in ({_shown(chosen)}) this {kind} is "
                              f"{length} characters; at the largest text size only {budget} fit on the play screen",
                              f"cut {length - budget} characters from the text or shorten those alternatives")
    for node_id, node in ctx.written.nodes.items():
        yield from _filled_timer(ctx, node_id, node, groups)


def _filled_timer(ctx: Context, node_id: str, node: Node,
                  groups: Mapping[str, tuple[dict[str, str], ...]]) -> Iterator[Finding]:
    if node.time_limit is None or node.timeout_choice is None or not has_placeholders(node):
        return
    shown = ctx.scenario.nodes[node_id]  # with the first alternatives: FL301 times it
    written = max((len(v.text) for v in shown.line), default=0) + len(shown.narration or "") + \
        sum(len(choice.text) for choice in shown.choices)
    if node.time_limit < reading_seconds(written, ctx.language):
        return
    texts = [node.narration or "", *(choice.text for choice in node.choices)]
    line = max((_longest(v.text, groups)[0] for v in node.line), default=0)
    characters = line + sum(_longest(t, groups)[0] for t in texts)
    needed = reading_seconds(characters, ctx.language)
    if node.time_limit < needed:
        yield ctx.finding("FL404", ("nodes", node_id, "time_limit"), f"{node.time_limit} s is too short with the "
                          f"longest details filled in: reading this node's {characters} characters and deciding "
                          f"takes about {needed} s", f"raise time_limit to {needed} or shorten the text")


def _is_fact(value: str) -> bool:
    """A value worth looking for in the texts: a number, or a name-like word that is not a pronoun."""
    if any(ch.isdigit() for ch in value):
        return True
    return len(value) >= 3 and any(ch.isupper() for ch in value) and value.lower() not in COMMON_WORDS


def fact_pattern(value: str) -> str:
    """A regular expression for ``value`` as a whole word or number: '£12' is not in '£12.60', 'Tom'
    is not in 'Tomasz', '4471' is not in '14471'."""
    return rf"(?<!\w)(?<!\d[.,]){re.escape(value)}(?!\w)(?![.,]\d)"


def written_out(ctx: Context) -> Iterator[Finding]:
    """FL706: a detail's value written literally in a text (the facts disagree in other runs)."""
    facts: dict[str, list[tuple[str, str]]] = {}  # value -> (placeholder, group) it belongs to
    for group, choices in alternatives(ctx.written).items():
        for alternative in choices:
            for name, value in alternative.items():
                if _is_fact(value):
                    facts.setdefault(value, []).append((name, group))
    if not facts:
        return
    pattern = re.compile("|".join(fact_pattern(v) for v in sorted(facts, key=len, reverse=True)))
    for kind, path, text in _checked_texts(ctx):
        for value in dict.fromkeys(match.group(0) for match in pattern.finditer(text)):
            name, group = facts[value][0]
            yield ctx.finding("FL706", path, f"'{value}' is written out in this {kind}, but it is one alternative of "
                              f"{{{name}}} (details: {group}): a run that picks another says two different things",
                              f"write {{{name}}} instead")


def _checked_texts(ctx: Context) -> list[TextEntry]:
    """Every text FL706 reads: the picker's title and summary and every text a run fills."""
    return [("title", ("title",), ctx.written.title), ("summary", ("summary",), ctx.written.summary),
            *player_texts(ctx.written)]


def spelled_out(ctx: Context) -> Iterator[Finding]:
    """FL706: a whole amount of an alternative spelled out in words before a currency word ("nine
    pounds", "a nine-pound account" for '£9'), in English or Spanish (``amount_words``)."""
    words = words_for(ctx.language)
    amounts: dict[tuple[str, int], tuple[str, str, str]] = {}  # (symbol, integer) -> (placeholder, group, value)
    for group, choices in alternatives(ctx.written).items():
        for alternative in choices:
            for name, value in alternative.items():
                if (amount := whole_amount(value)) is not None:
                    amounts.setdefault(amount, (name, group, value))
    if words is None or not amounts:
        return
    for kind, path, text in _checked_texts(ctx):
        for phrase, symbol, number in dict.fromkeys(spelled_amounts(text, words)):
            if (hit := amounts.get((symbol, number))) is None:
                continue
            name, group, value = hit
            yield ctx.finding("FL706", path, f"'{phrase}' in this {kind} spells out '{value}', one alternative of "
                              f"{{{name}}} (details: {group}): a run that picks another says two different things",
                              f"write {{{name}}} instead of '{phrase}'")


def undrawable_values(ctx: Context) -> Iterator[Finding]:
    """FL705 for the alternatives of ``details`` (the texts themselves are checked in ``traps``)."""
    if not ctx.written.details:
        return
    from simulator.authoring.glyphs import missing_characters

    values = [(("details", group, index), value) for group, choices in alternatives(ctx.written).items()
              for index, alternative in enumerate(choices) for value in alternative.values()]
    missing = missing_characters("".join(value for _, value in values))
    for path, value in values:
        bad = sorted({ch for ch in value if ch in missing})
        if bad:
            shown = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in bad)
            yield ctx.finding("FL705", path, f"the game's fonts have no glyph for {shown} in '{value}', so runs "
                              "that pick it show an empty box", "use another character, or spell it out")


DETAIL_RULES = (filled_budgets, written_out, spelled_out, undrawable_values)
