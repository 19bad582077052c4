"""The text-page title model: its candidates, its features, how its choice is made, and what the stage does with it."""

from __future__ import annotations

import json

import numpy as np

from pipeline.stages.extract import text_page as TP
from pipeline.stages.extract import title_model as TM
from pipeline.stages.extract.line_model import TreeEnsemble
from pipeline.stages.extract.site_memory import fingerprint
from tests.text_page_parts import ARTICLE, MENU

RELATED = "More stories\nHarbour bridge reopens after two years of repairs\nSchools get new heating systems before winter"


def _page(top: str, url: str = "https://rheinblatt.example/p?id=7") -> TP.TextArticle:
    return TP.clean_text_page(f"{MENU}\n\n{top}\n\n{ARTICLE}\n\n{RELATED}", (), url)


def test_the_shipped_model_matches_the_features_it_is_given():
    model = json.loads(TM.MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(model["features"]) == TM.FEATURES
    rows = np.zeros((2, len(TM.FEATURES)))
    assert TM.shipped_model().probabilities(rows).shape == (2,)


def test_the_headline_among_menu_section_byline_and_date_lines_is_the_title():
    article = _page("Politics\nCity council passes budget after six-hour debate\nBy Anna Beispiel\n12 March 2024")
    assert article.title == "City council passes budget after six-hour debate"
    assert article.published_at == "2024-03-12T00:00:00Z"
    assert article.authors == ["Anna Beispiel"]
    assert article.paragraphs == ARTICLE.split("\n")


def test_the_line_the_url_spells_is_the_title_without_asking_the_model():
    url = "https://rheinblatt.example/politics/schools-get-new-heating-systems-before-winter"
    article = _page("Politics\nCity council passes budget after six-hour debate", url)
    assert article.title == "Schools get new heating systems before winter"


def test_a_page_without_a_headline_gets_no_title_not_its_menu_or_first_sentence():
    assert TP.clean_text_page(f"{MENU}\n\n{ARTICLE}").title is None
    # A scraper's article text alone: its lead is no title and stays in the text.
    lead_only = TP.clean_text_page(ARTICLE)
    assert lead_only.title is None
    assert lead_only.paragraphs == ARTICLE.split("\n")


def test_candidates_are_around_the_article_start_above_its_end_and_no_sentences():
    texts = ["Menu"] * 40 + ["A headline of some words", "A sentence of running text that ends here, as a lead does.",
                             "Article line one", "Article line two", "Below the article"]
    at = TM.candidates(texts, (41, 44))
    assert at == list(range(41 - TM.ABOVE_ARTICLE, 41)) + [42, 43]


def test_choose_takes_the_likeliest_the_headline_inside_a_breadcrumb_and_nothing_when_all_are_doubted():
    texts = ["Home", "Home World Budget passes after long night", "Budget passes after long night", "By Jane Doe"]
    assert TM.choose(texts, np.array([0.1, 0.2, 0.05, 0.3])) == 3
    # The likeliest holds another candidate of a few words and more: that one.
    assert TM.choose(texts, np.array([0.1, 0.6, 0.05, 0.3])) == 2
    assert TM.choose(texts, np.array([0.001, 0.002, 0.005, 0.003])) is None
    assert TM.choose([], np.zeros(0)) is None


def test_lines_ending_and_starting_with_a_candidate_are_counted():
    texts = ["Budget passes - Rheinblatt", "Home » Politics » Budget passes", "Budget passes", "budget passes",
             "Another line", "Budget passes after all"]
    at = [2]
    rows = TM.title_features(texts, at, np.zeros(len(texts)), (4, 5), [False] * len(texts), None, "")
    features = dict(zip(TM.FEATURES, rows[0]))
    assert features["repeats_on_page"] == 2  # the same words in other cases
    assert features["lines_ending_with_it"] == 1
    assert features["lines_starting_with_it"] == 2


def test_the_headline_heading_the_article_run_is_no_paragraph_but_a_subheading_lower_down_stays():
    headed = TP.clean_text_page(f"{MENU}\n\nCity council passes budget after six-hour debate\n{ARTICLE}")
    assert headed.title == "City council passes budget after six-hour debate"
    assert headed.paragraphs == ARTICLE.split("\n")


def test_a_line_of_the_sites_template_is_no_title():
    top = "Politics\nCity council passes budget after six-hour debate\nBy Anna Beispiel\n12 March 2024"
    text = f"{MENU}\n\n{top}\n\n{ARTICLE}\n\n{RELATED}"
    chosen = TP.clean_text_page(text).title
    assert chosen == "City council passes budget after six-hour debate"
    # The same line on many of the site's pages (its slogan, say) is template, not this page's title.
    assert TP.clean_text_page(text, {fingerprint(chosen)}).title != chosen


def test_the_evaluation_can_read_pages_with_other_trees_than_the_shipped_ones():
    text = f"{MENU}\n\nPolitics\nCity council passes budget after six-hour debate\n12 March 2024\n\n{ARTICLE}\n\n{RELATED}"
    assert TP.clean_text_page(text).title == "City council passes budget after six-hour debate"
    # Trees that doubt every line: no title, whatever the shipped ones say.
    doubting = {"features": list(TM.FEATURES), "baseline": -10.0,
                "trees": [{"feature": [0], "threshold": [0.0], "left": [0], "right": [0], "value": [0.0], "depth": 0}]}
    assert TP.clean_text_page(text, title_scorer=TreeEnsemble(doubting, TM.FEATURES)).title is None
