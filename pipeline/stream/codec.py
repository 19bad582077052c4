"""Records on the wire: orjson bytes, with the raw record's origin carried in a message header.

Every message a stage produces carries `origin` (topic/partition/offset of the pages.raw
record it came from), so whoever reads the outcome topics can tell which input each article,
duplicate or dead letter answers, and whether it has seen it before (redelivery).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from pipeline.stages.base import Record, Rejected

ORIGIN_HEADER = "origin"


def encode(record: Record) -> bytes:
    return orjson.dumps(record)


def decode(data: bytes) -> Record:
    """A record a stage produced. Raw pages are not decoded here: the extract stage validates them."""
    try:
        record = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise Rejected("invalid_json", f"not JSON: {exc}") from None
    if not isinstance(record, dict):
        raise Rejected("not_an_object", f"expected a JSON object, got {type(record).__name__}")
    return record


def origin_of(topic: str, partition: int, offset: int) -> str:
    return f"{topic}/{partition}/{offset}"


def origin_header(origin: str) -> list[tuple[str, bytes]]:
    return [(ORIGIN_HEADER, origin.encode())]


def read_origin(headers: Mapping[str, Any] | list | tuple | None) -> str | None:
    """The origin header of a received message (Faust gives a dict, aiokafka a sequence of pairs)."""
    if not headers:
        return None
    value = dict(headers).get(ORIGIN_HEADER)
    return value.decode() if isinstance(value, bytes) else value
