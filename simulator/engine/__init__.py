"""The UI-free conversation engine (no pygame here: a test enforces it).

Usage::

    machine = ScenarioMachine(loaded.scenario, loaded.content_hash)
    session = machine.start(seed=7)
    while not session.finished:
        beat, options = session.beat(), session.choices()
        session.choose(options[0].id)
    session.ending, session.transcript
"""

from simulator.engine.machine import ScenarioMachine
from simulator.engine.session import ChoiceUnavailable, PlaySession, SnapshotError
from simulator.engine.views import Beat, ChoiceView, Step, mood_label

__all__ = [
    "Beat", "ChoiceUnavailable", "ChoiceView", "PlaySession", "ScenarioMachine", "SnapshotError",
    "Step", "mood_label",
]
