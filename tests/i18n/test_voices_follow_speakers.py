"""A scenario's voices survive translation: a node speaker's name is a text, so its voice follows the
translated name, and a translation may not change whose voice is what."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content.problems import ContentError
from simulator.i18n.api import load_scenario_translated
from simulator.i18n.po import export_po, import_po
from simulator.i18n.translate import check_translation
from tests.conftest import LATE_PARCEL

VOICES = ("voices:\n"
          "  Sam Ortiz: {gender: female, language: en-gb}\n"
          "  Supervisor: {gender: male, language: en-gb}\n")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """late_parcel with a supervisor speaking two endings and a voice for each speaker."""
    text = LATE_PARCEL.read_text(encoding="utf-8")
    for node in ("partial", "lost"):
        text = text.replace(f"\n  {node}:\n", f"\n  {node}:\n    speaker: Supervisor\n", 1)
    path = tmp_path / "late_parcel.yaml"
    path.write_text(text.replace("\nstart:", "\n" + VOICES + "start:", 1), encoding="utf-8")
    return path


def import_spanish(source: Path, principle_ids, supervisor: dict[str, str]) -> Path:
    """Export, translate every text ('ES: ...'; each supervisor speaker as ``supervisor`` says by
    node), import; returns the written translation."""
    po = export_po(source, "es", principle_ids)
    for entry in po:
        node = entry.msgctxt.split("/")[1] if entry.msgctxt.endswith("/speaker") else None
        entry.msgstr = supervisor[node] if node else "ES: " + entry.msgid
    po_path = source.with_suffix(".po")
    po.save(str(po_path))
    result = import_po(po_path, principle_ids)
    result.out.write_text(result.text, encoding="utf-8")
    return result.out


def test_a_voice_follows_its_speakers_translated_name(source: Path, principle_ids) -> None:
    translated = import_spanish(source, principle_ids, {"partial": "Supervisor (es)", "lost": "Supervisor (es)"})
    check = check_translation(translated, source, principle_ids)
    assert check.problems == ()
    voices = {name: (hint.gender, hint.language) for name, hint in check.model.voices.items()}
    assert voices == {"Sam Ortiz": ("female", "en-gb"), "Supervisor (es)": ("male", "en-gb")}
    played = load_scenario_translated(source, "es", principle_ids).scenario
    assert played.nodes["lost"].speaker == "Supervisor (es)"
    assert played.voices["Supervisor (es)"].gender == "male" and "Supervisor" not in played.voices


def test_one_speaker_translated_two_ways_keeps_its_voice_under_both(source: Path, principle_ids) -> None:
    translated = import_spanish(source, principle_ids, {"partial": "Supervisora", "lost": "Jefa"})
    check = check_translation(translated, source, principle_ids)
    assert check.problems == ()
    assert {name: hint.gender for name, hint in check.model.voices.items()} == \
        {"Sam Ortiz": "female", "Supervisora": "male", "Jefa": "male"}


def test_a_translation_may_not_change_a_voice(source: Path, principle_ids) -> None:
    translated = import_spanish(source, principle_ids, {"partial": "Supervisor (es)", "lost": "Supervisor (es)"})
    text = translated.read_text(encoding="utf-8")
    changed = text.replace("Supervisor (es):\n    gender: male", "Supervisor (es):\n    gender: female", 1)
    assert changed != text
    translated.write_text(changed, encoding="utf-8")
    problems = check_translation(translated, source, principle_ids).problems
    assert problems and all("voices" in problem.message for problem in problems)


def test_a_voice_key_left_untranslated_names_nobody(source: Path, principle_ids) -> None:
    translated = import_spanish(source, principle_ids, {"partial": "Supervisor (es)", "lost": "Supervisor (es)"})
    text = translated.read_text(encoding="utf-8")
    text = text.replace("  Supervisor (es):\n    gender", "  Supervisor:\n    gender", 1)
    translated.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        check_translation(translated, source, principle_ids)
    assert "nobody called 'Supervisor' speaks" in error.value.problems[0].message



def test_a_played_translation_is_voiced_in_its_language_with_the_same_genders() -> None:
    from pathlib import Path

    from scoring.catalog import default_catalog
    from simulator.content.loader import load_scenario
    from simulator.i18n.api import load_scenario_translated

    source = Path(__file__).resolve().parents[2] / "scenarios" / "angry_billing_dispute.yaml"
    english = load_scenario(source, default_catalog().ids()).scenario
    spanish = load_scenario_translated(source, "es", default_catalog().ids()).scenario
    assert {hint.language for hint in spanish.voices.values()} == {"es-419"}
    genders = [sorted(h.gender or "" for h in s.voices.values()) for s in (spanish, english)]
    assert genders[0] == genders[1]
