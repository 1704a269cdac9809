"""Shared pieces of the benchmark suite: figures, timing helpers and generated scenarios.

Contract: every benchmark module exposes ``NAME``, ``DESCRIPTION`` and ``run(ctx) -> list[Figure]``.
A figure that cannot be measured yet (the code it needs has not landed) has ``value`` None and a
``note`` saying why; it is reported as "n/a", never as a pass.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.generate import write_scenario

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SCENARIO_SIZES = (100, 1_000, 10_000)


@dataclass
class Figure:
    """One measured figure and its target; ``higher_is_better`` flips the comparison."""

    name: str
    value: float | None
    unit: str
    target: float | None = None
    higher_is_better: bool = False
    note: str = ""

    @property
    def status(self) -> str:
        """PASS, FAIL, n/a (not measurable) or info (no target)."""
        if self.value is None:
            return "n/a"
        if self.target is None:
            return "info"
        ok = self.value >= self.target if self.higher_is_better else self.value <= self.target
        return "PASS" if ok else "FAIL"

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "status": self.status}


def unavailable(name: str, unit: str, target: float | None, why: str, *, higher: bool = False) -> Figure:
    """A figure that cannot be measured yet."""
    return Figure(name, None, unit, target, higher, why)


@dataclass
class Context:
    """State shared by the benchmarks of one run: a scratch folder and generated scenarios."""

    workdir: Path
    quick: bool = False
    _scenarios: dict[int, Path] = field(default_factory=dict)

    def scenario(self, nodes: int, seed: int = 0) -> Path:
        """Path of a generated scenario of ``nodes`` nodes (written once per suite run)."""
        key = nodes * 1000 + seed
        if key not in self._scenarios:
            path = self.workdir / "scenarios" / f"synthetic_{nodes}_{seed}.yaml"
            # a benchmark run in its own process shares the scratch folder: reuse what it wrote
            self._scenarios[key] = path if path.is_file() else write_scenario(path, nodes, seed)
        return self._scenarios[key]

    def repeats(self, full: int, quick: int = 1) -> int:
        return quick if self.quick else full


def time_calls(fn: Callable[[], Any], repeats: int, warmup: int = 1) -> list[float]:
    """Wall times in seconds of ``repeats`` calls of ``fn`` after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (``pct`` in 0-100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def headless_env(**extra: str) -> dict[str, str]:
    """Environment for a game subprocess: dummy video/audio, no bytecode writes, a scratch home."""
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.update(extra)
    return env


def run_python(args: list[str], env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``python ARGS`` in the project root; raises CalledProcessError when it fails."""
    return subprocess.run([PYTHON, *args], cwd=ROOT, env=env or headless_env(), capture_output=True,
                          text=True, timeout=timeout, check=True)


def module_exists(name: str) -> bool:
    """Whether an importable module ``name`` exists, without importing it."""
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False
