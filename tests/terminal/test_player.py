"""The terminal player driven in-process with scripted input and a fake clock."""

from __future__ import annotations

import io

import pytest

from scoring import Catalog
from simulator.content.loader import LoadedScenario, load_scenario
from simulator.engine import PlaySession, ScenarioMachine
from simulator.terminal.debrief import bar, format_debrief
from simulator.terminal.player import TerminalOptions, TerminalPlayer
from tests.conftest import LATE_PARCEL


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Script(io.StringIO):
    """Answers read one line at a time; ``@id`` is replaced by that choice's number at that moment,
    and ``+N`` lines advance the clock by N seconds without being read as an answer."""

    def __init__(self, session: PlaySession, clock: Clock, answers: list[str]):
        super().__init__()
        self.session, self.clock, self.answers = session, clock, list(answers)

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        while self.answers and self.answers[0].startswith("+"):
            self.clock.now += float(self.answers.pop(0)[1:])
        if not self.answers:
            return ""
        answer = self.answers.pop(0)
        if answer.startswith("@"):
            answer = str(next(v.number for v in self.session.choices() if v.id == answer[1:]))
        return answer + "\n"


@pytest.fixture
def parcel(principle_ids: tuple[str, ...]) -> LoadedScenario:
    return load_scenario(LATE_PARCEL, principle_ids)


def run(parcel: LoadedScenario, catalog: Catalog, answers: list[str], **options: bool):  # type: ignore[no-untyped-def]
    session = ScenarioMachine(parcel.scenario).start(seed=5)
    clock, out = Clock(), io.StringIO()
    player = TerminalPlayer(session, catalog, Script(session, clock, answers), out, TerminalOptions(**options), clock)
    return player.run(), out.getvalue(), session


def test_scripted_path_ends_with_a_debrief(parcel: LoadedScenario, catalog: Catalog) -> None:
    report, text, session = run(parcel, catalog, ["@ask-details", "@tell-truth"])
    assert report is not None and report.finished and session.finished
    assert "DEBRIEF: The Late Parcel" in text and "Outcome: Gift saved (resolved, good)" in text
    assert "Overall score: 100/100 (Excellent): decisions 100 x 0.8 + ending 100 x 0.2" in text
    assert "To work on:\n  Nothing: you took the best option" in text  # a best-path run has nothing to work on
    for score in report.principles:
        assert f"{score.name:<28} {bar(score.score)} {score.score:>3}/100" in text
    assert "Coach: You apologised and asked" in text  # coach mode comments after each choice
    assert "  + Listen first, Show empathy" in text


def test_bad_input_gets_a_message_and_the_prompt_again(parcel: LoadedScenario, catalog: Catalog) -> None:
    bad = ["", "abc", "0", "9", "-1", "1.5", "²", "٣", "1" * 5000]
    report, text, _ = run(parcel, catalog, [*bad, "@ask-details", "@tell-truth"])
    assert report is not None
    assert text.count("Please type a number from 1 to 3") == len(bad)
    assert text.count("> ") == len(bad) + 2


def test_locked_option_without_hint_is_hidden_and_refused(parcel: LoadedScenario, catalog: Catalog) -> None:
    report, text, _ = run(parcel, catalog, ["@ask-details", "4", "@promise"])
    assert "I'm sorry I brushed you off" not in text  # 'recover' is locked and has no locked_hint
    assert "Please type a number from 1 to 3 (or q to quit)." in text
    assert report is not None and report.ending_title == "Left hoping"


@pytest.mark.parametrize("answers", [[], ["@ask-details"], ["@ask-details", "q"], ["quit"]])
def test_input_ending_early_leaves_the_call_unfinished(parcel: LoadedScenario, catalog: Catalog,
                                                       answers: list[str]) -> None:
    report, text, session = run(parcel, catalog, answers)
    assert report is None and not session.finished
    assert "The call was left unfinished." in text and "DEBRIEF" not in text


def test_too_slow_takes_the_timeout_choice(parcel: LoadedScenario, catalog: Catalog) -> None:
    report, text, session = run(parcel, catalog, ["@ask-details", "+25", "@tell-truth"])
    assert "(you have 20 seconds)" in text and "Too slow: 25 s is past the 20 s limit." in text
    assert session.transcript[1].choice_id == "stall" and session.transcript[1].timed_out
    assert report is not None and "(time ran out)" in text


def test_timers_can_be_switched_off(parcel: LoadedScenario, catalog: Catalog) -> None:
    report, text, session = run(parcel, catalog, ["@ask-details", "+25", "@tell-truth"], timers=False)
    assert "Too slow" not in text and session.transcript[1].choice_id == "tell-truth"
    assert session.transcript[1].seconds == 25.0


def test_assessment_mode_gives_no_feedback_until_the_end(parcel: LoadedScenario, catalog: Catalog) -> None:
    report, text, _ = run(parcel, catalog, ["@script"], coach=False)
    assert report is not None and "Coach:" not in text
    assert "Outcome: Order cancelled" in text and "Better:" in text


def test_debrief_of_unfinished_report(parcel: LoadedScenario, catalog: Catalog) -> None:
    from scoring import score_run

    session = ScenarioMachine(parcel.scenario).start()
    session.choose("blame-courier")
    text = format_debrief(score_run(parcel.scenario, session.transcript, catalog, None))
    assert "Outcome: the call was left unfinished." in text and "[major miss]" in text
    assert "Better: \"" in text and "They said: \"" in text  # the missed decision, with the better option


@pytest.mark.parametrize(("score", "expected"), [(0, "." * 20), (100, "#" * 20), (50, "#" * 10 + "." * 10)])
def test_bar(score: int, expected: str) -> None:
    assert bar(score) == expected


def test_bookkeeping_flags_are_not_shown_to_the_player(parcel: LoadedScenario, catalog: Catalog) -> None:
    """'apologized' starts at 0: an author's flag, not a meter; showing it would give answers away."""
    report, text, _ = run(parcel, catalog, ["@ask-details", "@tell-truth"])
    assert "mood 35, patience 60, trust 50]" in text and "apologized" not in text


@pytest.mark.parametrize("json_lines", [False, True], ids=["text", "json"])
def test_a_translation_named_on_the_command_line_plays_in_its_language(json_lines: bool) -> None:
    from tests.conftest import REPO, run_main

    translation = REPO / "scenarios" / "angry_billing_dispute.es.yaml"
    flags = ["--json"] if json_lines else []
    done = run_main("play", "--text", *flags, str(translation), "--player", "Ana", stdin="1\n" * 40)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "señora Harlow" in done.stdout  # the Spanish texts, not the English source's
