"""The topics the pipeline runs on, and creating them with the configured partitions and size limits.

    pages.raw ──extract──▶ pages.extracted ──language──▶ pages.identified
      ──dedup: prepare──▶ pages.dedup.by-url (key: url key)      ─UrlClaim──▶
                          pages.dedup.by-text (key: content hash) ─TextClaim─▶
                          pages.dedup.sequenced (1 partition)     ─StoryIndex▶ pages.deduplicated
      ──enrich──▶ articles.clean (key: id) | articles.duplicates (key: duplicate_of)
    every stage ──▶ pipeline.dead-letters (key: origin)

Names get `Settings.topic_prefix` in front. Faust adds its own per-app topics (table
changelogs, its assignor's leader topic) named after the app id, which carries the prefix too.
"""

from __future__ import annotations

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from pipeline.settings import Settings
from pipeline.stream.kafka import client_options, message_limit

STAGES = ("extract", "language", "dedup", "enrich")

RAW = "pages.raw"
EXTRACTED = "pages.extracted"
IDENTIFIED = "pages.identified"
BY_URL = "pages.dedup.by-url"
BY_TEXT = "pages.dedup.by-text"
SEQUENCED = "pages.dedup.sequenced"
DEDUPLICATED = "pages.deduplicated"
CLEAN = "articles.clean"
DUPLICATES = "articles.duplicates"
DEAD_LETTERS = "pipeline.dead-letters"

ALL = (RAW, EXTRACTED, IDENTIFIED, BY_URL, BY_TEXT, SEQUENCED, DEDUPLICATED, CLEAN, DUPLICATES, DEAD_LETTERS)
# Where each input record ends up: exactly one of these, once (more than once only on redelivery).
OUTCOMES = {CLEAN: "article", DUPLICATES: "duplicate", DEAD_LETTERS: "dead_letter"}
# Story clustering needs every article in the window in one place, in one order.
SINGLE_PARTITION = frozenset({SEQUENCED})


def partitions(settings: Settings, name: str) -> int:
    return 1 if name in SINGLE_PARTITION else settings.partitions


async def create_topics(settings: Settings, names: tuple[str, ...] = ALL) -> None:
    """Create the topics that do not exist yet; existing ones are left as they are."""
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(
                settings.topic(name), partitions(settings, name), settings.replication_factor,
                topic_configs={"max.message.bytes": str(message_limit(settings))},
            )
            for name in names
            if settings.topic(name) not in existing
        ]
        if wanted:
            try:
                await admin.create_topics(wanted)
            except TopicAlreadyExistsError:  # another worker starting at the same time
                pass
    finally:
        await admin.close()
