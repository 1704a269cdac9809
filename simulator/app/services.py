"""Services the app owns and screens use through ``app.services`` (screens keep no stores).

Contract: ``Services(ctx)``; ``runs`` starts, resumes, saves and records runs
(``simulator.app.runs.RunService``), built on first use so start-up does not import it;
``progress`` reads the learner's readiness, practise-next, certification attempts and assignments
(``simulator.app.progress_service.ProgressService``), also built on first use.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.app.context import AppContext
    from simulator.app.progress_service import ProgressService
    from simulator.app.runs import RunService


class Services:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    @cached_property
    def runs(self) -> RunService:
        from simulator.app.runs import RunService

        return RunService(self.ctx)

    @cached_property
    def progress(self) -> ProgressService:
        from simulator.app.progress_service import ProgressService

        return ProgressService(self.ctx)
