"""Canonical order for the stateful dedup steps, and table rows written to a named partition."""

from __future__ import annotations

import random

from pipeline.stream.reorder import ReorderBuffer, canonical_key
from pipeline.stream.state import ClaimSweeper, PartitionRows, partition_of

DAY = 86400.0


def test_canonical_key_orders_by_raw_timestamp_then_raw_position_numerically() -> None:
    keys = [canonical_key(5, "pages.raw/3/10"), canonical_key(5, "pages.raw/3/9"), canonical_key(4, "pages.raw/7/1"),
            canonical_key(5, "p.x/pages.raw/0/11")]
    assert sorted(keys) == [keys[2], keys[3], keys[1], keys[0]]


def drain(buffer: ReorderBuffer, arrivals: list[tuple[float, tuple, str]], tick: float = 0.1) -> list[str]:
    """Feed (arrival time, key, item) into `buffer`, releasing every `tick` as the worker's timer does."""
    arrivals = sorted(arrivals)
    released, now = [], 0.0
    while arrivals or len(buffer):
        while arrivals and arrivals[0][0] <= now:
            at, key, item = arrivals.pop(0)
            buffer.add(key, item, at)
        released += buffer.due(now)
        now += tick
    return released


def test_nothing_leaves_before_the_grace_period() -> None:
    buffer = ReorderBuffer(2.0)
    buffer.add((1,), "a", 10.0)
    assert buffer.due(11.9) == [] and buffer.due(12.0) == ["a"]


def test_a_record_arriving_late_but_within_the_grace_period_goes_first() -> None:
    buffer = ReorderBuffer(2.0)
    buffer.add((2,), "second", 0.0)
    buffer.add((1,), "first", 1.5)  # not due itself yet, but it sorts before a due record
    buffer.add((3,), "third", 1.6)
    assert buffer.due(2.0) == ["first", "second"]
    assert buffer.due(3.6) == ["third"]


def test_release_order_is_key_order_whenever_disorder_stays_under_the_grace_period() -> None:
    rng = random.Random(7)
    for _ in range(200):
        count = rng.randint(2, 30)
        # Item i is due in order at time i * step; each arrives up to `jitter` late: disorder < grace.
        step, jitter, grace = rng.uniform(0.0, 0.5), rng.uniform(0.0, 1.9), 2.0
        arrivals = [(i * step + rng.uniform(0, jitter), (i,), f"r{i:02}") for i in range(count)]
        assert drain(ReorderBuffer(grace), arrivals) == [f"r{i:02}" for i in range(count)]


def test_beyond_the_grace_period_arrival_order_wins() -> None:
    # The bound is real: a record more than the grace period behind one that sorts after it comes after it.
    arrivals = [(0.0, (2,), "second"), (2.5, (1,), "first")]
    assert drain(ReorderBuffer(2.0), arrivals) == ["second", "first"]


class FakeTable:
    """What PartitionRows uses of a Faust table: its store and send_changelog."""

    def __init__(self, rows: dict | None = None) -> None:
        self.data = dict(rows or {})
        self.changelog: list[tuple[int, str, object, str | None]] = []

    def send_changelog(self, partition, key, value, key_serializer=None, value_serializer=None):
        self.changelog.append((partition, key, value, value_serializer))


def test_rows_set_and_deleted_through_a_partition_are_logged_to_that_partition() -> None:
    table = FakeTable()
    rows = PartitionRows(table, 5)
    rows["k"] = {"id": "a", "t": 1.0}
    assert table.data == {"k": {"id": "a", "t": 1.0}} and rows.get("k") == {"id": "a", "t": 1.0}
    del rows["k"]
    assert table.data == {} and "k" not in rows
    assert table.changelog == [(5, "k", {"id": "a", "t": 1.0}, None), (5, "k", None, "raw")]


def keys_by_partition(partitions: int, per_partition: int) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {p: [] for p in range(partitions)}
    n = 0
    while min(len(keys) for keys in found.values()) < per_partition:
        key = f"key-{n}"
        found[partition_of(key, partitions)].append(key)
        n += 1
    return {p: keys[:per_partition] for p, keys in found.items()}


def test_a_sweep_forgets_old_rows_of_each_partition_in_its_own_stream_time_and_logs_there() -> None:
    keys = keys_by_partition(4, 2)
    t0 = 1_750_000_000.0
    # In every partition: one row from day 0, one from day 5.
    table = FakeTable({key: {"id": key, "t": t0 + (5 * DAY if i else 0.0)} for p in keys for i, key in enumerate(keys[p])})
    table.data["timeless"] = {"id": "x", "t": None}
    sweeper = ClaimSweeper(table, 4, window_s=3 * DAY, every_s=3600.0)
    sweeper.seen(0, int((t0 + 1 * DAY) * 1000))  # partition 0's first record: its stream time starts here
    sweeper.seen(1, int((t0 + 4 * DAY) * 1000))
    assert table.changelog == []
    sweeper.seen(0, int((t0 + 6 * DAY) * 1000))  # partition 0 moved five days: a sweep
    # Partition 0 (now day 6) forgets day 0; partition 1 (day 4) forgets day 0 too; 2 and 3 have no stream time here.
    assert sorted(table.changelog) == sorted((p, keys[p][0], None, "raw") for p in (0, 1))
    assert set(table.data) == {keys[0][1], keys[1][1], *keys[2], *keys[3], "timeless"}
    sweeper.forget_partitions()
    sweeper.seen(2, int((t0 + 20 * DAY) * 1000))
    assert sweeper.sweep() == 2 and set(table.data) == {keys[0][1], keys[1][1], keys[3][0], keys[3][1], "timeless"}
