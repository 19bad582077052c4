"""The language stage: ISO 639-1 code and calibrated confidence for an extracted article.

Method (figures in docs/language.md):
1. A bounded sample: the title plus up to three windows of the body (start, one third, two
   thirds), with URLs, e-mail addresses and digits removed, so cost does not grow with length.
2. py3langid's naive Bayes model scores the whole sample, each body window alone and, for a
   headline-cased title, the words it leaves in lower case (its grammar, which outvotes the
   loanwords and names of a mixed title) in one pass.
3. Priors: the ~40 widely published languages weigh more than the others, languages rarely
   seen in news less still (`RARE_IN_NEWS`), and the page's own declarations (html lang,
   og:locale, Content-Language) multiply a language's probability, which settles short or
   ambiguous texts but cannot outvote text that clearly reads as another language (CMS
   templates often declare a default).
4. When the leader is still below `ARBITRATE_BELOW` and both leading candidates are languages
   langdetect knows, langdetect re-weighs those two.
5. A body window that clearly reads as another language yields `language_alt`.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from ..base import Record
from .codes import UNDETERMINED, hint_codes
from .models import langdetect_codes, langdetect_ranking, naive_bayes

WINDOW_CHARS = 400
MAX_WINDOWS = 3
# Fewer letters than this (CJK characters count three) leave too little text to tell.
MIN_LETTERS = 10
HINT_FACTOR = 4.0
# A prior over languages for what the text alone leaves open (short titles): a page is far more
# likely to be in one of the ~40 languages that each hold >= 0.1% of web content (W3Techs content
# language survey, 2024; Norwegian counts both written forms) than in any other; those keep
# weight 1, the others LESS_PUBLISHED_PRIOR.
# Long texts are not moved by it: their likelihoods differ by orders of magnitude more.
WIDELY_PUBLISHED = frozenset(
    "en es de ja fr ru pt it nl pl tr zh fa vi id cs ko uk ar hu el sv ro da fi sk he th bg no nn hr sr lt sl ca et lv hi".split()
)
LESS_PUBLISHED_PRIOR = 0.5
# Regional, classical, constructed and creole languages that a news stream rarely carries and
# whose n-grams overlap a major neighbour's (lb/de, an/es, wa/fr, fy/nl, jv/id, pcm/en...): on a
# title they would win by accident. Languages without an ISO 639-1 code get the same prior.
# A page that declares one of them still lifts it back (HINT_FACTOR).
RARE_IN_NEWS = frozenset({"lb", "an", "oc", "wa", "vo", "eo", "la", "sa", "fy", "gd", "fo", "br", "ht", "jv"})
RARE_PRIOR = 0.2
ARBITRATE_BELOW = 0.7
# Floor on langdetect's vote, so that it re-weighs the two leaders without vetoing either.
LANGDETECT_FLOOR = 0.5
# Share of the Norwegian probability that must be Nynorsk before we say nn rather than no.
NYNORSK_CLEAR = 0.8
ALT_MIN_CHARS = 200
ALT_MIN_CONFIDENCE = 0.9

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[\d_]+")
_HINT_FIELDS = ("html_lang", "og_locale", "content_language")


def _windows(text: str) -> list[str]:
    """At most MAX_WINDOWS slices of WINDOW_CHARS, spread over the text, cut at spaces."""
    text = text.strip()
    if len(text) <= WINDOW_CHARS:
        return [text] if text else []
    count = min(MAX_WINDOWS, math.ceil(len(text) / WINDOW_CHARS))
    step = len(text) // count
    windows = []
    for i in range(count):
        start = i * step
        if start:
            space = text.find(" ", start, start + 40)
            start = space + 1 if space >= 0 else start
        windows.append(text[start : start + WINDOW_CHARS])
    return windows


def _enough_letters(text: str) -> bool:
    weight = 0
    for match in _LETTER.finditer(text):
        weight += 3 if match.group() >= "\u2e80" else 1
        if weight >= MIN_LETTERS:
            return True
    return False


def _headline_grammar(title: str) -> str | None:
    """The words a headline-cased title leaves in lower case, when there are any.

    Headline casing capitalises names, brands and nouns, among them the loanwords of mixed titles
    ("Fishing Masters Show in Rostock im Mai"): what stays lower case are the articles,
    prepositions and verbs, which belong to the language the title is written in.
    """
    words = _WORD.findall(title)
    lower = [word for word in words if word[0].islower()]
    if not lower or 2 * len(lower) > len(words):
        return None
    return " ".join(lower)


def _declared(hints: Any) -> set[str]:
    if not isinstance(hints, dict):
        return set()
    codes: set[str] = set()
    for field in _HINT_FIELDS:
        value = hints.get(field)
        codes |= hint_codes(value if isinstance(value, str) else None)
    return codes


def _prior(code: str) -> float:
    if code in WIDELY_PUBLISHED or code == UNDETERMINED:
        return 1.0
    return RARE_PRIOR if code in RARE_IN_NEWS or len(code) == 3 else LESS_PUBLISHED_PRIOR


class IdentifyLanguage:
    name = "language"

    def __init__(self) -> None:
        self._model = naive_bayes()
        codes = self._model.codes
        self._index = {code: i for i, code in enumerate(codes)}
        self._no, self._nn = self._index["no"], self._index["nn"]
        self._und = self._index[UNDETERMINED]
        self._prior = np.array([_prior(code) for code in codes])

    def run(self, doc: Record) -> Record:
        title = doc.get("title") or ""
        text = doc.get("text") or ""
        return {**doc, **self.identify(title, text, _declared(doc.get("language_hints")))}

    def identify(self, title: str, text: str, declared: set[str]) -> dict[str, Any]:
        title = _NOISE.sub(" ", title)
        windows = [_NOISE.sub(" ", w) for w in _windows(text)]
        segments = [title, *windows] if title.strip() else windows
        sample = "\n".join(segments).strip()
        if not _enough_letters(sample):
            return {"language": UNDETERMINED, "language_confidence": 0.0}
        first_window = len(segments) - len(windows)
        alt_windows = [i for i in range(first_window, len(segments)) if len(segments[i]) >= ALT_MIN_CHARS] if len(windows) > 1 else []
        # One scoring pass reads the whole sample, each long body window alone (for language_alt)
        # and the grammatical words of a headline-cased title (evidence on top of the sample's).
        texts = [range(len(segments)), *([i] for i in alt_windows)]
        grammar = _headline_grammar(title)
        if grammar:
            texts.append([len(segments)])
            segments = [*segments, grammar]
        probs, *window_probs = self._model.probabilities(segments, texts)
        if grammar:
            probs = probs * window_probs.pop()
        probs = self._apply_priors(probs, declared)
        nynorsk_share = probs[self._nn] / max(probs[self._no] + probs[self._nn], 1e-12)
        probs = self._fold_norwegian(probs)
        probs = self._arbitrate(probs, sample)
        best = int(probs.argmax())
        if best == self._und:
            return {"language": UNDETERMINED, "language_confidence": 0.0}
        language = self._model.codes[best]
        if best == self._no and nynorsk_share >= NYNORSK_CLEAR:
            language = "nn"
        result: dict[str, Any] = {"language": language, "language_confidence": round(float(probs[best]), 4)}
        alt = self._second_language(window_probs, best)
        if alt:
            result["language_alt"] = alt
        return result

    def _fold_norwegian(self, probs: np.ndarray) -> np.ndarray:
        probs = probs.copy()
        probs[self._no] += probs[self._nn]
        probs[self._nn] = 0.0
        return probs

    def _apply_priors(self, probs: np.ndarray, declared: set[str]) -> np.ndarray:
        probs = probs * self._prior
        boosted = [self._index[c] for c in declared if c in self._index and c != UNDETERMINED]
        probs[boosted] *= HINT_FACTOR
        return probs / probs.sum()

    def _arbitrate(self, probs: np.ndarray, sample: str) -> np.ndarray:
        first, second = np.argsort(probs)[::-1][:2]
        if probs[first] >= ARBITRATE_BELOW:
            return probs
        codes = self._model.codes
        known = langdetect_codes()
        if codes[first] not in known or codes[second] not in known:
            return probs
        opinion = langdetect_ranking(sample)
        if not opinion:
            return probs
        # langdetect may only move mass between the two leaders, and never to zero.
        weight_first = probs[first] * (opinion.get(codes[first], 0.0) + LANGDETECT_FLOOR)
        weight_second = probs[second] * (opinion.get(codes[second], 0.0) + LANGDETECT_FLOOR)
        mass = probs[first] + probs[second]
        probs = probs.copy()
        probs[first] = mass * weight_first / (weight_first + weight_second)
        probs[second] = mass * weight_second / (weight_first + weight_second)
        return probs

    def _second_language(self, window_probs: list[np.ndarray], best: int) -> dict[str, Any] | None:
        found: dict[int, float] = {}
        for probs in map(self._fold_norwegian, window_probs):
            other = int(probs.argmax())
            if other not in (best, self._und) and probs[other] >= ALT_MIN_CONFIDENCE and probs[best] < 0.05:
                found[other] = max(found.get(other, 0.0), float(probs[other]))
        if not found:
            return None
        other = max(found, key=lambda i: (found[i], -i))
        return {"language": self._model.codes[other], "confidence": round(found[other], 4)}
