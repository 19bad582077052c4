"""JSON Lines in and out: files, gzip (by suffix), and `-` for stdin/stdout."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

import orjson


def read_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """(line number from 1, raw bytes) of every non-blank line; bytes stay undecoded so bad ones can be dead-lettered."""
    with _open_binary(path) as stream:
        for number, line in enumerate(stream, start=1):
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield number, line


@contextmanager
def _open_binary(path: str) -> Iterator[IO[bytes]]:
    if path == "-":
        yield sys.stdin.buffer
    elif path.endswith(".gz"):
        with gzip.open(path, "rb") as stream:
            yield stream
    else:
        with open(path, "rb") as stream:
            yield stream


class JsonlWriter:
    """Writes one JSON record per line; `-` is stdout, `.gz` is compressed, None discards."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.count = 0
        if path is None:
            self._stream: IO[bytes] | None = None
        elif path == "-":
            self._stream = sys.stdout.buffer
        elif path.endswith(".gz"):
            self._stream = gzip.open(path, "wb")
        else:
            self._stream = open(path, "wb")

    def write(self, record: Any) -> None:
        self.count += 1
        if self._stream is not None:
            self._stream.write(orjson.dumps(record) + b"\n")

    def flush(self) -> None:
        if self._stream is not None:
            self._stream.flush()

    def close(self) -> None:
        if self._stream is not None and self.path != "-":
            self._stream.close()
        elif self._stream is not None:
            self._stream.flush()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
