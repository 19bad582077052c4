"""The extract stage: a validated RawPage in, the article text and its metadata out."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import MutableMapping
from typing import Any

from pipeline.stages.base import Record, Rejected
from pipeline.stages.extract import lines as L
from pipeline.stages.extract.html_body import html_paragraphs
from pipeline.stages.extract.markup import parse_html
from pipeline.stages.extract.metadata import header_language, page_metadata
from pipeline.stages.extract.site_memory import (
    LINES_FIELD, TEMPLATE_FIELD, SiteTemplates, State, fingerprint, fingerprints, title_lines, without_template_parts,
)
from pipeline.stages.extract.text_page import clean_text_page
from pipeline.stages.extract.tidy import tidy

_PASSED_THROUGH = ("url", "origin", "fetched_at", "source")


# Fewer words than this and no sentence among them: a menu or an error page, not an article.
_MIN_WORDS = 15
# A scraper that put the page's HTML where its text goes: read as the HTML page it is. It
# starts with a doctype, or with an <html> tag followed by a <head> or <body> (a tutorial's
# text may start with "<html> is ..."); or it is a fragment, a feed's or a CMS's article body,
# that starts with a tag and closes two blocks ("<p>...</p><p>...</p>").
_HTML_DOCUMENT = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>].*?<(?:head|body)[\s>])",
    re.IGNORECASE | re.DOTALL)
_HTML_FRAGMENT = re.compile(r"\A\s*<(?:p|div|article|section|main|h[1-6]|ul|ol|figure|blockquote|table|span|a|img|br|strong|b|em|i)\b", re.IGNORECASE)
_CLOSED_BLOCK = re.compile(r"</(?:p|div|li|h[1-6]|article|section|blockquote|figure|table)>", re.IGNORECASE)
_FRAGMENT_BLOCKS = 2


def _is_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML_DOCUMENT.match(head) or (_HTML_FRAGMENT.match(head) and len(_CLOSED_BLOCK.findall(text)) >= _FRAGMENT_BLOCKS))


def _composed(text: str) -> str:
    """`text` in NFC: a scraper may hand over letters decomposed ("য়" as য + ়, "ü" as u and a
    mark), which a search index or a reader's query spells composed. An HTML page's body comes
    so from trafilatura; a text page's is made so here. Titles and names stay as the page
    spells them (labellers copy them from it)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _is_article(paragraphs: list[str]) -> bool:
    return any(L.is_prose(p) for p in paragraphs) or sum(L.size(p) for p in paragraphs) >= _MIN_WORDS


class Extract:
    """Article text and metadata from an HTML page, or from a page already flattened to text.

    Per-site template memory (site_memory.py) is the caller's: a page that carries
    `_site_template` has those lines removed, and its output carries `_site_lines` to learn
    from. `site_memory` (domain -> template state) does that exchange in this process, for
    callers that run Extract in-process; without either every page is judged on its own.
    """

    name = "extract"

    def __init__(self, site_memory: MutableMapping[str, State] | None = None) -> None:
        self.templates = SiteTemplates(site_memory) if site_memory is not None else None

    def run(self, page: Record) -> Record:
        if self.templates is None:
            return self._extract(page)
        return self.templates.after(self._extract(self.templates.before(page)))

    def _extract(self, page: Record) -> Record:
        url = page["url"]
        template = frozenset(page.get(TEMPLATE_FIELD) or ())
        if not page.get("html") and _is_html(page.get("text") or ""):
            page = {**page, "html": page["text"]}
        if page.get("html"):
            paragraphs, meta, learnable = self._from_html(page, template)
        else:
            paragraphs, meta = self._from_text(page.get("text") or "", url, page.get("headers"), template, page.get("fetched_at"))
            # A text page shows its whole template (menus, footers) and teaches it all.
            learnable = (page.get("text") or "").splitlines()
        if not _is_article(paragraphs):
            raise Rejected("no_article_text", f"no article text found in {url}")
        out = {key: page.get(key) for key in _PASSED_THROUGH}
        out.update(meta)
        out["text"] = _composed("\n".join(paragraphs))
        if TEMPLATE_FIELD in page:
            out[LINES_FIELD] = fingerprints(learnable)
        return out

    @staticmethod
    def _from_html(page: Record, template: frozenset[str]) -> tuple[list[str], dict[str, Any], list[str]]:
        """Paragraphs, metadata, and the lines to learn: from an HTML page only what leaked
        into the body is worth remembering, counted before the template is applied (a line
        no longer counted once removed would drop out of the template again), and the parts of
        its <title> (a part on many of the site's pages is its name or a section's)."""
        L.forget_lines()
        tree = parse_html(page["html"])
        if tree is None:
            raise Rejected("no_article_text", f"unparseable HTML in {page['url']}")
        meta = page_metadata(tree, page["url"], page.get("headers"), page.get("fetched_at"))
        if template and meta["title"]:
            meta["title"] = without_template_parts(meta["title"], template)
        article_body = meta.pop("article_body")
        paragraphs = tidy(html_paragraphs(tree, page["url"]), meta["title"], meta["authors"])
        if not paragraphs and article_body:
            paragraphs = [line.strip() for line in article_body.splitlines() if line.strip()]
        kept = [p for p in paragraphs if fingerprint(p) not in template] if template else paragraphs
        return (kept or paragraphs), meta, paragraphs + title_lines(tree.findtext(".//title"))

    @staticmethod
    def _from_text(
        text: str, url: str, headers: dict[str, Any] | None, template: frozenset[str], fetched_at: str | None
    ) -> tuple[list[str], dict[str, Any]]:
        language = header_language(headers)
        article = clean_text_page(text, template, url, language, fetched_at=fetched_at)
        meta = {
            "title": article.title,
            "authors": article.authors,
            "published_at": article.published_at,
            "site_name": None,
            "description": None,
            "image": None,
            "page_canonical_url": None,
            "language_hints": {"html_lang": None, "og_locale": None, "content_language": language},
        }
        return article.paragraphs, meta
