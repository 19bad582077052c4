"""The text-page writers model: how lines are read for names, its features, how its choice is
made, and the writers the stage gives pages in the forms bylines are printed in."""

from __future__ import annotations

import json

import numpy as np
import pytest

from pipeline.stages.extract import text_page as TP
from pipeline.stages.extract import writers_model as WM
from pipeline.stages.extract.bylines import clean_authors
from pipeline.stages.extract.line_model import TreeEnsemble
from pipeline.stages.extract.tidy import drop_writer_bio, drop_writer_lines, tidy
from tests.text_page_parts import ARTICLE, HEADLINE, MENU, URL


def _writers(lines_under_headline: str, after_article: str = "", url: str = URL) -> list[str]:
    text = f"{MENU}\n{HEADLINE}\n{lines_under_headline}\n\n{ARTICLE}\n{after_article}"
    return TP.clean_text_page(text, (), url).authors


def _readings(line: str, word_odds: dict[str, float] | None = None) -> list[tuple[int, tuple[str, ...]]]:
    return [(c.kind, c.names) for c in WM.candidates([HEADLINE, line, ARTICLE], 0, (2, 3), word_odds or {}) if c.line == 1]


def test_the_shipped_model_matches_the_features_it_is_given():
    model = json.loads(WM.MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(model["features"]) == WM.FEATURES
    assert WM.shipped_model().probabilities(np.zeros((2, len(WM.FEATURES)))).shape == (2,)


def test_the_first_name_list_is_shipped_lower_cased_without_its_header():
    names = WM.first_names()
    assert {"karin", "thomas", "marie", "jan", "giampiero", "iwona", "olga", "mehmet", "joão"} <= names
    assert not any(name.startswith("#") or name != name.lower() for name in names)
    # Faker's data, so its MIT licence goes with it.
    header = "\n".join(line for line in WM.FIRST_NAMES_PATH.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    assert "Copyright (c) 2012 Daniele Faraglia" in header and "Permission is hereby granted" in header


@pytest.mark.parametrize(("line", "readings"), [
    ("By Jane Doe and John Roe", [(WM.LABELLED, ("Jane Doe", "John Roe"))]),
    ("ByJ.R. Stone", [(WM.LABELLED, ("J.R. Stone",))]),
    ("Marie Rövekamp", [(WM.BARE, ("Marie Rövekamp",))]),
    ("Janic Cathomen, 01.12.2021", [(WM.BARE, ("Janic Cathomen",))]),
    ("Chris Davies - Nov 19, 2019, 8:15 pm CST", [(WM.BARE, ("Chris Davies",))]),
    # The part before a bar, when the whole line reads otherwise.
    ("Arne Sjöström | 29. Dezember 2022 | HR-Welt", [(WM.BARE, ("Arne Sjöström",)), (WM.PART, ("HR-Welt",))]),
    ("01. Dez. 2022 | 14:08 Uhr | von Jona Göbelbecker", [(WM.BARE, ("Jona Göbelbecker",))]),
    # A name run into a date or a link is parted from it, and read only parted.
    ("Shana Nys DambrotNovember 6, 2023", [(WM.PART, ("Shana Nys Dambrot",))]),
    # A name's own capital after a short prefix is no run-into.
    ("Tom McDonald", [(WM.BARE, ("Tom McDonald",))]),
    # A running sentence names nobody.
    ("The council will meet again next week to discuss it", []),
])
def test_a_line_is_read_for_names_labelled_or_not_whole_or_in_parts(line, readings):
    assert _readings(line) == readings


def test_a_label_alone_on_its_line_credits_the_name_on_the_next():
    found = WM.candidates([HEADLINE, "By", "Jane Doe", ARTICLE], 0, (3, 4), {})
    assert (1, WM.LABEL_ABOVE, ("Jane Doe",)) in [(c.line, c.kind, c.names) for c in found]


def test_an_unlabelled_line_whose_words_the_word_table_all_knows_names_nobody():
    table = {"alle": -2.0, "anzeigen": -3.0}
    assert _readings("Alle Anzeigen") == [(WM.BARE, ("Alle Anzeigen",))]
    assert _readings("Alle Anzeigen", table) == []
    # A name among them is read; a labelled line is read whatever its words.
    assert _readings("Alle Martinez", table) == [(WM.BARE, ("Alle Martinez",))]
    assert _readings("Von Anzeigen Alle", {"von": 0.0, **table}) != []


def test_lines_are_read_near_the_headline_and_about_the_article_end_only():
    texts = [f"Line {i}" for i in range(60)]
    window = WM._window(len(texts), 10, (12, 40))
    assert window == [*range(6, 10), *range(11, 23), *range(38, 49)]
    # Without a headline, around the article's first line.
    assert WM._window(len(texts), None, (20, 40))[:3] == [10, 11, 12]


def test_features_say_what_tells_a_writer_from_a_menu_word():
    texts = [HEADLINE, "Karin Fischer", "Paid Content", "#tattoo", ARTICLE]
    found = [WM.Candidate(1, WM.BARE, ("Karin Fischer",)), WM.Candidate(2, WM.BARE, ("Paid Content",)),
             WM.Candidate(3, WM.BARE, ("#tattoo",))]
    rows = WM.writers_features(texts, found, 0, (4, 5), np.zeros(5), ARTICLE, " ".join(texts), "https://karinfischer.example/p",
                               ["Karin Fischer"], {"paid": -2.0, "content": -1.5}, {"karinfischer", "karinfischerexample"})
    column = {name: rows[:, i] for i, name in enumerate(WM.FEATURES)}
    assert column["first_name"].tolist() == [1, 0, 0]
    assert column["known_words"].tolist() == [0, 1, 0]
    assert column["word_odds_lowest"].tolist() == [0, -2.0, 0]
    assert column["odd_characters"].tolist() == [0, 0, 1]
    assert column["names_the_site"].tolist() == [1, 0, 0]
    assert column["rules_choice"].tolist() == [1, 0, 0]
    assert column["offset_from_headline"].tolist() == pytest.approx(np.log1p([1, 2, 3]).tolist())
    assert column["whole_line"].tolist() == [1, 1, 1]


def test_a_short_line_with_a_date_beside_a_name_is_its_date_line():
    # A sentence that mentions a date is no date line, however close to the name.
    texts = [HEADLINE, "Karin Fischer", "12 March 2024", ARTICLE, "Jane Doe",
             "The council met again on 12 March 2024 to agree the new budget."]
    found = [WM.Candidate(1, WM.BARE, ("Karin Fischer",)), WM.Candidate(4, WM.BARE, ("Jane Doe",))]
    rows = WM.writers_features(texts, found, 0, (3, 4), np.zeros(6), ARTICLE, " ".join(texts), URL, [], {}, set())
    assert rows[:, WM.FEATURES.index("date_beside")].tolist() == [1, 0]


@pytest.mark.parametrize(("beside", "writers"), [
    ("12 March 2024", ["Karin Fischer"]),
    ("", []),
    ("The council met again on 12 March 2024 to agree the new budget.", []),
])
def test_the_byline_rules_take_a_name_alone_only_beside_its_date_line(beside, writers):
    lines = TP.split_lines(f"{HEADLINE}\nKarin Fischer\n{beside}\n\n{ARTICLE}")
    assert TP.rules_writers(lines, 0, URL, [ARTICLE]) == writers


def test_choose_takes_the_likeliest_names_unless_all_are_doubted():
    found = [WM.Candidate(1, WM.BARE, ("Paid Content",)), WM.Candidate(2, WM.LABELLED, ("Jane Doe", "John Roe"))]
    assert WM.choose(found, np.array([0.2, 0.9])) == ["Jane Doe", "John Roe"]
    assert WM.choose(found, np.array([0.39, 0.1])) == []
    assert WM.choose([], np.zeros(0)) == []


@pytest.mark.parametrize(("under_headline", "writers"), [
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("By\nJane Doe\n12 March 2024", ["Jane Doe"]),
    ("Marie Rövekamp", ["Marie Rövekamp"]),
    ("Janic Cathomen, 01.12.2021", ["Janic Cathomen"]),
    ("Chris Davies - Nov 19, 2019, 8:15 pm CST", ["Chris Davies"]),
    ("Julius Young | Fox News", ["Julius Young"]),
    ("01. Dez. 2022 | 14:08 Uhr | von Jona Göbelbecker", ["Jona Göbelbecker"]),
    ("ByJ.R. Stone", ["J.R. Stone"]),
])
def test_the_stage_reads_the_writers_off_the_forms_bylines_are_printed_in(under_headline, writers):
    assert _writers(under_headline) == writers


@pytest.mark.parametrize(("under_headline", "after_article"), [
    # Menu entries, a topic the article's words name, a photo's credit.
    ("Share\nTweet", ""),
    ("City Council\n12 March 2024", ""),
    ("Photo: Jane Doe / Reuters", ""),
    # Commenters and other stories' bylines below the article.
    ("12 March 2024", "3 Comments\nJane Doe says:\nGreat article, thanks for writing it!\nJohn Roe says:\nI disagree."),
    ("12 March 2024", "More stories\nHarbour bridge reopens after two years\nBy Jane Doe\nSchools get new heating\nBy John Roe"),
])
def test_names_that_are_not_the_writers_are_not_given(under_headline, after_article):
    assert _writers(under_headline, after_article) == []


def test_a_byline_under_the_articles_last_paragraph_names_its_writer():
    assert _writers("12 March 2024", "By Jane Doe") == ["Jane Doe"]


def test_a_personal_blog_named_after_its_writer_credits_the_writer():
    assert _writers("Wolfgang Schmale\n12 March 2024", url="https://wolfgangschmale.example/new-ferry-timetable") == ["Wolfgang Schmale"]


def test_a_page_joined_into_one_line_gets_writers_only_where_the_url_spells_its_headline():
    text = f"{MENU} {HEADLINE}. By Jane Doe. {ARTICLE} {ARTICLE} {ARTICLE} {ARTICLE} {ARTICLE}".replace("\n", " ")
    elsewhere = "https://rheinblatt.example/a?id=7"
    page = TP.read_page(text, (), elsewhere)
    assert page.run_on
    # Not even read for names: a piece is cut at a guess, and a name off it runs into its words.
    found, rows = TP.writer_rows(page, np.ones(len(page.lines)), (1, len(page.lines)), None, elsewhere, [ARTICLE], {}, text)
    assert found == [] and rows.shape == (0, len(WM.FEATURES))
    assert TP.clean_text_page(text, (), elsewhere).authors == []
    # The headline a piece of its own, the byline after it is one too.
    assert TP.clean_text_page(text, (), URL).authors == ["Jane Doe"]


def test_the_evaluation_can_read_pages_with_other_trees_than_the_shipped_ones():
    text = f"{MENU}\n{HEADLINE}\nMarie Rövekamp\n\n{ARTICLE}"
    assert TP.clean_text_page(text, (), URL).authors == ["Marie Rövekamp"]
    doubting = {"features": list(WM.FEATURES), "baseline": -10.0,
                "trees": [{"feature": [0], "threshold": [0.0], "left": [0], "right": [0], "value": [0.0], "depth": 0}]}
    assert TP.clean_text_page(text, (), URL, writers_scorer=TreeEnsemble(doubting, WM.FEATURES)).authors == []


@pytest.mark.parametrize(("byline", "names"), [
    # What the faster paths skip must still be cut: a date, an e-mail, a bracket, a web address.
    ("Janic Cathomen, 01.12.2021", ["Janic Cathomen"]),
    ("Por Mariano Martín mmartin@ambito.com.ar", ["Mariano Martín"]),
    ("Anna Berg (dpa)", ["Anna Berg"]),
    ("Frank Bueltge www.bueltge.de", ["Frank Bueltge"]),
    ("Anna Berg", ["Anna Berg"]),
])
def test_clean_authors_cuts_dates_and_addresses_only_where_there_are_some(byline, names):
    assert clean_authors([byline], set(), strict=True) == names


BIO = "Sara Zinnecker ist Redakteurin im Team Bank & Geldanlage und schreibt über Altersvorsorge."


@pytest.mark.parametrize(("paragraphs", "kept"), [
    # A bio under the article, and what follows it, goes.
    ([ARTICLE, "The vote is expected in May.", BIO, "Alle Artikel von Sara Zinnecker"], 2),
    (["Max Lee reports.", ARTICLE, "Max Lee, KBS World Radio News."], 2),
    # In whatever case the name is printed ("TIM ANDERSON has done many amazing things ...").
    ([ARTICLE, "The vote is expected in May.", BIO.replace("Sara Zinnecker", "SARA ZINNECKER")], 2),
    # The interviewer's turn in a transcript is no bio; nor a paragraph higher up, the first one,
    # a short sign-off, or a name the writers do not hold.
    ([ARTICLE, "Sara Zinnecker: Und was raten Sie Sparern, die jetzt anfangen wollen?", "Dass sie früh anfangen."], 3),
    ([ARTICLE, "SARA ZINNECKER: Und was raten Sie Sparern, die jetzt anfangen wollen?", "Dass sie früh anfangen."], 3),
    ([ARTICLE, BIO, "One.", "Two.", "Three."], 5),
    ([BIO, ARTICLE], 2),
    ([ARTICLE, "Sara Zinnecker, Berlin"], 2),
    # A one-word name (a handle, a surname) opens sentences of the article as often.
    ([ARTICLE, "Zinnecker sagt, dass die Rente sicher ist und bleibt."], 2),
    ([ARTICLE, BIO.replace("Sara Zinnecker", "Anna Beispiel")], 2),
])
def test_a_writers_bio_under_the_article_is_dropped(paragraphs, kept):
    names = ["Sara Zinnecker", "Max Lee", "Zinnecker"]
    assert drop_writer_bio(paragraphs, names) == paragraphs[:kept]


def test_the_text_page_and_the_html_page_drop_the_writers_bio():
    text = f"{MENU}\n{HEADLINE}\nBy Sara Zinnecker\n\n{ARTICLE}\n{BIO}\nNewsletter"
    assert BIO not in TP.clean_text_page(text, (), URL).paragraphs
    assert tidy(ARTICLE.split("\n") + [BIO], None, ["Sara Zinnecker"]) == ARTICLE.split("\n")


@pytest.mark.parametrize(("paragraph", "kept"), [
    # A byline or a writer's credit left in the text goes, in whatever case it is printed.
    ("Sara Zinnecker", False),
    ("Text und Interview: SARA ZINNECKER", False),
    ("Schreiben Sie Sara Zinnecker eine Nachricht", False),
    # A speaker's label in a transcript, a long paragraph, a one-word name stay.
    ("Sara Zinnecker: Und was raten Sie Sparern?", True),
    ("Sara Zinnecker, who wrote this piece, spent three weeks on the islands talking to fishermen and their families.", True),
    ("Zinnecker", True),
])
def test_a_short_paragraph_naming_a_writer_is_dropped_from_a_text_pages_article(paragraph, kept):
    paragraphs = [ARTICLE, paragraph, ARTICLE]
    assert drop_writer_lines(paragraphs, ["Sara Zinnecker", "Zinnecker"]) == (paragraphs if kept else [ARTICLE, ARTICLE])


def test_the_text_page_drops_the_writers_lines_inside_its_article():
    text = f"{MENU}\n{HEADLINE}\nBy Sara Zinnecker\n\n{ARTICLE}\nSara Zinnecker\n{ARTICLE}"
    article = TP.clean_text_page(text, (), URL)
    assert article.authors == ["Sara Zinnecker"]
    assert "Sara Zinnecker" not in article.paragraphs
    # HTML pages keep them: their writers come from the metadata, and there it changed nothing.
    assert tidy([ARTICLE, "Sara Zinnecker", ARTICLE], None, ["Sara Zinnecker"]) == [ARTICLE, "Sara Zinnecker", ARTICLE]
