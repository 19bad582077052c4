"""Per-site template memory: lines that recur on many pages of one site are its template.

A single-page extractor cannot tell a site's newsletter box from a paragraph; a stream can,
because the box comes back on every page. The state for one site is a small JSON-able dict,
so the streaming layer can keep it in a Faust table keyed by `site_of(url)` and `process`
in a dict:

    {"pages": int, "lines": {fingerprint: pages_seen_on}, "urls": [url fingerprints]}

Only evidence from *earlier* pages decides what counts as template, so the first pages of a
site are never cut, and the same input order always yields the same output.

The memory lives with the caller, never in the process that extracts: `newsfeed process`
and the stream worker run Extract in child processes, and a memory per child would make a
page's text depend on which child it reached. So the exchange goes through two internal
fields of the records, both lists of line fingerprints:

- `_site_template` on the page going in: the domain's template now (`SiteTemplates.before`);
- `_site_lines` on the record coming out: what the page can teach (`SiteTemplates.after`
  learns it and removes both fields). Extract writes it only for a page that carried
  `_site_template`, so callers without a memory never see either field.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any

from pipeline.stages.base import Record
from pipeline.stages.extract.lines import normalise
from pipeline.stages.extract.site_names import SEPARATOR

State = dict[str, Any]
TEMPLATE_FIELD = "_site_template"
LINES_FIELD = "_site_lines"


def site_of(url: str) -> str:
    """The key a template is kept under: the host, without "www.". Not the registrable
    domain: the blogs of one platform (x.wordpress.com) or the snapshots one archive serves
    share that, but not a template."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def fingerprint(line: str) -> str:
    return hashlib.blake2b(normalise(line).encode(), digest_size=8).hexdigest()


# A part of a page's <title> is remembered apart from its lines: a part on many of a site's pages
# ("... - Son Dakika Haberleri", "... | ไทยรัฐ") names the site or a section, in whatever script,
# where neither og:site_name nor the domain says so.
_TITLE_PART = "<title> "


def title_lines(title: str | None) -> list[str]:
    """The parts of a page's <title> as the lines it teaches the site's memory."""
    return [_TITLE_PART + part for part in SEPARATOR.split(title or "") if part.strip()]


def without_template_parts(title: str, template: frozenset[str]) -> str:
    """`title` without its first and last parts while they are the site's (`template`), one part
    left at least: "Meclis yeni bütçeyi onayladı - Son Dakika Haberleri" on a site whose every
    title ends so."""
    cuts = list(SEPARATOR.finditer(title))
    starts = [0, *(cut.end() for cut in cuts)]  # where each part begins
    ends = [*(cut.start() for cut in cuts), len(title)]  # and where it ends
    first, last = 0, len(cuts)
    while first < last and fingerprint(_TITLE_PART + title[starts[first]:ends[first]]) in template:
        first += 1
    while last > first and fingerprint(_TITLE_PART + title[starts[last]:ends[last]]) in template:
        last -= 1
    return title[starts[first]:ends[last]].strip() or title


def fingerprints(lines: Iterable[str]) -> list[str]:
    """The distinct fingerprints of the non-blank lines, sorted: the same page, the same list."""
    return sorted({fingerprint(line) for line in lines if line.strip()})


@dataclass(frozen=True)
class TemplatePolicy:
    # No line is template before this many distinct pages of the site have been seen.
    min_pages: int = 8
    # ... and then only a line seen on at least this share of them (and on min_pages pages).
    min_share: float = 0.3
    # Bounds that keep one domain's state small whatever the traffic.
    max_lines: int = 3000
    max_urls: int = 200
    # Counts are halved when the page count reaches this, so a redesigned site is relearned.
    half_life_pages: int = 400


class SiteMemory:
    """Learns and applies one site template per domain, backed by any MutableMapping."""

    def __init__(self, store: MutableMapping[str, State], policy: TemplatePolicy | None = None) -> None:
        self.store = store
        self.policy = policy or TemplatePolicy()

    def template(self, domain: str) -> frozenset[str]:
        """Fingerprints of the lines that are template on `domain`, from the pages seen so far."""
        state = self.store.get(domain)
        policy = self.policy
        if not state or state["pages"] < policy.min_pages:
            return frozenset()
        needed = max(policy.min_pages, policy.min_share * state["pages"])
        return frozenset(fp for fp, count in state["lines"].items() if count >= needed)

    def learn(self, domain: str, url: str, line_fingerprints: Iterable[str]) -> None:
        """Counts the page's distinct lines once; a page seen before (a replay) teaches nothing."""
        policy = self.policy
        state = self.store.get(domain) or {"pages": 0, "lines": {}, "urls": []}
        url_fp = fingerprint(url)
        if url_fp in state["urls"]:
            return
        counts = dict(state["lines"])
        page_fps = set(line_fingerprints)
        for fp in page_fps:
            counts[fp] = counts.get(fp, 0) + 1
        pages = state["pages"] + 1
        if pages >= policy.half_life_pages:
            pages //= 2
            counts = {fp: c // 2 for fp, c in counts.items() if c // 2}
        if len(counts) > policy.max_lines:
            # Most frequent first, then this page's lines (a template line must get a second
            # sighting), fingerprint as tie-break: the cut must not depend on dict order.
            ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0] not in page_fps, item[0]))
            counts = dict(ranked[: policy.max_lines])
        urls = (state["urls"] + [url_fp])[-policy.max_urls :]
        # Assign a new dict rather than mutating: table-backed stores only persist on assignment.
        self.store[domain] = {"pages": pages, "lines": counts, "urls": urls}


@dataclass(frozen=True)
class Lesson:
    """What one extracted page teaches its site's memory."""

    url: str
    lines: tuple[str, ...]


class SiteTemplates:
    """The caller's side of the exchange: wrap every call to Extract, wherever it runs.

        page = templates.before(page)      # in the caller, just before handing the page over
        doc = <Extract().run(page), maybe in a child process>
        doc = templates.after(doc)         # in the caller, in input order

    `after` also takes the record of a dead letter (the page, or what a later stage was given)
    and returns it without the internal fields; it learns only when extraction succeeded.
    """

    def __init__(self, store: MutableMapping[str, State], policy: TemplatePolicy | None = None) -> None:
        self.memory = SiteMemory(store, policy)

    def before(self, page: Record) -> Record:
        return {**page, TEMPLATE_FIELD: sorted(self.memory.template(site_of(page["url"])))}

    def after(self, doc: Record) -> Record:
        out, lesson = self.detach(doc)
        if lesson is not None:
            self.learn(lesson)
        return out

    def detach(self, doc: Record) -> tuple[Record, Lesson | None]:
        """The record without the internal fields, and what it teaches (to `learn` now or later)."""
        if TEMPLATE_FIELD not in doc and LINES_FIELD not in doc:
            return doc, None
        out = {key: value for key, value in doc.items() if key not in (TEMPLATE_FIELD, LINES_FIELD)}
        lesson = Lesson(doc["url"], tuple(doc[LINES_FIELD])) if LINES_FIELD in doc else None
        return out, lesson

    def learn(self, lesson: Lesson) -> None:
        self.memory.learn(site_of(lesson.url), lesson.url, lesson.lines)
