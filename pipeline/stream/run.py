"""`newsfeed run`: broker, one process per stage worker, publish the input, print the articles.

Outcomes are matched to inputs by the origin header every stage carries along (the
pages.raw topic/partition/offset of the input), so `--until-idle` knows when every input has
come out, and a record delivered twice (after a worker crash) is written and counted once.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import fields
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from pipeline.process import Outcome, OutcomeFiles, Summary
from pipeline.settings import Settings, environment_variables
from pipeline.stream import topics
from pipeline.stream.broker import EmbeddedBroker
from pipeline.stream.codec import read_origin
from pipeline.stream.ingest import publish
from pipeline.stream.kafka import client_options, message_limit

log = logging.getLogger(__name__)

_STOP_GRACE_S = 10.0


def settings_environment(settings: Settings) -> dict[str, str]:
    """The environment that gives a child process these settings."""
    names = environment_variables()
    return {names[f.name]: str(getattr(settings, f.name)) for f in fields(settings) if getattr(settings, f.name) is not None}


class WorkerProcesses:
    """`newsfeed worker STAGE` child processes; each stage worker is its own process and consumer group member."""

    def __init__(self, settings: Settings, counts: dict[str, int], log_level: str = "WARNING",
                 log_dir: Path | None = None) -> None:
        """Workers log to stderr, or to `log_dir`/STAGE-N.log when given."""
        env = {**os.environ, **settings_environment(settings)}
        self.processes: list[tuple[str, subprocess.Popen]] = []
        for stage, count in counts.items():
            for index in range(count):
                command = [sys.executable, "-m", "pipeline", "--log-level", log_level, "worker", stage]
                sink = sys.stderr if log_dir is None else open(log_dir / f"{stage}-{index}.log", "wb")
                process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=sink, stderr=sink)
                self.processes.append((stage, process))
                if sink is not sys.stderr:
                    sink.close()

    def check(self) -> None:
        for stage, process in self.processes:
            if process.poll() is not None:
                raise RuntimeError(f"the {stage} worker (pid {process.pid}) exited with code {process.returncode}")

    def stop(self) -> None:
        for _stage, process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + _STOP_GRACE_S
        for _stage, process in self.processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class OutcomeReader:
    """Reads articles.clean, articles.duplicates and pipeline.dead-letters from where they end now."""

    def __init__(self, settings: Settings, kinds: dict[str, str] = topics.OUTCOMES) -> None:
        """`kinds`: topic (unprefixed) -> the kind of outcome its records are."""
        self.settings = settings
        limit = message_limit(settings)
        self.consumer = AIOKafkaConsumer(
            **client_options(settings), group_id=None, enable_auto_commit=False,
            max_partition_fetch_bytes=limit, fetch_max_bytes=2 * limit,
        )
        self.names = tuple(kinds)
        self.kinds = {settings.topic(name): kind for name, kind in kinds.items()}

    async def start(self) -> None:
        await self.consumer.start()
        assigned = [TopicPartition(self.settings.topic(name), p) for name in self.names
                    for p in range(topics.partitions(self.settings, name))]
        self.consumer.assign(assigned)
        await self.consumer.seek_to_end(*assigned)
        for tp in assigned:  # pin the end offsets now, before any input is published
            await self.consumer.position(tp)

    async def poll(self, timeout_s: float = 0.5) -> Iterator[tuple[str, str | None, dict]]:
        batches = await self.consumer.getmany(timeout_ms=int(timeout_s * 1000))
        return (
            (self.kinds[tp.topic], read_origin(message.headers), orjson.loads(message.value))
            for tp, messages in batches.items()
            for message in messages
        )

    async def stop(self) -> None:
        await self.consumer.stop()


async def stream(settings: Settings, inputs: Iterable[bytes], files: OutcomeFiles,
                 until_idle: bool, workers: WorkerProcesses | None = None, summary: Summary | None = None) -> Summary:
    """Publish `inputs` and write each input's outcome once; with `until_idle`, return when all are out."""
    summary = summary or Summary()
    reader = OutcomeReader(settings)
    await reader.start()
    published = asyncio.create_task(publish(settings, inputs))
    seen: set[str] = set()
    try:
        while True:
            for kind, origin, record in await reader.poll():
                if origin in seen:
                    continue  # redelivered after a worker crash: the same outcome again
                seen.add(origin)
                if kind == "article" and summary.articles == 0:
                    log.info("first article", extra={"seconds": round(time.monotonic() - summary.started, 2)})
                outcome = Outcome(kind, record)
                files.write(outcome, flush=True)
                summary.count(outcome)
            if workers is not None:
                workers.check()
            if until_idle and published.done() and seen.issuperset(published.result()):
                return summary
    finally:
        published.cancel()
        await reader.stop()


def run(settings: Settings, inputs: Iterable[bytes], files: OutcomeFiles, until_idle: bool,
        counts: dict[str, int], worker_log_level: str = "WARNING") -> Summary:
    summary = Summary()  # timed from here: broker and worker start-up are part of the job
    with ExitStack() as stack:
        if settings.embedded:
            broker = stack.enter_context(EmbeddedBroker())
            settings = settings.with_overrides(bootstrap_servers=broker.bootstrap_servers)
        asyncio.run(topics.create_topics(settings))
        workers = WorkerProcesses(settings, {stage: counts.get(stage, 1) for stage in topics.STAGES}, worker_log_level)
        stack.callback(workers.stop)
        return asyncio.run(stream(settings, inputs, files, until_idle, workers, summary))
