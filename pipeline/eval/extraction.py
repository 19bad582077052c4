"""Extraction quality and speed: our extract stage side by side with trafilatura alone.

Sets (all from ../shared; figures come from running the official scorer files on our output):
- aeb: 181 article pages, hand-checked bodies, scored by tools/score_extraction.py
  (4-word-shingle body F1; title/date/authors where the truth has them).
- trafilatura-eval: 990 pages in a dozen languages, must/must-not snippets, tools/score_snippets.py.
- seeds: the two text-only seed pages against their hand-cleaned articles
  (tests/fixtures/extract/seeds.expected.jsonl), body F1 and exact matches.
- metadata: pages of trafilatura-eval (and, from held-out-15 on, of aeb) whose title,
  publication day and authors were checked by hand on the page, scored by
  tools/score_extraction.py for title_exact, date_day, authors_f1: 30 in nine languages the
  rules were tuned on (metadata.truth.jsonl) and sixteen sets labelled later, each held out
  until scored (metadata.heldout*.truth.jsonl; all have been tuned on since, held-out-16
  last: docs/extraction.md gives each set's figure from before), in tests/fixtures/extract/.
- text: the HTML sets flattened to whole-page text (every visible line: menus, teasers,
  footers) as a text-only scraper would, scored against the same truth. The baseline there
  is trafilatura on that text wrapped one <p> per line, and the text passed through as is.
- text-metadata: the metadata pages flattened as for text, scored for title, day and authors
  as a text-only scraper's page would be (no markup, no structured data: what the text says).
- text-nodes: the same, flattened the way a scraper that takes every text node's text does
  (a link inside a sentence splits it over three lines; no blank lines): a different scraper,
  the same truth.
- text-oneline: the same text joined into one line, as a scraper that joins the page's text
  with spaces delivers it (BeautifulSoup's `get_text(" ")`, trafilatura's `html2txt`).
- text-rendered: the same, with the source's line breaks as spaces, as a browser renders the page
  (innerText): a line per block and nothing else.
- text-source: the same, as BeautifulSoup's `get_text()` or lxml's `text_content()` deliver it: the
  source's line breaks and no other, so two blocks the source writes on one line run together
  ("investigations.Sondland's appearance", "MenuHomeNewsSports").
- text-markdown: the same text as Markdown, as a crawler that feeds language models writes it
  (html2text, Jina Reader, Firecrawl): links, images, headings and list items marked up.

Each page is timed for ours and for the baseline back to back, so machine load hits both.
"""

from __future__ import annotations

import argparse
import gzip
import html as html_lib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura
from lxml import html as lxml_html
from trafilatura.utils import load_html

from pipeline.stages.base import Rejected
from pipeline.stages.extract import Extract
from pipeline.stages.extract.site_memory import SiteTemplates

REPO = Path(__file__).resolve().parents[2]
SEEDS_EXPECTED = REPO / "tests" / "fixtures" / "extract" / "seeds.expected.jsonl"
# The first set the rules were tuned on; each later one was read off its pages by hand after
# the rules then were written, and only then scored (docs/extraction.md says which were tuned on
# since). The pages are looked up by url in both HTML sets.
METADATA_TRUTH = {
    "metadata": REPO / "tests" / "fixtures" / "extract" / "metadata.truth.jsonl",
    "metadata/held-out": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout.truth.jsonl",
    "metadata/held-out-2": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout2.truth.jsonl",
    "metadata/held-out-3": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout3.truth.jsonl",
    "metadata/held-out-4": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout4.truth.jsonl",
    "metadata/held-out-5": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout5.truth.jsonl",
    "metadata/held-out-6": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout6.truth.jsonl",
    "metadata/held-out-7": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout7.truth.jsonl",
    "metadata/held-out-8": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout8.truth.jsonl",
    "metadata/held-out-9": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout9.truth.jsonl",
    "metadata/held-out-10": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout10.truth.jsonl",
    "metadata/held-out-11": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout11.truth.jsonl",
    "metadata/held-out-12": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout12.truth.jsonl",
    "metadata/held-out-13": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout13.truth.jsonl",
    "metadata/held-out-14": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout14.truth.jsonl",
    "metadata/held-out-15": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout15.truth.jsonl",
    "metadata/held-out-16": REPO / "tests" / "fixtures" / "extract" / "metadata.heldout16.truth.jsonl",
}

_INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas"}
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "figure", "ul", "ol", "hr"}
_BLOCK = _PARAGRAPH | {
    "div", "section", "article", "header", "footer", "nav", "aside", "main", "li", "br", "tr",
    "form", "dl", "dt", "dd", "figcaption", "address", "fieldset", "details", "summary", "caption",
    "button", "label", "option", "select", "td", "th",
}

_WHITE_SPACE = re.compile(r"\s+")
# How Markdown writers part blocks (html2text, turndown): a blank line, but a line break between
# list items and table rows, a hard break (two spaces) for <br>, a space between table cells.
_MARKDOWN_BREAKS = {"li": "\n", "tr": "\n", "br": "  \n", "td": " ", "th": " "}

Extractor = Callable[[dict[str, Any]], dict[str, Any] | None]


@dataclass
class PageSet:
    name: str
    pages: list[dict[str, Any]]
    truth: Path
    scorer: str  # file name in shared/tools


def _hidden(elem: lxml_html.HtmlElement) -> bool:
    style = (elem.get("style") or "").replace(" ", "").lower()
    return elem.get("hidden") is not None or "display:none" in style or elem.get("aria-hidden") == "true"


def visible_text(page_html: str, line_per_text_node: bool = False, markdown: bool = False, rendered: bool = False,
                 source: bool = False) -> str:
    """The page as a browser shows it, flattened: one line per block, blank line around
    paragraphs, and a line break wherever the source has one. With `rendered`, as a browser
    renders it (innerText): the source's line breaks are spaces. With `line_per_text_node`, as
    a scraper that takes each text node's text flattens it: every piece of text between two
    tags on a line of its own (a link inside a sentence splits it into three lines), no blank
    lines. With `markdown`, as a crawler that writes Markdown does (html2text, Jina Reader):
    links as [label](href), images as ![alt](src), headings behind #, list items behind *. With
    `source`, as BeautifulSoup's `get_text()` or lxml's `text_content()` does: the source's line
    breaks and nothing else, so blocks the source writes on one line run together, no blank lines."""
    root = load_html(page_html)
    if root is None:
        return ""
    body = root.find("body")
    parts: list[str] = []

    def marks(elem: lxml_html.HtmlElement, tag: str) -> tuple[str, str]:
        if tag == "a" and elem.get("href"):
            return "[", f"]({''.join(elem.get('href', '').split())})"
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return "#" * int(tag[1]) + " ", ""
        if tag == "li":
            return "* ", ""
        return "", ""

    def text(value: str | None) -> str:
        # Markdown writers collapse the source's white space; line breaks are theirs alone.
        return _WHITE_SPACE.sub(" ", value) if (markdown or rendered) and value else value or ""

    def walk(elem: lxml_html.HtmlElement, in_link: bool = False) -> None:
        tag = elem.tag if isinstance(elem.tag, str) else ""
        if tag in _INVISIBLE or not tag or _hidden(elem):
            parts.append(text(elem.tail))
            return
        if markdown:
            brk = _MARKDOWN_BREAKS.get(tag, "\n\n" if tag in _BLOCK else "")
        elif source:
            brk = ""
        else:
            brk = "\n" if line_per_text_node else "\n\n" if tag in _PARAGRAPH else "\n" if tag in _BLOCK else ""
        opening, closing = marks(elem, tag) if markdown and not in_link else ("", "")
        if markdown and in_link:
            brk = " " if brk else ""  # Markdown keeps a link on one line, whatever blocks it holds
        parts.append(brk + opening)
        if markdown and tag == "img":
            parts.append(f"![{elem.get('alt', '')}]({elem.get('src', '')})")
        parts.append(text(elem.text))
        for child in elem:
            walk(child, in_link or bool(opening.startswith("[")))
        parts.append(closing + brk)
        parts.append(text(elem.tail))

    walk(body if body is not None else root)
    # A Markdown line keeps the two spaces that end it in a hard break.
    lines = [" ".join(line.split()) + ("  " if markdown and line.endswith("  ") and line.strip() else "")
             for line in "".join(parts).split("\n")]
    if line_per_text_node or source:
        return "\n".join(line for line in lines if line)
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


# The ways a page is flattened to text (flatten), each an evaluation set of its own.
TEXT_FLATTENINGS = ("text", "text-nodes", "text-oneline", "text-markdown", "text-rendered", "text-source")


def flatten(page_html: str, flattening: str) -> str:
    """The page as a text-only scraper delivers it: `flattening` is text, text-nodes, text-oneline,
    text-markdown, text-rendered or text-source."""
    if flattening == "text-oneline":
        return " ".join(visible_text(page_html).split())
    return visible_text(page_html, flattening == "text-nodes", flattening == "text-markdown", flattening == "text-rendered",
                        flattening == "text-source")


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_sets(name: str, shared: Path, limit: int | None) -> list[PageSet]:
    def html_set(data: str, scorer: str) -> PageSet:
        pages = []
        for page in _read_jsonl(shared / "data" / data / "pages.jsonl.gz"):
            pages.append(page)
            if limit and len(pages) >= limit:
                break
        return PageSet(data, pages, shared / "data" / data / "truth.jsonl", scorer)

    if name == "aeb":
        return [html_set("aeb", "score_extraction.py")]
    if name == "trafilatura-eval":
        return [html_set("trafilatura-eval", "score_snippets.py")]
    if name in ("metadata", "text-metadata"):
        set_of = {row["url"]: set_name for set_name, truth in METADATA_TRUTH.items() for row in _read_jsonl(truth)}
        pages_of: dict[str, list[dict[str, Any]]] = {set_name: [] for set_name in METADATA_TRUTH}
        for data in ("trafilatura-eval", "aeb"):
            for page in _read_jsonl(shared / "data" / data / "pages.jsonl.gz"):
                if page["url"] in set_of:
                    pages_of[set_of[page["url"]]].append(page)
        if name == "text-metadata":
            return [PageSet(f"text-{set_name}", [{"url": p["url"], "text": visible_text(p["html"])} for p in pages_of[set_name][:limit]],
                            truth, "score_extraction.py") for set_name, truth in METADATA_TRUTH.items()]
        return [PageSet(set_name, pages_of[set_name][:limit], truth, "score_extraction.py")
                for set_name, truth in METADATA_TRUTH.items()]
    if name == "seeds":
        pages = list(_read_jsonl(shared / "data" / "seeds" / "pages.jsonl"))[:limit]
        return [PageSet("seeds", pages, SEEDS_EXPECTED, "score_extraction.py")]
    flattened = []
    for source in (html_set("aeb", "score_extraction.py"), html_set("trafilatura-eval", "score_snippets.py")):
        pages = [{"url": p["url"], "text": flatten(p["html"], name), "source": p.get("source")} for p in source.pages]
        flattened.append(PageSet(f"{name}/{source.name}", pages, source.truth, source.scorer))
    return flattened


def ours(templates: SiteTemplates | None) -> Extractor:
    """Our stage; with `templates`, the memory wraps it the way `process` and the workers do."""
    stage = Extract()

    def run(page: dict[str, Any]) -> dict[str, Any] | None:
        page = {**page, "origin": "eval"}
        try:
            if templates is None:
                return stage.run(page)
            return templates.after(stage.run(templates.before(page)))
        except Rejected:
            return None

    return run


def trafilatura_alone(page: dict[str, Any]) -> dict[str, Any] | None:
    if page.get("html"):
        text = trafilatura.extract(page["html"], url=page["url"])
    else:
        lines = (page.get("text") or "").splitlines()
        wrapped = "".join(f"<p>{html_lib.escape(line)}</p>" for line in lines if line.strip())
        text = trafilatura.extract(f"<html><body><article>{wrapped}</article></body></html>", url=page["url"])
    return {"url": page["url"], "text": text} if text else None


def trafilatura_metadata(page: dict[str, Any]) -> dict[str, Any] | None:
    """trafilatura with its metadata on (`extract` leaves it off by default)."""
    found = trafilatura.bare_extraction(page["html"], url=page["url"], with_metadata=True)
    if found is None:
        return None
    authors = [name.strip() for name in (found.author or "").split(";") if name.strip()]
    return {"url": page["url"], "text": found.text, "title": found.title, "published_at": found.date, "authors": authors}


def passthrough(page: dict[str, Any]) -> dict[str, Any] | None:
    return {"url": page["url"], "text": page.get("text") or ""}


def score(page_set: PageSet, shared: Path, outputs: list[dict[str, Any] | None]) -> dict[str, str]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as handle:
        for out in outputs:
            if out is not None:
                handle.write(json.dumps(out, ensure_ascii=False) + "\n")
    try:
        result = subprocess.run(
            [sys.executable, str(shared / "tools" / page_set.scorer), str(page_set.truth), handle.name],
            capture_output=True, text=True, check=True,
        )
    finally:
        Path(handle.name).unlink()
    return dict(pair.split("=", 1) for pair in result.stdout.split())


def _truth_has_titles(page_set: PageSet) -> bool:
    return any(row.get("title") for row in _read_jsonl(page_set.truth))


def evaluate(page_set: PageSet, shared: Path, extractors: dict[str, Extractor]) -> list[tuple[str, dict[str, str], float]]:
    outputs: dict[str, list[dict[str, Any] | None]] = {name: [] for name in extractors}
    seconds = dict.fromkeys(extractors, 0.0)
    for extractor in extractors.values():
        extractor(page_set.pages[0])  # one-off start-up costs (lazy imports, tables) are not per-page
    for page in page_set.pages:
        for name, extractor in extractors.items():
            started = time.perf_counter()
            outputs[name].append(extractor(page))
            seconds[name] += time.perf_counter() - started
    rows = []
    titles = _truth_has_titles(page_set)
    for name in extractors:
        figures = score(page_set, shared, outputs[name])
        if not titles:
            figures.pop("title_exact", None)  # the scorer counts a missing truth title as a match
        if page_set.name.startswith(("metadata", "text-metadata")):
            figures = {k: v for k, v in figures.items() if not k.startswith("body_")}
        if page_set.name == "seeds":
            expected = {row["url"]: row["body"] for row in _read_jsonl(page_set.truth)}
            exact = sum(1 for out in outputs[name] if out and out["text"] == expected.get(out["url"]))
            figures["exact"] = f"{exact}/{len(page_set.pages)}"
        rows.append((name, figures, len(page_set.pages) / max(seconds[name], 1e-9)))
    return rows


_COLUMNS = ("body_f1", "body_precision", "body_recall", "f1", "precision", "recall", "exact", "title_exact", "date_day", "authors_f1", "missing")


def print_table(page_set: PageSet, rows: list[tuple[str, dict[str, str], float]]) -> None:
    columns = [c for c in _COLUMNS if any(c in figures and figures[c] != "None" for _, figures, _ in rows)]
    print(f"\n{page_set.name} ({len(page_set.pages)} pages)")
    header = f"{'extractor':<14}" + "".join(f"{c:>16}" for c in columns) + f"{'pages/s':>10}"
    print(header)
    print("-" * len(header))
    for name, figures, speed in rows:
        print(f"{name:<14}" + "".join(f"{figures.get(c, '-'):>16}" for c in columns) + f"{speed:>10.1f}")
    baseline = next((row for row in rows if row[0] == "trafilatura"), None)
    if baseline and baseline[2]:
        print(f"speed ratio ours/trafilatura: {rows[0][2] / baseline[2]:.2f}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--set", dest="page_set", required=True, choices=("aeb", "trafilatura-eval", "seeds", *TEXT_FLATTENINGS, "metadata", "text-metadata"))
    parser.add_argument("--baseline", choices=("trafilatura", "none"), default="trafilatura")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--site-memory", action="store_true", help="run ours with per-domain template memory, pages in file order")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")


def run(args: argparse.Namespace) -> int:
    for page_set in load_sets(args.page_set, args.shared, args.limit):
        extractors: dict[str, Extractor] = {"ours": ours(SiteTemplates({}) if args.site_memory else None)}
        if args.baseline == "trafilatura":
            extractors["trafilatura"] = trafilatura_metadata if page_set.name.startswith("metadata") else trafilatura_alone
        if page_set.name.split("/")[0] in TEXT_FLATTENINGS:
            extractors["passthrough"] = passthrough
        print_table(page_set, evaluate(page_set, args.shared, extractors))
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    raise SystemExit(run(parser.parse_args()))
