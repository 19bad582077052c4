"""How likely each line of a text-only page is article text: boosted trees over line features.

The rules in text_page.py read a page from phrase lists and one prose run. What they cannot
weigh against each other (a short agenda line under the headline, a teaser's summary after
an unlisted "more" heading, the share of the page's prose above and below a line) a model
learned from the labelled pages can: gradient-boosted trees over the features below, the
rules' own reading among them. The trees are trained by `python -m pipeline.eval.line_model`
(scikit-learn, training only) and shipped as JSON; scoring them needs numpy and numba (the walk
down the trees is compiled on first use in each process, in under a second), and the language
stage's first detector to pick the word table.

Features never use blank lines: scrapers flatten pages with and without them, and the model
must read both the same way.

Besides the line's shape and place, its words: how much more often each word is found in
boilerplate than in article lines across the training sites of the page's language
("Newsletter", "Kommentare", "abonnieren" on German pages), counted once per site and kept
when at least 10 sites use it, so that a site's own menu does not make its words boilerplate
everywhere. The tables are learned with the trees and shipped in the same file. One table per
language: in a table learned across languages, the English of German sites' menus ("Home",
"Login", "Shop") made English article lines look like boilerplate, and a page in a language
left out of training lost 0.007 F1 on average, where with per-language tables it does not
(+0.002; docs/extraction.md). A page in
a language without a table is read without words, which the trees learn from the 3 training
pages in 10 whose words are hidden from them.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path

import numpy as np
from numba import njit

from pipeline.stages.extract import lines as L
from pipeline.stages.language.models import naive_bayes

MODEL_PATH = Path(__file__).with_name("line_model.json")
# The trees for a page a scraper joined into one line, read as its pieces (run_on_text): its
# lines are sentences and menu entries, not blocks, and the same features mean other things
# there (one model for both kinds of page cost text/aeb 0.007 on unseen sites).
RUN_ON_MODEL_PATH = Path(__file__).with_name("line_model_run_on.json")

FEATURES = (
    "log_words", "prose", "ends_sentence", "headline_shaped", "position",
    "prose_share_1", "prose_share_3", "prose_share_8", "prose_words_3", "prose_words_10",
    "rules_kept", "inside_rules_span", "distance_to_rules_span",
    "digit_share", "upper_share",
    "byline", "teaser_heading", "inline_teaser", "more_stories", "comment_heading",
    "repeated_on_page", "has_url_headline", "offset_from_url_headline", "share_of_page_prose",
    "commas_per_word", "ends_with_colon",
    "prose_words_before_10", "prose_words_after_10", "prose_share_before_5", "prose_share_after_5",
    "markers_above", "markers_below", "markers_since_rules_start",
    "letter_share", "bars", "link_or_mail", "log_words_vs_median", "prose_above_share", "chars",
    "continues_previous", "continued_by_next",
)
# The columns the word table adds (word_columns), after FEATURES.
WORD_FEATURES = ("word_odds_lowest", "word_odds_mean", "known_words", "word_odds_around")
# Lines either side whose words word_odds_around averages: boilerplate comes in blocks (on unseen
# sites text-nodes/trafilatura-eval 0.867 -> 0.872 with it, the other sets level).
_WORDS_AROUND = 3
# The columns the second pass adds (first_pass_columns), after FEATURES and WORD_FEATURES: the first
# pass's probability of the line, of the lines either side, and their mean weighed by length in
# windows around, above and below it.
FIRST_PASS_FEATURES = (
    "first_pass", "first_pass_above_1", "first_pass_below_1", "first_pass_above_2", "first_pass_below_2",
    "first_pass_around_3", "first_pass_around_10", "first_pass_above_10", "first_pass_below_10",
)
# What the first pass says of a line outside the page (first_pass_above_1 of its first line), and
# how far the neighbours it names reach.
_OFF_PAGE, _REACH = -1.0, 2
_LOG_WORDS = FEATURES.index("log_words")
# The prose a page's language is told from (page_language).
_LANGUAGE_SAMPLE = 1_000
_MIN_WORD_LETTERS = 3
_WORD = re.compile(rf"[^\W\d_]{{{_MIN_WORD_LETTERS},}}")
_ASCII_NON_LETTER = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalpha()})
_PROSE = FEATURES.index("prose")
# exp(709) is float64's largest: a logit past this is as sure as it gets.
_LOGIT_LIMIT = 700.0
# Rows scored together: 1,024 x 200 trees of node indices, a few MB at a time.
_BLOCK = 1024
# How far from the headline the URL spells a line's offset is told apart.
_HEADLINE_REACH = 50
# The widest window of lines a feature sums over (prose_words_10, first_pass_around_10: -10 to 11).
_FEATURE_REACH = 11


# Characters counted per line besides the classes: commas and bars (commas_per_word, bars).
_COMMA, _BAR, _COLON = ord(","), ord("|"), ord(":")


def _class_counts(texts: Sequence[str]) -> tuple[dict[int, np.ndarray], np.ndarray, np.ndarray]:
    """How many digits, capitals, letters, commas and bars each line holds (str.isdigit and the
    rest, keyed by lines.DIGIT, UPPER and LETTER; the marks by their code points), and the code
    point of each line's last character and the class bits of its first (0 for an empty line),
    read for the whole page at once (lines.character_codes)."""
    points, codes = L.character_codes("".join(texts))
    lengths = np.fromiter(map(len, texts), dtype=np.intp, count=len(texts))
    ends = np.cumsum(lengths)
    starts = ends - lengths
    keys = (L.DIGIT, L.UPPER, L.LETTER, _COMMA, _BAR)
    counted = np.stack([(codes & L.DIGIT) > 0, (codes & L.UPPER) > 0, (codes & L.LETTER) > 0, points == _COMMA, points == _BAR])
    running = np.zeros((len(keys), len(points) + 1))
    np.cumsum(counted, axis=1, out=running[:, 1:])
    counts = dict(zip(keys, running[:, ends] - running[:, starts]))
    empty = ends == starts
    first = np.where(empty, 0, np.concatenate([codes, [0]])[starts])
    last = np.where(empty, 0, np.concatenate([[0], points])[ends])
    return counts, first, last


def _window_sums(running: np.ndarray, reach: int) -> Callable[[int, int], np.ndarray]:
    """For each line i, the sum over the page's lines from i + low up to i + high (not included,
    -reach <= low <= high <= reach) of the values whose running sums, 0 before the first line,
    are `running`: a function of (low, high)."""
    n = len(running) - 1
    # Past either end the running sum stays what it is there: padded once rather than clip
    # indices or pad for each window (a page's features take 24 windows, each a difference).
    padded = np.concatenate([np.full(reach, running[0]), running, np.full(reach, running[-1])])

    def sums(low: int, high: int) -> np.ndarray:
        return padded[reach + high:reach + high + n] - padded[reach + low:reach + low + n]

    return sums


def _is_marker(text: str) -> bool:
    """A heading that ends an article on many layouts: comments, more stories, "Also read"."""
    return L.is_more_stories(text) or L.is_comment_heading(text) or L.is_teaser_heading(text)


def line_features(texts: Sequence[str], rules_kept: Sequence[bool], url_headline: int | None) -> np.ndarray:
    """One row of FEATURES per line. `rules_kept`: the rules' reading of the page;
    `url_headline`: the index of the line the page's URL spells, if any."""
    n = len(texts)
    if not n:
        return np.zeros((0, len(FEATURES)))
    at = np.arange(n)

    def each(measure: Callable[[str], float]) -> np.ndarray:
        return np.array([measure(text) for text in texts], dtype=float)

    prose, sizes, chars, ends = each(L.is_prose), each(L.size), each(len), each(L.ends_sentence)
    classes, first_char, last_char = _class_counts(texts)
    log_words = np.log1p(sizes)
    prose_lines = np.concatenate([[0.0], np.cumsum(prose)])
    prose_words = np.concatenate([[0.0], np.cumsum(prose * sizes)])
    markers = np.concatenate([[0.0], np.cumsum(each(_is_marker))])
    lines_before = np.arange(n + 1)
    total = prose_words[-1] or 1.0

    prose_lines_in, lines_in, prose_words_in = (_window_sums(running, _FEATURE_REACH)
                                                for running in (prose_lines, lines_before, prose_words))

    def share(low: int, high: int) -> np.ndarray:
        return prose_lines_in(low, high) / np.maximum(1, lines_in(low, high))

    def words(low: int, high: int) -> np.ndarray:
        return np.log1p(prose_words_in(low, high))

    # A paragraph cut where a link or an emphasis starts and ends (a line per text node): a line
    # the one above leaves unfinished and that opens in lower case goes on the same sentence.
    opens_lower = (first_char & (L.UPPER | L.DIGIT)) == 0
    continues = np.concatenate([[0.0], 1 - ends[:-1]]) * opens_lower
    kept = np.array(rules_kept, dtype=float)
    first, last = (int(np.argmax(kept)), int(n - 1 - np.argmax(kept[::-1]))) if kept.any() else (n, n)
    distance = np.where(at < first, at - first, np.where(at > last, at - last, 0))
    counts = Counter(texts)
    columns = {
        "log_words": log_words, "prose": prose, "ends_sentence": ends,
        "headline_shaped": each(L.is_headline), "position": at / n,
        "prose_share_1": share(-1, 2), "prose_share_3": share(-3, 4), "prose_share_8": share(-8, 9),
        "prose_words_3": words(-3, 4), "prose_words_10": words(-10, 11),
        "rules_kept": kept, "inside_rules_span": (first <= at) & (at <= last),
        "distance_to_rules_span": np.sign(distance) * np.log1p(np.abs(distance)),
        "digit_share": classes[L.DIGIT] / chars, "upper_share": classes[L.UPPER] / chars,
        # Photo credits, share prompts, commenters and promos are left to the rules' furniture
        # (the model did no better with them, and reading them took a quarter of its time).
        "byline": each(L.is_byline), "teaser_heading": each(L.is_teaser_heading),
        "inline_teaser": each(L.is_inline_teaser), "more_stories": each(L.is_more_stories),
        "comment_heading": each(L.is_comment_heading),
        "repeated_on_page": each(lambda t: counts[t] > 1),
        "has_url_headline": np.full(n, url_headline is not None, dtype=float),
        "offset_from_url_headline": (np.zeros(n) if url_headline is None
                                     else np.clip(at - url_headline, -_HEADLINE_REACH, _HEADLINE_REACH)),
        "share_of_page_prose": log_words / np.log1p(total),
        "commas_per_word": classes[_COMMA] / np.maximum(1, sizes),
        "ends_with_colon": (last_char == _COLON).astype(float),
        "prose_words_before_10": words(-10, 0), "prose_words_after_10": words(1, 11),
        "prose_share_before_5": share(-5, 0), "prose_share_after_5": share(1, 6),
        "markers_above": markers[:-1], "markers_below": markers[n] - markers[1:],
        "markers_since_rules_start": np.where(at > first, markers[:-1] - markers[first], 0),
        "letter_share": classes[L.LETTER] / chars,
        "bars": classes[_BAR],
        "link_or_mail": each(lambda t: "http" in t or "www." in t or "@" in t),
        "log_words_vs_median": log_words - np.log1p(_median(sizes)),
        "prose_above_share": prose_words[:-1] / total, "chars": chars,
        "continues_previous": continues, "continued_by_next": np.concatenate([continues[1:], [0.0]]),
    }
    return np.column_stack([columns[name] for name in FEATURES]).astype(float)


def _median(values: np.ndarray) -> float:
    """np.median's value, without its overhead (a twentieth of line_features' time on a page)."""
    ordered = np.sort(values)
    n = len(ordered)
    return float(ordered[(n - 1) // 2] + ordered[n // 2]) / 2


def _letter_runs(text: str) -> set[str]:
    """The words of 3 or more letters a line holds, in lower case, and in an ASCII line its
    shorter runs of letters too (no word table holds one): what is left between its other
    characters made spaces, in half the time of the pattern."""
    lower = text.lower()
    return set(lower.translate(_ASCII_NON_LETTER).split()) if lower.isascii() else set(_WORD.findall(lower))


def words(text: str) -> set[str]:
    """The words of 3 or more letters a line holds, in lower case: those the word table weighs."""
    return {word for word in _letter_runs(text) if len(word) >= _MIN_WORD_LETTERS}


def page_language(texts: Sequence[str], features: np.ndarray) -> str:
    """The language a page's prose is written in (`features`: line_features' rows of the lines
    `texts`, which say which lines are prose), as the language stage's first detector reads it
    (a menu's English on a German page does not decide it): which word table reads the page.
    An empty page has none."""
    if not texts:
        return ""
    prose = features[:, _PROSE] > 0
    sample = " ".join(text for text, is_prose in zip(texts, prose) if is_prose)[:_LANGUAGE_SAMPLE] or " ".join(texts)[:_LANGUAGE_SAMPLE]
    detector = naive_bayes()
    return detector.codes[int(np.argmax(detector.probabilities([sample], [[0]])[0]))]


def word_columns(texts: Sequence[str], word_odds: Mapping[str, float]) -> np.ndarray:
    """WORD_FEATURES for each line: the lowest and the mean log odds (article over
    boilerplate) of its words the table knows, how many it knows, and the mean of the lines
    within _WORDS_AROUND that know one."""
    own = np.zeros((len(texts), 3))
    if word_odds:  # else a page in a language without a table: nothing to look up
        rows = []
        for text in texts:
            odds = list(map(word_odds.__getitem__, filter(word_odds.__contains__, _letter_runs(text))))
            # fsum: a set's order changes with each process's hash seed, a plain sum's last bit with it.
            rows.append((min(odds), math.fsum(odds) / len(odds), len(odds)) if odds else (0.0, 0.0, 0))
        own = np.array(rows, dtype=float).reshape(-1, 3)
    odds_sum = np.concatenate([[0.0], np.cumsum(own[:, 1])])
    lines_known = np.concatenate([[0], np.cumsum(own[:, 2] > 0)])
    odds_in, known_in = (_window_sums(running, _WORDS_AROUND + 1) for running in (odds_sum, lines_known))
    around = odds_in(-_WORDS_AROUND, _WORDS_AROUND + 1) / np.maximum(1, known_in(-_WORDS_AROUND, _WORDS_AROUND + 1))
    return np.column_stack([own, around])


def first_pass_rows(features: np.ndarray, texts: Sequence[str], word_odds: Mapping[str, float]) -> np.ndarray:
    """What the first pass reads of each line: its line_features (`features`, of the lines
    `texts`) and its WORD_FEATURES by the word table `word_odds`. The stage and the training read
    lines through this one function, so that the trees learn the rows they will be given."""
    return np.hstack([features, word_columns(texts, word_odds)])


class TreeEnsemble:
    """Binary gradient-boosted trees flattened into one node table, walked down for every row
    and tree (_leaves) as deep as the deepest tree: a leaf points to itself, so a row that
    reaches one early stays put.
    `features`: the columns the caller's rows have, which must be the ones it was trained on."""

    def __init__(self, model: dict, features: tuple[str, ...] = FEATURES) -> None:
        if tuple(model["features"]) != features:
            raise ValueError("the model was trained on other features; retrain it")
        self.baseline = float(model["baseline"])
        feature, threshold, left, right, value, roots = [], [], [], [], [], []
        depth = 0
        for tree in model["trees"]:
            offset = len(feature)
            roots.append(offset)
            for f, t, lo, hi in zip(tree["feature"], tree["threshold"], tree["left"], tree["right"]):
                leaf = lo == hi == 0
                feature.append(0 if leaf else f)
                threshold.append(math.inf if leaf else t)
                left.append(len(left) if leaf else offset + lo)
                right.append(len(right) if leaf else offset + hi)
            value.extend(tree["value"])
            depth = max(depth, tree["depth"])
        self.feature = np.array(feature, dtype=np.intp)
        self.threshold = np.array(threshold)
        # Row 2k + 1 of the flattened pairs is where node k sends a row that goes left.
        self.children = np.array(list(zip(right, left)), dtype=np.intp).ravel()
        self.value = np.array(value)
        self.roots = np.array(roots, dtype=np.intp)
        self.depth = depth
        self.width = len(features)

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        # A block of rows at a time: the leaf table is rows x trees, and a scraped page can
        # have tens of thousands of lines.
        return np.concatenate([self._probabilities(rows[at:at + _BLOCK]) for at in range(0, len(rows), _BLOCK)] or [np.zeros(0)])

    def _probabilities(self, rows: np.ndarray) -> np.ndarray:
        # The compiled walk does not check its indices: a row too narrow would be read past its end.
        if rows.ndim != 2 or rows.shape[1] != self.width:
            raise ValueError(f"rows of {self.width} features expected, got shape {rows.shape}")
        leaves = _leaves(np.ascontiguousarray(rows, dtype=np.float64), self.roots, self.feature, self.threshold,
                         self.children, self.depth)
        raw = self.baseline + self.value.take(leaves).sum(axis=1)
        # Trees sure of a line (leaves of pure boilerplate) can sum past what exp() holds.
        return 1.0 / (1.0 + np.exp(-np.clip(raw, -_LOGIT_LIMIT, _LOGIT_LIMIT)))


@njit
def _leaves(rows: np.ndarray, roots: np.ndarray, feature: np.ndarray, threshold: np.ndarray, children: np.ndarray,
            depth: int) -> np.ndarray:
    """The leaf each row reaches in each tree (TreeEnsemble's flattened node table). Compiled: numpy's
    gathers, one per step for all rows and trees, made the trees a seventh of a text page's time and
    most of a short page's fixed cost. A tree's rows step down together, level by level: their
    walks are independent, so the processor overlaps their reads (row by row, each step waits on
    the one before, and the walk took three times as long)."""
    n, trees = rows.shape[0], roots.shape[0]
    node = np.empty((n, trees), dtype=np.intp)
    for tree in range(trees):
        for row in range(n):
            node[row, tree] = roots[tree]
        for _ in range(depth):
            for row in range(n):
                at = node[row, tree]
                node[row, tree] = children[2 * at + (rows[row, feature[at]] <= threshold[at])]
    return node


def first_pass_columns(features: np.ndarray, first_pass: np.ndarray) -> np.ndarray:
    """FIRST_PASS_FEATURES for each line: `first_pass`, the first trees' probabilities of the lines
    whose line_features are `features`."""
    n = len(first_pass)
    sizes = np.maximum(1.0, np.expm1(features[:, _LOG_WORDS]))
    weighed = np.concatenate([[0.0], np.cumsum(first_pass * sizes)])
    lengths = np.concatenate([[0.0], np.cumsum(sizes)])
    padded = np.concatenate([np.full(_REACH, _OFF_PAGE), first_pass, np.full(_REACH, _OFF_PAGE)])

    def neighbour(offset: int) -> np.ndarray:
        return padded[_REACH + offset:_REACH + offset + n]

    weighed_in, lengths_in = _window_sums(weighed, _FEATURE_REACH), _window_sums(lengths, _FEATURE_REACH)

    def mean(low: int, high: int) -> np.ndarray:
        return weighed_in(low, high) / np.maximum(1.0, lengths_in(low, high))

    return np.column_stack([first_pass, neighbour(-1), neighbour(1), neighbour(-2), neighbour(2),
                            mean(-3, 4), mean(-10, 11), mean(-10, 0), mean(1, 11)]).reshape(n, len(FIRST_PASS_FEATURES))


class LineProbabilities:
    """How likely each line of a page is article text, by each use: `first`, the first pass's,
    which places the article run (and which the title and writers models read); `both(start,
    end)`, the mean of both passes' for the lines of that run, which says which of them are
    article text. The second pass reads a line among lines the first is sure of (a subheading, a
    short line of a list) better, but it also lifts the first line after an article's end (a list
    of other headlines after the last paragraph): where the run ends is the first pass's to say.
    The second pass reads only the run's lines: they are a fifth of a page's, and nothing else
    needs it (the trees took a third of a text page's time when it read them all)."""

    def __init__(self, first: np.ndarray, rows: np.ndarray, features: np.ndarray, second_pass: TreeEnsemble) -> None:
        self.first = first
        self._rows, self._features, self._second_pass = rows, features, second_pass

    def both(self, start: int, end: int) -> np.ndarray:
        """The mean of both passes' probabilities of lines `start` to `end` (not included)."""
        around = first_pass_columns(self._features, self.first)[start:end]
        second = self._second_pass.probabilities(np.hstack([self._rows[start:end], around]))
        return (self.first[start:end] + second) / 2


class LineModel:
    """The trees and the word tables (by language) they were trained with (`model`: a line
    model file's content). Two passes of trees: the first reads each line and its neighbourhood,
    the second also what the first made of the lines around it (LineProbabilities)."""

    def __init__(self, model: dict) -> None:
        self.first_pass = TreeEnsemble(model, FEATURES + WORD_FEATURES)
        self.second_pass = TreeEnsemble(model["second_pass"], FEATURES + WORD_FEATURES + FIRST_PASS_FEATURES)
        self.word_odds: dict[str, dict[str, float]] = model["word_odds"]

    def word_table(self, features: np.ndarray, texts: Sequence[str]) -> Mapping[str, float]:
        """The word table of the page's language (empty for a language without one)."""
        return self.word_odds.get(page_language(texts, features), {})

    def probabilities(self, features: np.ndarray, texts: Sequence[str], table: Mapping[str, float] | None = None) -> LineProbabilities:
        """How likely each line is article text: `features`, line_features' rows of the lines
        `texts`; `table`: their word table, when the caller has looked it up already."""
        table = self.word_table(features, texts) if table is None else table
        rows = first_pass_rows(features, texts, table)
        return LineProbabilities(self.first_pass.probabilities(rows), rows, features, self.second_pass)


@cache
def shipped_model(run_on: bool = False) -> LineModel:
    """The shipped model; with `run_on`, the one for a page read as the pieces of its one line."""
    return LineModel(json.loads((RUN_ON_MODEL_PATH if run_on else MODEL_PATH).read_text(encoding="utf-8")))
