"""The pipeline through the embedded broker and real worker processes (slow: marked integration)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from collections import Counter, defaultdict

import orjson
import pytest

from pipeline.process import Processor
from pipeline.settings import Settings
from pipeline.stream import topics

from ..conftest import FIXTURES
from ..test_process import GARBAGE
from .conftest import final_metrics, run_batch, settings_for, workers

pytestmark = pytest.mark.integration

STAGE_COUNTS = {"extract": 2, "language": 1, "dedup": 1, "enrich": 1}
_WORDS = ("harbour council budget river festival vaccine election museum railway drought orchestra "
          "factory satellite glacier tribunal vineyard airport library hospital stadium bridge school "
          "minister farmer teacher engineer pilot nurse mayor judge striker painter").split()


def synthetic_pages(count: int) -> list[dict]:
    """Distinct text-only articles (no two share a story): enough records to spread over partitions."""
    pages = []
    for number in range(count):
        rng = random.Random(number)
        paragraphs = [" ".join(rng.choice(_WORDS) for _ in range(40)).capitalize() + "." for _ in range(5)]
        title = f"Report {number}: " + " ".join(rng.sample(_WORDS, 4))
        pages.append({"url": f"https://news{number}.example/stories/{number}", "text": "\n".join([title, *paragraphs]),
                      "fetched_at": "2025-06-03T09:00:00Z"})
    return pages


@pytest.fixture(scope="module")
def batch(seed_pages, html_pages) -> list[bytes]:
    """Seeds, real pages, a re-send, a tracking-parameter variant, garbage, and synthetic articles."""
    resent = dict(html_pages[0])
    variant = dict(html_pages[1], url=html_pages[1]["url"] + ("&" if "?" in html_pages[1]["url"] else "?") + "utm_source=x")
    pages = seed_pages + html_pages + [resent, variant] + synthetic_pages(8)
    return [orjson.dumps(page) for page in pages] + list(GARBAGE)


@pytest.fixture(scope="module")
def reference(batch) -> dict:
    """`newsfeed process` on the same batch: what the stream must agree with."""
    outcomes = list(Processor(Settings(), processes=0).run(enumerate(batch, start=1)))
    return {
        "kinds": Counter(outcome.kind for outcome in outcomes),
        "articles": {o.record["id"]: o.record["text"] for o in outcomes if o.kind == "article"},
        "reasons": Counter(o.record["reason"] for o in outcomes if o.kind == "dead_letter"),
    }


def by_origin(seen):
    outcomes = defaultdict(list)
    for kind, origin, record in seen:
        outcomes[origin].append((kind, record))
    return outcomes


def test_run_until_idle_prints_the_seed_articles_through_four_workers(validators) -> None:
    seeds = FIXTURES / "pages" / "seeds.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--until-idle", "-i", str(seeds), "--worker-log-level", "INFO"],
        capture_output=True, timeout=300, env={**os.environ, "NEWSFEED_SESSION_TIMEOUT_S": "6", "NEWSFEED_PROCESSES": "1"},
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    articles = [json.loads(line) for line in done.stdout.splitlines()]
    expected = [o.record for o in Processor(Settings(), processes=0).run(enumerate(seeds.read_bytes().splitlines(), 1))]
    assert sorted(a["id"] for a in articles) == sorted(a["id"] for a in expected)
    assert {a["id"]: a["text"] for a in articles} == {a["id"]: a["text"] for a in expected}
    for article in articles:
        validators["article"].validate(article)
    stderr = done.stderr.decode()
    assert "pages=2 articles=2 duplicates=0 dead_letters=0" in stderr
    for stage in topics.STAGES:  # four groups, each joined by its own worker process
        assert f"Joined group 'newsfeed-{stage}'" in stderr


def test_every_input_leaves_exactly_once_and_two_extract_workers_share_the_work(
        broker, batch, reference, tmp_path, validators) -> None:
    settings = settings_for(broker, "mixed")
    with workers(settings, STAGE_COUNTS, tmp_path):
        origins, seen = run_batch(settings, batch)
    outcomes = by_origin(seen)
    assert set(outcomes) == set(origins) and len(origins) == len(batch)
    assert all(len(found) == 1 for found in outcomes.values()), "an input came out more than once"
    assert Counter(kind for kind, _, _ in seen) == reference["kinds"]
    assert Counter(r["reason"] for kind, _, r in seen if kind == "dead_letter") == reference["reasons"]
    assert {r["id"]: r["text"] for kind, _, r in seen if kind == "article"} == reference["articles"]
    for kind, _, record in seen:
        validators["dead_letter" if kind == "dead_letter" else "article"].validate(record)
    extracted = [final_metrics(tmp_path / f"extract-{n}.log")["extract"]["records"] for n in range(2)]
    assert sum(extracted) == len(batch) and min(extracted) > 0, extracted


def test_kill_9_of_an_extract_worker_mid_stream_loses_nothing(broker, batch, reference, tmp_path) -> None:
    settings = settings_for(broker, "kill")
    with workers(settings, STAGE_COUNTS, tmp_path) as running:
        victim = next(process for stage, process in running.processes if stage == "extract")
        origins, seen = run_batch(settings, batch, on_first_outcome=lambda: os.kill(victim.pid, signal.SIGKILL))
        assert victim.wait(timeout=5) == -signal.SIGKILL
        running.processes = [(stage, p) for stage, p in running.processes if p is not victim]
    # The survivor rejoined and took the dead worker's partitions over.
    assert (tmp_path / "extract-1.log").read_text().count("Joined group") >= 2
    assert set(by_origin(seen)) == set(origins)
    # At-least-once: a record may come out twice, but upserted by id the articles are a clean run's.
    assert {r["id"]: r["text"] for kind, _, r in seen if kind == "article"} == reference["articles"]


def test_a_5mb_page_does_not_get_the_extract_worker_kicked_out_of_its_group(broker, tmp_path) -> None:
    # A session this short is missed by a worker whose event loop is stuck on a page for a few seconds.
    settings = settings_for(broker, "big", session_timeout_s=3.0)
    paragraph = "<p>" + "The committee met on Tuesday to discuss the budget for the coming year. " * 3 + "</p>\n"
    table = "<table>" + "".join(f"<tr><td>cell {i}</td><td>{i * 7}</td></tr>" for i in range(20000)) + "</table>"
    html = f"<html><head><title>Budget</title></head><body><article>{paragraph * 20000}</article>{table}</body></html>"
    big = orjson.dumps({"url": "https://big.example/budget", "html": html})
    assert 5_000_000 < len(big) < settings.max_page_bytes
    small = orjson.dumps({"url": "https://small.example/a", "text": "Small news\n" + "A short report. " * 40})
    kinds = {topics.EXTRACTED: "extracted", topics.DEAD_LETTERS: "dead_letter"}
    with workers(settings, {"extract": 1}, tmp_path):
        origins, seen = run_batch(settings, [big, small, big], kinds)
    log = (tmp_path / "extract-0.log").read_text()
    assert log.count("Joined group") == 1, "the worker had to rejoin its group"
    assert "Heartbeat failed" not in log
    assert sorted(origin for _, origin, _ in seen) == sorted(origins), "a record was processed twice"
