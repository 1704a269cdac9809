"""A translation cannot change what a scenario teaches: FL801-FL803 and the per-language rules."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from simulator.authoring.limits import language_rules, reading_seconds, text_budgets
from simulator.authoring.lint import lint_file
from simulator.cli.main import main
from tests.conftest import LATE_PARCEL
from tests.i18n.test_round_trip import round_trip


def _replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


# (code, edit of the translated file's text that must make lint report it)
CASES = [
    ("FL801", _replace("grades: {listen-first: 2, show-empathy: 1}", "grades: {listen-first: 2, show-empathy: 2}")),
    ("FL802", lambda text: re.sub(r"hash: [0-9a-f]{12}", "hash: 000000000000", text, count=1)),
    ("FL803", _replace("status: translated", "status: fuzzy")),
]
STRUCTURE_EDITS = {
    "a grade": _replace("show-empathy: 1}", "show-empathy: 3}"),
    "an effect": _replace("effects: {mood: -30}", "effects: {mood: -20}"),
    "a condition": _replace("condition: apologized == 0", "condition: apologized == 1"),
    "a variant's when": _replace("when: patience < 40", "when: patience < 50"),
    "a next": _replace("next: lost", "next: partial"),
    "an ending's quality": _replace("quality: mixed", "quality: good"),
    "a timer": _replace("time_limit: 20", "time_limit: 30"),
    "the starting state": _replace("mood: 35", "mood: 40"),
    "a removed choice": _replace("    - id: stall", "    - id: stall2"),
}


@pytest.fixture
def translated(tmp_path: Path, principle_ids) -> Path:
    source = tmp_path / "late_parcel.yaml"
    shutil.copy(LATE_PARCEL, source)
    out = round_trip(source, principle_ids)
    text = out.read_text(encoding="utf-8")
    flowed = text.replace("grades:\n        listen-first: 2\n        show-empathy: 1\n",
                          "grades: {listen-first: 2, show-empathy: 1}\n")  # one-line form for the edits
    out.write_text(flowed.replace("effects:\n        mood: -30\n", "effects: {mood: -30}\n"), encoding="utf-8")
    return out


def test_the_translation_fixture_is_clean(translated: Path, principle_ids) -> None:
    assert [f for f in lint_file(translated, principle_ids) if f.code.startswith("FL8")] == []


@pytest.mark.parametrize("code, edit", CASES, ids=[c for c, _ in CASES])
def test_translation_code_fires(translated: Path, principle_ids, code: str, edit) -> None:
    translated.write_text(edit(translated.read_text(encoding="utf-8")), encoding="utf-8")
    found = [f for f in lint_file(translated, principle_ids) if f.code == code]
    assert found and all(f.line > 0 and f.hint for f in found)


@pytest.mark.parametrize("what", STRUCTURE_EDITS)
def test_structure_changes_are_errors_in_lint_and_validate(translated: Path, principle_ids, what: str,
                                                          capsys) -> None:
    translated.write_text(STRUCTURE_EDITS[what](translated.read_text(encoding="utf-8")), encoding="utf-8")
    errors = [f for f in lint_file(translated, principle_ids) if f.severity == "error"]
    assert errors and {f.code for f in errors} <= {"FL801", "FL001"}
    assert main(["validate", str(translated)]) == 1
    assert "a translation may change only texts" in capsys.readouterr().out or what == "a removed choice"


def test_texts_may_change_freely(translated: Path, principle_ids) -> None:
    text = translated.read_text(encoding="utf-8").replace("ES: ", "ES2: ")
    translated.write_text(text, encoding="utf-8")
    assert [f for f in lint_file(translated, principle_ids) if f.code == "FL801"] == []


def test_lint_uses_the_languages_budgets(translated: Path, principle_ids) -> None:
    """A Spanish text over the screen budget is FL401 in the translation though its source fits."""
    text = translated.read_text(encoding="utf-8")
    long_option = "ES " + "muy " * 60
    translated.write_text(_replace("'ES: It will definitely arrive tomorrow morning, don''t worry. (es)'",
                                   long_option)(text), encoding="utf-8")
    assert any(f.code == "FL401" for f in lint_file(translated, principle_ids))
    assert language_rules("es-419") == language_rules("es")
    assert reading_seconds(210, "es") < reading_seconds(210) == reading_seconds(210, "xx")
    assert text_budgets("es")["option"] == text_budgets()["option"]
