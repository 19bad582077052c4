"""What a page's markup says about its text, shared by the metadata readers."""

from __future__ import annotations

import html
import re
import unicodedata

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.utils import decode_file, is_dubious_html, repair_faulty_html


class _HtmlParser(HTMLParser):
    """trafilatura's parser settings, every element an HtmlElement chosen in C: lxml.html's
    own parser calls a Python function for each element object it hands out (the form
    classes it picks there are used by neither trafilatura nor us), 5-8% of the stage's time."""

    def __init__(self) -> None:
        super().__init__(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True)
        self.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))


_PARSER = _HtmlParser()
# A page whose start does not mention "html" must parse into at least this many children.
_MIN_DUBIOUS_CHILDREN = 2


def parse_html(html: str | bytes) -> HtmlElement | None:
    """The page's tree as trafilatura.utils.load_html reads it (same decoding, repairs and
    rejection of what is not HTML), through the faster parser; None when it is not HTML."""
    text = decode_file(html)
    beginning = text[:50].lower()
    text = repair_faulty_html(text, beginning)
    try:
        tree = fromstring(text, parser=_PARSER)
    except (ValueError, etree.LxmlError):  # ValueError: a str that declares its encoding
        tree = None
    if tree is None or len(tree) < 1:
        try:
            tree = fromstring(text.encode("utf8", "surrogatepass"), parser=_PARSER)
        except (ValueError, etree.LxmlError):
            return None
    if is_dubious_html(beginning) and len(tree) < _MIN_DUBIOUS_CHILDREN:
        return None
    return tree


# Text for screen readers and snippets only ("sr-only", "rich-snippet-hidden") or hidden by
# the template: readers do not see it, so it neither names nor dates the article. Whole class
# names only: "hidden-xs" hides on phones, Drupal's "field-label-hidden" hides a label.
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:hidden|hide|invisible|element-invisible|hidden-?element|rich-snippet-hidden|aural)(?:\s|$)|sr-only|screen-reader|visually-?hidden",
    re.IGNORECASE)
# Soft hyphens, zero-width spaces and word joiners break words for layout, not for readers. The
# zero-width non-joiner and joiner only beside a space or alone on a line: inside a word Persian
# spells with the one ("می‌شود"; without it "میشود" is misspelt), and emoji and the Indic scripts'
# conjuncts are built with the other.
# (A pattern, not str.translate: translating a whole page with a table took a twentieth of a text
# page's time, finding that there is nothing to take out almost none.)
_BREAKERS, _JOINERS = "\u00ad\u200b\u2060\ufeff", "\u200c\u200d"
_INVISIBLE_CHARACTERS = _BREAKERS + _JOINERS
_INVISIBLE = re.compile(f"[{_BREAKERS}]|(?=[{_JOINERS}])(?:(?<!\\S)[{_JOINERS}]+|[{_JOINERS}]+(?!\\S))")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def hidden(elem: HtmlElement) -> bool:
    names, style = elem.get("class"), elem.get("style")
    return bool((names and _HIDDEN_CLASS.search(names)) or (style and _HIDDEN_STYLE.search(style)))


def without_invisible(text: str) -> str:
    # Most texts hold none of them: six substring tests cost a hundredth of the pattern's pass.
    if not any(map(text.__contains__, _INVISIBLE_CHARACTERS)):
        return text
    return _INVISIBLE.sub("", text)


# What a scraper that pulled text out of HTML by hand may have left in it: character references
# ("Tom &amp; Jerry", "&#8217;", with their semicolon: "AT&T" and "R&D" are words) and inline tags
# ("<b>", "<a href=...>", "<br>": a page with blocks of markup is read as HTML, stage._is_html).
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_INLINE_TAG = re.compile(
    r"<(?:(br)|/?(?:a|abbr|b|cite|em|font|i|mark|q|s|small|span|strong|sub|sup|time|u))(?:\s[^<>]*)?/?>", re.IGNORECASE)


def without_markup(text: str) -> str:
    """`text` without the references and inline tags left in it: the characters and words they
    stand for, a line break for a <br>."""
    if "&" in text:
        text = _REFERENCE.sub(lambda m: html.unescape(m.group()), text)
    if "<" in text:
        text = _INLINE_TAG.sub(lambda m: "\n" if m.group(1) else "", text)
    return text


def without_accents(text: str) -> str:
    """"Gàbor Muniér" as "Gabor Munier"; letters without a decomposition ("ł", "ß", Cyrillic) stay."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
