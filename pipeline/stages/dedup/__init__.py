"""Dedup: article ids, exact and near-duplicates, and story clustering (design: docs/dedup.md).

Split into steps so the stream can run each behind its own repartition:
`prepare` (stateless), `UrlClaim` and `TextClaim` (keyed), `StoryIndex` (one sequenced
partition). `Dedup` composes them in one process.
"""

from pipeline.stages.dedup.claims import KeyClaim, TextClaim, UrlClaim
from pipeline.stages.dedup.prepare import FEATURES, prepare
from pipeline.stages.dedup.stage import TABLES, Dedup
from pipeline.stages.dedup.stories import StoryIndex, StoryParams

__all__ = ["FEATURES", "TABLES", "Dedup", "KeyClaim", "StoryIndex", "StoryParams", "TextClaim", "UrlClaim", "prepare"]
