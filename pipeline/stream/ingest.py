"""Raw pages into pages.raw: from JSONL, WARC files, or a directory of .html files.

JSONL lines are published byte for byte, unparsed: validating them is the extract stage's
job, and a line that is not a valid RawPage must leave the pipeline as a dead letter that
holds it exactly.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson
from aiokafka import AIOKafkaProducer

from pipeline.jsonl import read_lines
from pipeline.settings import Settings
from pipeline.stream import topics
from pipeline.stream.codec import origin_of
from pipeline.stream.kafka import client_options, message_limit

log = logging.getLogger(__name__)

# Sends in flight before waiting for their acknowledgements.
_WINDOW = 500


def raw_records(path: str, base_url: str | None = None) -> Iterator[bytes]:
    """The raw records of one input: a JSONL file (.gz, or - for stdin), a WARC file, or a directory of .html."""
    if path != "-" and Path(path).is_dir():
        yield from _html_directory(Path(path), base_url)
    elif ".warc" in Path(path).name:
        yield from _warc(path)
    else:
        for _number, line in read_lines(path):
            yield line


def _warc(path: str) -> Iterator[bytes]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            body = record.content_stream().read()
            page = {
                "url": record.rec_headers.get_header("WARC-Target-URI"),
                "html": body.decode(_charset(content_type) or "utf-8", "replace"),
                "fetched_at": record.rec_headers.get_header("WARC-Date"),
                "status": int(record.http_headers.get_statuscode() or 0) or None,
                "headers": dict(record.http_headers.headers),
            }
            yield orjson.dumps({key: value for key, value in page.items() if value is not None})


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip("\"' ")
            try:
                "".encode(charset)
            except LookupError:
                return None
            return charset
    return None


def _html_directory(directory: Path, base_url: str | None) -> Iterator[bytes]:
    for path in sorted(directory.rglob("*.htm*")):
        html = path.read_bytes().decode("utf-8", "replace")
        url = _declared_url(html) or (f"{base_url.rstrip('/')}/{path.relative_to(directory).as_posix()}" if base_url else None)
        if url is None:
            log.warning("skipped: the page declares no URL (rel=canonical, og:url) and no --base-url was given",
                        extra={"path": str(path)})
            continue
        yield orjson.dumps({"url": url, "html": html, "source": str(path)})


def _declared_url(html: str) -> str | None:
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for found in tree.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"):
        if found.strip().startswith(("http://", "https://")):
            return found.strip()
    return None


def key_of(data: bytes) -> bytes | None:
    """The message key (the page's url) when the record parses far enough to have one."""
    try:
        url = orjson.loads(data).get("url")
    except (orjson.JSONDecodeError, AttributeError):
        return None
    return url.encode() if isinstance(url, str) else None


def producer(settings: Settings) -> AIOKafkaProducer:
    return AIOKafkaProducer(**client_options(settings), acks="all", linger_ms=5,
                            max_request_size=message_limit(settings))


async def publish(settings: Settings, records: Iterable[bytes]) -> list[str]:
    """Publish raw records to pages.raw; the origin (topic/partition/offset) of each, in order."""
    topic = settings.topic(topics.RAW)
    origins: list[str] = []
    client = producer(settings)
    await client.start()
    try:
        pending: list[asyncio.Future] = []
        for data in records:
            pending.append(await client.send(topic, data, key=key_of(data)))
            if len(pending) >= _WINDOW:
                origins += [origin_of(m.topic, m.partition, m.offset) for m in await asyncio.gather(*pending)]
                pending = []
        origins += [origin_of(m.topic, m.partition, m.offset) for m in await asyncio.gather(*pending)]
    finally:
        await client.stop()
    return origins
