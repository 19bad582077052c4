from __future__ import annotations

import pytest

from pipeline.stages.urls import article_id, canonical_url, registrable_domain, strip_tracking, url_key


def test_tracking_parameters_and_fragment_are_stripped() -> None:
    url = "https://News.Example.com:443/a/story?id=4&utm_source=tw&utm_medium=social&fbclid=abc#comments"
    assert strip_tracking(url) == "https://news.example.com/a/story?id=4"


def test_meaningful_parameters_and_ports_stay() -> None:
    assert strip_tracking("http://example.com:8080/view?article=12&page=2") == "http://example.com:8080/view?article=12&page=2"


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.example.com/news/story-1",
        "http://example.com/news/story-1/",
        "https://m.example.com/news/story-1?utm_campaign=x",
        "https://amp.example.com/news/story-1/amp",
        "https://www.example.com/news/story-1#top",
    ],
)
def test_url_variants_share_one_key_and_id(variant: str) -> None:
    assert url_key(variant) == "example.com/news/story-1"
    assert article_id(variant) == article_id("https://example.com/news/story-1")


def test_different_articles_have_different_ids() -> None:
    assert article_id("https://example.com/news/story-1") != article_id("https://example.com/news/story-2")
    assert article_id("https://example.com/view?id=1") != article_id("https://example.com/view?id=2")


def test_page_canonical_is_used_when_plausible() -> None:
    assert canonical_url("https://m.example.com/s?utm_source=x", "https://example.com/s") == "https://example.com/s"
    assert canonical_url("https://example.com/a/b", "/a/b?ref=home") == "https://example.com/a/b"


@pytest.mark.parametrize("declared", ["https://example.com/", "/", "javascript:void(0)", "mailto:x@example.com",
                                      # a template's placeholder for the port: dedup raised on it and dead-lettered the page
                                      "https://example.com:{{port}}/2024/05/story", "https://example.com:99999/2024/05/story"])
def test_implausible_canonicals_are_ignored(declared: str) -> None:
    assert canonical_url("https://example.com/2024/05/story", declared) == "https://example.com/2024/05/story"


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://news.bbc.co.uk/x", "bbc.co.uk"),
        ("https://www.lemonde.fr/a", "lemonde.fr"),
        ("https://someone.blogspot.com/p", "someone.blogspot.com"),
        ("http://127.0.0.1:8000/x", "127.0.0.1"),
    ],
)
def test_registrable_domain_uses_bundled_suffix_list(url: str, domain: str) -> None:
    assert registrable_domain(url) == domain


def test_an_ipv6_host_keeps_its_brackets() -> None:
    # Without them "http://[2001:db8::1]:8080/a" became "http://2001:db8::1:8080/a", which no one can
    # fetch and whose key raised on its "port".
    assert canonical_url("http://[2001:db8::1]:8080/a?utm_source=x") == "http://[2001:db8::1]:8080/a"
    assert url_key("http://[::1]/a/") == "[::1]/a" and len(article_id("http://[::1]/a")) == 32
