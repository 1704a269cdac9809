"""lint's FL601 simulation cache: same key, same figures without simulating; anything else, fresh."""

from __future__ import annotations

from pathlib import Path

from simulator.authoring import sim_cache


def counting(report: dict[str, object]) -> tuple[list[int], object]:
    calls: list[int] = []

    def compute() -> dict[str, object]:
        calls.append(1)
        return report

    return calls, compute


def test_the_same_text_runs_and_seed_are_simulated_once() -> None:
    calls, compute = counting({"bots": {"longest": {"mean": 41.5, "runs": 200}}})
    first = sim_cache.cached_simulation("id: a\n", 200, 0, compute)
    again = sim_cache.cached_simulation("id: a\n", 200, 0, compute)
    assert first == again == {"bots": {"longest": {"mean": 41.5, "runs": 200}}} and len(calls) == 1
    sim_cache.cached_simulation("id: b\n", 200, 0, compute)  # another scenario text
    sim_cache.cached_simulation("id: a\n", 100, 0, compute)  # other runs
    sim_cache.cached_simulation("id: a\n", 200, 1, compute)  # other seed
    assert len(calls) == 4


def test_a_damaged_entry_is_recomputed_and_replaced() -> None:
    calls, compute = counting({"skilled": {"mean": 80.0}})
    sim_cache.cached_simulation("id: c\n", 50, 0, compute)
    (entry,) = [p for p in (sim_cache._folder()).glob("bots-*.json") if p.read_text().count("80.0")]
    entry.write_text("{not json")
    assert sim_cache.cached_simulation("id: c\n", 50, 0, compute) == {"skilled": {"mean": 80.0}} and len(calls) == 2


def test_the_code_stamp_changes_when_a_scoring_file_changes(tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sim_cache, "_PACKAGES", ("pkg",))
    sim_cache.code_stamp.cache_clear()
    try:
        before = sim_cache.code_stamp()
        (package / "principles.yaml").write_text("principles: []\n")
        sim_cache.code_stamp.cache_clear()
        assert sim_cache.code_stamp() != before
    finally:
        sim_cache.code_stamp.cache_clear()
