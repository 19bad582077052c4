"""The standfirst that trafilatura drops: the lead paragraph between the headline and the body.

Many layouts set the article's opening paragraph apart (class "lead", "teaser-text",
"intro", "abstract"...), and trafilatura discards teaser-classed blocks and whatever sits
outside the container it picked. It is part of the article: the first lines of the story,
often its only summary of the news. So the last prose block between the page's headline
and the first paragraph found is put back in front.

Not taken: blocks in navigation, figures, lists, tables, forms or links; captions, bylines,
datelines, author bios, pull quotes and sign-up boxes (by class); one-sentence decks, which
summarise the article rather than open it (English magazines print a deck above every
story, and the article's text is whole without it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import HtmlElement

from pipeline.stages.extract import lines as L
from pipeline.stages.words import FULL_STOPS, IDEOGRAPHIC_STOPS

_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "section", "article", "header", "footer", "aside", "nav", "figure",
     "figcaption", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "form"}
)
_NOT_IN = frozenset(
    {"nav", "aside", "figure", "figcaption", "footer", "form", "button", "a", "time", "address", "li", "ul", "ol", "table"}
)
_NOT_CLASSED = re.compile(r"caption|byline|meta|bio|signup|newsletter|quote|messenger|author|date|credit", re.IGNORECASE)
_CANDIDATE_TAGS = ("p", "div")
# Elements that may hold the first paragraph found.
_PARAGRAPH_TAGS = ("p", "div", "li", "blockquote", "h2", "h3", "td", "span")
_MIN_WORDS = 10
_MIN_SENTENCES = 2
_SENTENCE_BREAK = re.compile(rf"[{re.escape(FULL_STOPS)}](?:[\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]?[^\W\d_]|\d)|[{IDEOGRAPHIC_STOPS}](?=.)")
_PREFIX = 60
# How far above a text node holding its first word the first paragraph's element may be.
_PARAGRAPH_DEPTH = 3
# How many elements above the body are searched for the headline.
_SEARCH_LIMIT = 500


def _text(elem: HtmlElement) -> str:
    # Script and style text is not shown: inline ad scripts sit between headline and body.
    return " ".join("".join(elem.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")).split())


def _sentences(text: str) -> int:
    return len(_SENTENCE_BREAK.findall(text)) + 1


def _starts_with(elem: HtmlElement, prefix: str) -> bool:
    seen = ""
    for piece in elem.itertext():
        seen += piece
        if len(seen) > 4 * len(prefix):
            break
    return " ".join(seen.split()).startswith(prefix)


def _first_paragraph(tree: HtmlElement, first: str) -> HtmlElement | None:
    # Text nodes holding the paragraph's first long word are found in C; only their few
    # enclosing elements are compared in Python.
    word = next((w for w in first.split()[:4] if len(w) >= 4), None)
    if word is None:
        return None
    for node in tree.xpath("//text()[contains(., $word)]", word=word):
        elem = node.getparent()
        if node.is_tail:
            elem = elem.getparent()
        for _ in range(_PARAGRAPH_DEPTH):
            if elem is None:
                break
            if elem.tag in _PARAGRAPH_TAGS and _starts_with(elem, first):
                return elem
            elem = elem.getparent()
    return None


def _preceding(elem: HtmlElement) -> Iterator[HtmlElement]:
    """The elements before `elem` in document order, nearest first, its ancestors excluded."""
    while elem is not None:
        for sibling in elem.itersiblings(preceding=True):
            if isinstance(sibling.tag, str):
                yield from reversed([e for e in sibling.iter() if isinstance(e.tag, str)])
        elem = elem.getparent()


def _is_block_of_text(elem: HtmlElement) -> bool:
    """A p or div holding only text, outside navigation, figures, lists, tables and forms."""
    return (
        elem.tag in _CANDIDATE_TAGS
        and not any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in elem)
        and not any(a.tag in _NOT_IN or "caption" in (a.get("class") or "") for a in elem.iterancestors())
    )


def _is_furniture(elem: HtmlElement) -> bool:
    parent = elem.getparent()
    own = elem.get("class") or ""
    around = (parent.get("class") or "") if parent is not None else ""
    return bool(_NOT_CLASSED.search(own) or _NOT_CLASSED.search(around))


def standfirst(tree: HtmlElement, paragraphs: list[str]) -> str | None:
    """The lead paragraph above the first of `paragraphs`, when the page sets one apart."""
    if not paragraphs:
        return None
    headline = next((e for e in tree.iter("h1") if e.text_content().strip()), None)
    body = _first_paragraph(tree, " ".join(paragraphs[0].split())[:_PREFIX])
    if headline is None or body is None:
        return None
    found = " ".join(" ".join(paragraphs).split())
    lead = None
    # The nearest block of prose above the body decides: a deck or a caption there means the
    # page has no lead paragraph set apart, not that one is further up. It counts only when
    # the headline comes before it (a block above the headline is a teaser).
    for seen, elem in enumerate(_preceding(body)):
        if elem is headline:
            return lead
        if seen >= _SEARCH_LIMIT:
            return None
        if lead is not None or not _is_block_of_text(elem):
            continue
        text = _text(elem)
        if L.size(text) < _MIN_WORDS or not L.is_prose(text) or text in found:
            continue
        if _is_furniture(elem) or _sentences(text) < _MIN_SENTENCES:
            return None
        lead = text
    return None
