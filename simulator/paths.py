"""Where things live: shipped content inside the installed packages, user data in the user's folders.

Contract: functions only (no module-level state besides constants). Shipped content (scenarios,
curriculum, principles, fonts and art) is found through ``importlib.resources`` as package data of
the top-level ``scenarios`` and ``assets`` packages, so a wheel install and a source checkout
behave the same; nothing here looks for the source tree except ``PROJECT_ROOT`` (kept for the
repository's own docs and tests). User folders come from platformdirs and can be redirected with
``FRONTLINE_HOME`` (tests and portable installs use it: config, data and state then live under
that one folder). Trainers' own scenarios live in ``user_scenarios_dir()``; nothing ever writes
into the installation.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

APP_NAME = "frontline"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _package_dir(package: str, marker: str) -> Path:
    """The folder of an installed data package (``marker`` must exist in it), else a path that
    does not exist under the installation (callers then show "no scenarios found in ...")."""
    try:
        root = resources.files(package)
    except (ModuleNotFoundError, TypeError):
        return Path(__file__).resolve().parent / f"missing-package-{package}"
    folder = Path(str(root))
    if not (folder / marker).exists():
        return Path(__file__).resolve().parent / f"missing-package-{package}"
    return folder


SCENARIOS_DIR = _package_dir("scenarios", "curriculum.yaml")
ASSETS_DIR = _package_dir("assets", "fonts")


def shipped_scenarios_dir() -> Path:
    """The shipped scenarios, their test plans and ``curriculum.yaml`` (read-only)."""
    return SCENARIOS_DIR


def assets_dir() -> Path:
    """Shipped fonts (``fonts/``) and art (read-only)."""
    return ASSETS_DIR


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


def user_scenarios_dir() -> Path:
    """Trainers' own scenarios (``frontline new`` writes here); shown in the picker beside the
    shipped ones. Not created here."""
    return data_dir() / "scenarios"


def cache_dir() -> Path:
    """Folder for caches that can be deleted at any time (parsed scenarios)."""
    home = _home_override()
    if home:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def find_scenario(ref: str, folder: Path | None = None) -> Path:
    """A scenario path from a file path, or a scenario file stem/id in ``folder`` (default: the
    shipped scenarios, then the user's own)."""
    path = Path(ref)
    if path.exists() or path.suffix in (".yaml", ".yml"):
        return path
    folders = [folder] if folder is not None else [SCENARIOS_DIR, user_scenarios_dir()]
    for base in folders:
        for suffix in (".yaml", ".yml"):
            for stem in dict.fromkeys((ref, ref.replace("-", "_"))):
                candidate = base / f"{stem}{suffix}"
                if candidate.exists():
                    return candidate
    return path


def command_name() -> str:
    """How the user started Frontline, for hints: ``python main.py`` from a checkout, else
    ``frontline`` (the installed command)."""
    import sys

    return "python main.py" if Path(sys.argv[0] if sys.argv else "").name == "main.py" else "frontline"
