"""The translator round trip: ids, export -> translate -> import, stale marking, loading for play."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from simulator.authoring.lint import lint_file
from simulator.cli.main import main
from simulator.content.files import discover
from simulator.content.loader import load_scenario
from simulator.engine import ScenarioMachine
from simulator.i18n.api import available_languages, load_scenario_translated
from simulator.i18n.ids import scenario_entries, text_hash
from simulator.i18n.po import export_po, import_po
from simulator.i18n.structure import skeleton
from simulator.i18n.translate import check_translation
from tests.conftest import LATE_PARCEL


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A folder holding a copy of the late-parcel scenario."""
    shutil.copy(LATE_PARCEL, tmp_path / "late_parcel.yaml")
    return tmp_path / "late_parcel.yaml"


def fake_spanish(text: str) -> str:
    """A stand-in translation that is visibly different and about 20 % longer."""
    return "ES: " + text + " (es)"


def translate_all(po: polib.POFile, skip: tuple[str, ...] = ()) -> polib.POFile:
    for entry in po:
        if entry.msgctxt not in skip:
            entry.msgstr = fake_spanish(entry.msgid)
    return po


def round_trip(source: Path, principle_ids, skip: tuple[str, ...] = ()) -> Path:
    po = translate_all(export_po(source, "es", principle_ids), skip)
    po_path = source.with_suffix(".po")
    po.save(str(po_path))
    result = import_po(po_path, principle_ids)
    result.out.write_text(result.text, encoding="utf-8")
    return result.out


def test_ids_cover_every_text_and_survive_reordering(pack: Path, principle_ids) -> None:
    loaded = load_scenario(pack, principle_ids)
    entries = scenario_entries(loaded.scenario, loaded.document.data)
    ids = {e.id: e.text for e in entries}
    assert ids["node/opening/line/0"].startswith("Third message") and ids["node/opening/line/1"].startswith("Hi,")
    assert ids["node/checking/choice/recover/feedback"].startswith("Owning")
    assert ids["node/lost/ending/debrief/0"].startswith("Quoting") and "scenario/title" in ids
    assert len(ids) == len(entries) == 3 + 1 + 2 + 3 * 2 + 2 + 4 * 2 + 3 * 3
    swapped = pack.with_name("swapped.yaml")
    swapped.write_text(_reorder(pack.read_text(encoding="utf-8")), encoding="utf-8")
    again = load_scenario(swapped, principle_ids)
    assert list(again.scenario.nodes) == list(reversed(loaded.scenario.nodes))
    assert again.scenario.nodes["checking"].choices[0].id == "stall"
    assert {e.id: e.text for e in scenario_entries(again.scenario, again.document.data)} == ids


def _reorder(text: str) -> str:
    """The same scenario with its node blocks in reverse order and the 'checking' choices reversed."""
    head, body = text.split("nodes:\n")
    nodes, current = [], []
    for line in body.splitlines(keepends=True):
        if line.startswith("  ") and not line.startswith("   ") and current:
            nodes.append(current)
            current = []
        current.append(line)
    nodes.append(current)
    blocks = ["".join(n) for n in reversed(nodes)]
    checking = next(i for i, b in enumerate(blocks) if b.startswith("  checking:"))
    intro, *choices = blocks[checking].split("      - id: ")
    blocks[checking] = intro + "".join("      - id: " + c for c in reversed(choices))
    return head + "nodes:\n" + "".join(b if b.endswith("\n") else b + "\n" for b in blocks)


def test_hash_changes_with_the_text_only() -> None:
    assert text_hash("Hello.") == text_hash("Hello.") != text_hash("Hello!")
    assert len(text_hash("x")) == 12


def test_export_writes_context_for_translators(pack: Path, principle_ids) -> None:
    po = export_po(pack, "es", principle_ids)
    assert po.metadata["Language"] == "es" and po.metadata["X-Frontline-Source"] == "late_parcel.yaml"
    entry = po.find("I'm sorry it's late, Sam. Can you give me the order number so I can see exactly where it is?",
                    msgctxt="node/opening/choice/ask-details/text")
    assert entry is not None and entry.msgstr == ""
    assert "listen-first +2, show-empathy +1" in entry.comment and "node 'opening'" in entry.comment
    assert "source-hash: " + text_hash(entry.msgid) in entry.comment
    line = po.find("Third message. Where. Is. My. Parcel.", msgctxt="node/opening/line/0")
    assert "What Sam Ortiz says" in line.comment and "patience < 40" in line.comment
    reread = polib.pofile(po.__unicode__()).find(entry.msgid, msgctxt=entry.msgctxt)
    assert reread.comment.split() == entry.comment.split()


def test_round_trip_changes_only_texts_and_passes_validate_and_lint(pack: Path, principle_ids, capsys) -> None:
    out = round_trip(pack, principle_ids)
    assert out == pack.with_name("late_parcel.es.yaml")
    check = check_translation(out, pack, principle_ids)
    assert check.problems == ()
    assert set(check.states().values()) == {"translated"}
    source = load_scenario(pack, principle_ids)
    assert skeleton(check.model, scenario_entries(check.model, check.document.data)) == \
        skeleton(source.scenario, scenario_entries(source.scenario, source.document.data))
    assert check.model != source.scenario
    for entry in check.source.entries:
        assert check.texts[entry.id] == fake_spanish(entry.text)
    assert main(["validate", str(out)]) == 0
    findings = lint_file(out, principle_ids)
    assert [f for f in findings if f.severity == "error" or f.code.startswith("FL8")] == []
    assert main(["lint", str(out)]) == 0


def test_editing_one_source_line_marks_exactly_that_entry_stale(pack: Path, principle_ids) -> None:
    out = round_trip(pack, principle_ids)
    text = pack.read_text(encoding="utf-8")
    pack.write_text(text.replace("Sure, it's 4471.", "Sure, it's order 4471."), encoding="utf-8")
    stale = [f for f in lint_file(out, principle_ids) if f.code in ("FL802", "FL803")]
    assert [(f.code, f.message.split("'")[1]) for f in stale] == [("FL802", "node/checking/line/1")]
    po = export_po(pack, "es", principle_ids)
    assert [e.msgctxt for e in po.fuzzy_entries()] == ["node/checking/line/1"]
    assert po.find("Sure, it's order 4471.", msgctxt="node/checking/line/1").msgstr == fake_spanish("Sure, it's 4471.")
    played = load_scenario_translated(pack, "es", principle_ids)
    assert played.fallbacks == {"node/checking/line/1": "stale"}
    assert played.scenario.nodes["checking"].line[1].text == "[EN] Sure, it's order 4471."


def test_missing_texts_fall_back_to_the_source_with_a_marker(pack: Path, principle_ids) -> None:
    missing = "node/checking/choice/promise/text"
    out = round_trip(pack, principle_ids, skip=(missing,))
    assert "status: missing" in out.read_text(encoding="utf-8")
    findings = [f for f in lint_file(out, principle_ids) if f.code.startswith("FL8")]
    assert [(f.code, f.severity) for f in findings] == [("FL803", "warning")] and missing in findings[0].message
    played = load_scenario_translated(pack, "es", principle_ids)
    assert played.fallbacks == {missing: "missing"}
    assert played.scenario.nodes["checking"].choice("promise").text == "[EN] It will definitely arrive tomorrow " \
                                                                        "morning, don't worry."
    plain = load_scenario_translated(pack, "es", principle_ids, marker="")
    assert plain.scenario.nodes["checking"].choice("promise").text.startswith("It will")


def test_a_translated_scenario_plays_with_the_source_structure(pack: Path, principle_ids) -> None:
    round_trip(pack, principle_ids)
    assert available_languages(pack) == ["es"]
    played = load_scenario_translated(pack, "es", principle_ids)
    source = load_scenario(pack, principle_ids)
    assert played.content_hash == source.content_hash and played.id == "late-parcel"
    session = ScenarioMachine(played.scenario, played.content_hash).start(seed=1)
    assert all(view.text.startswith("ES: ") for view in session.open_choices())
    session.choose("ask-details")
    session.choose("tell-truth")
    assert session.finished and session.ending.title == fake_spanish("Gift saved")
    session.close()


def test_translations_are_not_discovered_as_scenarios(pack: Path, principle_ids) -> None:
    round_trip(pack, principle_ids)
    lone = pack.with_name("other.fr.yaml")  # no other.yaml beside it: a scenario named oddly, kept
    lone.write_text("x: 1\n", encoding="utf-8")
    assert [p.name for p in discover([pack.parent])] == ["late_parcel.yaml", "other.fr.yaml"]
    assert discover([pack.with_name("late_parcel.es.yaml")]) == [pack.with_name("late_parcel.es.yaml")]


def test_import_reports_bad_input_with_po_lines(pack: Path, principle_ids, tmp_path: Path, capsys) -> None:
    po = translate_all(export_po(pack, "es", principle_ids))
    po.find("The Late Parcel", msgctxt="scenario/title").msgstr = "x" * 130  # titles hold at most 120
    po.append(polib.POEntry(msgctxt="node/gone/line/0", msgid="Old text", msgstr="Texto viejo"))
    po_path = tmp_path / "bad.po"
    po.save(str(po_path))
    assert main(["i18n", "import", str(po_path)]) == 1
    err = capsys.readouterr().err
    assert f"{po_path}:" in err and "'scenario/title'" in err and "120" in err
    assert not pack.with_name("late_parcel.es.yaml").exists()
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nthis is garbage\n', encoding="utf-8")
    assert main(["i18n", "import", str(broken)]) == 1
    assert "cannot read the PO file" in capsys.readouterr().err
    assert main(["i18n", "export", str(pack), "--lang", "Spanish"]) == 1
    assert "not a language tag" in capsys.readouterr().err


def test_cli_round_trip(pack: Path, tmp_path: Path, capsys) -> None:
    po_path = tmp_path / "late.po"
    assert main(["i18n", "export", str(pack), "--lang", "es", "--out", str(po_path)]) == 0
    po = translate_all(polib.pofile(str(po_path)))
    po.save(str(po_path))
    assert main(["i18n", "import", str(po_path), "--source", str(pack)]) == 0
    assert "0 missing" in capsys.readouterr().err
    assert pack.with_name("late_parcel.es.yaml").is_file()
    assert main(["i18n", "export", str(pack), "--lang", "es"]) == 0
    printed = polib.pofile(capsys.readouterr().out)
    assert len(printed.translated_entries()) == len(printed) > 20
