"""`newsfeed process`: every stage in one process, no broker, the same stage code the workers run.

Extraction and language identification are stateless and CPU-bound: they run in child
processes (one per core, with the per-record time limit). Dedup is stateful and its
decisions depend on order, so it and enrich run here, in input order.

Per-site template memory is kept here too. A page sees the template learned from the pages
at least `TEMPLATE_LAG` places before it, never from pages still in flight, so the output is
the same whatever the number of child processes.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Literal

from pipeline.isolation import ChildPool, Failure, run_stages
from pipeline.jsonl import JsonlWriter
from pipeline.records import dead_letter, parse_raw_page
from pipeline.settings import Settings
from pipeline.stages.base import Record, Rejected, Stage
from pipeline.stages.dedup import Dedup
from pipeline.stages.enrich import Enrich
from pipeline.stages.extract import Extract
from pipeline.stages.extract.site_memory import Lesson, SiteTemplates
from pipeline.stages.language import IdentifyLanguage

Kind = Literal["article", "duplicate", "dead_letter"]
INTAKE_STAGE = "extract"  # the extract worker is the one that reads and validates pages.raw
# Pages between one that teaches the site memory and the first that sees the lesson; it
# bounds the pages in flight, so that no page depends on how fast the children are.
TEMPLATE_LAG = 64


def page_stages() -> list[Stage]:
    """The stateless per-page stages; a module-level function so child processes can build them."""
    return [Extract(), IdentifyLanguage()]


@dataclass(frozen=True)
class Outcome:
    kind: Kind
    record: Record


@dataclass
class Summary:
    pages: int = 0
    articles: int = 0
    duplicates: int = 0
    dead_letters: int = 0
    started: float = field(default_factory=time.monotonic)

    def count(self, outcome: Outcome) -> None:
        self.pages += 1
        if outcome.kind == "article":
            self.articles += 1
        elif outcome.kind == "duplicate":
            self.duplicates += 1
        else:
            self.dead_letters += 1

    def line(self) -> str:
        seconds = max(time.monotonic() - self.started, 1e-9)
        return (
            f"pages={self.pages} articles={self.articles} duplicates={self.duplicates} "
            f"dead_letters={self.dead_letters} seconds={seconds:.1f} pages_per_s={self.pages / seconds:.1f}"
        )


class OutcomeFiles:
    """Where outcomes go: articles, duplicates, dead letters, each JSONL (None discards them, - is stdout)."""

    def __init__(self, articles: str | None, duplicates: str | None, dead_letters: str | None) -> None:
        self._writers = {
            "article": JsonlWriter(articles),
            "duplicate": JsonlWriter(duplicates),
            "dead_letter": JsonlWriter(dead_letters),
        }

    def write(self, outcome: Outcome, flush: bool = False) -> None:
        writer = self._writers[outcome.kind]
        writer.write(outcome.record)
        if flush:
            writer.flush()

    def close(self) -> None:
        for writer in self._writers.values():
            writer.close()

    def __enter__(self) -> OutcomeFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def classify(result: Record | Failure) -> Outcome:
    if isinstance(result, Failure):
        return Outcome("dead_letter", dead_letter(result.stage, result.reason, result.message, result.record))
    return Outcome("duplicate" if result.get("duplicate_of") else "article", result)


class Processor:
    """Turns raw lines into outcomes in input order. `processes=0` runs everything in this process.

    Page stages (extract, language) run in child processes; site-template learning, dedup and
    enrich run here, in input order (together about 3 ms a page, a tenth of extraction).
    """

    def __init__(self, settings: Settings, processes: int | None = None) -> None:
        self.settings = settings
        self.processes = settings.processes if processes is None else processes
        self.ordered_stages: list[Stage] = [Dedup(window_days=settings.dedup_window_days), Enrich()]
        self.templates = SiteTemplates({})
        self._lessons: deque[tuple[int, Lesson]] = deque()
        self._pages = self._finished = 0

    def run(self, lines: Iterable[tuple[int, bytes]]) -> Iterator[Outcome]:
        if self.processes <= 0:
            stages = page_stages()
            for number, data in lines:
                page = self._intake(number, data)
                yield page if isinstance(page, Outcome) else self._finish(run_stages(stages, page))
            return
        with ChildPool(page_stages, self.processes, self.settings.stage_timeout_s, "extract") as pool, \
                ThreadPoolExecutor(pool.size) as threads:
            # A bounded window keeps every child busy while results leave in input order.
            in_flight = min(4 * pool.size, TEMPLATE_LAG - 1)
            window: deque[Outcome | Future] = deque()
            for number, data in lines:
                page = self._intake(number, data)
                window.append(page if isinstance(page, Outcome) else threads.submit(pool.call, page))
                while len(window) > in_flight:
                    yield self._next(window)
            while window:
                yield self._next(window)

    def _intake(self, number: int, data: bytes) -> Record | Outcome:
        try:
            page = parse_raw_page(data, f"line:{number}", self.settings.max_page_bytes)
        except Rejected as rejected:
            return Outcome("dead_letter", dead_letter(INTAKE_STAGE, rejected.reason, str(rejected), data))
        self._pages += 1
        while self._lessons and self._lessons[0][0] <= self._pages - TEMPLATE_LAG:
            self.templates.learn(self._lessons.popleft()[1])
        return self.templates.before(page)

    def _next(self, window: deque[Outcome | Future]) -> Outcome:
        head = window.popleft()
        return head if isinstance(head, Outcome) else self._finish(head.result())

    def _finish(self, result: Record | Failure) -> Outcome:
        """Learn the page's site lesson, then dedup and enrich: the order-dependent part, in input order."""
        if isinstance(result, Failure):
            record, lesson = self.templates.detach(result.record)
            result = replace(result, record=record)
        else:
            record, lesson = self.templates.detach(result)
            result = run_stages(self.ordered_stages, record)
        # Pages arrive here in input order: this is page number `_finished` of `_intake`'s count.
        self._finished += 1
        if lesson is not None:
            self._lessons.append((self._finished, lesson))
        return classify(result)
