"""The workshop room as the game sees it: the projector's summary and room play through the shared
results store (``app.services.room``). Screens keep no store; they call this service.

Contract: ``RoomService(ctx)`` reads the results store behind ``ctx.run_log``
(``runlog.results_store``). Every method raises ``RoomUnavailable`` with a message for the screen
(what went wrong and what to do) instead of a database or room error (``RoomTie`` passes through:
the facilitator picks), so a screen never crashes on
a store that went away or a vote the room refuses. Reads are cheap (the summary comes from the
running aggregates): screens call them from ``on_enter`` and from ``update`` on a timer, never from
``draw``. ``summary(code)`` also returns the scenario text (read once, on first use) that the
projector shows: titles, prompts, options and the coach's why. ``save_run(room, runs)`` saves the
room's run like any run (never raises: the run service keeps what the store refuses).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.app.context import AppContext
    from simulator.app.runs import RunService
    from simulator.results.room import FacilitatorRoom, RoomDecision, VoteCount
    from simulator.results.scenario_info import ScenarioInfo
    from simulator.results.summary import WorkshopSummary

log = logging.getLogger(__name__)


class RoomUnavailable(Exception):
    """The room or the results cannot be reached or refused the action; the message says why."""


class RoomService:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx
        self._infos: dict[str, ScenarioInfo] | None = None

    @property
    def store(self) -> Any:
        from simulator.app.runlog import results_store

        store = results_store(self.ctx.run_log)
        if store is None:
            reason = getattr(self.ctx.run_log, "reason", "")
            _ = self.ctx._
            raise RoomUnavailable(_("The results store is not available ({reason}): room play and the projector "
                                    "need it. Check the database setting.").format(reason=reason) if reason else
                                  _("The results store is not available: room play and the projector need it. "
                                    "Check the database setting."))
        return store

    def _guard(self, action: Any, *args: Any, **kwargs: Any) -> Any:
        from simulator.results.location import StoreError
        from simulator.results.room import RoomError, RoomTie

        try:
            return action(*args, **kwargs)
        except (RoomUnavailable, RoomTie):
            raise  # a tie is a question for the facilitator, not a failure
        except RoomError as error:
            raise RoomUnavailable(_sentence(str(error))) from error
        except StoreError as error:
            log.warning("results store: %s", error)
            raise RoomUnavailable(self.ctx._("Cannot reach the results right now ({error}). Trying again "
                                             "shortly.").format(error=error)) from error

    # --- the projector ---------------------------------------------------------------------------
    def infos(self) -> dict[str, ScenarioInfo]:
        """Scenario text for labels and whys: the game's library when loaded, else the scenario folder."""
        if self._infos is None:
            from simulator.results.scenario_info import load_infos

            self._infos = load_infos(self.ctx.scenarios_dir)
            for extra in self.ctx.extra_scenarios:
                if extra.is_dir():
                    for key, value in load_infos(extra).items():
                        self._infos.setdefault(key, value)
        return self._infos

    def summary(self, workshop: str) -> WorkshopSummary:
        from scoring.catalog import default_catalog
        from simulator.results.summary import summarise
        from simulator.results.workshop_data import workshop_data

        infos = self.infos()
        names = self.ctx.principle_names() or self._principle_names(default_catalog())
        covered = {p for info in infos.values() for p in info.principles}
        store = self.store
        return self._guard(lambda: summarise(workshop_data(store, workshop, covered), names, infos))

    def _principle_names(self, catalog: Any) -> dict[str, str]:
        """Principle names in the player's language when the game's content is not loaded (the
        projector alone); English when there is no translation."""
        from simulator.content.problems import ContentError
        from simulator.i18n.api import translated_catalog

        try:
            shown = translated_catalog(self.ctx.ui.language) if self.ctx.ui.language != "en" else catalog
        except ContentError:
            shown = catalog
        return {p.id: p.name for p in shown.principles}

    # --- the facilitator's room ------------------------------------------------------------------
    def open_room(self, workshop: str, loaded: Any, seed: int | str) -> FacilitatorRoom:
        from simulator.results.room import FacilitatorRoom

        return self._guard(FacilitatorRoom.open, self.store, workshop, loaded, seed,
                           self.ctx.settings.profile.name)

    def save_run(self, room: FacilitatorRoom, runs: RunService) -> bool:
        """Save the room's run (finished, or unfinished when stopped early) through the run service
        ``runs`` (``app.services.runs``), like any run (``simulator.results.room_run``: player
        "Room", team "Room <code>", mode "room"); a run the store refuses is kept locally (never
        raises). True when there was nothing to save or it is kept somewhere; False when held in
        memory for a later retry."""
        from simulator.results.room_run import room_record

        try:
            record = room_record(room)
        except Exception as error:  # noqa: BLE001 - a scoring problem must not crash the projector
            log.error("could not score the room's run %s: %s", room.room_id, error)
            return True
        return True if record is None else runs.keep(record)

    def guarded(self, action: Any, *args: Any) -> Any:
        """Run a facilitator-room method (``room.close_vote`` …) with this service's error handling."""
        return self._guard(action, *args)

    # --- a player in the room --------------------------------------------------------------------
    def join(self, workshop: str, player: str) -> RoomDecision:
        from simulator.results import room

        return self._guard(room.join, self.store, workshop, player)

    def current(self, room_id: str) -> RoomDecision:
        from simulator.results import room

        return self._guard(room.current, self.store, room_id)

    def counts(self, room_id: str) -> VoteCount:
        from simulator.results import room

        return self._guard(room.counts, self.store, room_id)

    def vote(self, room_id: str, player: str, decision_no: int, choice_id: str) -> None:
        from simulator.results import room

        self._guard(room.vote, self.store, room_id, player, decision_no, choice_id)

    def my_vote(self, room_id: str, player: str, decision_no: int) -> str | None:
        from simulator.results import room

        return self._guard(room.my_vote, self.store, room_id, player, decision_no)  # type: ignore[no-any-return]

    def moves(self, room_id: str) -> list[dict[str, Any]]:
        from simulator.results import room

        return self._guard(room.moves, self.store, room_id)  # type: ignore[no-any-return]


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]) if text else "The room refused that."
