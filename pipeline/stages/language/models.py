"""The two detectors behind the language stage, each loaded once per process on first use.

- `NaiveBayes`: py3langid's byte n-gram naive Bayes model (shipped in its wheel, 140 labels,
  Zulu, Xhosa and Icelandic included). We score with its arrays directly so that one walk
  over a text serves the whole sample and each of its windows, and keep the feature table in
  float32: numpy's float16 matrix product is ~10x slower and dominated the per-document cost.
- `langdetect_ranking`: langdetect (seeded, so repeatable) as a second opinion between the two
  leading candidates when the first detector hesitates; it knows 55 languages only, and
  confuses Zulu/Xhosa with Swahili, so it never proposes a language on its own.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache

import numpy as np
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from py3langid.langid import MODEL_DIR, MODEL_FILE, visit_counts
from py3langid.modelio import load_model

from .codes import normalise


class NaiveBayes:
    """Probabilities over published language codes for byte n-gram feature counts."""

    def __init__(self) -> None:
        ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
        self._ptc = np.asarray(ptc, dtype=np.float32)
        self._pc = np.asarray(pc, dtype=np.float32)
        self._nextmove = nextmove
        self._rowbase = [r << 8 for r in row]
        self._output = output
        # Several model columns can share one published code (script variants, dialects).
        self.codes = sorted({normalise(c) for c in classes})
        index = {code: i for i, code in enumerate(self.codes)}
        self._column_code = np.array([index[normalise(c)] for c in classes])

    def features(self, text: str) -> Counter[int]:
        """Feature counts of a text, mergeable across windows with `+`."""
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf-8", errors="surrogatepass")
        return visit_counts(self._nextmove, self._rowbase, self._output, data) or Counter()

    def probabilities(self, features: Counter[int], n_bytes: int) -> np.ndarray:
        """P(code | text) aligned with `self.codes`; uniform when there is no feature."""
        if not features:
            return np.full(len(self.codes), 1.0 / len(self.codes))
        idx = np.fromiter(features.keys(), dtype=np.intp, count=len(features))
        counts = np.fromiter(features.values(), dtype=np.float32, count=len(features))
        scores = np.log1p(counts) @ self._ptc[idx] + self._pc
        # py3langid's own temperature: it keeps the softmax comparable across text lengths.
        scores *= 1.0 / np.sqrt(max(n_bytes, 1))
        np.exp(scores - scores.max(), out=scores)
        return np.bincount(self._column_code, weights=scores, minlength=len(self.codes)) / scores.sum()


@cache
def naive_bayes() -> NaiveBayes:
    return NaiveBayes()


@cache
def _langdetect_factory() -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    # langdetect samples n-grams at random: a fixed seed makes every call repeatable.
    factory.set_seed(0)
    return factory


def langdetect_codes() -> frozenset[str]:
    return frozenset(normalise(code) for code in _langdetect_factory().get_lang_list())


def langdetect_ranking(text: str) -> dict[str, float]:
    """langdetect's probabilities by published code ({} when it finds no feature)."""
    detector = _langdetect_factory().create()
    detector.append(text)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return {}
    merged: dict[str, float] = {}
    for item in ranked:
        code = normalise(item.lang)
        merged[code] = merged.get(code, 0.0) + item.prob
    return merged
