"""A writer process for the robustness tests: ``python -m tests.results.writer URL COUNT NAME``.

Saves COUNT runs (each with SCORES principle scores and STEPS decisions) and prints "saved" after
each commit, so the parent can kill it at any moment and check what the database holds.
"""

from __future__ import annotations

import sys

from simulator.results.store import open_store
from tests.results.helpers import make_record

SCORES = ("listen-first", "show-empathy", "be-honest", "own-the-follow-through", "speak-plainly")
STEPS = 6


def main(url: str, count: int, name: str) -> int:
    with open_store(url) as store:
        for i in range(count):
            record = make_record(name, "team", "KILL", i % 101, scores={p: i % 101 for p in SCORES},
                                 steps=STEPS, minutes=i)
            store.save_run(record)
            print("saved", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
