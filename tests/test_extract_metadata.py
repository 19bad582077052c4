"""Metadata rules: choosing the headline, finding person authors, cleaning bylines."""

from __future__ import annotations

from trafilatura.utils import load_html

from pipeline.stages.extract.bylines import clean_authors
from pipeline.stages.extract.metadata import page_metadata

URL = "https://www.rheinblatt.example/politik/a.html"


def _meta(head: str, body: str = "", url: str = URL) -> dict:
    return page_metadata(load_html(f"<html><head>{head}</head><body>{body}</body></html>"), url)


def test_the_on_page_headline_wins_over_a_social_title_when_title_confirms_it():
    meta = _meta('<title>Budget passes after a long night - Rheinblatt</title>'
                 '<meta property="og:title" content="You will not believe this night!">',
                 "<h1>Budget passes after a long night</h1>")
    assert meta["title"] == "Budget passes after a long night"


def test_a_cut_off_structured_headline_confirms_the_full_heading():
    meta = _meta('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Budget passes after a long night of '
                 'talks in the "}</script>', "<h1>Budget passes after a long night of talks in the chamber</h1>")
    assert meta["title"] == "Budget passes after a long night of talks in the chamber"


def test_a_heading_confirmed_by_one_side_of_the_title_loses_the_site():
    meta = _meta("<title>ORSO MARSICANO: UN ANNO DA RECORD | Parco Nazionale</title>", "<h1>ORSO MARSICANO: UN ANNO DA RECORD</h1>",
                 url="http://www.parcoabruzzo.it/dettaglio.php?id=1")
    assert meta["title"] == "ORSO MARSICANO: UN ANNO DA RECORD"


def test_a_site_banner_h1_and_a_short_section_heading_are_no_headline():
    meta = _meta('<title>Budget passes - Politik | Rheinblatt</title><meta property="og:title" content="Budget passes">',
                 "<h1>Rheinblatt</h1><h1>Politik</h1>")
    assert meta["title"] == "Budget passes"


def test_a_json_ld_author_given_by_id_is_looked_up_in_the_graph():
    meta = _meta('<script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": "A",'
                 ' "author": {"@id": "#p1"}}, {"@type": "Person", "@id": "#p1", "name": "Frank Haacker"}]}</script>')
    assert meta["authors"] == ["Frank Haacker"]


def test_a_publication_in_the_author_meta_gives_way_to_the_byline_on_the_page():
    meta = _meta('<meta name="author" content="SPIEGEL ONLINE, Hamburg, Germany">',
                 "<h1>Ein Albtraum</h1><p>Text.</p><div class='dig-autoren'>Von Clemens Höges</div>")
    assert meta["authors"] == ["Clemens Höges"]


def test_a_labelled_line_at_the_end_of_the_article_is_a_byline():
    meta = _meta("", "<h1>Ein Albtraum</h1><p>Der lange Text des Artikels.</p><p>Von Clemens Höges</p>")
    assert meta["authors"] == ["Clemens Höges"]


def test_bylines_in_teasers_above_the_headline_and_in_comments_are_skipped():
    meta = _meta("", "<div class='teaser'><span class='author'>Anna Teaser</span></div><h1>A</h1>"
                     "<div id='comments'><span class='comment-author'>Rudi Rant</span></div>"
                     "<span class='byline'>By Jane Roe and John Poe</span>")
    assert meta["authors"] == ["Jane Roe", "John Poe"]


def test_desk_initials_are_no_byline_on_the_page():
    assert _meta("", "<h1>A</h1><span class='author'>JF</span>")["authors"] == []


def test_labels_in_many_languages_are_stripped():
    names = ["Por Felipe Morales", "Par Didier Roy", "Di Giampiero Maggio", "Door Jan Jansen", "Av Ola Nordmann",
             "Autor: Jan Kowalski", "przez Łukasz Brzeziński", "Written by Jane Roe"]
    assert clean_authors(names) == ["Felipe Morales", "Didier Roy", "Giampiero Maggio", "Jan Jansen", "Ola Nordmann",
                                    "Jan Kowalski", "Łukasz Brzeziński", "Jane Roe"]


def test_names_are_split_on_and_und_y_and_commas():
    assert clean_authors(["Anna Beispiel und Jonas Muster"]) == ["Anna Beispiel", "Jonas Muster"]
    assert clean_authors(["Luana Patriolino, Raphael Felice"]) == ["Luana Patriolino", "Raphael Felice"]
    assert clean_authors(["Ana Pérez y Luis Ávila"]) == ["Ana Pérez", "Luis Ávila"]


def test_agencies_publications_roles_and_photo_credits_are_no_authors():
    assert clean_authors(["dpa", "AFP", "Reuters", "Redaktion", "Newsroom", "Anna Beispiel (dpa)", "Getty Images"]) == ["Anna Beispiel"]
    assert clean_authors(["SPIEGEL ONLINE, Hamburg, Germany"]) == []


def test_dates_emails_and_handles_are_cut_from_a_name():
    assert clean_authors(["CBS News February 24, 2020, 7:57 AM"]) == []
    assert clean_authors(["By Evan Symon, August 14, 2020 2:30 pm"]) == ["Evan Symon"]
    assert clean_authors(["Williams Perdomo @wperdomod", "Luis Ávila jane@example.com"]) == ["Williams Perdomo", "Luis Ávila"]
    # a month is cut only where a date follows: Maggio is a surname too
    assert clean_authors(["giampiero maggio"]) == ["Giampiero Maggio"]


def test_a_citation_name_surname_first_is_turned_round():
    assert clean_authors(["Adwan, Marwan H."]) == ["Marwan H. Adwan"]


def test_the_site_itself_is_no_author():
    meta = _meta('<meta property="og:site_name" content="WILD UND HUND"><meta name="author" content="WILD UND HUND aktiv">',
                 url="https://wildundhund.de/a/")
    assert meta["authors"] == []
