"""``play --text [--json] --mode certification``: the debrief holds back the answer key while the call
is open (not passed, attempts left); the last attempt, a passed attempt and practice show it all.
End to end through main.py on a shipped curriculum call with a private results database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scoring.catalog import default_catalog
from scoring.report import Report
from scoring.rules import net
from scoring.scorer import score_run
from simulator.content.loader import load_scenario
from simulator.engine import ScenarioMachine
from simulator.paths import SCENARIOS_DIR
from tests.conftest import run_main

CALL = SCENARIOS_DIR / "small_account.yaml"  # in the curriculum's first stage: Proficient, 3 attempts
NOTICE = "the better options and why are not shown"
BETTER_FIELDS = ("better_id", "better_text", "better_feedback")


def path(policy: str) -> tuple[list[str], list[str], Report]:
    """Option ids and their shown numbers (seed 0) for ``policy`` (worst; one-miss: best but the
    second best at the first decision), and the run's full report."""
    catalog = default_catalog()
    loaded = load_scenario(CALL, catalog.ids())
    session = ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=0)
    ids, numbers = [], []
    while not session.finished:
        ranked = sorted((v for v in session.choices() if v.available), key=lambda v: net(session.node.choice(v.id)))
        view = ranked[0] if policy == "worst" else ranked[-2] if not ids else ranked[-1]
        ids.append(view.id)
        numbers.append(str(view.number))
        session.choose(view.id)
    return ids, numbers, score_run(loaded.scenario, session.transcript, catalog, session.ending,
                                   details=session.details)


def answer_key(report: Report) -> list[str]:
    assert report.to_work_on
    return [text for d in report.to_work_on for text in (d.better_text, d.better_feedback, d.feedback) if text]


def play(tmp_path: Path, answers: list[str], *flags: str) -> str:
    result = run_main("play", str(CALL), "--text", "--db", f"sqlite:///{tmp_path / 'runs.db'}", *flags,
                      stdin="\n".join(answers) + "\n")
    assert result.returncode == 0, result.stderr
    return result.stdout


def end_of(stdout: str) -> dict[str, Any]:
    return next(m for m in map(json.loads, stdout.splitlines()) if m["type"] == "end")


def test_json_withholds_the_key_until_the_last_attempt(tmp_path: Path) -> None:
    ids, _, report = path("worst")
    key = answer_key(report)
    practice = end_of(play(tmp_path / "practice", ids, "--json", "--mode", "coach"))
    assert practice["answer_key_withheld"] is False and practice["answer_key_notice"] == ""
    assert [d["better_text"] for d in practice["decisions"]] == [d.better_text for d in report.decisions]
    for attempt in (1, 2, 3):
        stdout = play(tmp_path, ids, "--json", "--mode", "certification")
        end = end_of(stdout)
        assert set(end) == set(practice)  # every key kept
        assert end["band"] == "Not yet" and end["to_work_on"] == practice["to_work_on"]
        if attempt < 3:
            assert end["answer_key_withheld"] is True and NOTICE in end["answer_key_notice"]
            assert all(d[field] is None for d in end["decisions"] for field in BETTER_FIELDS)
            assert not [text for text in key if text in json.dumps(end, ensure_ascii=False)]
            assert [d["prompt"] for d in end["decisions"]] == [d.prompt for d in report.decisions]
        else:  # the last attempt settles the certification: the full review
            assert end["answer_key_withheld"] is False and end["decisions"] == practice["decisions"]


def test_a_passed_attempt_gets_the_full_debrief(tmp_path: Path) -> None:
    ids, _, report = path("one-miss")
    assert report.band in ("Proficient", "Excellent") and report.to_work_on
    end = end_of(play(tmp_path, ids, "--json", "--mode", "certification"))
    assert end["answer_key_withheld"] is False
    assert end["decisions"][report.to_work_on[0].step]["better_text"] == report.to_work_on[0].better_text


def test_the_terminal_debrief_says_why_and_practice_shows_it_all(tmp_path: Path) -> None:
    _, numbers, report = path("worst")
    key = answer_key(report)
    shown = play(tmp_path, numbers, "--mode", "certification").split("DEBRIEF:")[1]  # the options were shown in play
    assert NOTICE in " ".join(shown.split()) and "coach" in shown
    assert not [text for text in key if text in " ".join(shown.split())]
    assert report.to_work_on[0].prompt[:30] in " ".join(shown.split())  # what the customer said stays
    practice = " ".join(play(tmp_path / "practice", numbers, "--mode", "coach").split("DEBRIEF:")[1].split())
    assert NOTICE not in practice and all(" ".join(text.split()) in practice for text in key[:2])
