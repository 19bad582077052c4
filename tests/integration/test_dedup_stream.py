"""Dedup in the stream keeps its guarantees: worker counts, kill -9 and restart, replay, bounded state.

Most tests feed the dedup workers directly: they publish records as the language stage hands
them over (with the origin and raw-timestamp headers every stage carries) to pages.identified,
in an adversarial order, and read pages.deduplicated. What the stream decides must equal
`Dedup` (the same steps over dicts, `newsfeed process`'s dedup) run over the records in
canonical order: raw timestamp, then raw position. The replay test runs every stage.
"""

from __future__ import annotations

import asyncio
import copy
import os
import signal
import time
from collections import defaultdict

import orjson
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor

from pipeline.records import rfc3339
from pipeline.stages.dedup import FEATURES, Dedup, prepare
from pipeline.stages.dedup.fingerprint import MIN_HASHED_WORDS
from pipeline.stream import topics
from pipeline.stream.codec import origin_header, origin_of
from pipeline.stream.ingest import producer
from pipeline.stream.kafka import client_options
from pipeline.stream.run import OutcomeReader, WorkerProcesses
from pipeline.stream.state import partition_of
from pipeline.stream.worker import app_id

from ..conftest import FIXTURES, load_jsonl
from .conftest import final_metrics, settings_for, workers
from .test_stream_pipeline import synthetic_pages

pytestmark = pytest.mark.integration

# Raw time of the first record: half an hour after the fixtures' fetch times, so all are inside one window.
T0_MS = 1_795_350_600_000  # 2026-11-22T12:30:00Z
PAUSE_S = 0.07
DAY_MS = 86_400_000


def articles() -> dict[str, dict]:
    rows = load_jsonl(FIXTURES / "dedup" / "articles.jsonl")
    return {row.pop("name"): row for row in rows}


def originals() -> list[dict]:
    found = articles()
    return [found[name] for name in ("seed-0", "boxing-klitschko", "quake-iran", "rehab-lohan", "rehab-reid")]


def copies() -> list[dict]:
    """A re-send, a tracking-parameter variant, a re-publication elsewhere (and its re-send), an edited
    re-publication, and the other outlet's article on the seed event (same story, not a copy)."""
    found = articles()
    seed = found["seed-0"]["text"].split("\n")
    edited = "\n".join(["UPDATED: " + seed[0], *seed[1:-3], seed[-1]])
    republished = dict(found["rehab-lohan"], url="https://partner.example.net/celebrity/lohan-rehab")
    return [
        found["seed-1"],
        dict(found["quake-iran"], fetched_at="2026-11-22T14:00:00Z"),
        dict(found["boxing-klitschko"], url=found["boxing-klitschko"]["url"] + "?utm_source=feed#top"),
        republished,
        dict(found["seed-0"], url="https://wire-partner.example.org/asia/xi-belarus", text=edited),
        dict(republished),
    ]


def distinct(count: int, first: int = 0) -> list[dict]:
    return [dict(page, language="en") for page in synthetic_pages(first + count)[first:]]


def stamped(docs: list[dict], t0_ms: int = T0_MS) -> list[dict]:
    """Give docs raw positions and timestamps as if published to pages.raw in this order, 100 ms apart."""
    offsets: dict[int, int] = defaultdict(int)
    out = []
    for number, doc in enumerate(docs):
        partition = partition_of(doc["url"], 8)
        origin = f"pages.raw/{partition}/{offsets[partition]}"
        offsets[partition] += 1
        out.append({**doc, "origin": origin, "_raw_ms": t0_ms + 100 * number})
    return out


def decision(record: dict) -> tuple:
    return record["id"], record["duplicate_of"], record["story_id"], record["content_hash"]


def reference(docs: list[dict]) -> dict[str, tuple]:
    """`Dedup` over the records in canonical order: what every stream run must decide."""
    dedup = Dedup()
    ordered = sorted(docs, key=lambda doc: (doc["_raw_ms"], doc["origin"]))
    return {doc["origin"]: decision(dedup.run(_wire(doc))) for doc in ordered}


def _wire(doc: dict) -> dict:
    return {k: v for k, v in copy.deepcopy(doc).items() if k != "_raw_ms"}


async def _publish(settings, docs: list[dict], pause_s: float) -> None:
    client = producer(settings)
    await client.start()
    try:
        for doc in docs:
            await client.send_and_wait(settings.topic(topics.IDENTIFIED), orjson.dumps(_wire(doc)), key=doc["url"].encode(),
                                       headers=origin_header(doc["origin"], doc["_raw_ms"]), timestamp_ms=doc["_raw_ms"])
            await asyncio.sleep(pause_s)
    finally:
        await client.stop()


async def _decide(settings, docs: list[dict], timeout: float, on_first=None) -> dict[str, list[tuple]]:
    reader = OutcomeReader(settings, {topics.DEDUPLICATED: "deduplicated"})
    await reader.start()
    seen: dict[str, list[tuple]] = defaultdict(list)
    try:
        # Adversarial: the last record first, one every PAUSE_S, so records arrive in the reverse of
        # canonical order, each in its own release tick, and the first and last within the grace period.
        await _publish(settings, docs[::-1], PAUSE_S)
        deadline = time.monotonic() + timeout
        while not {doc["origin"] for doc in docs} <= set(seen):
            assert time.monotonic() < deadline, f"{len(seen)} of {len(docs)} records came out"
            for _, origin, record in await reader.poll():
                if not seen and on_first is not None:
                    on_first()
                seen[origin].append(decision(record))
        return seen
    finally:
        await reader.stop()


def decide(settings, docs: list[dict], timeout: float = 120.0, on_first=None) -> dict[str, list[tuple]]:
    """Publish `docs` to pages.identified; every decision read from pages.deduplicated, by origin."""
    return asyncio.run(_decide(settings, docs, timeout, on_first))


@pytest.fixture(scope="module")
def stream() -> list[dict]:
    return stamped(originals() + distinct(6) + copies())


@pytest.mark.parametrize("count", [1, 2, 4])
def test_one_two_or_four_dedup_workers_decide_like_dedup_in_canonical_order(broker, stream, tmp_path, count) -> None:
    settings = settings_for(broker, f"consistency{count}")
    with workers(settings, {"dedup": count}, tmp_path):
        seen = decide(settings, stream)
    expected = reference(stream)
    assert {origin: found[0] for origin, found in seen.items()} == expected
    assert all(len(found) == 1 for found in seen.values())
    # The reference is not trivial: five copies, and the seed event's story holds both outlets and the edited copy.
    assert sum(d[1] is not None for d in expected.values()) == 5
    seed_event = [d for doc in stream for d in [expected[doc["origin"]]] if "Lukashenko" in doc["text"]]
    assert len(seed_event) == 3 and len({d[2] for d in seed_event}) == 1


def test_a_dedup_worker_killed_mid_stream_and_replaced_decides_like_a_clean_run(broker, tmp_path) -> None:
    settings = settings_for(broker, "restart")
    first, second = stamped(originals() + distinct(10)), copies()
    second = stamped(second, T0_MS + 100 * len(first))
    # Raw positions of the second batch follow the first's in each partition.
    taken = defaultdict(int)
    for doc in first:
        taken[int(doc["origin"].split("/")[1])] += 1
    for doc in second:
        partition = int(doc["origin"].split("/")[1])
        doc["origin"] = f"pages.raw/{partition}/{taken[partition]}"
        taken[partition] += 1
    replacement = None
    with workers(settings, {"dedup": 1}, tmp_path) as running:
        [(_, victim)] = running.processes

        def kill_and_replace() -> None:
            nonlocal replacement
            os.kill(victim.pid, signal.SIGKILL)
            victim.wait(timeout=5)
            (tmp_path / "after").mkdir()
            replacement = WorkerProcesses(settings, {"dedup": 1}, "INFO", tmp_path / "after")

        try:
            seen = decide(settings, first, on_first=kill_and_replace)
            # The copies are decided against state the replacement restored from the changelogs.
            seen.update(decide(settings, second))
        finally:
            if replacement is not None:
                replacement.stop()
    assert victim.returncode == -signal.SIGKILL
    # Mid-stream: the replacement redid records whose offsets the victim had not committed.
    assert final_metrics(tmp_path / "after" / "dedup-0.log")["stories"]["records"] > len(second)
    expected = reference(first + second)
    # At-least-once: a record may come out twice, always with the same decision.
    assert {origin: set(found) for origin, found in seen.items()} == {origin: {d} for origin, d in expected.items()}


async def _changelog(settings, table: str, partitions: int) -> dict[str, list[tuple[int, bytes | None]]]:
    """Every (partition, value) a dedup table's changelog holds, by key."""
    name = f"{app_id(settings, 'dedup')}-{table}-changelog"
    consumer = AIOKafkaConsumer(**client_options(settings), group_id=None, enable_auto_commit=False)
    await consumer.start()
    try:
        assigned = [TopicPartition(name, p) for p in range(partitions)]
        consumer.assign(assigned)
        await consumer.seek_to_beginning(*assigned)
        ends = await consumer.end_offsets(assigned)
        found: dict[str, list[tuple[int, bytes | None]]] = defaultdict(list)
        while [tp for tp in assigned if await consumer.position(tp) < ends[tp]]:
            for tp, messages in (await consumer.getmany(timeout_ms=500)).items():
                for message in messages:
                    found[message.key.decode().strip('"')].append((tp.partition, message.value))
        return found
    finally:
        await consumer.stop()


def covering(docs: list[dict], partitions: int) -> list[dict]:
    """The first docs whose url keys and content hashes, together, reach every partition."""
    chosen, urls, texts = [], set(), set()
    for doc in docs:
        features = prepare(dict(doc))
        chosen.append(doc)
        urls.add(partition_of(features[FEATURES]["k"], partitions))
        if features[FEATURES]["w"] >= MIN_HASHED_WORDS:
            texts.add(partition_of(features["content_hash"], partitions))
        if len(urls) == len(texts) == partitions:
            return chosen
    raise AssertionError("not enough docs to reach every partition")


def test_state_older_than_the_window_is_forgotten_and_tombstoned_on_its_own_partition(broker, tmp_path) -> None:
    settings = settings_for(broker, "window", dedup_window_days=1.0)
    old = stamped([dict(doc, fetched_at=rfc3339(T0_MS / 1000)) for doc in distinct(12)])
    # Two days later (raw timestamps and fetch times): the old records' claims and story rows are past the window.
    new = stamped([dict(doc, fetched_at=rfc3339((T0_MS + 2 * DAY_MS) / 1000)) for doc in covering(distinct(60, 100), 8)],
                  T0_MS + 2 * DAY_MS)
    for doc in new:
        doc["origin"] = doc["origin"].replace("pages.raw/", "pages.raw.later/")
    with workers(settings, {"dedup": 1}, tmp_path):
        decide(settings, old)
        decide(settings, new)
        changelogs = {name: asyncio.run(_changelog(settings, name, n)) for name, n in
                      (("urls", 8), ("texts", 8), ("stories", 1))}
    old_ids = {prepare(_wire(doc))["id"] for doc in old}
    for name, partitions in (("urls", 8), ("texts", 8), ("stories", 1)):
        live = {key for key, writes in changelogs[name].items() if writes[-1][1] is not None}
        for key, writes in changelogs[name].items():
            # Rows and tombstones of a key all sit on the partition that routes the key, so a restore finds them.
            assert {p for p, _ in writes} == {partition_of(key, partitions) if partitions > 1 else 0}, (name, key)
        forgotten = set(changelogs[name]) - live
        assert forgotten and live, name
        rows = {key: orjson.loads(changelogs[name][key][-1][1]) for key in live}
        assert not old_ids & {row["id"] if name != "stories" else key for key, row in rows.items()}, name


def raw_pages(seed_pages: list[dict]) -> list[bytes]:
    """Seeds and fixture articles as text pages (some without fetch time), a re-send and a URL variant."""
    pages = [dict(page) for page in seed_pages]
    pages += [{"url": doc["url"], "text": doc["text"]} for doc in originals()[1:]]
    pages += [dict(pages[3]), dict(pages[2], url=pages[2]["url"] + "?utm_medium=email")]
    return [orjson.dumps(page) for page in pages]


async def _publish_raw(settings, lines: list[bytes]) -> list[tuple[str, int]]:
    """(origin, raw timestamp) of each line, published 100 ms apart in raw time."""
    client = producer(settings)
    await client.start()
    try:
        sent = []
        for number, line in enumerate(lines):
            stamp = T0_MS + 100 * number
            meta = await client.send_and_wait(settings.topic(topics.RAW), line, key=orjson.loads(line)["url"].encode(),
                                              timestamp_ms=stamp)
            sent.append((origin_of(meta.topic, meta.partition, meta.offset), stamp))
        return sent
    finally:
        await client.stop()


async def _outcomes(settings, expect: int, publish=None, timeout: float = 120.0) -> tuple[list, dict[str, list]]:
    reader = OutcomeReader(settings)
    await reader.start()
    try:
        sent = await publish() if publish is not None else []
        seen: dict[str, list] = defaultdict(list)
        deadline = time.monotonic() + timeout
        while len(seen) < expect:
            assert time.monotonic() < deadline, f"{len(seen)} of {expect} inputs came out"
            for kind, origin, record in await reader.poll():
                seen[origin].append((kind, record))
        return sent, seen
    finally:
        await reader.stop()


class _AsFaust(RoundRobinPartitionAssignor):
    """The broker keeps the group's assignment protocol (Faust's) after its members left: join under that name."""

    name = "faust"


async def _rewind(settings, stage: str, topic: str) -> None:
    """Join the stage's (now empty) consumer group and commit offset 0 on every partition of `topic`."""
    consumer = AIOKafkaConsumer(**client_options(settings), group_id=app_id(settings, stage), enable_auto_commit=False,
                                session_timeout_ms=int(settings.session_timeout_s * 1000),
                                partition_assignment_strategy=(_AsFaust,))
    await consumer.start()
    try:
        consumer.subscribe([settings.topic(topic)])
        while len(consumer.assignment()) < settings.partitions:
            await consumer.getmany(timeout_ms=200)
        await consumer.commit({tp: 0 for tp in consumer.assignment()})
    finally:
        await consumer.stop()


def outcome(kind: str, record: dict) -> tuple:
    return kind, record["id"], record["duplicate_of"], record["story_id"], record["fetched_at"]


def test_replaying_the_raw_topic_gives_every_record_the_decision_it_got_the_first_time(
        broker, seed_pages, tmp_path) -> None:
    settings = settings_for(broker, "replay")
    lines = raw_pages(seed_pages)
    stages = {"extract": 1, "language": 1, "dedup": 1, "enrich": 1}
    with workers(settings, stages, tmp_path) as running:
        sent, first = asyncio.run(_outcomes(settings, len(lines), lambda: _publish_raw(settings, lines)))
        # Stop extract, rewind its group to offset 0 of pages.raw, start a new extract worker: a replay.
        [extract] = [process for stage, process in running.processes if stage == "extract"]
        extract.send_signal(signal.SIGTERM)
        assert extract.wait(timeout=30) == 0
        asyncio.run(_rewind(settings, "extract", topics.RAW))
        (tmp_path / "replay").mkdir()
        again = WorkerProcesses(settings, {"extract": 1}, "INFO", tmp_path / "replay")
        try:
            _, second = asyncio.run(_outcomes(settings, len(lines)))
        finally:
            again.stop()
    assert set(first) == set(second) == {origin for origin, _ in sent}
    assert {o: [outcome(*found) for found in f] for o, f in second.items()} == \
        {o: [outcome(*found) for found in f] for o, f in first.items()}
    kinds = [first[origin][0][0] for origin, _ in sent]
    assert kinds == ["article"] * 6 + ["duplicate"] * 2, "a re-send and a URL variant are the duplicates"
    # A page without a fetch time got its raw record's timestamp, and got it again on replay.
    for (origin, stamp), line in zip(sent, lines):
        if "fetched_at" not in orjson.loads(line):
            assert first[origin][0][1]["fetched_at"] == rfc3339(stamp / 1000)
