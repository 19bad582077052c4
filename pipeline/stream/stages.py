"""The four stage workers: each names its steps' logic and routes; the base class does the rest."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from pipeline.isolation import ChildPool, Failure, run_stages
from pipeline.stages.base import Record, Stage
from pipeline.stages.dedup import FEATURES, KeyClaim, StoryIndex, TextClaim, UrlClaim, prepare
from pipeline.stages.enrich import Enrich
from pipeline.stages.extract import Extract
from pipeline.stages.extract.site_memory import SiteTemplates
from pipeline.stages.language import IdentifyLanguage
from pipeline.stream import topics
from pipeline.stream.state import ClaimSweeper, PartitionRows
from pipeline.stream.worker import StageWorker, Step

# Claim rows are swept when a partition's stream time (raw timestamps) has moved this far (at most).
SWEEP_EVERY_S = 3600.0


def extract_stages() -> list[Stage]:
    """What an extraction child process runs (module level: spawned children import it)."""
    return [Extract()]


class ExtractWorker(StageWorker):
    """pages.raw -> pages.extracted. Extraction runs in child processes: a 5 MB page keeps a core
    busy for seconds, which must not stall the event loop that heartbeats to the group."""

    stage = "extract"

    def steps(self) -> list[Step]:
        # Site templates are learned per worker: keying a table by site would need pages.raw
        # repartitioned by site, and one big publisher would then be extracted by one worker.
        self._templates = SiteTemplates({})
        # The children take seconds to start (imports, models): let that overlap the group join.
        self._starting = ThreadPoolExecutor(1)
        self._pool = self._starting.submit(
            ChildPool, extract_stages, self.settings.processes, self.settings.stage_timeout_s, self.stage)
        return [Step("extract", topics.RAW, self._extract, _to(topics.EXTRACTED, "url"), intake=True,
                     concurrency=max(1, self.settings.processes), ready=lambda: asyncio.wrap_future(self._pool))]

    async def _extract(self, page: Record) -> Record | Failure:
        result = await self.off_loop(self._pool.result().call, self._templates.before(page))
        if isinstance(result, Failure):
            return replace(result, record=self._templates.after(result.record))
        return self._templates.after(result)

    def close(self) -> None:
        self._pool.result().close()
        self._starting.shutdown()
        super().close()


class LanguageWorker(StageWorker):
    """pages.extracted -> pages.identified."""

    stage = "language"

    def steps(self) -> list[Step]:
        stages = [IdentifyLanguage()]
        return [Step("language", topics.EXTRACTED, lambda doc: self.off_loop(run_stages, stages, doc),
                     _to(topics.IDENTIFIED, "url"))]


class DedupWorker(StageWorker):
    """pages.identified -> pages.deduplicated, through one repartition per kind of state.

    Each claim reads and writes only the rows of its own key and runs behind a topic keyed
    by that key, so every record with an equal key reaches the same partition, hence the same
    worker and the same table partition. Story clustering needs every article of the window,
    so it runs on a one-partition topic; its index is rebuilt from its table's rows whenever
    this worker is (re)assigned that partition.

    The three stateful steps sit behind repartition topics that many partitions feed, so each
    holds its records for `Settings.dedup_grace_s` and decides them in canonical order (raw timestamp,
    raw position): the decisions then do not depend on worker count or timing, as long as no
    record is delayed more than that behind one it races with (docs/streaming.md).
    """

    stage = "dedup"

    def steps(self) -> list[Step]:
        window_s = self.settings.dedup_window_days * 86400.0
        self._window_s = window_s
        urls = self._table("urls", self.settings.partitions)
        texts = self._table("texts", self.settings.partitions)
        self.story_rows = self._table("stories", 1)
        self._stories: StoryIndex | None = None
        self.sweepers = {name: ClaimSweeper(table, self.settings.partitions, window_s, min(SWEEP_EVERY_S, window_s / 24))
                         for name, table in (("urls", urls), ("texts", texts))}
        self.app.on_partitions_revoked.connect(self._forget_partitions)
        self.app.on_partitions_assigned.connect(self._forget_partitions)
        return [
            Step("prepare", topics.IDENTIFIED, prepare, lambda doc: (topics.BY_URL, doc[FEATURES]["k"])),
            Step("url-claim", topics.BY_URL, self._claim(UrlClaim(window_s), urls, self.sweepers["urls"]),
                 lambda doc: (topics.BY_TEXT, doc["content_hash"]), reorder_grace_s=self.settings.dedup_grace_s),
            Step("text-claim", topics.BY_TEXT, self._claim(TextClaim(window_s), texts, self.sweepers["texts"]),
                 lambda doc: (topics.SEQUENCED, doc["id"]), reorder_grace_s=self.settings.dedup_grace_s),
            Step("stories", topics.SEQUENCED, lambda doc, _partition, _raw_ms: self._story_index().decide(doc),
                 _to(topics.DEDUPLICATED, "id"), reorder_grace_s=self.settings.dedup_grace_s),
        ]

    def _table(self, name: str, partitions: int):
        # No value_type: Faust decodes a typed value as a Model (`dict.from_data` fails), so a worker
        # restoring rows typed `dict` from the changelog stalls in recovery. Untyped JSON rows come back as dicts.
        return self.app.Table(name, partitions=partitions, key_type=str)

    @staticmethod
    def _claim(claim: KeyClaim, table, sweeper: ClaimSweeper):
        def decide(doc: Record, partition: int, raw_ms: int) -> Record:
            doc = claim.decide(doc, PartitionRows(table, partition))
            sweeper.seen(partition, raw_ms)
            return doc

        return decide

    def _story_index(self) -> StoryIndex:
        if self._stories is None:
            self._stories = StoryIndex(PartitionRows(self.story_rows, 0), self._window_s)
        return self._stories

    async def _forget_partitions(self, *args, **kwargs) -> None:
        # Another worker may move the story index and the partitions' stream time on meanwhile; and
        # a record released while the partitions were being revoked may have rebuilt the index early.
        self._stories = None
        for sweeper in self.sweepers.values():
            sweeper.forget_partitions()


class EnrichWorker(StageWorker):
    """pages.deduplicated -> articles.clean (key: id) or articles.duplicates (key: duplicate_of)."""

    stage = "enrich"

    def steps(self) -> list[Step]:
        stages = [Enrich()]
        return [Step("enrich", topics.DEDUPLICATED, lambda doc: self.off_loop(run_stages, stages, doc), _article_route)]


def _to(topic: str, key_field: str):
    return lambda doc: (topic, doc[key_field])


def _article_route(article: Record) -> tuple[str, str]:
    if article.get("duplicate_of"):
        return topics.DUPLICATES, article["duplicate_of"]
    return topics.CLEAN, article["id"]


WORKERS: dict[str, type[StageWorker]] = {
    worker.stage: worker for worker in (ExtractWorker, LanguageWorker, DedupWorker, EnrichWorker)
}
