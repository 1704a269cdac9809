"""Services the app owns and screens use through ``app.services`` (screens keep no stores).

Contract: ``Services(ctx)``; ``runs`` starts, resumes, saves and records runs
(``simulator.app.runs.RunService``), built on first use so start-up does not import it.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.app.context import AppContext
    from simulator.app.runs import RunService


class Services:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    @cached_property
    def runs(self) -> RunService:
        from simulator.app.runs import RunService

        return RunService(self.ctx)
