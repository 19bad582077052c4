"""Enrich: the derived fields consumers filter and rank on, then the Article itself."""

from __future__ import annotations

import math

from pipeline.records import article
from pipeline.stages.base import Record
from pipeline.stages.keywords import keywords
from pipeline.stages.urls import registrable_domain
from pipeline.stages.words import ABUGIDA_CHARACTERS_PER_WORD, IDEOGRAPH, UNSPACED, UNSPACED_ABUGIDA, WORD

_WORDS_PER_MINUTE = 230
_IDEOGRAPHS_PER_MINUTE = 500
_IDEOGRAPHS_PER_WORD = 1.5


def _words_and_ideographs(text: str) -> tuple[float, int]:
    """Words, those of Thai, Lao, Burmese and Khmer estimated from their characters; and the
    CJK characters, read at their own pace."""
    spaced = len(WORD.findall(UNSPACED.sub(" ", text)))
    return spaced + len(UNSPACED_ABUGIDA.findall(text)) / ABUGIDA_CHARACTERS_PER_WORD, len(IDEOGRAPH.findall(text))


def count_words(text: str) -> int:
    words, ideographs = _words_and_ideographs(text)
    return math.ceil(words) + math.ceil(ideographs / _IDEOGRAPHS_PER_WORD)


def reading_time_minutes(text: str) -> int:
    words, ideographs = _words_and_ideographs(text)
    if not words and not ideographs:
        return 0
    return max(1, round(words / _WORDS_PER_MINUTE + ideographs / _IDEOGRAPHS_PER_MINUTE))


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
