"""Records on the wire: orjson bytes, with the raw record's origin carried in message headers.

Every message a stage produces carries `origin` (topic/partition/offset of the pages.raw
record it came from), so whoever reads the outcome topics can tell which input each article,
duplicate or dead letter answers, and whether it has seen it before (redelivery). It also
carries `raw-timestamp`, the Kafka timestamp (ms) of that raw record: dedup orders records by
it, and a replay reads the same value back from the log.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from pipeline.records import load_object
from pipeline.stages.base import Record

ORIGIN_HEADER = "origin"
RAW_TIMESTAMP_HEADER = "raw-timestamp"


def encode(record: Record) -> bytes:
    return orjson.dumps(record)


def decode(data: bytes) -> Record:
    """A record a stage produced. Raw pages are not decoded here: the extract stage validates them."""
    return load_object(data)


def origin_of(topic: str, partition: int, offset: int) -> str:
    return f"{topic}/{partition}/{offset}"


def origin_header(origin: str, raw_ms: int | None = None) -> list[tuple[str, bytes]]:
    headers = [(ORIGIN_HEADER, origin.encode())]
    if raw_ms is not None:
        headers.append((RAW_TIMESTAMP_HEADER, str(raw_ms).encode()))
    return headers


def read_origin(headers: Mapping[str, Any] | list | tuple | None) -> str | None:
    """The origin header of a received message (Faust gives a dict, aiokafka a sequence of pairs)."""
    return _header(headers, ORIGIN_HEADER)


def read_raw_timestamp(headers: Mapping[str, Any] | list | tuple | None) -> int | None:
    value = _header(headers, RAW_TIMESTAMP_HEADER)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _header(headers: Mapping[str, Any] | list | tuple | None, name: str) -> str | None:
    if not headers:
        return None
    value = dict(headers).get(name)
    return value.decode() if isinstance(value, bytes) else value
