"""The shipped Spanish: current (nothing stale or missing), structurally the source, lint-clean,
and never mistaken for scenarios of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.catalog import CATALOG_FILE
from simulator.authoring.lint import lint_file
from simulator.content.files import discover
from simulator.i18n.api import load_scenario_translated, translated_catalog
from simulator.i18n.lint import validate_translation
from simulator.i18n.translate import check_translation
from simulator.paths import SCENARIOS_DIR

SHIPPED = sorted(SCENARIOS_DIR.glob("*.es.yaml"))
REQUIRED = {"angry_billing_dispute.es.yaml", "small_account.es.yaml", "graceful_apology.es.yaml"}


def test_spanish_is_shipped_for_the_required_scenarios() -> None:
    assert {p.name for p in SHIPPED} >= REQUIRED


def test_translations_are_not_listed_as_scenarios() -> None:
    names = {p.name for p in discover([SCENARIOS_DIR])}
    assert names and not names & {p.name for p in SHIPPED}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_translation_is_current_and_lints_clean(path: Path, principle_ids) -> None:
    assert validate_translation(path, principle_ids) == []
    findings = [f for f in lint_file(path, principle_ids) if f.severity != "info"]
    assert [f.format() for f in findings] == []
    played = load_scenario_translated(SCENARIOS_DIR / path.name.replace(".es.", "."), "es", principle_ids)
    assert played.fallbacks == {}


def test_spanish_catalog_is_current(catalog) -> None:
    check = check_translation(CATALOG_FILE.with_name("principles.es.yaml"), CATALOG_FILE, ())
    assert check.problems == () and set(check.states().values()) == {"translated"}
    spanish = translated_catalog("es")
    assert spanish.ids() == catalog.ids() and spanish.get("listen-first").name != catalog.get("listen-first").name


def test_validate_and_lint_of_a_folder_check_its_translations_as_translations(tmp_path: Path) -> None:
    import shutil

    from simulator.cli.main import main

    for name in ("small_account.yaml", "small_account.es.yaml"):
        shutil.copy(SCENARIOS_DIR / name, tmp_path / name)
    assert main(["validate", str(tmp_path), "-q"]) == 0
    broken = tmp_path / "small_account.es.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "estimated_minutes_extra: 3\n", encoding="utf-8")
    done = main(["validate", str(tmp_path), "-q"])
    assert done == 1 and main(["lint", str(tmp_path)]) == 1


def test_exporting_a_translation_names_its_source_instead(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from simulator.cli.main import main

    code = main(["i18n", "export", str(SCENARIOS_DIR / "small_account.es.yaml"), "--lang", "fr",
                 "--out", str(tmp_path / "x.po")])
    said = capsys.readouterr().err
    assert code == 1 and not (tmp_path / "x.po").exists()
    assert f"i18n export {SCENARIOS_DIR / 'small_account.yaml'} --lang fr" in said
