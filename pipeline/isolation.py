"""Run CPU-heavy stage work in child processes with a per-record time limit.

Pathological pages (multi-megabyte tables, deeply nested markup) can make an extractor
spin for minutes or take the interpreter down. As in datatrove's extractors, the work
runs in a child process; a child that overruns its limit is killed and replaced, a child
that dies is replaced, and the caller gets an outcome it can dead-letter. It also keeps
a Faust worker's event loop free to heartbeat while pages are being extracted.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from pipeline.stages.base import Record, Rejected, Stage

log = logging.getLogger(__name__)

# spawn, not fork: the parent may be an asyncio worker with threads and open sockets.
_CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class Failure:
    """A record that must become a dead letter: which stage, why, and what that stage was given."""

    stage: str
    reason: str
    message: str
    record: Any


class ChildFailed(Exception):
    """The child did not return a result: it ran out of time or died."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def run_stages(stages: list[Stage], record: Record) -> Record | Failure:
    """Run `stages` in order: the final record, or the Failure of the stage that gave up on it."""
    current = record
    for stage in stages:
        try:
            current = stage.run(current)
        except Rejected as rejected:
            return Failure(stage.name, rejected.reason, str(rejected), current)
        except Exception:  # a bug in a stage must cost one record, not the worker
            return Failure(stage.name, "stage_error", traceback.format_exc(limit=8), current)
    return current


def _child_main(conn: Connection, build_stages: Callable[[], list[Stage]]) -> None:
    stages = build_stages()
    conn.send(("ready",))
    while True:
        try:
            record = conn.recv()
        except EOFError:
            return
        conn.send(run_stages(stages, record))


class ChildProcess:
    """One child process that runs the stages `build_stages()` builds, one record at a time."""

    def __init__(self, build_stages: Callable[[], list[Stage]], start_timeout: float = 120.0, wait: bool = True) -> None:
        self._build_stages = build_stages
        self._start_timeout = start_timeout
        self._spawn()
        if wait:
            self.wait_ready()

    def _spawn(self) -> None:
        parent_end, child_end = _CONTEXT.Pipe()
        self._process = _CONTEXT.Process(target=_child_main, args=(child_end, self._build_stages), daemon=True)
        self._process.start()
        child_end.close()
        self._conn = parent_end

    def wait_ready(self) -> None:
        """Block until the child has built its stages (imports and models take seconds)."""
        try:
            if not self._conn.poll(self._start_timeout):
                raise EOFError
            self._conn.recv()
        except EOFError:
            self.close()
            raise RuntimeError(f"stage child process did not start (exit code {self._process.exitcode})") from None

    def _start(self) -> None:
        self._spawn()
        self.wait_ready()

    def call(self, record: Record, timeout: float) -> Record | Failure:
        try:
            self._conn.send(record)
            if self._conn.poll(timeout):
                return self._conn.recv()
            failure = ChildFailed("timeout", f"stage took longer than {timeout:g} s")
        except (EOFError, OSError, BrokenPipeError):
            failure = ChildFailed("worker_crashed", f"stage process died (exit code {self._process.exitcode})")
        log.warning("replacing stage child process", extra={"reason": failure.reason, "url": record.get("url")})
        self.close()
        self._start()
        raise failure

    def close(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join(timeout=5)
        self._conn.close()


class ChildPool:
    """A fixed set of child processes; `call` is blocking and thread-safe (one record per child).

    `stage` names the work in the dead letters of records whose child timed out or died.
    """

    def __init__(self, build_stages: Callable[[], list[Stage]], size: int, timeout: float, stage: str) -> None:
        self.timeout = timeout
        self.stage = stage
        # Start every child before waiting for any: their start-up costs overlap.
        self._children = [ChildProcess(build_stages, wait=False) for _ in range(max(1, size))]
        for child in self._children:
            child.wait_ready()
        self._idle: queue.Queue[ChildProcess] = queue.Queue()
        for child in self._children:
            self._idle.put(child)

    @property
    def size(self) -> int:
        return len(self._children)

    def call(self, record: Record) -> Record | Failure:
        child = self._idle.get()
        try:
            return child.call(record, self.timeout)
        except ChildFailed as failed:
            return Failure(self.stage, failed.reason, str(failed), record)
        finally:
            self._idle.put(child)

    def close(self) -> None:
        for child in self._children:
            child.close()

    def __enter__(self) -> ChildPool:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
