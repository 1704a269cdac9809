"""The parsed-content cache: same result as a fresh load, never trusted blindly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from simulator.content.cache import ParseCache
from simulator.content.loader import load_scenario
from simulator.content.problems import ContentError
from tests.conftest import LATE_PARCEL


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "pack" / "late_parcel.yaml"
    target.parent.mkdir()
    shutil.copyfile(LATE_PARCEL, target)
    return target


def test_second_load_comes_from_the_cache_and_equals_the_first(tmp_path: Path, principle_ids) -> None:
    path, cache = _copy(tmp_path), ParseCache(tmp_path / "cache")
    first = load_scenario(path, principle_ids, cache=cache)
    entries = list((tmp_path / "cache").glob("*.json"))
    assert len(entries) == 1 and first.content_hash in entries[0].name
    second = load_scenario(path, principle_ids, cache=cache)
    assert second.document.positions is None  # served from the cache: nothing parsed yet
    assert second.scenario == first.scenario and second.content_hash == first.content_hash
    assert second.document.where(("nodes", "checking", "time_limit")) == first.document.where(
        ("nodes", "checking", "time_limit"))  # positions recomputed from the file on demand


def test_an_edited_file_is_parsed_again(tmp_path: Path, principle_ids) -> None:
    path, cache = _copy(tmp_path), ParseCache(tmp_path / "cache")
    load_scenario(path, principle_ids, cache=cache)
    path.write_text(path.read_text().replace("The Late Parcel", "The Very Late Parcel"))
    assert load_scenario(path, principle_ids, cache=cache).scenario.title == "The Very Late Parcel"
    assert len(list((tmp_path / "cache").glob("*.json"))) == 2


def test_tampered_cache_entry_is_revalidated_and_replaced(tmp_path: Path, principle_ids) -> None:
    path, cache = _copy(tmp_path), ParseCache(tmp_path / "cache")
    digest = load_scenario(path, principle_ids, cache=cache).content_hash
    entry = next((tmp_path / "cache").glob("*.json"))
    data = json.loads(entry.read_text())
    data["data"]["difficulty"] = "impossible"
    entry.write_text(json.dumps(data))
    reloaded = load_scenario(path, principle_ids, cache=cache)  # falls back to the file itself
    assert reloaded.scenario.difficulty.value == "beginner" and cache.get(digest)["difficulty"] == "beginner"
    entry.write_text("{not json")
    assert cache.get(digest) is None
    assert load_scenario(path, principle_ids, cache=cache).scenario.id == "late-parcel"


def test_a_bad_file_still_reports_exact_positions_with_a_cache(tmp_path: Path, principle_ids) -> None:
    path, cache = _copy(tmp_path), ParseCache(tmp_path / "cache")
    path.write_text(path.read_text().replace("next: lost", "next: lots"))
    with pytest.raises(ContentError) as caught:
        load_scenario(path, principle_ids, cache=cache)
    assert caught.value.first.line == 41
    assert not list((tmp_path / "cache").glob("*.json"))  # nothing cached for an invalid file


def test_unwritable_cache_folder_is_not_an_error(tmp_path: Path, principle_ids) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    assert load_scenario(_copy(tmp_path), principle_ids, cache=ParseCache(blocker)).scenario.id == "late-parcel"


def test_cache_keeps_at_most_its_limit(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / "cache", limit=3)
    for k in range(5):
        cache.put(f"{k:064x}", {"k": k})
    assert len(list((tmp_path / "cache").glob("*.json"))) == 3
    assert cache.get(f"{4:064x}") == {"k": 4}


def test_entries_are_keyed_by_the_parsers_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.content import cache as cache_module

    cache, digest = ParseCache(tmp_path / "cache"), f"{1:064x}"
    cache.put(digest, {"k": 1})
    (entry,) = (tmp_path / "cache").glob("*.json")
    versions = json.loads(entry.read_text())["parsers"]
    assert entry.name.startswith(cache_module.parsers_tag())
    assert {"reader", "pyyaml", "libyaml", "yaml-rs"} <= set(versions)
    upgraded = {**versions, "yaml-rs": versions["yaml-rs"] + ".1"}  # a new parser release: a new key
    monkeypatch.setattr(cache_module, "reader_versions", lambda: upgraded)
    cache_module.parsers_tag.cache_clear()
    try:
        assert not entry.name.startswith(cache_module.parsers_tag()) and cache.get(digest) is None
        entry.rename(cache._path(digest))  # an old entry under the new name is still refused by its content
        assert cache.get(digest) is None
    finally:
        cache_module.parsers_tag.cache_clear()


@pytest.mark.parametrize("content", [b"\xff\xfe not utf-8", b"{not json", b"[" * 100_000 + b"]" * 100_000,
                                     b'["a list, not an entry"]', b'{"sha256": "other", "data": {}}'])
def test_a_damaged_entry_is_moved_aside_and_reported_once(tmp_path: Path, principle_ids, content: bytes,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    path, cache = _copy(tmp_path), ParseCache(tmp_path / "cache")
    digest = load_scenario(path, principle_ids, cache=cache).content_hash
    entry = cache._path(digest)
    entry.write_bytes(content)
    with caplog.at_level("WARNING", logger="simulator.content.cache"):
        assert load_scenario(path, principle_ids, cache=cache).scenario.id == "late-parcel"
    broken = entry.with_name(entry.name + ".broken")
    assert broken.read_bytes() == content
    assert len(cache.problems) == 1 and str(broken) in cache.problems[0]
    assert len([r for r in caplog.records if r.levelname == "WARNING"]) == 1
    assert cache.get(digest) is not None  # a fresh entry was written in its place
    assert len(cache.problems) == 1  # and nothing is reported again


def test_a_damaged_entry_that_cannot_be_moved_is_reported_only_once(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.content import cache as cache_module

    cache, digest = ParseCache(tmp_path / "cache"), f"{7:064x}"
    cache.put(digest, {"k": 7})
    cache._path(digest).write_text("{damaged")

    def refuse(source: object, target: object) -> None:
        raise PermissionError("read-only folder")

    monkeypatch.setattr(cache_module.os, "replace", refuse)
    assert cache.get(digest) is None and cache.get(digest) is None
    assert len(cache.problems) == 1 and "could not be moved aside (read-only folder)" in cache.problems[0]
