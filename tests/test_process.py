"""`newsfeed process` end to end on small fixtures: outcomes, schemas, duplicates, determinism."""

from __future__ import annotations

import json
import subprocess
import sys

import orjson
import pytest

from pipeline.process import Processor
from pipeline.settings import Settings

from .conftest import FIXTURES, load_jsonl


def raw_lines(pages: list[dict], extra: list[bytes] = ()) -> list[tuple[int, bytes]]:
    lines = [orjson.dumps(page) for page in pages] + list(extra)
    return list(enumerate(lines, start=1))


GARBAGE = [
    b'{"url": "https://broken.example/a", "text": ',
    b'{"text": "no url here"}',
    b'{"url": "https://empty.example/a"}',
    b'{"url": "https://bytes.example/a", "text": "caf\xe9"}',
    b'{"url": "https://nothing.example/a", "html": "<html><body><nav>Home</nav></body></html>"}',
]


@pytest.fixture(scope="module")
def mixed_batch(seed_pages, html_pages) -> list[tuple[int, bytes]]:
    resent = dict(html_pages[0])
    variant = dict(html_pages[1], url=html_pages[1]["url"] + ("&" if "?" in html_pages[1]["url"] else "?") + "utm_source=newsletter&utm_medium=email")
    return raw_lines(seed_pages + html_pages + [resent, variant], GARBAGE)


@pytest.fixture(scope="module")
def outcomes(mixed_batch):
    return list(Processor(Settings(), processes=0).run(mixed_batch))


def test_every_input_leaves_exactly_once(outcomes, mixed_batch) -> None:
    assert len(outcomes) == len(mixed_batch)
    kinds = [o.kind for o in outcomes]
    assert kinds.count("article") == 5
    assert kinds.count("duplicate") == 2
    assert kinds.count("dead_letter") == len(GARBAGE)


def test_every_output_matches_its_schema(outcomes, validators) -> None:
    for outcome in outcomes:
        validators["dead_letter" if outcome.kind == "dead_letter" else "article"].validate(outcome.record)


def test_dead_letter_reasons(outcomes) -> None:
    reasons = [o.record["reason"] for o in outcomes if o.kind == "dead_letter"]
    assert reasons == ["invalid_json", "missing_url", "missing_content", "undecodable", "no_article_text"]


def test_resent_page_and_utm_variant_are_duplicates(outcomes, html_pages) -> None:
    articles = {o.record["url"]: o.record for o in outcomes if o.kind == "article"}
    duplicates = [o.record for o in outcomes if o.kind == "duplicate"]
    assert duplicates[0]["duplicate_of"] == articles[html_pages[0]["url"]]["id"]
    assert duplicates[1]["duplicate_of"] == articles[html_pages[1]["url"]]["id"]
    assert duplicates[1]["story_id"] == articles[html_pages[1]["url"]]["story_id"]


def test_seeds_are_two_english_articles_of_one_story(outcomes, seed_pages) -> None:
    seeds = [o.record for o in outcomes[:2]]
    assert [o.kind for o in outcomes[:2]] == ["article", "article"]
    assert [s["url"] for s in seeds] == [p["url"] for p in seed_pages]
    assert all(s["language"] == "en" and s["duplicate_of"] is None for s in seeds)
    assert seeds[0]["story_id"] == seeds[1]["story_id"]
    assert seeds[0]["id"] != seeds[1]["id"]
    for boilerplate in ("Homepage News", "Others are reading now", "Shutterstock", "Share the article", "TrumpRx"):
        assert all(boilerplate not in s["text"] for s in seeds)


def test_html_articles_have_their_body(outcomes) -> None:
    truth = {t["url"]: t["body"] for t in load_jsonl(FIXTURES / "pages" / "html_truth.jsonl")}
    for outcome in outcomes:
        if outcome.kind == "article" and outcome.record["url"] in truth:
            first_paragraph = truth[outcome.record["url"]].split("\n")[0][:60]
            assert first_paragraph in outcome.record["text"]


def comparable(outcome) -> bytes:
    record = dict(outcome.record)
    record.pop("received_at", None)
    return orjson.dumps([outcome.kind, record], option=orjson.OPT_SORT_KEYS)


def test_same_input_twice_gives_identical_output(outcomes, mixed_batch) -> None:
    again = list(Processor(Settings(), processes=0).run(mixed_batch))
    assert [comparable(o) for o in again] == [comparable(o) for o in outcomes]


def test_child_processes_give_the_same_output_as_one_process(outcomes, mixed_batch) -> None:
    pooled = list(Processor(Settings(), processes=2).run(mixed_batch))
    assert [comparable(o) for o in pooled] == [comparable(o) for o in outcomes]


def test_process_command_writes_the_three_files(tmp_path, mixed_batch) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(line for _, line in mixed_batch) + b"\n")
    out, dups, dead = tmp_path / "out.jsonl", tmp_path / "dups.jsonl", tmp_path / "dead.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "process", "-i", str(source), "-o", str(out),
         "--duplicates", str(dups), "--dead-letters", str(dead), "--processes", "1"],
        capture_output=True, text=True, timeout=300, check=True,
    )
    assert "pages=12 articles=5 duplicates=2 dead_letters=5" in done.stderr
    assert [len(load_jsonl(p)) for p in (out, dups, dead)] == [5, 2, 5]
    assert [json.loads(line)["url"] for line in out.read_text().splitlines()][:2] == [
        p["url"] for p in load_jsonl(FIXTURES / "pages" / "seeds.jsonl")
    ]


def site_pages(count: int) -> list[dict]:
    """Pages of one site: each its own article, all ending with the same publisher blurb."""
    import random

    rng = random.Random(7)
    words = ("council budget river bridge school mayor vote plan city road park water tax "
             "police report market festival museum station harbour library clinic").split()
    pages = []
    for n in range(count):
        paragraphs = [
            " ".join(rng.choice(words) for _ in range(14)).capitalize() + f" on day {n} of the month."
            for _ in range(5)
        ]
        text = "\n".join([*paragraphs, BLURB])
        pages.append({"url": f"https://www.planet-daily.example/local/story-{n}", "text": text})
    return pages


BLURB = "The Planet Daily is published by Planet Media Group and has served readers across the county since 1938."


def test_site_template_is_learned_and_independent_of_child_processes() -> None:
    from pipeline.process import TEMPLATE_LAG

    batch = raw_lines(site_pages(TEMPLATE_LAG + 20))
    inline = list(Processor(Settings(), processes=0).run(batch))
    pooled = list(Processor(Settings(), processes=2).run(batch))
    assert [comparable(o) for o in pooled] == [comparable(o) for o in inline]
    texts = [o.record["text"] for o in inline]
    assert all(BLURB in text for text in texts[:TEMPLATE_LAG])
    assert all(BLURB not in text for text in texts[TEMPLATE_LAG + 10:])
    assert all("on day" in text for text in texts)
