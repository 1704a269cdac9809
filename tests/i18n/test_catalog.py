"""The principles catalog translates the same way, and default_catalog() stays as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

from scoring.catalog import CATALOG_FILE, default_catalog
from simulator.i18n.api import translated_catalog
from simulator.i18n.po import export_po, import_po
from simulator.i18n.sources import load_source


def test_catalog_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "principles.yaml"
    shutil.copy(CATALOG_FILE, source)
    po = export_po(source, "es", ())
    ids = {entry.msgctxt for entry in po}
    assert {"principle/listen-first/name", "principle/listen-first/done_well/0"} <= ids
    assert any(i.startswith("tension/") for i in ids)
    first = po.find("Listen first", msgctxt="principle/listen-first/name")
    first.msgstr = "Escuchar primero"
    po.save(str(tmp_path / "p.po"))
    result = import_po(tmp_path / "p.po", ())
    assert result.out == tmp_path / "principles.es.yaml"
    result.out.write_text(result.text, encoding="utf-8")
    catalog = translated_catalog("es", source)
    english = default_catalog()
    assert catalog.ids() == english.ids() and catalog.get("listen-first").name == "Escuchar primero"
    assert catalog.get("show-empathy").name == "[EN] " + english.get("show-empathy").name
    assert [t.one_side for t in catalog.tensions] == [t.one_side for t in english.tensions]


def test_default_catalog_is_unchanged_and_takes_a_language() -> None:
    english = default_catalog()
    assert english == translated_catalog(None) == translated_catalog("en")
    assert load_source(CATALOG_FILE, ()).kind == "catalog"
