"""Last pass over extracted HTML paragraphs: the furniture that survives a DOM extractor.

trafilatura keeps the headline and standfirst at the top, bylines and datelines, newsletter
boxes, "Don't miss" lists, inline "Read more: <headline>" links, closing calls to subscribe
and photo credits. Each rule here was kept only if it helped on
both benchmark sets: the truth there keeps standfirsts, URLs and even copyright lines, so
rules for those cost more recall than they gained precision.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from pipeline.stages.extract import lines as L
from pipeline.stages.extract.visible_dates import page_dates

_LIST_ITEM = re.compile(r"^[-•*·]\s")
# How far from the end a promotional line is taken for the site's, not the article's.
_CLOSING_LINES = 3
# How many lines a byline and dateline above the text take at most, and how long each is.
_HEADER_LINES = 3
_HEADER_WORDS = 10


def _is_title_line(line: str, title: str | None) -> bool:
    """The headline as the page prints it, maybe with a section or site before/after it."""
    if not title:
        return False
    line_key, title_key = L.normalise(line), L.normalise(title)
    return line_key == title_key or (
        len(title_key) >= 20 and title_key in line_key and len(line_key) <= len(title_key) + 30
    )


def _drop_teased_lists(paragraphs: list[str]) -> list[str]:
    """A teaser heading and the run of headline-like lines it announces; inline teasers."""
    out: list[str] = []
    teasing = False
    for line in paragraphs:
        if L.is_teaser_heading(line) or L.is_more_stories(line):
            teasing = True
            continue
        if L.is_inline_teaser(line):
            continue
        if teasing and (not L.is_prose(line) or _LIST_ITEM.match(line)):
            continue
        teasing = False
        out.append(line)
    return out


def closing_promos(paragraphs: list[str]) -> set[int]:
    """Where subscribe, sign-up and follow-us calls stand among the last lines (inside an
    article such a phrase is more often the subject than a call)."""
    first_closing = len(paragraphs) - _CLOSING_LINES
    return {i for i, p in enumerate(paragraphs) if i and i >= first_closing and L.is_promo(p)}


def drop_closing_promos(paragraphs: list[str]) -> list[str]:
    promos = closing_promos(paragraphs)
    return [p for i, p in enumerate(paragraphs) if i not in promos and not L.is_closing_credit(p)]


def _is_header_line(line: str, authors: Collection[str]) -> bool:
    """The byline naming the article's writers, or a dateline: what a page prints between its
    headline and its text ("by Jeff Foust", "Monday, November 18, 2019")."""
    if L.is_prose(line) or L.size(line) > _HEADER_WORDS:
        return False
    # A date in any form the date reader knows: "2024.07.12 10:30", "12 जुलाई 2024", "2024年7月12日".
    if L.DATE_LIKE.search(line) or page_dates(line):
        return True
    return L.is_byline(line) and any(name.lower() in line.lower() for name in authors)


def drop_header_lines(paragraphs: list[str], authors: Collection[str]) -> list[str]:
    """Without the byline and the dateline under the headline, before the text starts (`authors`:
    the writers found, whom a byline names)."""
    header = 0
    while header < min(_HEADER_LINES, len(paragraphs)) and _is_header_line(paragraphs[header], authors):
        header += 1
    return paragraphs[header:]


# A paragraph this short that names a writer is a byline or a credit, not the article's.
_NAMING_WORDS = 12


def drop_writer_lines(paragraphs: list[str], authors: Collection[str]) -> list[str]:
    """Without the short paragraphs that name a writer (of two words or more): a byline or a
    credit left in the text ("Iwona Kurz", "Text und Interview: Harald Willenbrock")."""
    names = [name.lower() for name in authors if " " in name]
    if not names:
        return paragraphs
    return [p for p in paragraphs if L.size(p) > _NAMING_WORDS or not _names_writer(p.lower(), names)]


def _names_writer(text: str, names: list[str]) -> bool:
    """Whether `text` (lower case) names one of the writers `names` (lower case), not as a speaker's label."""
    return any(name in text and not _speaks(text, name) for name in names)


def _speaks(text: str, name: str) -> bool:
    """Whether `text` opens with `name` as a speaker's label (both in lower case): the
    interviewer's turn in a transcript ("korinna hennig: aber sie haben ..."), not a byline or a bio."""
    return text.startswith(f"{name}:")


# An author's bio under the article: "Leah C. Stokes is an assistant professor ...", "Sara
# Zinnecker ist Redakteurin im Team Bank & Geldanlage ...", "Max Lee, KBS World Radio News."
_BIO_REACH, _BIO_WORDS = 3, 5


def drop_writer_bio(paragraphs: list[str], authors: Collection[str]) -> list[str]:
    """Without a paragraph among the last few that opens with a writer's name (`authors`, of
    two words or more), nor what follows it; unless the name is a speaker's label, the
    interviewer's turn in a transcript ("Korinna Hennig: Aber Sie haben ...")."""
    names = [name.lower() for name in authors if " " in name]
    for at in range(max(1, len(paragraphs) - _BIO_REACH), len(paragraphs)):
        text = paragraphs[at].lower()
        if L.size(paragraphs[at]) >= _BIO_WORDS and any(text.startswith(name) and not _speaks(text, name) for name in names):
            return paragraphs[:at]
    return paragraphs


def tidy(paragraphs: list[str], title: str | None, authors: Collection[str] = ()) -> list[str]:
    # The headline heads the text on most layouts; the truth of every benchmark leaves it out.
    kept = [p for i, p in enumerate(paragraphs) if not (i < 3 and _is_title_line(p, title))]
    kept = [p for p in _drop_teased_lists(drop_header_lines(kept, authors))
            if not L.is_credit(p) and not L.ends_in_photo_credit(p)]
    kept = drop_writer_bio(drop_closing_promos(kept), authors)
    return kept or paragraphs
