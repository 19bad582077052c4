"""The embedded broker's life cycle, and reading inputs for `ingest` / `run`."""

from __future__ import annotations

import asyncio
import io

import orjson
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.stream.broker import EmbeddedBroker, answers
from pipeline.stream.ingest import key_of, raw_records


def test_embedded_broker_answers_while_running_and_is_gone_after() -> None:
    with EmbeddedBroker() as broker:
        assert broker.running
        assert asyncio.run(answers(broker.bootstrap_servers))
    assert not broker.running
    assert not asyncio.run(answers(broker.bootstrap_servers, timeout=1.0))


def test_jsonl_lines_are_published_byte_for_byte(tmp_path) -> None:
    lines = [b'{"url": "https://a.example/x", "text": "caf\xc3\xa9"}', b"not json at all"]
    path = tmp_path / "pages.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n\n")
    assert list(raw_records(str(path))) == lines
    assert [key_of(line) for line in lines] == [b"https://a.example/x", None]


def test_warc_responses_become_raw_pages(tmp_path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, content_type, body in [
            ("https://a.example/story", "text/html; charset=iso-8859-1", "<p>Caf\xe9 news</p>".encode("latin-1")),
            ("https://a.example/logo.png", "image/png", b"\x89PNG"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    [page] = [orjson.loads(record) for record in raw_records(str(path))]
    assert page["url"] == "https://a.example/story" and page["html"] == "<p>Caf\xe9 news</p>"
    assert page["status"] == 200 and page["headers"]["Content-Type"].startswith("text/html")
    assert page["fetched_at"].startswith("20")


def test_a_directory_of_html_uses_the_declared_url_or_the_base_url(tmp_path) -> None:
    (tmp_path / "a.html").write_text('<html><head><link rel="canonical" href="https://a.example/one"></head>'
                                     "<body><p>One</p></body></html>")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>Two</p></body></html>")
    assert [orjson.loads(r)["url"] for r in raw_records(str(tmp_path))] == ["https://a.example/one"]
    urls = [orjson.loads(r)["url"] for r in raw_records(str(tmp_path), base_url="https://b.example/pages/")]
    assert urls == ["https://a.example/one", "https://b.example/pages/sub/b.html"]


def test_ingested_records_can_be_tailed_back(capsysbinary) -> None:
    from pipeline.settings import Settings
    from pipeline.stream.ingest import publish
    from pipeline.stream.tail import tail
    from pipeline.stream.topics import RAW, create_topics

    records = [b'{"url": "https://a.example/1", "text": "one"}', b"garbage"]
    with EmbeddedBroker() as broker:
        settings = Settings(bootstrap_servers=broker.bootstrap_servers, topic_prefix="io.", partitions=2)
        asyncio.run(create_topics(settings))
        origins = asyncio.run(publish(settings, records))
        assert all(origin.startswith("io.pages.raw/") for origin in origins) and len(set(origins)) == 2
        assert asyncio.run(tail(settings, RAW, follow=False)) == 2
    assert sorted(capsysbinary.readouterr().out.splitlines()) == sorted(records)
