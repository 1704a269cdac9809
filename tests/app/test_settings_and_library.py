"""Settings persistence, the resume save, the run log and the scenario library (no window needed)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from scoring.catalog import default_catalog
from simulator.app.library import Library
from simulator.app.runlog import MemoryRunLog, SafeRunLog
from simulator.app.saves import read_resume, write_resume
from simulator.app.settings import Profile, Settings, load_settings, save_settings


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    settings = Settings(text_size="largest", theme="high_contrast", reduced_motion=True, timers="off",
                        mode="assessment", profile=Profile("Robin", "Blue", "W-12"))
    assert save_settings(settings, path)
    assert load_settings(path) == settings
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp files left


def test_corrupt_settings_fall_back_to_defaults_with_a_warning(tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_settings(path) == Settings()
    assert "corrupt" in caplog.text


def test_a_bad_value_only_resets_its_own_key(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"text_size": "huge", "theme": "high_contrast", "reduced_motion": "yes"}))
    with caplog.at_level(logging.WARNING):
        settings = load_settings(path)
    assert settings.text_size == "medium" and settings.theme == "high_contrast" and not settings.reduced_motion
    assert "text_size" in caplog.text


def test_resume_save_is_atomic_and_damage_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "saves" / "resume.json"
    write_resume(path, {"scenario_id": "late-parcel", "snapshot": {"node": "opening"}})
    assert read_resume(path)["scenario_id"] == "late-parcel"  # type: ignore[index]
    path.write_text("[1, 2", encoding="utf-8")
    assert read_resume(path) is None


def test_library_lists_broken_scenarios_with_their_first_error(pack: Path) -> None:
    library = Library(pack, principle_ids=default_catalog().ids())
    library.load()
    assert [e.ok for e in library.entries] == [True, False]
    broken = library.entries[1]
    assert broken.error.startswith(str(pack / "zz_broken.yaml"))
    assert library.find("late-parcel") is library.entries[0]


def trap_version(text: str) -> str:
    """The late-parcel scenario with its 'lost' ending replaced by a node that loops on itself."""
    start = text.index("  lost:")
    end = text.index("Listen first, then explain.") + len("Listen first, then explain.")
    loop = ("  lost:\n    line: Hello?\n    choices:\n      - {id: again, text: Hold on., next: lost,"
            " feedback: Stalling.}\n")
    return text[:start] + loop + text[end + 1:]


def test_library_refuses_a_scenario_that_cannot_end(pack: Path) -> None:
    text = (pack / "late_parcel.yaml").read_text(encoding="utf-8")
    (pack / "late_parcel.yaml").write_text(trap_version(text), encoding="utf-8")
    library = Library(pack, principle_ids=default_catalog().ids())
    library.load()
    assert not any(e.ok for e in library.entries)
    trapped = next(e for e in library.entries if e.path.name == "late_parcel.yaml")
    assert "FL103" in trapped.error and "'lost'" in trapped.error


def test_curriculum_order_is_used_when_present(pack: Path) -> None:
    text = (pack / "late_parcel.yaml").read_text(encoding="utf-8")
    (pack / "second.yaml").write_text(text.replace("id: late-parcel", "id: aaa-second")
                                      .replace("title: The Late Parcel", "title: A Second"), encoding="utf-8")
    library = Library(pack, principle_ids=default_catalog().ids())
    library.load()
    assert [e.id for e in library.entries if e.ok] == ["aaa-second", "late-parcel"]  # by title
    (pack / "curriculum.yaml").write_text(
        "schema_version: 1\nstages:\n  - name: Day one\n    rationale: basics\n    scenarios: [late-parcel]\n"
        "  - name: Week two\n    rationale: more\n    scenarios: [aaa-second]\n", encoding="utf-8")
    library.load()
    assert [(e.id, e.stage) for e in library.entries if e.ok] == [("late-parcel", "Day one"),
                                                                 ("aaa-second", "Week two")]


def test_safe_run_log_swallows_store_errors(caplog: pytest.LogCaptureFixture) -> None:
    class Failing(MemoryRunLog):
        def best_run(self, player: str, scenario_id: str):  # type: ignore[no-untyped-def]
            raise RuntimeError("database is down")

    with caplog.at_level(logging.WARNING):
        assert SafeRunLog(Failing()).best_run("Robin", "x") is None
    assert "database is down" in caplog.text


def test_the_real_results_store_is_adapted(home: Path) -> None:
    from simulator.app.runlog import open_run_log
    from simulator.results.records import RunRecord, new_run_id, now_utc

    log, notice = open_run_log()
    assert notice == ""
    record = RunRecord(new_run_id(), "Robin", "", "", "late-parcel", "", "coach", now_utc(), now_utc(),
                       "finished", "resolved", 80, {"be-honest": 100})
    log.save_run(record)
    best = log.best_run("Robin", "late-parcel")
    assert best is not None and best.overall == 80 and best.principle_scores == {"be-honest": 100}
