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

from simulator.results.scenario_info import ScenarioInfo
from simulator.results.workshop_data import PlayerTally, WorkshopData

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


def _means(totals: Iterable[dict[str, tuple[int, int]]]) -> dict[str, int]:
    """Per principle, the mean of every score counted in ``totals`` ((sum, count) per principle)."""
    summed: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for mapping in totals:
        for principle, (total, count) in mapping.items():
            summed[principle][0] += total
            summed[principle][1] += count
    return {p: round(total / count) for p, (total, count) in sorted(summed.items()) if count}


def _player(tally: PlayerTally) -> PlayerScore:
    return PlayerScore(tally.player, tally.team, _mean(tally.best.values()), tally.runs, tally.finished,
                       dict(tally.best), _means([tally.principle_totals]))


def player_scores(data: WorkshopData) -> tuple[PlayerScore, ...]:
    players = [_player(tally) for tally in data.players]
    return tuple(sorted(players, key=lambda p: (-(p.overall if p.overall is not None else -1), p.team, p.player)))


def team_scores(data: WorkshopData, players: tuple[PlayerScore, ...]) -> tuple[TeamScore, ...]:
    members: dict[str, list[PlayerScore]] = defaultdict(list)
    for player in players:
        members[player.team].append(player)
    tallies: dict[str, list[PlayerTally]] = defaultdict(list)
    for tally in data.players:
        tallies[tally.team].append(tally)
    teams = [TeamScore(team, len(members[team]),
                       _mean(p.overall for p in members[team] if p.overall is not None),
                       sum(t.runs for t in tallies[team]), _means(t.principle_totals for t in tallies[team]))
             for team in sorted(members)]
    return tuple(sorted(teams, key=lambda t: (-(t.overall if t.overall is not None else -1), t.team)))


def principle_rows(players: tuple[PlayerScore, ...], teams: tuple[TeamScore, ...], data: WorkshopData,
                   names: dict[str, str], infos: dict[str, ScenarioInfo]) -> tuple[PrincipleRow, ...]:
    room = _means(t.principle_totals for t in data.players)
    graded = data.graded
    top: dict[str, PlayerScore] = {}
    for player in players:  # ranked order: the first of equals wins
        for principle, score in player.principles.items():
            if principle not in top or score > top[principle].principles[principle]:
                top[principle] = player
    rows = []
    for principle, mean in room.items():
        best = top[principle]
        trained = sorted({i.title for i in infos.values() if principle in i.principles}
                         or {s for s, p in graded if p == principle})
        rows.append(PrincipleRow(principle, names.get(principle, principle), mean,
                                 {t.team: t.principles[principle] for t in teams if principle in t.principles},
                                 best.player, best.team, best.principles[principle], tuple(trained)))
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
    text (may be empty: ids are shown instead). ``data`` comes from ``workshop_data`` (aggregated
    in SQL), so the cost follows players, scenarios and decisions, not runs."""
    players = player_scores(data)
    teams = team_scores(data, players)
    runs, finished = data.runs, data.finished
    return WorkshopSummary(data.workshop, runs, finished, runs - finished, teams, players,
                           principle_rows(players, teams, data, names, infos), decision_splits(data, infos))


def load_summary(store, workshop: str, scenarios_dir) -> WorkshopSummary:  # type: ignore[no-untyped-def]
    """Query the store and summarise, with scenario text from ``scenarios_dir`` when available."""
    from scoring.catalog import default_catalog
    from simulator.results.scenario_info import load_infos
    from simulator.results.workshop_data import workshop_data

    names = {p.id: p.name for p in default_catalog().principles}
    infos = load_infos(scenarios_dir)
    covered = {p for info in infos.values() for p in info.principles}
    return summarise(workshop_data(store, workshop, covered), names, infos)
