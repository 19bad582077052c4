"""Article metadata from a parsed HTML page: structured data first, then meta tags, then guesses.

trafilatura's metadata helpers read OpenGraph, meta tags and JSON-LD well, but give the
publication day only; the timestamp with its offset is read in dates.py from the same sources.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_meta_json
from trafilatura.settings import Document

from pipeline.stages.extract.bylines import clean_authors, credited_with, headline_byline, is_byline_label, page_bylines
from pipeline.stages.extract.dates import published_at
from pipeline.stages.extract.headline import choose_title, headline_element
from pipeline.stages.extract.markup import without_accents
from pipeline.stages.extract.site_names import key, stated_site_names
from pipeline.stages.urls import registrable_domain

_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting", "report",
    "scholarlyarticle", "techarticle", "liveblogposting", "webpage",
}


def _json_ld(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every object in the page's JSON-LD, graphs and lists flattened."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        # Nested past the interpreter's recursion limit ('{"a":' 3,000 times) is as unreadable as
        # broken JSON: the page is read without it, not dead-lettered.
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
                # A WebPage's article nested as its main entity: {"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", ...}}.
                if isinstance(item.get("mainEntity"), (dict, list)):
                    stack.append(item["mainEntity"])


def _types(item: dict[str, Any]) -> set[str]:
    # Some templates drop the "@": {"type": "Article", "datePublished": ...}.
    kind = item.get("@type", item.get("type"))
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def article_objects(objects: list[dict[str, Any]], addresses: tuple[str | None, ...] = ()) -> list[dict[str, Any]]:
    """JSON-LD objects describing the article, the most specific type first. Where they
    describe several pages (a teaser list's, each with its own url), those of this page
    (`addresses`: its url and canonical url)."""
    found = sorted((item for item in objects if _types(item) & _ARTICLE_TYPES), key=lambda item: "webpage" in _types(item))
    if len({_path(address) for item in found if (address := _address(item))}) < 2:
        return found
    ours = {_path(address) for address in addresses if address}
    return [item for item in found if (address := _address(item)) is None or _path(address) in ours] or found


def _address(item: dict[str, Any]) -> str | None:
    entity = item.get("mainEntityOfPage")
    for value in (item.get("url"), entity.get("@id") if isinstance(entity, dict) else entity):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _path(address: str) -> str:
    return urlsplit(address).path.rstrip("/")


# An author object of these types is the publisher or a desk, not a person who wrote.
_ORGANISATION_TYPES = {"organization", "newsmediaorganization", "corporation", "localbusiness", "website"}


def _organisation(item: dict[str, Any]) -> bool:
    # Yoast types a blog's owner as both Person and Organization: a person.
    return bool(_types(item) & _ORGANISATION_TYPES) and "person" not in _types(item)


def _credited(value: Any, by_id: dict[str, dict[str, Any]]) -> Iterator[Any]:
    """Each entry of a JSON-LD author value, lists flattened; an object written once in the
    graph and pointed at by @id (Yoast and others) is looked up."""
    if isinstance(value, list):
        for item in value:
            yield from _credited(item, by_id)
    elif isinstance(value, dict) and "name" not in value and value.get("@id") in by_id:
        yield by_id[value["@id"]]
    else:
        yield value


def _names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    names = []
    for credit in _credited(value, by_id):
        if isinstance(credit, dict) and not _organisation(credit):
            names += _names(credit.get("name") or _given_and_family(credit), by_id)
        elif isinstance(credit, str) and credit.strip() and not credit.startswith("http"):
            # JSON-LD is often written from templates that HTML-escape ("O&#039;Donnell").
            names.append(html.unescape(credit).strip())
    return names


def _given_and_family(person: dict[str, Any]) -> str | None:
    """A Person given only as its parts: {"givenName": "Cara", "familyName": "Stiles"}."""
    parts = [person.get(key) for key in ("givenName", "familyName")]
    return " ".join(part.strip() for part in parts if isinstance(part, str) and part.strip()) or None


def _first_meta(tree: HtmlElement, *names: str) -> str | None:
    for name in names:
        for meta in tree.xpath(f'//meta[@property="{name}" or @name="{name}"][@content]'):
            if meta.get("content").strip():
                return meta.get("content").strip()
    return None


def _canonical(tree: HtmlElement, url: str) -> str | None:
    for link in tree.xpath('//link[@href][@rel]'):
        if "canonical" in link.get("rel").lower().split():
            return urljoin(url, link.get("href").strip())
    og_url = _first_meta(tree, "og:url")
    return urljoin(url, og_url) if og_url else None


def header_language(headers: dict[str, Any] | None) -> str | None:
    for name, value in (headers or {}).items():
        if name.lower() == "content-language" and isinstance(value, str) and value.strip():
            return value.strip()
    return None


def language_hints(tree: HtmlElement, headers: dict[str, Any] | None) -> dict[str, str | None]:
    html_lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    content_language = header_language(headers)
    if content_language is None:
        for meta in tree.xpath("//meta[@http-equiv][@content]"):
            if meta.get("http-equiv").lower() == "content-language":
                content_language = meta.get("content")
    return {
        "html_lang": (html_lang or "").strip() or None,
        "og_locale": _first_meta(tree, "og:locale"),
        "content_language": (content_language or "").strip() or None,
    }


# Read raw rather than through trafilatura, which splits "SPIEGEL ONLINE, Hamburg, Germany"
# into three names before anyone can see it was a comma list.
_AUTHOR_META = {"author", "article:author", "og:article:author", "dc.creator", "dc.author", "dcterms.creator", "parsely-author",
                "sailthru.author", "byl", "citation_author", "cxenseparse:author"}
_PUBLISHER_META = {"dc.publisher", "publisher", "dcterms.publisher"}


def _authors(tree: HtmlElement, objects: list[dict[str, Any]], articles: list[dict[str, Any]],
             site_name: str | None, url: str, headline_h1: HtmlElement | None) -> list[str]:
    """Persons from JSON-LD, else from meta tags, else from the byline on the page; the
    byline also when it names the same persons and more (metadata often keeps the first of
    several), when it and the meta tags agree on others than JSON-LD names, or when it spells
    out the metadata's first name or login. The site is no author: a byline naming the publication ('BRIGITTE.de', 'INTERIA
    PL') or a meta author that is the meta publisher ('Auto Illustrierte') names nobody. The
    site's names: its site name (and what og:site_name names), the publisher, an organisation
    JSON-LD credits, the whole domain, and a short domain label; not a longer label, since a
    blogger's name is often their domain's."""
    metas = [((m.get("name") or m.get("property") or "").lower(), m.get("content")) for m in tree.xpath("//meta[@content]")]
    publishers = [content for name, content in metas if name in _PUBLISHER_META]
    by_id = {item["@id"]: item for item in objects if isinstance(item.get("@id"), str)}
    domain = registrable_domain(url) if url else ""
    # A short domain label is the site's initials ("drk"); a longer one may be the blogger's name.
    label = domain.split(".")[0]
    site = {key(name) for name in (site_name or "", domain, label if len(label) <= _MAX_INITIALS else "", *publishers, *_organisations(articles, by_id),
                                   *(part for n, c in metas if n == "og:site_name" for part in stated_site_names(c)))} - {""}
    in_meta_tags = clean_authors([content for name, content in metas if name in _AUTHOR_META] + _labelled_data(metas), site)
    stated = clean_authors([n for a in articles for n in _names(a.get("author"), by_id)], site) or in_meta_tags
    if not stated:
        found = page_bylines(tree, headline_h1, site)
        return _with_co_writers(found, headline_h1, site) or found
    printed = headline_byline(headline_h1, site)
    if _more_of_them(stated, printed):
        return printed
    writers = {key(name) for name in printed}
    if writers and writers == {key(name) for name in in_meta_tags} and not writers & {key(name) for name in stated}:
        # The byline and the meta tags agree on writers JSON-LD does not name (its author is the poster's account).
        return printed
    if credited := _with_co_writers(stated, headline_h1, site):
        return credited
    if len(stated) == 1 and " " not in stated[0]:
        # A first name or a login ("Todd", "gabor_munier"): the page's byline may spell it out.
        on_page = page_bylines(tree, headline_h1, site)
        if len(on_page) == 1 and _same_writer(stated[0], on_page[0]):
            return on_page
    return _spelled_out(stated, in_meta_tags + printed)


def _labelled_data(metas: list[tuple[str, str]]) -> list[str]:
    """What the twitter:labelN/dataN pairs (Yoast's "Verfasst von" / "mf") say wrote it, label first."""
    labels = {name.removeprefix("twitter:label"): content for name, content in metas if name.startswith("twitter:label")}
    return [f"{labels[name.removeprefix('twitter:data')]} {content}" for name, content in metas
            if name.startswith("twitter:data") and is_byline_label(labels.get(name.removeprefix("twitter:data"), ""))]


def _with_co_writers(names: list[str], headline_h1: HtmlElement | None, site: set[str]) -> list[str] | None:
    """The one writer and the others a line after the headline credits with them, if any does."""
    if len(names) == 1 and _more_of_them(names, credited := credited_with(headline_h1, names[0], site)):
        return credited
    return None


def _folded(name: str) -> str:
    """Letters without accents, lower case: "Gàbor Muniér" is "gabormunier"."""
    return key(without_accents(name))


_MAX_FULL_NAME_WORDS = 4


def _same_writer(short: str, full: str) -> bool:
    """Whether a one-word name ("Todd", "christian.stadtfeld") is the full one ("Todd Bates",
    "Christian P. Stadtfeld") cut short: its first name, or its letters without the initials."""
    words = full.split()
    if not 2 <= len(words) <= _MAX_FULL_NAME_WORDS:
        return False
    without_initials = " ".join(word for word in words if len(word.rstrip(".")) > 1)
    return _folded(short) in (_folded(full), _folded(without_initials), _folded(words[0]))


def _spelled_out(names: list[str], others: list[str]) -> list[str]:
    """A login name ("edilson.la.rosa") as another source writes the same name ("Edilson La Rosa")."""
    written = {key(other): other for other in others if " " in other}
    return [written.get(key(name), name) if " " not in name else name for name in names]


_MAX_INITIALS = 5


def _organisations(articles: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Names of the organisations credited as the article's author ("Eurosport"): a byline
    printing that name names nobody."""
    return [credit["name"] for article in articles for credit in _credited(article.get("author"), by_id)
            if isinstance(credit, dict) and isinstance(credit.get("name"), str) and _organisation(credit)]


def _more_of_them(stated: list[str], printed: list[str]) -> bool:
    ours = {key(name) for name in printed}
    return len(ours) > len(stated) and all(key(name) in ours for name in stated)


def _meta_tags(tree: HtmlElement) -> Document:
    """trafilatura's reading of the page's meta tags and JSON-LD; of the meta tags alone where its
    JSON-LD reader fails on a shape it does not expect (an array of arrays, JSON nested past the
    recursion limit), which would otherwise cost the page its article. The meta tags are read
    again then: the failed reading may have filled fields of the document it was given."""
    try:
        return extract_meta_json(tree, examine_meta(tree))
    except (AttributeError, TypeError, LookupError, ValueError, RecursionError):
        return examine_meta(tree)


def page_metadata(tree: HtmlElement, url: str, headers: dict[str, Any] | None = None, fetched_at: str | None = None) -> dict[str, Any]:
    """Everything but the body: the metadata fields of the after-extract record (`fetched_at`:
    when the page was fetched, for a date it prints as "3 hours ago")."""
    objects = list(_json_ld(tree))
    canonical = _canonical(tree, url)
    articles = article_objects(objects, (url, canonical))
    meta = _meta_tags(tree)
    site_name = meta.sitename.lstrip("@") if meta.sitename else None
    headlines = [a["headline"] for a in articles if isinstance(a.get("headline"), str)]
    social = [_first_meta(tree, "og:title"), _first_meta(tree, "twitter:title"), meta.title]
    hints = language_hints(tree, headers)
    title = choose_title(tree, headlines + social, site_name, url)
    headline_h1 = headline_element(tree, title)
    image = meta.image or next((i for a in articles for i in _names_or_urls(a.get("image"))), None)
    return {
        "title": title,
        "authors": _authors(tree, objects, articles, site_name, url, headline_h1),
        "published_at": published_at(tree, url, articles, headline_h1, title, hints["html_lang"], fetched_at),
        "site_name": site_name,
        "description": meta.description or None,
        "image": urljoin(url, image) if image else None,
        "page_canonical_url": canonical,
        "language_hints": hints,
        "article_body": next((a["articleBody"] for a in articles if isinstance(a.get("articleBody"), str)), None),
    }


def _names_or_urls(value: Any) -> list[str]:
    if isinstance(value, list):
        return [u for v in value for u in _names_or_urls(v)]
    if isinstance(value, dict):
        return _names_or_urls(value.get("url"))
    return [value] if isinstance(value, str) and value.strip() else []
