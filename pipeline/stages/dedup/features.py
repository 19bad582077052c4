"""Story features: a short, weighted bag of the terms that tell one news event from another.

Weights are term frequency times a fixed inverse document frequency taken from wordfreq's
background word frequencies. A fixed IDF (rather than one counted over the stream) keeps
an article's vector independent of what came before it, so the vector can be computed on
any worker, travels with the record, and a rebuilt index sums exactly the same numbers.
Two similar events (two earthquakes, two rehab stays, two piracy operations) share their
topic words; what tells them apart is who, where and how many. So words the body writes as
proper names (capitalised inside a sentence) and numbers (death tolls, magnitudes, ages,
years) weigh more than other words of the same rarity.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from functools import lru_cache

import wordfreq

TOP_TERMS = 48
TITLE_BOOST = 2.0
NAME_BOOST = 2.0
NUMBER_BOOST = 3.0
# -log10(frequency) below this is a function word or a very common one: it says nothing of the event.
MIN_IDF = 3.6
UNKNOWN_WORD_IDF = 7.5
YEAR_IDF = 5.0
NUMBER_IDF = 4.5
# Pages of unidentified or uncovered languages: English is the likeliest, and where it is not,
# every word is simply unknown (equally rare), which is what an empty list would give anyway.
FALLBACK_LANGUAGE = "en"
_YEAR = re.compile(r"(?:19|20)\d\d")
# A headline is a short first line; longer first lines are body text of a page with no title.
_MAX_HEADLINE_WORDS = 25
_IDF_CACHE_SIZE = 1 << 19
# Upper-case letters of the Latin-1, Greek and Cyrillic blocks: `re` has no Unicode case classes,
# and listing the letters keeps the scan in C (a word-by-word loop costs a third of the stage).
_UPPER = "A-Z\u00C0-\u00D6\u00D8-\u00DE\u0391-\u03A9\u0410-\u042F"
# A capitalised word, without a possessive 's ("Klitschko's" is "Klitschko").
_CAPITALISED_WORD = rf"[{_UPPER}]\w*(?:['’](?!s\b)\w+)*"
_CAPITALISED = re.compile(rf"\b{_CAPITALISED_WORD}")
# ... as the first word of a line or of a sentence (after . ! ? and any closing quote or bracket).
_SENTENCE_INITIAL_NAME = re.compile(rf"(?:^|[.!?][\"'”’)\]]*\s+)[\"'“‘(\[`]*({_CAPITALISED_WORD})", re.MULTILINE)
# A capitalised first word of a sentence is a name only if it is this rare (-log10 frequency):
# "Police said ..." is not a name, "Orozco said ..." is.
_SENTENCE_INITIAL_NAME_IDF = 5.0
# Capitalised by convention, not names of the event: calendar words and titles.
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec mr mrs ms dr".split()
)


class _Idf:
    """-log10(word frequency) in one language, memoised: a handful of lookups per distinct word."""

    def __init__(self, language: str) -> None:
        self.frequencies = wordfreq.get_frequency_dict(language)
        self.known: dict[str, float] = {}

    def __call__(self, term: str) -> float:
        idf = self.known.get(term)
        if idf is None:
            if len(self.known) >= _IDF_CACHE_SIZE:
                self.known.clear()
            idf = self.known[term] = self._compute(term)
        return idf

    def _compute(self, term: str) -> float:
        if term.isdigit():
            return YEAR_IDF if _YEAR.fullmatch(term) else NUMBER_IDF
        frequency = self.frequencies.get(term)
        return -math.log10(frequency) if frequency else UNKNOWN_WORD_IDF


@lru_cache(maxsize=16)
def _idf_for(language: str) -> _Idf:
    return _Idf(language if language in wordfreq.available_languages() else FALLBACK_LANGUAGE)


def headline(doc: dict) -> str:
    title = doc.get("title")
    if title:
        return title
    first_line = (doc.get("text") or "").split("\n", 1)[0]
    return first_line if len(first_line.split()) <= _MAX_HEADLINE_WORDS else ""


def proper_names(text: str, language: str | None) -> set[str]:
    """Case-folded words the body writes as names: capitalised inside a sentence (or rare at its start).

    Only the body counts: headlines are often in Title Case, where every word is capitalised.
    In scripts without case nothing is capitalised and no word gets the name weight.
    """
    idf = _idf_for(language or FALLBACK_LANGUAGE)
    sentence_initial = Counter(_SENTENCE_INITIAL_NAME.findall(text))
    names = set()
    for word, count in Counter(_CAPITALISED.findall(text)).items():
        term = word.casefold()
        if term not in _NOT_NAMES and (count > sentence_initial[word] or idf(term) >= _SENTENCE_INITIAL_NAME_IDF):
            names.add(term)
    return names


def story_vector(counts: Counter[str], title_words: list[str], language: str | None,
                 names: set[str]) -> list[list]:
    """The article's top terms as [[term, weight], ...], L2-normalised, sorted by term.

    `counts` are the body's words (as `fingerprint.words` cuts them), `title_words` the headline's,
    `names` the body's `proper_names`.
    """
    idf = _idf_for(language or FALLBACK_LANGUAGE)
    title_terms = set(title_words)
    known = idf.known
    weights: dict[str, float] = {}
    for term in counts.keys() | title_terms:
        term_idf = known.get(term) or idf(term)
        if term_idf < MIN_IDF or len(term) < 2:
            continue
        boost = TITLE_BOOST if term in title_terms else 1.0
        if term.isdigit():
            boost *= NUMBER_BOOST
        elif term in names:
            boost *= NAME_BOOST
        weights[term] = (1.0 + math.log(counts.get(term) or 1)) * term_idf * boost
    top = heapq.nsmallest(TOP_TERMS, weights.items(), key=lambda item: (-item[1], item[0]))
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return sorted([term, round(w / norm, 4)] for term, w in top)
