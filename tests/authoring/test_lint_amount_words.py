"""FL706 for a detail's whole amount spelled out in words ("nine pounds" where {price} may be £9,
£12 or £8), the case lint missed in small_account.yaml's good ending title."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.authoring.amount_words import ENGLISH, SPANISH, spelled_amounts, whole_amount, words_for
from simulator.authoring.lint import Finding, lint_file
from tests.content.test_details_check import BASE

WHOLE = BASE.replace('amount: ["£12.40", "£19.99"]', 'amount: ["£9", "£12", "£90"]')


def _fl706(tmp_path: Path, text: str, principle_ids: tuple[str, ...]) -> list[Finding]:
    path = tmp_path / "refund.yaml"
    path.write_text(text, encoding="utf-8")
    return [f for f in lint_file(path, principle_ids) if f.code == "FL706"]


def test_whole_amounts_alone_give_no_finding(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    assert _fl706(tmp_path, WHOLE, principle_ids) == []


def test_a_title_saying_nine_pounds_is_fl706_at_its_line(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    found = _fl706(tmp_path, WHOLE.replace("title: The Refund Call", "title: Nine pounds, twice"), principle_ids)
    assert [(f.line, f.column) for f in found] == [(3, 8)]
    assert "'Nine pounds' in this title spells out '£9', one alternative of {amount} (details: amount)" \
        in found[0].message
    assert found[0].hint == "write {amount} instead of 'Nine pounds'"


@pytest.mark.parametrize("debrief", ["on a twelve-pound charge", "the twelve quid charge", "12 pounds back"])
def test_other_spellings_of_an_alternative_are_fl706(tmp_path: Path, principle_ids: tuple[str, ...],
                                                     debrief: str) -> None:
    text = WHOLE.replace("got the duplicate charge back", f"got {debrief}")
    found = _fl706(tmp_path, text, principle_ids)
    assert [f.line for f in found] == [37] and "'£12'" in found[0].message


@pytest.mark.parametrize("debrief", ["got £12.60 back", "waited ninety minutes", "paid ninety", "got eleven pounds",
                                     "got twelve pounds sixty", "got nine dollars", "got one point nine pounds"])
def test_amounts_that_are_no_alternative_are_not_fl706(tmp_path: Path, principle_ids: tuple[str, ...],
                                                       debrief: str) -> None:
    text = WHOLE.replace("got the duplicate charge back", debrief)
    assert _fl706(tmp_path, text, principle_ids) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Nine pounds, full service", [("Nine pounds", "£", 9)]),
    ("a nine-pound account", [("nine-pound", "£", 9)]),
    ("forty-five pounds or thirty five dollars", [("forty-five pounds", "£", 45), ("thirty five dollars", "$", 35)]),
    ("a hundred and five euros, twelve bucks", [("a hundred and five euros", "€", 105), ("twelve bucks", "$", 12)]),
    ("ninety, then £12.60, 12.60 pounds, nine pounds and fifty pence, one point nine pounds", []),
])
def test_english_amounts_in_words(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert list(spelled_amounts(text, ENGLISH)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Nueve libras, servicio completo", [("Nueve libras", "£", 9)]),
    ("cuarenta y cinco euros o ciento doce dólares", [("cuarenta y cinco euros", "€", 45),
                                                      ("ciento doce dólares", "$", 112)]),
    ("doce libras con sesenta, noventa minutos", []),
])
def test_spanish_amounts_in_words(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert list(spelled_amounts(text, SPANISH)) == expected


def test_languages_and_values() -> None:
    assert words_for(None) is ENGLISH and words_for("es-ES") is SPANISH and words_for("de") is None
    assert [whole_amount(v) for v in ("£9", "$12.00", "9 £", "£12.60", "4471", "TP-55810")] == [
        ("£", 9), ("$", 12), ("£", 9), None, None, None]
