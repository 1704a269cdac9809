"""A fast path for reading YAML: the Rust YAML reader ``yaml_rs``, used only where it is exact.

Contract: ``fast_parse(text)`` returns plain data (dict/list/str/int/float/bool/None, str keys) only
when the strict reader (``safe_yaml.parse_strict``, which walks PyYAML's events) would return
exactly the same data without any problem; otherwise it returns None and the caller runs the strict
reader, which also writes the usual precise error messages. It raises nothing of its own (only an
interrupt passes through) and keeps yaml_rs away from input that could crash the process. Without
``yaml_rs`` installed it always returns None. ``yaml_reader.parse_yaml`` is the one caller in the
product; this module imports neither it nor ``safe_yaml`` (the caps come from ``limits``).

Importing this module costs next to nothing: ``yaml_rs`` (10-15 ms) is imported and the scan's
patterns (about 4 ms) are compiled on the first call.

The two readers differ (a YAML 1.2 parser against PyYAML's YAML 1.1 one plus our own rules), so a
text takes the fast path only if all of these hold; each rule answers a difference found by
experiment (tests/content/test_fast_yaml.py lists them):

1. ``unsafe_reason`` finds nothing (regex searches at C speed, about 0.4 s for 9 MB). It looks for
   * characters the readers treat differently: tabs, control characters, DEL, NEL (U+0085), the
     line and paragraph separators, a BOM anywhere, surrogates, U+FFFE/U+FFFF, a CR outside CRLF;
   * what the strict reader refuses and yaml_rs accepts: tags, anchors and aliases (``!``, ``&x``,
     ``*x`` at a token start), merge keys (any ``<<``), a line starting with ``---``, ``...`` or
     ``%``, surrogate escapes (``"\\ud83d\\ude00"``); also NUL escapes, as the strict reader refuses
     a key that starts with NUL;
   * a plain token that yaml_rs may read as a number where the strict reader keeps text or reads
     another value (``012``, ``0x1F``, ``1_000``, ``1e3``, ``.inf``, a 5,000-digit integer): any
     number-like token other than a decimal integer of at most 18 digits or a float with a dot;
   * a flow collection (``[...]``, ``{...}``) outside a small one-line grammar (plain words,
     ``word: value`` pairs, at most three levels): inside flows the readers disagree on keys spread
     over lines, ``?a``, ``[|x]``, ``{a:}`` and more;
   * a block scalar that runs into the end of the text without content or without a final line
     break (yaml_rs adds a line break there);
   * a line whose indentation and ``- ``/``? ``/``: `` indicators take 40 columns or more. Each level
     of block nesting needs a deeper column, so with the flow limit this bounds what yaml_rs sees to
     about 80 levels: it converts recursively in Rust and a stack overflow kills the process (about
     12,000 levels on the main thread, 700 on a 512 KiB thread stack).
2. ``yaml_rs.loads`` succeeds (any exception means "let the strict reader explain").
3. The result is a mapping whose keys are all str, whose values are only plain types, nested at
   most ``MAX_DEPTH`` deep and holding at most ``MAX_VALUES`` values counted as the strict reader
   counts them (every key, scalar and collection); ``_plain`` checks it without recursion.

Everything the rules let through was compared with the strict reader: every shipped and hostile
file, hand-written snippets for each rule, every number-like token of up to four characters in
twenty contexts, and 240,000 generated and mutated documents (the fast path answered 23,000 of
them); tests/content/test_fast_yaml.py keeps a part of that comparison.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from types import ModuleType, NoneType
from typing import Any, NamedTuple

from simulator.content import limits  # read at call time: a patched cap applies to every reader

_EXP = r"(?:[eE][-+]?+[0-9]++)"
_SAFE_UNSIGNED = rf"(?:0|[1-9][0-9]{{0,17}}+|[0-9]++\.[0-9]*+{_EXP}?+|\.[0-9]++{_EXP}?+)"
# Where a plain scalar can end: before a comment, a ': ' or a line break anywhere, or, inside a flow
# collection only, before ',' '[' ']' '{' '}' (group 'flow'). Tabs never get this far.
_BLOCK_END = r"[ ]*+(?:[\r\n]|\Z|:(?:[ \r\n]|\Z))| ++#"
_FLOW_END = r"[ ]*+:?+[,\[\]{}]"
_END = rf"(?={_BLOCK_END}|{_FLOW_END})"
# Flow collections take the fast path only in this small grammar, on one line: plain words (no
# quotes, comments, '?', '|', '>' and no indicator first), 'word: value' pairs with a space after the
# colon, nesting at most three deep. Inside flows the readers disagree about much else: keys spread
# over lines, '?a', '[|x]', '{a:}', '[a, :]' ...
_WORD_CHAR = r"""[^\s,\[\]{}#"'|>?:]"""
_WORD = rf"""-?+[^\s,\[\]{{}}#"'|>?:!&*%@`-]{_WORD_CHAR}*+(?: ++{_WORD_CHAR}++)*+"""


def _flow_items(depth: int) -> str:
    """Comma-separated flow entries whose collections nest at most ``depth`` more levels.

    Each level holds one copy of the level below (a conditional picks the closing bracket that
    matches the opening one), so the pattern grows linearly with ``depth``: about 0.8 KB and under
    a millisecond to compile, where writing out ``[...]`` and ``{...}`` and each entry separately
    grew eightfold per level (81 KB, about 0.2 s). Both accept exactly the same texts (compared on
    every string of up to six characters of ``[]{},: a-#`` and on millions of random mutations of
    the shipped scenarios' flow lines).
    """
    node = _WORD
    if depth:
        node = rf"(?:{_WORD}|(?:(?P<square{depth}>\[)|\{{){_flow_items(depth - 1)}(?(square{depth})\]|\}}))"
    item = rf"[ ]*+(?>(?:{_WORD}[ ]*+: ++)?+(?:{node})?+)[ ]*+"
    return rf"(?:{item}(?:,|(?=[\]}}])))*+"


_FLOW_ITEMS = _flow_items(2)


# Separate searches, each starting with a literal or a character set, so that the regex engine skips
# ahead in C: one alternation of all of them took 3 s on a 9 MB file, these take about 0.3 s together.
_UNSAFE_PATTERNS = (
    # characters: tab, C0/C1 controls (NEL among them), DEL, U+2028/9, surrogates, BOM, U+FFFE/F; lone CR
    r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]",
    r"\r(?!\n)",
    r"<<",  # merge keys
    r"\n(?:---|\.\.\.|%)",  # document markers and directives (at the very start: _START)
    r"\n[ ?:-]{40}",  # deep block nesting (at the very start: _START)
    r"\\(?:u|U0000)[dD][89a-fA-F]",  # surrogate escapes
    r"\\(?:0|x00|u0000|U00000000)",  # NUL escapes: the strict reader refuses a key that starts with NUL
    # '!' (tags) at a token start; '&' and '*' (anchors, aliases) there unless a space follows
    r"""[!&*](?<![^\s\[\]{},:'"].)(?:(?<=!)|(?![ \r\n]|\Z))""",
    rf"\.(?i:inf|nan){_END}",
    # a flow collection outside the grammar above (the fast path then needs no other rule for flows)
    rf"[\[{{](?:(?<=(?P<square>\[))|(?<=\{{))(?!{_FLOW_ITEMS}(?(square)\]|\}}))",
)
_START = r"---|\.\.\.|%|[ ?:-]{40}"
# A token that yaml_rs may read as a number (sign, digits, '_', '.', letters of 0x/0o/0b and hex and
# exponents, with at least one digit) at a token start (after a space, a line break, a flow indicator,
# ':' or a quote, or at the very start) and ending where a plain scalar may end, other than a decimal
# integer of at most 18 digits or a float with a dot. After the first character is taken (so that the
# regex engine can skip ahead to candidates), the alternatives say what is safe after a sign, '0',
# '1'-'9' or '.'; the token end is tested first, which rejects most tokens in prose at once.
_NUMBER = (
    rf"[-+0-9_.](?<![^\s\[\]{{}},:'\"?].)(?=[-+0-9a-fA-FxXoO_.]*+{_END})(?:(?<=[0-9])|(?=[-+_.]*[0-9]))"
    rf"(?:(?<=[-+])(?=[0-9_.])(?!{_SAFE_UNSIGNED}{_END})"
    rf"|(?<=0)(?!(?:[0-9]*+\.[0-9]*+{_EXP}?+)?+{_END})"
    rf"|(?<=[1-9])(?![0-9]{{0,17}}+{_END}|[0-9]*+\.[0-9]*+{_EXP}?+{_END})"
    rf"|(?<=\.)(?![0-9]++{_EXP}?+{_END})|(?<=_))(?:(?:(?<=0)|(?<=[-+])0)[xXoObB][0-9a-fA-F_]*+"
    rf"|(?<=\.)[0-9_]*+(?:[eE][-+]?+[0-9_]++)?+|(?<![.])[0-9_]*+(?:\.[0-9_]*+)?+(?:[eE][-+]?+[0-9_]++)?+)"
    rf"(?={_BLOCK_END}|(?P<flow>{_FLOW_END}))"
)
# A block scalar header ('|' or '>', indicators, a comment) ending a line. yaml_rs differs from the
# strict reader when a block scalar runs into the end of the text without content or without a final
# line break ("a: |" + "\n" gives "\n" instead of "").
_HEADER = r"(?<![^ \n])[|>][-+0-9]*(?:[ ]+#[^\n]*)?[ ]*"
_SCALARS = frozenset({str, int, float, bool, NoneType})


class _Scan(NamedTuple):
    """The scan's compiled patterns (see ``_scan``)."""

    start: re.Pattern[str]
    header_line: re.Pattern[str]
    header_end: re.Pattern[str]
    unsafe: tuple[re.Pattern[str], ...]
    number: re.Pattern[str]
    opener: re.Pattern[str]


@cache
def _scan() -> _Scan:
    """The patterns, compiled on first use (about 4 ms) rather than when the module is imported."""
    return _Scan(re.compile(_START), re.compile(_HEADER + r"\r?\n"), re.compile(_HEADER + r"\Z"),
                 tuple(map(re.compile, _UNSAFE_PATTERNS)), re.compile(_NUMBER), re.compile(r"[\[{]"))


@cache
def rust_reader() -> ModuleType | None:
    """``yaml_rs``, imported on first use (10-15 ms), or None when it is not installed."""
    try:
        return importlib.import_module("yaml_rs")
    except ImportError:
        return None


def rust_version() -> str:
    """The installed yaml_rs version ("none" without it), for cache keys and reports."""
    reader = rust_reader()
    return "none" if reader is None else str(getattr(reader, "__version__", "unknown"))


def unsafe_reason(text: str) -> str | None:
    """The place in ``text`` that rules the fast path out by rule 1 of the module doc, or None."""
    scan = _scan()
    if scan.start.match(text):
        return text[:20]
    body = text.rstrip(" \r\n")
    if scan.header_end.search(body, body.rfind("\n") + 1) or (not text.endswith("\n")
                                                              and scan.header_line.search(text)):
        return text[-20:]
    for pattern in scan.unsafe:
        found = pattern.search(text)
        if found is not None:
            return text[max(0, found.start() - 10):found.start() + 20]
    for found in scan.number.finditer(text):
        # ',' ']' '}' end a plain scalar only inside a flow collection, which must then open earlier
        # on the same line (one spread over lines is refused above): "HB3, 0098, 2231" is prose
        line_start = text.rfind("\n", 0, found.start()) + 1
        if found.group("flow") is None or scan.opener.search(text, line_start, found.start()):
            return text[max(0, found.start() - 10):found.end() + 10]
    return None


def _plain(root: Any) -> bool:
    """Rule 3 of the module doc, iteratively (no recursion, whatever the nesting)."""
    if type(root) is not dict:
        return False
    max_depth, max_values = limits.MAX_DEPTH, limits.MAX_VALUES
    values = 0
    stack: list[tuple[Any, int]] = [(root, 0)]
    scalars = _SCALARS
    while stack:
        node, depth = stack.pop()
        if depth >= max_depth:
            return False
        if type(node) is dict:
            values += 1 + 2 * len(node)
            if values > max_values:
                return False
            for key, value in node.items():
                kind = type(value)
                if type(key) is not str:
                    return False
                if kind is dict or kind is list:
                    stack.append((value, depth + 1))
                elif kind not in scalars:
                    return False
        else:
            values += 1 + len(node)
            if values > max_values:
                return False
            for value in node:
                kind = type(value)
                if kind is dict or kind is list:
                    stack.append((value, depth + 1))
                elif kind not in scalars:
                    return False
    return True


def fast_parse(text: str) -> Any | None:
    """Data exactly as the strict reader would return it, or None to say "use the strict reader"."""
    yaml_rs = rust_reader()
    if yaml_rs is None or unsafe_reason(text) is not None:
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except BaseException as error:  # any refusal, and a Rust panic (PyO3's PanicException is a BaseException)
        if isinstance(error, KeyboardInterrupt | SystemExit):
            raise
        return None  # the strict reader explains
    return data if _plain(data) else None
