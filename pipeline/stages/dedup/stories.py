"""Step 4 of dedup: near-duplicates and stories, the one step that needs every article in the window.

Persistent state is `table`: one JSON row per article id seen in the window, in the order
the index decided them (`q`). Everything else (LSH buckets, story centroids, the term
index) is derived from the rows and rebuilt when the index starts, by replaying the rows
in `q` order through the same code the live path uses, so a restarted worker reaches
bit-identical sums and so identical decisions.

Row of a kept article: {"q", "o": origin, "t": time, "s": story_id, "d": null,
"n": shingles, "g": signature, "v": story vector}. Row of a copy: {"q", "o", "t", "s",
"d": original id} (no features: copies are never matched against, their original is).
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from pipeline.stages.dedup import fingerprint
from pipeline.stages.dedup.prepare import FEATURES, Record

Table = MutableMapping[str, Any]
DEFAULT_WINDOW_S = 7 * 86400.0


@dataclass(frozen=True)
class StoryParams:
    # A candidate is a re-publication when most of the shorter body is in the longer one ...
    near_dup_containment: float = 0.8
    # ... and the two bodies are not just a short text inside a much longer one.
    near_dup_jaccard: float = 0.35
    # Cosine of an article to a story's centroid (sum of its members' vectors) to join it.
    story_similarity: float = 0.3


@dataclass
class _Story:
    members: list[str]
    centroid: dict[str, float]
    norm_sq: float
    last_t: float | None


class StoryIndex:
    name = "dedup-stories"

    def __init__(self, table: Table | None = None, window_s: float = DEFAULT_WINDOW_S,
                 params: StoryParams = StoryParams()) -> None:
        self.table: Table = {} if table is None else table
        self.window_s = window_s
        self.params = params
        self._buckets: dict[str, list[str]] = defaultdict(list)
        self._signatures: dict[str, tuple[np.ndarray, int]] = {}
        self._stories: dict[str, _Story] = {}
        self._term_stories: dict[str, set[str]] = defaultdict(set)
        self._expiry: list[tuple[float, int, str]] = []
        self._next_q = 0
        self.watermark: float | None = None
        for article_id, row in sorted(self.table.items(), key=lambda item: item[1]["q"]):
            self._index(article_id, row)
            self._next_q = row["q"] + 1

    def decide(self, doc: Record) -> Record:
        feats = doc.pop(FEATURES)
        article_id, origin = doc["id"], doc["origin"]
        known = self.table.get(article_id)
        if known is not None and known["o"] == origin:
            # The same raw record again: the decision it got the first time.
            doc["duplicate_of"], doc["story_id"] = known["d"], known["s"]
            return doc
        self._evict()
        t = feats["t"] if feats["t"] is not None else self.watermark
        original = doc.get("duplicate_of") or (article_id if known is not None else None)
        if original is None:
            original = self._near_duplicate(feats)
        if original is not None:
            root = self._root(original)
            doc["duplicate_of"] = root
            root_row = self.table.get(root)
            doc["story_id"] = root_row["s"] if root_row is not None else root
            if known is None:
                self._store(article_id, {"o": origin, "t": t, "s": doc["story_id"], "d": root})
            return doc
        story_id = self._story_for(feats["v"], t) or article_id
        doc["story_id"] = story_id
        self._store(article_id, {"o": origin, "t": t, "s": story_id, "d": None,
                                 "n": feats["n"], "g": feats["g"], "v": feats["v"]})
        return doc

    def _root(self, article_id: str) -> str:
        """The kept article behind a chain of copies (a re-send of a page that was itself a copy)."""
        seen = set()
        row = self.table.get(article_id)
        while row is not None and row["d"] is not None and article_id not in seen:
            seen.add(article_id)
            article_id = row["d"]
            row = self.table.get(article_id)
        return article_id

    def _near_duplicate(self, feats: dict) -> str | None:
        signature = fingerprint.decode_signature(feats["g"])
        size = feats["n"]
        candidates = {c for key in fingerprint.band_keys(signature) for c in self._buckets.get(key, ())}
        best, best_score = None, 0.0
        for candidate in sorted(candidates):
            other, other_size = self._signatures[candidate]
            jaccard = fingerprint.jaccard(signature, other)
            contained = fingerprint.containment(jaccard, size, other_size)
            if jaccard >= self.params.near_dup_jaccard and contained >= self.params.near_dup_containment:
                if contained > best_score:
                    best, best_score = candidate, contained
        return best

    def _story_for(self, vector: list[list], t: float | None) -> str | None:
        scores: dict[str, float] = defaultdict(float)
        for term, weight in vector:
            for story_id in self._term_stories.get(term, ()):
                scores[story_id] += weight * self._stories[story_id].centroid[term]
        best, best_score = None, self.params.story_similarity
        for story_id in sorted(scores):
            story = self._stories[story_id]
            if t is not None and story.last_t is not None and abs(t - story.last_t) > self.window_s:
                continue
            score = scores[story_id] / math.sqrt(story.norm_sq)
            if score >= best_score:
                best, best_score = story_id, score
        return best

    def _store(self, article_id: str, row: dict) -> None:
        row["q"] = self._next_q
        self._next_q += 1
        self.table[article_id] = row
        self._index(article_id, row)

    def _index(self, article_id: str, row: dict) -> None:
        if row["t"] is not None:
            heapq.heappush(self._expiry, (row["t"], row["q"], article_id))
            self.watermark = row["t"] if self.watermark is None else max(self.watermark, row["t"])
        if row["d"] is not None:
            return
        signature = fingerprint.decode_signature(row["g"])
        self._signatures[article_id] = (signature, row["n"])
        for key in fingerprint.band_keys(signature):
            self._buckets[key].append(article_id)
        story = self._stories.get(row["s"])
        if story is None:
            story = self._stories[row["s"]] = _Story([], {}, 0.0, row["t"])
        story.members.append(article_id)
        self._add_to_centroid(row["s"], story, row["v"])
        if row["t"] is not None and (story.last_t is None or row["t"] > story.last_t):
            story.last_t = row["t"]

    def _add_to_centroid(self, story_id: str, story: _Story, vector: list[list]) -> None:
        """Sum a member into its story; the norm is updated term by term, not re-summed."""
        squared = story.norm_sq
        centroid = story.centroid
        for term, weight in vector:
            before = centroid.get(term, 0.0)
            after = before + weight
            centroid[term] = after
            squared += after * after - before * before
            if before == 0.0:
                self._term_stories[term].add(story_id)
        story.norm_sq = squared

    def _evict(self) -> None:
        """Drop rows older than the window behind the newest stored row.

        The watermark moves only with stored rows, so a rebuilt index (which sees only rows)
        evicts at exactly the points the live one did.
        """
        if self.watermark is None:
            return
        cutoff = self.watermark - self.window_s
        touched: set[str] = set()
        while self._expiry and self._expiry[0][0] < cutoff:
            _, q, article_id = heapq.heappop(self._expiry)
            row = self.table.get(article_id)
            if row is None or row["q"] != q:
                continue
            del self.table[article_id]
            if row["d"] is None:
                self._forget(article_id, row)
                touched.add(row["s"])
        for story_id in touched:
            self._recompute(story_id)

    def _forget(self, article_id: str, row: dict) -> None:
        for key in fingerprint.band_keys(self._signatures.pop(article_id)[0]):
            bucket = self._buckets[key]
            bucket.remove(article_id)
            if not bucket:
                del self._buckets[key]
        self._stories[row["s"]].members.remove(article_id)

    def _recompute(self, story_id: str) -> None:
        """A story's centroid from its remaining members, summed in arrival order as a rebuild would."""
        story = self._stories[story_id]
        for term in story.centroid:
            holders = self._term_stories.get(term)
            if holders is not None:
                holders.discard(story_id)
                if not holders:
                    del self._term_stories[term]
        if not story.members:
            del self._stories[story_id]
            return
        story.centroid = {}
        story.norm_sq = 0.0
        for member in story.members:
            self._add_to_centroid(story_id, story, self.table[member]["v"])
