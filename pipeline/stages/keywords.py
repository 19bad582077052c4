"""Keywords: the phrases that say what an article is about.

Candidates are runs of up to three content words between punctuation; a content word is one
rarer than the language's function words in wordfreq's background frequencies, so no stopword
lists are needed and every language wordfreq covers is handled alike. A phrase scores by the
rarity of its words, how often the article uses it, how early it first appears, and whether
the headline has it; phrases of several words must be used twice, which keeps out accidental
neighbours, and keywords share no word (the whole name replaces its part when the article
writes it whole often enough). About a millisecond an article, where YAKE took ten to
fifteen on the lead alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.stages.korean import noun_or_nothing
from pipeline.stages.rarity import word_rarity
from pipeline.stages.words import FULL_STOPS, IDEOGRAPH, IDEOGRAPH_RUN, IDEOGRAPHIC_STOPS, MARKS, UNSPACED, cut_runs

MAX_KEYWORDS = 8
MAX_PHRASE_WORDS = 3
# -log10 frequency below this (more often than about once in 2,000 words) is a function word.
MIN_CONTENT_IDF = 3.3
SOURCE_CHARS = 4000
TITLE_BOOST = 1.6
# Each extra word of a phrase: a little more specific, but not enough to outrank its own parts.
LENGTH_BONUS = 0.2
# Later first mentions count less: a phrase first seen this many words in weighs half.
HALF_WEIGHT_POSITION = 150
# A longer phrase replaces a chosen part of it when it scores at least this share of the part.
REPLACE_SHARE = 0.75
# A word may hold apostrophes and hyphens, not start or end with one (nor with "_").
_WORD = re.compile(rf"[^\W_](?:[\w{MARKS}'’-]*[\w{MARKS}](?<!_))?")
# Phrases never run across punctuation or line ends (the full-width and ideographic ones too).
_SEGMENT = re.compile(rf"[^{re.escape(FULL_STOPS + IDEOGRAPHIC_STOPS)};:,()\[\]{{}}\"“”„«»‹›|/\\\n—–·•，、；：「」『』（）【】《》]+")
# Chinese and Japanese write no spaces: a run of ideographs and kana is cut into the words of the
# language's word list (wordfreq's, whose words are at most a few characters). Thai and the other
# abugidas have no list: their runs are no keywords.
_LONGEST_LISTED_WORD = 6
# A character no list holds: rarer than any listed word.
_UNLISTED_CHARACTER = 1e-9
_HIRAGANA = re.compile("[\u3040-\u309f]+")


@dataclass
class _Candidate:
    words: tuple[str, ...]
    count: int = 0
    first: int = 0
    in_title: bool = False
    surfaces: Counter = field(default_factory=Counter)


def keywords(title: str | None, text: str, language: str | None) -> list[str]:
    rarity = word_rarity(language)
    title_keys = {key for key, _ in _phrases(title or "", rarity)}
    candidates: dict[tuple[str, ...], _Candidate] = {}
    for position, (key, surface) in enumerate(_phrases(f"{title or ''}\n{text[:SOURCE_CHARS]}", rarity)):
        candidate = candidates.get(key)
        if candidate is None:
            candidate = candidates[key] = _Candidate(key, first=position, in_title=key in title_keys)
        candidate.count += 1
        candidate.surfaces[surface] += 1
    scored = sorted(
        ((_score(c, rarity), c) for c in candidates.values() if c.count > 1 or len(c.words) == 1),
        key=lambda item: (-item[0], item[1].words),
    )
    chosen: list[tuple[float, _Candidate]] = []
    for score, candidate in scored:
        sharing = [i for i, (_, kept) in enumerate(chosen) if set(candidate.words) & set(kept.words)]
        if not sharing:
            if len(chosen) == MAX_KEYWORDS:
                break
            chosen.append((score, candidate))
        elif len(sharing) == 1 and _whole_of(candidate, score, *chosen[sharing[0]]):
            chosen[sharing[0]] = (score, candidate)
    return [candidate.surfaces.most_common(1)[0][0] for _, candidate in chosen]


def _whole_of(longer: _Candidate, score: float, kept_score: float, kept: _Candidate) -> bool:
    """"Xi Jinping" over "Xi", "Google Stadia" over "Stadia": the whole phrase, when it scores nearly as well."""
    return (len(longer.words) > len(kept.words) and _contains(longer.words, kept.words)
            and score >= REPLACE_SHARE * kept_score)


def _phrases(text: str, rarity) -> list[tuple[tuple[str, ...], str]]:
    """Every (case-folded key, surface form) of 1-3 consecutive content words, in text order."""
    found = []
    for segment in _SEGMENT.findall(text):
        run: list[str] = []
        for word in _words(segment, rarity) + [""]:
            word, folded = _base_form(word)
            if _is_content(word, folded, rarity):
                run.append(word)
                continue
            for start in range(len(run)):
                # A word list's word is its whole compound ("北京市气象台"): cut words are not joined again.
                longest = 1 if IDEOGRAPH.match(run[start]) else MAX_PHRASE_WORDS
                for size in range(1, min(longest, len(run) - start) + 1):
                    words = run[start:start + size]
                    found.append((tuple(w.casefold() for w in words), " ".join(words)))
            run = []
    return found


def _words(segment: str, rarity) -> list[str]:
    words = _WORD.findall(segment)
    if rarity.language == "ko":
        return [noun_or_nothing(word, rarity.frequencies) for word in words]
    if not rarity.cuts_ideographs or not IDEOGRAPH.search(segment):
        return words
    def listed(run: str) -> list[str]:
        return _listed_words(run, rarity.frequencies)

    return [piece for word in words for piece in cut_runs(word, IDEOGRAPH_RUN, listed)]


def _listed_words(run: str, listed: dict[str, float]) -> list[str]:
    """The likeliest cut of `run` into listed words (the product of their frequencies, as jieba
    cuts: left-to-right longest matching takes "在门" out of "存在门头沟区")."""
    best = [0.0] + [-math.inf] * len(run)
    start = [0] * (len(run) + 1)
    for end in range(1, len(run) + 1):
        for width in range(1, min(_LONGEST_LISTED_WORD, end) + 1):
            frequency = listed.get(run[end - width:end])
            if frequency is None and width > 1:
                continue
            score = best[end - width] + math.log(frequency or _UNLISTED_CHARACTER)
            if score > best[end]:
                best[end], start[end] = score, end - width
    words, end = [], len(run)
    while end:
        words.append(run[start[end]:end])
        end = start[end]
    return words[::-1]


def _is_content(word: str, folded: str, rarity) -> bool:
    # A run of letters in a script without spaces that no word list cut is a phrase, never a word;
    # a word all in hiragana is Japanese grammar ("となり", "しました").
    return (len(folded) > 1 and not folded.isdigit()
            and (not UNSPACED.search(word)
                 or rarity.cuts_ideographs and bool(IDEOGRAPH.match(word)) and not _HIRAGANA.fullmatch(word))
            and rarity.idf(folded) >= MIN_CONTENT_IDF)


def _base_form(word: str) -> tuple[str, str]:
    """The word without a possessive or contraction ("China’s" -> "China", "it’s" -> "it"), and folded."""
    for apostrophe in ("'", "’"):
        if apostrophe in word:
            word = word.split(apostrophe, 1)[0]
            break
    return word, word.casefold()


def _score(candidate: _Candidate, rarity) -> float:
    words = candidate.words
    mean_idf = sum(rarity.idf(w) for w in words) / len(words)
    length = 1.0 + LENGTH_BONUS * (len(words) - 1)
    frequency = 1.0 + math.log(candidate.count)
    position = 1.0 + HALF_WEIGHT_POSITION / (HALF_WEIGHT_POSITION + candidate.first)
    return mean_idf * length * frequency * position * (TITLE_BOOST if candidate.in_title else 1.0)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))
