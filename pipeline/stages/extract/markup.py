"""What a page's markup says about its text, shared by the metadata readers."""

from __future__ import annotations

import re
import unicodedata

from lxml.html import HtmlElement

# Text for screen readers and snippets only ("sr-only", "rich-snippet-hidden") or hidden by
# the template: readers do not see it, so it neither names nor dates the article. Whole class
# names only: "hidden-xs" hides on phones, Drupal's "field-label-hidden" hides a label.
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:hidden|hide|invisible|element-invisible|hidden-?element|rich-snippet-hidden|aural)(?:\s|$)|sr-only|screen-reader|visually-?hidden",
    re.IGNORECASE)
# Soft hyphens and zero-width characters break words for layout, not for readers.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def hidden(elem: HtmlElement) -> bool:
    names, style = elem.get("class"), elem.get("style")
    return bool((names and _HIDDEN_CLASS.search(names)) or (style and _HIDDEN_STYLE.search(style)))


def without_invisible(text: str) -> str:
    return text.translate(_INVISIBLE)


def without_accents(text: str) -> str:
    """"Gàbor Muniér" as "Gabor Munier"; letters without a decomposition ("ł", "ß", Cyrillic) stay."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
