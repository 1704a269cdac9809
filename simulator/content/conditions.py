"""Safe conditions over the customer's state, such as ``mood < 30 and not apologized``.

Contract: ``parse_condition(text)`` returns a ``Condition`` (a frozen value holding the source
text, the names it reads and a compiled pure predicate) or raises ``ConditionError`` saying what
is wrong and where. Nothing is ever passed to ``eval``: the grammar is parsed by hand.

Grammar (words are case-sensitive)::

    expr  := and ("or" and)*
    and   := not ("and" not)*
    not   := "not" not | cmp
    cmp   := value (("<" | "<=" | ">" | ">=" | "==" | "!=") value)?
    value := NAME | INTEGER | "true" | "false" | "(" expr ")"

A bare NAME is true when its value is not zero. Names are state variables declared in the
scenario's ``customer.state``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

MAX_LENGTH = 300
MAX_NESTING = 12

Values = Mapping[str, int]
Term = Callable[[Values], int]

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op><=|>=|==|!=|<|>|\(|\)))")
_COMPARE = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt,
    ">=": operator.ge, "==": operator.eq, "!=": operator.ne,
}
_WORDS = frozenset({"and", "or", "not", "true", "false"})


class ConditionError(ValueError):
    """A condition that does not parse; ``offset`` is the 0-based character position."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True)
class Condition:
    """A parsed condition: call ``holds(values)``; ``names`` are the variables it reads."""

    source: str
    names: frozenset[str]
    _test: Callable[[Values], bool] = field(repr=False, compare=False)

    def holds(self, values: Values) -> bool:
        """True when the condition is met by ``values`` (missing names count as 0)."""
        return self._test(values)


_SLIPS = (("=<", "did you mean '<='?"), ("=>", "did you mean '>='?"), ("&&", "write 'and'"),
          ("||", "write 'or'"), ("!", "write 'not', or '!=' for 'is not equal to'"),
          ("=", "use '==' to compare (a single '=' is not allowed)"))


def _unexpected(text: str, offset: int) -> str:
    """The message for a character the grammar does not know, with the likely intended form."""
    for slip, advice in _SLIPS:
        if text.startswith(slip, offset):
            return f"unexpected {slip!r}: {advice}"
    return f"unexpected character {text[offset]!r}"


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if not match:
            offset = len(text) - len(text[pos:].lstrip())
            raise ConditionError(_unexpected(text, offset), offset)
        kind = match.lastgroup or ""
        word = match.group(kind)
        if kind == "name" and word not in _WORDS and word.lower() in _WORDS:
            raise ConditionError(f"write '{word.lower()}' in lower case, not '{word}'", match.start(kind))
        tokens.append((kind, word, match.start(kind)))
        pos = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokenize(text)
        self.index = 0
        self.depth = 0
        self.names: set[str] = set()
        self.reads: dict[int, str] = {}  # id(term) -> the name a bare-name term reads
        self.constants: dict[int, int] = {}  # id(term) -> the value of a constant term
        self.boolean: set[int] = set()  # ids of terms that already return a bool

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, value: str) -> bool:
        token = self.peek()
        if token and token[1] == value and token[0] != "num":
            self.index += 1
            return True
        return False

    def fail(self, message: str) -> ConditionError:
        token = self.peek()
        return ConditionError(message, token[2] if token else len(self.text))

    def parse(self) -> Term:
        if not self.tokens:
            raise ConditionError("the condition is empty", 0)
        term = self.expr()
        if self.peek() is not None:
            raise self.fail(f"unexpected {self.peek()[1]!r}")  # type: ignore[index]
        return term

    def expr(self) -> Term:
        terms = [self.conjunction()]
        while self.take("or"):
            terms.append(self.conjunction())
        if len(terms) == 1:
            return terms[0]
        return lambda v: int(any(t(v) for t in terms))

    def conjunction(self) -> Term:
        terms = [self.negation()]
        while self.take("and"):
            terms.append(self.negation())
        if len(terms) == 1:
            return terms[0]
        return lambda v: int(all(t(v) for t in terms))

    def negation(self) -> Term:
        if self.take("not"):
            inner = self.negation()
            return lambda v: int(not inner(v))
        return self.comparison()

    def comparison(self) -> Term:
        left = self.value()
        token = self.peek()
        if token and token[0] == "op" and token[1] in _COMPARE:
            self.index += 1
            compare = _COMPARE[token[1]]
            right = self.value()
            term = self._compiled_comparison(compare, left, right)
            self.boolean.add(id(term))
            return term
        return left

    def _compiled_comparison(self, compare: Callable[[int, int], bool], left: Term, right: Term) -> Term:
        """``name <op> number`` (the common case) as one closure; anything else generally."""
        name, number = self.reads.get(id(left)), self.constants.get(id(right))
        if name is not None and number is not None:
            return lambda v: compare(v.get(name, 0), number)
        return lambda v: compare(left(v), right(v))

    def value(self) -> Term:
        token = self.peek()
        if token is None:
            raise self.fail("the condition ends too early: a name or number is missing")
        kind, text, _ = token
        self.index += 1
        if kind == "num":
            number = int(text)
            term: Term = lambda v: number  # noqa: E731
            self.constants[id(term)] = number
            return term
        if text in ("true", "false"):
            constant = int(text == "true")
            return lambda v: constant
        if kind == "name" and text not in _WORDS:
            self.names.add(text)
            term = lambda v: int(v.get(text, 0))  # noqa: E731
            self.reads[id(term)] = text
            return term
        if text == "(":
            return self.group()
        self.index -= 1
        raise self.fail(f"expected a name or number, found {text!r}")

    def group(self) -> Term:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise self.fail(f"parentheses nest deeper than {MAX_NESTING}")
        inner = self.expr()
        if not self.take(")"):
            raise self.fail("a ')' is missing")
        self.depth -= 1
        return inner


@lru_cache(maxsize=4096)
def parse_condition(text: str) -> Condition:
    """Parse ``text``; raises ``ConditionError`` (see module doc for the grammar).

    Results are cached by text (conditions are immutable and pure, and scenarios repeat the
    same few conditions many times): loading a 10,000-node scenario parsed 12,000 of them.
    """
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"the condition is longer than {MAX_LENGTH} characters", MAX_LENGTH)
    parser = _Parser(text)
    term = parser.parse()
    test = term if id(term) in parser.boolean else (lambda values: bool(term(values)))
    return Condition(text, frozenset(parser.names), test)  # type: ignore[arg-type]
