"""The terminal player speaks the call's language: its own words (prompts, coach lines, the debrief)
through the game's gettext catalog, Spanish for a Spanish call and English for an English one, with
the same scores and the same saved run either way. The JSON player stays English."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from scoring import Catalog
from simulator.app.translation import load_ui
from simulator.content.loader import load_scenario
from simulator.engine import ScenarioMachine
from simulator.i18n.api import load_scenario_translated
from simulator.terminal.language import call_language, terminal_words
from simulator.terminal.player import TerminalOptions, TerminalPlayer
from tests.conftest import LATE_PARCEL, REPO, run_main
from tests.terminal.test_player import Clock, Script

SMALL_ACCOUNT = REPO / "scenarios" / "small_account.yaml"
# A full path through small_account by option number (the same numbers in both languages: the order
# of options depends on the seed, never on their texts).
ANSWERS = "2\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n"


def play(loaded, catalog: Catalog, lang: str, answers: list[str]):  # type: ignore[no-untyped-def]
    session = ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=3)
    clock, out = Clock(), io.StringIO()
    options = TerminalOptions(words=terminal_words(lang))
    report = TerminalPlayer(session, catalog, Script(session, clock, answers), out, options, clock).run()
    return report, out.getvalue(), session


def test_a_spanish_call_shows_spanish_chrome_and_the_same_scores(catalog: Catalog,
                                                                  principle_ids: tuple[str, ...]) -> None:
    english = load_scenario(SMALL_ACCOUNT, principle_ids)
    spanish = load_scenario_translated(SMALL_ACCOUNT, "es", principle_ids)
    answers = ["2"] + ["1"] * 20
    en_report, en_text, en_session = play(english, catalog, "en", answers)
    es_report, es_text, es_session = play(spanish, catalog, "es", answers)
    assert en_report is not None and es_report is not None
    assert "Your decisions:" in en_text and "Coach: " in en_text and "[customer is " in en_text
    assert "Overall score: " in en_text and "Sus decisiones:" not in en_text
    for spanish_words in ("Sus decisiones:", "Comentario: ", "[estado del cliente: ", "Puntuación global: ",
                          "ANÁLISIS: La cuenta pequeña", "Para mejorar:", 'Usted dijo: "'):
        assert spanish_words in es_text, spanish_words
    for english_words in ("Your decisions", "Coach: ", "[customer is", "Overall score", "DEBRIEF", "You said"):
        assert english_words not in es_text, english_words
    assert [s.choice_id for s in es_session.transcript] == [s.choice_id for s in en_session.transcript]
    assert (es_report.overall, es_report.band, es_report.decision_quality, es_report.ending_points) == \
        (en_report.overall, en_report.band, en_report.decision_quality, en_report.ending_points)
    assert [(p.id, p.score) for p in es_report.principles] == [(p.id, p.score) for p in en_report.principles]
    assert f"{es_report.overall}/100 ({load_ui('es').gettext(es_report.band)})" in es_text


def test_principle_names_and_bands_follow_the_language(catalog: Catalog, principle_ids: tuple[str, ...]) -> None:
    _, text, _ = play(load_scenario(LATE_PARCEL, principle_ids), catalog, "es", ["@ask-details", "@tell-truth"])
    assert "Puntuación global: 100/100 (Excelente): decisiones 100 x 0.8 + final 100 x 0.2" in text
    spanish, english = terminal_words("es").principle_names, {p.id: p.name for p in catalog.principles}
    shown = [pid for pid in spanish if f"  {spanish[pid]} " in text]
    assert shown and all(f"  {english[pid]} " not in text for pid in shown if english[pid] != spanish[pid])


def test_time_limits_are_plural_forms_in_both_languages(catalog: Catalog, principle_ids: tuple[str, ...]) -> None:
    parcel = load_scenario(LATE_PARCEL, principle_ids)
    _, spanish, _ = play(parcel, catalog, "es", ["@ask-details", "+25", "1"])
    _, english, _ = play(parcel, catalog, "en", ["@ask-details", "+25", "1"])
    assert "(tiene 20 segundos)" in spanish and "Tardó demasiado: 25 s supera el límite de 20 s." in spanish
    assert "(you have 20 seconds)" in english and "Too slow: 25 s is past the 20 s limit." in english
    ui = load_ui("es")
    assert ui.ngettext("(you have {count} second)", "(you have {count} seconds)", 1).format(count=1) == \
        "(tiene 1 segundo)"


def test_bad_input_is_answered_in_the_calls_language(catalog: Catalog, principle_ids: tuple[str, ...]) -> None:
    _, text, _ = play(load_scenario(LATE_PARCEL, principle_ids), catalog, "es", ["nueve"])
    assert "Escriba un número del 1 al " in text and "La llamada quedó sin terminar." in text


@pytest.mark.parametrize(("translation", "requested", "setting", "expected"), [
    ("es", None, None, "es"), ("es", "en", None, "es"), (None, "es", None, "es"), (None, None, "es", "es"),
    (None, None, None, "en"), (None, "en", "es", "en"),
])
def test_the_call_language_is_the_translations_then_the_flags_then_the_setting(
        private_user_dirs: Path, monkeypatch: pytest.MonkeyPatch, translation: str | None, requested: str | None,
        setting: str | None, expected: str) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    if setting:
        (private_user_dirs / "config").mkdir()
        (private_user_dirs / "config" / "settings.json").write_text(json.dumps({"language": setting}), encoding="utf-8")
    assert call_language(translation, requested) == expected


def _saved_runs(home: Path) -> list[dict[str, object]]:
    result = run_main("results", "export", home=home)
    assert result.returncode == 0, result.stderr
    runs = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    for run in runs:
        for key in ("run_id", "started_at", "ended_at"):
            run.pop(key)
    return runs


def test_the_command_line_speaks_spanish_and_saves_the_same_run(tmp_path: Path) -> None:
    english = run_main("play", "--text", "small_account", stdin=ANSWERS, home=tmp_path / "en")
    flagged = run_main("play", "--text", "small_account", "--language", "es", stdin=ANSWERS, home=tmp_path / "flag")
    named = run_main("play", "--text", "scenarios/small_account.es.yaml", stdin=ANSWERS, home=tmp_path / "named")
    assert english.returncode == flagged.returncode == named.returncode == 0, flagged.stderr + named.stderr
    assert "Your decisions:" in english.stdout and "Sus decisiones:" not in english.stdout
    for spanish in (flagged.stdout, named.stdout):
        assert "Sus decisiones:" in spanish and "Your decisions:" not in spanish
        assert "La cuenta pequeña" in spanish  # --language plays the call's translation too
    assert flagged.stdout.splitlines()[:-1] == named.stdout.splitlines()[:-1]  # the last: where it was saved
    runs = [_saved_runs(tmp_path / name) for name in ("en", "flag", "named")]
    assert len(runs[0]) == 1 and runs[0] == runs[1] == runs[2]


def test_the_game_setting_picks_the_language_and_json_stays_english(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text('{"language": "es"}', encoding="utf-8")
    text = run_main("play", "--text", "small_account", stdin=ANSWERS, home=home)
    assert "Sus decisiones:" in text.stdout, text.stderr
    plain = run_main("play", "--json", "small_account", stdin="", home=tmp_path / "plain")
    spanish = run_main("play", "--json", "small_account", "--language", "es", stdin="", home=home)
    assert plain.stdout.splitlines()[0] == spanish.stdout.splitlines()[0]
    assert json.loads(spanish.stdout.splitlines()[0])["title"] == "The Small Account"
