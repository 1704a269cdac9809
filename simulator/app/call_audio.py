"""What a call sounds like (issue #16): the play screen's ringing phone, voiced lines, hold music
and the click at the end, on the app's audio services.

Contract: ``CallAudio(services, ctx, session)``; the play screen calls ``begin(fresh)`` on
entering (a fresh phone call rings first; the current line is spoken after the ring), ``after_step
(agent_text)`` after each choice (hold music when the agent put the customer on hold, then the
new line), ``update()`` every frame (the click once the call has ended and the last line is
spoken) and ``end()`` on leaving. Nothing blocks; with no audio device or speech engine all of
it is silent and the chat is unchanged (captions are always on: the chat is the caption).

Rules: phone sounds (ring, hold, click) only for ``channel: phone``. The customer's lines are
spoken when the voice setting is on and the channel is phone; with self-voicing on, lines of any
channel are read aloud in the neutral reading voice. Hold (``on_hold``): the option the agent
chose says they put or keep the customer on hold ("I'll pop you on hold", "bear with me while
I ..."), or the new node's narration says the customer is on hold; the music plays for
``HOLD_SECONDS`` and the next line waits for it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.app.context import AppContext
    from simulator.app.services import Services
    from simulator.engine.session import PlaySession

RING_SECONDS = 2.9  # assets/sounds/ring.wav
HOLD_SECONDS = 4.0
HOLD = re.compile(r"\b(?:put|putting|pop|popping|place|placing|keep|keeping)\b[^.!?]{0,24}\bon hold\b"
                  r"|\bbear with me\b|\bhold the line\b|\bhold music\b|\b(?:is|are|was|sits?|stays?) on hold\b",
                  re.IGNORECASE)


def on_hold(agent_text: str, narration: str | None) -> bool:
    """Whether the customer waits on hold now (see the module doc)."""
    return bool(HOLD.search(agent_text)) or bool(narration and HOLD.search(narration))


class CallAudio:
    def __init__(self, services: Services, ctx: AppContext, session: PlaySession):
        self.services, self.ctx, self.session = services, ctx, session
        self.hung_up = False

    @property
    def phone(self) -> bool:
        return str(self.session.owner.scenario.channel) == "phone"

    @property
    def wanted(self) -> bool:
        settings = self.ctx.settings
        return (settings.voice and self.phone) or settings.self_voicing

    def begin(self, fresh: bool) -> None:
        delay = 0.0
        if fresh and self.phone and self.services.sounds.ring():
            delay = RING_SECONDS
        self.hung_up = self.session.finished
        if self.wanted:
            self.services.speech.start()  # the engine opens on its own thread while the phone rings
        self.speak_current(delay)

    def speak_current(self, delay: float = 0.0) -> None:
        beat = self.session.beat()
        if not beat.text or not self.wanted:
            return
        scenario = self.session.scenario  # this run's details filled in (voices are keyed by the filled names)
        speech = self.services.speech
        speaker = self.session.node.speaker or scenario.customer.name
        if self.ctx.settings.voice and self.phone:
            speech.customer_line(scenario, speaker, beat.text, beat.mood, delay)
        else:
            speech.read_aloud(f"{speaker} says: {beat.text}")

    def after_step(self, agent_text: str) -> None:
        delay = 0.0
        if self.phone and on_hold(agent_text, self.session.node.narration) and self.services.sounds.hold(HOLD_SECONDS):
            delay = HOLD_SECONDS
        self.speak_current(delay)

    @property
    def busy(self) -> bool:
        return "speech" in self.services.__dict__ and self.services.speech.speaking

    def update(self) -> None:
        if self.session.finished and not self.hung_up and not self.busy:
            self.hung_up = True
            if self.phone:
                self.services.sounds.hang_up()

    def end(self) -> None:
        if "speech" in self.services.__dict__:
            self.services.speech.silence()
        if "sounds" in self.services.__dict__:
            self.services.sounds.stop_hold()
