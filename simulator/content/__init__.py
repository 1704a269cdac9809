"""Scenario content: format v1 models, the strict YAML reader and the safe loader.

The names below are imported on first use (PEP 562), so that importing one submodule (say
``simulator.content.problems`` or ``yaml_reader``) does not import the loader, pydantic's models and
the cross-checks as well.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.util import lazy_exports

if TYPE_CHECKING:
    from simulator.content.loader import FileReport, LoadedScenario, check_paths, load_scenario, load_text
    from simulator.content.models import Choice, Ending, Node, Outcome, Quality, Scenario
    from simulator.content.problems import ContentError, Problem

_HOMES = {
    "FileReport": "loader", "LoadedScenario": "loader", "check_paths": "loader", "load_scenario": "loader",
    "load_text": "loader", "Choice": "models", "Ending": "models", "Node": "models", "Outcome": "models",
    "Quality": "models", "Scenario": "models", "ContentError": "problems", "Problem": "problems",
}
__all__ = [
    "Choice", "ContentError", "Ending", "FileReport", "LoadedScenario", "Node", "Outcome",
    "Problem", "Quality", "Scenario", "check_paths", "load_scenario", "load_text",
]


__getattr__ = lazy_exports(__name__, _HOMES, globals())
