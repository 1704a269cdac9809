"""The learner's onboarding progress for the game: a service the app owns (``app.services.progress``).

Contract: ``ProgressService(ctx, clock=None)`` reads only when asked (screens ask in ``on_enter`` /
``on_resume``, never in constructors or while drawing) and never raises into the game loop:
- ``learner(player=None)`` -> ``LearnerProgress``: readiness per curriculum stage, the practise-next
  recommendation (``simulator.progress.report.progress_report``'s dict, or None when the pack has no
  curriculum), certification attempts left per curriculum call, and the learner's assignments due
  (from ``assignments.yaml`` in the user data folder, matched on the profile's workshop code);
- ``attempts_left(scenario_id, player=None)``: certification attempts left (None: not in the
  curriculum, so uncapped);
- ``withholds_answer_key(report, started_at, player=None)``: whether the debrief of this
  certification attempt leaves out the answer key (``simulator.progress.answer_key``; the attempt
  counts even when the store has not read it back yet);
- ``write_certificate(player=None)`` writes the one-page certificate HTML into the user data folder
  (``certificates/<name>.html``) and returns its path (raises ``OSError``).
Runs come from the results store behind the run log (``queries.history``) or, in tests, a
``MemoryRunLog``'s records; runs kept in ``unsaved-runs.jsonl`` are not read.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.progress.readiness import RunFacts

if TYPE_CHECKING:
    from simulator.app.context import AppContext
    from simulator.progress.assignments import ItemStatus
    from simulator.progress.library import Library as ProgressLibrary

log = logging.getLogger(__name__)
CERTIFICATES_FOLDER = "certificates"


@dataclass(frozen=True)
class LearnerProgress:
    player: str
    report: dict[str, Any] | None  # progress_report's dict; None: no curriculum in this pack
    titles: dict[str, str]
    attempts: dict[str, tuple[int, int]]  # scenario id -> (certification attempts left, allowed)
    due: tuple[ItemStatus, ...] = ()
    assignments_problem: str = ""
    today: date = field(default_factory=date.today)


def _now() -> datetime:
    return datetime.now(UTC)


class ProgressService:
    def __init__(self, ctx: AppContext, clock: Callable[[], datetime] = _now):
        self.ctx, self.clock = ctx, clock

    # --- reading ---------------------------------------------------------------------------
    def library(self) -> ProgressLibrary | None:
        """The curriculum and what each loaded call trains, from the game's library (no file reads)."""
        from simulator.content.curriculum import Curriculum
        from simulator.progress.library import Library, trained

        library, catalog = self.ctx.library, self.ctx.catalog
        if library is None or catalog is None or not library.stages:
            return None
        curriculum = Curriculum(schema_version=1, stages=tuple(library.stages))
        loaded = [e.loaded.scenario for e in library.entries if e.loaded is not None]
        return Library(curriculum, {s.id: trained(s) for s in loaded}, {s.id: s.title for s in loaded},
                       {p.id: p.name for p in catalog.principles})

    def runs(self, player: str) -> list[RunFacts]:
        """The player's saved runs, oldest first ([] when none can be read)."""
        from simulator.app.runlog import MemoryRunLog, results_store

        if not player:
            return []
        run_log = self.ctx.run_log
        try:
            if isinstance(run_log, MemoryRunLog):
                found: Sequence[Any] = [r for r in run_log.records if r.player == player]
                return [RunFacts(r.scenario_id, r.mode, r.status == "finished", r.overall, r.ended_at,
                                dict(r.principle_scores)) for r in sorted(found, key=lambda r: r.ended_at)]
            store = results_store(run_log)
            if store is None:
                return []
            from simulator.results.queries import history

            return [RunFacts(e.scenario_id, e.mode, e.finished, e.overall, e.ended_at, dict(e.principle_scores))
                    for e in history(store, player)]  # type: ignore[arg-type]
        except Exception as error:  # noqa: BLE001 - a failing store never stops the game
            log.warning("could not read the runs of %s: %s", player, error)
            return []

    def learner(self, player: str | None = None) -> LearnerProgress:
        """See the module doc."""
        from simulator.progress.readiness import attempts_left
        from simulator.progress.report import progress_report, run_facts

        name = self.ctx.settings.profile.name if player is None else player
        now = self.clock()
        library = self.library()
        titles = {e.id: e.title for e in self.ctx.library.entries} if self.ctx.library else {}
        runs = self.runs(name)
        due, problem = self._due(runs, now.astimezone().date())
        if library is None:
            return LearnerProgress(name, None, titles, {}, due, problem, now.astimezone().date())
        facts = run_facts(runs)
        attempts: dict[str, tuple[int, int]] = {}
        for stage in library.curriculum.stages:
            for sid in stage.scenarios:
                left = attempts_left(library.curriculum, sid, facts)
                attempts[sid] = (left or 0, stage.pass_rule.attempts)
        return LearnerProgress(name, progress_report(library, runs, now), titles, attempts, due, problem,
                               now.astimezone().date())

    def attempts_left(self, scenario_id: str, player: str | None = None) -> int | None:
        """Certification attempts left on ``scenario_id`` (None: not in the curriculum, uncapped)."""
        from simulator.progress.readiness import attempts_left
        from simulator.progress.report import run_facts

        library = self.library()
        if library is None:
            return None
        name = self.ctx.settings.profile.name if player is None else player
        return attempts_left(library.curriculum, scenario_id, run_facts(self.runs(name)))

    def withholds_answer_key(self, report: Any, started_at: datetime | None, player: str | None = None) -> bool:
        """See the module doc; ``report`` is this certification attempt's ``Report``."""
        from simulator.progress.answer_key import with_attempt, withholds_answer_key
        from simulator.progress.readiness import CERTIFICATION
        from simulator.progress.report import run_facts

        library = self.library()
        if library is None:
            return False
        name = self.ctx.settings.profile.name if player is None else player
        attempt = RunFacts(report.scenario_id, CERTIFICATION, report.finished, report.overall, self.clock())
        runs = with_attempt(run_facts(self.runs(name)), attempt, started_at)
        return withholds_answer_key(library.curriculum, report.scenario_id, runs)

    # --- assignments -----------------------------------------------------------------------
    def assignments_file(self) -> Path:
        from simulator.paths import data_dir
        from simulator.progress.assignments import ASSIGNMENTS_FILE

        return data_dir() / ASSIGNMENTS_FILE

    def _due(self, runs: list[RunFacts], today: date) -> tuple[tuple[ItemStatus, ...], str]:
        """The learner's assignments (their workshop's) and a problem line when the file is broken."""
        from simulator.content.problems import ContentError
        from simulator.progress.assignments import for_workshop, learner_status, load_assignments
        from simulator.progress.report import run_facts

        path, workshop = self.assignments_file(), self.ctx.settings.profile.workshop
        if not workshop or not path.is_file():
            return (), ""
        try:
            cohort = for_workshop(load_assignments(path), workshop)
        except ContentError as error:
            return (), f"The assignments file cannot be read: {error.first.format()}"
        except OSError as error:
            return (), f"The assignments file {path} cannot be read: {error.strerror or error}"
        if cohort is None:
            return (), ""
        return learner_status(cohort, run_facts(runs), today), ""

    # --- certificate -----------------------------------------------------------------------
    def certificate_path(self, player: str) -> Path:
        from simulator.paths import data_dir

        slug = re.sub(r"[^A-Za-z0-9]+", "-", player).strip("-").lower() or "learner"
        return data_dir() / CERTIFICATES_FOLDER / f"{slug[:60]}.html"

    def write_certificate(self, player: str | None = None) -> Path:
        """Write the learner's certificate (see the module doc); ``ValueError`` without a curriculum."""
        from simulator.progress.certificate import certificate_html
        from simulator.progress.report import principle_scores, progress_report

        name = self.ctx.settings.profile.name if player is None else player
        library = self.library()
        if library is None:
            raise ValueError("this scenario pack has no curriculum, so there is nothing to certify")
        runs, now = self.runs(name), self.clock()
        page = certificate_html(name, progress_report(library, runs, now), library, now.astimezone().date(),
                                principle_scores(runs))
        path = self.certificate_path(name)
        _write_text(path, page)
        return path


def _write_text(path: Path, text: str) -> None:
    """Write ``text`` via a temporary file in the same folder and ``os.replace`` (never half a page)."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".tmp-", suffix=".html", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
