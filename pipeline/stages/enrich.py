"""Enrich: the derived fields consumers filter and rank on, then the Article itself."""

from __future__ import annotations

import math
import re
from functools import lru_cache

import yake

from pipeline.records import article
from pipeline.stages.base import Record
from pipeline.stages.urls import canonical_url, registrable_domain

_WORD = re.compile(r"\w+", re.UNICODE)
# Scripts written without spaces: a "word" count by whitespace means nothing there.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_WORDS_PER_MINUTE = 230
_UNSPACED_CHARS_PER_MINUTE = 500
# YAKE over the whole body costs ~30 ms an article; the headline and lead carry the keywords.
_KEYWORD_SOURCE_CHARS = 1200
_KEYWORDS = 8
# YAKE names two of its stopword lists by country, not by ISO 639-1 language.
_YAKE_LANGUAGE = {"cs": "cz"}


def _spaced_words_and_unspaced_chars(text: str) -> tuple[int, int]:
    unspaced = len(_UNSPACED.findall(text))
    return len(_WORD.findall(_UNSPACED.sub(" ", text))), unspaced


def count_words(text: str) -> int:
    """Words; in unspaced scripts, characters / 1.5 (the usual average word length there)."""
    words, unspaced = _spaced_words_and_unspaced_chars(text)
    return words + math.ceil(unspaced / 1.5)


def reading_time_minutes(text: str) -> int:
    words, unspaced = _spaced_words_and_unspaced_chars(text)
    if not words and not unspaced:
        return 0
    return max(1, round(words / _WORDS_PER_MINUTE + unspaced / _UNSPACED_CHARS_PER_MINUTE))


@lru_cache(maxsize=64)
def _keyword_extractor(language: str) -> yake.KeywordExtractor:
    return yake.KeywordExtractor(lan=_YAKE_LANGUAGE.get(language, language), n=2, top=_KEYWORDS, dedup_lim=0.7)


def keywords(title: str | None, text: str, language: str) -> list[str]:
    source = f"{title}.\n{text}" if title else text
    found = _keyword_extractor(language or "und").extract_keywords(source[:_KEYWORD_SOURCE_CHARS])
    return [phrase for phrase, _score in found]


class Enrich:
    name = "enrich"

    def run(self, doc: Record) -> Record:
        text = doc["text"]
        url = doc.get("canonical_url") or canonical_url(doc["url"], doc.get("page_canonical_url"))
        enriched = dict(doc)
        enriched.update(
            canonical_url=url,
            # The site the page was published on, even when its canonical names the original publisher.
            domain=registrable_domain(doc["url"]),
            word_count=count_words(text),
            reading_time_minutes=reading_time_minutes(text),
            keywords=keywords(doc.get("title"), text, doc.get("language", "und")),
        )
        return article(enriched)
