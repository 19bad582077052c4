"""Text fingerprints: the exact content hash and the MinHash signature of an article body.

Only the body text is fingerprinted, never the page: two pages of one site share their
template, and a fingerprint of the template would call them copies of each other.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
import zlib

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
# Below this many words a body is too short for its hash to mean "the same article".
MIN_HASHED_WORDS = 8

_WORD = re.compile(r"\w+", re.UNICODE)
# Odd 64-bit multipliers, one per position in a shingle: a shingle's hash is the wrapping sum
# of its words' hashes times these, computed for all shingles at once in numpy.
_POSITION_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD],
    dtype=np.uint64,
)[:SHINGLE_WORDS]
# The shingle hashes are already 32-bit hashes: datasketch only has to permute them.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int)


def words(text: str) -> list[str]:
    """The body as case-folded words: punctuation, quotes and spacing variants do not count."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(tokens: list[str]) -> str:
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()


def shingles(tokens: list[str]) -> np.ndarray:
    """Distinct 32-bit hashes of the body's overlapping word 5-grams (fewer words: one shingle)."""
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    # Hash each distinct word once, then spread the hashes over the positions.
    distinct = {word: i for i, word in enumerate(dict.fromkeys(tokens))}
    distinct_hashes = np.array([zlib.crc32(word.encode("utf-8")) for word in distinct], dtype=np.uint64)
    word_hashes = distinct_hashes[np.fromiter(map(distinct.__getitem__, tokens), dtype=np.intp, count=len(tokens))]
    width = min(SHINGLE_WORDS, len(tokens))
    count = len(tokens) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for position in range(width):
        combined += word_hashes[position : position + count] * _POSITION_MULTIPLIERS[position]
    return np.unique((combined >> np.uint64(32)).astype(np.uint32))


def signature(shingle_hashes: np.ndarray) -> np.ndarray:
    minhash = _TEMPLATE.copy()
    minhash.clear()
    minhash.update_batch(shingle_hashes.tolist())
    return minhash.hashvalues.astype(np.uint32)


def encode_signature(values: np.ndarray) -> str:
    """Compact, JSON-safe form: 128 uint32 in 684 characters instead of ~1,400 as a list."""
    return base64.b64encode(values.astype("<u4").tobytes()).decode("ascii")


def decode_signature(encoded: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(encoded), dtype="<u4")


def band_keys(values: np.ndarray) -> list[str]:
    """One LSH bucket key per band; the band index is part of the key so bands never collide."""
    raw = values.astype("<u4").tobytes()
    width = ROWS * 4
    return [
        f"{band:02d}" + hashlib.blake2b(raw[band * width : (band + 1) * width], digest_size=8).hexdigest()
        for band in range(BANDS)
    ]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def containment(jaccard_estimate: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller shingle set found in the larger (|A∩B| / min(|A|, |B|))."""
    smaller = min(size_a, size_b)
    if smaller == 0:
        return 0.0
    intersection = jaccard_estimate * (size_a + size_b) / (1.0 + jaccard_estimate)
    return min(1.0, intersection / smaller)
