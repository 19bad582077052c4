"""Train the text-page title model (pipeline/stages/extract/title_model.json) and say how well it
carries over to sites it has not seen.

    python -m pipeline.eval.title_model [--shared ../shared] [--no-write]

The labelled pages are the 1,049 metadata pages (pipeline.eval.extraction's METADATA_TRUTH),
each flattened to text both ways the evaluation knows (a line per block, a line per text node).
A candidate line is the title when its words are the labelled title's (the scorer's
comparison). Each page is read as the stage reads it: the rules, the shipped line model, its
article run, the candidates around it.

Before writing the model it is cross-validated the way the line model is: five folds by site,
each page's title chosen by trees that never saw its site, scored as title exact match on all
pages, next to the rules' title; then the pages as text go through the stage's text path with
those trees, for the title, day and authors figures to expect on new sites. Needs scikit-learn (`pip install scikit-learn`), for training only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.eval.extraction import METADATA_TRUTH, REPO, _read_jsonl, visible_text
from pipeline.eval.line_model import FLATTENINGS, FOLDS, PARAMS, export, fit, fold_of
from pipeline.stages.extract.line_model import TreeEnsemble
from pipeline.stages.extract.text_page import clean_text_page, read_article_run, title_rows
from pipeline.stages.extract.title_model import FEATURES, MODEL_PATH, choose, normal

# The HTML of the metadata pages: the two page sets they were drawn from.
_PAGE_SETS = ("trafilatura-eval", "aeb")
# The title model's trees: 200 at rate 0.1 (with the line model's 100 at 0.2 it lost 0.01: it
# weighs a few candidate lines a page, so they cost little).
TITLE_PARAMS = {**PARAMS, "max_iter": 200, "learning_rate": 0.1}


@dataclass
class Page:
    url: str
    flattening: str  # one of FLATTENINGS
    text: str  # the page so flattened
    candidates: list[str]
    rows: np.ndarray
    labels: np.ndarray
    rules_title: str | None
    url_title: str | None  # the line the URL spells, which the stage takes before asking the model
    title: str


def read_pages(shared: Path) -> list[Page]:
    truth = {row["url"]: row for path in METADATA_TRUTH.values() for row in _read_jsonl(path)}
    pages = []
    for page_set in _PAGE_SETS:
        for raw in _read_jsonl(shared / "data" / page_set / "pages.jsonl.gz"):
            if raw["url"] not in truth or not truth[raw["url"]].get("title"):
                continue
            title = normal(truth[raw["url"]]["title"])
            for flattening in FLATTENINGS:
                text = visible_text(raw["html"], flattening == "text-nodes")
                found = read_article_run(text, (), raw["url"])
                read = found.page
                at, rows = title_rows(read, found.probabilities.first, found.run, raw["url"])
                texts = [read.lines[i].text for i in at]
                labels = np.array([normal(text) == title for text in texts], dtype=float)
                url_title = None if read.url_line is None else read.lines[read.url_line].text
                pages.append(Page(raw["url"], flattening, text, texts, rows, labels, read.reading.title, url_title, title))
    return pages


def _fit(pages: Sequence[Any]) -> Any:
    """Trees over the candidate rows of `pages` (this module's or the writers model's: each has
    `rows` and `labels`)."""
    chosen = [p for p in pages if len(p.rows)]
    return fit(np.vstack([p.rows for p in chosen]), np.concatenate([p.labels for p in chosen]), TITLE_PARAMS)


def fold_models(pages: Sequence[Any], features: tuple[str, ...] = FEATURES) -> list[TreeEnsemble]:
    """For each fold, trees trained on the pages of the other folds' sites."""
    return [TreeEnsemble(export(_fit([p for p in pages if fold_of(p.url) != fold]), features), features) for fold in range(FOLDS)]


def print_text_figures(figures: dict[str, str]) -> None:
    print(f"the same pages as text (--set text-metadata), read by the stage with those models: title {figures['title_exact']}"
          f"   day {figures['date_day']}   authors F1 {figures['authors_f1']}")


def write_model(pages: Sequence[Any], features: tuple[str, ...], path: Path) -> None:
    """The trees trained on all `pages`, written to `path` as the stage reads them."""
    exported = export(_fit(pages), features)
    path.write_text(json.dumps(exported, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(exported['trees'])} trees)")


def cross_validate(pages: list[Page], models: list[TreeEnsemble]) -> tuple[float, float, float]:
    """Title exact match of the rules, of the stage's choice (the line the URL spells, else the
    model's) with the model trained on other sites, and the share of pages whose title is among
    the candidates at all."""
    right = 0
    for fold, ensemble in enumerate(models):
        for p in pages:
            if fold_of(p.url) != fold:
                continue
            if p.url_title is not None:
                right += normal(p.url_title) == p.title
            elif (chosen := choose(p.candidates, ensemble.probabilities(p.rows))) is not None:
                right += p.labels[chosen] == 1
    rules = sum(normal(p.rules_title) == p.title for p in pages)
    within = sum(bool(p.labels.any()) for p in pages)
    return rules / len(pages), right / len(pages), within / len(pages)


def pages_as_text(pages: list[Page], shared: Path, models: list[TreeEnsemble],
                  writers_models: list[TreeEnsemble] | None = None,
                  days_models: list[TreeEnsemble] | None = None) -> dict[str, str]:
    """The metadata pages flattened a line per block (as `--set text-metadata`), read by the
    stage's text path with each page's title (and, given `writers_models` and `days_models`, its
    writers and day) chosen by trees that never saw its site, scored by the official scorer on
    all pages at once: title, day, authors."""
    truth = [row for path in METADATA_TRUTH.values() for row in _read_jsonl(path)]
    outputs = []
    for page in pages:
        if page.flattening == "text":
            fold = fold_of(page.url)
            read = clean_text_page(page.text, (), page.url, title_scorer=models[fold],
                                   writers_scorer=writers_models[fold] if writers_models else None,
                                   days_scorer=days_models[fold] if days_models else None)
            outputs.append({"url": page.url, "text": "\n".join(read.paragraphs), "title": read.title,
                            "published_at": read.published_at, "authors": read.authors})
    with tempfile.TemporaryDirectory() as folder:
        truth_path, output_path = Path(folder) / "truth.jsonl", Path(folder) / "outputs.jsonl"
        truth_path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in truth), encoding="utf-8")
        output_path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in outputs), encoding="utf-8")
        result = subprocess.run([sys.executable, str(shared / "tools" / "score_extraction.py"), str(truth_path), str(output_path)],
                                capture_output=True, text=True, check=True)
    return dict(pair.split("=", 1) for pair in result.stdout.split())


def _arguments(doc: str | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--no-write", action="store_true", help="cross-validate only")
    return parser.parse_args()


def train_after_titles(doc: str, read: Callable[[list[Page], list[TreeEnsemble]], Sequence[Any]],
                       features: tuple[str, ...], path: Path, report: Callable[[Sequence[Any], list[TreeEnsemble]], None],
                       scorer: str) -> int:
    """The command of a model trained on pages read after their title (the writers and days
    models): its pages read by `read` with title trees that never saw their sites, trees per fold,
    `report` of their cross-validation, the text-metadata figures with those trees as the
    stage's `scorer` ("writers_models", "days_models" of pages_as_text), then the model written to
    `path` unless --no-write."""
    args = _arguments(doc)
    title_pages = read_pages(args.shared)
    title_models = fold_models(title_pages)
    pages = read(title_pages, title_models)
    # The title model's training settings: each weighs a few candidates a page.
    models = fold_models(pages, features)
    report(pages, models)
    print_text_figures(pages_as_text(title_pages, args.shared, title_models, **{scorer: models}))
    if not args.no_write:
        write_model(pages, features, path)
    return 0


def main() -> int:
    args = _arguments(__doc__)
    pages = read_pages(args.shared)
    models = fold_models(pages)
    rules, model, within = cross_validate(pages, models)
    print(f"{len(pages)} pages ({len(pages) // len(FLATTENINGS)} flattened {len(FLATTENINGS)} ways); title exact match:")
    print(f"  rules {rules:.4f}   stage, its model on unseen sites {model:.4f}   (title among the candidates: {within:.4f})")
    print_text_figures(pages_as_text(pages, args.shared, models))
    if not args.no_write:
        write_model(pages, FEATURES, MODEL_PATH)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
