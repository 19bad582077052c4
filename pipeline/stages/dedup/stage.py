"""`Dedup`: the four dedup steps composed over in-process tables, for `newsfeed process`."""

from __future__ import annotations

from collections.abc import Mapping

from pipeline.stages.dedup.claims import Table, TextClaim, UrlClaim
from pipeline.stages.dedup.prepare import Record, prepare
from pipeline.stages.dedup.stories import StoryIndex, StoryParams

TABLES = ("urls", "texts", "stories")
# Claims are expired lazily when their key comes back; a sweep every so many records bounds the rest.
_SWEEP_EVERY = 1000


class Dedup:
    """prepare -> UrlClaim -> TextClaim -> StoryIndex, on dicts (or on any tables given)."""

    name = "dedup"

    def __init__(self, tables: Mapping[str, Table] | None = None, window_days: float = 7.0,
                 params: StoryParams = StoryParams()) -> None:
        tables = tables or {}
        self.tables: dict[str, Table] = {name: tables.get(name, {}) for name in TABLES}
        window_s = window_days * 86400.0
        self.url_claim = UrlClaim(window_s)
        self.text_claim = TextClaim(window_s)
        self.stories = StoryIndex(self.tables["stories"], window_s, params)
        self._since_sweep = 0

    def run(self, doc: Record) -> Record:
        doc = prepare(doc)
        doc = self.url_claim.decide(doc, self.tables["urls"])
        doc = self.text_claim.decide(doc, self.tables["texts"])
        doc = self.stories.decide(doc)
        self._since_sweep += 1
        if self._since_sweep >= _SWEEP_EVERY:
            self._sweep_claims()
        return doc

    def _sweep_claims(self) -> None:
        self._since_sweep = 0
        if self.stories.watermark is None:
            return
        before = self.stories.watermark - self.stories.window_s
        for claim, table in ((self.url_claim, self.tables["urls"]), (self.text_claim, self.tables["texts"])):
            claim.sweep(table, before)
