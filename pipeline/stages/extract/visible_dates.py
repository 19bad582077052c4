"""Dates as the page prints them ("15 августа 2016, 13:43", "Publicado: Jueves, 21 Abril 2022",
"3/5/2022 22:41"), read off the visible text in ~40 languages.

Month names come from babel's CLDR tables (installed with trafilatura, via courlan), read once;
dateparser would cover more forms but costs a second per page and finds dates the page
merely mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

from babel.dates import get_day_names, get_month_names
from lxml import etree
from lxml.html import HtmlElement

from pipeline.stages.extract.markup import hidden
from pipeline.stages.words import DENSE, MARKS, UNSPACED, WORD_CHARACTER

# The order settles names that mean different months in different languages (Croatian
# "listopad" is October, Polish and Czech November) when the page does not say its language.
_LOCALES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "hu", "ro", "ru", "uk", "bg", "sr",
    "hr", "sl", "el", "tr", "sv", "da", "nb", "fi", "et", "lv", "lt", "ca", "id", "ms", "vi", "ar",
    "fa", "he", "sq", "hi", "mr", "bn", "ur", "ta", "th",
    # Last, so that they settle no name the ones above share: the Levantine Arabic months
    # ("تموز", "كانون الثاني"), and languages whose news we have no labelled page in.
    "ar_SY", "mk", "be", "bs", "az", "kk", "uz", "ka", "hy", "is", "gl", "ga", "cy", "mt", "fil", "sw",
    "ne", "te", "kn", "ml", "gu", "pa", "si", "km", "my", "lo", "am",
)
# A two-letter Latin name is an abbreviation a page seldom prints; in other scripts two letters
# are a whole month's name: "मई" and "মে" (May), "دی" (a Persian month), "آب" (August).
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "option"}


@lru_cache(maxsize=None)
def _names_of(locales: tuple[str, ...]) -> dict[str, int]:
    table: dict[str, int] = {}
    for locale in locales:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for month, name in get_month_names(width, context=context, locale=locale).items():
                    name = name.lower().rstrip(".")
                    if len(name) >= 3 or (len(name) == 2 and not _LATIN.match(name)):
                        table.setdefault(name, month)
    return table


@lru_cache(maxsize=None)
def month_names(language: str | None = None) -> dict[str, int]:
    """Lower-cased month name or abbreviation (3+ letters, no dot) to month number; the
    page's own language first, then every supported one."""
    if language not in _LOCALES:
        return _names_of(_LOCALES)
    return {**_names_of(_LOCALES), **_names_of((language,))}


# "Published" and "posted" where none of our labelled pages says it (Spanish feminine, Dutch,
# Polish, Russian, Ukrainian, Indonesian, Swedish, Czech, Slovak, Romanian, Greek, Vietnamese,
# Hungarian, Danish, Norwegian, Finnish): before a date it is the publication's (dates.py,
# days_model.py); "Posted on <date> by <name>" is a byline (bylines.py). One regular expression each.
PUBLISHED_ELSEWHERE = (
    "publicada", "opublikowano", "geplaatst", "gepubliceerd", "опубликовано", "опубліковано", r"diposting(?:\s+pada)?",
    "dipublikasikan", "publicerad", "publicerat", "publikováno", "publikované", "publicat", "δημοσιεύτηκε",
    r"đăng\s+(?:vào|lúc|ngày)", "közzétéve", "udgivet", "publisert", "julkaistu",
)


@dataclass(frozen=True)
class VisibleDate:
    day: date
    clock: time | None  # the time printed with it, if any
    offset: int  # where it starts in the page's visible text
    zone: timedelta | None = None  # the offset from UTC of the zone printed after the clock time

    @property
    def moment(self) -> datetime:
        """Naive where the page prints no zone."""
        return datetime.combine(self.day, self.clock or time(), None if self.zone is None else timezone(self.zone))


_WORD = r"([^\W\d_]{3,})\.?"
# After a day, a month's name may hold combining marks ("12 जुलाई 2024"): a pattern that starts
# at a digit can afford the alternation, one that starts at every word (_MONTH_FIRST) not.
_MARKED_WORD = rf"([^\W\d_](?:[^\W\d_]|[{MARKS}])+)\.?"
# "(?=\d)" before a lookbehind that opens a pattern: the search then skips to the next digit
# instead of trying the lookbehind at every character (the same matches in half the time).
# Arabic pages may give a month both its Egyptian and Levantine names: "12 يوليو/تموز 2024".
_DAY_FIRST = re.compile(
    rf"(?=\d)(?<!\d)(\d{{1,2}})\.?,?\s+(?:de\s+)?{_MARKED_WORD}(?:\s?/\s?[^\W\d_]+)?,?\s+(?:de[l]?\s+)?(\d{{4}})(?!\d)")
# A month named in two words, "12 كانون الثاني 2024" (January, Levantine), or two letters with
# dots, as Thai and Lao abbreviate it: "12 ก.ค. 2567". One pattern: each costs a pass over the text.
_DAY_FIRST_OTHER_MONTHS = re.compile(
    r"(?=\d)(?<!\d)(\d{1,2})\s+([^\W\d_]+\s[^\W\d_]+|[^\W\d_]\.[^\W\d_])\.?\s*(\d{4})(?!\d)")
# Vietnamese numbers its months: "ngày 12 tháng 7 năm 2024", "12 tháng 7, 2024", "12 thg 7 2024".
_VIETNAMESE = re.compile(r"(?=\d)(?<!\d)(\d{1,2})\s+th(?:áng|g)\s+(\d{1,2})(?:\s*,|\s+năm)?\s+(\d{4})(?!\d)")
_MONTH_FIRST = re.compile(rf"(?<!\w){_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")
# The month first in a script whose names hold combining marks ("আগস্ট ২৯, ২০২০", "जुलाई 12, 2024"):
# found from the day and year, the name read backwards from there (_MONTH_FIRST cannot afford marks).
_DAY_AND_YEAR = re.compile(r"(?=\d)(?<!\d)(\d{1,2}),?\s+(\d{4})(?!\d)")
_MARKED_NAME_BEFORE = re.compile(rf"(?<!{WORD_CHARACTER})([^\W\d_](?:[^\W\d_]|[{MARKS}])*[{MARKS}](?:[^\W\d_]|[{MARKS}])*)\.?\s+$")
_MARK = re.compile(f"[{MARKS}]")
# "2024. július 12.", "2024 m. liepos 12 d." (Lithuanian: m., the year's abbreviation).
_YEAR_FIRST_NAMED = re.compile(rf"(?=\d)(?<!\d)(\d{{4}})\.?\s+(?:m\.\s+)?{_MARKED_WORD}\s+(\d{{1,2}})(?!\d)")
# Year, month, day: ISO order in every language.
ISO_DATE = re.compile(r"(?=\d)(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})")
# Japanese era years: "令和6年7月12日" is 2024 (令和 1 is 2019, 平成 1 1989; 元年 its first year).
_JAPANESE_ERA = re.compile(r"(令和|平成)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ERA_START = {"令和": 2018, "平成": 1988}
_NUMERIC = re.compile(r"(?=\d)(?<![\d.,])(\d{1,2})(\.\s?|[/-]| \| )(\d{1,2})\2(\d{4})(?!\d)")  # "3/5/2022", "4. 2. 2022", "26 | 01 | 2022"
# A two-digit year, zero-padded day and month with dots only: "31.10.23" (a version number
# is seldom padded).
_SHORT_YEAR = re.compile(r"(?=\d)(?<![\d.,/])(\d{2})\.(\d{2})\.(\d{2})(?!\d|\.\d)")
# Or with slashes, either order: "11/19/19 06:56 AM EST".
_SHORT_SLASHED = re.compile(r"(?=\d)(?<![\d.,/])(\d{1,2})/(\d{1,2})/(\d{2})(?![\d/])")
# A year run into the next date, as text flattened without spaces prints a post's published and
# updated dates: "21. Januar 202221. Januar 2022", "21 de Abril de 202221/04/2022".
_GLUED_YEAR = re.compile(r"((?:19|20)\d{2})(?=\d{1,2}(?:\.\s*[^\W\d]|([./-])\d{1,2}\2\d{2}))")
_CENTURY_TURN = 90
# "9:05 pm", "21h05", "10時30分", "10시 30분"; run into a word of another script ("10:30配信",
# "10:30م"), not into Latin letters other than "am"/"pm".
_CLOCK = re.compile(r"^[^\d]{0,12}?(\d{1,2})(?:[:h]|\s?[時时시]\s?)(\d{2})(?:\s?[分분]|(?::\d{2})?\s*([ap])?\.?\s?m?(?![a-z0-9]))", re.IGNORECASE)


# The Nordic "klo 10.30", "kl. 10.30", the German "10.30 Uhr": a dot between hour and minute only
# after or before those words (a dot follows a date's year or a number as often).
_DOTTED_CLOCK = re.compile(
    r"^[^\d]{0,12}?(?P<word>\bkl(?:o|\.)?\s?)?(?P<hour>\d{1,2})\.(?P<minute>\d{2})(?(word)(?!\d)|\s?uhr\b)", re.IGNORECASE)
_HOUR = 3600
_DAY = 24 * _HOUR
# Zones printed after a clock time. US names are common in bylines; anything else ambiguous
# (IST, CST...) stays naive.
ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "EST": -5 * _HOUR, "EDT": -4 * _HOUR, "CDT": -5 * _HOUR,
    "MST": -7 * _HOUR, "MDT": -6 * _HOUR, "PST": -8 * _HOUR, "PDT": -7 * _HOUR,
    "CET": _HOUR, "CEST": 2 * _HOUR, "BST": _HOUR, "HST": -10 * _HOUR, "AKST": -9 * _HOUR, "AKDT": -8 * _HOUR,
    "EET": 2 * _HOUR, "EEST": 3 * _HOUR, "MSK": 3 * _HOUR, "WIB": 7 * _HOUR, "WITA": 8 * _HOUR, "WIT": 9 * _HOUR,
    "ICT": 7 * _HOUR, "HKT": 8 * _HOUR, "SGT": 8 * _HOUR, "PHT": 8 * _HOUR, "JST": 9 * _HOUR, "KST": 9 * _HOUR,
    "AEST": 10 * _HOUR, "AEDT": 11 * _HOUR,
}
# "10:30 EST", "10:30 (GMT+7)", "10:30 UTC+03:00", "10:30 WIB".
_ZONE = re.compile(
    rf"\s*\(?\s*(?:(?:GMT|UTC)\s?([+\-−])\s?(\d{{1,2}})(?::?(\d{{2}}))?(?!\d)|"
    rf"({'|'.join(sorted(ZONES, key=len, reverse=True))})\b)")


# Morning and afternoon where they are no "am"/"pm": before the clock time in Chinese, Japanese
# and Korean ("下午3:30", "午後3時30分", "오후 3:30"), after it in Arabic ("3:30 م", "3:30 مساءً").
_HALF_DAY_BEFORE = re.compile(r"(下午|晚上|午後|오후|上午|早上|凌晨|午前|오전)\s?$")
_HALF_DAY_AFTER = re.compile(r"\s?(مساء|صباح|[مص])(?!\w)")
_AFTERNOON = frozenset({"下午", "晚上", "午後", "오후", "م", "مساء"})


def _half_day(after: str, clock: re.Match[str]) -> str | None:
    before = _HALF_DAY_BEFORE.search(after, 0, clock.start(1))
    marker = before or _HALF_DAY_AFTER.match(after, clock.end())
    return None if marker is None else "p" if marker.group(1) in _AFTERNOON else "a"


def _clock(after: str) -> tuple[time | None, timedelta | None]:
    """The clock time at the start of `after` and the zone printed after it, if any."""
    if found := _CLOCK.match(after):
        hour, minute = int(found.group(1)), int(found.group(2))
        if half := (found.group(3) or "").lower() or _half_day(after, found):
            hour = hour % 12 + (12 if half == "p" else 0)
    elif found := _DOTTED_CLOCK.match(after):
        hour, minute = int(found["hour"]), int(found["minute"])
    else:
        return None, None
    if not (hour < 24 and minute < 60):
        return None, None
    zone = _ZONE.match(after, found.end())
    if zone is None:
        return time(hour, minute), None
    if zone.group(4):
        return time(hour, minute), timedelta(seconds=ZONES[zone.group(4)])
    offset = timedelta(hours=int(zone.group(2)), minutes=int(zone.group(3) or 0))
    return time(hour, minute), (offset if zone.group(1) == "+" else -offset) if offset < timedelta(hours=15) else None


# Thai pages count years from the Buddha's death: 2567 is 2024.
_BUDDHIST_ERA = 543
# Persian pages date themselves in the Solar Hijri calendar ("۲۱ تیر ۱۴۰۳" is 11 July 2024): its
# months, the six of 31 days first; its leap years by the arithmetic 33-year cycle (the official
# calendar is astronomical: a rare year's last days may be a day off); a known new year's day
# to count from.
_JALALI_MONTHS = {name: number for number, name in enumerate(
    ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"), 1)}
_JALALI_LEAP = frozenset({1, 5, 9, 13, 17, 22, 26, 30})
_NOWRUZ = (1403, date(2024, 3, 20))


def _jalali_year_length(year: int) -> int:
    return 366 if year % 33 in _JALALI_LEAP else 365


def jalali_day(year: str, month: int, day: str) -> date | None:
    """The Gregorian day of a Solar Hijri date, if it is one and a publication's (1369 to 1479)."""
    number, day_of_month = int(year), int(day)
    longest = 31 if month <= 6 else 30 if month < 12 or _jalali_year_length(number) == 366 else 29
    if not (1369 <= number <= 1479 and 1 <= day_of_month <= longest):
        return None
    known, nowruz = _NOWRUZ
    years = (sum(map(_jalali_year_length, range(known, number))) if number >= known
             else -sum(map(_jalali_year_length, range(number, known))))
    before_month = (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30
    return nowruz + timedelta(days=years + before_month + day_of_month - 1)


def calendar_day(year: str, month: int | None, day: str) -> date | None:
    """The day, if it is one and its year is a publication's (1990 to 2100, or the same in the
    Buddhist era)."""
    number = int(year)
    if 1990 + _BUDDHIST_ERA <= number <= 2100 + _BUDDHIST_ERA:
        number -= _BUDDHIST_ERA
    try:
        return date(number, month, int(day)) if month and 1990 <= number <= 2100 else None
    except ValueError:
        return None


def visible_text(tree: HtmlElement, headline_h1: HtmlElement | None,
                 past_headline: int | None = None) -> tuple[str, int | None]:
    """The body's text in document order, white space collapsed, and where `headline_h1`
    starts in it (None: no headline). With `past_headline`, the text stops that many
    characters after the headline. Hidden text (a snippet's "updated" timestamp) is left
    out from the headline on, or throughout on a page without one: looking at every element
    above the headline would cost more than the dates it could hide there."""
    parts: list[str] = []
    headline: int | None = None
    size = 0
    body = tree.find("body")
    # lxml's own walk (a start and an end event per element, one for a comment): a recursive
    # Python walk cost twice as much.
    walker = etree.iterwalk(body if body is not None else tree, events=("start", "end", "comment", "pi"))
    for event, elem in walker:
        if event == "start":
            tag = elem.tag if isinstance(elem.tag, str) else ""
            if tag in _INVISIBLE or not tag or ((headline is not None or headline_h1 is None) and hidden(elem)):
                walker.skip_subtree()
                continue
            if elem is headline_h1:
                headline = size
            piece = elem.text
        else:  # its end, or a comment's: what follows it
            piece = elem.tail
        if piece and (piece := " ".join(piece.split())):
            parts.append(piece)
            size += len(piece) + 1
            if past_headline is not None and headline is not None and size > headline + past_headline:
                break
    return " ".join(parts), headline


def _month(months: dict[str, int], word: str) -> int | None:
    """The month `word` names; Hebrew writes "in" run into it ("12 ביולי 2024")."""
    return months.get(word) or (months.get(word[1:]) if word.startswith("ב") else None)


def page_dates(text: str, language: str | None = None, day_first: bool = True,
               short_years: bool = True) -> list[VisibleDate]:
    """Every date printed in `text`, in order. `day_first` reads 3/5/2022 as 3 May, unless
    only the other reading is a date; `short_years`: "31.10.23" too (by a headline it dates the
    article; anywhere on a page it is as likely a teaser's or a score's)."""
    months = month_names(language)
    # One space after each glued year: the offsets after it move by one character, no matter.
    text = _GLUED_YEAR.sub(r"\1 ", text)
    lowered = text.lower()
    found: list[VisibleDate] = []

    def add(start: int, end: int, day: date | None) -> None:
        if day:
            clock, zone = _clock(text[end:end + 30])
            found.append(VisibleDate(day, clock, start, zone))

    for m in _DAY_FIRST.finditer(lowered):
        if jalali := _JALALI_MONTHS.get(m.group(2)):
            add(m.start(), m.end(), jalali_day(m.group(3), jalali, m.group(1)))
        else:
            add(m.start(), m.end(), calendar_day(m.group(3), _month(months, m.group(2)), m.group(1)))
    for m in _DAY_FIRST_OTHER_MONTHS.finditer(lowered):
        add(m.start(), m.end(), calendar_day(m.group(3), months.get(m.group(2)), m.group(1)))
    if "th" in lowered:
        for m in _VIETNAMESE.finditer(lowered):
            add(m.start(), m.end(), calendar_day(m.group(3), int(m.group(2)), m.group(1)))
    for m in _MONTH_FIRST.finditer(lowered):
        add(m.start(), m.end(), calendar_day(m.group(3), _month(months, m.group(1)), m.group(2)))
    if _MARK.search(text):
        for m in _DAY_AND_YEAR.finditer(lowered):
            if name := _MARKED_NAME_BEFORE.search(lowered, max(0, m.start() - 20), m.start()):
                add(name.start(), m.end(), calendar_day(m.group(2), _month(months, name.group(1)), m.group(1)))
    for m in _YEAR_FIRST_NAMED.finditer(lowered):
        add(m.start(), m.end(), calendar_day(m.group(1), _month(months, m.group(2)), m.group(3)))
    for pattern in (ISO_DATE, _CJK):
        for m in pattern.finditer(text):
            add(m.start(), m.end(), calendar_day(m.group(1), int(m.group(2)), m.group(3)))
    if "年" in text:
        for m in _JAPANESE_ERA.finditer(text):
            year = _ERA_START[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
            add(m.start(), m.end(), calendar_day(str(year), int(m.group(3)), m.group(4)))
    for m in _NUMERIC.finditer(text):
        add(m.start(), m.end(), _either_order(m.group(4), int(m.group(1)), int(m.group(3)), day_first))
    if short_years:
        for m in _SHORT_YEAR.finditer(text):
            add(m.start(), m.end(), calendar_day(_full_year(m.group(3)), int(m.group(2)), m.group(1)))
        for m in _SHORT_SLASHED.finditer(text):
            add(m.start(), m.end(), _either_order(_full_year(m.group(3)), int(m.group(1)), int(m.group(2)), day_first))
    return sorted(found, key=lambda d: d.offset)


# "3 hours ago" as pages print it in the languages we know: a number (or "a"/"an" and their
# like), a unit, and "ago", in each language's order.
_ONE = r"an?|one|ein|eine|einer|einem|einen|un|une|una|uno|um|uma|een|jeden|jedna|jedną"
_MINUTE_WORDS = r"minutes?|mins?|minuten?|minutos?|minuti|minuto|minuut|minut[aey]?|минут[уы]?|хвилин[уи]?|dakika|menit|phút|dakikası"
_HOUR_WORDS = (r"hours?|hrs?|stunden?|heures?|h|horas?|ore|ora|uur|godzin[ay]?|godz\.|час(?:а|ов)?|годин[уи]?|saat|jam|giờ|"
               r"timmar|timme|timer|tuntia|órája")
_DAY_WORDS = r"days?|tagen?|jours?|días?|dias?|giorni|giorno|dagen|dag|dni|dzień|дн(?:я|ей)|день|дні|днів|gün|hari|ngày|dagar|dage|dager|päivää|napja"
_WEEK_WORDS = r"weeks?|wochen?|semaines?|semanas?|settimane?|weken|week|tygodni[ea]?|тиждень|недел[юиь]|hafta|minggu|tuần|veckor|uger|uker"
_UNIT = rf"({_MINUTE_WORDS}|{_HOUR_WORDS}|{_DAY_WORDS}|{_WEEK_WORDS})"
_COUNT = rf"(\d{{1,3}}|{_ONE})"
# The count, the unit: "3 hours ago", "vor 3 Stunden", "3 小时前".
_AGO = (
    re.compile(rf"(?<![\w.]){_COUNT}\s+{_UNIT}\s+(?:ago|fa|geleden|temu|назад|тому|önce|(?:yang\s+)?lalu|trước|sedan|siden|sitten)(?!\w)",
               re.IGNORECASE),
    re.compile(rf"(?<!\w)(?:vor|il y a|hace|há|acum)\s+{_COUNT}\s+{_UNIT}(?!\w)", re.IGNORECASE),
    re.compile(r"(?<!\d)(\d{1,3})\s?(分钟|分鐘|分|小时|小時|時間|天|日|시간|분|일)\s?(?:前|전)"),
)
_UNIT_SECONDS = ((re.compile(_MINUTE_WORDS + "|分钟|分鐘|分|분", re.IGNORECASE), 60),
                 (re.compile(_HOUR_WORDS + "|小时|小時|時間|시간", re.IGNORECASE), _HOUR),
                 (re.compile(_DAY_WORDS + "|天|日|일", re.IGNORECASE), _DAY),
                 (re.compile(_WEEK_WORDS, re.IGNORECASE), 7 * _DAY))
# Further back than this a page prints a date.
_LONGEST_AGO = timedelta(days=31)


# "Today, 10:30", "Вчера, 18:45", "昨天 18:45": a day counted from the fetch; with a clock time
# only ("today" alone is as often the article's own word).
TODAY_WORDS = ("today", "heute", "aujourd'hui", "aujourd’hui", "hoy", "oggi", "hoje", "vandaag", "dzisiaj", "dziś",
                "сегодня", "сьогодні", "bugün", "hari ini", "hôm nay", "idag", "i dag", "tänään", "dnes", "astăzi",
                "azi", "σήμερα", "danas", "днес", "šiandien", "šodien", "täna", "今天", "今日", "오늘", "اليوم",
                "امروز", "היום", "आज", "วันนี้")
YESTERDAY_WORDS = ("yesterday", "gestern", "hier", "ayer", "ieri", "ontem", "gisteren", "wczoraj", "вчера", "вчора",
                    "dün", "kemarin", "hôm qua", "igår", "i går", "eilen", "včera", "χθες", "jučer", "juče", "vakar",
                    "eile", "tegnap", "昨天", "昨日", "어제", "أمس", "دیروز", "אתמול", "เมื่อวาน")
# A word of a script written without spaces (or in syllables) has no word boundary to look for.
_TODAY_OR_YESTERDAY = re.compile(
    "|".join(word if UNSPACED.match(word) or DENSE.match(word) else rf"(?<!\w){re.escape(word)}(?!\w)"
             for word in sorted((*TODAY_WORDS, *YESTERDAY_WORDS), key=len, reverse=True)), re.IGNORECASE)
_YESTERDAYS = frozenset(YESTERDAY_WORDS)

# A day and month without a year ("Friday, July 12", "12. Juli, 10:30 Uhr", "7/12(金) 10:30",
# "07-12 10:30", "7月12日"): the year is the fetch's. Named or numbered, such a date counts by the
# headline only with a clock time after it or a weekday beside it (a lead's "on 12 July" is an
# event's day); a Chinese, Japanese or Korean month and day always (a dateline: "新华社北京7月12日电").
_DAY_MONTH = re.compile(rf"(?=\d)(?<![\d.,/:])(\d{{1,2}})\.?\s+(?:de\s+)?{_MARKED_WORD}(?!\w|\.?\s*,?\s*(?:de[l]?\s+)?\d{{4}})")
_MONTH_DAY = re.compile(rf"(?<!\w){_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?![\w:]|\.\d|,?\s+\d{{4}})")
_CJK_MONTH_DAY = re.compile(r"(?<![\d年년])(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
# "7/12", "12.07.", "07-12": a dot only after both numbers ("10.30" is a time), a hyphen between two digits each, month first.
_NUMBERED_DAY = re.compile(r"(?=\d)(?<![\d.,/:\-])(\d{1,2})(?:(/)(\d{1,2})(?![\d/])|\.(\d{1,2})\.(?!\d)|(?<=\d\d)-(\d{2})(?![\d-]))")
_CJK_WEEKDAY_AFTER = re.compile(r"\s*[（(]\s*[月火水木金土日一二三四五六天월화수목금토일]\s*[)）]")
_MONTH_FIRST_LANGUAGES = frozenset({"ja", "zh", "ko"})


@lru_cache(maxsize=None)
def _weekday_before() -> re.Pattern[str]:
    """A weekday's name (or abbreviation) ending the text before a date, in every supported language."""
    names = {name.lower().rstrip(".") for locale in _LOCALES for width in ("wide", "abbreviated")
             for name in get_day_names(width, locale=locale).values()}
    names = {name for name in names if len(name) >= 3 or (len(name) == 2 and not _LATIN.match(name))}
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(names, key=len, reverse=True)))})\.?\s*[,،]?\s*$")


def _beside_a_weekday(text: str, start: int, end: int) -> bool:
    """Whether the date at `text[start:end]` has a weekday before it, or a CJK one after it."""
    return (_CJK_WEEKDAY_AFTER.match(text, end) is not None
            or _weekday_before().search(text[max(0, start - 25):start].lower()) is not None)


def _in_year_to(fetched: date, month: int | None, day: int) -> date | None:
    """`month`/`day` on or before the day after `fetched` (a page's clock may run ahead of the fetcher's)."""
    if month is None:
        return None
    for year in (fetched.year, fetched.year - 1):
        found = calendar_day(str(year), month, str(day))
        if found and found <= fetched + timedelta(days=1):
            return found
    return None


def _yearless(text: str, fetched: date, language: str | None, day_first: bool) -> list[VisibleDate]:
    """Every day and month printed without a year in `text` that a clock time or a weekday pins down."""
    months = month_names(language)
    lowered = text.lower()
    found: list[VisibleDate] = []

    def add(match: re.Match[str], day: date | None, pinned: bool = False) -> None:
        if day:
            clock, zone = _clock(text[match.end():match.end() + 30])
            if pinned or clock is not None or _beside_a_weekday(text, match.start(), match.end()):
                found.append(VisibleDate(day, clock, match.start(), zone))

    for m in _DAY_MONTH.finditer(lowered):
        add(m, _in_year_to(fetched, _month(months, m.group(2)), int(m.group(1))))
    for m in _MONTH_DAY.finditer(lowered):
        add(m, _in_year_to(fetched, _month(months, m.group(1)), int(m.group(2))))
    if "月" in text or "월" in text:
        for m in _CJK_MONTH_DAY.finditer(text):
            add(m, _in_year_to(fetched, int(m.group(1)), int(m.group(2))), pinned=True)
    for m in _NUMBERED_DAY.finditer(text):
        first = int(m.group(1))
        if m.group(2):
            month_first = (not day_first or language in _MONTH_FIRST_LANGUAGES
                           or _CJK_WEEKDAY_AFTER.match(text, m.end()) is not None)
            second = int(m.group(3))
            day, month = (second, first) if month_first else (first, second)
        elif m.group(4):
            day, month = first, int(m.group(4))
        else:
            day, month = int(m.group(5)), first
        add(m, _in_year_to(fetched, month, day))
    return found


def relative_moment(text: str, fetched: datetime, language: str | None = None, day_first: bool = True) -> datetime | None:
    """The moment the first date in `text` that counts from when the page was fetched (`fetched`)
    names: "3 hours ago" ("vor 3 Stunden", "hace 3 horas", "3 小时前") counted back; "today,
    10:30" ("Вчера, 18:45"); a day and month without a year ("Friday, July 12", "7/12(金) 10:30")
    in the fetch's year, or the year before when that day is still to come. A live page's only
    date is often one of these. Days and weeks back name a day, not a moment."""
    found: list[tuple[int, datetime]] = []
    for pattern in _AGO:
        for match in pattern.finditer(text):
            count, unit = match.group(1), match.group(2)
            seconds = next(length for unit_pattern, length in _UNIT_SECONDS if unit_pattern.fullmatch(unit))
            back = timedelta(seconds=(int(count) if count.isdigit() else 1) * seconds)
            if back <= _LONGEST_AGO:
                moment = fetched - back
                found.append((match.start(), moment if seconds < _DAY else datetime.combine(moment.date(), time(), moment.tzinfo)))
                break
    for match in _TODAY_OR_YESTERDAY.finditer(text):
        clock, zone = _clock(text[match.end():match.end() + 30])
        if clock is not None:
            day = fetched.date() - timedelta(days=1 if match.group().lower() in _YESTERDAYS else 0)
            found.append((match.start(), VisibleDate(day, clock, match.start(), zone).moment))
            break
    found.extend((d.offset, d.moment) for d in _yearless(text, fetched.date(), language, day_first))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _either_order(year: str, first: int, second: int, day_first: bool) -> date | None:
    """A numeric date read day first or month first as `day_first` says, else the other way
    round when only that makes a date (13/5 is 13 May whatever the page's habit)."""
    day, month = (first, second) if day_first else (second, first)
    return calendar_day(year, month, str(day)) or calendar_day(year, day, str(month))


def _full_year(two_digits: str) -> str:
    year = int(two_digits)
    return str(year + (1900 if year >= _CENTURY_TURN else 2000))
