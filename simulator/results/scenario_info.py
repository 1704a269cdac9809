"""Scenario text for reports and the facilitator view: titles, decision prompts, option labels,
the principles each scenario trains. Scenario files are untrusted text: callers must escape.

Contract: ``load_infos(folder)`` reads every valid scenario file in ``folder`` (invalid files are
skipped, never fatal) and returns ``{scenario_id: ScenarioInfo}``; a missing folder gives {}.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class OptionInfo:
    id: str
    text: str
    net: int
    grades: dict[str, int] = field(default_factory=dict)
    feedback: str = ""


@dataclass(frozen=True)
class DecisionInfo:
    node_id: str
    prompt: str
    options: tuple[OptionInfo, ...]

    def option(self, choice_id: str) -> OptionInfo | None:
        return next((o for o in self.options if o.id == choice_id), None)

    @property
    def best_net(self) -> int:
        return max((o.net for o in self.options), default=0)


@dataclass(frozen=True)
class ScenarioInfo:
    id: str
    title: str
    principles: tuple[str, ...]
    decisions: dict[str, DecisionInfo]


def _info(scenario) -> ScenarioInfo:  # type: ignore[no-untyped-def]
    decisions = {}
    for node_id, node in scenario.nodes.items():
        if not node.choices:
            continue
        prompt = node.line[-1].text if node.line else (node.narration or "")
        decisions[node_id] = DecisionInfo(node_id, prompt, tuple(
            OptionInfo(c.id, c.text, sum(c.grades.values()), dict(c.grades), c.feedback) for c in node.choices))
    return ScenarioInfo(scenario.id, scenario.title, tuple(scenario.principles), decisions)


def load_infos(folder: Path | None) -> dict[str, ScenarioInfo]:
    from scoring.catalog import default_catalog
    from simulator.content.loader import check_paths

    if folder is None or not Path(folder).is_dir():
        return {}
    infos: dict[str, ScenarioInfo] = {}
    for report in check_paths([Path(folder)], default_catalog().ids()):
        if report.loaded is not None:
            infos.setdefault(report.loaded.id, _info(report.loaded.scenario))
    return infos
