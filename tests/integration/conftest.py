"""Integration harness: one embedded broker per test module, real `newsfeed worker` processes.

Each test gets its own topic prefix (so its own topics and consumer groups) on the module's
broker: no test sees another's records, and the broker starts once.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import pytest
from aiokafka.admin import AIOKafkaAdminClient

from pipeline.settings import Settings
from pipeline.stream import topics
from pipeline.stream.broker import EmbeddedBroker
from pipeline.stream.ingest import publish
from pipeline.stream.kafka import client_options
from pipeline.stream.run import OutcomeReader, WorkerProcesses
from pipeline.stream.worker import app_id

# Short sessions: a group join waits about half of one, and a killed worker is noticed after one.
SESSION_TIMEOUT_S = 6.0


@pytest.fixture(scope="module")
def broker() -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker() as running:
        yield running


def settings_for(broker: EmbeddedBroker, prefix: str, **overrides) -> Settings:
    # One extraction child per worker: the suite shares two cores.
    values = {"session_timeout_s": SESSION_TIMEOUT_S, "processes": 1, **overrides}
    return Settings(bootstrap_servers=broker.bootstrap_servers, topic_prefix=f"{prefix}.", **values)


@contextmanager
def workers(settings: Settings, counts: dict[str, int], log_dir: Path, timeout: float = 120.0) -> Iterator[WorkerProcesses]:
    """Worker processes, yielded once every consumer group has all its members and is stable."""
    asyncio.run(topics.create_topics(settings))
    processes = WorkerProcesses(settings, counts, "INFO", log_dir)
    try:
        asyncio.run(_wait_stable(settings, counts, processes, timeout))
        yield processes
    finally:
        processes.stop()


async def _wait_stable(settings: Settings, counts: dict[str, int], processes: WorkerProcesses, timeout: float) -> None:
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            processes.check()
            ready = {}
            for stage, count in counts.items():
                # One group per request: Tansu garbles a DescribeGroups response for several.
                [response] = await admin.describe_consumer_groups([app_id(settings, stage)])
                [(_error, _group, state, _protocol_type, _protocol, members, *_)] = response.groups
                ready[stage] = state == "Stable" and len(members) == count
            if all(ready.values()):
                return
            await asyncio.sleep(0.5)
        raise TimeoutError(f"consumer groups not stable after {timeout:g} s: {ready}")
    finally:
        await admin.close()


async def _run_batch(settings: Settings, lines: list[bytes], kinds: dict[str, str], timeout: float,
                     on_first_outcome=None) -> tuple[list[str], list[tuple[str, str, dict]]]:
    reader = OutcomeReader(settings, kinds)
    await reader.start()
    seen: list[tuple[str, str, dict]] = []
    try:
        origins = await publish(settings, lines)
        deadline = time.monotonic() + timeout
        while not set(origins) <= {origin for _, origin, _ in seen}:
            if time.monotonic() > deadline:
                missing = set(origins) - {origin for _, origin, _ in seen}
                raise TimeoutError(f"{len(missing)} of {len(origins)} inputs did not come out: {sorted(missing)}")
            batch = list(await reader.poll())
            if batch and not seen and on_first_outcome is not None:
                on_first_outcome()
            seen += batch
        return origins, seen
    finally:
        await reader.stop()


def run_batch(settings: Settings, lines: list[bytes], kinds: dict[str, str] = topics.OUTCOMES,
              timeout: float = 180.0, on_first_outcome=None) -> tuple[list[str], list[tuple[str, str, dict]]]:
    """Publish `lines` to pages.raw; (their origins, every (kind, origin, record) read until each origin came out)."""
    return asyncio.run(_run_batch(settings, lines, kinds, timeout, on_first_outcome))


def final_metrics(log: Path) -> dict:
    """The metrics a worker logged when it stopped."""
    for line in reversed(log.read_bytes().splitlines()):
        if line.startswith(b"{") and b'"final metrics"' in line:
            return orjson.loads(line)["steps"]
    raise AssertionError(f"no final metrics in {log}")
