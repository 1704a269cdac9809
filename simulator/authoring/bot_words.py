"""The words the naive keyword players look for, per language (``simulator.authoring.bots``).

Contract:
* ``word_lists(language)`` returns the ``WordLists`` for a language tag ('en', 'es', 'es-419':
  chosen by the primary subtag, case ignored). None means the source language, English. A
  language without lists of its own gets the English ones with ``known`` False, so the caller can
  say the keyword players had nothing to read in that language.
* ``WordLists.count(text, kind)`` counts the places in ``text`` where a ``kind`` entry ('polite',
  'refusal', 'empathy') matches; ``count_exact(text, kind)`` counts the words of ``text`` in a
  whole-word list ('second_person', 'specific'); ``content_words(text)`` are the words worth
  mirroring (over 3 letters, not a stop word).
* Matching is accent- and case-insensitive ("politica" matches "política", "Disculpe" "disculpe";
  ``fold``) and by word stem: an entry's word matches every word that starts with it ("disculp"
  matches "disculpe", "disculpas"). An entry of several words matches those words in a row ("no
  pued" matches "no puedo"); ``~`` in an entry stands for up to two unstressed pronouns of the
  language ("no ~ pued" matches "no le puedo", "no se lo puedo"). A place counts once however many
  entries match there, so English counts exactly as the single-stem lists always did.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

SOURCE_LANGUAGE = "en"
CLITIC_SLOT = "~"
MAX_CLITICS = 2

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")  # words of any language ("código", not "c" + "digo")


def fold(text: str) -> str:
    """``text`` in lower case without accents, with typographic apostrophes made plain."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of ``text`` ("can't" and "código" are one word each)."""
    return _WORD.findall(fold(text))


def _entries(raw: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(word) for word in entry.split()) for entry in raw)


def _exact(raw: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(word) for word in raw)


@dataclass(frozen=True)
class WordLists:
    """One language's lists. Stem lists hold entries (tuples of folded stems, ``~`` a pronoun
    slot); whole-word lists hold folded words."""

    language: str
    polite: tuple[tuple[str, ...], ...]
    refusal: tuple[tuple[str, ...], ...]
    empathy: tuple[tuple[str, ...], ...]
    second_person: frozenset[str]
    specific: frozenset[str]
    stop: frozenset[str]
    clitics: frozenset[str] = frozenset()
    known: bool = True  # False: a language without lists of its own, read with these (English)
    _memo: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def count(self, text: str, kind: str) -> int:
        """Places in ``text`` where an entry of the stem list ``kind`` matches (see the module doc)."""
        entries: tuple[tuple[str, ...], ...] = getattr(self, kind)
        found = words(text)
        return sum(1 for start in range(len(found)) if any(self._matches(found, start, e) for e in entries))

    def count_exact(self, text: str, kind: str) -> int:
        """Words of ``text`` in the whole-word list ``kind``; digits count for 'specific'."""
        wanted: frozenset[str] = getattr(self, kind)
        return sum(1 for word in words(text) if word in wanted or (kind == "specific" and word.isdigit()))

    def content_words(self, text: str) -> frozenset[str]:
        """The words of ``text`` worth mirroring (over 3 letters, not a stop word), remembered per text."""
        known = self._memo.get(text)
        if known is None:
            known = self._memo[text] = frozenset(w for w in words(text) if len(w) > 3 and w not in self.stop)
        return known

    def _matches(self, found: list[str], start: int, entry: tuple[str, ...]) -> bool:
        if not entry:
            return True
        head, rest = entry[0], entry[1:]
        if head == CLITIC_SLOT:
            for skipped in range(MAX_CLITICS + 1):
                if self._matches(found, start + skipped, rest):
                    return True
                if start + skipped >= len(found) or found[start + skipped] not in self.clitics:
                    return False
            return False
        return start < len(found) and found[start].startswith(head) and self._matches(found, start + 1, rest)


_ENGLISH = WordLists(
    language="en",
    polite=_entries(("sorry", "please", "thank", "understand", "appreciat", "apologi", "apologis", "apologiz")),
    refusal=_entries(("policy", "can't", "cannot", "unable", "transfer", "unfortunately", "afraid", "won't")),
    empathy=_entries(("feel", "frustrat", "understand", "imagine", "upset", "hear", "annoy", "stress", "worr",
                      "sorry")),
    second_person=_exact(("you", "your", "you're", "yours", "yourself", "you've", "you'll")),
    specific=_exact(("today", "tomorrow", "minute", "minutes", "hour", "hours", "monday", "tuesday", "wednesday",
                     "thursday", "friday", "by", "within", "email", "reference", "number")),
    stop=_exact(("that", "this", "with", "have", "what", "your", "from", "they", "will", "would", "there",
                 "their", "about", "just", "been", "were", "when", "then", "than", "them", "into", "it's",
                 "i'm", "don't")),
)

# Spanish as an agent says it to a customer (usted): sorry, please, thank, understand, appreciate,
# apologise; "lamento" (I regret) is polite but "lamentablemente" (unfortunately) is a refusal word.
_SPANISH = WordLists(
    language="es",
    polite=_entries(("siento", "sentimos", "lamento", "lamentamos", "disculp", "perdon", "por favor", "gracias",
                     "agradec", "agradezc", "entiend", "entend", "comprend", "apreci")),
    refusal=_entries(("polític", "normativa", "no ~ pued", "no ~ pod", "no ~ es posible", "imposib",
                      "transfer", "transfier", "pasarl", "derivarl", "lamentablemente", "desafortunadamente",
                      "por desgracia", "desgraciadamente", "temo", "no ~ voy", "no ~ vamos")),
    empathy=_entries(("siente", "siento", "sentimos", "sentir", "frustra", "entiend", "entend", "comprend",
                      "imagin", "molest", "enoj", "enfad", "disgust", "oír", "oigo", "escuch", "estrés", "estres",
                      "preocup", "agobi", "fastidi", "lamento")),
    second_person=_exact(("usted", "ustedes", "su", "sus", "suyo", "suya", "suyos", "suyas", "le", "les", "tú",
                          "tu", "tus", "te", "ti", "contigo")),
    specific=_exact(("hoy", "mañana", "minuto", "minutos", "hora", "horas", "lunes", "martes", "miércoles",
                     "jueves", "viernes", "antes", "dentro", "correo", "email", "referencia", "número")),
    stop=_exact(("para", "pero", "como", "cómo", "esta", "está", "este", "esto", "estos", "estas", "esas", "esos",
                 "todo", "toda", "todos", "todas", "porque", "cuando", "donde", "sobre", "entre", "tiene",
                 "tengo", "estoy", "están", "usted", "ustedes", "suyo", "suya", "nuestro", "nuestra", "mucho",
                 "ahora", "aquí", "solo", "algo", "nada", "desde", "hasta", "también", "así", "pues", "bien",
                 "entonces", "mismo", "puedo", "puede", "hace", "ella", "ellos", "nosotros", "aunque", "mientras",
                 "cada", "unos", "unas", "sido", "será", "sería")),
    clitics=_exact(("me", "te", "se", "le", "les", "lo", "la", "los", "las", "nos")),
)

LANGUAGES: dict[str, WordLists] = {lists.language: lists for lists in (_ENGLISH, _SPANISH)}


def primary_language(language: str | None) -> str:
    """The primary subtag of a language tag, lower case ('es-419' -> 'es'); None -> 'en'."""
    return (language or SOURCE_LANGUAGE).split("-")[0].split("_")[0].lower()


@cache
def word_lists(language: str | None) -> WordLists:
    """See the module doc: the lists of ``language``, else English marked ``known=False``."""
    found = LANGUAGES.get(primary_language(language))
    if found is not None:
        return found
    return dataclasses.replace(_ENGLISH, known=False, _memo={})
