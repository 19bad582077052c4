"""Which line of a text-only page is its title: boosted trees over the lines around the article.

A page flattened to text still prints its headline, nearly always on a line of its own (on
98% of the labelled pages), but among section names, dates, bylines, breadcrumbs and the
headlines of other stories. The line the URL spells is the title on 91% of the pages that have
one; where the URL spells none, the rules (a headline-shaped line right above the article)
found it on one page in seven. There this model weighs what tells a headline from its
neighbours: how many of its words the article uses, where it sits against the article the line
model found, whether the page's first line (often the document title, "Headline - Site") or a
breadcrumb repeats it, its shape, and the URL's words. It is trained by
`python -m pipeline.eval.title_model` on the labelled metadata pages flattened both ways, and
shipped as JSON like the line model.

The candidates are the lines from 30 above the article's first line to 5 below it and above
its end, sentences of running text left out (the title is among them on 93% of the pages; the
rest of the page only adds teasers' headlines to confuse it with). The likeliest one is the
title (see choose).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from pipeline.stages.extract import lines as L
from pipeline.stages.extract.headline import slug_words, spelled_in_url
from pipeline.stages.extract.line_model import TreeEnsemble
from pipeline.stages.extract.visible_dates import page_dates
from pipeline.stages.words import UNSPACED, WORD, WORD_CHARACTER

MODEL_PATH = Path(__file__).with_name("title_model.json")

FEATURES = (
    "log_words", "chars", "position", "log_index", "headline_shaped", "prose", "ends_sentence",
    "byline", "credit", "teaser_heading", "furniture", "more_stories", "comment_heading",
    "slug_share_of_line", "slug_share_of_slug", "slug_words", "spelled_in_url",
    "repeats_on_page", "lines_ending_with_it", "lines_starting_with_it",
    "rules_title", "article_probability", "probability_next_3", "probability_previous_3",
    "offset_from_first_likely_line", "offset_from_rules_start", "upper_share", "digit_share",
    "ends_with_colon", "separators", "next_is_byline", "next_is_prose", "previous_words",
    "article_word_share", "first_line_word_share", "is_first_line", "date_like",
    "lines_to_next_article_line", "content_words", "in_first_line",
    "offset_from_article_start", "offset_from_article_end",
)
ABOVE_ARTICLE, BELOW_ARTICLE = 30, 5
# A line longer than this is a paragraph, not a headline.
_MAX_CHARS = 400
_RUN_INTO = re.compile(r"[^\W\d_]{3}")
# A line the line model is surer of than this, and prose, is article text.
_LIKELY = 0.5
# Lines above and below whose article probabilities are averaged.
_NEIGHBOURS = 3
# Below this the model's likeliest candidate is no title (a page without a headline: its menu's
# "Home", its date line): of the choices on the labelled pages whose URL spells no line (709,
# cross-validated), 36 fell below it, 10 of them right; above it, 510 of 671.
_DOUBTED = 0.01
# A candidate inside the chosen one is its headline when this long.
_MIN_PART_WORDS = 3
# Lines to the next article line counted up to this.
_GAP_CAP = 30
# Words long enough to say what a text is about ("Sazerac", "Olympia"; not "und", "the").
_CONTENT_LETTERS = 4
_CONTENT_WORD = re.compile(rf"\w{WORD_CHARACTER}{{{_CONTENT_LETTERS - 1},}}")


def content_words(text: str) -> set[str]:
    """The words of `text` (in lower case) long enough to say what it is about; in a script
    written without spaces, where a run of letters is a phrase, its pairs of characters (a
    Chinese or Japanese headline shares them with its article, not its phrases)."""
    if not UNSPACED.search(text):
        return set(_CONTENT_WORD.findall(text))
    found = set()
    for word in _CONTENT_WORD.findall(text):
        if UNSPACED.search(word):
            found.update(word[i:i + 2] for i in range(len(word) - 1))
        else:
            found.add(word)
    return found


def normal(text: str | None) -> str:
    """Words in lower case: how the evaluation compares titles, and how a line is compared with
    the rules' title and the page's first line."""
    return " ".join(WORD.findall((text or "").lower()))


def candidates(texts: Sequence[str], article: tuple[int, int]) -> list[int]:
    """The lines the title is looked for among, around the start of the article run `article`
    and above its end (under an article come the headlines of other stories)."""
    low, high = max(0, article[0] - ABOVE_ARTICLE), min(len(texts), article[0] + BELOW_ARTICLE + 1, article[1])
    return [i for i in range(low, high) if len(texts[i]) <= _MAX_CHARS and normal(texts[i]) and _may_be_title(texts[i])]


def _may_be_title(text: str) -> bool:
    # A sentence of running text is no title, unless as short as a headline ("Nebelsuppe.",
    # "Denkmäler in neuem Licht."): a page without a headline gets none, not its first sentence.
    # A line crediting a photo is its caption; one crediting a writer ("By ...", "מאת ...") a byline;
    # a short one that starts with a date a date line ("2024-07-12 10:30 来源：新华网").
    return ((L.is_headline(text) or not L.is_prose(text)) and not L.has_caption_credit(text) and not L.is_byline(text)
            and not _is_date_line(text))


def _is_date_line(text: str) -> bool:
    # Not a date a flattening ran into the headline: "27.01.2022MineralölINFO November 2021".
    if L.size(text) > L.DATE_LINE_WORDS or not text[:1].isdigit() or _RUN_INTO.search(text.split(maxsplit=1)[0]):
        return False
    found = page_dates(text)
    return bool(found) and found[0].offset == 0


def signed_log(offset: int) -> float:
    """An offset between lines, its sign kept and its size on a log scale (the writers model's too)."""
    return math.copysign(math.log1p(abs(offset)), offset)


def neighbour_means(chances: Sequence[float], i: int) -> tuple[float, float]:
    """The mean article probability of the _NEIGHBOURS lines below line `i` and of those above it."""
    after, before = chances[i + 1:i + 1 + _NEIGHBOURS], chances[max(0, i - _NEIGHBOURS):i]
    return sum(after) / len(after) if after else 0.0, sum(before) / len(before) if before else 0.0


def title_features(texts: Sequence[str], at: Sequence[int], probabilities: np.ndarray, article: tuple[int, int],
                   rules_kept: Sequence[bool], rules_title: str | None, url: str) -> np.ndarray:
    """One row of FEATURES per candidate line `at`; `article`: the line model's article run
    (first line, line after the last), `rules_kept`, `rules_title`: the rules' reading of the page."""
    n = len(texts)
    if not at:
        return np.zeros((0, len(FEATURES)))
    slug = slug_words(url) if url else set()
    # Lines no longer than a candidate, in lower case ("" for paragraphs: what repeats a title is a
    # breadcrumb, the document title, a list of stories).
    lowered = "\n".join(text if len(text) <= _MAX_CHARS else "" for text in texts).lower().split("\n")
    counts = Counter(lowered)
    # The lines one under another: a longer line ending (or starting) with a candidate ("Home »
    # News » Headline", "Headline - Site") holds it with a line break after (or before) it.
    page = "\n" + "\n".join(lowered) + "\n"
    chances = probabilities.tolist()
    likely = [p > _LIKELY and L.is_prose(text) for p, text in zip(chances, texts)]
    article_words = content_words("\n".join(text for text, yes in zip(texts, likely) if yes).lower())
    first_words = content_words(texts[0].lower())
    first_line = normal(texts[0])
    likely_at = np.flatnonzero(likely)
    # The first likely article line at or after each line (n: none).
    next_likely = np.append(likely_at, n)[np.searchsorted(likely_at, np.arange(n + 1))]
    first_likely = next_likely[0]
    first_kept = rules_kept.index(True) if True in rules_kept else n
    stated = normal(rules_title)
    rows = []
    for i in at:
        text, lower = texts[i], lowered[i]
        key = normal(text)
        all_words = key.split()
        words = content_words(key)
        slug_hits = len(set(all_words) & slug)
        following = texts[i + 1] if i + 1 < n else ""
        rows.append((
            math.log1p(L.size(text)), len(text), i / n, math.log1p(i), L.is_headline(text), L.is_prose(text),
            L.ends_sentence(text), L.is_byline(text), L.is_credit(text), L.is_teaser_heading(text),
            L.is_furniture(text), L.is_more_stories(text), L.is_comment_heading(text),
            slug_hits / len(all_words), slug_hits / max(1, len(slug)), len(slug),
            bool(slug) and spelled_in_url(text, slug),
            counts[lower],
            page.count(f"{lower}\n") - counts[lower], page.count(f"\n{lower}") - counts[lower],
            key == stated, chances[i], *neighbour_means(chances, i),
            signed_log(i - first_likely), signed_log(i - first_kept),
            sum(map(str.isupper, text)) / len(text), sum(map(str.isdigit, text)) / len(text), text.endswith(":"),
            ("|" in text) + (" - " in text) + (" – " in text),
            L.is_byline(following), L.is_prose(following), L.size(texts[i - 1]) if i else 0,
            len(words & article_words) / max(1, len(words)), len(words & first_words) / max(1, len(words)), i == 0,
            bool(L.DATE_LIKE.search(text)), min(_GAP_CAP, next_likely[i + 1] - i), len(words),
            L.size(text) >= 3 and key in first_line,
            signed_log(i - article[0]), signed_log(i - article[1]),
        ))
    return np.array(rows, dtype=float)


def choose(texts: Sequence[str], probabilities: np.ndarray) -> int | None:
    """Which of the candidates `texts` is the title, by the model's `probabilities` for them:
    the likeliest, unless the model doubts them all (a page without a headline: its menu's
    "Home", a date line); and if it holds another candidate of a few words and more (a
    breadcrumb ending with the headline, "Headline - Site"), that one."""
    if not len(texts) or probabilities.max() < _DOUBTED:
        return None
    best = int(np.argmax(probabilities))
    best_text = texts[best].lower()
    inside = [i for i, text in enumerate(texts) if L.size(text) >= _MIN_PART_WORDS and text.lower() != best_text
              and (best_text.endswith(text.lower()) or best_text.startswith(text.lower()))]
    return max(inside, key=lambda i: probabilities[i]) if inside else best


@cache
def shipped_model() -> TreeEnsemble:
    return TreeEnsemble(json.loads(MODEL_PATH.read_text(encoding="utf-8")), FEATURES)
