"""Lint errors that make a scenario unplayable whatever the player does.

Contract: ``unplayable(loaded)`` returns the FL102/FL103 findings (a node the player can reach from
which no ending can be reached, or a loop with no way out). The scenario is valid YAML and passes
``validate``, but the game and the terminal player refuse it, naming the first finding, so that no
player is ever trapped in a call that cannot end. It is a graph check (no state space), cheap
enough for every load.
"""

from __future__ import annotations

from simulator.authoring.lint_context import Context, Finding
from simulator.authoring.lint_rules.structure import no_way_to_end
from simulator.content.loader import LoadedScenario


def unplayable(loaded: LoadedScenario) -> list[Finding]:
    return list(no_way_to_end(Context(loaded.scenario, loaded.document)))
