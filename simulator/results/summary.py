"""A workshop's results summarised for the facilitator view and the reports (pure functions).

Definitions (also in docs/workshops.md):
* A player's score on a scenario is their best finished run on it; their overall score is the
  mean of those over the scenarios they finished. A team's score is the mean of its players'.
* A principle score for a player or team is the mean over their finished runs graded on it.
* A decision "split the room" when at least two options were taken and no option was taken by
  more than ``SPLIT_MAX_SHARE`` of the runs that reached it. Every run that reached a decision
  counts once (abandoned runs included: their decisions were made).
* The group's weakest principles are those with the lowest room mean.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from simulator.results.queries import WorkshopData, WorkshopRun
from simulator.results.records import FINISHED
from simulator.results.scenario_info import ScenarioInfo

SPLIT_MAX_SHARE = 0.75
WEAKEST = 3


@dataclass(frozen=True)
class PlayerScore:
    player: str
    team: str
    overall: int | None
    runs: int
    finished: int
    scenarios: dict[str, int]
    principles: dict[str, int]


@dataclass(frozen=True)
class TeamScore:
    team: str
    players: int
    overall: int | None
    runs: int
    principles: dict[str, int]


@dataclass(frozen=True)
class OptionSplit:
    choice_id: str
    label: str
    count: int
    share: float
    best: bool


@dataclass(frozen=True)
class DecisionSplit:
    scenario_id: str
    scenario_title: str
    node_id: str
    prompt: str
    total: int
    options: tuple[OptionSplit, ...]

    @property
    def split(self) -> bool:
        taken = [o for o in self.options if o.count]
        return len(taken) >= 2 and max(o.share for o in taken) <= SPLIT_MAX_SHARE


@dataclass(frozen=True)
class PrincipleRow:
    principle_id: str
    name: str
    room: int
    by_team: dict[str, int]
    top_player: str
    top_team: str
    top_score: int
    trained_by: tuple[str, ...]


@dataclass(frozen=True)
class WorkshopSummary:
    workshop: str
    runs: int
    finished: int
    abandoned: int
    teams: tuple[TeamScore, ...]
    players: tuple[PlayerScore, ...]
    principles: tuple[PrincipleRow, ...]
    decisions: tuple[DecisionSplit, ...]

    @property
    def splits(self) -> tuple[DecisionSplit, ...]:
        return tuple(d for d in self.decisions if d.split)

    @property
    def weakest(self) -> tuple[PrincipleRow, ...]:
        return tuple(sorted(self.principles, key=lambda p: (p.room, p.principle_id))[:WEAKEST])


def _mean(values: Iterable[int]) -> int | None:
    items = list(values)
    return round(sum(items) / len(items)) if items else None


def _principle_means(runs: Iterable[WorkshopRun]) -> dict[str, int]:
    collected: dict[str, list[int]] = defaultdict(list)
    for run in runs:
        if run.status == FINISHED:
            for principle, score in run.principle_scores.items():
                collected[principle].append(score)
    return {p: round(sum(v) / len(v)) for p, v in sorted(collected.items())}


def _player(player: str, team: str, runs: list[WorkshopRun]) -> PlayerScore:
    best: dict[str, int] = {}
    for run in runs:
        if run.status == FINISHED:
            best[run.scenario_id] = max(best.get(run.scenario_id, 0), run.overall)
    finished = sum(1 for r in runs if r.status == FINISHED)
    return PlayerScore(player, team, _mean(best.values()), len(runs), finished, best, _principle_means(runs))


def player_scores(data: WorkshopData) -> tuple[PlayerScore, ...]:
    grouped: dict[tuple[str, str], list[WorkshopRun]] = defaultdict(list)
    for run in data.runs:
        grouped[(run.team, run.player)].append(run)
    players = [_player(player, team, runs) for (team, player), runs in grouped.items()]
    return tuple(sorted(players, key=lambda p: (-(p.overall if p.overall is not None else -1), p.team, p.player)))


def team_scores(data: WorkshopData, players: tuple[PlayerScore, ...]) -> tuple[TeamScore, ...]:
    teams = []
    for team in sorted({p.team for p in players}):
        members = [p for p in players if p.team == team]
        runs = [r for r in data.runs if r.team == team]
        teams.append(TeamScore(team, len(members), _mean(p.overall for p in members if p.overall is not None),
                               len(runs), _principle_means(runs)))
    return tuple(sorted(teams, key=lambda t: (-(t.overall if t.overall is not None else -1), t.team)))


def principle_rows(players: tuple[PlayerScore, ...], teams: tuple[TeamScore, ...], data: WorkshopData,
                   names: dict[str, str], infos: dict[str, ScenarioInfo]) -> tuple[PrincipleRow, ...]:
    room = _principle_means(data.runs)
    rows = []
    for principle, mean in room.items():
        scored = [(rank, p) for rank, p in enumerate(players) if principle in p.principles]
        _, top = max(scored, key=lambda item: (item[1].principles[principle], -item[0]))
        trained = sorted({i.title for i in infos.values() if principle in i.principles}
                         or {r.scenario_id for r in data.runs if principle in r.principle_scores})
        rows.append(PrincipleRow(principle, names.get(principle, principle), mean,
                                 {t.team: t.principles[principle] for t in teams if principle in t.principles},
                                 top.player, top.team, top.principles[principle], tuple(trained)))
    return tuple(rows)


def decision_splits(data: WorkshopData, infos: dict[str, ScenarioInfo]) -> tuple[DecisionSplit, ...]:
    grouped: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for count in data.choices:
        grouped[(count.scenario_id, count.node_id)][count.choice_id] = count.count
    splits = []
    for (scenario_id, node_id), counts in sorted(grouped.items()):
        info = infos.get(scenario_id)
        decision = info.decisions.get(node_id) if info else None
        order = [o.id for o in decision.options] if decision else []
        order += sorted(c for c in counts if c not in order)
        total = sum(counts.values())
        options = []
        for choice_id in order:
            option = decision.option(choice_id) if decision else None
            options.append(OptionSplit(choice_id, option.text if option else choice_id, counts.get(choice_id, 0),
                                       counts.get(choice_id, 0) / total if total else 0.0,
                                       bool(option and decision and option.net == decision.best_net)))
        splits.append(DecisionSplit(scenario_id, info.title if info else scenario_id, node_id,
                                    decision.prompt if decision else node_id, total, tuple(options)))
    return tuple(splits)


def summarise(data: WorkshopData, names: dict[str, str], infos: dict[str, ScenarioInfo]) -> WorkshopSummary:
    """The whole summary; ``names`` maps principle ids to display names, ``infos`` holds scenario
    text (may be empty: ids are shown instead)."""
    players = player_scores(data)
    teams = team_scores(data, players)
    finished = sum(1 for r in data.runs if r.status == FINISHED)
    return WorkshopSummary(data.workshop, len(data.runs), finished, len(data.runs) - finished, teams, players,
                           principle_rows(players, teams, data, names, infos), decision_splits(data, infos))


def load_summary(store, workshop: str, scenarios_dir) -> WorkshopSummary:  # type: ignore[no-untyped-def]
    """Query the store and summarise, with scenario text from ``scenarios_dir`` when available."""
    from scoring.catalog import default_catalog
    from simulator.results.queries import workshop_data
    from simulator.results.scenario_info import load_infos

    names = {p.id: p.name for p in default_catalog().principles}
    return summarise(workshop_data(store, workshop), names, load_infos(scenarios_dir))
