"""The two detectors behind the language stage, each loaded once per process on first use.

- `NaiveBayes`: py3langid's byte n-gram naive Bayes model (shipped in its wheel, 140 labels,
  Zulu, Xhosa and Icelandic included). We score with its arrays directly: each segment of a
  sample is walked once (a loop numba compiles on first use in each process), and one gather of
  the feature table and one matrix product score every text made of those segments (whole
  sample, single windows). The feature table is kept in float32: numpy's float16 matrix product
  is ~10x slower and dominated the per-document cost.
- `langdetect_ranking`: langdetect (seeded, so repeatable) as a second opinion between the two
  leading candidates when the first detector hesitates; it knows 55 languages only, and
  confuses Zulu/Xhosa with Swahili, so it never proposes a language on its own.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

import numpy as np
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from numba import njit
from py3langid.langid import MODEL_DIR, MODEL_FILE
from py3langid.modelio import load_model

from .codes import normalise


@njit
def _walk(data: np.ndarray, nextmove: np.ndarray, rowbase: np.ndarray, output: np.ndarray) -> np.ndarray:
    """The features py3langid's automaton emits over `data` (bytes), in order. Compiled: a byte at
    a time in Python was most of a document's time here, and a text page's language a twentieth of its."""
    found = np.empty(len(data), dtype=np.int64)
    count, state = 0, 0
    for byte in data:
        state = nextmove[rowbase[state] + byte]
        if output[state] >= 0:
            found[count] = output[state]
            count += 1
    return found[:count]


class NaiveBayes:
    """Probabilities over published language codes for texts made of segments."""

    def __init__(self) -> None:
        ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
        self._ptc = np.asarray(ptc, dtype=np.float32)
        self._pc = np.asarray(pc, dtype=np.float32)
        self._nextmove = np.asarray(nextmove, dtype=np.uint32)
        self._rowbase = np.asarray(row, dtype=np.int64) << 8
        self._output = np.asarray(output, dtype=np.int64)
        # Several model columns can share one published code (script variants, dialects):
        # a 0/1 matrix sums them in the same product that normalises the scores.
        self.codes = sorted({normalise(c) for c in classes})
        index = {code: i for i, code in enumerate(self.codes)}
        self._fold = np.zeros((len(classes), len(self.codes)), dtype=np.float32)
        self._fold[np.arange(len(classes)), [index[normalise(c)] for c in classes]] = 1.0

    def _features(self, text: str) -> np.ndarray:
        """Feature ids met walking py3langid's automaton over a text (its `visit_counts`, uncounted)."""
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf-8", errors="surrogatepass")
        return _walk(np.frombuffer(data, dtype=np.uint8), self._nextmove, self._rowbase, self._output)

    def probabilities(self, segments: Sequence[str], texts: Sequence[Sequence[int]]) -> np.ndarray:
        """P(code | text) for each text, a text being some of the segments (indices) read together,
        joined by a separator; rows align with `texts`, columns with `self.codes`. A text without
        any feature gets the uniform distribution."""
        walked = [self._features(segment) for segment in segments]
        features, seen = np.unique(np.concatenate(walked), return_inverse=True)
        if not len(features):
            return np.full((len(texts), len(self.codes)), 1.0 / len(self.codes))
        # Counts per segment, summed per text: one gather of the feature table serves all texts.
        owner = np.repeat(np.arange(len(segments)), [len(w) for w in walked])
        per_segment = np.bincount(owner * len(features) + seen, minlength=len(segments) * len(features))
        members = np.zeros((len(texts), len(segments)), dtype=np.float32)
        for row, text in enumerate(texts):
            members[row, list(text)] = 1.0
        counts = members @ per_segment.reshape(len(segments), len(features)).astype(np.float32)
        scores = np.log1p(counts) @ np.take(self._ptc, features, axis=0) + self._pc
        # py3langid's own temperature: it keeps the softmax comparable across text lengths.
        sizes = [len(segment.encode("utf-8")) for segment in segments]
        sizes = np.array([sum(sizes[i] for i in text) + len(text) - 1 for text in texts])
        scores *= (1.0 / np.sqrt(np.maximum(sizes, 1)))[:, None]
        scores = np.exp(scores - scores.max(axis=1, keepdims=True)) @ self._fold
        probs = scores / scores.sum(axis=1, keepdims=True)
        probs[counts.sum(axis=1) == 0] = 1.0 / len(self.codes)
        return probs


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
