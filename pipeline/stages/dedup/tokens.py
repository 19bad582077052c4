"""The body cut into words once, for every dedup feature: hash, shingles, story terms and names.

One regex pass over the NFKC text keeps each word as written (the name scan needs its case);
case folding is then done once per distinct word rather than over the whole text. The two
agree except for the few letters whose case folding adds a combining mark (Turkish "İ",
some polytonic Greek): folded per word, "İstanbul" stays one word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from pipeline.stages.words import IDEOGRAPH, UNSPACED, UNSPACED_RUN, WORD, cut_runs


@dataclass(frozen=True)
class Tokens:
    text: str
    """The NFKC text the words were cut from."""
    words: list[str]
    """Case-folded words in order (punctuation, quotes and spacing variants do not count)."""
    counts: Counter[str]
    """Case-folded word -> occurrences."""
    written: Counter[str]
    """Word as written (case kept) -> occurrences."""
    capitalised: list[str]
    """The distinct written words that begin with a capital letter."""


# Chinese and Japanese (and Thai, Lao, Khmer, Burmese) write no spaces between words, so a "word"
# there is a whole clause: an edited copy shares few of them with its original, and an article
# none with another telling the same event. Their runs are cut into overlapping character pairs
# (ideographs and kana) or triples (the abugidas, whose words are longer), as search engines index
# them: "北京市遭遇强降雨" -> "北京", "京市", "市遭", ...


def _grams(run: str) -> list[str]:
    width = 2 if IDEOGRAPH.match(run) else 3
    return [run[i:i + width] for i in range(max(1, len(run) - width + 1))]


def _cut_unspaced(words: list[str]) -> list[str]:
    return [piece for word in words for piece in (cut_runs(word, UNSPACED_RUN, _grams) if UNSPACED.search(word) else (word,))]


def tokenise(text: str) -> Tokens:
    text = unicodedata.normalize("NFKC", text)
    as_written = WORD.findall(text)
    if UNSPACED.search(text):
        as_written = _cut_unspaced(as_written)
    written = Counter(as_written)
    folded = {word: word.casefold() for word in written}
    words = list(map(folded.__getitem__, as_written))
    # A capitalised word changes when folded: compare first, it is cheaper than testing every word.
    capitalised = [word for word, fold in folded.items() if fold != word and word[0].isupper()]
    return Tokens(text, words, Counter(words), written, capitalised)
