"""The text-page line model: tree evaluation, its features, and what it adds to the rules."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import warnings

import numpy as np
import pytest

from pipeline.stages.extract import text_page as TP
from pipeline.eval import line_model as training
from pipeline.stages.extract.line_model import (
    FEATURES, FIRST_PASS_FEATURES, MODEL_PATH, RUN_ON_MODEL_PATH, WORD_FEATURES, LineModel, TreeEnsemble,
    first_pass_columns, line_features, page_language, shipped_model, word_columns, words,
)

LOG_WORDS, PROSE = FEATURES.index("log_words"), FEATURES.index("prose")


def _leaf(value: float) -> tuple[int, float, int, int, float]:
    return 0, 0.0, 0, 0, value


def _tree(*nodes: tuple[int, float, int, int, float]) -> dict:
    feature, threshold, left, right, value = map(list, zip(*nodes))
    return {"feature": feature, "threshold": threshold, "left": left, "right": right, "value": value, "depth": 2}


# Tree 1: log_words <= 1 -> -1, else +2. Tree 2: not prose -> 0; prose: log_words <= 2 -> 0.5, else 1.
TOY = {
    "features": list(FEATURES),
    "baseline": -0.5,
    "trees": [
        _tree((LOG_WORDS, 1.0, 1, 2, 0.0), _leaf(-1.0), _leaf(2.0)),
        _tree((PROSE, 0.5, 1, 2, 0.0), _leaf(0.0), (LOG_WORDS, 2.0, 3, 4, 0.0), _leaf(0.5), _leaf(1.0)),
    ],
}


def _rows(*pairs: tuple[float, float]) -> np.ndarray:
    rows = np.zeros((len(pairs), len(FEATURES)))
    for row, (log_words, prose) in zip(rows, pairs):
        row[LOG_WORDS], row[PROSE] = log_words, prose
    return rows


def test_each_tree_is_walked_to_its_leaf_and_the_sum_squashed():
    raw = [-0.5 - 1.0 + 0.0, -0.5 + 2.0 + 0.5, -0.5 + 2.0 + 1.0, -0.5 - 1.0 + 0.5]
    # A value equal to the threshold goes left, as in scikit-learn.
    got = TreeEnsemble(TOY).probabilities(_rows((0.5, 0.0), (2.0, 1.0), (3.0, 1.0), (1.0, 1.0)))
    assert got == pytest.approx([1 / (1 + math.exp(-r)) for r in raw])


def test_trees_sure_beyond_what_exp_holds_give_0_or_1_without_a_warning():
    sure = {**TOY, "baseline": -900.0}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert TreeEnsemble(sure).probabilities(_rows((0.5, 0.0)))[0] == pytest.approx(0.0, abs=1e-300)
        assert TreeEnsemble({**sure, "baseline": 900.0}).probabilities(_rows((0.5, 0.0))).tolist() == [1.0]


def test_a_long_page_is_scored_in_blocks_with_the_same_result():
    rows = np.random.default_rng(0).normal(0, 3, size=(2_500, len(FEATURES + WORD_FEATURES)))
    model = shipped_model().first_pass
    assert np.array_equal(model.probabilities(rows), np.concatenate([model.probabilities(rows[i:i + 1]) for i in range(len(rows))]))
    assert model.probabilities(rows[:0]).shape == (0,)



def _walk_by_hand(tree: dict, row: np.ndarray) -> float:
    node = 0
    while not tree["left"][node] == tree["right"][node] == 0:
        node = tree["left"][node] if row[tree["feature"][node]] <= tree["threshold"][node] else tree["right"][node]
    return tree["value"][node]


def test_the_compiled_walk_reaches_the_leaves_the_model_file_describes():
    """Row by row down each tree of the shipped file, in Python: the same sums, for rows given in
    any layout (a column slice, float32) and with missing values (NaN goes right, as no threshold
    holds it)."""
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    width = len(FEATURES + WORD_FEATURES)
    wide = np.random.default_rng(1).normal(0, 3, size=(40, 2 * width))
    wide[::7, ::5] = np.nan
    for rows in (wide[:, ::2], wide[:, :width].astype(np.float32)):
        expected = [model["baseline"] + math.fsum(_walk_by_hand(tree, row) for tree in model["trees"]) for row in rows]
        got = shipped_model().first_pass.probabilities(rows)
        assert got == pytest.approx([1 / (1 + math.exp(-r)) for r in expected], rel=1e-12)


def test_rows_of_another_width_are_refused_not_read_past_their_end():
    model = shipped_model().first_pass
    for rows in (np.zeros((3, len(FEATURES))), np.zeros((3, 100)), np.zeros(len(FEATURES + WORD_FEATURES))):
        with pytest.raises(ValueError, match="features expected"):
            model.probabilities(rows)

def test_a_model_trained_on_other_features_is_refused():
    with pytest.raises(ValueError, match="retrain"):
        TreeEnsemble({**TOY, "features": list(FEATURES[:-1])})


@pytest.mark.parametrize("path, run_on", [(MODEL_PATH, False), (RUN_ON_MODEL_PATH, True)])
def test_the_shipped_models_match_the_features_they_are_given(path, run_on):
    model = json.loads(path.read_text(encoding="utf-8"))
    assert model["features"] == list(FEATURES + WORD_FEATURES) and len(model["trees"]) > 0
    assert model["second_pass"]["features"] == list(FEATURES + WORD_FEATURES + FIRST_PASS_FEATURES)
    assert len(model["second_pass"]["trees"]) > 0
    assert {"de", "en"} <= model["word_odds"].keys() and len(model["word_odds"]["en"]) > 500
    texts = ["A line", "Another line of text that goes on."]
    rows = line_features(texts, [False, True], None)
    assert rows.shape == (2, len(FEATURES))
    probabilities = shipped_model(run_on).probabilities(rows, texts)
    assert probabilities.first.shape == probabilities.both(0, 2).shape == (2,)
    assert shipped_model(run_on) is not shipped_model(not run_on)


def test_features_do_not_depend_on_blank_lines():
    text = "Menu\nNews\n\nA headline here\n\n" + "\n\n".join(f"Sentence number {i} of the article goes on a while." for i in range(5))
    features = [line_features([line.text for line in lines], [line.text.startswith("Sentence") for line in lines], 2)
                for lines in (TP.split_lines(text), TP.split_lines(text.replace("\n\n", "\n")))]
    assert np.array_equal(*features)


def test_a_paragraph_cut_at_its_links_reads_as_lines_going_on_the_sentence_above():
    texts = [
        "The council approved the plan after a debate with",  # cut where a link starts
        "Mayor Jane Doe",  # the link: in capitals, going on all the same
        "on Tuesday, the statement said.",
        "iPhone sales rose in the quarter.",  # lower case, but the sentence above has ended
    ]
    rows = line_features(texts, [True] * len(texts), None)
    columns = [FEATURES.index("continues_previous"), FEATURES.index("continued_by_next")]
    assert rows[:, columns].tolist() == [[0, 0], [0, 1], [1, 0], [0, 0]]


def test_the_second_pass_reads_the_first_pass_around_each_line():
    # Five lines of 1, 3, 1, 1 and 4 words (log_words is log1p of a line's words).
    features = _rows(*((math.log1p(words), 0.0) for words in (1, 3, 1, 1, 4)))
    first = np.array([0.2, 0.8, 0.4, 0.0, 1.0])
    got = first_pass_columns(features, first)
    assert got.shape == (5, len(FIRST_PASS_FEATURES))
    column = {name: got[:, i] for i, name in enumerate(FIRST_PASS_FEATURES)}
    assert column["first_pass"].tolist() == first.tolist()
    # Off the page a neighbour reads -1.
    assert column["first_pass_above_1"].tolist() == [-1.0, 0.2, 0.8, 0.4, 0.0]
    assert column["first_pass_below_1"].tolist() == [0.8, 0.4, 0.0, 1.0, -1.0]
    assert column["first_pass_above_2"].tolist() == [-1.0, -1.0, 0.2, 0.8, 0.4]
    assert column["first_pass_below_2"].tolist() == [0.4, 0.0, 1.0, -1.0, -1.0]
    # Means weighed by words: the line and 3 either side; all 10 above, not the line itself.
    assert column["first_pass_around_3"][0] == pytest.approx((0.2 + 3 * 0.8 + 0.4 + 0.0) / 6)
    assert column["first_pass_around_10"][2] == pytest.approx((0.2 + 2.4 + 0.4 + 0.0 + 4.0) / 10)
    assert column["first_pass_above_10"].tolist() == pytest.approx([0.0, 0.2, 2.6 / 4, 3.0 / 5, 3.0 / 6])
    assert column["first_pass_below_10"].tolist() == pytest.approx([6.8 / 9, 4.4 / 6, 4.0 / 5, 1.0, 0.0])
    assert first_pass_columns(features[:0], first[:0]).shape == (0, len(FIRST_PASS_FEATURES))


def test_a_lines_probability_is_the_mean_of_both_passes():
    # The first pass is sure of nothing (0.5 everywhere); the second reads what the first made
    # of the line above: off the page (the first line) -> -3, else +3.
    above = len(FEATURES + WORD_FEATURES) + FIRST_PASS_FEATURES.index("first_pass_above_1")
    model = {
        "features": list(FEATURES + WORD_FEATURES), "baseline": 0.0, "trees": [], "word_odds": {},
        "second_pass": {"features": list(FEATURES + WORD_FEATURES + FIRST_PASS_FEATURES), "baseline": 0.0,
                        "trees": [_tree((above, 0.0, 1, 2, 0.0), _leaf(-3.0), _leaf(3.0))]},
    }
    texts = ["One", "Two", "Three"]
    got = LineModel(model).probabilities(line_features(texts, [False] * 3, None), texts)
    second = [1 / (1 + math.exp(3.0)), 1 / (1 + math.exp(-3.0)), 1 / (1 + math.exp(-3.0))]
    assert got.first.tolist() == [0.5, 0.5, 0.5]
    assert got.both(0, 3).tolist() == pytest.approx([(0.5 + p) / 2 for p in second])
    # Read for some lines only (the article run's), each line is read as among all of them.
    assert got.both(1, 3).tolist() == pytest.approx([(0.5 + p) / 2 for p in second[1:]])
    assert got.both(2, 2).shape == (0,)


class _Passes:
    """A line model that says what the test tells it: `first` and `both` by line text."""

    def __init__(self, first: dict[str, float], both: dict[str, float]) -> None:
        self.first, self.both = first, both

    def word_table(self, features, texts):
        return {}

    def probabilities(self, features, texts, table=None):
        return _Told(np.array([self.first[t] for t in texts]), np.array([self.both[t] for t in texts]))


class _Told:
    def __init__(self, first: np.ndarray, both: np.ndarray) -> None:
        self.first, self._both = first, both

    def both(self, start: int, end: int) -> np.ndarray:
        return self._both[start:end]


def test_the_first_pass_places_the_article_and_both_passes_choose_its_lines(monkeypatch):
    article = [f"Paragraph {n} of the council's budget story goes on for a while, as such paragraphs do." for n in range(4)]
    lines = ["Home", "News", *article[:2], "What comes next", *article[2:], "Storm leaves thousands without power"]
    first = {text: 0.95 if text in article else 0.05 for text in lines}
    first["What comes next"] = 0.3  # a subheading the first pass doubts
    # The second pass is sure of the subheading and lifts the headline after the article too.
    both = {**first, "What comes next": 0.7, "Storm leaves thousands without power": 0.7}
    monkeypatch.setattr(TP.line_model, "shipped_model", lambda run_on=False: _Passes(first, both))
    assert TP.clean_text_page("\n".join(lines)).paragraphs == [*article[:2], "What comes next", *article[2:]]


AGENDA = [
    "Welcome and introductions (15 mins)",
    "Two short talks on community workshops (30 mins)",
    "Open exchange: what worked in your group (1 hour)",
    "Small groups (30 mins)",
    "Planning the summer fair (20 mins)",
]
MEETUP = "\n".join([
    "Harbour Town Makers", "Home", "About us", "Events", "Blog", "Contact",
    "Spring meetup 2024", "Posted on 11/04/2024 by organiser01", "Agenda", *AGENDA,
    "Share this:", "Twitter", "Facebook", "Like this:", "Leave a Reply",
    "Fill in your details below or click an icon to log in:",
    "Notify me of new comments via email.", "Notify me of new posts via email.", "Blog at WordPress.com.",
])


def test_an_article_without_sentences_is_found_by_the_model():
    # The rules look for prose and find only the comment form's prompts; the model reads the
    # agenda under the headline the URL spells as the post.
    url = "https://harbourmakers.example.org/2024/04/11/spring-meetup-2024/"
    rules = TP.read_by_rules(TP.split_lines(MEETUP))
    assert not any(kept and line.text in AGENDA for line, kept in zip(TP.split_lines(MEETUP), rules.kept))
    paragraphs = TP.clean_text_page(MEETUP, (), url).paragraphs
    assert all(item in paragraphs for item in AGENDA)
    assert not {"Home", "Contact", "Twitter", "Share this:", "Blog at WordPress.com."} & set(paragraphs)


def test_word_columns_weigh_the_words_a_table_knows_and_those_around():
    table = {"newsletter": -2.0, "abonnieren": -1.0, "stadtrat": 1.0}
    got = word_columns(["Newsletter jetzt abonnieren!", "Ok", "Der Stadtrat tagte am 3. Mai."], table)
    # lowest, mean, how many known, mean of the lines within 3 that know a word
    assert got.tolist() == [[-2.0, -1.5, 2, -0.25], [0.0, 0.0, 0, -0.25], [1.0, 1.0, 1, -0.25]]
    assert word_columns([], table).shape == (0, len(WORD_FEATURES))
    around = word_columns(["Newsletter", "-", "-", "-", "Stadtrat", "-", "-", "-", "-"], table)[:, 3]
    assert around.tolist() == [-2.0, -0.5, -0.5, -0.5, 1.0, 1.0, 1.0, 1.0, 0.0]


def test_a_page_is_in_the_language_of_its_prose_not_of_its_menu():
    menu = ["Home", "Login", "Shop", "Contact", "Newsletter", "About us", "Privacy policy", "Terms of use",
            "Cookie settings", "Advertise with us", "Careers", "Press room", "Subscribe", "Sign in", "Follow us on Twitter",
            "Jobs", "Weather", "Traffic", "Sports", "Business", "Entertainment", "Health", "Science", "Technology"]
    prose = ["Die Stadt baut in diesem Jahr drei neue Radwege entlang des Flusses, wie die Verwaltung mitteilte.",
             "Die Arbeiten sollen im Frühjahr beginnen und bis zum Herbst abgeschlossen sein."]
    # A menu longer than the sample a language is told from, above the article, is not read.
    texts = menu * 10 + prose
    assert page_language(texts, line_features(texts, [False] * len(texts), None)) == "de"
    assert page_language(menu, line_features(menu, [False] * len(menu), None)) == "en"
    assert page_language([], line_features([], [], None)) == ""


GERMAN_PAGE = "\n".join([
    "Startseite", "Lokales", "Sport", "Neue Radwege an der Wertach",
    "Die Stadt Augsburg baut in diesem Jahr drei neue Radwege entlang der Wertach, wie die Verwaltung am Montag mitteilte.",
    "Die Arbeiten sollen im Frühjahr beginnen und bis zum Herbst abgeschlossen sein, sagte ein Sprecher der Stadt.",
    "Insgesamt investiert die Stadt rund vier Millionen Euro in das Vorhaben, das auch neue Ampeln umfasst.",
    "Der Stadtrat hatte dem Plan im Dezember mit großer Mehrheit zugestimmt.",
    "Verpassen Sie keine Nachrichten mehr aus Ihrer Region und melden Sie sich jetzt für unseren kostenlosen Newsletter an.",
    "Kommentare", "Impressum",
])


def test_the_words_of_the_pages_language_tell_a_prompt_written_as_prose_from_the_article():
    page = TP.read_page(GERMAN_PAGE, (), "https://www.example-zeitung.de/lokales/neue-radwege-an-der-wertach")
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    prompt = next(i for i, text in enumerate(page.texts) if text.startswith("Verpassen"))
    reading = LineModel(shipped).probabilities(page.features, page.texts).both(0, len(page.texts))
    # Without words, its shape and place make it article text; its words ("Newsletter",
    # "verpassen") make it much less likely, the article's sentences stay sure.
    blind = LineModel({**shipped, "word_odds": {}}).probabilities(page.features, page.texts).both(0, len(page.texts))
    assert blind[prompt] > TP._ARTICLE_PROBABILITY
    assert reading[prompt] < blind[prompt] - 0.15 and min(reading[4:8]) > 0.9
    # A table learned on pages of another language is not used.
    other = LineModel({**shipped, "word_odds": {"en": shipped["word_odds"]["de"]}}).probabilities(page.features, page.texts).both(0, len(page.texts))
    assert np.array_equal(other, blind)
    # The stage looks the table up once, for the trees and the writers model: the same reading.
    table = LineModel(shipped).word_table(page.features, page.texts)
    assert table is shipped["word_odds"]["de"]
    assert np.array_equal(LineModel(shipped).probabilities(page.features, page.texts, table).both(0, len(page.texts)), reading)


def _training_page(url: str, lines: dict[str, float], language: str = "de") -> training.Page:
    texts = list(lines)
    return training.Page(url, language, [TP.Line(text, False) for text in texts], None, np.zeros((len(texts), len(FEATURES))),
                         np.array(list(lines.values())), np.ones(len(texts)), False)


def test_the_word_table_counts_the_sites_that_use_a_word_not_its_lines():
    # "Abonnieren" closes 10 sites' pages; "Wertach" is in one site's menu on 12 of its pages.
    pages = [_training_page(f"https://site{n}.example/a", {"Jetzt abonnieren": 0.0, "Er tagte lange.": 1.0}) for n in range(10)]
    pages += [_training_page(f"https://www.wertach.example/{n}", {"Wertach": 0.0, "Er tagte lange.": 1.0}) for n in range(12)]
    pages += [_training_page("https://site0.example/b", {"Jetzt abonnieren": 0.0}, language="en")]
    odds = training.word_odds([p for p in pages if p.language == "de"])
    assert odds["abonnieren"] < 0 < odds["tagte"] and "wertach" not in odds
    assert "jetzt" in odds and "er" not in odds  # words of 3+ letters
    assert training.word_tables(pages).keys() == {"de"}  # too few sites for an English table


def test_word_columns_do_not_depend_on_the_processs_hash_seed():
    # A line's words are a set, whose order changes with each process's hash seed; summed in
    # one order these odds give 0.6000000000000001, in another 0.6.
    script = ("from pipeline.stages.extract.line_model import word_columns; "
              "print(repr(word_columns(['alpha bravo charlie'], {'alpha': 0.1, 'bravo': 0.2, 'charlie': 0.3})[0, 1]))")
    means = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(8)}
    assert len(means) == 1


@pytest.mark.parametrize("text", ["Don't stop: it's 2024's best (really) song_name!", "Ab abc ABCD a1bcd x_yz", "Größe und Schönheit", ""])
def test_the_words_the_table_weighs_are_runs_of_three_letters_or_more(text):
    assert words(text) == set(re.findall(r"[^\W\d_]{3,}", text.lower()))
