"""Colour themes and text sizes: plain constants and one frozen value per theme.

Contract: ``theme_for(name)`` returns a ``Theme`` for "standard" or "high_contrast" (unknown names
give "standard"). ``TEXT_SIZES`` maps a text-size name to the body font size in ``Font(None)``
units; other roles scale from it (see ``text.ROLE_SCALE``).
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.app.translation import N_

Color = tuple[int, int, int]

TEXT_SIZES: dict[str, int] = {"small": 26, "medium": 30, "large": 36, "largest": 44}
TEXT_SIZE_LABELS: dict[str, str] = {"small": N_("Small"), "medium": N_("Medium"), "large": N_("Large"),
                                    "largest": N_("Largest")}


@dataclass(frozen=True)
class Theme:
    name: str
    bg: Color
    panel: Color
    panel_border: Color
    text: Color
    muted: Color
    accent: Color
    accent_text: Color
    focus: Color
    focus_width: int
    button: Color
    button_text: Color
    disabled: Color
    customer_bubble: Color
    customer_border: Color
    agent_bubble: Color
    agent_border: Color
    good: Color
    bad: Color
    meter_bg: Color
    meter_fill: Color
    best_marker: Color
    overlay_alpha: int
    skin: Color
    face_line: Color


STANDARD = Theme(
    name="standard", bg=(238, 234, 226), panel=(252, 251, 248), panel_border=(196, 190, 178),
    text=(28, 30, 38), muted=(88, 90, 100), accent=(15, 104, 97), accent_text=(255, 255, 255),
    focus=(214, 120, 0), focus_width=4, button=(224, 230, 236), button_text=(28, 30, 38),
    disabled=(150, 150, 150), customer_bubble=(255, 255, 255), customer_border=(180, 176, 166),
    agent_bubble=(214, 233, 247), agent_border=(120, 160, 196), good=(22, 120, 60), bad=(170, 40, 40),
    meter_bg=(220, 216, 208), meter_fill=(40, 110, 150), best_marker=(150, 110, 20), overlay_alpha=150,
    skin=(233, 196, 160), face_line=(50, 40, 40),
)

HIGH_CONTRAST = Theme(
    name="high_contrast", bg=(0, 0, 0), panel=(0, 0, 0), panel_border=(255, 255, 255),
    text=(255, 255, 255), muted=(230, 230, 230), accent=(255, 255, 0), accent_text=(0, 0, 0),
    focus=(255, 255, 0), focus_width=6, button=(0, 0, 0), button_text=(255, 255, 255),
    disabled=(170, 170, 170), customer_bubble=(0, 0, 0), customer_border=(255, 255, 255),
    agent_bubble=(0, 0, 60), agent_border=(0, 255, 255), good=(120, 255, 120), bad=(255, 140, 140),
    meter_bg=(0, 0, 0), meter_fill=(255, 255, 255), best_marker=(0, 255, 255), overlay_alpha=210,
    skin=(255, 255, 255), face_line=(0, 0, 0),
)

THEMES: dict[str, Theme] = {"standard": STANDARD, "high_contrast": HIGH_CONTRAST}
THEME_LABELS: dict[str, str] = {"standard": N_("Standard"), "high_contrast": N_("High contrast")}


def theme_for(name: str) -> Theme:
    return THEMES.get(name, STANDARD)
