"""Player settings and profile, kept as JSON in the user's config folder.

Contract: ``load_settings(path, problems)`` never raises: a missing file gives defaults; an
unreadable file gives defaults and logs a warning; a damaged file (not UTF-8, not JSON, nested
too deeply, non-finite numbers) is moved aside to ``settings.json.broken`` (``move_aside``), the
reason is logged and appended to ``problems`` for the player, and defaults are used; a bad value
for one key falls back to that key's default (with a warning). ``read_json_file(path)`` is the
shared strict reader (raises ``DamagedFile``). ``save_settings(settings, path)`` writes
atomically (temp file flushed and fsynced, ``os.replace``, folder fsynced) and logs, never
raises, when the folder is not writable.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from simulator.app.theme import TEXT_SIZES, THEMES
from simulator.app.translation import N_, system_language, ui_languages
from simulator.util import LazyLogger

log = LazyLogger(__name__)

TIMER_MODES: dict[str, float | None] = {"normal": 1.0, "extended": 2.0, "relaxed": 3.0, "off": None}
# Labels are English constants marked for translation (shown through ctx._).
TIMER_LABELS: dict[str, str] = {"normal": N_("Normal"), "extended": N_("Extended (x2)"), "relaxed": N_("Relaxed (x3)"),
                                "off": N_("Off")}
MODES: dict[str, str] = {"coach": N_("Coach"), "assessment": N_("Assessment"), "certification": N_("Certification")}
# The voiced customer (issue #16): volume and speed are named steps, stored by name.
VOICE_VOLUMES: dict[str, float] = {"quiet": 0.4, "medium": 0.7, "loud": 1.0}
VOICE_SPEEDS: dict[str, float] = {"slower": 0.8, "normal": 1.0, "faster": 1.25}
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
    open_answers: bool = False  # type what you would say before seeing the options
    voice: bool = False  # the customer's lines spoken (opt-in: a room of trainees; needs a speech engine)
    voice_volume: str = "medium"
    voice_speed: str = "normal"
    self_voicing: bool = False  # speak the screen title, the focused option and the coach card
    reduced_sound: bool = False  # no ringing phone, hold music or click at the end of a call
    language: str = field(default_factory=system_language)  # the UI's and the scenarios' language
    profile: Profile = field(default_factory=Profile)

    def timer_factor(self) -> float | None:
        """Multiplier for a node's time limit, or None when timers are off."""
        return TIMER_MODES[self.timers]

    def voice_levels(self) -> tuple[float, float]:
        """(speed, volume) multipliers for the voice."""
        return VOICE_SPEEDS[self.voice_speed], VOICE_VOLUMES[self.voice_volume]

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_CHOICES: dict[str, tuple[Any, ...]] = {
    "text_size": tuple(TEXT_SIZES), "theme": tuple(THEMES), "timers": tuple(TIMER_MODES),
    "mode": tuple(MODES), "reduced_motion": (True, False), "fullscreen": (True, False),
    "open_answers": (True, False), "voice": (True, False), "voice_volume": tuple(VOICE_VOLUMES),
    "voice_speed": tuple(VOICE_SPEEDS), "self_voicing": (True, False), "reduced_sound": (True, False),
    "language": ui_languages(),
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


MAX_JSON_BYTES = 4 * 1024 * 1024


class DamagedFile(ValueError):
    """A JSON file that cannot be read as such; the message says why."""


def _refuse_constant(name: str) -> Any:
    raise DamagedFile(f"holds {name}, which is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise DamagedFile(f"holds the number {text[:20]}, which is too large")
    return value


def read_json_file(path: Path) -> Any:
    """The parsed JSON in ``path``; FileNotFoundError/OSError as raised, ``DamagedFile`` when the
    content is not UTF-8 JSON of sane size, depth and numbers."""
    raw = path.read_bytes()
    import json  # here, not at the top: a first start (no settings yet) draws its title without it

    if len(raw) > MAX_JSON_BYTES:
        raise DamagedFile(f"is {len(raw)} bytes, more than {MAX_JSON_BYTES}")
    try:
        text = raw.decode("utf-8")
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except DamagedFile:
        raise
    except UnicodeDecodeError as error:
        raise DamagedFile(f"is not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise DamagedFile(f"is not JSON ({error.msg}, line {error.lineno})") from None
    except RecursionError:
        raise DamagedFile("is nested too deeply") from None
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        raise DamagedFile(f"holds a bad value ({str(error)[:80]})") from None


def move_aside(path: Path) -> Path | None:
    """Rename a damaged file to ``<name>.broken`` (replacing an older one); None when that fails."""
    target = path.with_name(path.name + ".broken")
    try:
        os.replace(path, target)
    except OSError as error:
        log.warning("could not move the damaged file %s aside: %s", path, error)
        return None
    return target


def load_settings(path: Path, problems: list[str] | None = None) -> Settings:
    try:
        data = read_json_file(path)
    except FileNotFoundError:
        return Settings()
    except DamagedFile as error:
        moved = move_aside(path)
        where = f"it was moved to {moved}" if moved else "it could not be moved aside"
        message = f"Your settings file {error}; {where} and the default settings are used."
        log.warning("settings %s: %s", path, message)
        if problems is not None:
            problems.append(message)
        return Settings()
    except OSError as error:
        log.warning("cannot read settings %s (%s); using defaults", path, error)
        return Settings()
    return from_dict(data)


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to ``path`` via a temp file in the same folder (flushed and fsynced) and
    ``os.replace``, then fsync the folder so the rename survives a power cut."""
    import json
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2, allow_nan=False)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; the rename is durable there anyway
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_settings(settings: Settings, path: Path) -> bool:
    try:
        write_json_atomic(path, settings.to_dict())
    except OSError as error:
        log.warning("cannot save settings to %s (%s)", path, error)
        return False
    return True
