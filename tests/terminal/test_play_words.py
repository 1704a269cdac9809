"""What ``play --text`` says around the call (where the run was saved or kept, the certification
attempts left, an option the engine refused) is in the call's language; English is as before, and
the JSON player stays English."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scoring import Catalog
from scoring.scorer import score_run
from simulator.app.translation import ENGLISH, load_ui
from simulator.content.loader import load_scenario
from simulator.engine import ScenarioMachine
from simulator.engine.session import ChoiceUnavailable
from simulator.results.play_saving import PlayedRun, played_message
from simulator.results.records import record_from_report
from simulator.results.saving import SaveOutcome
from simulator.terminal import play_words
from simulator.terminal.language import terminal_words
from simulator.terminal.player import TerminalOptions, TerminalPlayer
from tests.conftest import LATE_PARCEL, run_main
from tests.terminal.test_player import Clock, Script
from tests.terminal.test_terminal_language import ANSWERS

SPANISH = load_ui("es")
OUTCOMES = {
    "saved": SaveOutcome(True, "sqlite:///runs.db"),
    "kept": SaveOutcome(False, "sqlite:///runs.db", "disk on fire", Path("/data/unsaved-runs.jsonl")),
    "nowhere": SaveOutcome(False, "sqlite:///runs.db", "disk on fire"),
}


def played(catalog: Catalog, principle_ids: tuple[str, ...], finished: bool, outcome: str) -> PlayedRun:
    loaded = load_scenario(LATE_PARCEL, principle_ids)
    session = ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=5)
    if finished:
        while not session.finished:
            session.choose(session.open_choices()[0].id)
    report = score_run(loaded.scenario, session.transcript, catalog, session.ending, details=session.details)
    when = datetime(2026, 3, 3, tzinfo=UTC)
    record = record_from_report(run_id="r1", player="Ana", team="", workshop="", content_hash=loaded.content_hash,
                                mode="coach", started_at=when, ended_at=when, report=report,
                                transcript=session.transcript, seed=5)
    assert report.finished is finished
    return PlayedRun(finished, record, OUTCOMES[outcome])


@pytest.mark.parametrize("outcome", sorted(OUTCOMES))
@pytest.mark.parametrize("finished", [True, False])
def test_english_is_the_json_players_message_and_spanish_keeps_what_is_typed(
        catalog: Catalog, principle_ids: tuple[str, ...], finished: bool, outcome: str) -> None:
    run = played(catalog, principle_ids, finished, outcome)
    english, spanish = play_words.played_message(ENGLISH, run), play_words.played_message(SPANISH, run)
    assert english == played_message(run)
    assert spanish != english and not any(word in spanish for word in (" run ", "this ", "Saved", "Could not"))
    assert ("partida terminada" if finished else "partida abandonada") in spanish
    assert "sqlite:///runs.db" in spanish and ("Ana" in spanish.splitlines()[0]) is (outcome == "saved")
    if outcome != "saved":
        assert spanish.startswith("No se pudo guardar") and "disk on fire" in spanish
        assert "results import " in spanish and "agréguela más tarde con:" in spanish
    if outcome == "nowhere":  # the run itself, the same importable line in both languages
        assert spanish.splitlines()[-1] == english.splitlines()[-1]
        assert json.loads(spanish.splitlines()[-1])["run_id"] == "r1"


@pytest.mark.parametrize(("left", "spanish"), [(1, "le queda 1 en"), (2, "le quedan 2 en")])
def test_attempts_left_in_both_languages(left: int, spanish: str) -> None:
    assert play_words.attempts_left_message(ENGLISH, left) == \
        f"Certification attempt: {left} left on this call, counting this one."
    assert spanish in play_words.attempts_left_message(SPANISH, left)
    used = play_words.no_attempts_message(SPANISH, "Ana", "small-account")
    assert used.startswith("Ana ya usó todos los intentos de certificación en 'small-account'")
    assert play_words.no_attempts_message(ENGLISH, "Ana", "small-account").startswith(
        "Ana has used every certification attempt on 'small-account'; practise it")


def test_an_option_the_engine_refuses_is_said_in_the_calls_language(
        catalog: Catalog, principle_ids: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    said = {}
    for lang in ("en", "es"):
        session = ScenarioMachine(load_scenario(LATE_PARCEL, principle_ids).scenario).start(seed=5)

        def refuse(choice_id: str, seconds: float | None = None) -> None:
            raise ChoiceUnavailable(f"'{choice_id}' is not available now")
        monkeypatch.setattr(session, "choose", refuse)
        clock, out = Clock(), io.StringIO()
        TerminalPlayer(session, catalog, Script(session, clock, ["1"]), out,
                       TerminalOptions(words=terminal_words(lang)), clock).run()
        said[lang] = out.getvalue()
    assert "Option 1 is not available now." in said["en"]
    assert "La opción 1 no está disponible ahora." in said["es"] and "is not available" not in said["es"]


def certify(home: Path, *flags: str, stdin: str = ANSWERS):  # type: ignore[no-untyped-def]
    return run_main("play", "--text", "small_account", "--mode", "certification",
                    "--db", f"sqlite:///{home / 'runs.db'}", *flags, stdin=stdin, home=home)


def test_a_spanish_call_saves_and_counts_attempts_in_spanish(tmp_path: Path) -> None:
    spanish = certify(tmp_path / "es", "--language", "es")
    english = certify(tmp_path / "en")
    assert spanish.returncode == english.returncode == 0, spanish.stderr + english.stderr
    assert "Intento de certificación: le quedan 3 en esta llamada, incluido este." in spanish.stderr
    assert "Se guardó esta partida terminada de tester en sqlite:///" in spanish.stdout.splitlines()[-1]
    assert "Certification attempt" not in spanish.stderr and "Saved this" not in spanish.stdout
    assert "Certification attempt: 3 left on this call, counting this one." in english.stderr
    assert english.stdout.splitlines()[-1].startswith("Saved this finished run for tester to sqlite:///")
    quit_early = run_main("play", "--text", "small_account", "--language", "es", stdin="", home=tmp_path / "q")
    assert quit_early.returncode == 2
    assert quit_early.stdout.splitlines()[-1].startswith("Se guardó esta partida abandonada de tester en ")


def test_the_json_player_stays_english(tmp_path: Path) -> None:
    done = certify(tmp_path, "--json", "--language", "es", stdin="")
    assert done.returncode == 2, done.stderr
    assert "Certification attempt: 3 left on this call, counting this one." in done.stderr
    saved = json.loads(done.stdout.splitlines()[-1])
    assert saved["type"] == "saved" and saved["message"].startswith("Saved this abandoned run for tester to ")


def test_no_attempt_left_is_said_in_spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from simulator.cli import play_cmd

    monkeypatch.setattr("simulator.progress.readiness.attempts_left", lambda *args: 0)
    monkeypatch.setattr(play_cmd, "_earlier_runs", lambda args, scenario_id: [])
    from simulator.cli.main import main

    assert main(["play", "--text", "small_account", "--mode", "certification", "--language", "es",
                 "--player", "Ana", "--db", f"sqlite:///{tmp_path / 'runs.db'}"]) == 1
    err = capsys.readouterr().err
    assert "play: Ana ya usó todos los intentos de certificación en 'small-account'" in err
