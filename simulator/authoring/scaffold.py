"""Starter files for a new scenario: a small valid, lint-clean scenario and its test plan.

Contract: ``starter_scenario(scenario_id, target)`` and ``starter_plan(scenario_id)`` return text;
``write_files({path: text})`` writes them (the plan beside the scenario as ``<stem>.plan.yaml``)
and returns the paths written, refusing with ``FileExistsError`` to overwrite anything.
``check_id`` raises ``ValueError`` with a fix hint for an id the format would reject.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from simulator.authoring.schema import modeline
from simulator.paths import SCENARIOS_DIR, command_name

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

_SCENARIO = Template("""\
$modeline
# A new Frontline scenario. Guide: docs/authoring.md; every key: docs/scenario-format.md.
# Loop: edit -> F5 in the game -> $command lint $file -> explore -> test.
schema_version: 1
id: $id
title: $title
summary: One or two sentences the player reads before starting. Say who calls and why.
difficulty: beginner             # beginner | intermediate | advanced
estimated_minutes: 3
principles: [listen-first, show-empathy, own-the-follow-through]   # what this scenario trains
customer:
  name: Alex Morgan
  situation: What happened before the call, shown on the briefing screen.
  state:                         # every variable the scenario uses, 0-100; mood is required
    mood: 40
start: opening
nodes:
  opening:
    narration: The call connects. Alex sounds tired.
    line: Hi. I've been trying to sort this out for a week and nobody seems to know anything.
    choices:
      - id: ask-what-happened
        text: I'm sorry it's taken a week, Alex. Tell me what happened from the start.
        next: details
        effects: {mood: 10}
        grades: {listen-first: 2, show-empathy: 1}
        feedback: You apologised and let Alex tell the story before trying to fix anything.
      - id: fix-straight-away
        text: Let me reset everything on your account right now, that usually sorts it.
        next: details
        effects: {mood: -5}
        grades: {listen-first: -1, own-the-follow-through: 1}
        feedback: Acting fast shows ownership, but you guessed at the problem before hearing it.
      - id: sympathise-only
        text: Oh no, a whole week? That sounds exhausting.
        next: details
        grades: {show-empathy: 2, own-the-follow-through: -1}
        feedback: Kind words help, but Alex still has no idea what you will do about it.
  details:
    line:
      - when: mood < 40
        text: Fine. The order never came, and every time I call I get told to wait.
      - text: Thanks. The order never came, and every time I call I get told to wait.
    choices:
      - id: own-it
        text: I'll keep this case myself and call you tomorrow at ten with the new delivery date.
        next: resolved
        effects: {mood: 20}
        grades: {own-the-follow-through: 2}
        feedback: A named owner and a concrete callback time is what Alex needed.
      - id: someone-will-call
        text: I'm so sorry. Someone from the warehouse team will call you back.
        next: partial
        grades: {show-empathy: 1, own-the-follow-through: -2}
        feedback: Sympathy without ownership leaves Alex waiting again.
  resolved:
    line: Tomorrow at ten. Okay, thank you, that's the first real answer I've had.
    ending:
      outcome: resolved            # resolved | escalated | partially_resolved | customer_lost
      quality: good                # good | mixed | bad
      title: Case owned
      debrief: >-
        You listened first and then took ownership with a concrete next step.
        That is what turns a week of runaround into trust.
  partial:
    line: So... I wait again. Great.
    ending:
      outcome: partially_resolved
      quality: mixed
      title: Waiting again
      debrief: Alex was heard but left without an owner or a time. Next time, name who will call and when.
""")

_PLAN = Template("""\
# Test plan for $file: run with  $command test $file
schema_version: 1
scenario: $id
plans:
  - name: ideal
    path: [ask-what-happened, own-it]
    expect:
      outcome: resolved
      quality: good
      min_score: 100
      reaches: [details]
  - name: no-ownership
    path: [sympathise-only, someone-will-call]
    expect:
      outcome: partially_resolved
      max_score: 60
      principles: {own-the-follow-through: {max: 0}}
""")


def check_id(scenario_id: str) -> None:
    """Raise ValueError (with a fix hint) unless ``scenario_id`` is a valid scenario id."""
    if not ID_PATTERN.match(scenario_id):
        raise ValueError(f"'{scenario_id}' is not a valid scenario id: use lower-case letters, digits, "
                         "'-' or '_', starting with a letter or digit (e.g. angry-billing-dispute)")


def default_path(scenario_id: str, folder: Path = SCENARIOS_DIR) -> Path:
    return folder / f"{scenario_id.replace('-', '_')}.yaml"


def plan_path(scenario_file: Path) -> Path:
    name = scenario_file.name
    stem = name[: -len(scenario_file.suffix)] if scenario_file.suffix else name
    return scenario_file.with_name(f"{stem}.plan.yaml")


def _title(scenario_id: str) -> str:
    return re.sub(r"[-_]+", " ", scenario_id).strip().capitalize()


def _shown(target: Path) -> str:
    """The path as a trainer types it from the Frontline folder (relative when possible)."""
    try:
        return Path(target).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(target)


def starter_scenario(scenario_id: str, target: Path) -> str:
    check_id(scenario_id)
    return _SCENARIO.substitute(modeline=modeline(target), id=scenario_id, title=_title(scenario_id),
                                file=_shown(target), command=command_name())


def starter_plan(scenario_id: str, target: Path) -> str:
    check_id(scenario_id)
    return _PLAN.substitute(id=scenario_id, file=_shown(target), command=command_name())


def write_files(files: dict[Path, str]) -> list[Path]:
    """Write each file (path -> text) only if none of them exists yet: FileExistsError, with nothing
    written, otherwise. Returns the paths written, in order."""
    for path in files:
        if path.exists():
            raise FileExistsError(f"{path} already exists; pick another id or --out FILE (nothing was written)")
    written = []
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        written.append(path)
    return written
