"""The records at the pipeline's edges: RawPage intake, DeadLetter, and what an Article holds.

The JSON Schemas in schemas/ are the authority; tests check these builders against them.
"""

from __future__ import annotations

import base64
import time
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

import orjson

from pipeline.stages.base import Record, Rejected
from pipeline.stages.urls import is_absolute_http

SCHEMA_VERSION = "1"

# Stable dead-letter reason codes: consumers alert and filter on these, so never rename one.
REASONS = {
    "too_large": "the raw record is larger than the configured limit",
    "undecodable": "the raw record is not valid UTF-8",
    "invalid_json": "the raw record is not JSON",
    "not_an_object": "the raw record is JSON but not an object",
    "missing_url": "the record has no url",
    "invalid_url": "the url is not an absolute http(s) URL",
    "invalid_field": "a field has the wrong type",
    "missing_content": "the record has neither html nor text",
    "no_article_text": "no article text could be extracted",
    "timeout": "the stage took longer than its per-record limit",
    "worker_crashed": "the process running the stage died on this record",
    "stage_error": "the stage failed unexpectedly (a bug: see error)",
}

ARTICLE_FIELDS = (
    "id", "url", "canonical_url", "domain", "site_name", "title", "text", "language",
    "language_confidence", "authors", "published_at", "fetched_at", "description", "keywords",
    "word_count", "reading_time_minutes", "image", "story_id", "duplicate_of", "content_hash",
    "schema_version",
)
OPTIONAL_ARTICLE_FIELDS = ("language_alt", "source")

_OPTIONAL_STRING_FIELDS = ("html", "text", "fetched_at", "source", "feed")


def rfc3339(epoch_s: float) -> str:
    """A moment as RFC 3339 in UTC, to the second: 2026-11-23T12:00:00Z."""
    return datetime.fromtimestamp(epoch_s, timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def now_rfc3339() -> str:
    return rfc3339(time.time())


def load_object(data: bytes | str) -> Record:
    """A JSON object, or Rejected (invalid_json, not_an_object)."""
    try:
        record = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise Rejected("invalid_json", f"not JSON: {exc}") from None
    if not isinstance(record, dict):
        raise Rejected("not_an_object", f"expected a JSON object, got {type(record).__name__}")
    return record


def parse_raw_page(data: bytes, origin: str, max_bytes: int) -> Record:
    """Validate one raw record; the RawPage dict with its `origin`, or Rejected with a stable reason."""
    if len(data) > max_bytes:
        raise Rejected("too_large", f"record is {len(data)} bytes, limit {max_bytes}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected("undecodable", f"not UTF-8: {exc}") from None
    page = load_object(text)
    url = page.get("url")
    if url is None or url == "":
        raise Rejected("missing_url", "record has no url")
    if not isinstance(url, str):
        raise Rejected("invalid_field", f"url must be a string, got {type(url).__name__}")
    parts = urlsplit(url.strip())
    if not is_absolute_http(parts):
        raise Rejected("invalid_url", f"not an absolute http(s) URL: {url[:200]!r}")
    for field in _OPTIONAL_STRING_FIELDS:
        if page.get(field) is not None and not isinstance(page[field], str):
            raise Rejected("invalid_field", f"{field} must be a string")
    if page.get("headers") is not None and not isinstance(page["headers"], dict):
        raise Rejected("invalid_field", "headers must be an object")
    if not (page.get("html") or "").strip() and not (page.get("text") or "").strip():
        raise Rejected("missing_content", "record has neither html nor text")
    page["url"] = url.strip()
    page["origin"] = origin
    return page


def dead_letter(stage: str, reason: str, error: str, original: Any) -> Record:
    """A DeadLetter; `original` is bytes (as received) or the record the stage was given."""
    letter: Record = {
        "stage": stage,
        "reason": reason,
        "error": error[:2000],
        "original": None,
        "received_at": now_rfc3339(),
        "schema_version": SCHEMA_VERSION,
    }
    if isinstance(original, (bytes, bytearray)):
        letter.update(_lossless(bytes(original)))
    else:
        letter["original"] = original
    if isinstance(letter["original"], dict):
        for field in ("url", "origin"):
            if isinstance(letter["original"].get(field), str):
                letter[field] = letter["original"][field]
    return letter


def _lossless(data: bytes) -> Record:
    """The received bytes as JSON: the object when they parse to one, else the exact text, else base64."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return {"original": None, "original_base64": base64.b64encode(data).decode("ascii")}
    try:
        parsed = orjson.loads(text)
    except orjson.JSONDecodeError:
        return {"original": text}
    return {"original": parsed if isinstance(parsed, dict) else text}


def article(doc: Record) -> Record:
    """The Article the contract promises, in a stable field order, internal fields dropped."""
    out = {field: doc.get(field) for field in ARTICLE_FIELDS}
    for field in OPTIONAL_ARTICLE_FIELDS:
        if doc.get(field) is not None:
            out[field] = doc[field]
    out["schema_version"] = SCHEMA_VERSION
    return out
