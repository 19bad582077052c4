"""Lines out of text a scraper flattened without its line breaks.

A scraper that joins a page's text with spaces (`get_text(" ")`, trafilatura's `html2txt`)
delivers its menus, headline, article, teasers and footer as one line: nothing a line reader
can tell apart, and the rules and the line model, which weigh lines, keep or drop it whole.
On a page whose words are mostly in lines far longer than any paragraph, those lines are cut
back into pieces a line reader can weigh: the menu entries and breadcrumbs a separator ("|",
"·", "»") joins, a comment thread's stamps, sentences, and the stretches of capitalised words
(a menu, a list of section names or headlines) that run into the sentence after them. The
pieces of one line that the article keeps are joined again (text_page.Line.continues).
"""

from __future__ import annotations

import re

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
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_STAMP_REACH = 60
# A stretch of words with this many more capitalised words than lower-case ones is a menu, a
# list of section names or of headlines, not a sentence ("Everything You Need to Know About
# Cloth Diapers Breastfeeding ..."): it is parted from the sentence it runs into and cut into
# pieces of a few words, the size of the menu entries a line per block would show.
_CAPITALISED_EXCESS = 8
_ENTRY_WORDS = 6


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


def _comments(text: str) -> list[str]:
    """`text` cut around each comment stamp: at the start of its sentence, after its verb and
    after its time."""
    cuts = [0]
    for stamp in _COMMENT_STAMP.finditer(text):
        reach = max(0, stamp.start() - _STAMP_REACH)
        sentence_start = max((end.end() for end in _SENTENCE_END.finditer(text, reach, stamp.start())), default=None)
        if stamp.group("after") or _CLOCK.search(text, sentence_start or reach, stamp.start()):
            after = stamp.end() - len(stamp.group("after") or "")
            cuts.extend(cut for cut in (sentence_start, after, stamp.end()) if cut is not None)
    cuts.append(len(text))
    return [text[a:b].strip() for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def _sentences(text: str) -> list[str]:
    sentences: list[str] = []
    at = 0
    for end in _SENTENCE_END.finditer(text):
        piece = text[at:end.end()]
        rest = text[end.end():end.end() + 1]
        last = piece.split()[-1]
        if not rest or rest.islower() or (last[0].isupper() and _ABBREVIATION.fullmatch(last)):
            continue
        sentences.append(piece.strip())
        at = end.end()
    sentences.append(text[at:].strip())
    return [sentence for sentence in sentences if sentence]


def is_run_on(lines: list[str]) -> bool:
    """Most of the page's words are in lines longer than a paragraph. Only then are lines cut: on
    a page with line breaks, a long paragraph is one (cutting the few over 200 words on the text
    flattenings of both HTML sets changed nothing beyond the cross-validation's noise)."""
    words = [size(line) for line in lines]
    return 2 * sum(n for n in words if n > LONGEST_PARAGRAPH) > sum(words)


def pieces(line: str) -> list[str]:
    """`line`'s sentences, menu entries and capitalised runs, in order; the line alone when it is
    no longer than a paragraph."""
    if size(line) <= LONGEST_PARAGRAPH:
        return [line]
    out = []
    for entry in _SEPARATOR.split(line):
        for part in _comments(entry):
            for sentence in _sentences(part):
                out.extend(_parted(sentence))
    return [piece for piece in out if piece.strip()]
