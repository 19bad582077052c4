"""Releasing records in a canonical order after a grace period, whatever order they arrived in.

A step that several upstream partitions feed (a repartition topic) receives their records in
an order that depends on worker count and timing. A stateful step whose decisions depend on
order (first claimant of a key, first article of a story) holds each record for `grace_s`
and processes the held records sorted by a key that depends only on the record: the raw
record's timestamp, then its place in the raw topic.

The bound: if no record reaches the step more than `grace_s` after a record that sorts after
it, records are processed in exactly key order. Proof sketch: a record is released either
because it is due (held `grace_s`) or because a due record sorts after it; so when a record Y
is released, some due record Z >= Y arrived at least `grace_s` earlier, and any record X < Y
still to come would arrive more than `grace_s` after Z, which the bound excludes.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from typing import Generic, TypeVar

Item = TypeVar("Item")
OrderKey = tuple


def canonical_key(raw_ms: int, origin: str) -> OrderKey:
    """(raw timestamp, raw topic, raw partition, raw offset): the raw topic's order as its timestamps
    tell it, ties (and records of one partition) in offset order. Numeric, so offset 10 follows 9."""
    topic, partition, offset = _parts(origin)
    return raw_ms, topic, partition, offset


def _parts(origin: str) -> tuple[str, int, int]:
    topic, _, rest = origin.rpartition("/")
    topic, _, partition = topic.rpartition("/")
    try:
        return topic, int(partition), int(rest)
    except ValueError:  # not a pages.raw position: order such records by their text
        return origin, -1, -1


class ReorderBuffer(Generic[Item]):
    def __init__(self, grace_s: float) -> None:
        self.grace_s = grace_s
        self._held: list[tuple[OrderKey, int, Item]] = []
        self._arrivals: deque[tuple[float, OrderKey]] = deque()
        self._tie = itertools.count()

    def __len__(self) -> int:
        return len(self._held)

    def add(self, key: OrderKey, item: Item, now: float) -> None:
        heapq.heappush(self._held, (key, next(self._tie), item))
        self._arrivals.append((now, key))

    def due(self, now: float) -> list[Item]:
        """The items to process now, in key order: every held item that sorts no later than the
        latest-sorting item held for the whole grace period."""
        horizon: OrderKey | None = None
        while self._arrivals and self._arrivals[0][0] <= now - self.grace_s:
            _, key = self._arrivals.popleft()
            horizon = key if horizon is None else max(horizon, key)
        released: list[Item] = []
        while horizon is not None and self._held and self._held[0][0] <= horizon:
            released.append(heapq.heappop(self._held)[2])
        return released

    def clear(self) -> None:
        self._held.clear()
        self._arrivals.clear()
