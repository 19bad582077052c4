"""Step 4 of dedup: near-duplicates and stories, the one step that needs every article in the window.

Persistent state is `table`: one JSON row per article id seen in the window, in the order
the index decided them (`q`). Everything else (LSH buckets, story centroids, the term
index) is derived from the rows and rebuilt when the index starts, by replaying the rows
in `q` order through the same code the live path uses, so a restarted worker reaches
bit-identical sums and so identical decisions.

Row of a kept article: {"q", "o": origin, "t": time, "p": publication time, "s": story_id,
"d": null, "n": shingles, "g": signature, "v": story vector, "m": which of its terms are
names or numbers}. Row of a
copy: {"q", "o", "t", "s", "d": original id} (no features: copies are never matched against,
their original is).

An article joins the story whose centroid is nearest (cosine ≥ `story_similarity`), if their
names agree too (cosine of the names vector to the story's names centroid ≥ `name_similarity`,
when both have names): two events of one kind share topic words, rarely names. When the
article and the story both carry publication times, each day between them beyond
`same_days` raises the topic similarity required.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from pipeline.stages.dedup import fingerprint
from pipeline.stages.dedup.features import names_vector
from pipeline.stages.dedup.prepare import FEATURES, Record

Table = MutableMapping[str, Any]
DEFAULT_WINDOW_S = 7 * 86400.0


@dataclass(frozen=True)
class StoryParams:
    # A candidate is a re-publication when most of the shorter body is in the longer one ...
    near_dup_containment: float = 0.8
    # ... and the two bodies are not just a short text inside a much longer one.
    near_dup_jaccard: float = 0.35
    # Cosine of an article's topic vector to a story's topic centroid (sum of its members' vectors) to join it ...
    story_similarity: float = 0.25
    # ... and of its names vector to the story's names centroid, when both have names.
    name_similarity: float = 0.25
    # Publication times this many days apart are one news cycle ...
    same_days: float = 1.0
    # ... each further day raises the topic similarity required by this much.
    similarity_per_day: float = 0.05


class _Centroid:
    """The sum of member vectors, with its squared norm kept up to date term by term."""

    __slots__ = ("weights", "norm_sq", "norm")

    def __init__(self) -> None:
        self.weights: dict[str, float] = {}
        self.norm_sq = 0.0
        self.norm = 0.0

    def add(self, vector: list) -> None:
        weights, squared = self.weights, self.norm_sq
        for term, weight in vector:
            before = weights.get(term, 0.0)
            after = before + weight
            weights[term] = after
            squared += after * after - before * before
        self.norm_sq = squared
        self.norm = math.sqrt(squared)

    def cosine(self, vector: list[tuple[str, float]]) -> float:
        """Cosine to an L2-normalised vector."""
        if self.norm <= 0.0:
            return 0.0
        weights = self.weights
        return sum(weight * weights.get(term, 0.0) for term, weight in vector) / self.norm


@dataclass
class _Story:
    members: list[str] = field(default_factory=list)
    topic: _Centroid = field(default_factory=_Centroid)
    names: _Centroid = field(default_factory=_Centroid)
    last_t: float | None = None
    # Earliest and latest publication time of the members that have one.
    first_p: float | None = None
    last_p: float | None = None

    def add_published(self, p: float | None) -> None:
        if p is not None:
            self.first_p = p if self.first_p is None else min(self.first_p, p)
            self.last_p = p if self.last_p is None else max(self.last_p, p)

    def days_apart(self, p: float | None) -> float:
        """Days from a publication time to the nearest of the members' (0 if either is unknown)."""
        if p is None or self.first_p is None:
            return 0.0
        return max(self.first_p - p, p - self.last_p, 0.0) / 86400.0


class StoryIndex:
    name = "dedup-stories"

    def __init__(self, table: Table | None = None, window_s: float = DEFAULT_WINDOW_S,
                 params: StoryParams = StoryParams()) -> None:
        self.table: Table = {} if table is None else table
        self.window_s = window_s
        self.params = params
        self._buckets: dict[bytes, list[str]] = defaultdict(list)
        self._signatures: dict[str, tuple[np.ndarray, int]] = {}
        self._stories: dict[str, _Story] = {}
        # term -> {story id: the term's weight in the story's centroid}: scoring reads only these.
        self._postings: dict[str, dict[str, float]] = defaultdict(dict)
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
        original = doc.get("duplicate_of")
        if original is None and known is not None:
            # The claim steps own identity: this id's claims have left the window, so the
            # article is new again and replaces what is left of the old one.
            self._drop(article_id, known)
            known = None
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
        story_id = self._story_for(feats, t) or article_id
        doc["story_id"] = story_id
        self._store(article_id, {"o": origin, "t": t, "p": feats["p"], "s": story_id, "d": None,
                                 "n": feats["n"], "g": feats["g"], "v": feats["v"], "m": feats["m"]})
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

    def _story_for(self, feats: dict, t: float | None) -> str | None:
        params, stories = self.params, self._stories
        scores: dict[str, float] = defaultdict(float)
        postings = self._postings
        for term, weight in feats["v"]:
            if term in postings:
                for story_id, centroid_weight in postings[term].items():
                    scores[story_id] += weight * centroid_weight
        names = names_vector(feats["v"], feats["m"])
        best, best_score = None, params.story_similarity
        # Most stories sharing a term are far below the threshold: drop them before anything else.
        near = [story_id for story_id, score in scores.items() if score >= best_score * stories[story_id].topic.norm]
        for story_id in sorted(near):
            story = stories[story_id]
            if t is not None and story.last_t is not None and abs(t - story.last_t) > self.window_s:
                continue
            score = scores[story_id] / story.topic.norm
            if score < best_score:
                continue
            late = story.days_apart(feats["p"]) - params.same_days
            if late > 0 and score < params.story_similarity + late * params.similarity_per_day:
                continue
            if names and story.names.norm and story.names.cosine(names) < params.name_similarity:
                continue
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
            story = self._stories[row["s"]] = _Story(last_t=row["t"])
        story.members.append(article_id)
        self._add_member(row["s"], story, row)
        if row["t"] is not None and (story.last_t is None or row["t"] > story.last_t):
            story.last_t = row["t"]

    def _add_member(self, story_id: str, story: _Story, row: dict) -> None:
        topic, postings = story.topic, self._postings
        topic.add(row["v"])
        for term, _ in row["v"]:
            postings[term][story_id] = topic.weights[term]
        story.names.add(names_vector(row["v"], row["m"]))
        story.add_published(row["p"])

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

    def _drop(self, article_id: str, row: dict) -> None:
        del self.table[article_id]
        if row["d"] is None:
            self._forget(article_id, row)
            self._recompute(row["s"])

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
        for term in story.topic.weights:
            holders = self._postings.get(term)
            if holders is not None:
                holders.pop(story_id, None)
                if not holders:
                    del self._postings[term]
        if not story.members:
            del self._stories[story_id]
            return
        rebuilt = self._stories[story_id] = _Story(members=story.members, last_t=story.last_t)
        for member in story.members:
            self._add_member(story_id, rebuilt, self.table[member])
