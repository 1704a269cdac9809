"""Diagrams of a scenario's branching: Mermaid (renders on GitHub and in most editors) or Graphviz DOT.

Contract: ``mermaid(scenario, counts=None)`` and ``dot(scenario, counts=None)`` return the diagram
text. Nodes show their id (endings: title and outcome, coloured by outcome); edges are labelled with
the choice id, its principle grades and its condition, and, given ``counts`` ({(node_id, choice_id):
times taken}), how often players took it and its share of the decisions at that node. Every piece of
scenario text is escaped for the target language (scenario text is untrusted).
``choice_counts(records, scenario_id)`` tallies counts from results-store run records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from simulator.content.models import Choice, Node, Scenario

Counts = Mapping[tuple[str, str], int]
OUTCOME_COLOURS = {  # fill, stroke
    "resolved": ("#d9f2d9", "#2e7d32"), "escalated": ("#dbe9ff", "#1f5fbf"),
    "partially_resolved": ("#fff3c4", "#b38600"), "customer_lost": ("#ffd9d9", "#c62828"),
}
_MERMAID_ESCAPES = {"&": "#amp;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;", "|": "#124;",
                    "\n": " ", "\r": " ", "#": "#35;", "[": "#91;", "]": "#93;", "{": "#123;", "}": "#125;"}


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mermaid_text(text: str) -> str:
    """``text`` made safe inside a quoted Mermaid label (entity codes for special characters)."""
    return "".join(_MERMAID_ESCAPES.get(ch, ch) for ch in text)


def dot_text(text: str) -> str:
    """``text`` made safe inside a double-quoted DOT string."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", " ").replace("\n", "\\n")


def _grades(choice: Choice) -> str:
    return ", ".join(f"{p} {g:+d}" for p, g in choice.grades.items())


def _edge_label(node_id: str, choice: Choice, counts: Counts | None, total: int) -> list[str]:
    parts = [choice.id]
    if choice.grades:
        parts.append(_grades(choice))
    if choice.condition is not None:
        parts.append(f"if {choice.condition.source}")
    if counts is not None:
        taken = counts.get((node_id, choice.id), 0)
        share = f" ({round(100 * taken / total)}%)" if total else ""
        parts.append(f"taken {taken}x{share}")
    return parts


def _node_label(node_id: str, node: Node) -> list[str]:
    if node.ending is not None:
        return [node_id, _short(node.ending.title), f"{node.ending.outcome.value}, {node.ending.quality.value}"]
    line = node.line[-1].text if node.line else (node.narration or "")
    return [node_id, _short(line)] if line else [node_id]


def _totals(scenario: Scenario, counts: Counts | None) -> dict[str, int]:
    totals: Counter[str] = Counter()
    for (node_id, _), taken in (counts or {}).items():
        totals[node_id] += taken
    return dict(totals)


def mermaid(scenario: Scenario, counts: Counts | None = None) -> str:
    """The Mermaid flowchart (see module doc)."""
    ids = {node_id: f"n{i}" for i, node_id in enumerate(scenario.nodes)}
    totals = _totals(scenario, counts)
    lines = ["flowchart TD"]
    for node_id, node in scenario.nodes.items():
        label = "<br/>".join(mermaid_text(part) for part in _node_label(node_id, node))
        shape = ('(["', '"])') if node.ending is not None else ('["', '"]')
        lines.append(f"  {ids[node_id]}{shape[0]}{label}{shape[1]}")
    lines.append(f"  start((start)) --> {ids[scenario.start]}")
    for node_id, node in scenario.nodes.items():
        for choice in node.choices:
            if choice.next not in ids:
                continue
            label = "<br/>".join(mermaid_text(p) for p in _edge_label(node_id, choice, counts, totals.get(node_id, 0)))
            arrow = "-.->" if choice.condition is not None else "-->"
            lines.append(f'  {ids[node_id]} {arrow}|"{label}"| {ids[choice.next]}')
    for outcome, (fill, stroke) in OUTCOME_COLOURS.items():
        members = [ids[k] for k, n in scenario.nodes.items() if n.ending and n.ending.outcome.value == outcome]
        lines.append(f"  classDef {outcome} fill:{fill},stroke:{stroke},stroke-width:2px")
        if members:
            lines.append(f"  class {','.join(members)} {outcome}")
    return "\n".join(lines) + "\n"


def dot(scenario: Scenario, counts: Counts | None = None) -> str:
    """The Graphviz DOT digraph (see module doc)."""
    ids = {node_id: f"n{i}" for i, node_id in enumerate(scenario.nodes)}
    totals = _totals(scenario, counts)
    lines = [f'digraph "{dot_text(scenario.id)}" {{', "  rankdir=TB;",
             '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
             '  edge [fontname="Helvetica", fontsize=10];', '  start [shape=circle, label="start"];',
             f"  start -> {ids[scenario.start]};"]
    for node_id, node in scenario.nodes.items():
        label = "\\n".join(dot_text(part) for part in _node_label(node_id, node))
        extra = ""
        if node.ending is not None:
            fill, stroke = OUTCOME_COLOURS[node.ending.outcome.value]
            extra = f', fillcolor="{fill}", color="{stroke}", penwidth=2'
        lines.append(f'  {ids[node_id]} [label="{label}"{extra}];')
    for node_id, node in scenario.nodes.items():
        for choice in node.choices:
            if choice.next not in ids:
                continue
            label = "\\n".join(dot_text(p) for p in _edge_label(node_id, choice, counts, totals.get(node_id, 0)))
            style = ", style=dashed" if choice.condition is not None else ""
            lines.append(f'  {ids[node_id]} -> {ids[choice.next]} [label="{label}"{style}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def choice_counts(records: Iterable[Any], scenario_id: str) -> dict[tuple[str, str], int]:
    """How often each (node_id, choice_id) was taken in ``records`` (RunRecords) of one scenario."""
    counts: Counter[tuple[str, str]] = Counter()
    for record in records:
        if record.scenario_id != scenario_id:
            continue
        for step in record.transcript:
            if isinstance(step, Mapping) and "node_id" in step and "choice_id" in step:
                counts[(str(step["node_id"]), str(step["choice_id"]))] += 1
    return dict(counts)
