"""Train the text-page days model (pipeline/stages/extract/days_model.json) and say how well it
carries over to sites it has not seen.

    python -m pipeline.eval.days_model [--shared ../shared] [--no-write]

The labelled pages are the metadata pages, each flattened to text both ways (as for the title
and writers models); those whose truth gives no day are labelled pages too, where every
candidate is wrong. A candidate is right when its day is the labelled one (the scorer's
comparison). Each page is read as the stage reads it, its headline chosen by title trees that
never saw its site.

Before writing the model it is cross-validated by site like the title and writers models: each
page's day chosen by trees that never saw its site, next to the rules' day; then the pages as
text go through the stage's text path with those trees (and the title trees of the same folds)
for the title, day and authors figures to expect on new sites. Needs scikit-learn.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.eval import title_model as title_training
from pipeline.eval.extraction import METADATA_TRUTH, _read_jsonl
from pipeline.eval.line_model import fold_of
from pipeline.stages.extract import days_model
from pipeline.stages.extract.dates import rfc3339
from pipeline.stages.extract.days_model import FEATURES, MODEL_PATH
from pipeline.stages.extract.line_model import TreeEnsemble
from pipeline.stages.extract.text_page import day_rows, read_article, rules_published_at


@dataclass
class Page:
    url: str
    flattening: str
    found: list[days_model.DayCandidate]
    rows: np.ndarray
    labels: np.ndarray
    rules: str | None  # the day the date rules alone read
    day: str | None  # the labelled day (YYYY-MM-DD), None when the page gives none


def read_pages(title_pages: list[title_training.Page], title_models: list[TreeEnsemble]) -> list[Page]:
    truth = {row["url"]: row for path in METADATA_TRUTH.values() for row in _read_jsonl(path)}
    pages = []
    for tp in title_pages:
        article = read_article(tp.text, (), tp.url, title_models[fold_of(tp.url)])
        found, rows = day_rows(article, tp.url, None)
        day = (truth[tp.url].get("published") or "")[:10] or None
        labels = np.array([c.printed.day.isoformat() == day for c in found], dtype=float)
        pages.append(Page(tp.url, tp.flattening, found, rows, labels, rules_published_at(article, tp.url, None), day))
    return pages


def chosen_day(page: Page, model: TreeEnsemble) -> str | None:
    """The stage's day for the page: the model's choice, else the rules'."""
    printed = days_model.choose(page.found, model.probabilities(page.rows))
    return rfc3339(printed.moment) if printed else page.rules


def cross_validate(pages: list[Page], models: list[TreeEnsemble]) -> dict[str, tuple[float, float, float]]:
    """Per flattening, for the rules and for the model on unseen sites: the share of the pages with
    a day given it, the share of them whose day is among the candidates at all, and the share
    of the pages without one given some."""
    figures = {}
    for flattening in title_training.FLATTENINGS:
        mine = [p for p in pages if p.flattening == flattening]
        dated = [p for p in mine if p.day]
        undated = [p for p in mine if not p.day]
        within = sum(bool(p.labels.any()) for p in dated) / len(dated)
        for name, pick in (("rules", lambda p: p.rules), ("model", lambda p: chosen_day(p, models[fold_of(p.url)]))):
            days = {id(p): (pick(p) or "")[:10] for p in mine}
            figures[f"{flattening} {name}"] = (sum(days[id(p)] == p.day for p in dated) / len(dated), within,
                                               sum(bool(days[id(p)]) for p in undated) / max(1, len(undated)))
    return figures


def report(pages: list[Page], models: list[TreeEnsemble]) -> None:
    print(f"{len(pages)} pages; day right on the pages with one / day among the candidates / share of those without "
          "given one, unseen sites:")
    for name, (right, within, given) in cross_validate(pages, models).items():
        print(f"  {name:<18} {right:.4f} / {within:.4f} / {given:.3f}")


def main() -> int:
    return title_training.train_after_titles(__doc__, read_pages, FEATURES, MODEL_PATH, report, "days_models")


if __name__ == "__main__":
    raise SystemExit(main())
