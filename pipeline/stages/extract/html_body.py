"""The article body of an HTML page, as paragraphs: two trafilatura readings and a vote.

trafilatura's precision mode drops the related-links boxes, newsletter forms and reprint
notices its default keeps, but on some layouts it loses most of the article. So the precise
reading comes first; when it is short, a broad reading runs too and the precise one keeps
its place only if it holds most of the broad one's text. Both run in fast mode (without the
readability/jusText fallback): half the time, and on the benchmarks the vote gains more
than the fallback does.

Some layouts split one article over several sibling containers of the same class (a grid
chunk per few paragraphs, ads between them); every trafilatura reading stops at the first.
So the paragraphs of same-class siblings that follow the container of the last paragraph
found are appended, and a lead paragraph set apart above the body is put in front
(standfirst.py).

Pages laid out with a table (the article in one cell) come out of trafilatura's text as one
"| ... |" row with every paragraph run together: its document is rendered here, the same way
(its own `determine_returnstring`, so every other page reads as `extract` gives it), after
such tables are unwrapped into their cells' blocks.
"""

from __future__ import annotations

from lxml.etree import Element, _Element
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.core import determine_returnstring
from trafilatura.settings import Extractor

from pipeline.stages.extract import lines as L
from pipeline.stages.extract.standfirst import standfirst

# A precise reading this long has found an article: no second opinion needed. From 1,000 to
# 2,000 characters the broad reading overruled 1 page in 150 on trafilatura-eval and none of 30 on
# AEB (snippet F1 -0.0002), at the cost of a second pass on a sixth of the pages (6% of the
# stage's time, most of its margin over the 0.8x speed target).
_TRUSTED_LENGTH = 1000
# Otherwise it must keep this share of the broad reading's text to be chosen.
_PRECISE_MIN_SHARE = 0.7
# A precise reading shorter than this found no article at all: the layout defeats the fast
# readings (the broad one then tends to return the navigation), so trafilatura's full
# extraction with its readability/jusText fallback decides (about 2% of pages).
_NOTHING_FOUND = 100
# A short precise reading that the broad reading does not overrule may have found only a
# teaser or the lead: when the page holds several times more paragraph text, the full
# extraction runs too and wins if it finds that much more (about 2% of pages).
_FULL_MIN_RATIO = 5


# How far above the last paragraph found the split container may sit.
_CONTAINER_LEVELS = 3
# The continuation must hold at least this share of the text found: a lone prose paragraph
# in a same-class sibling is more often a teaser card than the rest of the article.
_CONTINUATION_MIN_SHARE = 0.2


def _flat(elem: HtmlElement) -> str:
    return " ".join(elem.text_content().split())


def continuation(tree: HtmlElement, paragraphs: list[str]) -> list[str]:
    """Prose paragraphs in the same-class siblings after the container of the last paragraph."""
    if not paragraphs:
        return []
    last = paragraphs[-1][:60]
    elem = next((p for p in tree.iter("p") if _flat(p).startswith(last)), None)
    seen = set(paragraphs)
    for _ in range(_CONTAINER_LEVELS):
        elem = elem.getparent() if elem is not None else None
        if elem is None or elem.tag in ("body", "html"):
            return []
        css = elem.get("class")
        if not css:
            continue
        found = []
        for sibling in elem.itersiblings(elem.tag):
            if sibling.get("class") != css:
                continue
            for p in sibling.iter("p"):
                text = _flat(p)
                if text not in seen and L.is_prose(text):
                    found.append(text)
                    seen.add(text)
        if found:
            return found if sum(map(len, found)) >= _CONTINUATION_MIN_SHARE * sum(map(len, paragraphs)) else []
    return []


def _paragraph_text_length(tree: HtmlElement) -> int:
    return sum(map(len, tree.xpath("//body//p//text()")))


def _paragraphs(text: str | None) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in (text or "").split("\n")) if line]


# trafilatura's blocks. A table cell holding several, with this much text, lays out a page: a
# data table's cells hold a datum or a short description each (a key-value table, a settings
# list's "name / what it does / options" cells keep their rows).
_BLOCKS = ("p", "head", "list", "quote")
_LAYOUT_CELL_BLOCKS = 2
_LAYOUT_CELL_CHARS = 500


def _lays_out(cell: _Element) -> bool:
    return (sum(child.tag in _BLOCKS for child in cell) >= _LAYOUT_CELL_BLOCKS
            and len("".join(cell.itertext())) >= _LAYOUT_CELL_CHARS)


def _unwrap_layout_tables(body: _Element) -> None:
    """A table a page is laid out with (the article in one cell, a sidebar in the next) gives its
    cells' blocks in order, not rows of "| ... |" with each cell's paragraphs run together on one
    line."""
    for table in list(body.iter("table")):  # outer tables first; an inner one moves with its cell's blocks
        cells = table.findall("row/cell")
        if not any(_lays_out(cell) for cell in cells):
            continue
        blocks = []
        for cell in cells:
            for text, child in [(cell.text, None), *((child.tail, child) for child in cell)]:
                if child is not None:
                    child.tail = None
                    blocks.append(child)
                if text and text.strip():
                    loose = Element("p")
                    loose.text = text.strip()
                    blocks.append(loose)
        blocks[-1].tail, table.tail = table.tail, None  # a laid-out cell has blocks: there is a last one
        for block in reversed(blocks):
            table.addnext(block)
        table.getparent().remove(table)


def _read(tree: HtmlElement, url: str, precise: bool, fast: bool = True) -> list[str]:
    # Comments are reader text, not the article: the benchmarks' truth leaves them out.
    # trafilatura works on its own copy of the tree, so it stays intact for the metadata.
    # `extract` is bare_extraction then determine_returnstring with these options (trafilatura
    # 2.x); the layout tables are unwrapped between the two.
    options = Extractor(fast=fast, precision=precise, comments=False, url=url)
    document = bare_extraction(tree, options=options, as_dict=False)
    if document is None:
        return []
    _unwrap_layout_tables(document.body)
    return _paragraphs(determine_returnstring(document, options))


def html_paragraphs(tree: HtmlElement, url: str) -> list[str]:
    found = _reading(tree, url)
    lead = standfirst(tree, found)
    return ([lead] if lead else []) + found + continuation(tree, found)


def _reading(tree: HtmlElement, url: str) -> list[str]:
    precise = _read(tree, url, precise=True)
    length = sum(map(len, precise))
    if length >= _TRUSTED_LENGTH:
        return precise
    if length < _NOTHING_FOUND:
        return _read(tree, url, precise=False, fast=False)
    broad = _read(tree, url, precise=False)
    if length < _PRECISE_MIN_SHARE * sum(map(len, broad)):
        return broad
    # The full extraction can only win on a page with that much more paragraph text.
    if _paragraph_text_length(tree) > _FULL_MIN_RATIO * length:
        full = _read(tree, url, precise=False, fast=False)
        if sum(map(len, full)) > _FULL_MIN_RATIO * length:
            return full
    return precise
