"""Per-domain template memory: learns only from earlier pages, deterministically, within bounds,
and lives with the caller so Extract can run in any process."""

from __future__ import annotations

import json

from pipeline.stages.extract import Extract
from pipeline.stages.extract.site_memory import (
    SiteMemory, SiteTemplates, TemplatePolicy, fingerprint, fingerprints, title_lines, without_template_parts,
)

# A line the site prints under every story, matched by no built-in rule: only the memory removes it.
PROMO = "The Harbour Gazette is printed every weekday morning and sold at three hundred kiosks"


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


def test_template_is_per_site():
    memory: dict = {}
    stage = Extract(site_memory=memory)
    for n in range(12):
        stage.run(_page(n))
    assert PROMO not in stage.run(_page(98, domain="www.news.example.com"))["text"]
    assert PROMO in stage.run(_page(99, domain="blog.example.com"))["text"]
    assert set(memory) == {"news.example.com", "blog.example.com"}


def test_same_order_same_output_and_state_is_json():
    runs = []
    for _ in range(2):
        memory: dict = {}
        stage = Extract(site_memory=memory)
        runs.append(([stage.run(_page(n))["text"] for n in range(12)], json.dumps(memory, sort_keys=True)))
    assert runs[0] == runs[1]
    assert json.loads(runs[0][1])["news.example.com"]["pages"] == 12


def test_replayed_page_teaches_nothing():
    store: dict = {}
    memory = SiteMemory(store, TemplatePolicy(min_pages=2))
    for _ in range(5):
        memory.learn("example.com", "https://example.com/a", fingerprints(["only line"]))
    assert store["example.com"]["pages"] == 1
    assert memory.template("example.com") == frozenset()


def test_state_stays_bounded():
    store: dict = {}
    policy = TemplatePolicy(min_pages=2, max_lines=50, max_urls=10, half_life_pages=40)
    memory = SiteMemory(store, policy)
    for n in range(100):
        memory.learn("example.com", f"https://example.com/{n}", fingerprints([f"unique {n} {i}" for i in range(20)] + ["footer"]))
    state = store["example.com"]
    assert len(state["lines"]) <= 50 and len(state["urls"]) <= 10 and state["pages"] < 40
    assert fingerprint("footer") in memory.template("example.com")


def test_memory_kept_by_the_caller_works_across_separate_extractors():
    # As in `newsfeed process`: stateless extractors (think: child processes) take turns,
    # the memory stays with the caller; the output is that of one in-process memory.
    templates, children = SiteTemplates({}), [Extract(), Extract()]
    across = [templates.after(children[n % 2].run(templates.before(_page(n))))["text"] for n in range(12)]
    in_process = Extract(site_memory={})
    assert across == [in_process.run(_page(n))["text"] for n in range(12)]
    assert PROMO in across[0] and PROMO not in across[-1]


def test_internal_fields_only_for_callers_that_keep_a_memory():
    assert not any(key.startswith("_") for key in Extract().run(_page(0)))
    templates = SiteTemplates({})
    page = templates.before(_page(0))
    assert page["_site_template"] == []
    doc = Extract().run(page)
    assert fingerprint(f"{PROMO}.") in doc["_site_lines"]
    assert not any(key.startswith("_") for key in templates.after(doc))


def test_a_dead_letter_teaches_nothing_and_leaves_without_internal_fields():
    store: dict = {}
    templates = SiteTemplates(store)
    page = templates.before({"url": "https://news.example.com/empty", "text": "Home\nNews", "origin": "x"})
    assert templates.after(page) == {"url": "https://news.example.com/empty", "text": "Home\nNews", "origin": "x"}
    assert store == {}


def test_a_title_part_on_many_of_a_sites_pages_is_its_name_whatever_its_script():
    # Neither og:site_name nor the domain names the site: only its titles' common part does.
    sentence = "Meclis yeni bütçeyi pazartesi günü uzun bir tartışmanın ardından onayladı ve okullara fon ayrıldı. "
    stage = Extract(site_memory={})
    titles = []
    for n in range(TemplatePolicy().min_pages + 2):
        html = (f"<html lang='tr'><head><title>Meclis {n}. oturumda bütçeyi onayladı - Son Dakika Haberleri</title></head>"
                f"<body><article>{f'<p>{sentence * 3} {n}</p>' * 3}</article></body></html>")
        titles.append(stage.run({"url": f"https://www.haber.example.com.tr/gundem/{n}", "html": html})["title"])
    assert titles[0] == "Meclis 0. oturumda bütçeyi onayladı - Son Dakika Haberleri"
    assert titles[-1] == "Meclis 9. oturumda bütçeyi onayladı"


def test_a_title_keeps_one_part_however_many_are_the_sites():
    template = frozenset(fingerprints(title_lines("Gündem - Son Dakika Haberleri")))
    assert without_template_parts("Gündem - Meclis bütçeyi onayladı - Son Dakika Haberleri", template) == "Meclis bütçeyi onayladı"
    assert without_template_parts("Gündem - Son Dakika Haberleri", template) == "Son Dakika Haberleri"
    assert without_template_parts("Meclis bütçeyi onayladı", template) == "Meclis bütçeyi onayladı"
