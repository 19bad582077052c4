"""The headline: the one on the page when the page's own metadata agrees with it.

Each source alone goes wrong somewhere: og:title is often a social-media teaser written
for sharing ("Schudł 125 kilogramów!" above "Angus Barbieri. Nie jadł przez 382 dni"),
JSON-LD headlines get cut at a fixed length, <title> carries the site and section, and an
h1 can be the site's banner. A heading that the metadata confirms (whole, as one side of
"Headline | Site", or as the start of a cut-off copy) is the headline as readers see it;
without such agreement the structured headline is the best guess.
"""

from __future__ import annotations

import html
import re

from lxml.html import HtmlElement

from pipeline.stages.extract.site_names import key, names_site, site_keys

# Between a headline and the site or section in <title>/og:title: "A | Site", "Site - A".
_SEPARATOR = re.compile(r"\s(?:[|\-–—·»:/]|::)\s")
# Only headings among the first few are headlines; later ones are teasers and widgets.
_MAX_HEADINGS = 8
_MAX_LENGTH = 300
# A heading that matches only one side of a title must be a real headline, not a section
# name that happens to stand beside it ("Politik | ...").
_MIN_SIDE_KEY = 15
# A cut-off copy must keep at least this share of the heading to confirm it.
_MIN_PREFIX_SHARE = 0.5


def _clean(text: str | None) -> str:
    return " ".join(html.unescape(text or "").split())


def strip_site_name(title: str, site_name: str | None, url: str = "") -> str:
    """'Headline | Site' and 'Site - Headline' → 'Headline' when the side part is the site."""
    keys = site_keys(site_name, url)
    matches = list(_SEPARATOR.finditer(title)) if keys else []
    if matches:
        last, first = matches[-1], matches[0]
        head, tail = title[: last.start()].strip(), title[last.end():].strip()
        if head and names_site(tail, keys):
            return head
        head, tail = title[: first.start()].strip(), title[first.end():].strip()
        if tail and names_site(head, keys):
            return tail
    return title


def _sides(title: str) -> set[str]:
    """Every way to cut a title at one separator: both parts."""
    keys = set()
    for match in _SEPARATOR.finditer(title):
        keys.add(key(title[: match.start()]))
        keys.add(key(title[match.end():]))
    return keys


def _agrees(heading: str, candidates: list[str]) -> bool:
    k = key(heading)
    for candidate in candidates:
        c = key(candidate)
        if c == k:
            return True
        if len(k) >= _MIN_SIDE_KEY and k in _sides(candidate):
            return True
        if len(c) >= _MIN_PREFIX_SHARE * len(k) and len(c) >= _MIN_SIDE_KEY and k.startswith(c):
            return True
    return False


def choose_title(tree: HtmlElement, structured: list[str | None], site_name: str | None, url: str) -> str | None:
    """`structured`: JSON-LD headline, og:title, twitter:title ... most trusted first."""
    keys = site_keys(site_name, url)
    page_title = _clean(tree.findtext(".//title"))
    candidates = [c for c in (_clean(s) for s in structured) if c] + ([page_title] if page_title else [])
    for h1 in tree.xpath("//h1")[:_MAX_HEADINGS]:
        heading = _clean(h1.text_content())
        if heading and len(heading) <= _MAX_LENGTH and not names_site(heading, keys) and _agrees(heading, candidates):
            return heading
    for candidate in candidates:
        title = strip_site_name(candidate, site_name, url)
        if title and not names_site(title, keys):
            return title
    first_h1 = next((_clean(h.text_content()) for h in tree.xpath("//h1")[:1]), "")
    return first_h1 or (candidates[0] if candidates else None)
