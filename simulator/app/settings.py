"""Player settings and profile, kept as JSON in the user's config folder.

Contract: ``load_settings(path)`` never raises: a missing file gives defaults; an unreadable or
corrupt file gives defaults and logs a warning; a bad value for one key falls back to that key's
default (with a warning). ``save_settings(settings, path)`` writes atomically (temp + replace) and
logs, never raises, when the folder is not writable.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from simulator.app.theme import TEXT_SIZES, THEMES

log = logging.getLogger(__name__)

TIMER_MODES: dict[str, float | None] = {"normal": 1.0, "extended": 2.0, "relaxed": 3.0, "off": None}
TIMER_LABELS: dict[str, str] = {"normal": "Normal", "extended": "Extended (x2)", "relaxed": "Relaxed (x3)",
                                "off": "Off"}
MODES: dict[str, str] = {"coach": "Coach", "assessment": "Assessment"}
SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Profile:
    """Who is playing; remembered between runs."""

    name: str = ""
    team: str = ""
    workshop: str = ""


@dataclass(frozen=True)
class Settings:
    text_size: str = "medium"
    theme: str = "standard"
    reduced_motion: bool = False
    timers: str = "normal"
    mode: str = "coach"
    fullscreen: bool = False
    profile: Profile = field(default_factory=Profile)

    def timer_factor(self) -> float | None:
        """Multiplier for a node's time limit, or None when timers are off."""
        return TIMER_MODES[self.timers]

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_CHOICES: dict[str, tuple[Any, ...]] = {
    "text_size": tuple(TEXT_SIZES), "theme": tuple(THEMES), "timers": tuple(TIMER_MODES),
    "mode": tuple(MODES), "reduced_motion": (True, False), "fullscreen": (True, False),
}


def settings_path() -> Path:
    from simulator.paths import config_dir

    return config_dir() / SETTINGS_FILE


def from_dict(data: Any) -> Settings:
    """Settings from parsed JSON; bad values are replaced by defaults (and logged)."""
    defaults = Settings()
    if not isinstance(data, dict):
        log.warning("settings file does not hold an object; using defaults")
        return defaults
    values: dict[str, Any] = {}
    for key, allowed in _CHOICES.items():
        if key not in data:
            continue
        value = data[key]
        if value in allowed and type(value) is type(allowed[0]):
            values[key] = value
        else:
            log.warning("settings: ignoring bad value %r for %s", value, key)
    raw = data.get("profile")
    if isinstance(raw, dict):
        values["profile"] = Profile(**{k: _text(raw.get(k)) for k in ("name", "team", "workshop")})
    return replace(defaults, **values)


def _text(value: Any) -> str:
    return value.strip()[:60] if isinstance(value, str) else ""


def load_settings(path: Path) -> Settings:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        log.warning("cannot read settings %s (%s); using defaults", path, error)
        return Settings()
    try:
        data = json.loads(raw)
    except ValueError as error:
        log.warning("settings file %s is corrupt (%s); using defaults", path, error)
        return Settings()
    return from_dict(data)


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to ``path`` via a temp file in the same folder and ``os.replace``."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def save_settings(settings: Settings, path: Path) -> bool:
    try:
        write_json_atomic(path, settings.to_dict())
    except OSError as error:
        log.warning("cannot save settings to %s (%s)", path, error)
        return False
    return True
