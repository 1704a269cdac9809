"""Plain values the results store returns, and view models for leaderboard and history screens.

No SQLAlchemy here: the game can import these at start-up. View-model functions turn query
results into exactly what a screen shows (text, highlight, bar fractions), so screens are thin and
these are tested without pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class LeaderboardRow:
    """One player's best finished run on a scenario (or one principle of it)."""

    rank: int
    player: str
    team: str
    workshop: str
    score: int
    run_id: str
    ended_at: datetime
    runs: int


@dataclass(frozen=True)
class HistoryEntry:
    """One saved run of a player, without its transcript."""

    run_id: str
    scenario_id: str
    workshop: str
    team: str
    mode: str
    status: str
    outcome: str | None
    overall: int
    principle_scores: dict[str, int] = field(default_factory=dict)
    started_at: datetime | None = None
    ended_at: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.status == "finished"


@dataclass(frozen=True)
class LeaderboardLine:
    rank_text: str
    name: str
    team: str
    score_text: str
    bar: float
    highlight: bool


@dataclass(frozen=True)
class ProgressView:
    """A player's progress on the runs given: first, best and latest finished score and the trend."""

    player: str
    runs: int
    finished: int
    abandoned: int
    first: int | None
    best: int | None
    latest: int | None
    change: int
    points: tuple[int, ...]
    principle_change: dict[str, int]
    summary: str


def leaderboard_lines(rows: Sequence[LeaderboardRow], player: str | None = None) -> list[LeaderboardLine]:
    """Display lines: tied scores share a rank ("=2"), the given player's line is highlighted."""
    lines = []
    for index, row in enumerate(rows):
        tied = (index > 0 and rows[index - 1].score == row.score) or (
            index + 1 < len(rows) and rows[index + 1].score == row.score)
        lines.append(LeaderboardLine(f"={row.rank}" if tied else str(row.rank), row.player, row.team,
                                     f"{row.score}", max(0.0, min(1.0, row.score / 100)),
                                     player is not None and row.player == player))
    return lines


def progress_view(player: str, entries: Sequence[HistoryEntry]) -> ProgressView:
    """Progress over time from ``history()`` entries (oldest first); abandoned runs are counted
    but not scored."""
    done = [e for e in entries if e.finished]
    points = tuple(e.overall for e in done)
    change = points[-1] - points[0] if len(points) > 1 else 0
    principle_change = _principle_change(done)
    if not points:
        summary = "No finished runs yet."
    elif len(points) == 1:
        summary = f"One finished run: {points[0]}."
    elif change > 0:
        summary = f"Up {change} points since the first run (best {max(points)})."
    elif change < 0:
        summary = f"Down {-change} points since the first run (best {max(points)})."
    else:
        summary = f"Steady at {points[-1]} (best {max(points)})."
    return ProgressView(player, len(entries), len(done), len(entries) - len(done),
                        points[0] if points else None, max(points) if points else None,
                        points[-1] if points else None, change, points, principle_change, summary)


def _principle_change(done: Sequence[HistoryEntry]) -> dict[str, int]:
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for entry in done:
        for principle, score in entry.principle_scores.items():
            first.setdefault(principle, score)
            last[principle] = score
    return {p: last[p] - first[p] for p in sorted(first)}


@dataclass(frozen=True)
class Facets:
    """Workshop and team values present among finished runs (sorted), and how many runs are stored."""

    workshops: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()
    runs: int = 0
