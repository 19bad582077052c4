"""Duplicate detection on a stream built from ../shared/data (AEB and trafilatura-eval pages).

The stream mixes originals with copies of a share of them, each copy arriving some records
after its original:
- resend: the same page again (another raw record, same URL);
- url_variant: the same page under a tracking / AMP / mobile / fragment variant of its URL;
- republish: the body re-published by a partner site inside its own HTML template;
- edited: a re-publication with "UPDATED:" before the lead, one paragraph cut and a sentence changed.
- copy_in_data: a page the data sets themselves hold twice under two URLs.
Besides, held-back articles are published inside one shared, boilerplate-heavy text template
(`template_sibling`): originals that must stay clean although they share a template.

Text comes from trafilatura.extract (cached outside the repo), so the figures do not depend
on the extract stage. Reported: precision / recall per copy kind (a hit needs the right
`duplicate_of`), originals wrongly flagged, articles/s of Dedup.run, state bytes per article.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import trafilatura

from pipeline.stages.dedup import Dedup, prepare
from pipeline.stages.dedup.fingerprint import content_hash
from pipeline.stages.dedup.tokens import tokenise

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SOURCES = ("aeb/pages.jsonl.gz", "trafilatura-eval/pages.jsonl.gz")
MADE_KINDS = ("resend", "url_variant", "republish", "edited")
COPY_KINDS = (*MADE_KINDS, "copy_in_data")
MIN_WORDS = 40
CACHE = Path(tempfile.gettempdir()) / "newsfeed-eval-dedup-extract.jsonl"

PARTNER_TEMPLATE = """<html><head><title>{title} | {site}</title></head><body>
<header><nav><a href="/">{site}</a> <a href="/world">World</a> <a href="/business">Business</a>
<a href="/sport">Sport</a> <a href="/subscribe">Subscribe</a></nav></header>
<div class="layout"><main><article><h1>{title}</h1><p class="byline">By {site} staff, wire services</p>
{paragraphs}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets rally as inflation cools</a></li>
<li><a href="/b">Storm warning issued for the coast</a></li><li><a href="/c">Local team wins the cup final</a></li></ul></aside></div>
<footer><p>&copy; {site} 2026. All rights reserved.</p><p>Share this story: Facebook, X, Email</p></footer>
</body></html>"""
TEXT_TEMPLATE_HEAD = ["Homepage News", "Others are reading now", "Share on Facebook", "Share on X"]
TEXT_TEMPLATE_TAIL = [
    "Also read: Parliament passes the budget after a long night",
    "Also read: Heatwave expected to last until the weekend",
    "Subscribe to our newsletter and never miss a story",
    "Markets close higher as tech stocks rebound",
    "Ten things to do in the city this summer",
    "Police appeal for witnesses after crash on the ring road",
    "Opinion: why the new stadium is a bad deal",
    "© Example Daily 2026. All rights reserved.",
]
PARTNERS = ("wire-partner.example.com", "dailyreader.example.net", "regional-news.example.org")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=SHARED / "data")
    parser.add_argument("--copy-share", type=float, default=0.25, help="share of originals copied, per kind")
    parser.add_argument("--siblings", type=float, default=0.15, help="share of pages held back as template siblings")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=CACHE, help="trafilatura results (outside the repo)")
    parser.add_argument("--show-errors", action="store_true")


class Extractor:
    """trafilatura.extract with a JSONL cache keyed by the HTML's hash."""

    def __init__(self, cache: Path) -> None:
        self.path = cache
        self.known: dict[str, str | None] = {}
        if cache.exists():
            for line in cache.open(encoding="utf-8"):
                row = json.loads(line)
                self.known[row["key"]] = row["text"]
        self.pending: list[dict] = []

    def text(self, html: str, url: str) -> str | None:
        key = hashlib.sha256(f"{url}\n{html}".encode()).hexdigest()
        if key not in self.known:
            self.known[key] = trafilatura.extract(html, url=url, favor_precision=False)
            self.pending.append({"key": key, "text": self.known[key]})
        return self.known[key]

    def save(self) -> None:
        if self.pending:
            with self.path.open("a", encoding="utf-8") as handle:
                handle.writelines(json.dumps(row) + "\n" for row in self.pending)
            self.pending = []


def url_variant(url: str, rng: random.Random) -> str:
    scheme, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    choice = rng.randrange(4)
    if choice == 0:
        return f"{url}{'&' if '?' in url else '?'}utm_source=newsletter&utm_medium=email&fbclid=abc123"
    if choice == 1:
        return f"{url.split('#')[0]}#comments"
    if choice == 2 and host.startswith("www."):
        return f"{scheme}://m.{host[4:]}{slash}{path}"
    base = url.split("?")[0].split("#")[0]
    return f"{base.rstrip('/')}/amp" + (f"?{url.split('?', 1)[1]}" if "?" in url else "")


def republished_html(title: str, paragraphs: list[str], site: str) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return PARTNER_TEMPLATE.format(title=title, site=site, paragraphs=body)


def edit(paragraphs: list[str], rng: random.Random) -> list[str]:
    edited = list(paragraphs)
    edited[0] = "UPDATED: " + edited[0]
    if len(edited) >= 4:
        del edited[rng.randrange(1, len(edited))]
    target = rng.randrange(len(edited))
    words = edited[target].split()
    if len(words) > 6:
        at = rng.randrange(len(words) - 3)
        words[at:at + 3] = ["according", "to", "officials"]
        edited[target] = " ".join(words)
    return edited


def build_stream(args: argparse.Namespace, extractor: Extractor) -> list[dict]:
    rng = random.Random(args.seed)
    pages = []
    for source in SOURCES:
        with gzip.open(args.data / source, "rt", encoding="utf-8") as handle:
            for line in handle:
                page = json.loads(line)
                text = extractor.text(page["html"], page["url"])
                if text and len(text.split()) >= MIN_WORDS:
                    pages.append({"url": page["url"], "html": page["html"], "text": text})
    rng.shuffle(pages)
    # The data sets hold a few pages twice (under two URLs): the later one is a real copy.
    first_with_text: dict[str, str] = {}
    for page in pages:
        page["copy_of"] = first_with_text.setdefault(content_hash(tokenise(page["text"]).words), page["url"])
    held = int(len(pages) * args.siblings)
    siblings = [page for page in pages[:held] if page["copy_of"] == page["url"]]
    # Pages with a twin held back as a sibling would be copies of it: leave them out.
    sibling_urls = {page["url"] for page in siblings}
    originals = [page for page in pages[held:] if page["copy_of"] not in sibling_urls]
    events: list[tuple[float, dict]] = []
    for n, page in enumerate(originals):
        if page["copy_of"] != page["url"]:
            events.append((n, {"kind": "copy_in_data", "of_url": page["copy_of"], "url": page["url"],
                               "text": page["text"], "title": None}))
            continue
        events.append((n, {"kind": "original", "url": page["url"], "text": page["text"], "title": None}))
        for kind in MADE_KINDS:
            if rng.random() < args.copy_share:
                later = n + rng.uniform(1, 60)
                events.append((later, {"kind": kind, "of_url": page["url"], **copy_of(page, kind, rng, extractor)}))
    for n, page in enumerate(siblings):
        text = "\n".join([*TEXT_TEMPLATE_HEAD, page["text"], *TEXT_TEMPLATE_TAIL])
        events.append((n * len(originals) / max(1, len(siblings)) + 0.5,
                       {"kind": "template_sibling", "url": page["url"], "text": text, "title": None}))
    extractor.save()
    events.sort(key=lambda item: item[0])
    stream = []
    for number, (_, record) in enumerate(events, 1):
        record.update(origin=f"line:{number}", language="und",
                      fetched_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1_780_000_000 + number * 30)))
        stream.append(record)
    return stream


def copy_of(page: dict, kind: str, rng: random.Random, extractor: Extractor) -> dict:
    if kind == "resend":
        return {"url": page["url"], "text": page["text"], "title": None}
    if kind == "url_variant":
        return {"url": url_variant(page["url"], rng), "text": page["text"], "title": None}
    paragraphs = [p for p in page["text"].split("\n") if p.strip()]
    if kind == "edited":
        paragraphs = edit(paragraphs, rng)
    site = rng.choice(PARTNERS)
    url = f"https://{site}/story/{hashlib.sha1(page['url'].encode()).hexdigest()[:10]}"
    html = republished_html(paragraphs[0][:80], paragraphs, site)
    return {"url": url, "text": extractor.text(html, url) or "", "title": paragraphs[0][:80]}


def evaluate(stream: list[dict]) -> tuple[dict, list[dict], tuple[float, float, float], Dedup]:
    """Per-kind tallies, the misses, (seconds of Dedup.run, its CPU seconds, seconds of prepare alone), the stage."""
    dedup = Dedup()
    ids: dict[str, str] = {}
    results = []
    started, cpu_started = time.perf_counter(), time.process_time()
    for record in stream:
        inputs = {k: v for k, v in record.items() if k not in ("kind", "of_url")}
        results.append(dedup.run(inputs))
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    started = time.perf_counter()
    for record in stream:
        prepare({k: v for k, v in record.items() if k not in ("kind", "of_url")})
    prepare_seconds = time.perf_counter() - started
    for record, result in zip(stream, results):
        if record["kind"] == "original":
            ids.setdefault(record["url"], result["id"])
    counts: dict[str, Counter] = {}
    errors = []
    for record, result in zip(stream, results):
        tally = counts.setdefault(record["kind"], Counter())
        tally["n"] += 1
        flagged = result["duplicate_of"] is not None
        tally["flagged"] += flagged
        if "of_url" in record:
            right = flagged and result["duplicate_of"] == ids[record["of_url"]]
            tally["right"] += right
            if not right:
                errors.append({"kind": record["kind"], "url": record["url"], "got": result["duplicate_of"]})
        elif flagged:
            errors.append({"kind": record["kind"], "url": record["url"], "got": result["duplicate_of"]})
    return counts, errors, (seconds, cpu_seconds, prepare_seconds), dedup


def state_bytes(dedup: Dedup) -> dict[str, int]:
    return {name: sum(len(key) + len(json.dumps(row, separators=(",", ":"))) for key, row in table.items())
            for name, table in dedup.tables.items()}


def run(args: argparse.Namespace) -> int:
    extractor = Extractor(args.cache)
    stream = build_stream(args, extractor)
    counts, errors, (seconds, cpu_seconds, prepare_seconds), dedup = evaluate(stream)
    print(f"{'kind':<18}{'records':>8}{'flagged':>9}{'precision':>11}{'recall':>8}")
    flags = right = 0
    for kind in ("original", "template_sibling", *COPY_KINDS):
        tally = counts.get(kind, Counter())
        flags += tally["flagged"]
        right += tally["right"]
        if kind in COPY_KINDS:
            precision = tally["right"] / tally["flagged"] if tally["flagged"] else 1.0
            recall = tally["right"] / tally["n"] if tally["n"] else 1.0
            print(f"{kind:<18}{tally['n']:>8}{tally['flagged']:>9}{precision:>11.4f}{recall:>8.4f}")
        else:
            print(f"{kind:<18}{tally['n']:>8}{tally['flagged']:>9}{'(false positives)':>19}")
    copies = sum(counts.get(kind, Counter())["n"] for kind in COPY_KINDS)
    print(f"{'all copies':<18}{copies:>8}{flags:>9}{right / max(flags, 1):>11.4f}{right / max(copies, 1):>8.4f}")
    sizes = state_bytes(dedup)
    held = len(dedup.tables["stories"])
    # On a shared machine the wall clock counts other processes' time too; CPU time is the per-core rate.
    print(f"\narticles/s, Dedup.run in one process: {len(stream) / seconds:.0f} "
          f"(per CPU second: {len(stream) / cpu_seconds:.0f}); "
          f"prepare alone: {len(stream) / prepare_seconds:.0f}; "
          f"claims + story index alone: {len(stream) / max(seconds - prepare_seconds, 1e-9):.0f}")
    print(f"state bytes per article in window: {sum(sizes.values()) / max(held, 1):.0f} "
          f"({', '.join(f'{name} {size / max(held, 1):.0f}' for name, size in sizes.items())})")
    if args.show_errors:
        for error in errors:
            print(json.dumps(error))
    return 0


if __name__ == "__main__":
    main_parser = argparse.ArgumentParser(description=__doc__)
    add_arguments(main_parser)
    sys.exit(run(main_parser.parse_args()))
