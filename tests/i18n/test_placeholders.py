"""A translation of a scenario with ``details`` keeps every {placeholder} of its source texts."""

from __future__ import annotations

import shutil
from pathlib import Path

from simulator.authoring.lint import lint_file
from simulator.engine import ScenarioMachine
from simulator.i18n.api import load_scenario_translated
from tests.conftest import REPO
from tests.i18n.test_round_trip import round_trip

VARIANTS = REPO / "tests" / "fixtures" / "details" / "parcel_variants.yaml"


def _translated(tmp_path: Path, principle_ids) -> Path:
    source = tmp_path / "parcel_variants.yaml"
    shutil.copy(VARIANTS, source)
    return round_trip(source, principle_ids)


def test_a_translation_that_keeps_the_placeholders_is_clean_and_filled(tmp_path: Path, principle_ids) -> None:
    translated = _translated(tmp_path, principle_ids)
    assert not [f for f in lint_file(translated, principle_ids) if f.code in ("FL001", "FL801")]
    loaded = load_scenario_translated(tmp_path / "parcel_variants.yaml", "es", principle_ids)
    session = ScenarioMachine(loaded.scenario).start(seed=4)
    first = session.details["first_name"]
    assert session.beat().narration == f"ES: The chat opens. {first} has already written twice. (es)"


def test_a_dropped_or_translated_placeholder_is_fl801(tmp_path: Path, principle_ids) -> None:
    translated = _translated(tmp_path, principle_ids)
    text = translated.read_text(encoding="utf-8")
    dropped = "ES: You told the customer the real position"
    assert "ES: You told {first_name} the real position" in text
    translated.write_text(text.replace("ES: You told {first_name} the real position", dropped), encoding="utf-8")
    found = [f for f in lint_file(translated, principle_ids) if f.code == "FL801"]
    assert len(found) == 1 and found[0].severity == "error" and found[0].line > 0
    assert "'node/checking/choice/tell-truth/feedback' has placeholders none where the source text has " \
        "{first_name}" in found[0].message
    assert "keep every {placeholder} exactly as in the source" in found[0].hint
    moved = text.replace("ES: You told {first_name} the real position", "ES: {first_name}: you told the real position")
    translated.write_text(moved, encoding="utf-8")
    assert not [f for f in lint_file(translated, principle_ids) if f.code in ("FL001", "FL801")]
