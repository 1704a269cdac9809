"""``python -m benchmarks [--only NAME[,NAME]] [--json FILE] [--quick]``: run the benchmark suite.

Prints one table row per figure with its target and PASS / FAIL (n/a when the code it measures
has not landed yet) and writes every figure, the machine and the date as JSON. Exit code 0 when
nothing failed, 1 when a figure missed its target, 2 for bad arguments.

With more than one benchmark, each runs in a fresh Python process (sharing one scratch folder), so
one benchmark's heap and caches (the 10,000-node loads leave a large, fragmented heap) do not slow
the next one down.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.common import Context, Figure

# Benchmark modules in the order they run (cheap and in-process first).
MODULES = ("loading", "engine", "explore", "bots", "commands", "results", "startup", "frames", "input", "idle",
           "memory", "matching", "speaking")


def machine_info() -> dict[str, Any]:
    """The machine the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kib = int(Path("/proc/meminfo").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        mem_kib = 0
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_kib / 1024**2, 1),
            "python": platform.python_version(), "system": platform.platform()}


def run_module(name: str, ctx: Context) -> list[Figure]:
    """Run one benchmark module; a crash becomes a failing figure instead of stopping the suite."""
    module = importlib.import_module(f"benchmarks.bench_{name}")
    try:
        return module.run(ctx)
    except Exception as error:  # noqa: BLE001 - report and carry on with the other benchmarks
        traceback.print_exc(file=sys.stderr)
        return [Figure(f"{name} (crashed)", None, "", None, note=f"{type(error).__name__}: {error}")]


def format_table(rows: list[tuple[str, Figure]]) -> str:
    header = f"{'benchmark':<10} {'figure':<40} {'value':>12} {'target':>12}  {'unit':<8} status  note"
    lines = [header, "-" * len(header)]
    for module, fig in rows:
        value = "n/a" if fig.value is None else f"{fig.value:,.3g}" if abs(fig.value) < 100 else f"{fig.value:,.0f}"
        sign = ">=" if fig.higher_is_better else "<="
        target = "" if fig.target is None else f"{sign} {fig.target:,.4g}"
        lines.append(f"{module:<10} {fig.name:<40} {value:>12} {target:>12}  {fig.unit:<8} "
                     f"{fig.status:<6}  {fig.note}")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help=f"comma-separated benchmarks to run: {', '.join(MODULES)}")
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (for smoke tests, not figures)")
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)  # set for the per-benchmark processes
    args = parser.parse_args(argv)
    args.names = [n.strip() for n in args.only.split(",") if n.strip()] or list(MODULES)
    unknown = [n for n in args.names if n not in MODULES]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(MODULES)}")
    return args


def run_isolated(name: str, scratch: Path, quick: bool) -> list[Figure]:
    """Run one benchmark in a fresh process and read its figures back."""
    out = scratch / f"figures-{name}.json"
    command = [sys.executable, "-m", "benchmarks", "--only", name, "--json", str(out), "--scratch", str(scratch)]
    done = subprocess.run(command + (["--quick"] if quick else []), stdout=subprocess.DEVNULL, check=False)
    try:
        figures = json.loads(out.read_text(encoding="utf-8"))["figures"]
        return [Figure(f["name"], f["value"], f["unit"], f["target"], f["higher_is_better"], f["note"])
                for f in figures]
    except (OSError, ValueError, KeyError, TypeError) as error:
        return [Figure(f"{name} (crashed)", None, "", None, note=f"exit {done.returncode}: {error}")]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rows: list[tuple[str, Figure]] = []
    with tempfile.TemporaryDirectory(prefix="frontline-bench-") as temp:
        scratch = args.scratch or Path(temp)
        ctx = Context(scratch, quick=args.quick)
        for name in args.names:
            print(f"running {name} ...", file=sys.stderr, flush=True)
            figures = run_isolated(name, scratch, args.quick) if len(args.names) > 1 else run_module(name, ctx)
            rows.extend((name, fig) for fig in figures)
    print(format_table(rows))
    if args.json:
        report = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine_info(),
                  "quick": args.quick,
                  "figures": [{"benchmark": module, **fig.to_dict()} for module, fig in rows]}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if any(fig.status == "FAIL" for _, fig in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
