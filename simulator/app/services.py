"""Services the app owns and screens use through ``app.services`` (screens keep no stores).

Contract: ``Services.for_context(ctx)`` builds them; ``runs`` starts, resumes, saves and records
runs (``simulator.app.runs.RunService``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulator.app.runs import RunService

if TYPE_CHECKING:
    from simulator.app.context import AppContext


@dataclass
class Services:
    runs: RunService

    @classmethod
    def for_context(cls, ctx: AppContext) -> Services:
        return cls(runs=RunService(ctx))
