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
    from simulator.app.audio import CallSounds, Mixer
    from simulator.app.context import AppContext
    from simulator.app.progress_service import ProgressService
    from simulator.app.room_service import RoomService
    from simulator.app.runs import RunService
    from simulator.app.self_voicing import SelfVoicing
    from simulator.app.speech import Speech


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

    @cached_property
    def room(self) -> RoomService:
        """The workshop room (projector summary, room play) through the results store."""
        from simulator.app.room_service import RoomService

        return RoomService(self.ctx)

    # --- sound (issue #16): each built on first use; nothing starts the mixer or a speech engine early
    @cached_property
    def mixer(self) -> Mixer:
        from simulator.app.audio import Mixer

        return Mixer()

    @cached_property
    def sounds(self) -> CallSounds:
        """The ringing phone, hold music and click (muted by the "reduced sound" setting)."""
        from simulator.app.audio import CallSounds

        return CallSounds(self.mixer, lambda: self.ctx.settings.reduced_sound)

    @cached_property
    def speech(self) -> Speech:
        from simulator.app.speech import Speech

        return Speech(self.ctx, self.mixer)

    @cached_property
    def self_voicing(self) -> SelfVoicing:
        from simulator.app.self_voicing import SelfVoicing

        return SelfVoicing(self.speech, lambda: self.ctx.settings.self_voicing, lambda text: self.ctx._(text))

    def update(self, top: object) -> None:
        """Once per frame (the app calls it): self-voicing follows the top screen, speech plays what
        is ready. Costs nothing until a setting or screen has used sound."""
        if self.ctx.settings.self_voicing:
            self.self_voicing.update(top)
        if "speech" in self.__dict__:
            self.speech.update()
