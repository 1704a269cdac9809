"""Whole money amounts written in words ("nine pounds", "a nine-pound account", "doce libras").

Lint FL706 (``lint_rules/details.py``) uses this to find a ``details`` alternative's amount spelled
out in a text, where a run that picks another alternative would contradict it.

Contract:
* ``whole_amount(value)`` -> ``(symbol, integer)`` for a value that is a whole amount in one of
  the symbols £, $ or € ("£9", "$12", "€45.00", "9 £", "12,00 €"), else None ("£12.60", "4471").
* ``words_for(language)`` -> the number and currency words of a language tag (``None`` is the
  source language, English; "es"/"es-ES" Spanish), or None for a language without word tables.
* ``spelled_amounts(text, words)`` yields ``(phrase, symbol, integer)`` for every whole number
  from 1 to 999, in words or digits, directly followed by (or hyphenated to) a currency word:
  "forty-five pounds", "thirty five dollars", "twelve quid", "a hundred and five euros",
  "cuarenta y cinco libras". Conservative: a number that runs on into pence or cents
  ("twelve pounds sixty", "nine pounds and fifty pence", "doce libras con sesenta") or follows a
  decimal point ("one point nine pounds", "12.60 pounds") is not a whole amount and is not yielded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

SYMBOLS = "£$€"
_AMOUNT_BEFORE = re.compile(r"([£$€])\s?(\d{1,3})(?:[.,]00)?")  # £9, $12.00
_AMOUNT_AFTER = re.compile(r"(\d{1,3})(?:[.,]00)?\s?([£$€])")  # 9 £, 12,00 € (Spanish order)
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s-]")  # words, digit runs, punctuation; spaces and hyphens join
MAX_RUN = 6  # number words before a currency word worth reading ("nine hundred and ninety nine")


@dataclass(frozen=True)
class NumberWords:
    """One language's words for 1..999 and its currency words, as the parser below reads them."""

    units: Mapping[str, int]  # 1..9
    teens: Mapping[str, int]  # 10..19 (Spanish also the one-word 21..29)
    tens: Mapping[str, int]  # 20, 30 .. 90
    tens_joiner: str | None  # word between tens and unit ("y" in Spanish); None: space or hyphen
    hundreds: Mapping[str, int]  # one-word hundreds ("cien", "doscientos"); "cien" stands alone
    hundred: str | None  # English "nine hundred": a unit (or "a") then this word
    hundred_and: str | None  # English "a hundred and five"
    currency: Mapping[str, str]  # currency word -> symbol
    cents_joiners: frozenset[str]  # "and" / "con": what may lead from the whole amount into its cents
    decimal_words: frozenset[str]  # "point" / "coma": the number before the currency word is a fraction

    def is_number_word(self, word: str) -> bool:
        return (word.isdigit() or word in self.units or word in self.teens or word in self.tens
                or word in self.hundreds or word == self.hundred)


ENGLISH = NumberWords(
    units=dict(one=1, two=2, three=3, four=4, five=5, six=6, seven=7, eight=8, nine=9),
    teens=dict(ten=10, eleven=11, twelve=12, thirteen=13, fourteen=14, fifteen=15, sixteen=16,
               seventeen=17, eighteen=18, nineteen=19),
    tens=dict(twenty=20, thirty=30, forty=40, fifty=50, sixty=60, seventy=70, eighty=80, ninety=90),
    tens_joiner=None, hundreds={}, hundred="hundred", hundred_and="and",
    currency={"pound": "£", "pounds": "£", "quid": "£", "dollar": "$", "dollars": "$", "buck": "$",
              "bucks": "$", "euro": "€", "euros": "€"},
    cents_joiners=frozenset({"and"}), decimal_words=frozenset({"point"}))

SPANISH = NumberWords(
    units=dict(un=1, uno=1, una=1, dos=2, tres=3, cuatro=4, cinco=5, seis=6, siete=7, ocho=8, nueve=9),
    teens={"diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16,
           "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veintiuno": 21,
           "veintiún": 21, "veintiun": 21, "veintiuna": 21, "veintidós": 22, "veintidos": 22,
           "veintitrés": 23, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26,
           "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29},
    tens=dict(veinte=20, treinta=30, cuarenta=40, cincuenta=50, sesenta=60, setenta=70, ochenta=80,
              noventa=90),
    tens_joiner="y",
    hundreds={"cien": 100, "ciento": 100, **{f"{stem}{ending}": value for stem, value in (
        ("doscient", 200), ("trescient", 300), ("cuatrocient", 400), ("quinient", 500), ("seiscient", 600),
        ("setecient", 700), ("ochocient", 800), ("novecient", 900)) for ending in ("os", "as")}},
    hundred=None, hundred_and=None,
    currency={"libra": "£", "libras": "£", "dólar": "$", "dólares": "$", "dolar": "$", "dolares": "$",
              "euro": "€", "euros": "€"},
    cents_joiners=frozenset({"y", "con"}), decimal_words=frozenset({"coma", "punto"}))

_LANGUAGES = {"en": ENGLISH, "es": SPANISH}


def whole_amount(value: str) -> tuple[str, int] | None:
    """``(symbol, integer)`` when ``value`` is a whole amount of £, $ or € (1 to 999), else None."""
    value = value.strip()
    if match := _AMOUNT_BEFORE.fullmatch(value):
        symbol, number = match.group(1), int(match.group(2))
    elif match := _AMOUNT_AFTER.fullmatch(value):
        number, symbol = int(match.group(1)), match.group(2)
    else:
        return None
    return (symbol, number) if number > 0 else None


def words_for(language: str | None) -> NumberWords | None:
    """The word tables for a language tag (None: English, the source language), or None."""
    return _LANGUAGES.get((language or "en").split("-")[0].split("_")[0].lower())


def _below_hundred(words: list[str], table: NumberWords) -> int | None:
    if len(words) == 1:
        word = words[0]
        for part in (table.units, table.teens, table.tens):
            if word in part:
                return part[word]
        return None
    if table.tens_joiner is not None:
        if len(words) != 3 or words[1] != table.tens_joiner:
            return None
        words = [words[0], words[2]]
    if len(words) == 2 and words[0] in table.tens and words[1] in table.units:
        return table.tens[words[0]] + table.units[words[1]]
    return None


def parse_number(words: list[str], table: NumberWords) -> int | None:
    """The integer (1..999) that the lower-case ``words`` say as a whole, or None."""
    if len(words) == 1 and words[0].isdigit():
        return int(words[0]) or None
    hundreds, rest = 0, words
    if words and words[0] in table.hundreds:
        hundreds, rest = table.hundreds[words[0]], words[1:]
        if words[0] == "ciento" and not rest or words[0] == "cien" and rest:
            return None
    elif len(words) >= 2 and words[1] == table.hundred and (words[0] == "a" or words[0] in table.units):
        hundreds, rest = 100 * table.units.get(words[0], 1), words[2:]
        if rest and rest[0] == table.hundred_and:
            rest = rest[1:]
            if not rest:
                return None
    if not rest:
        return hundreds or None
    below = _below_hundred(rest, table)
    return None if below is None else hundreds + below


def _runs_into_cents(after: list[str], table: NumberWords) -> bool:
    if after and table.is_number_word(after[0]):
        return True
    return len(after) >= 2 and after[0] in table.cents_joiners and table.is_number_word(after[1])


def _after_decimal_point(matches: list[re.Match[str]], first: int) -> bool:
    """Whether token ``first`` is the fraction of a number such as 12.60 or 12,60 (digits, point, digits)."""
    if first < 2 or matches[first - 1].group(0) not in ".," or not matches[first - 2].group(0).isdigit():
        return False
    return matches[first - 2].end() == matches[first - 1].start() and matches[first - 1].end() == matches[first].start()


def spelled_amounts(text: str, table: NumberWords) -> Iterator[tuple[str, str, int]]:
    """``(phrase, symbol, integer)`` for each whole amount written before a currency word in ``text``."""
    matches = list(_TOKEN.finditer(text))
    tokens = [m.group(0).lower() for m in matches]
    joinable = {"a", table.hundred_and, table.tens_joiner} - {None}
    for end, token in enumerate(tokens):
        symbol = table.currency.get(token)
        if symbol is None or _runs_into_cents(tokens[end + 1:end + 3], table):
            continue
        start = end
        while start > 0 and end - start < MAX_RUN and (table.is_number_word(tokens[start - 1])
                                                        or tokens[start - 1] in joinable):
            start -= 1
        for first in range(start, end):  # the longest run of words that is one number
            number = parse_number(tokens[first:end], table)
            if number is None:
                continue
            before = tokens[first - 1] if first > 0 else ""
            if before not in table.decimal_words and not _after_decimal_point(matches, first):
                yield text[matches[first].start():matches[end].end()], symbol, number
            break
