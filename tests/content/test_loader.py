"""The loader end to end: valid files load, every problem of a file is reported at once, packs are checked."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from simulator.content.loader import LoadedScenario, check_paths, load_scenario
from simulator.content.models import Outcome, Quality
from simulator.content.problems import ContentError
from tests.conftest import FIXTURES, LATE_PARCEL

Load = Callable[..., LoadedScenario]


def test_late_parcel_loads(principle_ids: tuple[str, ...]) -> None:
    loaded = load_scenario(LATE_PARCEL, principle_ids)
    scenario = loaded.scenario
    assert loaded.id == "late-parcel" and scenario.start == "opening"
    assert list(scenario.nodes) == ["opening", "checking", "resolved", "partial", "lost"]
    assert scenario.customer.state == {"mood": 35, "patience": 60, "trust": 50, "apologized": 0}
    assert scenario.node("checking").choice("recover").condition.source == "apologized == 0"
    assert scenario.node("resolved").ending.outcome is Outcome.resolved
    assert scenario.node("lost").ending.quality is Quality.bad
    assert scenario.node("resolved").line[0].text.startswith("Express today?")  # a plain string line
    assert loaded.content_hash == hashlib.sha256(LATE_PARCEL.read_bytes()).hexdigest()


def test_crlf_and_bom_version_loads_identically(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + LATE_PARCEL.read_bytes().replace(b"\n", b"\r\n"))
    assert load_scenario(path, principle_ids).scenario == load_scenario(LATE_PARCEL, principle_ids).scenario


def test_all_problems_of_a_file_are_reported_together(load: Load) -> None:
    text = LATE_PARCEL.read_text().replace("next: checking", "next: checkin").replace(
        "grades: {be-honest: -2, show-empathy: 1}", "grades: {be-honset: -2, show-empathy: 1}").replace(
        "condition: apologized == 0", "condition: apologised == 0")
    with pytest.raises(ContentError) as caught:
        load(text, "many.yaml")
    formatted = [p.format() for p in caught.value.problems]
    assert formatted == [
        "many.yaml:29:15: next node 'checkin' does not exist (fix: did you mean 'checking'?)",
        "many.yaml:35:15: next node 'checkin' does not exist (fix: did you mean 'checking'?)",
        "many.yaml:63:18: unknown principle 'be-honset' (fix: did you mean 'be-honest'?)",
        "many.yaml:68:20: unknown state variable 'apologised' (fix: did you mean 'apologized'?)",
    ]


def test_schema_problems_are_all_reported_with_hints(load: Load) -> None:
    text = LATE_PARCEL.read_text().replace("estimated_minutes: 3", "estimated_minutes: 0").replace(
        "difficulty: beginner", "difficulty: easy").replace("    mood: 35", "    mood: 135")
    with pytest.raises(ContentError) as caught:
        load(text, "s.yaml")
    by_line = {p.line: p for p in caught.value.problems}
    assert set(by_line) == {7, 8, 14}
    assert "difficulty" in by_line[7].message and "'beginner'" in by_line[7].message
    assert "greater than or equal to 1" in by_line[8].message
    assert "customer.state.mood" in by_line[14].message and by_line[14].hint


def test_broken_links_are_reported_alongside_schema_problems(load: Load) -> None:
    text = LATE_PARCEL.read_text().replace("difficulty: beginner", "difficulty: easy").replace(
        "next: lost", "next: lots").replace("start: opening", "start: openin")
    with pytest.raises(ContentError) as caught:
        load(text, "s.yaml")
    formatted = [p.format() for p in caught.value.problems]
    assert formatted[0].startswith("s.yaml:7:13: difficulty: Input should be 'beginner'")
    assert formatted[1:] == [
        "s.yaml:18:8: start node 'openin' does not exist (fix: did you mean 'opening'?)",
        "s.yaml:41:15: next node 'lots' does not exist (fix: did you mean 'lost'?)",
    ]


def test_wrong_scalar_types_are_not_coerced(load: Load) -> None:
    for old, new in [("estimated_minutes: 3", "estimated_minutes: '3'"), ("    mood: 35", "    mood: true"),
                     ("effects: {mood: 10, apologized: 1}", "effects: {mood: 10.0, apologized: 1}"),
                     ("    time_limit: 20", "    time_limit: 20\n    shuffle: off")]:
        with pytest.raises(ContentError):
            load(LATE_PARCEL.read_text().replace(old, new))


def test_condition_that_does_not_parse_points_at_it(load: Load) -> None:
    with pytest.raises(ContentError) as caught:
        load(LATE_PARCEL.read_text().replace("when: patience < 40", "when: patience << 40"))
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (23, 15)
    assert "condition 'patience << 40' does not parse" in problem.message


def test_line_variants_need_a_fallback_last(load: Load) -> None:
    with pytest.raises(ContentError) as caught:
        load(LATE_PARCEL.read_text().replace("      - text: Sure, it's 4471.", "      - when: mood > 1\n"
                                             "        text: Sure, it's 4471."))
    assert "the last variant needs no 'when'" in caught.value.first.message


def _pack(folder: Path, *names: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(LATE_PARCEL, folder / name)


def test_duplicate_scenario_id_in_a_pack_is_reported_on_the_second_file(
        tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    pack = tmp_path / "pack"
    _pack(pack, "a.yaml", "b.yaml")
    _pack(pack / "more", "c.yaml")
    reports = check_paths([pack], principle_ids)
    assert [r.path.name for r in reports] == ["a.yaml", "b.yaml", "c.yaml"]
    assert [r.ok for r in reports] == [True, False, False]
    problem = reports[1].problems[0]
    assert (problem.file, problem.line, problem.column) == (str(pack / "b.yaml"), 4, 1)
    assert f"scenario id 'late-parcel' is already used by {pack / 'a.yaml'}" in problem.message
    assert problem.hint
    # named one by one, files of the same folder are still one pack
    assert [r.ok for r in check_paths([pack / "a.yaml", pack / "b.yaml"], principle_ids)] == [True, False]


def test_same_id_in_different_packs_is_fine(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    _pack(tmp_path / "one", "a.yaml")
    _pack(tmp_path / "two", "a.yaml")
    assert all(r.ok for r in check_paths([tmp_path / "one", tmp_path / "two"], principle_ids))


def test_check_paths_reports_every_file_good_or_bad(tmp_path: Path, principle_ids: tuple[str, ...]) -> None:
    _pack(tmp_path, "good.yaml")
    (tmp_path / "bad.yaml").write_text("schema_version: 1\n")
    reports = check_paths([tmp_path], principle_ids)
    assert [(r.path.name, r.ok) for r in reports] == [("bad.yaml", False), ("good.yaml", True)]
    assert reports[1].loaded is not None and reports[1].problems == ()
    assert any("missing required key 'id'" in p.message for p in reports[0].problems)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_fixture_scenario_is_valid(path: Path, principle_ids: tuple[str, ...]) -> None:
    (report,) = check_paths([path], principle_ids)
    assert report.ok, [p.format() for p in report.problems]


def test_a_misspelt_value_gets_did_you_mean(load: Load) -> None:
    text = LATE_PARCEL.read_text().replace("outcome: customer_lost", "outcome: lost")
    with pytest.raises(ContentError) as caught:
        load(text, "s.yaml")
    assert caught.value.first.hint == "did you mean 'customer_lost'?"
