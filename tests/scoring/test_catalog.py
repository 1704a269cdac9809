"""The shipped principles catalog and the catalog reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.catalog import CATALOG_FILE, Catalog, load_catalog
from simulator.content.problems import ContentError
from tests.conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"


def test_size_and_unique_ids(catalog: Catalog) -> None:
    ids = catalog.ids()
    assert 20 <= len(ids) <= 30
    assert len(set(ids)) == len(ids)
    assert all(catalog.get(i).id == i and i in catalog for i in ids)
    assert "no-such-principle" not in catalog
    with pytest.raises(KeyError):
        catalog.get("no-such-principle")


def test_every_principle_is_described_with_examples(catalog: Catalog) -> None:
    for principle in catalog.principles:
        assert principle.name and principle.description
        assert principle.done_well and principle.done_badly and principle.sources


def test_sources_name_real_seed_files(catalog: Catalog) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles folder {SEEDS} is not present in this checkout")
    seeds = {p.name for p in SEEDS.iterdir() if p.is_file()}
    missing = {(p.id, s) for p in catalog.principles for s in p.sources if s not in seeds}
    assert not missing, f"sources that are not files in {SEEDS}: {sorted(missing)}"


def test_fixture_scenario_principles_are_in_the_catalog(catalog: Catalog) -> None:
    assert {"listen-first", "show-empathy", "be-honest", "own-the-follow-through"} <= set(catalog.ids())


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "principles.yaml"
    path.write_text(text)
    return path


def test_duplicate_principle_id_is_located(tmp_path: Path) -> None:
    entry = ("  - id: listen-first\n    name: Listen\n    description: D.\n    done_well: [a]\n"
             "    done_badly: [b]\n    sources: [x.txt]\n")
    with pytest.raises(ContentError) as caught:
        load_catalog(_write(tmp_path, "schema_version: 1\nprinciples:\n" + entry + entry))
    problem = caught.value.first
    assert "duplicate principle id 'listen-first'" in problem.message and problem.line == 9


def test_broken_catalog_reports_problems_not_tracebacks(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_catalog(_write(tmp_path, "schema_version: 1\nprinciples:\n  - id: x\n    name: !!python/name:os.system\n"))
    assert "is not allowed" in caught.value.first.message
    with pytest.raises(ContentError) as caught:
        load_catalog(_write(tmp_path, "schema_version: 1\nprinciples:\n  - id: x\n    nmae: X\n"))
    assert any("unknown key 'nmae'" in p.message for p in caught.value.problems)


def test_shipped_catalog_file_is_the_default(catalog: Catalog) -> None:
    assert load_catalog(CATALOG_FILE) == catalog


def test_every_seed_article_grounds_at_least_three_principles(catalog: Catalog) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles folder {SEEDS} is not present in this checkout")
    cited = {seed.name: sum(seed.name in p.sources for p in catalog.principles) for seed in SEEDS.iterdir()}
    assert all(count >= 3 for count in cited.values()), cited


def test_tensions_name_catalog_principles_on_both_sides(catalog: Catalog) -> None:
    assert len(catalog.tensions) >= 3
    for tension in catalog.tensions:
        assert set(tension.one_side) | set(tension.other_side) <= set(catalog.ids())
        assert not set(tension.one_side) & set(tension.other_side)


def test_a_tension_naming_an_unknown_principle_is_located(tmp_path: Path) -> None:
    entry = ("  - id: listen-first\n    name: Listen\n    description: D.\n    done_well: [a]\n"
             "    done_badly: [b]\n    sources: [x.txt]\n")
    tension = ("tensions:\n  - id: t\n    name: T\n    description: D.\n    one_side: [listen-first]\n"
               "    other_side: [no-such-one]\n    sources: [x.txt]\n")
    with pytest.raises(ContentError) as caught:
        load_catalog(_write(tmp_path, "schema_version: 1\nprinciples:\n" + entry + tension))
    assert "unknown principle 'no-such-one'" in caught.value.first.message and caught.value.first.line == 14
