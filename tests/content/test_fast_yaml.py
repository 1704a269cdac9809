"""The fast YAML path: yaml_rs answers only where it gives exactly what the strict reader gives.

Every check compares ``fast_parse`` with the strict reader (``_parse_strict``) on the same text: when
the fast path answers, the strict reader must accept the text and return equal data of equal types
(compared as JSON, so 1, 1.0 and True differ); when the strict reader refuses, the fast path must not
answer. The shipped scenarios and a generated one must take the fast path, or the speed-up is gone.
"""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate_text
from simulator.content import fast_yaml, limits
from simulator.content.fast_yaml import fast_parse, unsafe_reason
from simulator.content.files import read_content
from simulator.content.loader import load_text
from simulator.content.problems import ContentError
from simulator.content.safe_yaml import parse_strict
from simulator.content.yaml_reader import parse_yaml
from tests.conftest import LATE_PARCEL, REPO

SCENARIOS = sorted((REPO / "scenarios").glob("*.yaml"))
HOSTILE = sorted((Path(__file__).resolve().parent / "hostile").iterdir())

# Both readers agree on these, and the fast path must answer for them.
AGREED = [
    "a: |\n  x\n   y\n\n",
    "a: >\n  x\n  y\n\n  z\n",
    "a: |2\n   x\n",
    "a: |-\n  x\n\n",
    "a: |+\n  x\n\nb: 1\n",
    "a: >-\n  folded\n  text\n\n  new paragraph\nb: 1\n",
    "a: >\n  x\n   more indented\n  z\n",
    "a: |\n  x\n  # not a comment\n# a comment\n",
    "a: |\n\nb: |+\n\nc: 1\n",
    "a: 'it''s'\n",
    "a: 'multi\n  line'\n",
    'a: "x\\\n  y"\n',
    'a: "x \n\n  y"\n',
    'a: "\\N\\_\\L\\P\\e\\a\\v\\ \\/\\t\\x41\\u00e9\\U0001F600\\"\\\\"\n',
    "a: b\n  c\n\n  d\n",
    "a: x # comment\n# comment\nb: 1 #x\n",
    "a: x#c\nb: a -b\nc: -x\nd: ?x\ne: :x\nf: x:y\n",
    "? a\n: b\n",
    "? a\n  b\n: c\n",
    "a:\n  ? b\n",
    "a: {b: 1, c: [x, y], d: {e: f}, g: }\n",
    "a: [a, b c, -1, 2.5, true, null, ~, a - b]\n",
    "a: [a: b]\nb: {a}\nc: [a,]\n",
    "a: []\nb: {}\nc: [ ]\n",
    "a: 0\nb: -7\nc: +5\nd: 1.5\ne: -.5\nf: 2.\ng: 1.5e3\nh: 123456789012345678\ni: -0\nj: 00.5\n",
    "a: No\nb: off\nc: yes\nd: 12:30\ne: 2024-01-02\nf: 1.2.3\ng: inf\nh: 1e\n",
    "a: true\nb: False\nc: NULL\nd: ~\ne:\nf: nULL\n",
    "a: \"true\"\nb: '1'\nc: '012'\n",
    "a: b\r\nc:\r\n  d: \"x\r\n    y\"\r\n",
    "a: 1",
    "key with spaces: value\n'quoted key': 1\n\"\": empty key\n",
    "a:\n- b\n- c: d\n  e: f\n-\n- - x\n  - y\n",
    "a: Tom & Jerry * 2! x&y *\n",
    "a: é 😀 \xa0b\n\xa0c: 1\n",
    "a: mobile 07700 900412\nb: HB3, 0098, 2231\nc: 09:05, 7:40-9:50\nd: 12/01\n",
    "a: text [laughs] (sic) {aside}, [1, 2]\n",
    "k" * 200 + ": long key\n",
]

# The readers differ here (or the strict reader refuses): the fast path must leave these alone.
DIFFERENT = [
    "a: !!str 1\n", "a: ! x\n", "a: !foo x\n", "a: &x 1\nb: *x\n", "a: &é x\n", "a: {&: 1}\n", "<<: {a: 1}\n",
    "a: 1\n---\nb: 2\n", "--- \na: 1\n", "%YAML 1.1\n---\na: 1\n", "a: 1\n...\n",
    "a: 012\n", "a: -012\n", "a: 0x1F\n", "a: +0x1F\n", "a: 0o17\n", "a: 0b101\n", "a: 1_000\n", "a: _1\n", "a: 1._\n",
    "a: 1e3\n", "a: 9E1\n", "a: 0e0\n", "a: 1e-400\n", "a: .inf\n", "a: -.Inf\n", "a: .NaN\n",
    "a: " + "9" * 5000 + "\n", "a: [012, 1]\n", "a: {b: 0x1F}\n", "a: 012 # c\n", "012: x\n",
    "1: x\n", "true: x\n", "~: x\n", "[a, b]: c\n", "? [a]\n: b\n", "? - a\n: b\n", ": x\n", "? \n: x\n",
    "a: x\x07y\n", "a: x\x85y\n", "a: x\u2028y\n", "a: x\x7f\n", "\ufeffa: 1\n", "a: 1\rb: 2\r", "a: '1\r2'\n",
    "a:\tx\n", "a: |\n  \tx\n", "a:\n\tb: 1\n",
    "a: [1,\n2]\n", "a: {b, c\n: d}\n", "a: {b\n c: d}\n", "a: {?a: b}\n", "a: [?a]\n", "a: [|x]\n", "a: {b: |}\n",
    "a: [a:]\n", "a: {a:}\n", "a: [: ]\n", "a: [a, :]\n", "a: [a, ?]\n", "a: {? : c}\n", "a: [[a]: c]\n",
    'a: "\\ud83d\\ude00"\n', '"\\0a": 1\n', 'a: "\\x00"\n',
    "a: |\n", "a: |\n  x", "b: |2\n\n", "a: |+\n  x\n\n  ",
    "a: 1\na: 2\n", "a: [1, 2\n", "a: 'x\n", "a: b\nc\n", "a: @x\n", "- a\n", "just text\n", "",
]


def typed(data: Any) -> str:
    """Data as JSON: equal strings only for equal values of equal types (1, 1.0 and True differ)."""
    return json.dumps(data, sort_keys=False)


def strict(text: str) -> tuple[bool, Any]:
    try:
        return True, parse_strict(text, "t.yaml").data
    except ContentError:
        return False, None


def assert_exact(text: str) -> Any:
    """The fast path either stays silent or returns exactly the strict reader's data."""
    fast = fast_parse(text)
    accepted, data = strict(text)
    if fast is not None:
        assert accepted, f"the fast path answered for a text the strict reader refuses: {text!r}"
        assert typed(fast) == typed(data), text
    return fast


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_shipped_files_agree(path: Path) -> None:
    assert_exact(read_content(path)[0])


def test_most_shipped_files_take_the_fast_path() -> None:
    """A file may be declined (a quoted text starting with '[' is outside the flow grammar), but if
    most are, the scan has become too strict and big files lose the speed-up."""
    answered = [path.name for path in SCENARIOS if fast_parse(read_content(path)[0]) is not None]
    assert len(answered) >= 0.8 * len(SCENARIOS), answered


def test_a_generated_scenario_takes_the_fast_path_and_agrees() -> None:
    assert assert_exact(generate_text(200, seed=3)) is not None


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_files_agree(path: Path) -> None:
    try:
        text, _ = read_content(path)
    except ContentError:
        return  # never reaches a YAML reader
    assert_exact(text)


@pytest.mark.parametrize("text", AGREED)
def test_agreed_constructs_take_the_fast_path(text: str) -> None:
    assert assert_exact(text) is not None, unsafe_reason(text)


@pytest.mark.parametrize("text", DIFFERENT)
def test_differences_are_left_to_the_strict_reader(text: str) -> None:
    assert_exact(text)
    assert fast_parse(text) is None


def test_number_like_tokens_in_every_position() -> None:
    """Every token of up to three characters from the symbols numbers are made of, in block and flow."""
    symbols = ["0", "1", "9", ".", "_", "+", "-", "e", "E", "x", "o", "b", "f", ".inf", "nan"]
    contexts = ["a: {}\n", "a:\n- {}\n", "a: [{}, 1]\n", "a: {{b: {}}}\n", "{}: x\n", "a: {} # c\n", "a: x {}\n"]
    answered = 0
    for size in (1, 2, 3):
        for token in map("".join, itertools.product(symbols, repeat=size)):
            for context in contexts:
                answered += assert_exact(context.format(token)) is not None
    assert answered > 10_000  # most of them are still fast


def _mutated(rng: random.Random, sources: list[list[str]]) -> str:
    lines = rng.choice(sources)
    start = rng.randrange(len(lines))
    window = lines[start:start + rng.randint(1, 30)]
    indent = min((len(line) - len(line.lstrip(" ")) for line in window if line.strip()), default=0)
    text = "\n".join(line[indent:] for line in window) + "\n"
    pieces = list(" :-#'\"[]{},?|>!&*%@\\\n.0123456789eE_x+~") + ["  ", ": ", "- ", "\n  ", "''", "\\n", "|-", "\r\n",
                                                                  "012", "1e3", "[a, b]", "{a: 1}", "? "]
    for _ in range(rng.randint(0, 3)):
        at = rng.randrange(len(text) + 1)
        if rng.random() < 0.7:
            text = text[:at] + rng.choice(pieces) + text[at:]
        else:
            text = text[:at] + text[at + rng.randint(1, 3):]
    return text


def test_generated_variations_of_real_files_agree() -> None:
    sources = [path.read_text("utf-8").split("\n") for path in SCENARIOS]
    rng = random.Random(7)
    answered = sum(assert_exact(_mutated(rng, sources)) is not None for _ in range(1500))
    assert answered > 100


def test_error_places_stay_exact_after_the_fast_path(principle_ids: tuple[str, ...],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = LATE_PARCEL.read_text("utf-8").replace("time_limit: 20", "time_limit: soon")
    line = text.splitlines().index("    time_limit: soon") + 1
    assert fast_parse(text) is not None and parse_yaml(text, "t.yaml", fast=True).positions is None  # lazy tables
    monkeypatch.setattr(limits, "FAST_PATH_MIN_CHARS", 0)  # the loader takes the fast path for this small file
    with pytest.raises(ContentError) as caught:
        load_text(text, "late_parcel.yaml", principle_ids)
    problem = caught.value.first
    assert (problem.line, problem.column) == (line, 17) and "time_limit" in problem.format()


def test_without_yaml_rs_the_strict_reader_does_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    text = LATE_PARCEL.read_text("utf-8")
    fast = parse_yaml(text, "t.yaml", fast=True)
    assert fast.positions is None
    monkeypatch.setattr(fast_yaml, "rust_reader", lambda: None)
    assert fast_parse(text) is None
    document = parse_yaml(text, "t.yaml", fast=True)
    assert document.positions is not None and typed(document.data) == typed(fast.data)


def test_any_failure_inside_yaml_rs_leaves_the_text_to_the_strict_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    class Panic(BaseException):  # what PyO3 raises for a Rust panic
        pass

    def explode(*args: object, **kwargs: object) -> None:
        raise Panic("index out of bounds")

    monkeypatch.setattr(fast_yaml.rust_reader(), "loads", explode)
    assert fast_parse("a: 1\n") is None and parse_yaml("a: 1\n", "t.yaml", fast=True).data == {"a": 1}


def test_the_module_imports_and_works_when_yaml_rs_is_missing() -> None:
    code = ("import sys; sys.modules['yaml_rs'] = None\n"
            "from simulator.content import fast_yaml, yaml_reader\n"
            "assert fast_yaml.rust_reader() is None and fast_yaml.fast_parse('a: 1\\n') is None\n"
            "assert yaml_reader.parse_yaml('a: 1\\n', 't', fast=True).data == {'a': 1}\n"
            "assert yaml_reader.reader_versions()['yaml-rs'] == 'none'\n")
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=60)


def test_limits_are_those_of_the_strict_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_VALUES", 7)  # root + 3 keys + 3 values
    assert assert_exact("a: 1\nb: 2\nc: 3\n") is not None
    assert strict("a: 1\nb: 2\nc: 3\nd: 4\n")[0] is False and fast_parse("a: 1\nb: 2\nc: 3\nd: 4\n") is None
    monkeypatch.setattr(limits, "MAX_VALUES", 1_000_000)
    monkeypatch.setattr(limits, "MAX_DEPTH", 3)
    assert assert_exact("a:\n b:\n  c: [x]\n") is None  # four levels: the strict reader refuses
    assert assert_exact("a:\n b:\n  c: x\n") is not None


def test_nesting_bombs_never_reach_the_rust_recursion() -> None:
    """yaml_rs converts recursively and overflows the stack on deep block nesting (a crash, not an
    exception), so the scan must stop such texts first; the deepest text it lets through must be
    harmless even on a thread with a small stack. Run apart: a crash must not take the suite down."""
    code = """
import threading
from simulator.content.fast_yaml import fast_parse, unsafe_reason
assert fast_parse("[" * (10 * 1024 * 1024)) is None
assert fast_parse("".join(" " * i + "k:\\n" for i in range(2000))) is None
assert fast_parse("- " * 1_000_000 + "x\\n") is None
assert fast_parse("".join(" " * i + "- k:\\n" for i in range(0, 4000, 2))) is None
deepest = "".join(" " * i + "k:\\n" for i in range(39)) + " " * 39 + "k: [[[x]]]\\n"
assert unsafe_reason(deepest) is None
results = []
threading.stack_size(256 * 1024)
worker = threading.Thread(target=lambda: results.append(fast_parse(deepest)))
worker.start()
worker.join()
assert results == [None]  # deeper than MAX_DEPTH: left to the strict reader, which explains it
print("survived")
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "survived", done.stderr[-2000:]
