"""Plain text out of a page a scraper delivered as Markdown.

Crawlers that feed language models (html2text, markdownify, Jina Reader, Firecrawl) flatten a
page to Markdown: every menu entry a `[label](url)`, images `![alt](src)`, headings behind `#`,
and paragraphs hard-wrapped at ~80 characters (html2text's default). Read as plain text, the
URLs outweigh the words and a wrapped paragraph looks like a column of short lines. The page is
read as Markdown renders it instead: links as their labels, images and rules gone, a
paragraph's wrapped lines joined, and each heading, list item, quote and table row a line of
its own.
"""

from __future__ import annotations

import re

# A link or an image whose target is a URL, a path or an anchor: plain text seldom has one, a
# Markdown page has dozens. Headings alone tell nothing: "# " opens code comments and hashtags.
_LINK_TARGET = re.compile(r"\]\((?:https?://|/|#|\.\.?/|mailto:)")
_MARKDOWN_LINKS = 3

# A label holds one level of brackets at most ("[[167 comments]](...)") and stops at an
# unclosed "[", a target at the next bracket, so a page with thousands of "[" and no "]" is read
# in linear time (a label running to the next "]" looked to the end of the line from every "[":
# 30 s for 150 KB). The target may hold a title, one level of brackets and, wrapped, a space
# (all of it goes), or a whole base64 image.
_LABEL = r"((?:[^\[\]]|\[[^\[\]]*\])*)"
_TARGET = r"\([^()]*(?:\([^()]*\)[^()]*)*\)"
_IMAGE = re.compile(r"!\[" + _LABEL + r"\]" + _TARGET)
_LINK = re.compile(r"\[" + _LABEL + r"\]" + _TARGET)
_REFERENCE_LINK = re.compile(r"\[" + _LABEL + r"\]\[[^\[\]]*\]")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]*>")
_RULE = re.compile(r"^\s*([*_-])(?:\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# What starts a block of its own: a heading, a list item, a quote, a table row.
_BLOCK_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[*+-](?:\s+|$)|\d{1,3}[.)]\s+|>\s*|\|)")
# An ordered item's number stays: "26. Januar 2022" opens a line as "1. " does.
_LEADING_MARKS = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s+|(?:[*+-](?:\s+|$))+)?")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
# Not an escaped mark ("\\*"): the escapes are undone last. An emphasised run is bounded, for the
# same reason as a label.
_STRONG = re.compile(r"(?<!\\)(\*\*|__)(?=\S)(.{1,500}?)(?<=[^\s\\])\1")
_EMPHASIS = re.compile(
    r"(?<![\w*\\])\*(?=\S)([^*]{1,500}?)(?<=[^\s\\])\*(?![\w*])|(?<![\w\\])_(?=\S)([^_]{1,500}?)(?<=[^\s\\])_(?!\w)")
_CODE = re.compile(r"`([^`]{0,500})`")
# What html2text writes for markup with no text in it: an icon's empty emphasis ("__ Tweet"), a
# link around blocks ("[" ending one line, "  * google](/tag/google)[" the next, in a list).
_EMPTY_EMPHASIS = re.compile(r"(?<!\S)(?:\*{2,4}|_{2,4})(?!\S)")
_LINK_END = re.compile(r"^([^\[\]]*)\]" + _TARGET)
_OPEN_BRACKET = re.compile(r"\s*\[\s*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


def is_markdown(text: str) -> bool:
    return len(_LINK_TARGET.findall(text)) >= _MARKDOWN_LINKS


def _inline(line: str) -> str:
    # Each mark is looked for only where its character is: most lines of an article have none.
    if "](" in line:
        line = _LINK.sub(r"\1", _IMAGE.sub("", line))
        if "](" in line:
            line = _LINK_END.sub(r"\1", line)
    if line.endswith("["):
        line = _OPEN_BRACKET.sub("", line)
    if "][" in line:
        line = _REFERENCE_LINK.sub(r"\1", line)
    if "<" in line:
        line = _AUTOLINK.sub("", line)
    if "*" in line or "_" in line:
        line = _EMPTY_EMPHASIS.sub("", line)
        line = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), _STRONG.sub(r"\2", line))
    if "`" in line:
        line = _CODE.sub(r"\1", line)
    return _ESCAPE.sub(r"\1", line) if "\\" in line else line


# A top-level heading: one "#", the page's headline as often as not.
_TOP_HEADING = re.compile(r"^\s{0,3}#[ \t]+\S")


def _rendered(block: str) -> str:
    return " ".join(_inline(_CLOSING_HASHES.sub("", _LEADING_MARKS.sub("", block))).split())


def rendered_lines(text: str) -> list[tuple[str, bool]]:
    """`text` as rendered Markdown, a line per paragraph, heading, list item, quote line and
    table row, blank lines between blocks, no Markdown syntax, code as it is; each line with
    whether it is a top-level heading."""
    # Raw blocks: a link wrapped over two lines is whole only once they are joined.
    blocks: list[tuple[str, bool]] = []  # (text, verbatim)
    paragraph = False  # the last block is a paragraph a wrapped line continues
    fenced = False
    for raw in text.splitlines():
        if _FENCE.match(raw):
            fenced, paragraph = not fenced, False
            blocks.append(("", True))
        elif fenced:
            blocks.append((raw, True))
        elif not raw.strip() or _RULE.match(raw) or _TABLE_DIVIDER.match(raw) or _REFERENCE_DEFINITION.match(raw):
            blocks.append(("", True))
            paragraph = False
        else:
            if paragraph and not _BLOCK_MARK.match(raw):
                blocks[-1] = (blocks[-1][0] + " " + raw.strip(), False)
            else:
                blocks.append((raw, False))
            # A line ending in two spaces or a backslash breaks the paragraph there.
            paragraph = not raw.endswith(("  ", "\\")) and not raw.lstrip().startswith(("#", "|"))
    # A heading is a block of its own: nothing is joined onto it.
    return [(block, False) if verbatim else (_rendered(block), bool(_TOP_HEADING.match(block))) for block, verbatim in blocks]
