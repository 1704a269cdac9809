"""``frontline play SCENARIO``: play one scenario, in the terminal (``--text``) or in the game.

Exit codes: 0 when the conversation reached an ending, 1 when the scenario is invalid or cannot be
found, 2 when the input ended or the player quit before the end, 3 when the results database
cannot be used (checked before play; a run that then fails to save is kept in a local file).
With --text every run is saved (finished or abandoned): see docs/workshops.md.
With --json (implies --text) standard output carries only JSON lines (docs/json-protocol.md); the
save message becomes a ``{"type": "saved"}`` line, problems go to standard error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from simulator.app.translation import ui_languages
from simulator.cli.common import load_scenario_arg

if TYPE_CHECKING:
    from scoring.report import Report
    from simulator.app.translation import UiText
    from simulator.cli.subcommands import Subcommands


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "play", help="play a scenario (in the game, or in the terminal with --text)",
        description="Play one scenario. With --text, plays in the terminal with numbered choices "
        "and reads answers from standard input, so a path can be scripted: "
        "printf '2\\n1\\n' | frontline play --text scenarios/x.yaml",
    )
    parser.add_argument("scenario", nargs="?", help="scenario file, or a scenario id from scenarios/ "
                        "(not with --join)")
    parser.add_argument("--text", action="store_true", help="play in the terminal")
    parser.add_argument("--join", metavar="CODE", help="with --text: join the room of this workshop code and vote "
                        "on each decision of the call the facilitator runs (facilitate --room)")
    parser.add_argument("--json", action="store_true",
                        help="with --text: speak JSON lines on stdout and read option ids on stdin "
                        "(for bots and other front ends; see docs/json-protocol.md); implies --text")
    parser.add_argument("--seed", default="0",
                        help="seed for the order of options and the scenario's details (default 0)")
    parser.add_argument("--mode", choices=("coach", "assessment", "certification"), default=None,
                        help="coach: feedback after every choice; assessment: only at the end; "
                        "certification: an assessment that counts for readiness, with a capped number of "
                        "attempts (see progress) (default: coach in the terminal, your saved setting in the game)")
    parser.add_argument("--no-timers", action="store_true", help="switch off time limits")
    from simulator.results.play_saving import add_result_flags

    add_result_flags(parser)
    game = parser.add_argument_group("game window (without --text)")
    game.add_argument("--autoplay", choices=("best", "worst", "random"),
                      help="play the scenario by itself through the real screens, then exit "
                      "(best/worst: highest/lowest graded option; random: seeded by --seed)")
    game.add_argument("--screenshots", metavar="DIR", help="with --autoplay: save a PNG of each screen in DIR")
    game.add_argument("--size", metavar="WxH", help="window size (default 1280x720)")
    game.add_argument("--text-size", choices=("small", "medium", "large", "largest"),
                      help="text size for this run (default: your setting)")
    game.add_argument("--theme", choices=("standard", "high_contrast"), help="colour theme for this run")
    game.add_argument("--language", choices=ui_languages(),
                      help="language of the screens and scenarios for this run, in the game and with --text "
                      "(not --json) (default: a translation's own when you name one, else your setting, "
                      "else the system's)")
    game.add_argument("--scenarios-dir", metavar="DIR", help="scenario folder (default: the shipped scenarios)")
    game.add_argument("--pack", action="append", metavar="DIR",
                      help="another scenario folder shown in the picker (repeatable); your own folder "
                      "(frontline new writes there) is always shown")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.join is not None:
        return join_room(args)
    if not args.scenario:
        print("play: name a scenario (a file or an id from scenarios/), or join a room with --join CODE --text",
              file=sys.stderr)
        return 1
    if not (args.text or args.json):
        return start_game(args)
    return play_text(args)


def join_room(args: argparse.Namespace) -> int:
    """``--join CODE --text``: vote in the workshop's room (``simulator.cli.room_text``)."""
    from simulator.cli.common import store_failed
    from simulator.cli.room_text import vote_in_room
    from simulator.results.location import StoreError
    from simulator.results.play_saving import player_name
    from simulator.results.store import open_store

    if not args.text or args.json or args.scenario:
        print("play: --join runs in the terminal: play --join CODE --text [--player NAME] (no scenario)",
              file=sys.stderr)
        return 1
    try:
        with open_store(args.db, create=False) as store:
            return vote_in_room(store, args.join, player_name(args), sys.stdin, sys.stdout)
    except StoreError as error:
        return store_failed(error, "play")


def _earlier_runs(args: argparse.Namespace, scenario_id: str) -> list[Any]:
    """The player's saved runs on ``scenario_id`` as ``RunFacts`` (for the certification rules)."""
    from simulator.progress.readiness import RunFacts
    from simulator.results.play_saving import player_name
    from simulator.results.queries import history
    from simulator.results.store import open_store

    with open_store(getattr(args, "db", None)) as store:
        return [RunFacts(e.scenario_id, e.mode, e.finished, e.overall, e.ended_at)
                for e in history(store, player_name(args), scenario_id)]


def _attempt_allowed(args: argparse.Namespace, scenario_id: str, runs: list[Any], ui: UiText) -> bool:
    """Certification attempts are capped per scenario by the curriculum; say so (in ``ui``'s language)
    when none remain."""
    from simulator.content.curriculum import load_curriculum
    from simulator.paths import SCENARIOS_DIR
    from simulator.progress.readiness import attempts_left
    from simulator.results.play_saving import player_name
    from simulator.terminal.play_words import attempts_left_message, no_attempts_message

    left = attempts_left(load_curriculum(SCENARIOS_DIR / "curriculum.yaml"), scenario_id, runs)
    if left == 0:
        print("play: " + no_attempts_message(ui, player_name(args), scenario_id), file=sys.stderr)
        return False
    if left is not None:
        print(attempts_left_message(ui, left), file=sys.stderr)
    return True


def _answer_key_rule(earlier: list[Any]) -> Callable[[Report], bool]:
    """Whether a certification attempt's debrief withholds the answer key, given its report and the
    player's ``earlier`` runs on the call (``simulator.progress.answer_key``)."""
    from simulator.content.curriculum import load_curriculum
    from simulator.paths import SCENARIOS_DIR
    from simulator.progress.answer_key import withholds_answer_key
    from simulator.progress.readiness import RunFacts
    from simulator.results.records import now_utc

    curriculum = load_curriculum(SCENARIOS_DIR / "curriculum.yaml")

    def rule(report: Report) -> bool:
        attempt = RunFacts(report.scenario_id, "certification", report.finished, report.overall, now_utc())
        return withholds_answer_key(curriculum, report.scenario_id, [*earlier, attempt])
    return rule


def _seed(raw: str) -> int | str:
    return int(raw) if raw.lstrip("-").isdigit() else raw


def play_text(args: argparse.Namespace) -> int:
    args.mode = args.mode or "coach"
    from scoring.catalog import default_catalog
    from simulator.engine.machine import ScenarioMachine
    from simulator.terminal.json_player import JsonPlayer
    from simulator.terminal.player import TerminalOptions, TerminalPlayer

    catalog = default_catalog()
    loaded = load_scenario_arg(args.scenario, catalog.ids())
    if loaded is None:
        return 1
    from simulator.authoring.playable import unplayable

    traps = unplayable(loaded)
    if traps:
        for finding in traps:
            print(finding.format(), file=sys.stderr)
        from simulator.paths import command_name

        print(f"this scenario cannot end; fix it before playing ({command_name()} lint {args.scenario})",
              file=sys.stderr)
        return 1
    from simulator.results.play_saving import SAVE_FAILED_EXIT, check_store, score_and_save
    from simulator.results.records import now_utc

    problem = check_store(args)
    if problem:
        print(problem, file=sys.stderr)
        return SAVE_FAILED_EXIT
    options = TerminalOptions(coach=args.mode == "coach", timers=not args.no_timers)  # certification: no coach
    if not args.json:  # the JSON protocol stays English (docs/json-protocol.md)
        loaded = _in_call_language(args, loaded, options, catalog.ids())
    if args.mode == "certification":
        earlier = _earlier_runs(args, loaded.scenario.id)
        if not _attempt_allowed(args, loaded.scenario.id, earlier, options.words.ui):
            return 1
        options.withholds_answer_key = _answer_key_rule(earlier)  # no answer key while the call is open
    session = ScenarioMachine(loaded.scenario, loaded.content_hash).start(seed=_seed(args.seed))
    started_at = now_utc()
    interrupted = False
    try:
        try:
            player = JsonPlayer if args.json else TerminalPlayer
            report = player(session, catalog, sys.stdin, sys.stdout, options).run()
        except KeyboardInterrupt:  # Ctrl-C: still keep the run, marked abandoned
            report, interrupted = None, True
        played = score_and_save(args, session, catalog, started_at)
    finally:
        session.close()
    saved = played.saved
    _tell_saved(args, saved, _saved_message(args, played, options.words.ui))
    if interrupted:
        return 130
    if not saved:
        return SAVE_FAILED_EXIT
    return 0 if report is not None else 2


def _in_call_language(args: argparse.Namespace, loaded: Any, options: Any, principle_ids: tuple[str, ...]) -> Any:
    """The call in its language (``simulator.terminal.language.call_language``: a translation's own,
    else --language, else the game's setting): its translation when it has one, and the terminal's
    words in ``options``. Scores and the saved run do not depend on it."""
    from simulator.app.library import in_language
    from simulator.terminal.language import call_language, terminal_words

    problems: list[str] = []
    translation = getattr(loaded, "language", None)  # a TranslatedScenario (x.es.yaml named)
    lang = call_language(translation, args.language, problems)
    for problem in problems:
        print(f"play: {problem}", file=sys.stderr)
    options.words = terminal_words(lang)
    return loaded if translation else in_language(loaded, lang, principle_ids)


def _saved_message(args: argparse.Namespace, played: Any, ui: UiText) -> str:
    """What became of the run: in the call's language with --text, in English with --json."""
    if args.json:
        from simulator.results.play_saving import played_message

        return played_message(played)
    from simulator.terminal import play_words

    return play_words.played_message(ui, played)


def _tell_saved(args: argparse.Namespace, saved: bool, message: str) -> None:
    """The save message: on stdout when saved (a JSON line with --json), else on stderr."""
    if not saved:
        print(message, file=sys.stderr)
    elif args.json:
        import json

        print(json.dumps({"type": "saved", "message": message}, ensure_ascii=False), flush=True)
    else:
        print(message)


def start_game(args: argparse.Namespace) -> int:
    """Start the Pygame front end (``simulator.app``)."""
    from simulator.app.launch import launch

    return launch(args)
