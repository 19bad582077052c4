"""The `newsfeed` command line."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from pipeline import __version__
from pipeline.logs import configure_logging
from pipeline.settings import Settings

EVAL_AREAS = ("extraction", "language", "dedup", "stories", "throughput")


def _process(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from pipeline.jsonl import read_lines
    from pipeline.process import OutcomeFiles, Processor, Summary

    settings = Settings.from_env(max_page_bytes=args.max_page_bytes, stage_timeout_s=args.timeout)
    summary = Summary()
    processor = Processor(settings, processes=args.processes)
    progress = tqdm(unit="page", disable=not sys.stderr.isatty(), file=sys.stderr)
    with OutcomeFiles(args.output, args.duplicates, args.dead_letters) as files, progress:
        for outcome in processor.run(read_lines(args.input)):
            files.write(outcome)
            summary.count(outcome)
            progress.update()
    print(summary.line(), file=sys.stderr)
    return 0


def _eval(args: argparse.Namespace) -> int:
    # Each evaluation imports its own heavy tools and baselines: only the chosen one is loaded.
    module = importlib.import_module(f"pipeline.eval.{args.area}")
    parser = argparse.ArgumentParser(prog=f"newsfeed eval {args.area}", description=module.__doc__)
    module.add_arguments(parser)
    return module.run(parser.parse_args(args.options))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfeed", description="Turn raw scraped news pages into clean, deduplicated articles."
    )
    parser.add_argument("--version", action="version", version=f"newsfeed {__version__}")
    parser.add_argument("--log-level", default=None, help="DEBUG, INFO, WARNING (env NEWSFEED_LOG_LEVEL)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    process = commands.add_parser("process", help="run every stage in one process, no broker")
    process.add_argument("-i", "--input", required=True, help="JSONL of RawPage (.gz read transparently, - = stdin)")
    process.add_argument("-o", "--output", required=True, help="JSONL of Article (- = stdout)")
    process.add_argument("--duplicates", help="write duplicate articles here")
    process.add_argument("--dead-letters", help="write dead letters here")
    process.add_argument("--processes", type=int, default=None,
                         help="child processes for extraction (default: one per core; 0 = none, no time limit)")
    process.add_argument("--max-page-bytes", type=int, default=None, help="dead-letter larger records (default 10 MB)")
    process.add_argument("--timeout", type=float, default=None, help="per-page time limit in seconds (default 30)")
    process.set_defaults(handler=_process)

    from pipeline.stream.cli import register as register_stream_commands

    register_stream_commands(commands)

    evaluate = commands.add_parser(
        "eval", help="measure quality and speed on an evaluation set",
        description="newsfeed eval AREA --help lists the options of one area.",
    )
    evaluate.add_argument("area", choices=EVAL_AREAS)
    evaluate.add_argument("options", nargs=argparse.REMAINDER, help="options of that evaluation")
    evaluate.set_defaults(handler=_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings.from_env(log_level=args.log_level)
    configure_logging(settings.log_level, settings.log_format)
    try:
        return args.handler(args)
    except BrokenPipeError:
        # The reader went away (`newsfeed tail | head`): not an error, and nothing more to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
