"""The text-page days model: which dates are its candidates, what its features say of them, how
its choice is made, and the day the stage gives pages that print several dates."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from pipeline.stages.extract import days_model as DM
from pipeline.stages.extract import text_page as TP
from pipeline.stages.extract.line_model import TreeEnsemble
from pipeline.stages.extract.visible_dates import VisibleDate
from tests.text_page_parts import ARTICLE, HEADLINE, MENU, URL


def _day(text: str, url: str = URL, **scorers) -> str | None:
    published = TP.clean_text_page(text, (), url, **scorers).published_at
    return published[:10] if published else None


def _features(texts: list[str], headline: int | None, article: tuple[int, int], url: str = URL) -> list[dict[str, float]]:
    found = DM.candidates(texts, headline, article, None, True)
    rows = DM.days_features(texts, found, headline, article, np.full(len(texts), 0.5), url)
    return [dict(zip(DM.FEATURES, row)) for row in rows]


def test_the_shipped_model_matches_the_features_it_is_given():
    model = json.loads(DM.MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(model["features"]) == DM.FEATURES
    assert DM.shipped_model().probabilities(np.zeros((2, len(DM.FEATURES)))).shape == (2,)


def test_dates_are_read_from_a_little_above_the_headline_to_a_little_past_the_article():
    texts = ["1 May 2020"] + ["Menu entry"] * 20 + ["2 May 2020", HEADLINE, "3 May 2020"] + [ARTICLE] * 3
    texts += ["4 May 2020"] + ["Footer link"] * 30 + ["5 May 2020"]
    found = DM.candidates(texts, 22, (24, 27), None, True)
    assert [(c.line, c.printed.day.day) for c in found] == [(21, 2), (23, 3), (27, 4)]


@pytest.mark.parametrize(("line", "days"), [
    ("Published: 26 September 2020 | Updated: 28 September 2020", [26, 28]),  # a date line: every date on it, in order
    ("By Jane Doe · 3 April 2019", [3]),  # a writer's credit
    ("Dieser Beitrag wurde am 04/02/2020 von Klaus Jung in Bundesgericht veröffentlicht", [4]),
    ("The harbour bridge closed on 3 May 2021, the city said on Tuesday, and reopened a month later.", []),
    ("Bridge reopens on 3 May 2021 after repairs", []),
    ("Öffnungszeiten 2024: 10 bis 18 Uhr, am 24.12.2024 und 31.12.2024 von 10 bis 14 Uhr", []),
    ("Die Messe öffnet am 21.02.2020, 19:30 Uhr im Stadtpark", [21]),  # with its clock time
])
def test_a_date_is_a_candidate_where_a_page_dates_itself_not_where_a_sentence_mentions_it(line, days):
    assert [c.printed.day.day for c in DM.candidates([HEADLINE, line, ARTICLE], 0, (2, 3), None, True)] == days


@pytest.mark.parametrize(("line", "published", "updated"), [
    ("Published: 26 September 2020 | Updated: 28 September 2020", [1, 0], [0, 1]),
    # A longer line's dates are candidates only after a publication label or with a clock time after them.
    ("Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020", [1], [0]),
    ("Last updated 04 Jun 2020, originally created 17 Jun 2019", [0, 1], [1, 0]),
    ("Aktualisiert: 11.04.2020, 10:27", [0], [1]),
    ("Publikacja: 04.05.2021", [1], [0]),
    ("12 March 2024", [0], [0]),
])
def test_the_label_nearest_before_a_date_says_whose_day_it_is(line, published, updated):
    rows = _features([HEADLINE, line, ARTICLE], 0, (2, 3))
    assert [row["published_label"] for row in rows] == published
    assert [row["updated_label"] for row in rows] == updated


def test_features_place_a_date_against_the_headline_the_url_and_the_pages_other_dates():
    texts = ["Thursday, 5 November 2020", HEADLINE, "By Jane Doe · 3 April 2019", ARTICLE, "Jane Doe says:", "7 May 2019 - Reply"]
    header, byline, comment = _features(texts, 1, (3, 4), url="https://blog.example/2019/04/03/ferry/")
    assert header["offset_from_headline"] < 0 < byline["offset_from_headline"]
    assert header["days_before_latest"] == 0 and byline["days_before_latest"] > 0
    assert (header["url_day"], byline["url_day"]) == (0, 1) and byline["url_year"] == 1 and header["url_year"] == 0
    assert byline["credit_on_line"] == 1 and header["credit_on_line"] == 0
    assert comment["reply_cue"] == 1 and comment["commenter_beside"] == 1 and byline["reply_cue"] == 0
    # Without a URL day the feature says so, apart from a day that is not the URL's.
    assert _features(texts, 1, (3, 4), url=URL)[0]["url_day"] == -1


def test_choose_takes_the_likeliest_date_unless_all_are_doubted():
    found = [DM.DayCandidate(1, VisibleDate(date(2020, 11, 5), None, 0)), DM.DayCandidate(3, VisibleDate(date(2019, 4, 3), None, 0))]
    assert DM.choose(found, np.array([0.2, 0.9])) == found[1].printed
    assert DM.choose(found, np.array([0.29, 0.1])) is None
    assert DM.choose([], np.zeros(0)) is None


@pytest.mark.parametrize(("around_headline", "day"), [
    # The site header's "today" above the headline, the article's date line under it.
    ("Thursday, 5 November 2020\n\n" + HEADLINE + "\nBy Jane Doe · 3 April 2019", "2019-04-03"),
    # A later edit's day before the publication's.
    (HEADLINE + "\nAktualisiert: 11.04.2020, 10:27\nPubliziert: 03.04.2020, 12:35", "2020-04-03"),
    (HEADLINE + "\nPublished: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020", "2020-09-26"),
])
def test_the_stage_gives_the_articles_day_among_the_dates_a_page_prints(around_headline, day):
    assert _day(f"{MENU}\n{around_headline}\n\n{ARTICLE}") == day


def test_a_line_of_thousands_of_dates_is_read_for_its_first_few(finishes_within):
    # A calendar joined into one line: every date on it was a candidate, and each read the whole
    # line again (4,000 dates took 23 s, 8,000 over a minute).
    calendar = " ".join(["12:30 1/1/2020"] * 8000)
    assert len(DM.candidates([HEADLINE, calendar, ARTICLE], 0, (2, 3), None, True)) == DM._MOST_ON_A_LINE
    with finishes_within(30):
        assert _day(f"{MENU}\n{HEADLINE}\nBy Jane Doe · 3 April 2019\n\n{ARTICLE}\n{calendar}") in ("2019-04-03", "2020-01-01")


def test_the_evaluation_can_read_pages_with_other_trees_than_the_shipped_ones():
    text = f"{MENU}\nSaturday, 19 October 2019\n\n{HEADLINE}\nFriday, 18 October 2019\n\n{ARTICLE}"
    # Trees that doubt every date leave the day to the rules: the date printed nearest the headline.
    doubting = {"features": list(DM.FEATURES), "baseline": -10.0,
                "trees": [{"feature": [0], "threshold": [0.0], "left": [0], "right": [0], "value": [0.0], "depth": 0}]}
    rules_day = TP.rules_published_at(TP.read_article(text, (), URL, TP.title_model.shipped_model()), URL, None)
    assert _day(text, days_scorer=TreeEnsemble(doubting, DM.FEATURES)) == rules_day[:10]
    # Trees sure of the first candidate give its day.
    sure = {**doubting, "baseline": 10.0}
    assert _day(text, days_scorer=TreeEnsemble(sure, DM.FEATURES)) == "2019-10-19"


def test_a_page_joined_into_one_line_keeps_the_rules_day():
    text = f"{MENU} {HEADLINE}. Published: 12 March 2024. {ARTICLE} {ARTICLE} {ARTICLE} {ARTICLE} {ARTICLE}".replace("\n", " ")
    article = TP.read_article(text, (), URL, TP.title_model.shipped_model())
    assert article.page.run_on
    # Not read for candidates: where its pieces are cut is a guess, and the rules read its date line.
    found, rows = TP.day_rows(article, URL, None)
    assert found == [] and rows.shape == (0, len(DM.FEATURES))
    assert _day(text) == TP.rules_published_at(article, URL, None)[:10] == "2024-03-12"
