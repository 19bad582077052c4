"""Step 1 of dedup: everything stateless, computed once on any worker and carried by the record.

`prepare` sets the contract fields it can already know (`canonical_url`, `id`,
`content_hash`) and adds one internal field, `FEATURES`, that the keyed steps read and the
story step removes:

    {"k": url_key, "t": event time (epoch s) or null, "w": words, "n": shingles,
     "g": MinHash signature (base64), "v": story vector [[term, weight], ...]}

About 1.5 KB of JSON for an article, against the tens of KB of text the record carries anyway.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from pipeline.stages.dedup import features, fingerprint
from pipeline.stages.urls import article_id, canonical_url, url_key

Record = dict[str, Any]
FEATURES = "_dedup"


def event_time(doc: Record) -> float | None:
    """When the article happened for windowing: published time, else fetch time, else unknown."""
    for field in ("published_at", "fetched_at"):
        value = doc.get(field)
        if not value:
            continue
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except (TypeError, ValueError):
            continue
    return None


def prepare(doc: Record) -> Record:
    canonical = canonical_url(doc["url"], doc.get("page_canonical_url"))
    tokens = fingerprint.words(doc.get("text") or "")
    shingles = fingerprint.shingles(tokens)
    prepared = dict(doc)
    prepared.update(
        canonical_url=canonical,
        id=article_id(canonical),
        content_hash=fingerprint.content_hash(tokens),
        duplicate_of=None,
        story_id=None,
    )
    prepared[FEATURES] = {
        "k": url_key(canonical),
        "t": event_time(doc),
        "w": len(tokens),
        "n": len(shingles),
        "g": fingerprint.encode_signature(fingerprint.signature(shingles)),
        "v": features.story_vector(Counter(tokens), fingerprint.words(features.headline(doc)), doc.get("language"),
                                   features.proper_names(doc.get("text") or "", doc.get("language"))),
    }
    return prepared
