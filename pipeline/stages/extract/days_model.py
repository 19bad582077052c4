"""When a text-only page was published: boosted trees over the dates it prints.

A page flattened to text prints its day among others: the site header's "today", a teaser's
date, a comment's stamp, an update's ("Aktualisiert: 11.04.2020"), a day the article speaks of
("am 21. und 22. Mai 2022"). The rules (dates.text_published_at, dates.date_line_day) take a
labelled day, else the date printed nearest under the headline, else the first date line; they
are right on about six pages in seven of the labelled pages as text, and where the truth is
among the page's dates but they pick another, the signs are in where each date sits and what
stands beside it. Every date printed from a little above the headline (or the article run's
start) to a little past the article's end where a page dates itself (on a date line, after a
publication label, on a writer's credit, with a clock time) is a candidate, and the trees weigh
where its line sits against the headline and the article, how sure the line model is of the
line, the label nearest before the date (a publication's or an update's), a reply's cue, how
many dates the lines around hold, how many of the page's dates are the same day and how it
compares with the page's latest date (a header's "today" is the latest), and the day the URL
spells. Where they doubt every date, the rules' day stands. Trained by
`python -m pipeline.eval.days_model` on the labelled metadata pages flattened both ways,
shipped as JSON like the line, title and writers models.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from pipeline.stages.extract import lines as L
from pipeline.stages.extract.dates import is_day_line, url_day
from pipeline.stages.extract.line_model import TreeEnsemble
from pipeline.stages.extract.title_model import neighbour_means, signed_log
from pipeline.stages.extract.visible_dates import PUBLISHED_ELSEWHERE, VisibleDate, month_names, page_dates

MODEL_PATH = Path(__file__).with_name("days_model.json")
FEATURES = (
    "has_headline", "offset_from_headline", "offset_from_article_start", "offset_from_article_end", "inside_article",
    "line_words", "line_chars", "date_line", "prose", "clock", "published_label", "updated_label", "reply_cue",
    "dates_on_line", "chars_before_on_line", "article_probability", "probability_next_3", "probability_previous_3",
    "same_day_share", "distinct_days", "rank_below", "rank_above", "days_before_latest", "days_after_earliest",
    "url_day", "url_year", "byline", "commenter_beside", "headline_line", "order_on_line",
    "credit_on_line", "dates_nearby", "below_an_end",
)
# Lines read for dates: from this many above the headline or the article run's start, whichever
# is higher, to this many past the run's end (a date line under an article, an author box's).
ABOVE, AFTER_END = 8, 14


def _initials(words: str) -> str:
    """The first letters of the words of an alternation, for a lookahead that lets a search skip
    to them (half the time)."""
    return "".join(sorted({word[0] for word in words.split("|")}))


# The label nearest before a date on its line says whose day it is: the article's ("Veröffentlicht
# am", "Publikacja:", "originally created") or a later edit's or printout's ("Aktualisiert:",
# "Updated 2010 GMT (0410 HKT)", "Letzte Änderung", "Print Date"), in the languages of the pages
# we see.
_PUBLISHED = (r"veröffentlicht|erschienen|erstellt|publiziert|gespeichert|geschrieben|ursprünglich|published|posted|created|"
              rf"originally|publié|publicado|pubblicato|publikacja|{'|'.join(PUBLISHED_ELSEWHERE)}")
_UPDATED = (r"aktualisiert|update[ds]?|geändert|änderung|modified|edited|bearbeitet|stand|actualizad[oa]|actualización|"
            r"mis à jour|modifié|aggiornat[oa]|aktualizacja|zaktualizowano|atualizad[oa]|bijgewerkt|обновлено|print|gedruckt")
_LABEL = re.compile(rf"(?=[{_initials(_PUBLISHED + '|' + _UPDATED)}])\b(?:(?P<published>{_PUBLISHED})|(?P<updated>{_UPDATED}))\b",
                    re.IGNORECASE)
_REPLY = re.compile(r"\b(?:antworten|reply|répondre|responder|rispondi|odpowiedz|registriert|joined|mitglied seit|member since)\b",
                    re.IGNORECASE)
# A writer's credit on the date's line ("von David · 18. Oktober 2019", "Posted by admin on 3 May
# 2020"): its date is the post's (only a name after the word, or only on a short line, cost 0.002
# to 0.005 of the days right in cross-validation: "von kj", "by admin" on a long line).
_CREDIT = re.compile(r"(?=[vbpda])\b(?:von|by|par|por|door|przez|av)\s+[^\W\d]", re.IGNORECASE)
# Lines either side whose dates are counted (dates_nearby): a list of teasers or comments dates each line.
_NEARBY = 3
# What every date page_dates reads holds: a four-digit year, or a short one after a day and month
# ("31.10.23", "11/19/19"). A line without one has none to read.
_MAY_HOLD_DATE = re.compile(r"\d(?:\d{3}|\.\d\d\.\d\d|/\d\d?/\d\d)")
# What a line needs besides being a date line or a credit for a date on it to be a candidate: a
# clock time (visible_dates reads one more strictly) or a publication label.
_MAY_DATE_ITSELF = re.compile(rf"\d[:h]\d\d|(?=[{_initials(_PUBLISHED)}])\b(?:{_PUBLISHED})\b", re.IGNORECASE)
# The dates of a line that are read as candidates, its first: a line of the labelled pages holds 18
# at most; one of thousands (a calendar joined into one line) was read whole for each of them.
_MOST_ON_A_LINE = 50
# Below this the likeliest date is not the page's (the rules' day stands). Cross-validated by site.
_DOUBTED = 0.3


@dataclass(frozen=True)
class DayCandidate:
    line: int
    printed: VisibleDate  # offset: in the line's text


def candidates(texts: Sequence[str], headline: int | None, article: tuple[int, int],
               language: str | None, day_first: bool) -> list[DayCandidate]:
    """The dates printed on the lines from a little above the headline (`headline`, None when the
    page has none) or the article run's start, whichever is higher, to a little past the run's
    end, where a page dates itself: on a line that is mostly its date, after a publication label,
    on a writer's credit, or with a clock time. A date a sentence or a teaser mentions ("The
    bridge closed on 3 May 2021") is no candidate: with those, the trees dated 3 to 5 points more
    of the labelled pages without a day, and chose up to 0.6 points fewer days right on the others
    (cross-validated by site)."""
    top = article[0] if headline is None else min(headline, article[0])
    low, high = max(0, top - ABOVE), min(len(texts), max(article[1], top + 1) + AFTER_END)
    months = month_names(language)
    found = []
    for i in range(low, high):
        text = texts[i]
        if not _MAY_HOLD_DATE.search(text):
            continue
        day_line, credit = is_day_line(text, months), bool(_CREDIT.search(text))
        # Most lines that hold a date are none of these, and are not read for dates at all.
        if not (day_line or credit or _MAY_DATE_ITSELF.search(text)):
            continue
        found.extend(DayCandidate(i, d) for d in page_dates(text, language, day_first=day_first)[:_MOST_ON_A_LINE]
                     if day_line or credit or d.clock is not None or _label_before(text[:d.offset])[0])
    return found


def days_features(texts: Sequence[str], found: Sequence[DayCandidate], headline: int | None, article: tuple[int, int],
                  probabilities: np.ndarray, url: str) -> np.ndarray:
    """One row of FEATURES per candidate; `probabilities`: the line model's first pass."""
    if not found:
        return np.zeros((0, len(FEATURES)))
    reference = headline if headline is not None else article[0]
    chances = probabilities.tolist()
    days = Counter(c.printed.day for c in found)
    latest, earliest = max(days), min(days)
    on_line = Counter(c.line for c in found)
    below = sorted({c.line for c in found if c.line >= reference})
    above = sorted({c.line for c in found if c.line < reference}, reverse=True)
    posted = url_day(url)
    path = url.lower()
    # A "more stories" or comment heading between the article's end and a date: a teaser's or a comment's.
    last = max(c.line for c in found)
    ends = np.cumsum([L.is_more_stories(text) or L.is_comment_heading(text) for text in texts[:last + 1]])
    order, seen = [], Counter()  # each date's place among those on its line
    for c in found:
        order.append(seen[c.line])
        seen[c.line] += 1
    # What a line says of itself, read once per line rather than once per date on it.
    reply = {i: bool(_REPLY.search(texts[i])) for i in on_line}
    credit = {i: bool(_CREDIT.search(texts[i])) for i in on_line}
    rows = []
    for c, place in zip(found, order):
        i, d = c.line, c.printed
        text = texts[i]
        before = text[:d.offset]
        beside = [texts[j] for j in (i - 1, i + 1) if 0 <= j < len(texts)]
        rows.append((
            headline is not None, signed_log(i - reference), signed_log(i - article[0]), signed_log(i - article[1]),
            article[0] <= i < article[1], L.size(text), len(text), L.is_date_line(text), L.is_prose(text),
            d.clock is not None, *_label_before(before), reply[i],
            on_line[i], math.log1p(len(before)), chances[i], *neighbour_means(chances, i),
            days[d.day] / len(found), len(days), below.index(i) if i in below else -1, above.index(i) if i in above else -1,
            math.log1p((latest - d.day).days), math.log1p((d.day - earliest).days),
            -1 if posted is None else float(posted == d.day), float(f"/{d.day.year}/" in path or f"/{d.day.year}-" in path),
            L.is_byline(text), any(map(L.is_commenter, beside)),
            i == headline, place, credit[i],
            sum(n for line, n in on_line.items() if 0 < abs(line - i) <= _NEARBY),
            i >= article[1] > 0 and ends[i] > ends[article[1] - 1],
        ))
    return np.array(rows, dtype=float)


def _label_before(before: str) -> tuple[bool, bool]:
    """Whether the label nearest before a date on its line is a publication's, an update's."""
    last = None
    for last in _LABEL.finditer(before):
        pass
    return (last is not None and last["published"] is not None, last is not None and last["updated"] is not None)


def choose(found: Sequence[DayCandidate], probabilities: np.ndarray) -> VisibleDate | None:
    """The likeliest candidate's date, unless the model doubts them all."""
    if not len(found) or probabilities.max() < _DOUBTED:
        return None
    return found[int(np.argmax(probabilities))].printed


@cache
def shipped_model() -> TreeEnsemble:
    return TreeEnsemble(json.loads(MODEL_PATH.read_text(encoding="utf-8")), FEATURES)
