"""Scenario content: format v1 models, the strict YAML reader and the safe loader."""

from simulator.content.loader import FileReport, LoadedScenario, check_paths, load_scenario, load_text
from simulator.content.models import Choice, Ending, Node, Outcome, Quality, Scenario
from simulator.content.problems import ContentError, Problem

__all__ = [
    "Choice", "ContentError", "Ending", "FileReport", "LoadedScenario", "Node", "Outcome",
    "Problem", "Quality", "Scenario", "check_paths", "load_scenario", "load_text",
]
