"""Enrich: the derived fields consumers filter and rank on, then the Article itself."""

from __future__ import annotations

import math

from pipeline.records import article
from pipeline.stages.base import Record
from pipeline.stages.keywords import keywords
from pipeline.stages.urls import registrable_domain
from pipeline.stages.words import UNSPACED, WORD

_WORDS_PER_MINUTE = 230
_UNSPACED_CHARS_PER_MINUTE = 500


def _spaced_words_and_unspaced_chars(text: str) -> tuple[int, int]:
    unspaced = len(UNSPACED.findall(text))
    return len(WORD.findall(UNSPACED.sub(" ", text))), unspaced


def count_words(text: str) -> int:
    """Words; in unspaced scripts, characters / 1.5 (the usual average word length there)."""
    words, unspaced = _spaced_words_and_unspaced_chars(text)
    return words + math.ceil(unspaced / 1.5)


def reading_time_minutes(text: str) -> int:
    words, unspaced = _spaced_words_and_unspaced_chars(text)
    if not words and not unspaced:
        return 0
    return max(1, round(words / _WORDS_PER_MINUTE + unspaced / _UNSPACED_CHARS_PER_MINUTE))


class Enrich:
    name = "enrich"

    def run(self, doc: Record) -> Record:
        text = doc["text"]
        enriched = dict(doc)
        enriched.update(
            # The site the page was published on, even when its canonical names the original publisher.
            domain=registrable_domain(doc["url"]),
            word_count=count_words(text),
            reading_time_minutes=reading_time_minutes(text),
            keywords=keywords(doc.get("title"), text, doc.get("language", "und")),
        )
        return article(enriched)
