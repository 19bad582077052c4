"""Faust tables written from a known partition, and claims forgotten once they leave the window.

Faust writes a table row (or a deletion tombstone) to the changelog partition of the event
being processed (`faust.streams.current_event()`). Rows written outside that context (records
released later by a reorder buffer, a sweep) would land on the wrong changelog partition, or
raise; so the stream writes through `PartitionRows`, which names the partition explicitly.
Restoring a partition replays only its own changelog partition, so a row must live on the
partition of the topic that routes its key: the claim tables are keyed exactly like their
source topics, and `partition_of` is the producers' partitioner.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from aiokafka.partitioner import DefaultPartitioner

_PARTITIONER = DefaultPartitioner()


def partition_of(key: str, partitions: int) -> int:
    """The partition a message keyed `key` goes to (aiokafka's and Kafka's murmur2 partitioner)."""
    every = list(range(partitions))
    return _PARTITIONER(key.encode(), every, every)


class PartitionRows(MutableMapping):
    """A Faust table seen from one changelog partition: rows set or deleted here are logged there."""

    def __init__(self, table: Any, partition: int) -> None:
        self.table = table
        self.partition = partition

    def __getitem__(self, key: str) -> Any:
        return self.table.data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.table.data[key] = value
        self.table.send_changelog(self.partition, key, value)

    def __delitem__(self, key: str) -> None:
        del self.table.data[key]
        # A tombstone, encoded as Faust's own deletions are.
        self.table.send_changelog(self.partition, key, None, value_serializer="raw")

    def __iter__(self) -> Iterator[str]:
        return iter(self.table.data)

    def __len__(self) -> int:
        return len(self.table.data)


class ClaimSweeper:
    """Forgets claim rows older than the window, in each partition's own stream time.

    Stream time of a partition is the newest raw-record timestamp it has released: a replay of
    old records sweeps at the points the first pass did, not at the wall clock's. Each time a
    partition's stream time moves `every_s` past its previous sweep, the rows of every partition
    this worker has released records for are checked: a row whose event time `t` is more than
    `window_s` behind its own partition's stream time is deleted, its tombstone logged to that
    partition. Rows with no time are kept (the stream gives every record a fetch time).
    """

    def __init__(self, table: Any, partitions: int, window_s: float, every_s: float) -> None:
        self.table = table
        self.partitions = partitions
        self.window_s = window_s
        self.every_s = every_s
        self.stream_time: dict[int, float] = {}
        self._swept_at: dict[int, float] = {}

    def seen(self, partition: int, raw_ms: int) -> None:
        """Called for each record released on `partition`; sweeps when its stream time has moved enough."""
        now = raw_ms / 1000.0
        if now <= self.stream_time.get(partition, float("-inf")):
            return
        self.stream_time[partition] = now
        last = self._swept_at.setdefault(partition, now)
        if now - last >= self.every_s:
            self.sweep()

    def sweep(self) -> int:
        cutoffs = {p: now - self.window_s for p, now in self.stream_time.items()}
        if not cutoffs:
            return 0
        newest_cutoff = max(cutoffs.values())
        # The partition is worked out only for rows old enough to go somewhere: murmur2 is slow in Python.
        old = [key for key, row in self.table.data.items() if row.get("t") is not None and row["t"] < newest_cutoff]
        dropped = 0
        for key in old:
            partition = partition_of(key, self.partitions)
            if partition in cutoffs and self.table.data[key]["t"] < cutoffs[partition]:
                del PartitionRows(self.table, partition)[key]
                dropped += 1
        self._swept_at.update(self.stream_time)
        return dropped

    def forget_partitions(self) -> None:
        """Partitions were revoked: their stream time is the next owner's to keep."""
        self.stream_time.clear()
        self._swept_at.clear()
