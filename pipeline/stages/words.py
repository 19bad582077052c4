"""Words and sentence ends as every stage reads them, in every script.

Regular expressions' `\\w` leaves out combining marks, and the abugidas write most vowels with
them: "गिरावट" (Hindi) is three `\\w` runs ("ग", "र", "वट"), "ข่าว" (Thai) two, and so is a
Latin word whose accent is a separate code point. A word here is a letter or digit and the
letters, digits and marks that follow it. Scripts written without spaces between words
(Chinese, Japanese, Thai, Lao, Khmer, Burmese) have runs of letters that are phrases, not
words: each stage cuts those runs as it needs (`cut_runs`): dedup into character pairs or
triples, keywords into the words of wordfreq's Chinese and Japanese lists.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable


def _combining_marks() -> str:
    """A character class body of the combining marks (Mn, Mc, Me) of the Basic Multilingual
    Plane: beyond it the class would make every match slower for historic scripts."""
    ranges: list[tuple[int, int]] = []
    for code in range(min(sys.maxunicode, 0xFFFF) + 1):
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


# With the zero-width non-joiner and joiner, which Persian and the Indic scripts write inside a
# word ("می‌شود" is one).
MARKS = _combining_marks() + "\u200c\u200d"
WORD_CHARACTER = rf"[\w{MARKS}]"
NOT_WORD_CHARACTER = rf"[^\w{MARKS}]"
# A letter or digit first: an emoji's variation selector ("❤️") is a mark but no word.
WORD = re.compile(rf"\w{WORD_CHARACTER}*")

_IDEOGRAPHS = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_ABUGIDAS = r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
UNSPACED = re.compile(f"[{_ABUGIDAS}{_IDEOGRAPHS}]")
"""A letter of a script written without spaces between words."""
IDEOGRAPH = re.compile(f"[{_IDEOGRAPHS}]")
"""A CJK ideograph or kana: a word or a syllable, 1.5 of them a word on average."""
UNSPACED_ABUGIDA = re.compile(f"[{_ABUGIDAS}]")
"""A character of Thai, Lao, Burmese or Khmer, written without spaces between words."""
IDEOGRAPH_RUN = re.compile(f"[{_IDEOGRAPHS}]+")
"""A run of CJK ideographs and kana."""
UNSPACED_RUN = re.compile(f"[{_IDEOGRAPHS}]+|[{_ABUGIDAS}]+")
"""A run of ideographs and kana, or of one of the unspaced abugidas' letters."""
ABUGIDA_CHARACTERS_PER_WORD = 6
"""A word there is about six letters and marks (two Thai news sentences: 57 for 9 words, 44 for 6)."""
DENSE_CHARACTERS = f"{_IDEOGRAPHS}\uac00-\ud7af"
DENSE = re.compile(f"[{DENSE_CHARACTERS}]")
"""A character that is a syllable or a word, not a letter: CJK ideographs, kana, Hangul."""
MISCOUNTED = re.compile(f"[{MARKS}{DENSE_CHARACTERS}{_ABUGIDAS}]")
"""A character that `\\w+` does not count words right around: a combining mark (or joiner), a
character of a dense script or of an unspaced abugida. A text without one has WORD's words."""

FULL_STOPS = ".!?…।॥؟۔։።။"
"""What ends a sentence before a space: the Latin marks, the Devanagari danda (Hindi, Marathi,
Nepali, Bengali), the Arabic question mark and the Urdu full stop, the Armenian, Ethiopic and
Burmese full stops."""
IDEOGRAPHIC_STOPS = "。！？"
"""What ends a sentence in Chinese and Japanese, where no space follows."""


def cut_runs(word: str, runs: re.Pattern[str], cut: Callable[[str], list[str]]) -> list[str]:
    """`word` with each run that `runs` matches replaced by the pieces `cut` makes of it, the
    rest kept whole: how dedup and keywords cut text written without spaces."""
    out, at = [], 0
    for run in runs.finditer(word):
        if run.start() > at:
            out.append(word[at:run.start()])
        out.extend(cut(run.group()))
        at = run.end()
    if at < len(word):
        out.append(word[at:])
    return out
