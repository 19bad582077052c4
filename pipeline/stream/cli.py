"""The streaming commands: `run`, `worker`, `ingest`, `tail`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from itertools import chain
from pathlib import Path

from pipeline.settings import Settings
from pipeline.stream import topics

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "pages.jsonl"
log = logging.getLogger(__name__)


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(
        bootstrap_servers=args.bootstrap_servers, topic_prefix=args.topic_prefix, partitions=args.partitions,
    )


def _add_broker_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bootstrap-servers", help="Kafka brokers host:port,... (env KAFKA_BOOTSTRAP_SERVERS)")
    parser.add_argument("--topic-prefix", help="put in front of every topic name (env NEWSFEED_TOPIC_PREFIX)")
    parser.add_argument("--partitions", type=int, help="partitions of topics created at start-up (default 8)")


def _stage_count(value: str) -> tuple[str, int]:
    stage, _, count = value.partition("=")
    if stage not in topics.STAGES or not count.isdigit() or int(count) < 1:
        raise argparse.ArgumentTypeError(f"expected STAGE=N with STAGE one of {', '.join(topics.STAGES)}: {value!r}")
    return stage, int(count)


def _run(args: argparse.Namespace) -> int:
    from pipeline.process import OutcomeFiles
    from pipeline.stream.ingest import raw_records
    from pipeline.stream.run import run

    inputs = chain.from_iterable(raw_records(path) for path in (args.input or [str(SAMPLES)]))
    try:
        with OutcomeFiles(args.output, args.duplicates, args.dead_letters) as files:
            summary = run(_settings(args), inputs, files, args.until_idle, dict(args.workers), args.worker_log_level)
    except KeyboardInterrupt:
        return 130
    print(summary.line(), file=sys.stderr)
    return 0


def _worker(args: argparse.Namespace) -> int:
    import faust

    from pipeline.stream.stages import WORKERS

    settings = _settings(args)
    if settings.embedded:
        print("newsfeed worker: no broker configured: set KAFKA_BOOTSTRAP_SERVERS or --bootstrap-servers "
              "(`newsfeed run` starts an embedded one)", file=sys.stderr)
        return 2
    asyncio.run(topics.create_topics(settings))
    worker = WORKERS[args.stage](settings, web_port=args.web_port)
    runner = faust.Worker(worker.app, loglevel=logging.getLogger().level, override_logging=False, quiet=True)
    runner.spinner = None  # Faust draws it on stdout, where `run` and `tail` put records
    try:
        runner.execute_from_commandline()
    finally:
        worker.close()
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from pipeline.stream.ingest import publish, raw_records

    settings = _settings(args)
    asyncio.run(topics.create_topics(settings, (topics.RAW,)))
    records = chain.from_iterable(raw_records(path, args.base_url) for path in args.files)
    origins = asyncio.run(publish(settings, records))
    print(f"published={len(origins)} topic={settings.topic(topics.RAW)}", file=sys.stderr)
    return 0


def _topics(args: argparse.Namespace) -> int:
    settings = _settings(args)
    asyncio.run(topics.create_topics(settings))
    print(" ".join(settings.topic(name) for name in topics.ALL), file=sys.stderr)
    return 0


def _tail(args: argparse.Namespace) -> int:
    from pipeline.stream.tail import tail

    try:
        asyncio.run(tail(_settings(args), args.topic, follow=not args.no_follow))
    except KeyboardInterrupt:
        return 130
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    run = commands.add_parser("run", help="the main job: broker, a worker process per stage, input in, articles out")
    run.add_argument("-i", "--input", action="append",
                     help="RawPage JSONL (.gz, - = stdin), WARC, or directory of .html; repeatable "
                          "(default: the bundled sample pages)")
    run.add_argument("-o", "--output", default="-", help="JSONL of clean articles (default: stdout)")
    run.add_argument("--duplicates", help="write duplicate articles here")
    run.add_argument("--dead-letters", help="write dead letters here")
    run.add_argument("--until-idle", action="store_true",
                     help="exit once every input has come out as an article, duplicate or dead letter")
    run.add_argument("--workers", nargs="+", type=_stage_count, default=[], metavar="STAGE=N",
                     help=f"worker processes per stage (default 1 each; stages: {', '.join(topics.STAGES)})")
    run.add_argument("--worker-log-level", default="WARNING", help="log level of the worker processes")
    _add_broker_flags(run)
    run.set_defaults(handler=_run)

    worker = commands.add_parser("worker", help="one worker of one stage against the configured broker")
    worker.add_argument("stage", choices=topics.STAGES)
    worker.add_argument("--web-port", type=int, default=None,
                        help="serve metrics on this port at /newsfeed/metrics/ (default: no web server)")
    _add_broker_flags(worker)
    worker.set_defaults(handler=_worker)

    ingest = commands.add_parser("ingest", help="publish RawPages (JSONL, WARC, or a directory of .html) to the raw topic")
    ingest.add_argument("files", nargs="+", metavar="FILE")
    ingest.add_argument("--base-url", help="URL of a directory's .html files that declare none (base + relative path)")
    _add_broker_flags(ingest)
    ingest.set_defaults(handler=_ingest)

    create = commands.add_parser("topics", help="create the pipeline's topics (partitions, size limits) and exit")
    _add_broker_flags(create)
    create.set_defaults(handler=_topics)

    tail = commands.add_parser("tail", help="print records from a topic (default: clean articles)")
    tail.add_argument("--topic", default=topics.CLEAN, help=f"topic without prefix (default {topics.CLEAN})",
                      choices=topics.ALL)
    tail.add_argument("--no-follow", action="store_true", help="exit at the end of the topic instead of waiting")
    _add_broker_flags(tail)
    tail.set_defaults(handler=_tail)
