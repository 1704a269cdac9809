"""The settings rows for open answers and sound (issue #16).

Contract: ``open_answer_rows(open_page)`` is the one row the settings screen adds (a button to the
"Answering, sound and voice" page; the main page must show whole at the default text size).
``sound_rows(settings, change, voice_problem)`` are that page's rows: "Answer in your own words",
the customer's voice
(on/off, volume, speed), self-voicing, reduced sound, and, when there is no speech engine, one
sentence saying so (the game then plays silently, with captions). ``change(**setting)`` applies
a change; ``voice_problem`` is None when speech works, else why not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from simulator.app.translation import N_, Translate
from simulator.app.widgets.rows import ButtonRow, ChoiceRow, Row, TextRow

if TYPE_CHECKING:
    from simulator.app.settings import Settings

ON_OFF = {"off": N_("Off"), "on": N_("On")}
VOLUME_LABELS = {"quiet": N_("Quiet"), "medium": N_("Medium"), "loud": N_("Loud")}
SPEED_LABELS = {"slower": N_("Slower"), "normal": N_("Normal"), "faster": N_("Faster")}


def _toggle(label: str, key: str, value: bool, change: Callable[..., None]) -> ChoiceRow:
    return ChoiceRow(label, ON_OFF, "on" if value else "off", lambda v: change(**{key: v == "on"}), key=key)


def open_answer_rows(open_page: Callable[[], None]) -> list[Row]:
    """The one row the main settings screen adds: a button to the page with the rows below."""
    return [ButtonRow(N_("Answering, sound and voice..."), open_page, key="sound")]


def sound_rows(settings: Settings, change: Callable[..., None], voice_problem: str | None,
               _: Translate = N_) -> list[Row]:
    """The page's rows; labels are marked constants (rows translate them), ``_`` translates the rest."""
    rows: list[Row] = [
        _toggle(N_("Answer in your own words (type first, then see the options)"), "open_answers",
                settings.open_answers, change),
        _toggle(N_("Customer's voice (captions always shown)"), "voice", settings.voice, change),
        ChoiceRow(N_("Voice volume"), VOLUME_LABELS, settings.voice_volume, lambda v: change(voice_volume=v),
                  key="voice_volume"),
        ChoiceRow(N_("Voice speed"), SPEED_LABELS, settings.voice_speed, lambda v: change(voice_speed=v),
                  key="voice_speed"),
        _toggle(N_("Self-voicing (reads titles, options and the coach card; V repeats)"), "self_voicing",
                settings.self_voicing, change),
    ]
    if voice_problem:
        rows.append(TextRow(_("No speech engine, so the game plays silently with captions: {problem}.").format(
            problem=voice_problem), role="small", color="bad"))
    rows.append(_toggle(N_("Reduced sound (no ringing phone, hold music or click)"), "reduced_sound",
                        settings.reduced_sound, change))
    return rows
