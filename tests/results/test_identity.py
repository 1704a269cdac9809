"""Workshop identity: codes and team names compared ignoring case and spaces, shown as first
written; team styles stable per name and distinguishable without colour."""

from __future__ import annotations

from simulator.results.identity import PATTERNS, name_key, same_name, team_style
from simulator.results.queries import leaderboard
from simulator.results.summary import load_summary
from tests.results.helpers import FIXTURES, make_record


def test_keys_ignore_case_and_spaces() -> None:
    assert name_key("Red") == name_key("red ") == name_key(" R ed") == "red"
    assert same_name("TUE-AM", "tue-am") and not same_name("TUE-AM", "TUE-PM")
    assert name_key("Ｒｅｄ") == "red"  # full-width letters (NFKC)


def test_team_styles_follow_the_name() -> None:
    assert team_style("Red").colour == team_style(" red").colour == "#d62728"
    assert team_style("Blue team").colour == "#1f5fbf"
    other = team_style("Falcons")
    assert other == team_style("falcons") and other.pattern in PATTERNS and other.label == "Fa"
    assert team_style("Night Owls").label == "NO" and team_style("").label == "–"
    assert team_style("Red").rgb == (0xD6, 0x27, 0x28)


def test_spellings_fold_into_one_workshop_and_one_team(store) -> None:  # type: ignore[no-untyped-def]
    store.save_run(make_record("Ann", "Red", "TUE-AM", 80, minutes=0))
    store.save_run(make_record("Bo", "red ", "tue-am", 60, minutes=1))
    store.save_run(make_record("Ann", "RED", "Tue-Am", 90, minutes=2))  # Ann again, team typed otherwise
    store.save_run(make_record("Cy", "Blue", "TUE-PM", 10, minutes=3))
    summary = load_summary(store, " tue-AM", FIXTURES)
    assert [t.team for t in summary.teams] == ["Red"]  # as first written
    assert summary.runs == 3 and summary.workshop == "TUE-AM"
    ann = next(p for p in summary.players if p.player == "Ann")
    assert ann.team == "Red" and ann.overall == 90 and ann.runs == 2
    assert {row.player for row in leaderboard(store, None, workshop="tue-am", team="RED")} == {"Ann", "Bo"}
    assert len(list(store.iter_records(workshop="tue-am"))) == 3
