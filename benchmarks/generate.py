"""Synthetic scenarios of any size in the real format (v1), for benchmarks and tests.

Usage: ``python -m benchmarks.generate --nodes N --out FILE [--seed S]``.

Contract: ``generate_text(nodes, seed)`` returns the YAML text of a valid scenario with exactly
``nodes`` nodes (at least ``MIN_NODES``); the same arguments always give the same text. The graph
is a layered DAG: every choice leads forward (to the next layer or to an ending), so every path
ends. Every node is reachable through unconditional choices, every decision keeps at least one
unconditional option, about one node in six is timed (its timeout choice is unconditional), and
the endings cover good, mixed and bad results. Text is written by a small emitter here (strings
double-quoted JSON-style, which YAML reads as-is); the strict loader is what checks it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

MIN_NODES = 5
MAX_WIDTH = 12  # nodes per layer once the graph has fanned out
TIMED_EVERY = 6  # about one decision node in this many is timed
PRINCIPLES = ("listen-first", "show-empathy", "be-honest", "apologize-sincerely", "explain-the-why",
              "own-the-follow-through", "find-a-compromise", "stay-professional")
STATE = {"mood": 35, "patience": 60, "trust": 50, "apologized": 0, "refund_offered": 0}
# Choice conditions read only the two flags (set to 100 or back to 0), so the reachable state space
# that lint and explore analyse stays at most 4 states per node, as in real content.
FLAGS = {"apologize": "apologized", "refund": "refund_offered", "offer": "refund_offered"}
CHOICE_IDS = ("ask", "apologize", "explain", "refund", "escalate", "stall", "promise", "check",
              "empathize", "policy", "offer", "summarize", "transfer", "thank")
Flags = tuple[int, int]  # (apologized, refund_offered), each 0 or 100
CONDITIONS = {  # text -> the same test in Python, to pick conditions some player can meet
    "apologized": lambda a, r: a > 0, "not apologized": lambda a, r: a == 0,
    "refund_offered": lambda a, r: r > 0, "not refund_offered": lambda a, r: r == 0,
    "apologized and not refund_offered": lambda a, r: a > 0 and r == 0,
    "refund_offered or apologized": lambda a, r: a > 0 or r > 0,
}
ENDING_KINDS = (("resolved", "good", "Problem solved"), ("partially_resolved", "mixed", "Left waiting"),
                ("customer_lost", "bad", "Customer lost"), ("escalated", "mixed", "Passed upstairs"),
                ("resolved", "mixed", "Fixed, grudgingly"), ("customer_lost", "bad", "Cancelled"))
CUSTOMER_LINES = ("My order {n} still has not arrived and I need it by Friday.",
                  "I was charged twice for invoice {n}. Why?",
                  "This is the third time I am calling about ticket {n}.",
                  "Can you just tell me what is going on with case {n}?",
                  "Nobody has called me back about the repair, reference {n}.")
ANGRY_LINES = ("Seriously? Case {n}. Again.", "I am losing my patience with you, {n}.",
               "Just fix it. Reference {n}.")
AGENT_LINES = ("Let me look at case {n} with you right now.", "I'm sorry about this, that should not happen.",
               "Here is exactly why the charge on {n} appeared.", "I can refund that for you today.",
               "I'll pass this to my supervisor with full notes.", "Please hold while I check something.",
               "It will definitely be sorted by tomorrow.", "Can you walk me through what happened?",
               "That sounds really stressful, I understand.", "Policy says I can't change that.")
FEEDBACK = ("You asked before guessing, so the customer felt heard.",
            "A vague promise leaves the customer with nothing to hold on to.",
            "Owning the problem and acting on it rebuilds trust.",
            "Quoting policy at an upset customer shuts the talk down.",
            "Explaining the cause in plain words made the fix make sense.")


@dataclass
class _Choice:
    id: str
    text: str
    next: str
    effects: dict[str, int]
    grades: dict[str, int]
    feedback: str
    condition: str | None = None


@dataclass
class _Node:
    id: str
    lines: list[tuple[str | None, str]] = field(default_factory=list)
    narration: str | None = None
    choices: list[_Choice] = field(default_factory=list)
    time_limit: int | None = None
    timeout_choice: str | None = None
    shuffle: bool = True
    ending: tuple[str, str, str, str] | None = None  # outcome, quality, title, debrief


def _layer_sizes(decisions: int) -> list[int]:
    """Widths fanning out 1, 3, 9, then MAX_WIDTH, summing to ``decisions``."""
    sizes: list[int] = []
    width, left = 1, decisions
    while left > 0:
        take = min(width, left)
        sizes.append(take)
        left -= take
        width = min(width * 3, MAX_WIDTH)
    return sizes


def _ending_count(nodes: int) -> int:
    return max(3, min(nodes // 50, 200))


class _Builder:
    """Builds the node list for one scenario from a seeded random source."""

    def __init__(self, nodes: int, seed: int):
        if nodes < MIN_NODES:
            raise ValueError(f"a scenario needs at least {MIN_NODES} nodes")
        self.rng = random.Random(seed)
        self.endings = [f"end-{k:03d}" for k in range(_ending_count(nodes))]
        sizes = _layer_sizes(nodes - len(self.endings))
        self.reach: dict[str, set[Flags]] = {}  # flag values players can arrive with, per node
        self.layers: list[list[str]] = []
        count = 0
        for size in sizes:
            self.layers.append([f"beat-{count + k:05d}" for k in range(size)])
            count += size

    def build(self) -> list[_Node]:
        self.reach[self.layers[0][0]] = {(0, 0)}
        nodes: list[_Node] = []
        targeted: set[str] = set()
        for depth, layer in enumerate(self.layers):
            following = self.layers[depth + 1] if depth + 1 < len(self.layers) else self.endings
            for index, node_id in enumerate(layer):
                node = self._decision(node_id, index, len(layer), following, depth)
                targeted.update(choice.next for choice in node.choices)
                nodes.append(node)
        self._cover_endings(nodes, targeted)
        for node in nodes:
            self._weaken_bad_endings(node)
        nodes.extend(self._ending(k, ending_id) for k, ending_id in enumerate(self.endings))
        return nodes

    def _decision(self, node_id: str, index: int, width: int, following: list[str], depth: int) -> _Node:
        rng = self.rng
        number = int(node_id.rsplit("-", 1)[1])
        node = _Node(node_id, shuffle=rng.random() > 0.1)
        node.lines = self._lines(number)
        if rng.random() < 0.3:
            node.narration = f"Call minute {depth + 1}. The customer sighs on the line."
        covers = [following[index % len(following)]]  # choice 0: unconditional, reaches every node
        covers += [following[index + j * width] for j in range(1, 3) if index + j * width < len(following)]
        total = max(len(covers), rng.choice((2, 3, 3, 3)))
        ids = rng.sample(CHOICE_IDS, total)
        for j in range(total):
            if j < len(covers):
                target, condition = covers[j], None
            else:
                target = self._optional_target(following)
                condition = self._condition(node_id) if rng.random() < 0.5 else None
            node.choices.append(self._choice(ids[j], target, number, condition))
            self._propagate(node_id, node.choices[-1])
        self._trade_offs(node.choices)
        if number % TIMED_EVERY == 3:
            self._add_timer(node)
        return node

    def _condition(self, node_id: str) -> str | None:
        """A condition that some arriving player meets (and, when possible, some do not)."""
        states = self.reach[node_id]
        met = {text: sum(test(*flags) for flags in states) for text, test in CONDITIONS.items()}
        choices = [t for t, n in met.items() if 0 < n < len(states)] or [t for t, n in met.items() if n]
        return self.rng.choice(choices) if choices else None

    def _propagate(self, node_id: str, choice: _Choice) -> None:
        """Record the flag values players can carry along ``choice`` into its target."""
        test = CONDITIONS[choice.condition] if choice.condition else (lambda a, r: True)
        arriving = self.reach.setdefault(choice.next, set())
        for flags in self.reach[node_id]:
            if test(*flags):
                arriving.add(_after(flags, choice.effects))

    def _weaken_bad_endings(self, node: _Node) -> None:
        """Options into a bad ending grade below every other option, so perfect play ends well."""
        bad = [c for c in node.choices if self._quality(c.next) == "bad"]
        if len(bad) == len(node.choices):
            bad[0].next, bad = self.endings[0], bad[1:]  # endings[0] is a good one
        bad = [c for c in bad if c.id != node.timeout_choice]  # the timeout option stays weak (net -3)
        for choice in bad:
            upside = max(choice.grades, key=lambda p: choice.grades[p])
            choice.grades = {upside: 1, next(p for p in PRINCIPLES if p not in (upside,)): -3}
        top = max(sum(c.grades.values()) for c in node.choices if c.condition is None)
        for choice in bad:  # no always-available option beats it: send it somewhere good
            if sum(choice.grades.values()) == top:
                choice.next = self.endings[0]
                choice.grades = {p: abs(g) for p, g in choice.grades.items()}

    def _quality(self, node_id: str) -> str:
        if not node_id.startswith("end-"):
            return ""
        return ENDING_KINDS[int(node_id.rsplit("-", 1)[1]) % len(ENDING_KINDS)][1]

    def _optional_target(self, following: list[str]) -> str:
        if following is not self.endings and self.rng.random() < 0.04:
            return self.rng.choice(self.endings)  # an early end: the customer gives up, or is won over
        return self.rng.choice(following)

    def _lines(self, number: int) -> list[tuple[str | None, str]]:
        text = self.rng.choice(CUSTOMER_LINES).format(n=1000 + number)
        if self.rng.random() < 0.35:
            angry = self.rng.choice(ANGRY_LINES).format(n=1000 + number)
            return [(self.rng.choice(("mood < 30", "patience < 40")), angry), (None, text)]
        return [(None, text)]

    def _choice(self, choice_id: str, target: str, number: int, condition: str | None) -> _Choice:
        rng = self.rng
        deltas = (-20, -15, -10, -5, 5, 10, 15, 20)
        effects = {var: rng.choice(deltas) for var in rng.sample(("mood", "patience", "trust"), 2)}
        if choice_id in FLAGS:
            effects[FLAGS[choice_id]] = 100
        elif choice_id == "policy":
            effects["apologized"] = -100
        text = rng.choice(AGENT_LINES).format(n=1000 + number)
        return _Choice(choice_id, text, target, effects, {}, rng.choice(FEEDBACK), condition)

    def _trade_offs(self, choices: list[_Choice]) -> None:
        """Grades where every option has its own strength (no option is worse on every principle)."""
        upsides = self.rng.sample(PRINCIPLES, len(choices))
        for choice, upside in zip(choices, upsides, strict=True):
            choice.grades = {upside: self.rng.choice((1, 2, 3))}
            if self.rng.random() < 0.6:
                downside = self.rng.choice([p for p in PRINCIPLES if p != upside])
                choice.grades[downside] = self.rng.choice((-1, -2))

    def _add_timer(self, node: _Node) -> None:
        """A timer long enough to read the node; running out takes a weak, unconditional option."""
        node.time_limit = self.rng.randrange(25, 61, 5)
        weak, strong = node.choices[0], node.choices[1]
        node.timeout_choice = weak.id
        upside = next(iter(weak.grades))
        others = [p for p in PRINCIPLES if p != upside and p not in strong.grades]
        weak.grades = {upside: 1, others[0]: -3, others[1]: -1}  # net -3: below any other option
        strong.condition = None
        strong.grades = {p: abs(g) for p, g in strong.grades.items()}

    def _cover_endings(self, nodes: list[_Node], targeted: set[str]) -> None:
        """Give every ending not yet led to an unconditional way in from the last decisions."""
        missing = [e for e in self.endings if e not in targeted]
        candidates = [n for n in reversed(nodes) if len(n.choices) < 5]
        for k, ending_id in enumerate(missing):
            node = candidates[k % len(candidates)]
            used = {c.id for c in node.choices}
            choice_id = next(c for c in CHOICE_IDS if c not in used)
            choice = self._choice(choice_id, ending_id, int(node.id.rsplit("-", 1)[1]), None)
            strengths = {p for c in node.choices for p, grade in c.grades.items() if grade > 0}
            choice.grades = {next(p for p in PRINCIPLES if p not in strengths): 1}
            node.choices.append(choice)

    def _ending(self, k: int, ending_id: str) -> _Node:
        outcome, quality, title = ENDING_KINDS[k % len(ENDING_KINDS)]
        debrief = {"good": "You listened, were honest and owned the fix.",
                   "mixed": "The customer is not fully convinced; a concrete next step would help.",
                   "bad": "The customer left unhappy. Listen first, then explain."}[quality]
        node = _Node(ending_id, lines=[(None, "Okay. Thanks, I suppose. Bye.")])
        node.ending = (outcome, quality, f"{title} ({k + 1})", debrief)
        return node


def _after(flags: Flags, effects: dict[str, int]) -> Flags:
    apologized = max(0, min(100, flags[0] + effects.get("apologized", 0)))
    return apologized, max(0, min(100, flags[1] + effects.get("refund_offered", 0)))


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _flow(mapping: dict[str, int]) -> str:
    return "{" + ", ".join(f"{key}: {value}" for key, value in mapping.items()) + "}"


def _emit_node(node: _Node, out: list[str]) -> None:
    out.append(f"  {node.id}:")
    if node.narration:
        out.append(f"    narration: {_q(node.narration)}")
    if len(node.lines) == 1:
        out.append(f"    line: {_q(node.lines[0][1])}")
    else:
        out.append("    line:")
        for when, text in node.lines:
            out.append(f"    - when: {_q(when)}\n      text: {_q(text)}" if when else f"    - text: {_q(text)}")
    if node.time_limit is not None:
        out.append(f"    time_limit: {node.time_limit}\n    timeout_choice: {node.timeout_choice}")
    if not node.shuffle:
        out.append("    shuffle: false")
    if node.ending is not None:
        outcome, quality, title, debrief = node.ending
        out.append(f"    ending:\n      outcome: {outcome}\n      quality: {quality}\n"
                   f"      title: {_q(title)}\n      debrief: {_q(debrief)}")
        return
    out.append("    choices:")
    for c in node.choices:
        out.append(f"    - id: {c.id}\n      text: {_q(c.text)}\n      next: {c.next}\n"
                   f"      effects: {_flow(c.effects)}\n      grades: {_flow(c.grades)}\n"
                   f"      feedback: {_q(c.feedback)}")
        if c.condition:
            out.append(f"      condition: {_q(c.condition)}")


def generate_text(nodes: int, seed: int = 0) -> str:
    """YAML text of a valid synthetic scenario with exactly ``nodes`` nodes."""
    built = _Builder(nodes, seed).build()
    graded = {p for node in built for choice in node.choices for p in choice.grades}
    out = [
        "# Synthetic scenario written by benchmarks/generate.py; do not edit by hand.",
        "schema_version: 1",
        f"id: synthetic-{nodes}-{seed}",
        f"title: {_q(f'Synthetic call ({nodes:,} nodes)')}",
        f"summary: {_q('A generated scenario for benchmarks: a long, branching support call.')}",
        "difficulty: intermediate",
        f"estimated_minutes: {min(120, max(1, len(built) // 400 + 2))}",
        f"principles: [{', '.join(p for p in PRINCIPLES if p in graded)}]",
        "customer:",
        f"  name: {_q('Alex Morgan')}",
        f"  situation: {_q('A regular customer whose problem has dragged on for a week.')}",
        "  state:",
        *(f"    {name}: {value}" for name, value in STATE.items()),
        f"start: {built[0].id}",
        "nodes:",
    ]
    for node in built:
        _emit_node(node, out)
    return "\n".join(out) + "\n"


def write_scenario(path: Path, nodes: int, seed: int = 0) -> Path:
    """Write a generated scenario to ``path`` (folders created) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(generate_text(nodes, seed), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, required=True, help=f"number of nodes (at least {MIN_NODES})")
    parser.add_argument("--out", type=Path, required=True, help="scenario file to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.nodes < MIN_NODES:
        parser.error(f"--nodes must be at least {MIN_NODES}")
    write_scenario(args.out, args.nodes, args.seed)
    print(f"wrote {args.out} ({args.nodes:,} nodes, {args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
