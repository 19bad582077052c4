"""The extract stage: a validated RawPage in, the article text and its metadata out."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from trafilatura.utils import load_html

from pipeline.stages.base import Record, Rejected
from pipeline.stages.extract import lines as L
from pipeline.stages.extract.html_body import html_paragraphs
from pipeline.stages.extract.metadata import header_language, page_metadata
from pipeline.stages.extract.site_memory import SiteMemory, State, fingerprint
from pipeline.stages.extract.text_page import clean_text_page
from pipeline.stages.extract.tidy import tidy
from pipeline.stages.urls import registrable_domain

_PASSED_THROUGH = ("url", "origin", "fetched_at", "source")


# Fewer words than this and no sentence among them: a menu or an error page, not an article.
_MIN_WORDS = 15


def _is_article(paragraphs: list[str]) -> bool:
    return any(L.is_prose(p) for p in paragraphs) or sum(L.size(p) for p in paragraphs) >= _MIN_WORDS


class Extract:
    """Article text and metadata from an HTML page, or from a page already flattened to text.

    `site_memory` (domain -> template state, see site_memory.py) turns on per-site template
    learning; without it every page is judged on its own.
    """

    name = "extract"

    def __init__(self, site_memory: MutableMapping[str, State] | None = None) -> None:
        self.memory = SiteMemory(site_memory) if site_memory is not None else None

    def run(self, page: Record) -> Record:
        url = page["url"]
        domain = registrable_domain(url)
        template = self.memory.template(domain) if self.memory else frozenset()
        if page.get("html"):
            paragraphs, meta = self._from_html(page, template)
        else:
            paragraphs, meta = self._from_text(page.get("text") or "", page.get("headers"), template)
        if not _is_article(paragraphs):
            raise Rejected("no_article_text", f"no article text found in {url}")
        if self.memory:
            self.memory.learn(domain, url, self._learnable_lines(page, paragraphs))
        out = {key: page.get(key) for key in _PASSED_THROUGH}
        out.update(meta)
        out["text"] = "\n".join(paragraphs)
        return out

    @staticmethod
    def _from_html(page: Record, template: frozenset[str]) -> tuple[list[str], dict[str, Any]]:
        tree = load_html(page["html"])
        if tree is None:
            raise Rejected("no_article_text", f"unparseable HTML in {page['url']}")
        meta = page_metadata(tree, page["url"], page.get("headers"))
        article_body = meta.pop("article_body")
        paragraphs = tidy(html_paragraphs(tree, page["url"]), meta["title"])
        if not paragraphs and article_body:
            paragraphs = [line.strip() for line in article_body.splitlines() if line.strip()]
        kept = [p for p in paragraphs if fingerprint(p) not in template]
        return (kept or paragraphs), meta

    @staticmethod
    def _from_text(
        text: str, headers: dict[str, Any] | None, template: frozenset[str]
    ) -> tuple[list[str], dict[str, Any]]:
        article = clean_text_page(text, template)
        meta = {
            "title": article.title,
            "authors": [],
            "published_at": None,
            "site_name": None,
            "description": None,
            "image": None,
            "page_canonical_url": None,
            "language_hints": {"html_lang": None, "og_locale": None, "content_language": header_language(headers)},
        }
        return article.paragraphs, meta

    @staticmethod
    def _learnable_lines(page: Record, paragraphs: list[str]) -> list[str]:
        # A text page shows its whole template (menus, footers) and teaches it all; from an
        # HTML page only what leaked into the extracted text is worth remembering.
        if page.get("html"):
            return paragraphs
        return [line for line in (page.get("text") or "").splitlines() if line.strip()]
