"""What a session needs at one node, worked out once per node instead of at every visit.

Contract: ``NodePlan(node)`` is immutable in meaning (its caches only remember results of pure
functions of the node): ``positions`` (choice id -> 0-based position), ``open(values)``
(which options' conditions hold), ``views(order, open)`` (the options as ``ChoiceView``s in
display order: shown ones, the full list with hidden ones numbered after them, the open ones) and
``available(open)`` (ids of the open options in file order); ``triggers[k]`` is the transitions
trigger of the option at position k (``trigger_name(k)``); ``order(number)`` is the display order a
decision number picks. ``display_order(seed, step, node_id, count)`` is the per-decision shuffle
sessions use. Sessions share the plans of their scenario's machine.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache
from operator import itemgetter
from typing import Any

from simulator.content.models import Node
from simulator.engine.views import ChoiceView

Views = tuple[tuple[ChoiceView, ...], tuple[ChoiceView, ...], tuple[ChoiceView, ...]]  # shown, all, open
MAX_CACHED = 256  # view lists remembered per node; orders are few (4 options: 24), so this is ample
_TABLE_LIMIT = 7  # counts up to this use a precomputed table of all orders (7! = 5,040 entries)


def trigger_name(position: int) -> str:
    """The transitions trigger that takes the option at ``position`` (0-based) of any node."""
    return f"pick_{position}"


def _fisher_yates(number: int, count: int) -> tuple[int, ...]:
    order = list(range(count))
    for i in range(count - 1, 0, -1):
        number, j = divmod(number, i + 1)
        order[i], order[j] = order[j], order[i]
    return tuple(order)


@lru_cache(maxsize=_TABLE_LIMIT + 1)
def _orders(count: int) -> tuple[tuple[int, ...], ...]:
    """Every order ``_fisher_yates`` can give for ``count``, indexed by ``number mod count!``:
    the shuffle reads ``number`` as mixed-radix digits (base 2, 3, ... count), so only that
    remainder matters and the table gives exactly the same orders as the loop."""
    total = 1
    for k in range(2, count + 1):
        total *= k
    return tuple(_fisher_yates(n, count) for n in range(total))


_MASK = (1 << 64) - 1


def hash64(text: str) -> int:
    """A 64-bit BLAKE2 hash of ``text``: the same on every machine and Python run."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def decision_number(seed_hash: int, step: int, node_hash: int) -> int:
    """The 64-bit number that picks the display order at one decision of a session.

    ``seed_hash`` and ``node_hash`` are ``hash64`` of the session's seed and of the node id (each
    worked out once); the three are mixed by CPython's tuple hash (xxHash's rounds over the ints'
    hashes), which is the same on every 64-bit CPython since 3.8 and costs a quarter of mixing
    them in Python code (hashing a fresh key with BLAKE2 at every decision cost more still).
    """
    return hash((seed_hash, step, node_hash)) & _MASK


def shuffle(number: int, count: int) -> tuple[int, ...]:
    """The order of ``range(count)`` that a 64-bit ``number`` picks (Fisher-Yates with the
    number's mixed-radix digits; every order is nearly equally likely up to 20 options, as
    20! < 2**64). Counts up to 7 read a table of all orders."""
    if count <= _TABLE_LIMIT:
        table = _orders(count)
        return table[number % len(table)]
    return _fisher_yates(number, count)


def display_order(seed: int | str, step: int, node_id: str, count: int) -> tuple[int, ...]:
    """The order in which a session with ``seed`` shows a node's ``count`` options at decision
    ``step`` (0-based): it depends on nothing else, so a session is deterministic given its seed."""
    return shuffle(decision_number(hash64(str(seed)), step, hash64(node_id)), count)


class NodePlan:
    """Precomputed lookups for one node; see the module doc."""

    __slots__ = ("node", "ending", "hash", "choices", "ids", "triggers", "effects", "shuffled", "orders",
                 "identity", "all_open", "positions", "_conditions", "_reads", "_opens", "_views", "_plain_views",
                 "_available")

    def __init__(self, node: Node, node_id: str = ""):
        self.node = node
        self.ending = node.ending  # read at every step; pydantic models read attributes slowly
        self.hash = hash64(node_id)
        self.choices = node.choices
        self.ids = tuple(choice.id for choice in node.choices)
        self.triggers = tuple(trigger_name(k) for k in range(len(node.choices)))
        self.effects = tuple(tuple(choice.effects.items()) for choice in node.choices)
        self.shuffled = node.shuffle and len(node.choices) > 1
        count = len(node.choices)
        self.orders = _orders(count) if self.shuffled and count <= _TABLE_LIMIT else ()
        self.identity = tuple(range(len(node.choices)))
        self.all_open = tuple(True for _ in node.choices)
        self.positions = {choice_id: k for k, choice_id in enumerate(self.ids)}
        self._conditions = tuple(choice.condition for choice in node.choices)
        names = sorted({name for c in self._conditions if c is not None for name in c.names})
        self._reads = itemgetter(*names) if names else None  # the values the conditions read
        self._opens: dict[Any, tuple[bool, ...]] = {}
        self._views: dict[tuple[tuple[int, ...], tuple[bool, ...]], Views] = {}
        self._plain_views: dict[int, Views] = {}  # no conditions: views by index into ``orders``
        self._available: dict[tuple[bool, ...], tuple[str, ...]] = {}

    def arrive(self, values: Mapping[str, int], seed_hash: int, step: int) -> tuple[tuple[bool, ...], Views]:
        """Open options and their views at decision ``step`` of a session whose seed hashes to
        ``seed_hash``: ``open(values)`` and ``views(order(decision_number(...)), open)`` in one call
        (a session makes it at every node it reaches)."""
        orders = self.orders
        number = decision_number(seed_hash, step, self.hash) if self.shuffled else 0
        if self._reads is None and (orders or not self.shuffled):  # the common case, keyed by one int
            index = number % len(orders) if orders else 0
            views = self._plain_views.get(index)
            if views is None:
                views = self._plain_views[index] = self._build_views(self.order(number), self.all_open)
            return self.all_open, views
        open_ = self.open(values)
        return open_, self.views(self.order(number), open_)

    def open(self, values: Mapping[str, int]) -> tuple[bool, ...]:
        """Which options' conditions hold; remembered per combination of the values they read."""
        if self._reads is None:
            return self.all_open
        try:
            key = self._reads(values)
        except KeyError:  # a name the session does not hold (counts as 0): no shortcut
            return tuple(c is None or c.holds(values) for c in self._conditions)
        found = self._opens.get(key)
        if found is None:
            found = tuple(c is None or c.holds(values) for c in self._conditions)
            if len(self._opens) < MAX_CACHED:
                self._opens[key] = found
        return found

    def order(self, number: int) -> tuple[int, ...]:
        """The display order for a 64-bit ``number``: ``shuffle(number, count)`` (with the table
        at hand), or file order when the node says ``shuffle: false``."""
        orders = self.orders
        if orders:
            return orders[number % len(orders)]
        return _fisher_yates(number, len(self.choices)) if self.shuffled else self.identity

    def available(self, open_: tuple[bool, ...]) -> tuple[str, ...]:
        if open_ is self.all_open:
            return self.ids
        ids = self._available.get(open_)
        if ids is None:
            ids = self._available[open_] = tuple(i for i, is_open in zip(self.ids, open_, strict=True) if is_open)
        return ids

    def views(self, order: tuple[int, ...], open_: tuple[bool, ...]) -> Views:
        """(shown, all, open) option views for this display order and these open options."""
        key = (order, open_)
        views = self._views.get(key)
        if views is None:
            views = self._build_views(order, open_)
            if len(self._views) < MAX_CACHED:
                self._views[key] = views
        return views

    def _build_views(self, order: tuple[int, ...], open_: tuple[bool, ...]) -> Views:
        """Open options and locked ones with a ``locked_hint`` are shown; a locked option without
        a hint is hidden (it belongs to a story branch the player is not on)."""
        shown: list[tuple[int, str]] = []
        hidden: list[tuple[int, str]] = []
        for position in order:
            choice = self.choices[position]
            if open_[position]:
                shown.append((position, ""))
            elif choice.locked_hint:
                shown.append((position, choice.locked_hint))
            else:
                hidden.append((position, f"only when {choice.condition.source}"))  # type: ignore[union-attr]
        every = tuple(ChoiceView(number, self.choices[k].id, self.choices[k].text, open_[k], why)
                      for number, (k, why) in enumerate(shown + hidden, start=1))
        return every[:len(shown)], every, tuple(view for view in every if view.available)
