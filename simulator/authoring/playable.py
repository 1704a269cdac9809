"""Lint errors that make a scenario unplayable whatever the player does.

Contract: ``unplayable(loaded)`` (a ``LoadedScenario``, or a translation as
``simulator.i18n.api.load_scenario_translated`` returns it: its graph is its source's, and the
findings point into the file that was named) returns the FL102/FL103 findings (a node the player can reach from
which no ending can be reached, or a loop with no way out). The scenario is valid YAML and passes
``validate``, but the game and the terminal player refuse it, naming the first finding, so that no
player is ever trapped in a call that cannot end. It is a graph check (no state space), cheap
enough for every load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.authoring.lint_context import Context, Finding
from simulator.authoring.lint_rules.structure import no_way_to_end
from simulator.content.loader import LoadedScenario
from simulator.content.yaml_reader import YamlDocument

if TYPE_CHECKING:
    from simulator.i18n.api import TranslatedScenario


def unplayable(loaded: LoadedScenario | TranslatedScenario) -> list[Finding]:
    return list(no_way_to_end(Context(loaded.scenario, _document(loaded))))


def _document(loaded: LoadedScenario | TranslatedScenario) -> YamlDocument:
    """The positions of the file that was named (a translation keeps no document: read its file)."""
    if isinstance(loaded, LoadedScenario):
        return loaded.document
    from simulator.content.files import read_content
    from simulator.content.yaml_reader import parse_yaml

    file = loaded.translation_path or loaded.path
    return parse_yaml(read_content(file)[0], str(file))
