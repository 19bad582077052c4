"""The streaming layer without workers: the worker base's dead-lettering, the wire format, config, topics."""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass, field

import faust
import orjson
import pytest
from aiokafka.errors import MessageSizeTooLargeError
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth

from pipeline.settings import Settings
from pipeline.stages.base import Rejected
from pipeline.stream import topics
from pipeline.stream.codec import decode, encode, origin_header, read_origin
from pipeline.stream.kafka import client_options, faust_credentials, faust_options, message_limit
from pipeline.stream.run import settings_environment
from pipeline.stream.stages import WORKERS, DedupWorker, EnrichWorker
from pipeline.stream.worker import StageWorker, Step, Trace

SETTINGS = Settings(bootstrap_servers="127.0.0.1:1", stage_timeout_s=0.2)


RAW_MS = 1_780_000_000_000  # 2026-05-28T20:26:40Z


@dataclass
class Message:
    topic: str
    partition: int
    offset: int
    timestamp: float = RAW_MS / 1000


@dataclass
class Event:
    value: bytes
    message: Message
    headers: dict = field(default_factory=dict)


def event(value: bytes, topic: str = "pages.extracted", partition: int = 3, offset: int = 7, origin: str | None = None):
    return Event(value, Message(topic, partition, offset), dict(origin_header(origin)) if origin else {})


class Recorder(StageWorker):
    """A stage whose steps misbehave on demand; sends are captured instead of produced."""

    stage = "language"

    def steps(self) -> list[Step]:
        self.sent: list[tuple[str, str, dict, str]] = []
        self.traces: list[Trace] = []
        self.refuse: set[str] = set()
        return [
            Step("intake", topics.RAW, lambda page: page, lambda page: (topics.EXTRACTED, page["url"]), intake=True),
            Step("check", topics.EXTRACTED, self._check, lambda doc: (topics.IDENTIFIED, doc["url"])),
        ]

    def _check(self, doc):
        if doc.get("poison"):
            raise KeyError("a bug")
        if doc.get("reject"):
            raise Rejected("no_article_text", "nothing there")
        if doc.get("slow"):
            return asyncio.sleep(5, doc)
        return doc

    async def _send(self, name: str, key: str, value: bytes, trace: Trace) -> None:
        if name in self.refuse:
            raise MessageSizeTooLargeError("the message is too large")
        self.traces.append(trace)
        self.sent.append((name, key, orjson.loads(value), trace.origin))


@pytest.fixture()
def recorder() -> Recorder:
    return Recorder(SETTINGS)


def handle(recorder: Recorder, step: str, *events: Event) -> list[tuple[str, str, dict, str]]:
    async def all_of_them() -> None:
        for each in events:
            await recorder._handle(recorder.stage_steps[step], each)

    asyncio.run(all_of_them())
    return recorder.sent


def test_a_good_record_goes_on_with_its_origin(recorder) -> None:
    doc = {"url": "https://a.example/x", "text": "hello"}
    [(topic, key, value, origin)] = handle(recorder, "check", event(encode(doc), origin="pages.raw/1/2"))
    assert (topic, key, value, origin) == (topics.IDENTIFIED, "https://a.example/x", doc, "pages.raw/1/2")


def test_intake_validates_raw_bytes_and_sets_origin_from_where_the_message_sits(recorder) -> None:
    page = {"url": "https://a.example/x", "html": "<p>hi</p>", "fetched_at": "2025-06-03T09:00:00Z"}
    sent = handle(recorder, "intake", event(encode(page), topic="pages.raw", partition=5, offset=11, origin="forged"))
    assert sent == [(topics.EXTRACTED, page["url"], {**page, "origin": "pages.raw/5/11"}, "pages.raw/5/11")]


def test_intake_gives_a_page_without_fetch_time_its_raw_record_timestamp_and_passes_that_on(recorder) -> None:
    page = {"url": "https://a.example/x", "html": "<p>hi</p>"}
    raw = event(encode(page), topic="pages.raw", partition=5, offset=11)
    [(_, _, extracted, _)] = handle(recorder, "intake", raw)
    assert extracted["fetched_at"] == "2026-05-28T20:26:40Z"
    # Later stages read the raw timestamp from the header, not from their own message's timestamp.
    later = event(encode(extracted), origin="pages.raw/5/11")
    later.headers = dict(recorder.traces[0].headers())
    later.message.timestamp = RAW_MS / 1000 + 60
    handle(recorder, "check", later)
    assert recorder.traces == [Trace("pages.raw/5/11", RAW_MS)] * 2


@pytest.mark.parametrize("raw, reason, original", [
    (b'{"url": "https://a.example/x", "text": ', "invalid_json", '{"url": "https://a.example/x", "text": '),
    (b'{"text": "no url"}', "missing_url", {"text": "no url"}),
    (b"caf\xe9", "undecodable", None),
])
def test_a_bad_raw_record_becomes_a_lossless_dead_letter(recorder, raw, reason, original) -> None:
    [(topic, key, letter, origin)] = handle(recorder, "intake", event(raw, topic="pages.raw", partition=0, offset=4))
    assert (topic, key, origin) == (topics.DEAD_LETTERS, "pages.raw/0/4", "pages.raw/0/4")
    assert (letter["stage"], letter["reason"], letter["original"], letter["origin"]) == ("language", reason, original, origin)
    if original is None:
        assert base64.b64decode(letter["original_base64"]) == raw


def test_a_poison_message_costs_one_dead_letter_and_the_stream_goes_on(recorder, validators) -> None:
    poison = {"url": "https://a.example/p", "poison": True, "origin": "pages.raw/0/1"}
    good = {"url": "https://a.example/g"}
    sent = handle(recorder, "check", event(encode(poison), origin="pages.raw/0/1"), event(encode(good), origin="pages.raw/0/2"))
    [(topic, _key, letter, _origin), (next_topic, _, _, _)] = sent
    assert topic == topics.DEAD_LETTERS and next_topic == topics.IDENTIFIED
    assert letter["reason"] == "stage_error" and "KeyError: 'a bug'" in letter["error"]
    assert letter["original"] == poison and letter["url"] == poison["url"]
    validators["dead_letter"].validate(letter)
    assert recorder.metrics.snapshot()["check"]["outcomes"] == {"dead_letter": 1, "passed_on": 1}


def test_rejections_and_timeouts_are_dead_letters_with_their_reason(recorder) -> None:
    sent = handle(recorder, "check", event(encode({"url": "u", "reject": True})), event(encode({"url": "u", "slow": True})))
    assert [letter["reason"] for _, _, letter, _ in sent] == ["no_article_text", "timeout"]
    assert recorder.metrics.snapshot()["check"]["dead_letter_reasons"] == {"no_article_text": 1, "timeout": 1}


def test_an_unroutable_result_is_a_dead_letter(recorder) -> None:
    [(topic, _, letter, _)] = handle(recorder, "check", event(encode({"no_url": 1})))
    assert topic == topics.DEAD_LETTERS and letter["reason"] == "stage_error"


def test_a_result_too_large_to_send_is_a_dead_letter(recorder) -> None:
    recorder.refuse.add(topics.IDENTIFIED)
    [(topic, _, letter, _)] = handle(recorder, "check", event(encode({"url": "u"})))
    assert topic == topics.DEAD_LETTERS and letter["reason"] == "too_large"


def test_a_dead_letter_too_large_to_send_goes_without_its_original(recorder) -> None:
    calls = []

    async def send(name, key, value, origin):
        calls.append(orjson.loads(value))
        if len(calls) == 1:
            raise MessageSizeTooLargeError("too large")

    recorder._send = send
    handle(recorder, "check", event(encode({"url": "u", "poison": True})))
    assert calls[0]["original"] == {"url": "u", "poison": True}
    assert calls[1]["original"] is None and "original not kept" in calls[1]["error"]


def test_a_broker_failure_is_not_swallowed(recorder) -> None:
    async def send(name, key, value, origin):
        raise ConnectionError("broker gone")

    recorder._send = send
    with pytest.raises(ConnectionError):
        handle(recorder, "check", event(encode({"url": "u", "poison": True})))


def test_articles_and_duplicates_are_keyed_for_their_consumers() -> None:
    route = EnrichWorker(SETTINGS).stage_steps["enrich"].route
    assert route({"id": "a1", "duplicate_of": None}) == (topics.CLEAN, "a1")
    assert route({"id": "a2", "duplicate_of": "a1"}) == (topics.DUPLICATES, "a1")


def test_every_stage_has_a_worker_and_a_consumer_group_of_its_own() -> None:
    assert tuple(WORKERS) == topics.STAGES
    groups = {WORKERS[stage](SETTINGS.with_overrides(topic_prefix="p.")).app.conf.id for stage in ("language", "enrich")}
    assert groups == {"p.newsfeed-language", "p.newsfeed-enrich"}


def test_wire_format_round_trip_and_origin_header() -> None:
    doc = {"url": "https://a.example/é", "n": [1, 2.5, None]}
    assert decode(encode(doc)) == doc
    with pytest.raises(Rejected) as not_object:
        decode(b"[1, 2]")
    assert not_object.value.reason == "not_an_object"
    assert read_origin(dict(origin_header("pages.raw/1/2"))) == "pages.raw/1/2"
    assert read_origin(((b"x", b"y"), ("origin", b"pages.raw/3/4"))) == "pages.raw/3/4"
    assert read_origin(None) is None


def test_topics_get_the_prefix_partitions_and_room_for_big_pages() -> None:
    settings = Settings(topic_prefix="test.", partitions=6, max_page_bytes=10 * 1024 * 1024)
    assert settings.topic(topics.RAW) == "test.pages.raw"
    assert topics.partitions(settings, topics.RAW) == 6
    assert topics.partitions(settings, topics.SEQUENCED) == 1
    # A dead letter of a 10 MB page that is not UTF-8 is base64: 4/3 bigger, plus the envelope.
    assert message_limit(settings) > 4 / 3 * settings.max_page_bytes + 64 * 1024


def test_plaintext_config() -> None:
    settings = Settings(bootstrap_servers="k1:9092, k2:9092", session_timeout_s=6)
    assert client_options(settings) == {"bootstrap_servers": "k1:9092, k2:9092", "security_protocol": "PLAINTEXT"}
    options = faust_options(settings)
    assert options["broker"] == ["kafka://k1:9092", "kafka://k2:9092"]
    assert options["broker_credentials"] is None and options["web_enabled"] is False
    assert options["broker_session_timeout"] == 6
    assert options["producer_max_request_size"] == options["consumer_max_fetch_size"] == message_limit(settings)


def test_sasl_over_tls_config_reaches_aiokafka_and_faust_alike() -> None:
    settings = Settings(bootstrap_servers="k:9093", security_protocol="sasl_ssl", sasl_mechanism="scram-sha-512",
                        sasl_username="newsfeed", sasl_password="secret")
    options = client_options(settings)
    assert options["security_protocol"] == "SASL_SSL" and options["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (options["sasl_plain_username"], options["sasl_plain_password"]) == ("newsfeed", "secret")
    assert options["ssl_context"] is not None
    via_faust = credentials_to_aiokafka_auth(faust_credentials(settings))
    assert {k: via_faust[k] for k in ("security_protocol", "sasl_mechanism", "sasl_plain_username")} == \
        {k: options[k] for k in ("security_protocol", "sasl_mechanism", "sasl_plain_username")}


def test_tls_without_sasl_config() -> None:
    settings = Settings(bootstrap_servers="k:9093", security_protocol="SSL")
    assert client_options(settings)["security_protocol"] == "SSL"
    assert isinstance(faust_credentials(settings), faust.SSLCredentials)
    assert credentials_to_aiokafka_auth(faust_credentials(settings))["security_protocol"] == "SSL"


def test_workers_started_by_run_get_the_same_settings() -> None:
    settings = Settings(bootstrap_servers="127.0.0.1:9", topic_prefix="x.", partitions=3, stage_timeout_s=2.5,
                        sasl_mechanism="PLAIN")
    assert Settings.from_env(settings_environment(settings)) == settings


def test_dedup_table_rows_read_back_from_the_changelog_as_dicts() -> None:
    # Typed `dict`, Faust would decode a row as a Model and a restarting worker would stall in recovery.
    worker = DedupWorker(SETTINGS)
    for table in (worker.story_rows, *(sweeper.table for sweeper in worker.sweepers.values())):
        row = worker.app.serializers.loads_value(table.value_type, b'{"id": "a", "t": 1.5}', serializer=table.value_serializer)
        assert row == {"id": "a", "t": 1.5}
