"""A bounded differential fuzz run of the two YAML readers behind ``yaml_reader.parse_yaml``.

Seeded and sized to take about two seconds: documents are generated from random data written in
random YAML styles (block and flow collections, plain/quoted/block scalars, number-like and
keyword-like words, comments), some then mutated a character or two. For every document the fast
path must either stay silent or return exactly the strict reader's data, and the facade must give
the same data (or the same refusal) with the fast path forced on and off.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from simulator.content.fast_yaml import fast_parse
from simulator.content.problems import ContentError
from simulator.content.safe_yaml import parse_strict
from simulator.content.yaml_reader import parse_yaml

SEEDS = (11, 12, 13)
DOCUMENTS_PER_SEED = 1500
# Ordinary words, and words the two readers (or YAML 1.1 and 1.2) read differently or refuse.
WORDS = ["a", "b c", "Hello there", "x-y", "é", "😀", "0", "7", "-3", "+5", "1.5", "-.5", "2.", "12:30", "a#b",
         "it's", "1.2.3", "2024-01-02", "x|y", "a, b", "", "true", "False", "~", "null", "yes", "No", "off"]
ODD_WORDS = ["Null", "on", "012", "0x1F", "0o7", "1_000", "1e3", ".inf", ".NaN", "a: b", "a #b", 'say "hi"', "[x]",
             "{x}", "&x", "*x", "!t", "- x", "? x", "%x", "@x", "`x", "<<", " lead", "trail ", "\\n", "> x"]
KEYS = ["id", "title", "a", "b c", "k1", "nodes", "yes", "1", "~", "'q'", "x-y", "é"]


def scalar(rng: random.Random) -> str:
    """A scalar as it may be written: plain, single- or double-quoted."""
    word = rng.choice(ODD_WORDS if rng.random() < 0.15 else WORDS)
    style = rng.random()
    if style < 0.6:
        return word
    if style < 0.8:
        return "'" + word.replace("'", "''") + "'"
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(rng: random.Random, depth: int) -> str:
    if depth > 2 or rng.random() < 0.4:
        return scalar(rng)
    if rng.random() < 0.5:
        return "[" + ", ".join(flow(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "]"
    pairs = (f"{rng.choice(KEYS)}: {flow(rng, depth + 1)}" for _ in range(rng.randint(0, 3)))
    return "{" + ", ".join(pairs) + "}"


def block(rng: random.Random, indent: int, depth: int) -> list[str]:
    """Lines of a block mapping or sequence at ``indent``."""
    pad, lines = " " * indent, []
    sequence = depth > 0 and rng.random() < 0.35
    used: set[str] = set()
    for _ in range(rng.randint(1, 4)):
        head = f"{pad}- " if sequence else f"{pad}{_fresh_key(rng, used)}:"
        lines += _entry(rng, head, indent, depth, sequence)
        if rng.random() < 0.1:
            lines.append(f"{pad}# a comment")
    return lines


def _fresh_key(rng: random.Random, used: set[str]) -> str:
    key = rng.choice(KEYS)
    if key in used and rng.random() < 0.9:  # a duplicate now and then: the strict reader refuses it
        key = f"{key}{len(used)}"
    used.add(key)
    return key


def _entry(rng: random.Random, head: str, indent: int, depth: int, sequence: bool) -> list[str]:
    roll = rng.random()
    if depth < 4 and roll < 0.3:
        nested = block(rng, indent + 2, depth + 1)
        return [head.rstrip()] + nested if not sequence else [head + nested[0].lstrip()] + nested[1:]
    if roll < 0.4:
        indicator = rng.choice(["|", ">", "|-", ">+", "|2"])
        body = [" " * (indent + 2) + rng.choice(WORDS + ODD_WORDS) for _ in range(rng.randint(0, 3))]
        return [f"{head} {indicator}"] + body
    value = flow(rng, 0) if roll < 0.6 else scalar(rng)
    comment = " # note" if rng.random() < 0.1 else ""
    return [f"{head} {value}{comment}".rstrip()]


def document(rng: random.Random) -> str:
    text = "\n".join(block(rng, 0, 0)) + ("\n" if rng.random() < 0.95 else "")
    for _ in range(rng.choice([0, 0, 1, 2])):  # a few mutated documents
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice([" ", ":", "-", "#", "'", '"', "[", "]", "{", "}", ",", "\n", "\n  ", "0"]) + \
            text[at + rng.randint(0, 1):]
    return text


def strict_or_refusal(text: str, *, fast: bool | None = None) -> tuple[str, Any]:
    """('ok', data as JSON) or ('refused', the problems) for one reader."""
    try:
        data = parse_strict(text, "f.yaml").data if fast is None else parse_yaml(text, "f.yaml", fast=fast).data
    except ContentError as error:
        return "refused", [problem.format() for problem in error.problems]
    return "ok", json.dumps(data)


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_documents_read_the_same_through_both_readers(seed: int) -> None:
    rng = random.Random(seed)
    answered = refused = 0
    for _ in range(DOCUMENTS_PER_SEED):
        text = document(rng)
        expected = strict_or_refusal(text)
        fast = fast_parse(text)
        if fast is not None:
            answered += 1
            assert expected == ("ok", json.dumps(fast)), text
        refused += expected[0] == "refused"
        assert strict_or_refusal(text, fast=True) == expected, text
        assert strict_or_refusal(text, fast=False) == expected, text
    # Not vacuous: the fast path answers for a good share, and the strict reader refuses some.
    assert answered > DOCUMENTS_PER_SEED // 10 and refused > DOCUMENTS_PER_SEED // 20, (answered, refused)
