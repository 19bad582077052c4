"""How rare a word is in its language: -log10 of its frequency in wordfreq's background lists.

A fixed, shipped background (rather than counts over the stream) gives every worker the same
numbers for the same word, whatever it has seen before. Used to weigh story terms (dedup)
and to rank keywords (enrich).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import wordfreq

UNKNOWN_WORD_IDF = 7.5
YEAR_IDF = 5.0
NUMBER_IDF = 4.5
# Pages of unidentified or uncovered languages: English is the likeliest, and where it is not,
# every word is simply unknown (equally rare), which is what an empty list would give anyway.
FALLBACK_LANGUAGE = "en"
_YEAR = re.compile(r"(?:19|20)\d\d")
_IDEOGRAPHIC_LANGUAGES = frozenset({"zh", "ja"})
_CACHE_SIZE = 1 << 19


class WordRarity:
    """Memoised idf of case-folded words in one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.frequencies = wordfreq.get_frequency_dict(language)
        # Chinese and Japanese lists hold the words a run without spaces is cut into (keywords).
        self.cuts_ideographs = language in _IDEOGRAPHIC_LANGUAGES
        self._idfs: dict[str, float] = {}

    def idf(self, term: str) -> float:
        idf = self._idfs.get(term)
        if idf is None:
            if len(self._idfs) >= _CACHE_SIZE:
                self._idfs.clear()
            idf = self._idfs[term] = self._idf(term)
        return idf

    def _idf(self, term: str) -> float:
        if term.isdigit():
            return YEAR_IDF if _YEAR.fullmatch(term) else NUMBER_IDF
        frequency = self.frequencies.get(term)
        return -math.log10(frequency) if frequency else UNKNOWN_WORD_IDF


@lru_cache(maxsize=16)
def word_rarity(language: str | None) -> WordRarity:
    language = language or FALLBACK_LANGUAGE
    return WordRarity(language if language in wordfreq.available_languages() else FALLBACK_LANGUAGE)
