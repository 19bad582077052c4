"""Train the text-page writers model (pipeline/stages/extract/writers_model.json) and say how well
it carries over to sites it has not seen.

    python -m pipeline.eval.writers_model [--shared ../shared] [--no-write]

The labelled pages are the 1,049 metadata pages, each flattened to text both ways (as for the
title model, pipeline.eval.title_model); those whose truth names no writer are labelled pages
too, where every candidate is wrong. A candidate is right when its names are the labelled
writers (the scorer's comparison). Each page is read as the stage reads it, its headline chosen
by title trees that never saw its site (as it will be on a new site).

Before writing the model it is cross-validated by site like the title model: each page's
writers chosen by trees that never saw its site, next to the rules' choice; then the pages as
text go through the stage's text path with those trees (and the title trees of the same folds)
for the title, day and authors figures to expect on new sites. Needs scikit-learn.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.eval import title_model as title_training
from pipeline.eval.extraction import METADATA_TRUTH, _read_jsonl
from pipeline.eval.line_model import fold_of
from pipeline.stages.extract import writers_model
from pipeline.stages.extract.line_model import TreeEnsemble
from pipeline.stages.extract.text_page import read_article, rules_writers, writer_rows
from pipeline.stages.extract.writers_model import FEATURES, MODEL_PATH, names_key


@dataclass
class Page:
    url: str
    flattening: str
    found: list[writers_model.Candidate]
    rows: np.ndarray
    labels: np.ndarray
    rules: list[str]  # what the byline rules alone read
    writers: frozenset[str]  # the labelled writers, as the scorer compares them
    run_on: bool  # joined into one line: read as its pieces


def read_pages(title_pages: list[title_training.Page], title_models: list[TreeEnsemble]) -> list[Page]:
    truth = {row["url"]: row for path in METADATA_TRUTH.values() for row in _read_jsonl(path)}
    pages = []
    for tp in title_pages:
        found = read_article(tp.text, (), tp.url, title_models[fold_of(tp.url)])
        read, run, headline, paragraphs = found.page, found.run, found.headline, found.paragraphs
        candidates, rows = writer_rows(read, found.probabilities.first, run, headline, tp.url, paragraphs, found.word_odds, " ".join(read.texts))
        writers = names_key(truth[tp.url].get("authors") or [])
        labels = np.array([bool(writers) and names_key(c.names) == writers for c in candidates], dtype=float)
        pages.append(Page(tp.url, tp.flattening, candidates, rows, labels, rules_writers(read.lines, headline, tp.url, paragraphs), writers,
                          read.run_on))
    return pages


def _f1(chosen: list[str], writers: frozenset[str]) -> float:
    got = names_key(chosen)
    return 2 * len(got & writers) / (len(got) + len(writers)) if got else 0.0


def cross_validate(pages: list[Page], models: list[TreeEnsemble]) -> dict[str, tuple[float, float]]:
    """Per flattening: authors F1 on the pages with writers and the share of pages without any
    that are given some, for the rules and for the model on unseen sites."""
    figures = {}
    for flattening in title_training.FLATTENINGS:
        mine = [p for p in pages if p.flattening == flattening]
        chosen = {id(p): writers_model.choose(p.found, models[fold_of(p.url)].probabilities(p.rows), p.run_on) for p in mine}
        with_writers = [p for p in mine if p.writers]
        without = [p for p in mine if not p.writers]
        for name, pick in (("rules", lambda p: p.rules), ("model", lambda p: chosen[id(p)])):
            figures[f"{flattening} {name}"] = (sum(_f1(pick(p), p.writers) for p in with_writers) / len(with_writers),
                                               sum(bool(pick(p)) for p in without) / max(1, len(without)))
    return figures


def report(pages: list[Page], models: list[TreeEnsemble]) -> None:
    print(f"{len(pages)} pages; authors F1 on the pages with writers / share of those without given some, unseen sites:")
    for name, (f1, given) in cross_validate(pages, models).items():
        print(f"  {name:<18} {f1:.4f} / {given:.3f}")


def main() -> int:
    return title_training.train_after_titles(__doc__, read_pages, FEATURES, MODEL_PATH, report, "writers_models")


if __name__ == "__main__":
    raise SystemExit(main())
