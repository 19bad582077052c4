"""Story features: a short, weighted bag of the terms that tell one news event from another.

Weights are term frequency times a fixed inverse document frequency taken from wordfreq's
background word frequencies. A fixed IDF (rather than one counted over the stream) keeps
an article's vector independent of what came before it, so the vector can be computed on
any worker, travels with the record, and a rebuilt index sums exactly the same numbers.
Two similar events (two earthquakes, two rehab stays, two piracy operations) share their
topic words; what tells them apart is who, where and how many. So words the body writes as
proper names (capitalised inside a sentence) and numbers (death tolls, magnitudes, ages,
years) weigh more than other words of the same rarity, and they get a second, names-only
vector: two events of one kind can share most of their topic words, rarely their names.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np

from pipeline.stages.dedup.tokens import Tokens
from pipeline.stages.korean import noun_or_nothing
from pipeline.stages.rarity import word_rarity

TOP_TERMS = 48
TITLE_BOOST = 2.0
NAME_BOOST = 2.0
NUMBER_BOOST = 3.0
# -log10(frequency) below this is a function word or a very common one: it says nothing of the event.
MIN_IDF = 3.6
# A headline is a short first line; longer first lines are body text of a page with no title.
_MAX_HEADLINE_WORDS = 25
_CACHE_SIZE = 1 << 19
# The first word of a line, or of a sentence (after . ! ? and any closing quote or bracket),
# past any opening quote or bracket.
_LINE_INITIAL = re.compile(r"^[\"'“‘(\[`]*(\w+)", re.MULTILINE)
_SENTENCE_INITIAL = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(\[`]*(\w+)")
# A capitalised first word of a sentence is a name only if it is this rare (-log10 frequency):
# "Police said ..." is not a name, "Orozco said ..." is.
_SENTENCE_INITIAL_NAME_IDF = 5.0
# Capitalised by convention, not names of the event: calendar words and titles.
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec mr mrs ms dr".split()
)
# 1 + ln(tf), tabled (math.log, so every CPU gets the same bits); a word used more often than
# the table is long weighs as if used that often.
_LOG_TF = np.array([0.0] + [1.0 + math.log(n) for n in range(1, 1024)])


class _Terms:
    """Per language and word, memoised: its base weight (idf, ×3 for a number; 0 if dropped)."""

    def __init__(self, language: str | None) -> None:
        self.rarity = word_rarity(language)
        self.idf = self.rarity.idf
        self.bases: dict[str, float] = {}

    def bases_of(self, terms: list[str]) -> np.ndarray:
        found = list(map(self.bases.get, terms))
        if None in found:
            if len(self.bases) >= _CACHE_SIZE:
                self.bases.clear()
            found = [self._base(term) if base is None else base for term, base in zip(terms, found)]
        return np.array(found, dtype=np.float64)

    def _base(self, term: str) -> float:
        idf = self.idf(term)
        if idf < MIN_IDF or len(term) < 2:
            base = 0.0
        else:
            base = idf * NUMBER_BOOST if term.isdigit() else idf
        self.bases[term] = base
        return base


@lru_cache(maxsize=16)
def _terms_for(language: str | None) -> _Terms:
    return _Terms(language)


def headline(doc: dict) -> str:
    title = doc.get("title")
    if title:
        return title
    first_line = (doc.get("text") or "").split("\n", 1)[0]
    return first_line if len(first_line.split()) <= _MAX_HEADLINE_WORDS else ""


def proper_names(tokens: Tokens, language: str | None) -> set[str]:
    """Case-folded words the body writes as names: capitalised inside a sentence (or rare at its start).

    Only the body counts: headlines are often in Title Case, where every word is capitalised.
    In scripts without case nothing is capitalised and no word gets the name weight.
    """
    terms = _terms_for(language)
    sentence_initial = Counter(_LINE_INITIAL.findall(tokens.text))
    sentence_initial.update(_SENTENCE_INITIAL.findall(tokens.text))
    names = set()
    for word in tokens.capitalised:
        term, count = word.casefold(), tokens.written[word]
        if term not in _NOT_NAMES and (count > sentence_initial[word]
                                       or terms.idf(term) >= _SENTENCE_INITIAL_NAME_IDF):
            names.add(term)
    return names


def story_vector(tokens: Tokens, title_words: list[str], language: str | None,
                 names: set[str]) -> tuple[list[list], list[int]]:
    """The article's top terms as [[term, weight], ...], L2-normalised, sorted by term, and which are names.

    The second list holds the positions of the terms that are `names` or numbers (none if the
    body has no names): with their weights, renormalised, they are the names vector
    (`names_vector`). Kept as positions, the names vector costs a few bytes per article.
    """
    counts, in_title = tokens.counts, set(title_words)
    if language == "ko":
        counts, in_title = _korean_nouns(counts, language), set(_korean_nouns(Counter(title_words), language))
    vocabulary = [*counts, *(term for term in in_title if term not in counts)]
    size = len(vocabulary)
    term_frequency = np.ones(size, dtype=np.intp)
    term_frequency[: len(counts)] = np.fromiter(counts.values(), dtype=np.intp, count=len(counts))
    weights = _terms_for(language).bases_of(vocabulary) * _LOG_TF[np.minimum(term_frequency, len(_LOG_TF) - 1)]
    position = dict(zip(vocabulary, range(size)))
    # Names come from the body, so every one is in the vocabulary.
    weights[[position[term] for term in names]] *= NAME_BOOST
    weights[[position[term] for term in in_title]] *= TITLE_BOOST
    # The heaviest terms; of equal weights, the one the body uses first.
    top = [i for i in np.argsort(-weights, kind="stable")[:TOP_TERMS].tolist() if weights[i] > 0.0]
    top_weights = weights[top].tolist()
    norm = math.sqrt(math.fsum(weight * weight for weight in top_weights)) or 1.0
    vector = sorted([vocabulary[i], round(weight / norm, 4)] for i, weight in zip(top, top_weights))
    # Without case (Chinese, Japanese, Thai ...) there are no names, and numbers alone say too little.
    named = [i for i, (term, _) in enumerate(vector) if term in names or term.isdigit()] if names else []
    return vector, named


def _korean_nouns(counts: Counter[str], language: str) -> Counter[str]:
    """Korean words as their nouns ("서울에서", "서울은" -> "서울"): the same event's accounts put
    different particles on the same nouns. Predicates and counts drop out."""
    listed = _terms_for(language).rarity.frequencies
    nouns: Counter[str] = Counter()
    for word, count in counts.items():
        if noun := noun_or_nothing(word, listed):
            nouns[noun] += count
    return nouns


def names_vector(vector: list[list], named: list[int]) -> list[tuple[str, float]]:
    """The names and numbers of a story vector, L2-normalised."""
    picked = [vector[i] for i in named]
    norm = math.sqrt(sum(weight * weight for _, weight in picked)) or 1.0
    return [(term, weight / norm) for term, weight in picked]
