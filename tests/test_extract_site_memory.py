"""Per-domain template memory: learns only from earlier pages, deterministically, within bounds."""

from __future__ import annotations

import json

from pipeline.stages.extract import Extract
from pipeline.stages.extract.site_memory import SiteMemory, TemplatePolicy, fingerprint

PROMO = "Subscribers get our morning briefing every weekday before seven"


def _page(n: int, domain: str = "news.example.com") -> dict:
    body = "\n".join(
        f"Story {n} paragraph {i}: the council met again on day {n} and argued about item {i} at length."
        for i in range(4)
    )
    return {"url": f"https://{domain}/story/{n}", "text": f"{body}\n{PROMO}.", "origin": f"line:{n}"}


def test_never_strips_on_the_first_pages_of_a_site():
    stage = Extract(site_memory={})
    first = [stage.run(_page(n))["text"] for n in range(TemplatePolicy().min_pages)]
    assert all(PROMO in text for text in first)
    assert Extract().run(_page(0))["text"] == first[0]


def test_learns_the_template_after_enough_pages():
    stage = Extract(site_memory={})
    texts = [stage.run(_page(n))["text"] for n in range(TemplatePolicy().min_pages + 2)]
    assert PROMO in texts[0]
    assert PROMO not in texts[-1]
    assert texts[-1].startswith("Story 9 paragraph 0")


def test_template_is_per_domain():
    memory: dict = {}
    stage = Extract(site_memory=memory)
    for n in range(12):
        stage.run(_page(n))
    assert PROMO in stage.run(_page(99, domain="other.example.org"))["text"]
    assert set(memory) == {"example.com", "example.org"}


def test_same_order_same_output_and_state_is_json():
    runs = []
    for _ in range(2):
        memory: dict = {}
        stage = Extract(site_memory=memory)
        runs.append(([stage.run(_page(n))["text"] for n in range(12)], json.dumps(memory, sort_keys=True)))
    assert runs[0] == runs[1]
    assert json.loads(runs[0][1])["example.com"]["pages"] == 12


def test_replayed_page_teaches_nothing():
    store: dict = {}
    memory = SiteMemory(store, TemplatePolicy(min_pages=2))
    for _ in range(5):
        memory.learn("example.com", "https://example.com/a", ["only line"])
    assert store["example.com"]["pages"] == 1
    assert memory.template("example.com") == frozenset()


def test_state_stays_bounded():
    store: dict = {}
    policy = TemplatePolicy(min_pages=2, max_lines=50, max_urls=10, half_life_pages=40)
    memory = SiteMemory(store, policy)
    for n in range(100):
        memory.learn("example.com", f"https://example.com/{n}", [f"unique {n} {i}" for i in range(20)] + ["footer"])
    state = store["example.com"]
    assert len(state["lines"]) <= 50 and len(state["urls"]) <= 10 and state["pages"] < 40
    assert fingerprint("footer") in memory.template("example.com")
