"""Done-when for issue 6: three players in two teams on two machines; results merge; the
facilitator view and the HTML report show who did best at what. Then the same on one shared
PostgreSQL database. Everything goes through ``python main.py`` in separate processes."""

from __future__ import annotations

import html
import re
from pathlib import Path

from simulator.results.records import RunRecord
from simulator.results.store import open_store
from tests.results.helpers import FIXTURES, LATE_PARCEL, cli

WORKSHOP = "ROOM-1"
# (machine, player, team, answers): different paths through The Late Parcel (seed 0 order).
PLAYS = (("a", "Ann", "red", "2\n4\n"), ("a", "Bo", "blue", "1\n3\n"), ("b", "Cy", "red", "3\n"),
         ("b", "Cy", "red", "2\n"))  # Cy's second run is abandoned half-way


def _play(home: Path, player: str, team: str, answers: str, db: list[str]) -> None:
    done = cli("play", "--text", str(LATE_PARCEL), "--player", player, "--team", team, "--workshop", WORKSHOP,
               *db, home=home, stdin=answers)
    assert done.returncode in (0, 2), done.stderr
    assert "Saved this" in done.stdout


def _check_views(home: Path, db: list[str], records: list[RunRecord], tmp_path: Path) -> None:
    finished = [r for r in records if r.status == "finished"]
    assert {r.player for r in records} == {"Ann", "Bo", "Cy"} and len(records) == 4
    frame = cli("facilitate", "--workshop", WORKSHOP, "--once", "--scenarios", str(FIXTURES), *db, home=home)
    assert frame.returncode == 0, frame.stderr
    lines = frame.stdout.splitlines()
    assert "4 run(s): 3 finished, 1 abandoned" in lines[0]
    top = max(finished, key=lambda r: r.overall)
    players = lines.index("PLAYERS")
    assert lines[players + 1].split()[0] == top.player
    assert any("red" in line for line in lines) and any("blue" in line for line in lines)
    assert any("SPLIT" in line for line in lines), "three different first answers split the room"

    out = tmp_path / f"report-{home.name}.html"
    done = cli("report", "--workshop", WORKSHOP, "--format", "html", "--out", str(out),
               "--scenarios", str(FIXTURES), *db, home=home)
    assert done.returncode == 0, done.stderr
    page = html.unescape(out.read_text(encoding="utf-8"))
    best_section = page.split("Who did best at what", 1)[1].split("</table>", 1)[0]
    for principle in {p for r in finished for p in r.principle_scores}:
        best = max(r.principle_scores.get(principle, -1) for r in finished)
        winners = {r.player for r in finished if r.principle_scores.get(principle) == best}
        row = re.search(r"<tr><td>[^<]*</td><td class=n>\d+</td><td>(\w+) ", _row_for(best_section, principle))
        assert row and row.group(1) in winners, principle


def _row_for(section: str, principle_id: str) -> str:
    from scoring.catalog import default_catalog

    name = default_catalog().get(principle_id).name
    return next(row for row in section.split("</tr>") if f"<td>{name}</td>" in row) + "</tr>"


def test_two_machines_merge_and_the_room_sees_who_did_best(tmp_path: Path) -> None:
    homes = {m: tmp_path / f"machine-{m}" for m in ("a", "b", "facilitator")}
    for machine, player, team, answers in PLAYS:
        _play(homes[machine], player, team, answers, [])
    exports = []
    for machine in ("a", "b"):
        path = tmp_path / f"{machine}.jsonl"
        done = cli("results", "export", "--workshop", WORKSHOP, "--out", str(path), home=homes[machine])
        assert done.returncode == 0, done.stderr
        exports.append(str(path))
    for _ in range(2):  # importing twice adds nothing twice
        done = cli("results", "import", *exports, home=homes["facilitator"])
        assert done.returncode == 0, done.stderr
    with open_store(f"sqlite:///{homes['facilitator'] / 'data' / 'results.sqlite3'}") as store:
        records = list(store.iter_records(workshop=WORKSHOP))
    _check_views(homes["facilitator"], [], records, tmp_path)


def test_the_same_workshop_on_one_shared_postgresql_database(tmp_path: Path, pg_url: str) -> None:
    for machine, player, team, answers in PLAYS:
        _play(tmp_path / f"laptop-{machine}", player, team, answers, ["--db", pg_url])
    with open_store(pg_url) as store:
        records = list(store.iter_records(workshop=WORKSHOP))
    _check_views(tmp_path / "projector", ["--db", pg_url], records, tmp_path)
