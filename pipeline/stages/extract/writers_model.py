"""Who wrote a text-only page: boosted trees over the names its bylines may hold.

A page flattened to text prints its writers' names on nine pages in ten that have any, but in
forms a few rules read badly: a name alone under the headline ("Marie Rövekamp"), beside its
date ("Janic Cathomen, 01.12.2021", "Chris Davies - Nov 19, 2019"), before the site's name
("Julius Young | Fox News"), in an author box under the article ("Über Swantje Schemmerling"),
besides the "By ..." lines the rules know. Each line near the headline and under the article's
end is read for names the way a byline of an HTML page is (`bylines`), labelled or not, whole
or a part between bars and dashes; each reading is a candidate, and the trees weigh what tells
a writer from a name in a menu, a teaser's byline or a commenter: where the line sits against
the headline and the article, how often the name recurs on the page, whether the article's
text or the URL uses its words, whether a label, a date or a photo credit stands by it, and what
the rules alone would have chosen. The likeliest candidate above a bar is the page's writers.
Trained by `python -m pipeline.eval.writers_model` on the labelled metadata pages flattened both
ways, shipped as JSON like the line and title models.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from pipeline.stages.extract import lines as L
from pipeline.stages.extract.bylines import clean_authors, is_byline_label, line_byline
from pipeline.stages.extract.headline import slug_words
from pipeline.stages.extract.line_model import TreeEnsemble, words
from pipeline.stages.extract.site_names import names_site
from pipeline.stages.extract.title_model import neighbour_means, normal, signed_log
from pipeline.stages.words import MARKS, WORD

MODEL_PATH = Path(__file__).with_name("writers_model.json")
# Given names in about 80 languages (built by pipeline.eval.first_names from Faker's lists).
FIRST_NAMES_PATH = Path(__file__).with_name("first_names.txt")

# How a candidate was read off its line.
LABELLED, LABEL_ABOVE, BARE, PART = range(4)
FEATURES = (
    "labelled", "label_above", "bare", "part", "has_headline", "offset_from_headline", "offset_from_article_start",
    "offset_from_article_end", "inside_article", "line_words", "line_chars", "names", "name_words",
    "single_word", "lower_case", "upper_case", "times_named", "article_uses_words", "article_names_it",
    "url_words", "date_on_line", "date_beside", "byline_shaped", "credit", "caption_credit", "ends_with_colon",
    "commenter", "article_probability", "probability_next_3", "probability_previous_3", "rank_below_headline",
    "candidates", "same_names_elsewhere", "rules_choice", "headline_names_it", "known_words", "word_odds_mean",
    "word_odds_lowest", "digits", "odd_characters", "whole_line", "first_name", "initial", "names_the_site",
)
# Lines read for names: from this many above the headline to this many below it (most bylines
# are 1 to 6 lines under it), and about the article's end (an author box).
ABOVE_HEADLINE, BELOW_HEADLINE = 4, 12
# Without a headline, around the article's first line.
ABOVE_START, BELOW_START = 10, 3
BEFORE_END, AFTER_END = 2, 8
# A longer line is a paragraph, and a longer unlabelled one no byline.
_MAX_CHARS = 200
_MAX_BARE_WORDS = 12
# What parts a byline from what follows the name: "Julius Young | Fox News", "Chris Davies - Nov 19".
_PARTS = re.compile(r"\s*[|•·/]\s*|\s+[-–—]\s+")
_MAX_PART_WORDS = 5
# Below this the likeliest candidate names no writer (a page without a byline). Cross-validated
# by site on the labelled pages as text: at 0.4 authors F1 0.605 on the pages with writers and
# some given to 5.7% of the pages without (menu words read as a name: "Mots-clés", "Paid
# Content"); at 0.3 0.618 and 8.7%, at 0.5 0.583 and 4.8%.
_DOUBTED = 0.4
# On a page joined into one line (its headline found where the URL spells it: text_page.writer_rows)
# a name is cut from the words around it at guesses ("Todd Bates Date", "Patrick Otte
# Vertreterinnen"): on the labelled pages so joined, at 0.4 83 pages given their writers right and
# 42 wrong (13 of them without a byline), at 0.8 68 right and 14 wrong (4).
_RUN_ON_DOUBTED = 0.8
# "By" run into the name, as a flattened link leaves it: "ByAlex Bozarjian".
_GLUED_LABEL = re.compile(r"^(By|BY|Von|VON|Par|Por|Door)(?=[A-ZÄÖÜÉ](?:[a-zäöüéèáíóúñ]|\.))")
# A name run into what follows it, a link or a date printed without a space: "Jonathan
# GarberFOXBusiness", "Shana Nys DambrotNovember 6, 2023", "Lutz Molter2021-12-14"; not a name's
# own capital after a short prefix ("McCoy", "DeGuzman", "LaMotte").
_RUN_INTO = re.compile(r"(?<=[a-zäöüßéèáíóúñ]{3})(?=[A-ZÄÖÜÉ0-9])")
# A title before a name: "Dr. Sebastian Brüggemann", "Prof. Dr. Anna Beispiel".
_TITLES = re.compile(r"^(?:(?:dr|prof|mag|ing|dipl|mr|mrs|ms|sir)\.?\s+)+", re.IGNORECASE)
_INITIAL = re.compile(r"^\w\.")
# What a person's name does not hold: "#tattoo", "Sprache: Deutsch", "po.st".
_ODD_CHARACTER = re.compile(rf"[^\w{MARKS}\s'’.-]|\.(?=\w{{2}})")


@dataclass(frozen=True)
class Candidate:
    line: int
    kind: int  # LABELLED, LABEL_ABOVE, BARE or PART
    names: tuple[str, ...]


def names_key(names: Sequence[str]) -> frozenset[str]:
    """Names as the evaluation compares them: each its words in lower case."""
    return frozenset(normal(name) for name in names)


def _window(n: int, headline: int | None, article: tuple[int, int]) -> list[int]:
    if headline is not None:
        around = range(max(0, headline - ABOVE_HEADLINE), min(n, headline + BELOW_HEADLINE + 1))
    else:
        around = range(max(0, article[0] - ABOVE_START), min(n, article[0] + BELOW_START + 1))
    below = range(max(0, article[1] - BEFORE_END), min(n, article[1] + AFTER_END + 1))
    return sorted((set(around) | set(below)) - {headline})


def unglued(text: str) -> str:
    return _GLUED_LABEL.sub(r"\1 ", text)


def candidates(texts: Sequence[str], headline: int | None, article: tuple[int, int],
               word_odds: Mapping[str, float]) -> list[Candidate]:
    """The names each line near the headline (`headline`, None when the page has none) and the
    end of the article run `article` may credit, each reading a candidate. A name that is the
    site's is one too ("Wolfgang Schmale" on wolfgangschmale.eu): the trees weigh that.
    `word_odds`: the line model's word table for the page's language; an unlabelled line whose
    words it all knows names nobody ("Alle Anzeigen", "Newsletter abonnieren": of the labelled
    pages' unlabelled readings 29% were such lines, 8 of them out of 6,273 a writer's name)."""
    found: list[Candidate] = []
    read: dict[tuple[str, str], list[tuple[int, list[str]]]] = {}  # a page repeats its menu entries
    for i in _window(len(texts), headline, article):
        if len(texts[i]) > _MAX_CHARS:
            continue
        text = unglued(texts[i])
        following = unglued(texts[i + 1]) if i + 1 < len(texts) else ""
        if following and _names_the_photographed(texts, i, text, following):
            continue
        if (text, following) not in read:
            read[text, following] = _line_readings(text, following, word_odds)
        found.extend(Candidate(i, kind, tuple(names)) for kind, names in read[text, following])
    return found


# How far below a caption the article is looked through for the name it gives.
_SUBJECT_REACH = 30


def _names_the_photographed(texts: Sequence[str], i: int, text: str, following: str) -> bool:
    """A caption naming who is in the photo, over the photo's credit, whom the article then
    writes about: "Aleksandr Lukashenko" / "Asatur Yesayants / Shutterstock.com" / "... Lukashenko
    rallied behind China". A writer's name over the lead photo's credit is not in the article."""
    if not L.is_credit(following) or L.is_byline(text) or line_byline(text, set()) or not (words := text.split()):
        return False
    surname = words[-1].lower()
    return len(surname) > 2 and any(surname in below.lower() for below in texts[i + 2:i + 2 + _SUBJECT_REACH])


def _line_readings(text: str, following: str, word_odds: Mapping[str, float]) -> list[tuple[int, list[str]]]:
    """_readings of a line as printed, and of it parted where a name runs into what follows
    (then a name that runs into something is no reading: "Shana Nys DambrotNovember")."""
    readings = _readings(text, following, word_odds)
    if (apart := _RUN_INTO.sub(" ", text)) != text:
        readings = [(kind, names) for kind, names in readings if not any(_RUN_INTO.search(name) for name in names)]
        seen = {names_key(names) for _, names in readings}
        readings += [(PART, names) for _, names in _readings(apart, "", word_odds) if names_key(names) not in seen]
    return readings


def _readings(text: str, following: str, word_odds: Mapping[str, float]) -> list[tuple[int, list[str]]]:
    """How a line may name writers: after a label (on it, or alone on it with the name on the
    `following` line), else the whole line as names and the first of its parts that reads
    otherwise (a name before a bar or a dash)."""
    if names := line_byline(text, set()):
        return [(LABELLED, names)]
    if is_byline_label(text):
        return [(LABEL_ABOVE, names)] if following and (names := line_byline(f"{text} {following}", set())) else []
    if L.size(text) > _MAX_BARE_WORDS or _known(text, word_odds):
        return []
    whole = clean_authors([text], set(), strict=True)
    readings = [(BARE, whole)] if whole else []
    for part in _PARTS.split(text):
        if part and part != text and L.size(part) <= _MAX_PART_WORDS:
            names = line_byline(part, set()) or clean_authors([part], set(), strict=True)
            if names and names_key(names) != names_key(whole):
                return readings + [(PART, names)]
    return readings


def _known(text: str, word_odds: Mapping[str, float]) -> bool:
    """Whether the word table knows every word of `text` (of three letters or more)."""
    return bool(word_odds) and all(word in word_odds for word in words(text))


def writers_features(texts: Sequence[str], found: Sequence[Candidate], headline: int | None, article: tuple[int, int],
                     probabilities: np.ndarray, article_text: str, page_text: str, url: str, rules_choice: Sequence[str],
                     word_odds: Mapping[str, float], site: set[str]) -> np.ndarray:
    """One row of FEATURES per candidate; `article_text`: the article's paragraphs joined,
    `page_text`: the page's lines joined,
    `rules_choice`: the writers the byline rules alone read (`text_page.rules_writers`),
    `word_odds`: the line model's word table for the page's language (a menu's words are in it,
    a person's name seldom is), `site`: the site's name keys (site_names.site_keys)."""
    if not found:
        return np.zeros((0, len(FEATURES)))
    # Substrings, not words: a name's words are seldom inside others, and this is a tenth of the time.
    article_lower = article_text.lower()
    slug = slug_words(url) if url else set()
    headline_lower = texts[headline].lower() if headline is not None else ""
    reference = headline if headline is not None else article[0]
    chances = probabilities.tolist()
    rules_key = names_key(rules_choice)
    keys = [names_key(c.names) for c in found]
    below = sorted({c.line for c in found if c.line > reference})
    facts: dict[int, tuple] = {}
    rows = []
    for c, key in zip(found, keys):
        i = c.line
        text = texts[i]
        if i not in facts:
            facts[i] = _line_facts(texts, i)
        first = c.names[0].lower()
        tokens = [w for name in c.names for w in WORD.findall(name.lower())]
        name_words = words(" ".join(c.names))
        odds = [o for o in map(word_odds.get, name_words) if o is not None]
        rows.append((
            c.kind == LABELLED, c.kind == LABEL_ABOVE, c.kind == BARE, c.kind == PART, headline is not None,
            signed_log(i - reference), signed_log(i - article[0]), signed_log(i - article[1]),
            article[0] <= i < article[1], L.size(text), len(text), len(c.names), len(tokens),
            len(tokens) == 1, first.islower(), c.names[0].isupper(),
            page_text.count(c.names[0]), sum(w in article_lower for w in tokens) / max(1, len(tokens)),
            first in article_lower, sum(w in slug for w in tokens) / max(1, len(tokens)),
            *facts[i], chances[i], *neighbour_means(chances, i),
            below.index(i) if i in below else -1, len(found), sum(k == key for k in keys) - 1,
            bool(rules_key) and key == rules_key, first in headline_lower,
            len(odds) / max(1, len(name_words)), math.fsum(odds) / len(odds) if odds else 0.0, min(odds, default=0.0),
            sum(map(str.isdigit, first)), len(_ODD_CHARACTER.findall(first)), key == names_key([text]),
            _given_name(first) in first_names(), bool(_INITIAL.match(_TITLES.sub("", first))),
            any(names_site(name, site) for name in c.names),
        ))
    return np.array(rows, dtype=float)


def _line_facts(texts: Sequence[str], i: int) -> tuple[bool, ...]:
    """What a candidate's line says of itself: date_on_line ... commenter in FEATURES."""
    text = texts[i]
    beside = [texts[j] for j in (i - 1, i + 1) if 0 <= j < len(texts)]
    return (bool(L.DATE_LIKE.search(text)), any(map(L.is_date_line, beside)),
            L.is_byline(text), L.is_credit(text), L.has_caption_credit(text), text.rstrip().endswith(":"), L.is_commenter(text))


def _given_name(name: str) -> str:
    """The first word of a name past its titles, and of that the part before a hyphen
    ("Benjamin-Immanuel Hoff")."""
    parts = _TITLES.sub("", name).split()
    return parts[0].split("-")[0] if parts else ""


@cache
def first_names() -> frozenset[str]:
    lines = FIRST_NAMES_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def choose(found: Sequence[Candidate], probabilities: np.ndarray, run_on: bool = False) -> list[str]:
    """The writers the likeliest candidate names, unless the model doubts them all (`run_on`: on
    a page joined into one line, by _RUN_ON_DOUBTED)."""
    if not len(found) or probabilities.max() < (_RUN_ON_DOUBTED if run_on else _DOUBTED):
        return []
    return list(found[int(np.argmax(probabilities))].names)


@cache
def shipped_model() -> TreeEnsemble:
    return TreeEnsemble(json.loads(MODEL_PATH.read_text(encoding="utf-8")), FEATURES)
