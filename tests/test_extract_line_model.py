"""The text-page line model: tree evaluation, its features, and what it adds to the rules."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from pipeline.stages.extract import text_page as TP
from pipeline.stages.extract.line_model import FEATURES, MODEL_PATH, RUN_ON_MODEL_PATH, TreeEnsemble, line_features, shipped_model

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


def test_a_long_page_is_scored_in_blocks_with_the_same_result():
    rows = np.random.default_rng(0).normal(0, 3, size=(2_500, len(FEATURES)))
    model = shipped_model()
    assert np.array_equal(model.probabilities(rows), np.concatenate([model.probabilities(rows[i:i + 1]) for i in range(len(rows))]))
    assert model.probabilities(rows[:0]).shape == (0,)


def test_a_model_trained_on_other_features_is_refused():
    with pytest.raises(ValueError, match="retrain"):
        TreeEnsemble({**TOY, "features": list(FEATURES[:-1])})


@pytest.mark.parametrize("path, run_on", [(MODEL_PATH, False), (RUN_ON_MODEL_PATH, True)])
def test_the_shipped_models_match_the_features_they_are_given(path, run_on):
    model = json.loads(path.read_text(encoding="utf-8"))
    assert model["features"] == list(FEATURES) and len(model["trees"]) > 0
    rows = line_features(["A line", "Another line of text that goes on."], [False, True], None)
    assert rows.shape == (2, len(FEATURES))
    assert shipped_model(run_on).probabilities(rows).shape == (2,)
    assert shipped_model(run_on) is not shipped_model(not run_on)


def test_features_do_not_depend_on_blank_lines():
    text = "Menu\nNews\n\nA headline here\n\n" + "\n\n".join(f"Sentence number {i} of the article goes on a while." for i in range(5))
    features = [line_features([line.text for line in lines], [line.text.startswith("Sentence") for line in lines], 2)
                for lines in (TP.split_lines(text), TP.split_lines(text.replace("\n\n", "\n")))]
    assert np.array_equal(*features)


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
