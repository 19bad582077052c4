"""Story clustering on ../shared/data/stories: B-cubed by the official scorer, articles/s.

Articles are fed one at a time in file order, as a stream delivers them. Each RawPage is
text-only with its headline on the first line; it is turned into what extract and
language hand to dedup (title, body, language "en": the set is English).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.stages.dedup import Dedup

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "stories", help="folder with pages.jsonl, truth.jsonl")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_stories.py")
    parser.add_argument("--output", type=Path, help="keep the {url, story_id} rows here")


def as_extracted(page: dict, number: int) -> dict:
    title, _, body = page["text"].partition("\n")
    return {"url": page["url"], "origin": f"line:{number}", "title": title.strip(), "text": body.strip(),
            "language": "en", "fetched_at": page.get("fetched_at"), "published_at": None}


def cluster(pages: list[dict]) -> tuple[list[dict], float]:
    """(rows of url, story_id, duplicate_of) and the seconds dedup took."""
    dedup = Dedup()
    docs = [as_extracted(page, n) for n, page in enumerate(pages, 1)]
    started = time.perf_counter()
    results = [dedup.run(doc) for doc in docs]
    seconds = time.perf_counter() - started
    return [{"url": r["url"], "story_id": r["story_id"], "duplicate_of": r["duplicate_of"]} for r in results], seconds


def score(scorer: Path, truth: dict[str, str], rows: list[dict], keep: Path | None) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        truth_file = Path(scratch) / "truth.jsonl"
        truth_file.write_text("".join(json.dumps({"url": url, "story": story}) + "\n" for url, story in truth.items()))
        target = keep or Path(scratch) / "articles.jsonl"
        target.write_text("".join(json.dumps(row) + "\n" for row in rows))
        out = subprocess.run([sys.executable, str(scorer), str(truth_file), str(target), "--json"],
                             check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def over_merge_rate(rows: list[dict], label: dict[str, str]) -> float:
    """Share of articles put in a story founded by an article with another label."""
    founder = {}
    for row in rows:
        founder.setdefault(row["story_id"], label[row["url"]])
    wrong = sum(1 for row in rows if founder[row["story_id"]] != label[row["url"]])
    return wrong / max(len(rows), 1)


def topic(story: str) -> str:
    """ECB+ story names are topic number + "ecb" or "ecbplus": the two events of one topic."""
    return story.removesuffix("plus").removesuffix("ecb")


def held_out_halves(pages: list[dict], truth: dict[str, str]) -> dict[str, list[dict]]:
    """Topics 1-11 and 12-22 as separate streams: parameters tuned on one half are checked on the other."""
    halves: dict[str, list[dict]] = {"topics_1_11": [], "topics_12_22": []}
    for page in pages:
        halves["topics_1_11" if int(topic(truth[page["url"]])) <= 11 else "topics_12_22"].append(page)
    return halves


def run(args: argparse.Namespace) -> int:
    pages = [json.loads(line) for line in (args.data / "pages.jsonl").open()]
    truth = {row["url"]: row["story"] for row in map(json.loads, (args.data / "truth.jsonl").open())}
    rows, seconds = cluster(pages)
    figures = score(args.scorer, truth, rows, args.output)
    figures["merged_into_other_event"] = round(over_merge_rate(rows, truth), 4)
    figures["merged_into_other_topic"] = round(
        over_merge_rate(rows, {url: topic(story) for url, story in truth.items()}), 4)
    figures["duplicates"] = sum(1 for row in rows if row["duplicate_of"])
    figures["articles_per_s"] = round(len(rows) / seconds, 1)
    for half, half_pages in held_out_halves(pages, truth).items():
        half_rows, _ = cluster(half_pages)
        half_truth = {row["url"]: truth[row["url"]] for row in half_rows}
        half_figures = score(args.scorer, half_truth, half_rows, None)
        figures[f"{half}_bcubed_p_r_f1"] = " ".join(
            str(half_figures[f"bcubed_{name}"]) for name in ("precision", "recall", "f1"))
        figures[f"{half}_merged_into_other_event"] = round(over_merge_rate(half_rows, truth), 4)
    width = max(map(len, figures))
    for name, value in figures.items():
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    main_parser = argparse.ArgumentParser(description=__doc__)
    add_arguments(main_parser)
    sys.exit(run(main_parser.parse_args()))
