"""The article body of an HTML page, as paragraphs: two trafilatura readings and a vote.

trafilatura's precision mode drops the related-links boxes, newsletter forms and reprint
notices its default keeps, but on some layouts it loses most of the article. So the precise
reading comes first; when it is short, a broad reading runs too and the precise one keeps
its place only if it holds most of the broad one's text. Both run in fast mode (without the
readability/jusText fallback): half the time, and on the benchmarks the vote gains more
than the fallback does.
"""

from __future__ import annotations

from lxml.html import HtmlElement
from trafilatura import extract

# A precise reading this long has found an article: no second opinion needed (it would
# overrule fewer than 1 page in 300 on the benchmark sets, at the cost of a second pass).
_TRUSTED_LENGTH = 2000
# Otherwise it must keep this share of the broad reading's text to be chosen.
_PRECISE_MIN_SHARE = 0.7
# A precise reading shorter than this found no article at all: the layout defeats the fast
# readings (the broad one then tends to return the navigation), so trafilatura's full
# extraction with its readability/jusText fallback decides (about 2% of pages).
_NOTHING_FOUND = 100


def _paragraphs(text: str | None) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in (text or "").split("\n")) if line]


def _read(tree: HtmlElement, url: str, precise: bool, fast: bool = True) -> list[str]:
    # Comments are reader text, not the article: the benchmarks' truth leaves them out.
    # trafilatura works on its own copy of the tree, so it stays intact for the metadata.
    return _paragraphs(extract(tree, url=url, include_comments=False, fast=fast, favor_precision=precise))


def html_paragraphs(tree: HtmlElement, url: str) -> list[str]:
    precise = _read(tree, url, precise=True)
    length = sum(map(len, precise))
    if length >= _TRUSTED_LENGTH:
        return precise
    if length < _NOTHING_FOUND:
        return _read(tree, url, precise=False, fast=False)
    broad = _read(tree, url, precise=False)
    return precise if length >= _PRECISE_MIN_SHARE * sum(map(len, broad)) else broad
