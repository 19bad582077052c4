"""Train the text-page line models (pipeline/stages/extract/line_model.json, and
line_model_run_on.json for pages joined into one line) and say how well they carry over to
sites they have not seen.

    python -m pipeline.eval.line_model [--shared ../shared] [--no-write]

The labelled pages are the text evaluation sets, each page flattened the three ways the
evaluation does (text/: a line per block; text-nodes/: a line per text node; text-oneline/:
all of it on one line, which the stage cuts into pieces, run_on_text.py). A line is article
text when the AEB truth body holds it; on trafilatura-eval, which names snippets only, when it
holds a snippet the article must contain, boilerplate when it holds one it must not, and
unlabelled otherwise. The run-on trees learn from the pages joined into one line, the others
from the rest; each page is read by the trees the stage would use for it. Each model's word
tables (one per language, line_model.py) are learned from the same pages as its trees, and
its second pass from the first pass's probabilities of its pages, each page's from a first
pass learned without its part of the sites (_fit).

Before writing the models they are cross-validated: five folds by site (every page of a host in
the same fold), each fold read by models trained on the other four, the whole page run
through the same selection the stage uses and scored with the official scorers, next to the
rules alone. Those figures, not the ones of the shipped models on the pages they were trained on,
are what to expect on new sites. Needs scikit-learn (`pip install scikit-learn`), for training only.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from pipeline.eval.extraction import REPO, PageSet, _read_jsonl, load_sets, score
from pipeline.stages.extract.line_model import (
    FEATURES, FIRST_PASS_FEATURES, MODEL_PATH, RUN_ON_MODEL_PATH, WORD_FEATURES, LineModel, TreeEnsemble, first_pass_columns, first_pass_rows,
    page_language, words,
)
from pipeline.stages.extract.text_page import Line, RulesReading, article_lines, article_run, read_page

FOLDS = 5
# Both ways of flattening a page the evaluation knows (pipeline.eval.extraction): trained on
# text/ alone, the model reads text-nodes/ at 0.878 / 0.833 F1 (aeb / trafilatura-eval, unseen
# sites), trained on both at 0.894 / 0.852, and text/ the same either way.
FLATTENINGS = ("text", "text-nodes")
# The pages joined into one line (text-oneline/) train the run-on trees, which read them: trained
# on them alone, 0.863 / 0.818 F1 on unseen sites, against 0.829 / 0.784 read by the trees above.
RUN_ON_FLATTENING = "text-oneline"
# The word table: a word is weighed when at least this many training sites use it.
WORD_SITES = 10
# The training pages whose words are hidden from the trees, so that they learn to read a page
# whose language the table does not know; out of 10, by URL.
HIDDEN_WORDS = 3
# The training rows' word columns come from tables learned without the row's own site (4 parts by
# site): a table's odds are surer on the lines it was learned from than on new sites', and trees
# taught on such rows would trust them too much (on unseen sites, three fold partitions:
# text-nodes/aeb 0.897 -> 0.901, the other sets within 0.001).
WORD_PARTS = 4
# Settings of scikit-learn's HistGradientBoostingClassifier; all iterations kept (no early
# stopping: it would hold out a random tenth of the lines). 100 trees at rate 0.2 read unseen sites
# as well as 200 at 0.1 (within 0.002 on every set, three fold partitions) in half the time.
PARAMS = {"max_iter": 100, "learning_rate": 0.2, "max_leaf_nodes": 15, "max_depth": 6, "early_stopping": False, "random_state": 0}
_SPACES = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text or "").strip()


@dataclass
class Page:
    url: str
    language: str  # page_language's: which word table reads it
    lines: list[Line]
    reading: RulesReading
    rows: np.ndarray
    labels: np.ndarray
    weights: np.ndarray  # 0: the truth says nothing about the line
    run_on: bool  # read by the run-on trees (PageLines.run_on)

    @cached_property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


def _labels(lines: list[Line], truth: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    texts = [_norm(line.text) for line in lines]
    if "body" in truth:
        body = _norm(truth["body"])
        return np.array([float(t in body) for t in texts]), np.ones(len(texts))
    labels, weights = np.zeros(len(texts)), np.zeros(len(texts))
    for snippet in map(_norm, truth["with"]):
        for i, t in enumerate(texts):
            if snippet in t:
                labels[i] = weights[i] = 1.0
    for snippet in map(_norm, truth["without"]):
        for i, t in enumerate(texts):
            if snippet in t:
                weights[i] = 1.0
    return labels, weights


def read_pages(page_set: PageSet) -> list[Page]:
    truth = {row["url"]: row for row in _read_jsonl(page_set.truth)}
    pages = []
    for page in page_set.pages:
        # Lines as the labelled flattenings deliver them: parted (text_page.split_lines), the
        # pages where their glue shows moved training lines and the trees read text pages on unseen
        # sites worse (text/aeb 0.9429 -> 0.9413 and 0.9382 -> 0.9338 on two partitions by site);
        # trained on them unparted, the stage's parted pages read as before (0.9429, 0.9382).
        read = read_page(page["text"], (), page["url"], part_glued=False)
        pages.append(Page(page["url"], page_language(read.texts, read.features), read.lines, read.reading, read.features,
                          *_labels(read.lines, truth[page["url"]]), read.run_on))
    return pages


def _host(url: str) -> str:
    return (urlsplit(url.replace("hard::", "https://")).hostname or url).removeprefix("www.")


def fold_of(url: str) -> int:
    return zlib.crc32(_host(url).encode()) % FOLDS


def word_odds(pages: list[Page]) -> dict[str, float]:
    """Each word's log odds of being in an article line rather than a boilerplate one, from the
    labelled lines, counting the sites that use it either way (a site's own menu counts once)."""
    sites: dict[bool, defaultdict[str, set[str]]] = {True: defaultdict(set), False: defaultdict(set)}
    labelled_sites: dict[bool, set[str]] = {True: set(), False: set()}
    for page in pages:
        host = _host(page.url)
        for text, label, weight in zip(page.texts, page.labels, page.weights):
            if weight:
                for word in words(text):
                    sites[bool(label)][word].add(host)
                labelled_sites[bool(label)].add(host)
    article, boilerplate = (len(labelled_sites[kind]) + 2 for kind in (True, False))
    odds = {}
    for word in sites[True].keys() | sites[False].keys():
        a, b = len(sites[True].get(word, ())), len(sites[False].get(word, ()))
        if a + b >= WORD_SITES:
            odds[word] = round(math.log((a + 1) / article) - math.log((b + 1) / boilerplate), 4)
    return dict(sorted(odds.items()))


def _part(page: Page) -> int:
    return zlib.crc32(("part:" + _host(page.url)).encode()) % WORD_PARTS


def _words_hidden(page: Page) -> bool:
    return zlib.crc32(("hidden:" + page.url).encode()) % 10 < HIDDEN_WORDS


def fit(rows: np.ndarray, labels: np.ndarray, params: dict[str, Any] = PARAMS) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**params).fit(rows, labels)


def word_tables(pages: list[Page]) -> dict[str, dict[str, float]]:
    """A word table for each language of `pages` that has words used on enough sites."""
    tables = {language: word_odds([p for p in pages if p.language == language]) for language in sorted({p.language for p in pages})}
    return {language: table for language, table in tables.items() if table}


def _training_rows(pages: list[Page]) -> list[np.ndarray]:
    """Each page's rows of FEATURES and WORD_FEATURES, its words read by a table learned without
    its site (or hidden)."""
    parts = [word_tables([p for p in pages if _part(p) != part]) for part in range(WORD_PARTS)]
    return [first_pass_rows(p.rows, p.texts, {} if _words_hidden(p) else parts[_part(p)].get(p.language, {})) for p in pages]


def _fit_trees(pages: list[Page], rows: list[np.ndarray], features: tuple[str, ...]) -> dict[str, Any]:
    labels = np.concatenate([p.labels for p in pages])
    labelled = np.concatenate([p.weights for p in pages]) > 0
    return export(fit(np.vstack(rows)[labelled], labels[labelled]), features)


def _fit_first_pass(pages: list[Page], rows: list[np.ndarray]) -> dict[str, Any]:
    """The word tables and the first pass's trees, learned from `pages` (`rows`: their _training_rows)."""
    return {**_fit_trees(pages, rows, FEATURES + WORD_FEATURES), "word_odds": word_tables(pages)}


def _fit(pages: list[Page]) -> dict[str, Any]:
    """A line model file's content: the word tables and both passes' trees, learned from `pages`.
    The second pass learns from first-pass probabilities as they come on a new site: each
    training page's from a first pass learned without its part of the sites (a pass is surer of
    the pages it learned from than it will be of new sites')."""
    first_passes: dict[int, np.ndarray] = {}
    for part in range(WORD_PARTS):
        others = [p for p in pages if _part(p) != part]
        model = _fit_first_pass(others, _training_rows(others))
        trees = TreeEnsemble(model, FEATURES + WORD_FEATURES)
        for at, p in enumerate(pages):
            if _part(p) == part:
                first_passes[at] = trees.probabilities(first_pass_rows(p.rows, p.texts, model["word_odds"].get(p.language, {})))
    rows = _training_rows(pages)
    second = [np.hstack([r, first_pass_columns(p.rows, first_passes[at])]) for at, (p, r) in enumerate(zip(pages, rows))]
    return {**_fit_first_pass(pages, rows), "second_pass": _fit_trees(pages, second, FEATURES + WORD_FEATURES + FIRST_PASS_FEATURES)}


def export(model: Any, features: tuple[str, ...]) -> dict[str, Any]:
    trees = []
    for (predictor,) in model._predictors:  # binary: one tree per iteration
        nodes = predictor.nodes
        trees.append({
            "feature": nodes["feature_idx"].tolist(), "threshold": nodes["num_threshold"].tolist(),
            "left": nodes["left"].tolist(), "right": nodes["right"].tolist(),
            "value": nodes["value"].tolist(), "depth": int(nodes["depth"].max()),
        })
    return {"features": list(features), "baseline": float(model._baseline_prediction.ravel()[0]), "trees": trees}


def _outputs(pages: list[Page], chosen: list[list[str]]) -> list[dict[str, Any]]:
    return [{"url": p.url, "text": "\n".join(paragraphs)} for p, paragraphs in zip(pages, chosen)]


def _training(sets: list[tuple[PageSet, list[Page]]]) -> dict[bool, list[Page]]:
    """The pages each model is trained on: the kind it reads, of the flattenings made for it
    (a page joined into one line but too short to cut, or one with line breaks that is mostly
    over-long lines, is no example of either)."""
    return {run_on: [p for page_set, pages in sets if page_set.name.startswith(RUN_ON_FLATTENING + "/") == run_on
                     for p in pages if p.run_on == run_on]
            for run_on in (False, True)}


def cross_validate(sets: list[tuple[PageSet, list[Page]]], shared: Path) -> list[tuple[str, str, str]]:
    training = _training(sets)
    chosen: dict[int, list[str]] = {}  # by id(): a page is in each flattening's set
    for fold in range(FOLDS):
        models = {run_on: LineModel(_fit([p for p in pages if fold_of(p.url) != fold]))
                  for run_on, pages in training.items()}
        for _, pages in sets:
            for p in pages:
                if fold_of(p.url) == fold:
                    probabilities = models[p.run_on].probabilities(p.rows, p.texts)
                    run = article_run(p.lines, p.reading, probabilities.first)
                    chosen[id(p)] = article_lines(p.lines, p.reading, probabilities.both(*run), run)
    figures = []
    for page_set, pages in sets:
        rules = score(page_set, shared, _outputs(pages, [[l.text for l, k in zip(p.lines, p.reading.kept) if k] for p in pages]))
        model = score(page_set, shared, _outputs(pages, [chosen[id(p)] for p in pages]))
        figures.append((page_set.name, _f1(rules), _f1(model)))
    return figures


def _f1(figures: dict[str, str]) -> str:
    """F1 (precision / recall), from either scorer."""
    prefix = "body_" if "body_f1" in figures else ""
    return f"{figures[prefix + 'f1']} ({figures[prefix + 'precision']} / {figures[prefix + 'recall']})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--no-write", action="store_true", help="cross-validate only")
    args = parser.parse_args()
    sets = [(page_set, read_pages(page_set)) for flattening in (*FLATTENINGS, RUN_ON_FLATTENING)
            for page_set in load_sets(flattening, args.shared, None)]
    print(f"{'set':<24}{'rules alone: F1 (P / R)':>28}{'model on unseen sites':>28}")
    for name, rules, model in cross_validate(sets, args.shared):
        print(f"{name:<24}{rules:>28}{model:>28}")
    if not args.no_write:
        for run_on, pages in _training(sets).items():
            exported = _fit(pages)
            path = RUN_ON_MODEL_PATH if run_on else MODEL_PATH
            path.write_text(json.dumps(exported, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
            words = ", ".join(f"{language} {len(table)}" for language, table in exported["word_odds"].items())
            print(f"wrote {path} ({len(exported['trees'])} trees; words by language: {words})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
