"""A scenario's ``details`` in a translation: every alternative's text is translatable (its own id
and source hash), round-trips through PO, is checked for structure, and is what a played run shows."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
import pytest

from simulator.authoring.lint import lint_file
from simulator.content.details import alternatives, choose_indexes
from simulator.content.loader import load_scenario
from simulator.engine import ScenarioMachine
from simulator.i18n.api import load_scenario_translated
from simulator.i18n.ids import text_hash
from simulator.i18n.po import export_po, import_po
from simulator.i18n.translate import check_translation
from simulator.paths import SCENARIOS_DIR
from tests.conftest import REPO
from tests.i18n.test_round_trip import fake_spanish, round_trip

VARIANTS = REPO / "tests" / "fixtures" / "details" / "parcel_variants.yaml"
DETAIL_IDS = [
    "details/customer/0/full_name", "details/customer/0/first_name", "details/customer/1/full_name",
    "details/customer/1/first_name", "details/customer/2/full_name", "details/customer/2/first_name",
    "details/order/0", "details/order/1", "details/order/2",
    "details/express/0/fee", "details/express/0/gift", "details/express/0/total",
    "details/express/1/fee", "details/express/1/gift", "details/express/1/total",
]


@pytest.fixture
def variants(tmp_path: Path) -> Path:
    shutil.copy(VARIANTS, tmp_path / "parcel_variants.yaml")
    return tmp_path / "parcel_variants.yaml"


def _detail_entries(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if entry.msgctxt.startswith("details/")]


def test_every_detail_text_is_a_po_entry_with_a_stable_id_and_hash(variants: Path, principle_ids) -> None:
    first = export_po(variants, "es", principle_ids)
    entries = _detail_entries(first)
    assert [e.msgctxt for e in entries] == DETAIL_IDS
    fee = first.find("£6.50", msgctxt="details/express/0/fee")
    assert "source-hash: " + text_hash("£6.50") in fee.comment and "{fee}" in fee.comment
    assert "node/checking/choice/tell-truth/text" in fee.comment  # where the value is used
    # Reordering the groups and editing nothing else keeps every id and hash.
    text = variants.read_text(encoding="utf-8")
    block = re.search(r"details:\n(.*?)nodes:\n", text, re.S)
    assert block is not None
    groups = re.split(r"\n(?=  \w)", block.group(1).rstrip("\n"))
    variants.write_text(text.replace(block.group(1), "\n".join(reversed(groups)) + "\n"), encoding="utf-8")
    again = export_po(variants, "es", principle_ids)
    assert [e.msgctxt for e in _detail_entries(again)][:3] == ["details/express/0/fee", "details/express/0/gift",
                                                                "details/express/0/total"]
    assert sorted((e.msgctxt, e.msgid, e.comment) for e in _detail_entries(again)) == \
        sorted((e.msgctxt, e.msgid, e.comment) for e in entries)


def test_details_round_trip_through_po_and_go_stale_alone(variants: Path, principle_ids) -> None:
    out = round_trip(variants, principle_ids)
    check = check_translation(out, variants, principle_ids)
    assert check.problems == () and set(check.states().values()) == {"translated"}
    assert alternatives(check.model)["order"] == ({"order": "ES: 4471 (es)"}, {"order": "ES: 9082 (es)"},
                                                  {"order": "ES: 1536 (es)"})
    assert check.texts["details/customer/1/first_name"] == fake_spanish("Priya")
    # An edited alternative in the source: only its entry is stale, exported fuzzy, shown marked.
    variants.write_text(variants.read_text(encoding="utf-8").replace('"9082"', '"9083"'), encoding="utf-8")
    assert {k: v for k, v in check_translation(out, variants, principle_ids).states().items()
            if v != "translated"} == {"details/order/1": "stale"}
    po = export_po(variants, "es", principle_ids)
    assert [e.msgctxt for e in po.fuzzy_entries()] == ["details/order/1"]
    played = load_scenario_translated(variants, "es", principle_ids)
    assert played.fallbacks == {"details/order/1": "stale"}
    assert played.scenario.details["order"][1] == "[EN] 9083"


def _write_spanish(variants: Path, principle_ids, texts: dict[str, str]) -> Path:
    """A full fake translation with some texts set by hand (e.g. amounts written the Spanish way)."""
    po = export_po(variants, "es", principle_ids)
    for entry in po:
        entry.msgstr = texts.get(entry.msgctxt, fake_spanish(entry.msgid))
    po_path = variants.with_suffix(".po")
    po.save(str(po_path))
    result = import_po(po_path, principle_ids)
    result.out.write_text(result.text, encoding="utf-8")
    return result.out


def test_reformatted_amounts_are_checked_against_the_translation_itself(variants: Path, principle_ids) -> None:
    amounts = {"details/express/0/fee": "6,50 £", "details/express/0/gift": "23,50 £",
               "details/express/0/total": "30,00 £", "details/express/1/fee": "4,99 £",
               "details/express/1/gift": "35,00 £", "details/express/1/total": "39,99 £"}
    out = _write_spanish(variants, principle_ids, amounts)
    findings = lint_file(out, principle_ids)
    assert not [f for f in findings if f.code in ("FL001", "FL706", "FL801", "FL802", "FL803")]
    debrief = "ES: Comprendió (se perdonó el cargo de 6,50 £ del pedido de {total})."
    out = _write_spanish(variants, principle_ids, {**amounts, "node/resolved/ending/debrief/0": debrief})
    by_code = {f.code: f for f in lint_file(out, principle_ids)}
    assert "'6,50 £' is written out in this debrief" in by_code["FL706"].message  # the Spanish value
    assert "write {fee} instead" in by_code["FL706"].hint
    assert "has placeholders {total} where the source text has {fee}, {total}" in by_code["FL801"].message


def _lint_codes(path: Path, principle_ids, code: str) -> list:
    return [f for f in lint_file(path, principle_ids) if f.code == code]


def test_a_missing_alternative_is_a_structure_problem_at_its_line(variants: Path, principle_ids) -> None:
    out = round_trip(variants, principle_ids)
    text = out.read_text(encoding="utf-8")
    assert "  - 'ES: 1536 (es)'\n" in text
    out.write_text(text.replace("  - 'ES: 1536 (es)'\n", ""), encoding="utf-8")
    found = _lint_codes(out, principle_ids, "FL801")
    assert len(found) == 1 and found[0].severity == "error"
    assert "ES: 4471 (es)" in out.read_text(encoding="utf-8").splitlines()[found[0].line - 1]  # the group's list
    assert "details/order: the source has 3 items here, the translation 2" in found[0].message
    assert "a translation changes texts only" in found[0].hint


def test_a_missing_field_is_reported_at_its_alternative(variants: Path, principle_ids) -> None:
    out = round_trip(variants, principle_ids)
    text = out.read_text(encoding="utf-8")
    dropped = "    first_name: 'ES: Priya (es)'\n"
    assert dropped in text
    out.write_text(text.replace(dropped, ""), encoding="utf-8")
    found = [f for f in lint_file(out, principle_ids) if f.severity == "error"]
    assert found and found[0].file == str(out) and found[0].code == "FL001"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "Priya" in lines[found[0].line - 1]
    assert "alternative 2 of 'customer' lacks first_name" in found[0].message
    assert "first_name, full_name" in found[0].hint


def test_a_different_placeholder_set_is_reported_with_its_line(variants: Path, principle_ids) -> None:
    swapped = "ES: Rápido: ¿cuál es su número de pedido, {full_name}? (es)"
    out = _write_spanish(variants, principle_ids, {"node/opening/choice/ask-details/text": swapped})
    found = _lint_codes(out, principle_ids, "FL801")
    assert len(found) == 1 and found[0].line > 0
    assert "¿cuál es su número" in out.read_text(encoding="utf-8").splitlines()[found[0].line - 1]
    assert "has placeholders {full_name} where the source text has {first_name}" in found[0].message
    assert "keep every {placeholder} exactly as in the source" in found[0].hint


def test_braces_in_a_translated_detail_are_refused_at_the_po_line(variants: Path, principle_ids) -> None:
    from simulator.content.problems import ContentError

    with pytest.raises(ContentError) as raised:
        _write_spanish(variants, principle_ids, {"details/order/0": "{4471}"})
    po = polib.pofile(str(variants.with_suffix(".po")))
    line = po.find("4471", msgctxt="details/order/0").linenum
    assert [(p.line, "details/order/0" in p.message) for p in raised.value.problems] == [(line, True)]


SMALL = SCENARIOS_DIR / "small_account.yaml"


def test_a_spanish_run_shows_the_spanish_details_of_the_alternative_english_picks(principle_ids) -> None:
    english = load_scenario(SMALL, principle_ids).scenario
    spanish = load_scenario_translated(SMALL, "es", principle_ids).scenario
    spoken = [alt["died_spoken"] for alt in alternatives(spanish)["morning"]]
    assert spoken != [alt["died_spoken"] for alt in alternatives(english)["morning"]]
    picked = set()
    for seed in range(12):
        indexes = choose_indexes(english, seed)
        assert choose_indexes(spanish, seed) == indexes
        morning = indexes[list(english.details).index("morning")]
        picked.add(morning)
        runs = {lang: ScenarioMachine(scenario).start(seed=seed)
                for lang, scenario in (("en", english), ("es", spanish))}
        assert runs["es"].details["died_spoken"] == spoken[morning]
        assert runs["es"].details["full_name"] == runs["en"].details["full_name"]
        assert runs["es"].beat().narration.startswith(f"Sábado {runs['en'].details['call_time']}, soporte")
        runs["es"].choose("open-empathy-ask")
        assert runs["es"].beat().text.startswith(spoken[morning] + ". ¿Si cambió algo?")
    assert len(picked) > 1  # the seeds really vary the call
