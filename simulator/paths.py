"""Where things live: shipped content beside the code, user data in the user's own folders.

Contract: functions only (no module-level state besides constants). User folders come from
platformdirs and can be redirected with ``FRONTLINE_HOME`` (tests and portable installs use it:
config, data and state then live under that one folder).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "frontline"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCENARIOS_DIR = PROJECT_ROOT / "scenarios"
ASSETS_DIR = PROJECT_ROOT / "assets"


def _home_override() -> Path | None:
    value = os.environ.get("FRONTLINE_HOME")
    return Path(value) if value else None


def config_dir() -> Path:
    """Folder for settings (created on demand by whoever writes there)."""
    home = _home_override()
    if home:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Folder for results and saved games."""
    home = _home_override()
    if home:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Folder for caches that can be deleted at any time (parsed scenarios)."""
    home = _home_override()
    if home:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def find_scenario(ref: str, folder: Path = SCENARIOS_DIR) -> Path:
    """A scenario path from a file path or a scenario file stem/id in ``folder``."""
    path = Path(ref)
    if path.exists() or path.suffix in (".yaml", ".yml"):
        return path
    for suffix in (".yaml", ".yml"):
        candidate = folder / f"{ref}{suffix}"
        if candidate.exists():
            return candidate
        candidate = folder / f"{ref.replace('-', '_')}{suffix}"
        if candidate.exists():
            return candidate
    return path
