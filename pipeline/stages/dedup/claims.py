"""Exact-duplicate claims: the first record to reach a key owns it; later ones are its copies.

Each claim is a keyed step: the stream routes records by `key(doc)` so one partition (one
worker) sees every record with that key, in order, and the decision only reads and writes
that key's row. `table` is any MutableMapping of JSON rows: a dict in process, a Faust
changelog table in the stream.

A row remembers the owner's `origin` (where its raw record sits). The same origin coming
back is the same raw record delivered again (a replay, a redelivery after a crash): it is
the owner, not a copy of itself.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import MutableMapping
from typing import Any

from pipeline.stages.dedup.fingerprint import MIN_HASHED_WORDS
from pipeline.stages.dedup.prepare import FEATURES, Record

Table = MutableMapping[str, Any]
DEFAULT_WINDOW_S = 7 * 86400.0


class KeyClaim(ABC):
    """Claim `key(doc)` for the record's article id; a record arriving at an owned key is a duplicate."""

    def __init__(self, window_s: float = DEFAULT_WINDOW_S) -> None:
        self.window_s = window_s

    @abstractmethod
    def key(self, doc: Record) -> str:
        """The partition key the stream routes this step by."""

    def applies(self, doc: Record) -> bool:
        return True

    def decide(self, doc: Record, table: Table) -> Record:
        # A record already found to be a copy claims nothing: its keys belong to its original.
        if doc.get("duplicate_of") or not self.applies(doc):
            return doc
        key = self.key(doc)
        t = doc[FEATURES]["t"]
        row = table.get(key)
        if row is None or self._expired(row, t):
            table[key] = {"id": doc["id"], "o": doc["origin"], "t": t}
        elif row["o"] != doc["origin"]:
            doc["duplicate_of"] = row["id"]
        return doc

    def _expired(self, row: dict, t: float | None) -> bool:
        return t is not None and row["t"] is not None and t - row["t"] > self.window_s

    @staticmethod
    def sweep(table: Table, before: float) -> int:
        """Forget claims older than `before` (epoch seconds); returns how many were dropped."""
        stale = [key for key, row in table.items() if row["t"] is not None and row["t"] < before]
        for key in stale:
            del table[key]
        return len(stale)


class UrlClaim(KeyClaim):
    """Same article URL (tracking parameters, AMP, mobile hosts and fragments folded)."""

    def key(self, doc: Record) -> str:
        return doc[FEATURES]["k"]


class TextClaim(KeyClaim):
    """Same normalised body text under another URL."""

    def key(self, doc: Record) -> str:
        return doc["content_hash"]

    def applies(self, doc: Record) -> bool:
        return doc[FEATURES]["w"] >= MIN_HASHED_WORDS
