"""Text fingerprints: the exact content hash and the MinHash signature of an article body.

Only the body text is fingerprinted, never the page: two pages of one site share their
template, and a fingerprint of the template would call them copies of each other.
"""

from __future__ import annotations

import base64
import hashlib
import zlib

import numpy as np
from datasketch import MinHash

from pipeline.stages.dedup.tokens import Tokens

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
# Below this many words a body is too short for its hash to mean "the same article".
MIN_HASHED_WORDS = 8

# Odd 64-bit multipliers, one per position in a shingle: a shingle's hash is the wrapping sum
# of its words' hashes times these, computed for all shingles at once in numpy.
_POSITION_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD],
    dtype=np.uint64,
)[:SHINGLE_WORDS]
# datasketch's permutations (affine32 scheme, seed 1). Its update_batch converts the hashes one
# by one in Python; the same arithmetic on the whole array (`signature`) is 2-3 times faster.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1).permutations
_BAND_TAGS = [bytes([band]) for band in range(BANDS)]
_U32 = np.uint32
_EMPTY_SLOT = _U32(0xFFFFFFFF)


def content_hash(tokens: list[str]) -> str:
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()


def shingles(tokens: Tokens) -> np.ndarray:
    """Distinct 32-bit hashes of the body's overlapping word 5-grams (fewer words: one shingle), sorted."""
    words = tokens.words
    if not words:
        return np.empty(0, dtype=np.uint32)
    # Hash each distinct word once, then spread the hashes over the positions.
    distinct = {word: i for i, word in enumerate(tokens.counts)}
    distinct_hashes = np.fromiter(map(zlib.crc32, map(str.encode, distinct)), dtype=np.uint64, count=len(distinct))
    word_hashes = distinct_hashes[np.fromiter(map(distinct.__getitem__, words), dtype=np.intp, count=len(words))]
    width = min(SHINGLE_WORDS, len(words))
    count = len(words) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for position in range(width):
        combined += word_hashes[position : position + count] * _POSITION_MULTIPLIERS[position]
    # Sorting and dropping repeats is several times faster than np.unique's hash table here.
    hashes = np.sort((combined >> np.uint64(32)).astype(np.uint32))
    keep = np.empty(count, dtype=bool)
    keep[0] = True
    np.not_equal(hashes[1:], hashes[:-1], out=keep[1:])
    return hashes[keep]


def signature(shingle_hashes: np.ndarray) -> np.ndarray:
    """The MinHash datasketch would give (MurmurHash3 finalizer, then affine permutations mod 2^32)."""
    mixed = shingle_hashes.astype(_U32)
    mixed ^= mixed >> _U32(16)
    mixed *= _U32(0x85EBCA6B)
    mixed ^= mixed >> _U32(13)
    mixed *= _U32(0xC2B2AE35)
    mixed ^= mixed >> _U32(16)
    multipliers, offsets = _PERMUTATIONS
    permuted = np.multiply.outer(mixed, multipliers)
    permuted += offsets
    return permuted.min(axis=0, initial=_EMPTY_SLOT)


def encode_signature(values: np.ndarray) -> str:
    """Compact, JSON-safe form: 128 uint32 in 684 characters instead of ~1,400 as a list."""
    return base64.b64encode(values.astype("<u4").tobytes()).decode("ascii")


def decode_signature(encoded: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(encoded), dtype="<u4")


def band_keys(values: np.ndarray) -> list[bytes]:
    """One LSH bucket key per band: the band's bytes, and its index so that bands never collide.

    The keys only index memory (the rows store the signature), so they need no hashing of their own.
    """
    raw = values.astype("<u4").tobytes()
    width = ROWS * 4
    return [raw[band * width : (band + 1) * width] + _BAND_TAGS[band] for band in range(BANDS)]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def containment(jaccard_estimate: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller shingle set found in the larger (|A∩B| / min(|A|, |B|))."""
    smaller = min(size_a, size_b)
    if smaller == 0:
        return 0.0
    intersection = jaccard_estimate * (size_a + size_b) / (1.0 + jaccard_estimate)
    return min(1.0, intersection / smaller)
