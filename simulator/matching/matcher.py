"""Rank a node's options against a typed reply: offline, pure Python, no model to download.

Contract: ``Matcher(corpus)`` learns word weights (inverse document frequency) from the texts of
one scenario; ``matcher.match(reply, options)`` returns a ``MatchResult`` whose ``ranked`` holds
every option once, best first, each with a confidence in 0..1, and ``understood`` says whether the
best option is close enough to offer as "Did you mean...?". An empty or off-script reply is not
understood. Deterministic: the same inputs give the same result; ties keep the options' order.

Method (measured against alternatives in ``benchmarks/bench_matching.py``): each option is
represented by its text and its trainer-written ``also`` phrasings. A reply is compared with each
of them on two TF-IDF cosine similarities, one over content-word stems (typos fixed against the
scenario's vocabulary) and one over character 3-grams (catches the typos left), mixed
``WORD_WEIGHT`` to ``1 - WORD_WEIGHT``; an option scores its best phrasing. Confidence turns the
score into 0..1 (``SCORE_FLOOR`` and ``SCORE_FULL``) and shares it out by the margin over the
runner-up, so two near-equal options both get a modest confidence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from simulator.matching.text import TypoFixer, char_grams, words

WORD_WEIGHT = 0.6
SCORE_FLOOR = 0.12  # at or below this similarity a reply has nothing to do with an option
SCORE_FULL = 0.45  # at or above this similarity the wording alone is convincing
MARGIN_FULL = 0.10  # a lead of this much over the runner-up leaves no doubt between them
UNDERSTOOD_AT = 0.35  # the best option's confidence at which the reply counts as understood

Vector = dict[str, float]


@dataclass(frozen=True)
class OptionText:
    """What an option says (``text``) and the trainer's other ways of saying it (``also``)."""

    id: str
    text: str
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ranked:
    id: str
    confidence: float
    score: float  # raw similarity 0..1, for tuning and the benchmark


@dataclass(frozen=True)
class MatchResult:
    ranked: tuple[Ranked, ...]
    understood: bool

    @property
    def best(self) -> Ranked | None:
        return self.ranked[0] if self.ranked else None

    def to_json(self) -> dict:
        """The ``match --json`` shape: ``{"ranked": [{"id", "confidence"}], "understood"}``."""
        return {"ranked": [{"id": r.id, "confidence": round(r.confidence, 3)} for r in self.ranked],
                "understood": self.understood}


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(key, 0.0) for key, weight in a.items())


@dataclass
class _Space:
    """One TF-IDF vector space (words or character grams) with IDF from a corpus of texts."""

    idf: dict[str, float] = field(default_factory=dict)
    default_idf: float = 1.0

    @classmethod
    def fit(cls, documents: Sequence[Iterable[str]]) -> _Space:
        counts: Counter[str] = Counter()
        for doc in documents:
            counts.update(set(doc))
        n = max(1, len(documents))
        idf = {term: math.log((1 + n) / (1 + df)) + 1.0 for term, df in counts.items()}
        return cls(idf, math.log(1 + n) + 1.0)

    def vector(self, terms: Iterable[str]) -> Vector:
        tf = Counter(terms)
        weights = {t: (1 + math.log(c)) * self.idf.get(t, self.default_idf) for t, c in tf.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}


class Matcher:
    """Open-answer matching for one scenario: IDF and typo vocabulary come from ``corpus`` (every
    option text, ``also`` phrasing and customer line of the scenario is a good corpus)."""

    def __init__(self, corpus: Iterable[str]) -> None:
        docs = [words(text) for text in corpus]
        self._fixer = TypoFixer(w for doc in docs for w in doc)
        self._words = _Space.fit(docs)
        self._grams = _Space.fit([char_grams(doc) for doc in docs])
        self._cache: dict[str, tuple[Vector, Vector]] = {}

    def _vectors(self, text: str) -> tuple[Vector, Vector]:
        cached = self._cache.get(text)
        if cached is None:
            tokens = [self._fixer.fix(w) for w in words(text)]
            cached = (self._words.vector(tokens), self._grams.vector(char_grams(tokens)))
            if len(self._cache) < 5000:
                self._cache[text] = cached
        return cached

    def similarity(self, reply: str, phrasing: str) -> float:
        """0..1: how close ``reply`` is to one phrasing of an option."""
        (rw, rg), (pw, pg) = self._vectors(reply), self._vectors(phrasing)
        return WORD_WEIGHT * _cosine(rw, pw) + (1 - WORD_WEIGHT) * _cosine(rg, pg)

    def scores(self, reply: str, options: Sequence[OptionText]) -> list[float]:
        """Each option's similarity to ``reply``: the best over its text and ``also`` phrasings."""
        if not words(reply):
            return [0.0] * len(options)
        return [max(self.similarity(reply, p) for p in (o.text, *o.also)) for o in options]

    def match(self, reply: str, options: Sequence[OptionText]) -> MatchResult:
        scores = self.scores(reply, options)
        order = sorted(range(len(options)), key=lambda i: -scores[i])
        confidences = _confidences([scores[i] for i in order])
        ranked = tuple(Ranked(options[i].id, c, scores[i]) for i, c in zip(order, confidences, strict=True))
        return MatchResult(ranked, bool(ranked) and ranked[0].confidence >= UNDERSTOOD_AT)


def _confidences(sorted_scores: list[float]) -> list[float]:
    """Scores (best first) to confidences: how convincing the wording is, times how clearly it
    beats the runner-up (the runner-ups' confidences shrink by the same lead)."""
    if not sorted_scores:
        return []
    out = []
    for rank, score in enumerate(sorted_scores):
        absolute = min(1.0, max(0.0, (score - SCORE_FLOOR) / (SCORE_FULL - SCORE_FLOOR)))
        rival = sorted_scores[1] if rank == 0 and len(sorted_scores) > 1 else sorted_scores[0]
        lead = score - rival
        clarity = 0.5 + 0.5 * max(-1.0, min(1.0, lead / MARGIN_FULL))
        out.append(round(absolute * clarity, 4))
    return out
