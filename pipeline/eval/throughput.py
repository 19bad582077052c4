"""Speed of each stage and of `process`, side by side with the reference tools, in one run.

Machines are shared and noisy, so every figure is printed next to the reference it is
judged against (trafilatura alone for extract, langdetect for language), measured in the
same run on the same pages: compare the ratios, not the absolute numbers.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import orjson

DEFAULT_PAGES = Path(__file__).resolve().parents[3] / "shared" / "data" / "aeb" / "pages.jsonl.gz"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pages", default=str(DEFAULT_PAGES), help="JSONL(.gz) of RawPage (default: ../shared AEB)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--processes", type=int, default=None, help="child processes for the `process` run")


def _load(path: str, limit: int | None) -> list[bytes]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as stream:
        lines = [line.rstrip(b"\n") for line in stream if line.strip()]
    return lines[:limit] if limit else lines


def _rate(label: str, items: Iterable, work: Callable, unit: str, reference: float | None = None) -> float:
    items = list(items)
    started = time.perf_counter()
    for item in items:
        work(item)
    rate = len(items) / max(time.perf_counter() - started, 1e-9)
    ratio = f"  ({rate / reference:.2f}x reference)" if reference else ""
    print(f"{label:<44} {rate:>9.1f} {unit}/s{ratio}")
    return rate


def run(args: argparse.Namespace) -> int:
    import trafilatura
    from langdetect import DetectorFactory, detect_langs

    from pipeline.process import Processor
    from pipeline.settings import Settings
    from pipeline.stages.dedup import Dedup
    from pipeline.stages.enrich import Enrich
    from pipeline.stages.extract import Extract
    from pipeline.stages.language import IdentifyLanguage

    lines = _load(args.pages, args.limit)
    pages = [orjson.loads(line) | {"origin": f"line:{n}"} for n, line in enumerate(lines, 1)]
    print(f"{len(pages)} pages from {args.pages}; one core unless stated")

    trafilatura_rate = _rate("trafilatura.extract alone", pages, lambda p: trafilatura.extract(p.get("html") or p.get("text")), "pages")
    extract = Extract()
    for page in pages[:3]:  # warm lazy imports and caches before timing
        extract.run(page)
    extracted = []
    _rate("extract stage", pages, lambda p: extracted.append(extract.run(p)), "pages", trafilatura_rate)

    DetectorFactory.seed = 0
    langdetect_rate = _rate("langdetect alone (whole text)", extracted, lambda d: detect_langs(d["text"]), "docs")
    language = IdentifyLanguage()
    for doc in extracted[:3]:  # its detectors load, and its walk compiles, on first use
        language.run(doc)
    identified = []
    _rate("language stage", extracted, lambda d: identified.append(language.run(d)), "docs", langdetect_rate)

    # Word frequencies and keyword models load once per language and process: a stream pays
    # that once, so load them all before timing.
    warm_dedup, warm_enrich = Dedup(), Enrich()
    for doc in identified:
        warm_enrich.run(warm_dedup.run(doc))
    dedup = Dedup()
    deduplicated = []
    _rate("dedup stage", identified, lambda d: deduplicated.append(dedup.run(d)), "docs")
    _rate("enrich stage", deduplicated, Enrich().run, "docs")

    processor = Processor(Settings.from_env(), processes=args.processes)
    started = time.perf_counter()
    count = sum(1 for _ in processor.run(enumerate(lines, 1)))
    rate = count / (time.perf_counter() - started)
    print(f"{'process, ' + str(processor.processes) + ' child processes (incl. start-up)':<44} "
          f"{rate:>9.1f} pages/s  ({rate / trafilatura_rate:.2f}x trafilatura alone)")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: this process {peak_mib:.0f} MiB, largest child {children_mib:.0f} MiB")
    return 0
