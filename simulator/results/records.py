"""The record of one run, shared by the game, the terminal player and the results store.

Contract: ``RunRecord`` is a frozen, JSON-ready value. ``run_id`` is a UUID string that identifies
the run everywhere (so importing the same export twice adds nothing twice). Times are UTC.
``status`` is "finished" or "abandoned"; abandoned runs have no outcome.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from scoring.report import Report
from simulator.engine.views import Step

FINISHED, ABANDONED = "finished", "abandoned"
ROOM_MODE = "room"  # the mode of a call the whole room played (simulator.results.room_run): nobody's own run


@dataclass(frozen=True)
class RunRecord:
    run_id: str
    player: str
    team: str
    workshop: str
    scenario_id: str
    content_hash: str
    mode: str
    started_at: datetime
    ended_at: datetime
    status: str
    outcome: str | None
    overall: int
    principle_scores: dict[str, int] = field(default_factory=dict)
    transcript: tuple[dict[str, Any], ...] = ()
    seed: str = "0"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["started_at"] = self.started_at.isoformat()
        data["ended_at"] = self.ended_at.isoformat()
        data["transcript"] = list(self.transcript)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunRecord:
        """Inverse of ``to_dict``; raises KeyError/ValueError/TypeError on malformed data."""
        return cls(
            run_id=str(uuid.UUID(str(data["run_id"]))), player=str(data["player"]),
            team=str(data.get("team") or ""), workshop=str(data.get("workshop") or ""),
            scenario_id=str(data["scenario_id"]), content_hash=str(data.get("content_hash") or ""),
            mode=str(data["mode"]),
            started_at=datetime.fromisoformat(str(data["started_at"])),
            ended_at=datetime.fromisoformat(str(data["ended_at"])),
            status=str(data["status"]), outcome=data.get("outcome"), overall=int(data["overall"]),
            principle_scores={str(k): int(v) for k, v in dict(data.get("principle_scores") or {}).items()},
            transcript=tuple(dict(step) for step in data.get("transcript") or ()),
            seed=str(data.get("seed", "0")),
        )


def new_run_id() -> str:
    return str(uuid.uuid4())


def now_utc() -> datetime:
    return datetime.now(UTC)


def record_from_report(*, run_id: str, player: str, team: str, workshop: str, content_hash: str, mode: str,
                       started_at: datetime, ended_at: datetime, report: Report, transcript: tuple[Step, ...],
                       seed: int | str) -> RunRecord:
    """A record for a run scored by ``scoring.score_run`` (finished or abandoned)."""
    return RunRecord(
        run_id=run_id, player=player, team=team, workshop=workshop, scenario_id=report.scenario_id,
        content_hash=content_hash, mode=mode, started_at=started_at, ended_at=ended_at,
        status=FINISHED if report.finished else ABANDONED, outcome=report.outcome,
        overall=report.overall, principle_scores=report.scores(),
        transcript=tuple(step.to_dict() for step in transcript), seed=str(seed),
    )
