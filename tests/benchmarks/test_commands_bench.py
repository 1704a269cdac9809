"""The command-time benchmark picks a real scenario (not a plan or the curriculum) and can be pointed
at another one; its commands run and its figures carry medians, spreads and ratios."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import bench_commands
from benchmarks.common import Context


def test_the_largest_shipped_scenario_is_a_scenario(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRONTLINE_BENCH_SCENARIO", raising=False)
    chosen = bench_commands.largest_shipped()
    assert chosen.is_file() and not chosen.name.endswith(".plan.yaml") and chosen.name != "curriculum.yaml"
    monkeypatch.setenv("FRONTLINE_BENCH_SCENARIO", "shields_up.yaml")
    assert bench_commands.largest_shipped().name == "shields_up.yaml"


def test_one_quick_round_gives_every_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLINE_BENCH_SCENARIO", "shields_up.yaml")
    monkeypatch.setattr(bench_commands, "COMMANDS", ("validate",))
    figures = {figure.name: figure for figure in bench_commands.run(Context(tmp_path, quick=True))}
    ratio = figures["validate / floor"]
    assert ratio.value is not None and ratio.value > 0 and ratio.target == bench_commands.TARGET_RATIO
    assert figures["validate shields_up.yaml"].note.startswith("median of 2, ")
