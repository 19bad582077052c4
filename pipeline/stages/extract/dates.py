"""The publication time: structured timestamps first, checked against the date the page prints.

A page often states one moment several ways: JSON-LD in UTC, a meta tag with the local
offset. Readers see the local day, so the local representation of that moment wins. When the
page prints a date next to its headline that is a day off the chosen timestamp (a UTC time after
local midnight, or a site that shifted its own timestamp), the printed day is what readers were
told and wins too. htmldate (non-extensive) and then the printed dates are the fallback when no
structured date exists.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

from dateutil import parser as dateparser
from htmldate import find_date
from lxml.html import HtmlElement

from pipeline.stages.extract import lines as L
from pipeline.stages.extract.visible_dates import (
    ISO_DATE, PUBLISHED_ELSEWHERE, ZONES, VisibleDate, calendar_day, month_names, page_dates, relative_moment, visible_text,
)
from pipeline.stages.words import NOT_WORD_CHARACTER, WORD

# Not a bare "date": it does not say which date (TYPO3 writes the last change there). htmldate
# reads it when the page prints no date by its headline.
_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publication_date", "dc.date.issued",
    "dc.date", "dcterms.created", "dcterms.date", "parsely-pub-date", "sailthru.date",
    "article.published", "published_time", "citation_publication_date", "dc.date.created",
    "cxenseparse:publishtime",
)
_DATE_META_RANK = {name: rank for rank, name in enumerate(_DATE_META)}

# A publication *day* needs year, month and day; dateutil would fill a bare "2006" or
# "2017/01" in from today's date.
_DAY_PARTS = re.compile(r"\d+|[^\W\d]{3,}")

# How far (characters of visible text) from the headline a printed date still dates the article;
# further away it is a teaser's, a comment's or the footer's.
_NEAR_HEADLINE = 600
# Below it a standfirst may come between the headline and the date line.
_BELOW_HEADLINE = 1000
# "3 hours ago", "Today, 10:30" sit by the headline, in the byline's line: past a standfirst they are the article's.
_RELATIVE_BELOW_HEADLINE = 400
_DATE_LENGTH = 80
# A shorter title can be any phrase on the page.
_MIN_TITLE = 15


# A blog's permalink keeps the day it was posted: "/blog/2019/08/02/json-parsing/".
_URL_DAY = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/")


def url_day(url: str) -> date | None:
    match = _URL_DAY.search(urlsplit(url).path) if url else None
    return calendar_day(match[1], int(match[2]), match[3]) if match else None


# Forms of a structured date the parsers do not read: a Java zone id after the offset
# ("2024-07-12T10:30:00+03:00[Europe/Moscow]"), ISO's basic format ("20240712T103000Z"), a UNIX
# time in seconds or milliseconds ("1720773000").
_ZONE_ID = re.compile(r"\[[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)*\]$")
_BASIC_ISO = re.compile(r"\d{8}T\d{4,6}(?:Z|[+-]\d{2}:?\d{2})?")
_UNIX_TIME = re.compile(r"\d{10}(?:\d{3})?")


def parse_timestamp(value: str, day_first: bool = False) -> datetime | None:
    """`day_first`: "10/05/2022 05:22 pm" is 10 May (a Spanish site's meta), not 5 October. A
    value in the page's words ("12 juillet 2024", "2024年7月12日") is read as the page's text is."""
    value = _ZONE_ID.sub("", value.strip())
    if _UNIX_TIME.fullmatch(value):
        parsed: datetime | None = datetime.fromtimestamp(int(value[:10]), timezone.utc)
    elif _BASIC_ISO.fullmatch(value):
        parsed = _parsed(value, day_first)  # "20241399T999999Z" is no date, and no reason to fail the page
    elif len(_DAY_PARTS.findall(value)) < 3:
        return None
    else:
        parsed = _parsed(value, day_first)
    if parsed is None or not 1990 <= parsed.year <= 2100:
        return None
    try:
        parsed.utcoffset()
    except ValueError:
        return None  # "GMT+25", "+99:00": the parser keeps an offset no clock has, and every use of it raises
    return parsed


def _parsed(value: str, day_first: bool) -> datetime | None:
    try:
        return dateparser.isoparse(value)
    except (ValueError, OverflowError):
        pass
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
            # A year first is ISO order whatever the language: "2022-05-04T03:00:00 UTC" is 4 May.
            return dateparser.parse(value, fuzzy=False, tzinfos=ZONES, dayfirst=day_first and not ISO_DATE.match(value))
    except (ValueError, OverflowError, TypeError):
        # Month names of other languages, CJK dates ("12 juillet 2024", "Freitag, 12. Juli 2024,
        # 10:30 Uhr", "2024年7月12日"): one date the page's reader knows in the value.
        printed = page_dates(value, day_first=day_first)
        return printed[0].moment if len(printed) == 1 else None


def _htmldate(tree: HtmlElement, url: str) -> str | None:
    """htmldate's reading of the page, none where it raises on a value it parsed (an offset of 99
    hours in a meta tag): the page is then dated by what it prints, not dead-lettered."""
    try:
        return find_date(tree, url=url, original_date=True, extensive_search=False)
    except (ValueError, OverflowError):
        return None


def rfc3339(moment: datetime) -> str:
    """With the page's own offset where it gave one; a naive time is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    text = moment.isoformat(timespec="seconds")
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _utc(moment: datetime) -> datetime:
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)


def _local(moment: datetime) -> bool:
    offset = moment.utcoffset()
    return offset is not None and offset != timedelta(0)


def _meta_name(meta: HtmlElement) -> str:
    return (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()


def structured_dates(tree: HtmlElement, articles: list[dict[str, Any]], day_first: bool = False) -> list[datetime]:
    """Every publication timestamp the page's data states, the most trusted source first."""
    values = [item[key] for item in articles for key in ("datePublished", "dateCreated", "uploadDate")
              if isinstance(item.get(key), str)]
    ranked = [(_DATE_META_RANK[_meta_name(meta)], meta.get("content")) for meta in tree.xpath("//meta[@content]")
              if _meta_name(meta) in _DATE_META_RANK]
    ranked += [(_DATE_META_RANK["datepublished"], elem.get("datetime") or elem.get("content"))
               for elem in tree.xpath('//*[@itemprop="datePublished"][@datetime or @content]')]
    values += [value for _, value in sorted(ranked, key=lambda pair: pair[0])]
    return [moment for value in values if (moment := parse_timestamp(value, day_first))]


_MODIFIED_META = ("article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified")


def _site_offset(tree: HtmlElement, articles: list[dict[str, Any]]) -> timedelta | None:
    """The local offset the page gives its other timestamps (the last edit's), if any."""
    values = [item["dateModified"] for item in articles if isinstance(item.get("dateModified"), str)]
    values += [meta.get("content") for meta in tree.xpath("//meta[@content]") if _meta_name(meta) in _MODIFIED_META]
    return next((moment.utcoffset() for value in values if (moment := parse_timestamp(value)) and _local(moment)), None)


def _as_local(chosen: datetime, candidates: list[datetime]) -> datetime:
    """The same moment as stated with the page's local offset, when some source gives one."""
    instant = _utc(chosen)
    same = [c for c in candidates if _local(c) and abs(_utc(c) - instant) < timedelta(minutes=1)]
    return same[0] if same and not _local(chosen) else chosen


_TIME_OF_DAY = re.compile(r"\d:\d{2}")


def _local_reading(chosen: datetime, tree: HtmlElement, day_first: bool) -> datetime | None:
    """`chosen` (a UTC time) as the page also states it in local time, if it does: a `<time>`
    element or a date meta tag with the same moment and an offset ("2022-04-28T22:08:28-04:00"),
    or without one, the same minutes and seconds some whole quarter hours off ("2019-11-18
    20:58:46" beside "2019-11-19T04:58:46Z"). A meta tag, which describes this page, may give
    the minutes alone ("Monday, November 18, 2019, 08:19 PM"); among the `<time>` elements of
    a page's teasers one in twenty would match the minutes by chance."""
    if chosen.tzinfo is None:
        return None
    instant = _utc(chosen)
    values = [(value, True) for value in tree.xpath("//time/@datetime")]
    values += [(meta.get("content"), False) for meta in tree.xpath("//meta[@content]") if "date" in _meta_name(meta)]
    for value, to_the_second in values:
        reading = parse_timestamp(value, day_first)
        if reading is None:
            continue
        if reading.tzinfo is not None:
            if _local(reading) and abs(_utc(reading) - instant) < timedelta(minutes=1):
                return reading
            continue
        # A clock time, and minutes that tell: a date alone, or a midnight, matches any whole hour.
        if not _TIME_OF_DAY.search(value) or (reading.minute, reading.second) == (0, 0):
            continue
        seconds = (instant.second,) if to_the_second else (instant.second, 0)
        if reading.minute != instant.minute or reading.second not in seconds:
            continue
        gap = reading.replace(second=0, microsecond=0) - instant.replace(tzinfo=None, second=0, microsecond=0)
        if gap and gap % timedelta(minutes=15) == timedelta(0) and abs(gap) <= timedelta(hours=14):
            return instant.astimezone(timezone(gap))
    return None


def _time_below(headline_h1: HtmlElement, day_first: bool) -> datetime | None:
    """The machine-readable time of the first `<time>` element after the headline: its date
    line's, where it prints the time relative ("1 day ago") or not at all."""
    stamps = headline_h1.xpath("following::time[@datetime][1]/@datetime")
    return parse_timestamp(stamps[0], day_first) if stamps else None


# A clock time with its zone, as bylines print it: "12:24 am EST", "2:26 PM HST".
_ZONED_CLOCK = re.compile(
    rf"\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?\s?m\.?)?\s*\b({'|'.join(zone for zone, offset in ZONES.items() if offset)})\b")


def _printed_zone(seen: tuple[str, int | None]) -> timedelta | None:
    """The offset of the zone a clock time by the headline is printed in, if any."""
    text, headline = seen
    if headline is None:
        return None
    zoned = _ZONED_CLOCK.search(text, max(0, headline - _NEAR_HEADLINE), headline + _BELOW_HEADLINE)
    return timedelta(seconds=ZONES[zoned[1]]) if zoned else None


def _day_first(language: str | None) -> bool:
    """3/5/2022 is 3 May but where the page says it is American English."""
    return not (language or "").startswith("en-us")


def reading(language: str | None) -> tuple[str | None, bool]:
    """The language code for month names, and whether 3/5 is 3 May."""
    return (language.split("-")[0] if language else None), _day_first(language)


def _printed(tree: HtmlElement | None, headline_h1: HtmlElement | None, title: str | None,
             language: str | None, seen: tuple[str, int | None] | None = None) -> tuple[list[VisibleDate], bool]:
    """Dates printed near the headline, nearest first, and True; without a headline on the
    page, every date printed on it, in page order, and False. `seen`: the page's visible text
    and where its headline starts, when read already (further down)."""
    # Past the window, room for a whole date and its clock time.
    text, headline = seen or visible_text(tree, headline_h1, past_headline=_BELOW_HEADLINE + _DATE_LENGTH)
    if seen and headline is not None:
        text = text[:headline + _BELOW_HEADLINE + 2 * _DATE_LENGTH]
    if headline is None and title and len(title) >= _MIN_TITLE:
        # No h1: the headline is where the title is printed (a site header's "today" comes first).
        # Word for word: dashes and quote marks differ between metadata and page.
        printed_title = re.search(f"{NOT_WORD_CHARACTER}+".join(map(re.escape, WORD.findall(title))), text)
        headline = printed_title.start() if printed_title else None
    start = 0 if headline is None else max(0, headline - _NEAR_HEADLINE - _DATE_LENGTH)
    lang, day_first = reading(language)
    found = page_dates(text[start:], lang, day_first=day_first, short_years=headline is not None)
    if headline is None:
        return found, False
    # A date in the headline is what it is about: "Tagung ... (26. und 27. 2. 2015, Eichstätt)"; not
    # without an h1, where the title found (in the text or an h2) is the one that dates a blog's post.
    in_h1 = headline_h1 is not None and headline_h1.tag == "h1" and title
    in_headline = {d.day for d in page_dates(title, lang, day_first=day_first)} if in_h1 else set()
    distance = {d: abs(start + d.offset - headline) for d in found}
    near = [d for d in found if -_NEAR_HEADLINE <= start + d.offset - headline <= _BELOW_HEADLINE and d.day not in in_headline]
    return sorted(near, key=distance.__getitem__), True


# A date the page says the article was published on: "Veröffentlicht am 07.06.2019", "Gespeichert
# von rasos am 24. Juli 2017", "Erstellt am: 01.11.2023"; at the article's end as often as by its headline.
_PUBLISHED_LABELS = ("veröffentlicht", "erschienen", "erstellt", "publiziert", "gespeichert", "geschrieben", "published", "posted",
                     "publié", "publicado", "pubblicato", *PUBLISHED_ELSEWHERE)
# The lookahead of the labels' first letters lets the search skip to them (half the time of
# trying the word boundary at every character of the page).
_PUBLISHED_ON = re.compile(
    rf"(?=[{''.join(sorted({label[0] for label in _PUBLISHED_LABELS}))}])\b(?:{'|'.join(_PUBLISHED_LABELS)})"
    r"(?:\s+(?:von|by|par|por)\s+\S+(?:\s+\S+){0,2}?)?(?:\s+(?:am|on|le|el|il))?\s*:?\s*", re.IGNORECASE)
# Nothing or a weekday ("Monday, ") between the label and the date.
_WEEKDAY = re.compile(r"(?:[^\W\d_]{2,},?\s+)?")
# Room for a date with its weekday: "Freitag, 7. Juni 2019".
_DATE_REACH = 40
# How far below the headline (characters of visible text) a labelled day is looked for: past
# most articles' ends, short of the comments and teasers of long pages.
_ARTICLE_LENGTH = 4000


def _labelled_day(text: str, headline: int | None, language: str | None) -> VisibleDate | None:
    """The first date in `text` from the headline on that a publication label introduces; or,
    when a date and time is printed below the headline before any such label (the date line,
    the label further down a teaser's), that date. A date without a time there is as often one
    the article mentions."""
    lang, day_first = reading(language)
    start = headline or 0
    for label in _PUBLISHED_ON.finditer(text, start):
        after = text[label.end():label.end() + _DATE_REACH]
        dates = page_dates(after, lang, day_first=day_first)
        if dates and _WEEKDAY.fullmatch(after[:dates[0].offset]):
            if headline is None:
                return dates[0]
            before = page_dates(text[start:min(label.start(), start + _BELOW_HEADLINE)], lang, day_first=day_first)
            return next((d for d in before if d.clock is not None), dates[0])
    return None


def _on_printed_day(chosen: datetime, candidates: list[datetime], printed: VisibleDate) -> datetime:
    """The chosen moment shown on the day the page prints, with the offset that puts it there."""
    instant = _utc(chosen)
    if printed.clock is not None:
        # The printed clock time is the local time of the same moment: their gap is the offset.
        gap = datetime.combine(printed.day, printed.clock, timezone.utc) - instant.replace(second=0, microsecond=0)
        quarters = round(gap / timedelta(minutes=15))
        if abs(gap - quarters * timedelta(minutes=15)) < timedelta(minutes=2) and abs(quarters) <= 14 * 4:
            return instant.astimezone(timezone(quarters * timedelta(minutes=15)))
    for candidate in candidates:
        if candidate.date() == printed.day and abs(_utc(candidate) - instant) <= timedelta(days=1):
            return candidate
    hours = min(range(-12, 15), key=lambda h: (instant.astimezone(timezone(timedelta(hours=h))).date() != printed.day, abs(h)))
    shown = instant.astimezone(timezone(timedelta(hours=hours)))
    # No zone puts the moment on the printed day: the timestamp is a later edit's; the printed day stands.
    return shown if shown.date() == printed.day else datetime.combine(printed.day, printed.clock or time())


def _stated_day(seen: tuple[str, int | None], headline_h1: HtmlElement | None, title: str | None, url: str,
                language: str | None) -> tuple[datetime | None, list[VisibleDate]]:
    """The day the page's text gives the article, from its visible text and where the headline
    starts in it (`seen`): a publication label's; else the permalink's, unless a date printed
    by the headline is that day (the sidebar's dates are not); else the date printed by the
    headline. Also the dates printed (by the headline, or anywhere on a page without one)."""
    if labelled := _labelled_day(seen[0], seen[1], language):
        return labelled.moment, []
    printed, by_headline = _printed(None, headline_h1, title, language, seen)
    if (posted := url_day(url)) and not any(d.day == posted for d in printed):
        return datetime.combine(posted, time()), printed
    return (printed[0].moment if printed and by_headline else None), printed


def stated_relative(seen: tuple[str, int | None], fetched_at: str | None, language: str | None = None) -> datetime | None:
    """The moment a date by the headline that counts from the fetch names ("3 hours ago",
    "Today, 10:30", "Friday, July 12": visible_dates.relative_moment) for a page fetched at
    `fetched_at` (`seen`: the page's visible text and where its headline starts); above or just
    below the headline only: further down it is a comment's or a teaser's, or the article's own words."""
    text, headline = seen
    fetched = parse_timestamp(fetched_at) if fetched_at and headline is not None else None
    if fetched is None:
        return None
    lang, day_first = reading(language)
    return relative_moment(text[max(0, headline - _NEAR_HEADLINE):headline + _RELATIVE_BELOW_HEADLINE], _utc(fetched),
                           lang, day_first)


def text_published_at(text: str, headline: int | None, title: str | None, url: str, language: str | None = None) -> str | None:
    """The publication day a page flattened to text gives (`headline`: where its headline
    starts in `text`), the way an HTML page without structured dates is read; without its
    markup there is no <time> element or htmldate to fall back on."""
    if headline is not None:
        text = text[:headline + _ARTICLE_LENGTH]
    moment, _ = _stated_day((text, headline), None, title, url, (language or "").lower() or None)
    return rfc3339(moment) if moment else None


# A date line is short and mostly its date ("Published: 03 December 2019", "Mittwoch, 1. November
# 2023", "Datum 25.01.2022"): in a longer line, or one mostly other words ("Bridge reopens on 3
# May 2021 after repairs", a teaser's headline), a date is one the page mentions. Not
# lines.is_date_line (8 words, the date line beside a byline): on the labelled pages as text that
# got no day, the first date on a line of 8 words or fewer gave 51 right, 13 wrong and 5 to pages
# without a date; these bounds 55, 12 and 6.
_DAY_LINE_WORDS = 12
_DIGIT = re.compile(r"\d")


def is_day_line(text: str, months: dict[str, int]) -> bool:
    """A line short and mostly its date (`months`: month_names' table)."""
    if L.size(text) > _DAY_LINE_WORDS or not _DIGIT.search(text):
        return False
    words = WORD.findall(text.lower())
    return 2 * sum(word.isdigit() or word in months for word in words) >= len(words)


def date_line_day(texts: list[str], language: str | None = None) -> str | None:
    """The day of a text page's first date line (`texts`: its lines), for a page that dates
    nothing where its headline or a label is: a date line at the article's end, or over a
    teaser's headline taken for the page's. On the labelled pages as text that got no day, 55
    right, 12 wrong and 6 given to pages without one (the first date anywhere on them: 47, 32, 12)."""
    lang, day_first = reading((language or "").lower() or None)
    months = month_names(lang)
    for text in texts:
        if is_day_line(text, months):
            if found := page_dates(text, lang, day_first=day_first, short_years=False):
                return rfc3339(found[0].moment)
    return None


def published_at(tree: HtmlElement, url: str, articles: list[dict[str, Any]], headline_h1: HtmlElement | None,
                 title: str | None, language: str | None = None, fetched_at: str | None = None) -> str | None:
    """`headline_h1`: the h1 printing the headline (on a page without one, the h2 printing it word
    for word; None: `title`, where it is printed): dates printed near it are the article's;
    `language`: the page's declared language (html lang), for month names and 3/5 vs 5/3;
    `fetched_at`: when the page was fetched, which "3 hours ago" by the headline counts back from."""
    language = (language or "").lower() or None
    candidates = structured_dates(tree, articles, _day_first(language))
    if not candidates:
        # The date printed by the headline is the one readers see; htmldate (without the
        # extensive search, which parses free text with dateparser: slow, and often a date
        # the page merely mentions) when there is none.
        # Read once, past most articles' ends: the labelled day can be there, the printed ones by the headline.
        seen = visible_text(tree, headline_h1, past_headline=_ARTICLE_LENGTH)
        moment, printed = _stated_day(seen, headline_h1, title, url, language)
        if moment:
            return rfc3339(moment)
        if headline_h1 is not None and (stamp := _time_below(headline_h1, _day_first(language))):
            return rfc3339(stamp)
        if stated := stated_relative(seen, fetched_at, language):
            return rfc3339(stated)
        day = _htmldate(tree, url)
        moment = parse_timestamp(day) if day else None
        if moment is None and printed:
            moment = printed[0].moment
        return rfc3339(moment) if moment else None
    chosen = _as_local(candidates[0], candidates)
    if not _local(chosen) and (local := _local_reading(chosen, tree, day_first=_day_first(language))):
        # The page's own local clock for the moment: its day is the readers', whatever day a header prints.
        return rfc3339(local)
    seen = visible_text(tree, headline_h1, past_headline=_BELOW_HEADLINE + _DATE_LENGTH)
    # Stated in UTC, on a site that gives its edits' times in its own zone, or whose byline prints
    # a clock time in one ("Updated 12:24 am EST"): readers' day is that zone's (neither is UTC).
    if not _local(chosen) and (offset := _site_offset(tree, articles) or _printed_zone(seen)):
        chosen = _utc(chosen).astimezone(timezone(offset))
    printed_dates, _ = _printed(tree, headline_h1, title, language, seen)
    if any(printed.day == chosen.date() for printed in printed_dates):
        # The page prints the stated day: a date a day off beside it is the header's
        # "today" or a teaser's, not a correction.
        return rfc3339(chosen)
    if headline_h1 is not None and printed_dates:
        # A day labelled as the publication's by the headline ("Erschienen am: 13.10.2021") over
        # a structured one that is the last change's ("Zuletzt geändert am: 15.10.2021").
        text, headline = seen
        labelled = _labelled_day(text[:None if headline is None else headline + _BELOW_HEADLINE], headline, language)
        if labelled and labelled.day != chosen.date():
            return rfc3339(labelled.moment)
    for printed in printed_dates:
        # Sources that disagree (a republished article's JSON-LD keeps the first day): the
        # one the page prints by its headline is what readers were told.
        stated = (local for c in candidates if (local := _as_local(c, candidates)).date() == printed.day)
        if moment := next(stated, None):
            return rfc3339(moment)
    for printed in printed_dates:
        if abs(printed.day - chosen.date()) <= timedelta(days=1):
            if printed.day != chosen.date() and not (_local(chosen) and _prints_moment(tree, headline_h1, chosen, language)):
                chosen = _on_printed_day(chosen, candidates, printed)
            break
    return rfc3339(chosen)


def _prints_moment(tree: HtmlElement, headline_h1: HtmlElement | None, moment: datetime, language: str | None) -> bool:
    """Whether the article prints `moment`'s day and clock time as stated (further down than a
    date line usually is): then a day off by the headline is the header's "today", not the
    article's."""
    text, headline = visible_text(tree, headline_h1, past_headline=_ARTICLE_LENGTH)
    lang, day_first = reading(language)
    clock = moment.time().replace(second=0, microsecond=0)
    return any(d.day == moment.date() and d.clock == clock for d in page_dates(text[headline or 0:], lang, day_first=day_first))
