"""The language stage: ISO 639-1 code and calibrated confidence for an extracted article.

Method (figures in docs/language.md):
1. A bounded sample: the title plus up to three windows of the body (start, one third, two
   thirds), with URLs, e-mail addresses and digits removed, so cost does not grow with length.
2. py3langid's naive Bayes model scores the whole sample (one walk, features merged).
3. Priors: languages rarely seen in news are damped (`RARE_IN_NEWS`), and the page's own
   declarations (html lang, og:locale, Content-Language) multiply a language's probability,
   which settles short or ambiguous texts but cannot outvote text that clearly reads as
   another language (CMS templates often declare a default).
4. When the leader is still below `ARBITRATE_BELOW` and both leading candidates are languages
   langdetect knows, langdetect re-weighs those two.
5. A body window that clearly reads as another language yields `language_alt`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
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
# Regional, classical, constructed and creole languages that a news stream rarely carries and
# whose n-grams overlap a major neighbour's (lb/de, an/es, wa/fr, fy/nl, jv/id, pcm/en...): on a
# title they would win by accident. Languages without an ISO 639-1 code get the same prior.
# A page that declares one of them still lifts it back (HINT_FACTOR).
RARE_IN_NEWS = frozenset({"lb", "an", "oc", "wa", "vo", "eo", "la", "sa", "fy", "gd", "fo", "br", "ht", "jv"})
RARE_PRIOR = 0.2
ARBITRATE_BELOW = 0.7
# Floor on langdetect's vote, so that it re-weighs the two leaders without vetoing either.
LANGDETECT_FLOOR = 0.25
# Share of the Norwegian probability that must be Nynorsk before we say nn rather than no.
NYNORSK_CLEAR = 0.8
ALT_MIN_CHARS = 200
ALT_MIN_CONFIDENCE = 0.9

_LETTER = re.compile(r"[^\W\d_]")
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


def _declared(hints: Any) -> set[str]:
    if not isinstance(hints, dict):
        return set()
    codes: set[str] = set()
    for field in _HINT_FIELDS:
        value = hints.get(field)
        codes |= hint_codes(value if isinstance(value, str) else None)
    return codes


class IdentifyLanguage:
    name = "language"

    def __init__(self) -> None:
        self._model = naive_bayes()
        codes = self._model.codes
        self._index = {code: i for i, code in enumerate(codes)}
        self._no, self._nn = self._index["no"], self._index["nn"]
        self._und = self._index[UNDETERMINED]
        self._prior = np.array([RARE_PRIOR if c in RARE_IN_NEWS or len(c) == 3 else 1.0 for c in codes])
        self._prior[self._und] = 1.0

    def run(self, doc: Record) -> Record:
        title = doc.get("title") or ""
        text = doc.get("text") or ""
        return {**doc, **self.identify(title, text, _declared(doc.get("language_hints")))}

    def identify(self, title: str, text: str, declared: set[str]) -> dict[str, Any]:
        title = _NOISE.sub(" ", title)
        windows = [_NOISE.sub(" ", w) for w in _windows(text)]
        sample = "\n".join([title, *windows]).strip()
        if not _enough_letters(sample):
            return {"language": UNDETERMINED, "language_confidence": 0.0}
        model = self._model
        window_features = [model.features(w) for w in windows]
        features = model.features(title)
        for counts in window_features:
            features.update(counts)
        probs = model.probabilities(features, len(sample.encode("utf-8")))
        probs = self._apply_priors(probs, declared)
        nynorsk_share = probs[self._nn] / max(probs[self._no] + probs[self._nn], 1e-12)
        probs[self._no] += probs[self._nn]
        probs[self._nn] = 0.0
        probs = self._arbitrate(probs, sample)
        best = int(probs.argmax())
        if best == self._und:
            return {"language": UNDETERMINED, "language_confidence": 0.0}
        language = model.codes[best]
        if best == self._no and nynorsk_share >= NYNORSK_CLEAR:
            language = "nn"
        result: dict[str, Any] = {"language": language, "language_confidence": round(float(probs[best]), 4)}
        alt = self._second_language(windows, window_features, best)
        if alt:
            result["language_alt"] = alt
        return result

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

    def _second_language(self, windows: list[str], window_features: list[Counter[int]], best: int) -> dict[str, Any] | None:
        if len(windows) < 2:
            return None
        found: dict[int, float] = {}
        for window, features in zip(windows, window_features):
            if len(window) < ALT_MIN_CHARS:
                continue
            probs = self._model.probabilities(features, len(window.encode("utf-8")))
            probs[self._no] += probs[self._nn]
            probs[self._nn] = 0.0
            other = int(probs.argmax())
            if other not in (best, self._und) and probs[other] >= ALT_MIN_CONFIDENCE and probs[best] < 0.05:
                found[other] = max(found.get(other, 0.0), float(probs[other]))
        if not found:
            return None
        other = max(found, key=lambda i: (found[i], -i))
        return {"language": self._model.codes[other], "confidence": round(found[other], 4)}
