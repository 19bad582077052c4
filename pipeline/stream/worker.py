"""The worker base: one Faust app, so one consumer group, per stage; stages supply only their logic.

A stage is a few `Step`s: a source topic, the logic for one record, and where the result
goes. The base class owns everything else, once: decoding, the origin header, the per-record
time limit, dead-lettering, delivery, timing and metrics. A record whose logic fails in any
way becomes a dead letter and the stream moves on, so a poison message costs one dead
letter, never an agent crash (Faust would restart the agent on the same record forever).

Delivery is at-least-once: each output is acknowledged by the broker before the source
record counts as processed, and Faust commits only processed offsets. A worker killed
mid-record makes its successor redo the records after the last commit; ids are
deterministic and downstream steps recognise a redelivered origin, so nothing is lost and
consumers that upsert by id see each article once. Kafka transactions are not used: the
embedded broker does not support them.

A step can ask for its records in a canonical order (`Step.reorder_grace_s`): they are held
for the grace period and processed sorted by raw timestamp and raw position (see reorder.py),
from a timer rather than from Faust's event loop over the stream, so the step's logic is told
the source partition to write its table rows to (see state.py). Held records are acknowledged
only once processed: a crash or a rebalance makes the next owner receive them again.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
import traceback
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, ClassVar

import faust
from aiokafka.errors import MessageSizeTooLargeError

from pipeline.isolation import Failure
from pipeline.records import dead_letter, parse_raw_page, rfc3339
from pipeline.settings import Settings
from pipeline.stages.base import Record, Rejected
from pipeline.stream import topics
from pipeline.stream.codec import decode, encode, origin_header, origin_of, read_origin, read_raw_timestamp
from pipeline.stream.kafka import faust_options, message_limit
from pipeline.stream.metrics import Metrics
from pipeline.stream.reorder import ReorderBuffer, canonical_key

log = logging.getLogger(__name__)

METRICS_EVERY_S = 30.0
# How often held records are checked for release: small against any useful grace period.
RELEASE_EVERY_S = 0.1
Result = Record | Failure
# The logic of a reordered step is also given the source partition and the raw timestamp (ms).
Logic = Callable[..., Result | Awaitable[Result]]
# The output topic (unprefixed name) and message key of a result.
Route = Callable[[Record], tuple[str, str]]


@dataclass(frozen=True)
class Step:
    name: str
    source: str
    logic: Logic
    route: Route
    # The source is pages.raw: validate the raw bytes, and the origin is where the message sits.
    intake: bool = False
    # Records in flight at once (each waits on a child process or a thread, not on the event loop).
    concurrency: int = 1
    # Awaited once before the first record, outside the per-record time limit (e.g. child processes starting).
    ready: Callable[[], Awaitable[Any]] | None = None
    # Hold records this long and process them in canonical order (reorder.py); logic(record, partition, raw_ms).
    reorder_grace_s: float | None = None


@dataclass(frozen=True)
class Trace:
    """Where a record's raw page sits and that raw record's timestamp, carried in headers by every stage."""

    origin: str
    raw_ms: int

    def headers(self) -> list[tuple[str, bytes]]:
        return origin_header(self.origin, self.raw_ms)


def app_id(settings: Settings, stage: str) -> str:
    """The Faust app id, which is also the stage's consumer group id."""
    return f"{settings.topic_prefix}newsfeed-{stage}"


class StageWorker:
    stage: ClassVar[str]

    def __init__(self, settings: Settings, web_port: int | None = None) -> None:
        self.settings = settings
        self.app = faust.App(app_id(settings, self.stage), **faust_options(settings, web_port))
        self.metrics = Metrics()
        self._topics: dict[str, faust.TopicT] = {}
        self._threads: ThreadPoolExecutor | None = None
        self._held: dict[str, ReorderBuffer[faust.EventT]] = {}
        self._assignments = 0
        self.stage_steps = {step.name: step for step in self.steps()}
        for step in self.stage_steps.values():
            self._add_agent(step)
        self.app.timer(METRICS_EVERY_S, name=f"{self.stage}.metrics")(self._log_metrics)
        if self._held:
            self.app.timer(RELEASE_EVERY_S, name=f"{self.stage}.release")(self._release)
            self.app.on_partitions_revoked.connect(self._drop_held)
        if web_port is not None:
            self.app.page("/newsfeed/metrics/")(self._metrics_page())

    def steps(self) -> list[Step]:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the stage holds outside the event loop (child processes, threads)."""
        log.info("final metrics", extra={"stage": self.stage, "steps": self.metrics.snapshot()})
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)

    # Helpers for stage logic.

    def off_loop(self, function: Callable[..., Result], *args: Any) -> Awaitable[Result]:
        """Run blocking or CPU-bound stage code in a thread, so heartbeats and polls keep going."""
        if self._threads is None:
            # Threads mostly wait (on a child process, or on the GIL): more than the agents' concurrency is harmless.
            self._threads = ThreadPoolExecutor(max_workers=max(4, 2 * self.settings.processes),
                                               thread_name_prefix=self.stage)
        return asyncio.get_running_loop().run_in_executor(self._threads, function, *args)

    def topic(self, name: str) -> faust.TopicT:
        if name not in self._topics:
            self._topics[name] = self.app.topic(
                self.settings.topic(name), key_type=bytes, value_type=bytes,
                key_serializer="raw", value_serializer="raw",
                partitions=topics.partitions(self.settings, name),
                config={"max.message.bytes": str(message_limit(self.settings))},
            )
        return self._topics[name]

    # The per-record machinery.

    def _add_agent(self, step: Step) -> None:
        async def agent(stream: faust.StreamT) -> None:
            if step.ready is not None:
                await step.ready()
            async for event in stream.events():
                await self._handle(step, event)

        async def holding_agent(stream: faust.StreamT) -> None:
            async for event in stream.noack().events():
                trace = self._trace(step, event)
                held.add(canonical_key(trace.raw_ms, trace.origin), event, time.monotonic())

        if step.reorder_grace_s is not None:
            held = self._held[step.name] = ReorderBuffer(step.reorder_grace_s)
            agent = holding_agent
        name = f"{self.stage}.{step.name}"
        agent.__name__ = agent.__qualname__ = name.replace(".", "_").replace("-", "_")
        self.app.agent(self.topic(step.source), name=name, concurrency=step.concurrency)(agent)

    @staticmethod
    def _trace(step: Step, event: faust.EventT) -> Trace:
        message = event.message
        appended = message.timestamp if message.timestamp is not None else time.time()
        here = Trace(origin_of(message.topic, message.partition, message.offset), round(appended * 1000))
        if step.intake:
            return here
        return Trace(read_origin(event.headers) or here.origin, read_raw_timestamp(event.headers) or here.raw_ms)

    async def _handle(self, step: Step, event: faust.EventT) -> None:
        trace = self._trace(step, event)
        started = time.perf_counter()
        result = await self._apply(step, event, trace)
        if not isinstance(result, Failure):
            try:
                name, key = step.route(result)
                await self._send(name, key, encode(result), trace)
                self.metrics.step(step.name).count(topics.OUTCOMES.get(name, "passed_on"), time.perf_counter() - started)
                return
            except Exception as exc:  # unroutable or unsendable output: this record's problem, not the stream's
                reason = "too_large" if _too_large(exc) else "stage_error"
                result = Failure(self.stage, reason, f"could not send the result: {exc!r}", None)
        await self._dead_letter(result, event.value, trace)
        self.metrics.step(step.name).count("dead_letter", time.perf_counter() - started, result.reason)

    async def _apply(self, step: Step, event: faust.EventT, trace: Trace) -> Result:
        try:
            if step.intake:
                record = parse_raw_page(event.value, trace.origin, self.settings.max_page_bytes)
                if not record.get("fetched_at"):
                    # The raw record's timestamp: every article gets a time, and a replay the same one.
                    record["fetched_at"] = rfc3339(trace.raw_ms / 1000)
            else:
                record = decode(event.value)
            if step.reorder_grace_s is not None:
                result = step.logic(record, event.message.partition, trace.raw_ms)
            else:
                result = step.logic(record)
            if inspect.isawaitable(result):
                result = await asyncio.wait_for(result, self.settings.stage_timeout_s)
            return result
        except Rejected as rejected:
            return Failure(self.stage, rejected.reason, str(rejected), None)
        except asyncio.TimeoutError:
            return Failure(self.stage, "timeout", f"{step.name} took longer than {self.settings.stage_timeout_s:g} s", None)
        except Exception:  # a bug in a stage must cost one record, not the worker
            return Failure(self.stage, "stage_error", traceback.format_exc(limit=8), None)

    async def _dead_letter(self, failure: Failure, received: bytes, trace: Trace) -> None:
        # `original` is the message as this stage received it (lossless), not a half-processed record.
        letter = dead_letter(self.stage, failure.reason, failure.message, received)
        letter.setdefault("origin", trace.origin)
        try:
            await self._send(topics.DEAD_LETTERS, trace.origin, encode(letter), trace)
        except Exception as exc:
            if not _too_large(exc):
                raise  # the broker is unreachable: let Faust retry this record rather than lose it
            letter.update(original=None, error=f"{letter['error']} (original not kept: {exc!r})")
            letter.pop("original_base64", None)
            await self._send(topics.DEAD_LETTERS, trace.origin, encode(letter), trace)
        log.info("dead letter", extra={"stage": self.stage, "reason": failure.reason, "origin": trace.origin})

    async def _send(self, name: str, key: str, value: bytes, trace: Trace) -> None:
        sent = await self.topic(name).send(key=key.encode(), value=value, headers=trace.headers())
        await sent  # acknowledged before the source offset can be committed: at-least-once

    # Reordered steps.

    async def _release(self) -> None:
        assignments = self._assignments
        now = time.monotonic()
        for name, held in self._held.items():
            step = self.stage_steps[name]
            for event in held.due(now):
                await self._handle(step, event)
                event.ack()
                if self._assignments != assignments:
                    return  # partitions were revoked meanwhile: their next owner gets the rest again

    async def _drop_held(self, *args: Any, **kwargs: Any) -> None:
        # Not acknowledged, so redelivered to whoever owns their partitions after the rebalance.
        self._assignments += 1
        for held in self._held.values():
            held.clear()

    # Metrics.

    async def _log_metrics(self) -> None:
        if self.metrics.steps:
            log.info("metrics", extra={"stage": self.stage, "steps": self.metrics.snapshot()})

    def _metrics_page(self) -> Callable[[Any, Any], Awaitable[Any]]:
        async def metrics(view: Any, request: Any) -> Any:
            return view.json({"stage": self.stage, "steps": self.metrics.snapshot()})

        return metrics


def _too_large(exc: BaseException) -> bool:
    while exc is not None:
        if isinstance(exc, MessageSizeTooLargeError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False
