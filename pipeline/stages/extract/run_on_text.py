"""Lines out of text a scraper flattened without its line breaks.

A scraper that joins a page's text with spaces (`get_text(" ")`, trafilatura's `html2txt`)
delivers its menus, headline, article, teasers and footer as one line: nothing a line reader
can tell apart, and the rules and the line model, which weigh lines, keep or drop it whole.
On a page whose words are mostly in lines far longer than any paragraph, those lines are cut
back into pieces a line reader can weigh: the headline where the page's URL spells it (whole,
its ends known: the title is read off it), the menu entries and breadcrumbs a separator ("|",
"·", "»") joins, a comment thread's stamps, the date stamp under a headline or a byline,
sentences, and the stretches of capitalised words (a menu, a list of section names or
headlines) that run into the sentence after them. The pieces of one line that the article
keeps are joined again (text_page.Line.continues).

A scraper that takes the page's text with nothing between its blocks (`get_text()`,
`text_content()`) runs two blocks the source writes on one line together ("said.Sondland's",
"MenuHomeNewsSports"): on a page that shows such glue throughout (is_glued), the lines are
parted there (unglued), and a run-on page's pieces too.
"""

from __future__ import annotations

import bisect
import re

from pipeline.stages.extract.bylines import MONTHS
from pipeline.stages.extract.lines import COMMENTER_VERB, size
from pipeline.stages.words import FULL_STOPS, IDEOGRAPHIC_STOPS

# Longer than this many words, a line is longer than a paragraph: 106 lines of the 1,171 pages of
# both HTML sets flattened a line per block are (on one page they hold most of its words).
LONGEST_PARAGRAPH = 200
# A sentence ends at its punctuation (in every script: words.FULL_STOPS) and closing quotes;
# ideographic punctuation ends one without a space. A piece starting in lower case continued
# the sentence ("e.g. the").
_SENTENCE_END = re.compile(rf"(?<=[{re.escape(FULL_STOPS)}])[\"'”’»)\]]*\s+|(?<=[{IDEOGRAPHIC_STOPS}])")
# A capitalised word this short before the full stop is an abbreviation or an initial ("Mr.", "U.S.", "J.").
_ABBREVIATION = re.compile(r"[^\W\d_]{1,2}(?:\.[^\W\d_])*\.")
# What only a menu, a breadcrumb or a list of links puts between two entries.
_SEPARATOR = re.compile(r"\s+[|·•»›]\s+|\s+/\s+(?=[^\W\d_])")
# A comment's stamp: the commenter's name and the time, before or after "says:" ("joetoronto
# says: November 19, 2019 at 6:44 am", "Catherine on September 19, 2018 at 12:48 pm said:"). Cut
# after the verb and the time, it is the commenter line that tells a comment thread from the
# article above it; "said:" without a clock time near it announces a quote.
_COMMENT_STAMP = re.compile(COMMENTER_VERB + r"(?P<after>[^.!?]{0,40}?\d{1,2}:\d{2}(?:\s*[ap]\.?m\b\.?)?)?", re.IGNORECASE)
# A word no glue is cut in: an address, code ("LiveServerTestCase(", "document.addEventListener"),
# a dotted name ("GeneralMills.PandoSites.RegisterControl").
_NOT_PROSE = re.compile(r"[@/(){}\[\]=_;\\<>]|www\.|\w\.\w+\.\w")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_STAMP_REACH = 60
# A stretch of words with this many more capitalised words than lower-case ones is a menu, a
# list of section names or of headlines, not a sentence ("Everything You Need to Know About
# Cloth Diapers Breastfeeding ..."): it is parted from the sentence it runs into and cut into
# pieces of a few words, the size of the menu entries a line per block would show.
_CAPITALISED_EXCESS = 8
_ENTRY_WORDS = 6
# Where the page's markup parted two blocks and the scraper took its text with nothing between
# them (BeautifulSoup's `get_text()`, lxml's `text_content()`), a sentence's end runs into the
# next block's capital: "investigations.Sondland's appearance", "your password?Privacy Policy".
_GLUED_STOP = re.compile(rf"[{re.escape(FULL_STOPS)}][\"'”’»)\]]*(?=[“„«‘]?[^\W\d_])")
_OPENING_QUOTES = "“„«‘"
# A capitalised word glued to the lower-case letters before it (in the Latin, Greek and
# Cyrillic alphabets; a name glues two words as often: "YouTube").
_LOWER, _UPPER = "a-zß-öø-ÿα-ωа-яё", "A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ"
_GLUED_CAPITAL = re.compile(rf"(?<=[{_LOWER}]{{2}})(?=[{_UPPER}][{_LOWER}]{{2}})")
# What either glue needs: a letter right after a full stop (and its quotes), or a capital right
# after lower case.
_GLUE_HINT = re.compile(rf"[{re.escape(FULL_STOPS)}][\"'”’»)\]]*[“„«‘]?[^\W\d_]|[{_LOWER}][{_UPPER}]")
# A page's scraper glued its blocks when the page shows a glue point for every this many words.
# They are counted over all its lines at once (unglued's tests, line by line, took a twentieth
# of a text page's time): a full stop between a word's end and a capitalised word, and two
# capitalised words glued in a row. Each pattern starts at the character it needs.
_WORDS_PER_GLUE = 200
_STOP_GLUE = re.compile(rf"[.!?…](?<=[{_LOWER}]{{2}}[.!?…])[\"'”’»)\]]*[“„«‘]?[{_UPPER}][{_LOWER}]")
_CAPITALS_GLUE = re.compile(rf"[{_UPPER}](?<=[{_LOWER}]{{2}}[{_UPPER}])[{_LOWER}]{{2,}}[{_UPPER}][{_LOWER}]{{2}}")


def _case(word: str) -> int:
    """+1 capitalised, -1 lower case; 0 without a letter or in a script without case (Arabic,
    Hebrew, Hangul, CJK, Devanagari...: there every word would look capitalised)."""
    first = next((ch for ch in word if ch.isalpha()), "")
    return 1 if first.isupper() else -1 if first.islower() else 0


def _capitalised_stretches(cases: list[int]) -> list[tuple[int, int]]:
    """The stretches of words with _CAPITALISED_EXCESS more capitalised words than lower-case
    ones, left to right, as (start, end): each the maximum-sum segment of a run whose sum stays
    above zero. One pass: a long footer of links is no slower to read than prose."""
    stretches = []
    start = total = 0
    best = (0, 0, 0)  # start, end and excess of the current run's best segment
    for i, case in enumerate(cases):
        if total <= 0:
            if best[2] >= _CAPITALISED_EXCESS:
                stretches.append(best[:2])
            start, total, best = i, 0, (i, i, 0)
        total += case
        if total > best[2]:
            best = (start, i + 1, total)
    if best[2] >= _CAPITALISED_EXCESS:
        stretches.append(best[:2])
    return stretches


def _parted(sentence: str) -> list[str]:
    words = sentence.split(" ")
    cases = [_case(word) for word in words]
    out: list[str] = []
    at = 0
    for start, end in _capitalised_stretches(cases):
        if end < len(words) and cases[end] < 0 and cases[end - 1] > 0:
            end -= 1  # the capitalised word the sentence after the menu starts with
        if start > at:
            out.append(" ".join(words[at:start]))
        out.extend(" ".join(words[i:min(i + _ENTRY_WORDS, end)]) for i in range(start, end, _ENTRY_WORDS))
        at = end
    if at < len(words):
        out.append(" ".join(words[at:]))
    return out


def _cut(text: str, cuts: list[int]) -> list[str]:
    """The stretches of `text` between the cuts (in the order given), stripped, the empty ones left out."""
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def _comments(text: str) -> list[str]:
    """`text` cut around each comment stamp: at the start of its sentence, after its verb and
    after its time."""
    cuts = []
    for stamp in _COMMENT_STAMP.finditer(text):
        reach = max(0, stamp.start() - _STAMP_REACH)
        sentence_start = max((end.end() for end in _SENTENCE_END.finditer(text, reach, stamp.start())), default=None)
        if stamp.group("after") or _CLOCK.search(text, sentence_start or reach, stamp.start()):
            after = stamp.end() - len(stamp.group("after") or "")
            cuts.extend(cut for cut in (sentence_start, after, stamp.end()) if cut is not None)
    return _cut(text, cuts)


def _sentences(text: str) -> list[str]:
    sentences: list[str] = []
    at = 0
    for end in _SENTENCE_END.finditer(text):
        piece = text[at:end.end()]
        rest = text[end.end():end.end() + 1]
        last = piece.rsplit(None, 1)[-1]  # not split(): a run of abbreviations grows the piece ("Dr. Dr. ...")
        if not rest or rest.islower() or (last[0].isupper() and _ABBREVIATION.fullmatch(last)):
            continue
        sentences.append(piece.strip())
        at = end.end()
    sentences.append(text[at:].strip())
    return [sentence for sentence in sentences if sentence]


def unglued(line: str) -> list[str]:
    """`line` cut where two blocks run together without a space: a sentence's end against the
    next block's capital (a word ending in two lower-case letters, its full stop, a capitalised
    word and more words after it: "Cherrish.One." is a name) and a capitalised word holding two
    or more capitalised words glued to lower case ("MenuHomeNewsSports"; one is a name as often:
    "YouTube", "McDonald", "iPhone"; in lower case first, code: "isVueModule"). Not in an address
    ("Sarah.Needleman@wsj.com", "example.com/News") or code, nor after an abbreviation
    ("U.S.Army", "St.Louis")."""
    if not _GLUE_HINT.search(line):
        return [line]
    cuts = [glue.end() for glue in _GLUED_STOP.finditer(line)
            if glue.start() >= 2 and line[glue.start() - 1].islower() and line[glue.start() - 2].islower()
            and _starts_capitalised(line, glue.end() + (line[glue.end()] in _OPENING_QUOTES))]
    word: list[int] = []  # the glued capitals of one word
    for at in [*(glue.start() for glue in _GLUED_CAPITAL.finditer(line)), len(line)]:
        if word and (at == len(line) or " " in line[word[-1]:at]):
            if len(word) >= 2 and line[line.rfind(" ", 0, word[0]) + 1].isupper():
                cuts.extend(word)
            word = []
        word.append(at)
    if not cuts:
        return [line]
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", line)]
    kept_whole = {i for i, (a, b) in enumerate(words) if _NOT_PROSE.search(line, a, b)}
    if kept_whole:
        cuts = [at for at in cuts if bisect.bisect_right(words, (at, len(line))) - 1 not in kept_whole]
    return _cut(line, sorted(cuts))


def _starts_capitalised(line: str, at: int) -> bool:
    """A capitalised word starts at `at`, and more words follow it."""
    return line[at:at + 1].isupper() and line[at + 1:at + 2].islower() and " " in line[at:]


def is_glued(lines: list[str]) -> bool:
    """The scraper glued the page's blocks: it shows a glue point for every _WORDS_PER_GLUE words
    or more. A page whose blocks its scraper parted shows one now and then (a row of share buttons,
    a caption against its credit), and cutting those would move the lines the writers' and the
    title's readers count from the headline."""
    text = "\n".join(lines)
    glue_points = len(_STOP_GLUE.findall(text)) + len(_CAPITALS_GLUE.findall(text))
    return glue_points >= 2 and glue_points * _WORDS_PER_GLUE >= sum(map(size, lines))


# A page that is one line this long holds more than its article's paragraph: its menus, headline
# and footer ran into it (17 of the trafilatura-eval pages joined into one line are 200 words or
# shorter; cut as the longer ones are, 0.8688 -> 0.8718 there).
ONE_LINE_PAGE = 40


def is_run_on(lines: list[str]) -> bool:
    """Most of the page's words are in lines longer than a paragraph, or the page is one line
    longer than ONE_LINE_PAGE words. Only then are lines cut: on a page with line breaks, a long
    paragraph is one (cutting the few over 200 words on the text flattenings of both HTML sets
    changed nothing beyond the cross-validation's noise)."""
    words = [size(line) for line in lines]
    if len(words) == 1:
        return words[0] > ONE_LINE_PAGE
    return 2 * sum(n for n in words if n > LONGEST_PARAGRAPH) > sum(words)


# A whole date (day, month and year; a clock time and a zone after it) that a capitalised word
# follows: the stamp under a headline or a byline, the article's first sentence after it ("Written
# by Miami Today on November 7, 2023 The trust spending ..."). Not a month and a year ("In March
# 2020 Germany closed ...") nor a date the sentence goes on from ("on 3 May 2021 the council").
# Looked for from the year (a month's name tried at every word took a fifth of a one-line page's
# time), its day and month in the few characters before it ("Wednesday, September 21st, ").
_YEAR = re.compile(r"\b(?:19|20)\d\d(?P<iso>-\d\d-\d\d)?\b")
_DAY_AND_MONTH = re.compile(
    rf"(?:\b{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+|\b\d{{1,2}}(?:\.|st|nd|rd|th)?\s+{MONTHS}\.?,?\s+"
    rf"|\b\d{{1,2}}[./-]\d{{1,2}}[./-])$", re.IGNORECASE)
_DAY_AND_MONTH_REACH = 24
_CLOCK_THEN_WORD = re.compile(
    r"(?:,?\s+(?:at\s+|um\s+|à\s+|a las\s+)?\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|uhr|h))?(?-i:\s+[A-Z]{2,4}\b)?)?"
    r"(?=\s+[^\W\d_])", re.IGNORECASE)


def _after_date_stamps(text: str) -> list[str]:
    """`text` cut after each date stamp a sentence starts after: one line of a page held the
    headline, the byline, the stamp and the first paragraph, kept or dropped whole (on one-line
    pages, days right 0.794 -> 0.801 on the labelled metadata pages)."""
    cuts = []
    for year in _YEAR.finditer(text):
        if not (year["iso"] or _DAY_AND_MONTH.search(text, max(0, year.start() - _DAY_AND_MONTH_REACH), year.start())):
            continue
        stamp = _CLOCK_THEN_WORD.match(text, year.end())
        if stamp and text[stamp.end():].lstrip()[:1].isupper():
            cuts.append(stamp.end())
    return _cut(text, cuts)


def is_cut(line: str, whole_page: bool = False) -> bool:
    """Whether pieces() cuts `line`: longer than a paragraph, or, when it is the `whole_page`,
    than ONE_LINE_PAGE words."""
    return size(line) > (ONE_LINE_PAGE if whole_page else LONGEST_PARAGRAPH)


def pieces(line: str, glued: bool = False, whole_page: bool = False, headlines: list[tuple[int, int]] | None = None) -> list[str]:
    """`line`'s sentences, menu entries, date stamps and capitalised runs, in order, and with
    `glued` the blocks those run together (unglued); the line alone when it is not cut (is_cut).
    The `headlines` (spans of `line` that spell the page's URL: headline.spelled_spans) are
    pieces of their own, whole."""
    if not is_cut(line, whole_page):
        return [line]
    out = []
    at = 0
    for start, end in [*(headlines or ()), (len(line), len(line))]:
        if start < at:
            continue  # overlaps the one before
        for entry in _SEPARATOR.split(line[at:start].strip()):
            for part in _comments(entry):
                for sentence in (sentence for stamped in _after_date_stamps(part) for sentence in _sentences(stamped)):
                    for piece in unglued(sentence) if glued else (sentence,):
                        out.extend(_parted(piece))
        out.append(line[start:end])
        at = end
    return [piece for piece in out if piece.strip()]
