"""Diagrams: every node and edge drawn, endings coloured, untrusted text escaped, result counts."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

from simulator.authoring.diagram import choice_counts, dot, mermaid
from simulator.cli.main import main
from simulator.content.loader import load_scenario
from simulator.content.models import Scenario
from tests.authoring.scenario_factory import choice, scenario

EVIL = 'Say "hi"]) --> x; click n0 call alert(1) <script>`|#&{}\nnext'


def _evil() -> Scenario:
    return Scenario.model_validate(scenario({
        "a": {"line": EVIL, "choices": [choice("c1", "e", {"listen-first": 1}, condition="mood > 10"),
                                        choice("c2", "e", {"listen-first": -1})]},
        "e": {"line": "bye", "ending": {"outcome": "customer_lost", "quality": "bad", "title": 'Lost "]',
                                          "debrief": "A debrief that explains the ending properly."}},
    }))


def test_mermaid_draws_everything(late_parcel, catalog):
    model = load_scenario(late_parcel, catalog.ids()).scenario
    text = mermaid(model)
    assert text.startswith("flowchart TD")
    assert text.count("-->|") + text.count("-.->|") == sum(len(n.choices) for n in model.nodes.values())
    assert "class n2 resolved" in text and "class n4 customer_lost" in text
    assert "ask-details<br/>listen-first +2, show-empathy +1" in text
    assert "-.->|" in text  # the conditioned choice is dashed


def test_mermaid_escapes_untrusted_text():
    text = mermaid(_evil())
    for line in text.splitlines()[1:]:
        labels = re.findall(r'"([^"]*)"', line)
        for label in labels:
            assert not set(label.replace("<br/>", "")) & set('"<>`|[]{}'), label
    assert "<script" not in text and "#quot;hi#quot;#93;) --#gt; x" in text
    assert len(text.splitlines()) == len(mermaid(_evil()).splitlines())  # the newline did not split a line


def test_dot_escapes_untrusted_text():
    text = dot(_evil())
    node_line = next(line for line in text.splitlines() if line.startswith("  n0 ["))
    assert '\\"hi\\"' in node_line and "\n" not in node_line
    assert text.rstrip().endswith("}")
    assert 'fillcolor="#ffd9d9"' in text and "style=dashed" in text


def test_counts_in_labels():
    text = mermaid(_evil(), {("a", "c1"): 3, ("a", "c2"): 1})
    assert "taken 3x (75%)" in text and "taken 1x (25%)" in text


class _Record:
    def __init__(self, scenario_id, steps):
        self.scenario_id = scenario_id
        self.transcript = tuple({"node_id": n, "choice_id": c} for n, c in steps)


def test_choice_counts_from_records():
    records = [_Record("x", [("a", "c1"), ("b", "d")]), _Record("x", [("a", "c1")]), _Record("y", [("a", "c2")])]
    assert choice_counts(records, "x") == {("a", "c1"): 2, ("b", "d"): 1}


def test_cli_results_from_store(tmp_path, late_parcel, monkeypatch, capsys):
    from simulator.results.records import RunRecord
    from simulator.results.store import open_store

    url = f"sqlite:///{tmp_path / 'r.db'}"
    now = datetime.now(UTC)
    steps = [{"index": 0, "node_id": "opening", "choice_id": "script", "next_node": "lost",
              "available": ["ask-details", "blame-courier", "script"], "timed_out": False, "seconds": 1.0,
              "before": {}, "after": {}}]
    with open_store(url) as store:
        for _ in range(2):
            store.save_run(RunRecord(str(uuid.uuid4()), "p", "", "", "late-parcel", "", "coach", now, now,
                                     "finished", "customer_lost", 0, {}, tuple(steps)))
    monkeypatch.setenv("FRONTLINE_DB", url)
    out = tmp_path / "g.mmd"
    assert main(["graph", str(late_parcel), "--results", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "script<br/>listen-first -2, show-empathy -2<br/>taken 2x (100%)" in text
    assert main(["graph", str(late_parcel), "--format", "dot"]) == 0
    assert capsys.readouterr().out.startswith('digraph "late-parcel"')
