"""Open-answer matching (issue #16): the matcher, the ``also`` field and ``frontline match``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.content.models import Choice
from simulator.matching import Matcher, OptionText
from simulator.matching.text import TypoFixer, words

ROOT = Path(__file__).resolve().parents[2]
LATE_PARCEL = str(ROOT / "tests" / "fixtures" / "scenarios" / "late_parcel.yaml")
OPTIONS = [
    OptionText("listen", "Tell me what happened with the router, from the start, and I'll just listen."),
    OptionText("bill", "Let me take you through the bill line by line so it all makes sense."),
    OptionText("shout", "I need you to stop raising your voice at me before I can help."),
]
MATCHER = Matcher([o.text for o in OPTIONS] + ["The router went back in the prepaid bag on the 14th."])


def test_tokenizer_expands_contractions_numbers_and_synonyms() -> None:
    assert words("I can't pay forty quid") == words("i cant pay 40 pound")
    assert "shout" in words("please stop yelling") and "manager" in words("get my team leader")


def test_stemmer_joins_regular_and_irregular_forms_of_a_word() -> None:
    assert len({*words("charge charges charged charging")}) == 1
    assert words("stopped") == words("stop") and words("cancelled") == words("cancel")
    assert words("I sent it, they paid") == words("I send it, they pay")


def test_chat_shorthand_and_service_phrases_meet_the_written_form() -> None:
    assert words("u dont need to pay ur bill") == words("you do not need to pay your bill")
    assert words("I'll pass you on to my line manager") == words("I will transfer you to my manager")
    assert words("we'll do it right away, free of charge") == words("we will do it now, free")
    assert words("you're welcome") != words("you are not welcome")


def test_typo_fixer_maps_one_edit_to_a_known_word_and_leaves_short_words() -> None:
    fixer = TypoFixer(["receipt", "bereavement", "account"])
    assert [fixer.fix(w) for w in ("reciept", "bereavment", "acount", "acct")] == \
        ["receipt", "bereavement", "account", "acct"]


@pytest.mark.parametrize(("reply", "expected"), [
    ("what happened with the ruter? I'll listen", "listen"),
    ("go through the bil line by line", "bill"),
    ("stop yelling at me", "shout"),
])
def test_paraphrase_and_typos_rank_the_meant_option_first(reply: str, expected: str) -> None:
    result = MATCHER.match(reply, OPTIONS)
    assert result.best.id == expected and result.understood
    assert [r.confidence for r in result.ranked] == sorted((r.confidence for r in result.ranked), reverse=True)
    assert all(0.0 <= r.confidence <= 1.0 for r in result.ranked)


@pytest.mark.parametrize("reply", ["", "   ", "What's your favourite film?", "zzzz"])
def test_off_script_and_empty_replies_are_not_understood(reply: str) -> None:
    result = MATCHER.match(reply, OPTIONS)
    assert not result.understood and {r.id for r in result.ranked} == {"listen", "bill", "shout"}


def test_also_phrasings_teach_the_matcher_a_new_wording() -> None:
    reply = "walk me through the whole saga"
    plain = MATCHER.match(reply, OPTIONS)
    taught = [OptionText(o.id, o.text, ("walk me through the whole saga of it",) if o.id == "listen" else ())
              for o in OPTIONS]
    assert not plain.understood
    assert MATCHER.match(reply, taught).best.id == "listen" and MATCHER.match(reply, taught).understood


def test_choice_also_is_optional_and_bounded() -> None:
    base = {"id": "a", "text": "Hello", "next": "b", "feedback": "ok"}
    assert Choice.model_validate(base).also == ()
    assert Choice.model_validate({**base, "also": ["hi there"]}).also == ("hi there",)
    with pytest.raises(ValueError):
        Choice.model_validate({**base, "also": ["x" * 401]})
    with pytest.raises(ValueError):
        Choice.model_validate({**base, "also": ["p"] * 13})


def test_match_command_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["match", LATE_PARCEL, "opening", "sory its late, whats the order numbr?", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["understood"] is True and out["ranked"][0]["id"] == "ask-details"
    assert set(out) == {"ranked", "understood"} and all(set(r) == {"id", "confidence"} for r in out["ranked"])


def test_match_command_bad_node_and_missing_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["match", LATE_PARCEL, "no-such-node", "hi"]) == 2
    assert "no node 'no-such-node'" in capsys.readouterr().err
    assert main(["match", LATE_PARCEL]) == 2
    assert "give NODE and TEXT" in capsys.readouterr().err


def test_match_batch_one_line_out_per_line_in(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text('{"node": "opening", "text": "its probably the courier, theyre slow"}\nnot json\n\n'
                     '{"node": "opening", "text": "what is the weather like"}\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "main.py", "match", LATE_PARCEL, "--batch", str(batch)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1 and len(lines) == 3
    assert lines[0]["ranked"][0]["id"] == "blame-courier" and lines[0]["understood"]
    assert lines[1]["line"] == 2 and "not JSON" in lines[1]["error"]
    assert lines[2]["understood"] is False


def test_also_in_a_scenario_file_is_used_by_match(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = Path(LATE_PARCEL).read_text(encoding="utf-8")
    anchor = "      - id: script\n"
    assert anchor in text
    taught = tmp_path / "late_parcel.yaml"
    taught.write_text(text.replace(anchor, anchor + "        also: [nothing I can do, goodbye]\n", 1), encoding="utf-8")
    reply = "nothing I can do, goodbye"
    assert main(["match", LATE_PARCEL, "opening", reply, "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert main(["match", str(taught), "opening", reply, "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert not before["understood"] and after["understood"] and after["ranked"][0]["id"] == "script"
