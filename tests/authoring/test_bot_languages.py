"""The naive keyword players read the scenario's language: Spanish words on a Spanish translation,
English lists plus a note for a language without lists of its own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from simulator.authoring.bot_words import word_lists
from simulator.authoring.bots import KEYWORD_PLAYERS, STRATEGIES, simulate, strategies_for
from simulator.authoring.lint import lint_file
from simulator.cli.main import main
from simulator.content.models import Scenario
from simulator.i18n.api import load_scenario_translated
from simulator.i18n.sources import load_source
from simulator.i18n.translate import Translation, build_translated
from tests.authoring.scenario_factory import ending, scenario

LF, SE = "listen-first", "show-empathy"
DECISIONS = 6
KEYWORDS = ["polite-keyword", "avoid-refusal"]

# (grade, English text, Spanish text) per option. The English has no word any English keyword
# player looks for; in Spanish the best option is the shortest and the only polite one, and both
# weak options say no ('lamentablemente', 'política', 'no le puedo', 'me temo', 'no es posible').
OPTIONS = (
    ("best", 2, "Right, let me note that down.", "Lo siento, y gracias por su paciencia."),
    ("meh", 0, "Going by the company rules that detail stays with the account team for now.",
     "Lamentablemente, según la política de la empresa no le puedo dar ese dato ahora mismo."),
    ("poor", -2, "That one goes to another department; ring the general line later on.",
     "Me temo que eso no es posible desde aquí: tendría que llamar a otro departamento más tarde."),
)


def _chain(lang: str) -> dict[str, Any]:
    """DECISIONS decisions in a row (best +2, meh 0, poor -2); the last decides the ending."""
    column = 2 if lang == "en" else 3
    nodes: dict[str, Any] = {}
    for i in range(DECISIONS):
        nxt = f"n{i + 1}" if i + 1 < DECISIONS else None
        targets = {"best": nxt or "good", "meh": nxt or "mixed", "poor": nxt or "bad"}
        nodes[f"n{i}"] = {"line": "Hello there.", "choices": [
            {"id": option[0], "text": option[column], "next": targets[option[0]],
             "grades": {LF: option[1], SE: option[1]}, "feedback": f"Feedback for {option[0]} that explains it."}
            for option in OPTIONS]}
    nodes["good"] = ending()
    nodes["mixed"] = ending("partially_resolved", "mixed")
    nodes["bad"] = ending("customer_lost", "bad")
    return scenario(nodes, start="n0")


def _means(report: dict[str, Any]) -> dict[str, float]:
    return {name: report["bots"][name]["mean"] for name in KEYWORDS}


def test_spanish_lists_match_without_accents_by_stem_and_through_pronouns() -> None:
    spanish = word_lists("es")
    assert spanish.count("Discúlpeme, por favor; le agradezco la paciencia.", "polite") == 3
    assert spanish.count("Es POLITICA de la empresa y no se lo puedo prometer.", "refusal") == 2
    assert spanish.count("Lamento el error.", "polite") == 1
    assert spanish.count("Lamentablemente no.", "polite") == 0  # 'unfortunately' is a refusal word
    assert spanish.count("Lamentablemente no.", "refusal") == 1
    assert spanish.count("Sí puedo ayudarle hoy.", "refusal") == 0  # 'puedo' alone says yes
    # hoy, antes, 17, 00, correo
    assert spanish.count_exact("Se lo mando hoy antes de las 17:00 a su correo.", "specific") == 5


def test_the_language_is_chosen_by_its_primary_subtag() -> None:
    assert word_lists("es").language == word_lists("es-419").language == word_lists("ES-mx").language == "es"
    assert word_lists(None).language == word_lists("en-GB").language == "en"
    assert word_lists("es").known and word_lists(None).known
    assert word_lists("pt-BR").language == "en" and not word_lists("pt-BR").known
    assert strategies_for(None) is STRATEGIES
    assert set(strategies_for("es")) == set(STRATEGIES) and strategies_for("es") is not STRATEGIES


def test_a_keyword_player_on_a_spanish_scenario_picks_by_spanish_words() -> None:
    spanish = Scenario.model_validate(_chain("es"))
    read_in_spanish = simulate(spanish, runs=100, seed=0, language="es", names=[*KEYWORDS, "longest"])
    assert _means(read_in_spanish) == {"polite-keyword": 100, "avoid-refusal": 100}
    assert read_in_spanish["bots"]["longest"]["mean"] < 45  # the polite option is not the longest
    assert (read_in_spanish["language"], read_in_spanish["word_lists"], read_in_spanish["notes"]) == ("es", "es", [])
    read_in_english = simulate(spanish, runs=100, seed=0, names=KEYWORDS)  # the old, English-only players
    assert all(mean < 45 for mean in _means(read_in_english).values())


def test_the_english_source_does_not_tempt_the_english_keyword_players() -> None:
    report = simulate(Scenario.model_validate(_chain("en")), runs=100, seed=0, names=KEYWORDS)
    assert all(mean < 45 for mean in _means(report).values())


def test_an_unknown_language_reads_english_and_says_so() -> None:
    spanish = Scenario.model_validate(_chain("es"))
    unknown = simulate(spanish, runs=60, seed=0, language="pt-BR", names=KEYWORDS)
    english = simulate(spanish, runs=60, seed=0, names=KEYWORDS)
    assert unknown["bots"] == english["bots"]
    assert (unknown["language"], unknown["word_lists"]) == ("pt-BR", "en")
    [note] = unknown["notes"]
    assert "no word list for 'pt-BR'" in note and all(name in note for name in KEYWORD_PLAYERS)
    assert english["notes"] == [] and english["language"] == "en"


def _translated_pair(tmp_path: Path, lang: str, principle_ids: tuple[str, ...]) -> Path:
    """``calls.yaml`` (English) and its ``lang`` translation with the Spanish texts."""
    source_path = tmp_path / "calls.yaml"
    source_path.write_text(json.dumps(_chain("en")), encoding="utf-8")
    source = load_source(source_path, principle_ids)
    spanish = {english: text for _, _, english, text in OPTIONS}
    translations = {entry.id: Translation(spanish.get(entry.text, f"{entry.text} ({lang})"), "translated", entry.hash)
                    for entry in source.entries}
    path = tmp_path / f"calls.{lang}.yaml"
    path.write_text(build_translated(source, translations, lang), encoding="utf-8")
    return path


def test_explore_bots_on_a_translation_reads_its_language(tmp_path: Path, principle_ids, capsys) -> None:
    path = _translated_pair(tmp_path, "es", principle_ids)
    assert load_scenario_translated(tmp_path / "calls.yaml", "es", principle_ids).fallbacks == {}
    assert main(["explore", str(path), "--bots", "--runs", "60", "--json", "--no-cache"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["language"], data["word_lists"], data["notes"]) == ("es", "es", [])
    assert data["bots"]["polite-keyword"]["mean"] == 100 and data["verdict"]["gameable"]
    assert main(["explore", str(tmp_path / "calls.yaml"), "--bots", "--runs", "60", "--json", "--no-cache"]) == 0
    source = json.loads(capsys.readouterr().out)
    assert source["language"] == "en" and source["bots"]["polite-keyword"]["mean"] < 45


def test_explore_bots_text_notes_a_language_without_lists(tmp_path: Path, principle_ids, capsys) -> None:
    path = _translated_pair(tmp_path, "pt", principle_ids)
    assert main(["explore", str(path), "--bots", "--runs", "20", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "note     the keyword players" in out and "no word list for 'pt'" in out


@pytest.mark.parametrize("lang, flagged", [("es", True), ("pt", False)])
def test_lint_fl601_on_a_translation_uses_its_words(tmp_path: Path, principle_ids, lang: str, flagged: bool) -> None:
    path = _translated_pair(tmp_path, lang, principle_ids)
    gaming = [f.message for f in lint_file(path, principle_ids) if f.code == "FL601"]
    polite = [m for m in gaming if m.startswith("a naive strategy scores too well: 'polite-keyword'")]
    assert bool(polite) is flagged, gaming
    assert not [f for f in lint_file(tmp_path / "calls.yaml", principle_ids)
                if f.code == "FL601" and "'polite-keyword'" in f.message]
