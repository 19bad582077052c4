"""Step 1 of dedup: everything stateless, computed once on any worker and carried by the record.

`prepare` sets the contract fields it can already know (`canonical_url`, `id`,
`content_hash`) and adds one internal field, `FEATURES`, that the keyed steps read and the
story step removes:

    {"k": url_key, "t": event time (epoch s) or null, "p": publication time (epoch s) or null,
     "w": words, "n": shingles, "g": MinHash signature (base64),
     "v": story vector [[term, weight], ...], "m": positions in "v" of its names and numbers}

About 1.6 KB of JSON for an article, against the tens of KB of text the record carries anyway.
The body is cut into words once (`tokens.tokenise`) for the hash, the shingles and the story terms.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pipeline.stages.dedup import features, fingerprint
from pipeline.stages.dedup.tokens import tokenise
from pipeline.stages.urls import article_id, canonical_url, url_key

Record = dict[str, Any]
FEATURES = "_dedup"


def timestamp(value: str | None) -> float | None:
    """Epoch seconds of an RFC 3339 time, or None if there is none or it does not parse."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except (TypeError, ValueError):
        return None


# Publishers' clocks and time zones are often off by hours; a day later is a wrong date.
_CLOCK_SKEW_S = 86400.0


def prepare(doc: Record) -> Record:
    canonical = canonical_url(doc["url"], doc.get("page_canonical_url"))
    tokens = tokenise(doc.get("text") or "")
    shingles = fingerprint.shingles(tokens)
    language = doc.get("language")
    vector, named = features.story_vector(tokens, tokenise(features.headline(doc)).words, language,
                                          features.proper_names(tokens, language))
    published = timestamp(doc.get("published_at"))
    fetched = timestamp(doc.get("fetched_at"))
    if published is not None and fetched is not None and published > fetched + _CLOCK_SKEW_S:
        # A page cannot be published after it was fetched: a wrong date (a typo, an event's
        # date taken for the article's) would push every window's clock into the future.
        published = None
    prepared = dict(doc)
    prepared.update(
        canonical_url=canonical,
        id=article_id(canonical),
        content_hash=fingerprint.content_hash(tokens.words),
        duplicate_of=None,
        story_id=None,
    )
    prepared[FEATURES] = {
        "k": url_key(canonical),
        # When the article happened, for the window: published time, else fetch time, else unknown.
        "t": published if published is not None else fetched,
        "p": published,
        "w": len(tokens.words),
        "n": len(shingles),
        "g": fingerprint.encode_signature(fingerprint.signature(shingles)),
        "v": vector,
        "m": named,
    }
    return prepared
