from __future__ import annotations

import base64
import json
from pathlib import Path

import orjson
import pytest

from pipeline.records import ARTICLE_FIELDS, REASONS, SCHEMA_VERSION, article, dead_letter, parse_raw_page
from pipeline.stages.base import Rejected

LIMIT = 1000


def reason_of(data: bytes, limit: int = LIMIT) -> str:
    with pytest.raises(Rejected) as caught:
        parse_raw_page(data, "line:1", limit)
    return caught.value.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"url": "https://a.example/x", "text": "' + b"x" * 2000 + b'"}', "too_large"),
        (b'{"url": "https://a.example/x", "text": "caf\xe9"}', "undecodable"),
        (b'{"url": "https://a.example/x", "text": ', "invalid_json"),
        (b'["https://a.example/x"]', "not_an_object"),
        (b'{"text": "hello"}', "missing_url"),
        (b'{"url": "", "text": "hello"}', "missing_url"),
        (b'{"url": 17, "text": "hello"}', "invalid_field"),
        (b'{"url": "ftp://a.example/x", "text": "hello"}', "invalid_url"),
        (b'{"url": "/relative/path", "text": "hello"}', "invalid_url"),
        # A port that is no number a server listens on: every URL step downstream raised on it.
        (b'{"url": "https://a.example:{{port}}/x", "text": "hello"}', "invalid_url"),
        (b'{"url": "https://a.example:99999/x", "text": "hello"}', "invalid_url"),
        (b'{"url": "https://a.example/x", "html": 5}', "invalid_field"),
        (b'{"url": "https://a.example/x", "text": "x", "headers": []}', "invalid_field"),
        (b'{"url": "https://a.example/x"}', "missing_content"),
        (b'{"url": "https://a.example/x", "html": "  ", "text": ""}', "missing_content"),
    ],
)
def test_bad_raw_records_get_a_stable_reason(data: bytes, reason: str) -> None:
    assert reason_of(data) == reason
    assert reason in REASONS


def test_valid_page_keeps_every_field_and_gets_its_origin() -> None:
    page = parse_raw_page(b'{"url": " https://a.example/x ", "text": "t", "feed": "f", "extra": 1}', "line:7", LIMIT)
    assert page == {"url": "https://a.example/x", "text": "t", "feed": "f", "extra": 1, "origin": "line:7"}


@pytest.mark.parametrize(
    "data",
    [b'{"url": "https://a.example/x"}', b"not json at all", b'"a string"', b"\xff\xfe\x00binary"],
)
def test_dead_letter_keeps_the_original_losslessly(data: bytes, validators) -> None:
    letter = dead_letter("extract", "invalid_json", "boom", data)
    validators["dead_letter"].validate(letter)
    if letter["original"] is None:
        assert base64.b64decode(letter["original_base64"]) == data
    elif isinstance(letter["original"], str):
        assert letter["original"].encode() == data
    else:
        assert letter["original"] == json.loads(data)


def test_dead_letter_of_a_record_names_its_url_and_origin(validators) -> None:
    letter = dead_letter("language", "stage_error", "x", {"url": "https://a.example/", "origin": "pages.raw/0/5"})
    validators["dead_letter"].validate(letter)
    assert (letter["url"], letter["origin"]) == ("https://a.example/", "pages.raw/0/5")


def test_every_reason_code_is_in_the_schema() -> None:
    schema = json.loads((Path(__file__).parent.parent / "schemas" / "dead_letter.v1.json").read_text())
    assert set(schema["properties"]["reason"]["enum"]) == set(REASONS)


def test_article_fields_match_the_schema() -> None:
    schema = json.loads((Path(__file__).parent.parent / "schemas" / "article.v1.json").read_text())
    assert set(ARTICLE_FIELDS) <= set(schema["properties"])
    assert set(schema["required"]) <= set(ARTICLE_FIELDS)
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_article_drops_internal_fields() -> None:
    out = article({"id": "x", "origin": "line:1", "language_hints": {}, "page_canonical_url": None, "source": "s"})
    assert "origin" not in out and "language_hints" not in out
    assert out["source"] == "s"
    assert list(out)[: len(ARTICLE_FIELDS)] == list(ARTICLE_FIELDS)
    assert orjson.loads(orjson.dumps(out)) == out
