"""Per-domain template memory: lines that recur on many pages of one site are its template.

A single-page extractor cannot tell a site's newsletter box from a paragraph; a stream can,
because the box comes back on every page. The state for one domain is a small JSON-able dict
so the streaming layer can keep it in a Faust table keyed by domain and `process` in a dict:

    {"pages": int, "lines": {fingerprint: pages_seen_on}, "urls": [url fingerprints]}

Only evidence from *earlier* pages decides what counts as template, so the first pages of a
site are never cut, and the same input order always yields the same output.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any

from pipeline.stages.extract.lines import normalise

State = dict[str, Any]


def fingerprint(line: str) -> str:
    return hashlib.blake2b(normalise(line).encode(), digest_size=8).hexdigest()


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

    def learn(self, domain: str, url: str, lines: Iterable[str]) -> None:
        """Counts the page's distinct lines once; a page seen before (a replay) teaches nothing."""
        policy = self.policy
        state = self.store.get(domain) or {"pages": 0, "lines": {}, "urls": []}
        url_fp = fingerprint(url)
        if url_fp in state["urls"]:
            return
        counts = dict(state["lines"])
        page_fps = {fingerprint(line) for line in lines if line.strip()}
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
            kept = ranked[: policy.max_lines]
            counts = dict(kept)
        urls = (state["urls"] + [url_fp])[-policy.max_urls :]
        # Assign a new dict rather than mutating: table-backed stores only persist on assignment.
        self.store[domain] = {"pages": pages, "lines": counts, "urls": urls}
