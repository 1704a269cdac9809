"""What the projector shows, as plain data (pure: no pygame, no store).

Contract: ``projector_view(summary, infos)`` turns a ``WorkshopSummary`` (and the scenario text in
``infos``) into a ``ProjectorView``: team standings with each team's ``TeamStyle`` (the same
colour, pattern and label as the HTML report), the top players, the room's weakest principles with
the scenarios that train them, and the decisions where the room split, in call order (scenario by
scenario, decisions in the order the scenario file lists them), each option with its share, the
best option marked and the coach's why for it. Names and scenario text are untrusted: control
characters are dropped (``facilitator.clean``). Equal inputs give equal views, so the screen can
skip re-laying out when nothing changed.

``room_debrief(result)`` turns a finished room's ``result`` (``FacilitatorRoom.debrief``) into the
rows of the room's path against the best path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from simulator.app.translation import N_
from simulator.results.facilitator import clean
from simulator.results.identity import TeamStyle, team_style

if TYPE_CHECKING:
    from simulator.results.scenario_info import ScenarioInfo
    from simulator.results.summary import DecisionSplit, WorkshopSummary

TOP_PLAYERS = 10
NO_TEAM = N_("(no team)")  # translate where shown
NOT_REACHED = N_("not reached")  # a path's ending when the room stopped first (translate where shown)


@dataclass(frozen=True)
class TeamLine:
    rank: int
    team: str
    style: TeamStyle
    score: int | None
    players: int
    runs: int


@dataclass(frozen=True)
class PlayerLine:
    rank: int
    player: str
    team: str
    style: TeamStyle
    score: int | None
    finished: int


@dataclass(frozen=True)
class PrincipleLine:
    name: str
    room: int
    practise: tuple[str, ...]
    top_player: str


@dataclass(frozen=True)
class OptionLine:
    label: str
    count: int
    share: float
    best: bool


@dataclass(frozen=True)
class SplitLine:
    scenario: str
    prompt: str
    total: int
    options: tuple[OptionLine, ...]
    why: str  # the coach's feedback on the (first) best option


@dataclass(frozen=True)
class ProjectorView:
    workshop: str
    runs: int
    finished: int
    teams: tuple[TeamLine, ...]
    players: tuple[PlayerLine, ...]
    more_players: int
    weakest: tuple[PrincipleLine, ...]
    splits: tuple[SplitLine, ...]


def _team_name(team: str) -> str:
    return clean(team) if team.strip() else NO_TEAM


def _split(split: DecisionSplit, infos: dict[str, ScenarioInfo]) -> SplitLine:
    info = infos.get(split.scenario_id)
    decision = info.decisions.get(split.node_id) if info else None
    best = next((o for o in split.options if o.best), None)
    why = ""
    if decision is not None and best is not None:
        option = decision.option(best.choice_id)
        why = option.feedback if option else ""
    options = tuple(OptionLine(clean(o.label), o.count, o.share, o.best) for o in split.options)
    return SplitLine(clean(split.scenario_title), clean(split.prompt), split.total, options, clean(why))


def call_order(splits: tuple[DecisionSplit, ...], infos: dict[str, ScenarioInfo]) -> list[DecisionSplit]:
    """Scenario by scenario (by title), each scenario's decisions in the order its file lists them."""

    def place(split: DecisionSplit) -> tuple[str, str, int, str]:
        info = infos.get(split.scenario_id)
        order = list(info.decisions) if info else []
        index = order.index(split.node_id) if split.node_id in order else len(order)
        return (split.scenario_title.casefold(), split.scenario_id, index, split.node_id)

    return sorted(splits, key=place)


def projector_view(summary: WorkshopSummary, infos: dict[str, ScenarioInfo],
                   top_players: int = TOP_PLAYERS) -> ProjectorView:
    teams = tuple(TeamLine(rank, _team_name(t.team), team_style(t.team), t.overall, t.players, t.runs)
                  for rank, t in enumerate(summary.teams, start=1))
    players = tuple(PlayerLine(rank, clean(p.player), _team_name(p.team), team_style(p.team), p.overall, p.finished)
                    for rank, p in enumerate(summary.players[:top_players], start=1))
    weakest = tuple(PrincipleLine(clean(r.name), r.room, tuple(clean(t) for t in r.trained_by), clean(r.top_player))
                    for r in summary.weakest)
    splits = tuple(_split(s, infos) for s in call_order(summary.splits, infos))
    return ProjectorView(clean(summary.workshop), summary.runs, summary.finished, teams, players,
                         max(0, len(summary.players) - top_players), weakest, splits)


@dataclass(frozen=True)
class PathStep:
    number: int
    text: str
    was_best: bool
    best_text: str


@dataclass(frozen=True)
class PathView:
    overall: int
    band: str
    ending: str
    steps: tuple[PathStep, ...]


def room_debrief(result: dict[str, Any] | None) -> tuple[PathView, PathView] | None:
    """(the room's path, the best path) from a finished room's result; None when it was stopped."""
    if not result:
        return None

    def path(data: dict[str, Any], with_best: bool) -> PathView:
        steps = tuple(PathStep(n, clean(str(s.get("choice_text", ""))), bool(s.get("was_best", True)),
                               clean(str(s.get("best_text", "")))) for n, s in enumerate(data.get("steps", []), 1))
        return PathView(int(data.get("overall", 0)), clean(str(data.get("band", ""))),
                        clean(str(data.get("ending") or NOT_REACHED)), steps if with_best or steps else ())

    return path(result["room"], True), path(result["best"], False)
