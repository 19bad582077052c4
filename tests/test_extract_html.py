"""HTML pages: body, metadata from structured data, tidy rules, rejection."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml.html import HtmlElement, tostring
from trafilatura.utils import load_html

from pipeline.stages.base import Rejected
from pipeline.stages.extract import Extract
from pipeline.stages.extract import html_body
from pipeline.stages.extract.html_body import continuation
from pipeline.stages.extract.bylines import clean_authors
from pipeline.stages.extract.headline import strip_site_name
from pipeline.stages.extract.site_names import site_keys
from pipeline.stages.extract.dates import parse_timestamp
from pipeline.stages.extract.markup import parse_html
from pipeline.stages.extract.metadata import page_metadata
from pipeline.stages.extract.standfirst import standfirst
from pipeline.stages.extract.tidy import tidy

URL = "https://www.rheinblatt.example/lokales/neue-bruecke?utm_source=feed"


@pytest.fixture(scope="module")
def article() -> dict:
    html = (Path(__file__).parent / "fixtures" / "extract" / "article.html").read_text(encoding="utf-8")
    page = {"url": URL, "html": html, "origin": "pages.raw/0/7", "source": "test",
            "fetched_at": "2024-03-05T12:00:00Z", "headers": {"Content-Language": "de"}}
    return Extract().run(page)


def test_body_is_the_article_without_headline_menu_or_footer(article):
    paragraphs = article["text"].split("\n")
    assert paragraphs[0].startswith("Nach vier Jahren Bauzeit")
    assert paragraphs[-1].startswith("In den kommenden Wochen")
    assert len(paragraphs) == 4
    assert "Startseite" not in article["text"] and "Impressum" not in article["text"]


def test_metadata_from_json_ld_and_open_graph(article):
    assert article["title"] == "Neue Brücke über den Rhein eröffnet"
    assert article["authors"] == ["Anna Beispiel", "Jonas Muster"]
    assert article["published_at"] == "2024-03-05T09:30:00+01:00"
    assert article["site_name"] == "Rheinblatt"
    assert article["description"].startswith("Nach vier Jahren Bauzeit")
    assert article["image"] == "https://www.rheinblatt.example/bilder/bruecke.jpg"
    assert article["page_canonical_url"] == "https://www.rheinblatt.example/lokales/neue-bruecke"
    assert article["language_hints"] == {"html_lang": "de-DE", "og_locale": "de_DE", "content_language": "de"}


def test_fields_passed_through(article):
    assert (article["url"], article["origin"], article["source"], article["fetched_at"]) == (
        URL, "pages.raw/0/7", "test", "2024-03-05T12:00:00Z")


@pytest.mark.parametrize("preamble", ["", "\ufeff  \n", "<?xml version='1.0'?>\n<!-- saved by a crawler -->\n"])
def test_an_html_document_sent_as_text_is_read_as_the_html_page_it_is(article, preamble):
    html = (Path(__file__).parent / "fixtures" / "extract" / "article.html").read_text(encoding="utf-8")
    page = {"url": URL, "text": preamble + html, "origin": "pages.raw/0/7", "source": "test",
            "fetched_at": "2024-03-05T12:00:00Z", "headers": {"Content-Language": "de"}}
    assert Extract().run(page) == article


def test_an_article_body_fragment_sent_as_text_is_read_as_html():
    body = "".join(f"<p>{p}</p>\n" for p in _ARTICLE_PARAGRAPHS)
    url = "https://www.rheinblatt.example/bruecke"
    as_text = Extract().run({"url": url, "text": "  " + body})
    assert as_text["text"].split("\n") == _ARTICLE_PARAGRAPHS
    assert as_text == Extract().run({"url": url, "html": "  " + body})


def test_text_that_starts_with_a_tag_it_explains_is_read_as_text():
    text = ("<p> marks a paragraph; close it with </p> when the next block follows.\n\n"
            + "\n\n".join(f"Step {i} of the tutorial explains one more element and what browsers do with it." for i in range(6)))
    out = Extract().run({"url": "https://docs.example/tutorial", "text": text, "origin": "x"})
    assert out["text"].startswith("<p> marks a paragraph")


def test_text_that_only_mentions_html_is_read_as_text():
    text = ("<html> is the root element of every page, the tutorial begins.\n\n"
            + "\n\n".join(f"Step {i} of the tutorial explains one more element and what browsers do with it." for i in range(6)))
    out = Extract().run({"url": "https://docs.example/tutorial", "text": text, "origin": "x"})
    assert out["text"].startswith("<html> is the root element")


def test_page_without_article_text_is_rejected():
    page = {"url": "https://example.com/", "origin": "x",
            "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}
    with pytest.raises(Rejected) as caught:
        Extract().run(page)
    assert caught.value.reason == "no_article_text"


@pytest.mark.parametrize("html", [
    "<html><head><title>T</title></head><body><form><label>Name <input name='q'></label></form><p>Text &amp; more</p></body></html>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared encoding, given as str</p></body></html>',
    "<html><body><p>Bytes: Gr\u00fc\u00dfe</p></body></html>".encode("utf-8"),
    "<!DOCTYPE html>\n<html/>\n<body><p>Self-closed html tag</p></body>",
])
def test_parse_html_reads_a_page_as_trafilatura_does(html):
    ours, theirs = parse_html(html), load_html(html)
    assert tostring(ours) == tostring(theirs)
    # Every element is an HtmlElement (trafilatura accepts nothing else as a tree), forms included.
    assert all(isinstance(elem, HtmlElement) for elem in ours.iter())


@pytest.mark.parametrize("not_html", ["just a line of text", "", b"\x00\x01"])
def test_parse_html_rejects_what_trafilatura_rejects(not_html):
    assert parse_html(not_html) is None and load_html(not_html) is None


def test_tidy_drops_headline_teased_list_and_credit():
    body = "A long paragraph of the article that tells the story in full sentences for the reader."
    paragraphs = ["Opinion | Budget passes after a long night", body, "Don't miss",
                  "- Storm leaves thousands without power", "- Team wins the final", "Photo: Jane Doe/Reuters", body]
    assert tidy(paragraphs, "Budget passes after a long night") == [body, body]


def test_tidy_drops_captions_closing_on_their_photos_credit_and_french_credit_lines():
    body = "A long paragraph of the article that tells the story in full sentences for the reader."
    captions = ["In this Dec. 12, 2006, file photo, made available by NASA, two astronauts work outside the station. (NASA via AP, File)",
                "President Trump speaks in the Rose Garden on Monday. (AP Photo/Evan Vucci)",
                "Cristina Kirchner y Alberto Fernández en el Congreso (Foto: Natacha Pisarenko/Pool via REUTERS).",
                "Fans cheer the team at the parade (Photo by Jane Roe/Getty Images)",
                "Crédits photos : Bestimage", "Crédit photo : KB / Bondy Blog"]
    kept = ["The suspect was arrested on Monday, police told reporters (AP).",
            "The effect was measured twice in the trial (Smith et al., 2020).",
            "The photo shows the council chamber before the renovation (see the gallery).",
            "(Con información de AFP, EFE y Reuters)"]
    assert tidy([body, *captions, *kept, body], None) == [body, *kept, body]


def test_author_roles_and_site_suffix_are_cleaned():
    assert clean_authors(["By Tom Krisher; AP Auto Writer", "Jane Roe and John Poe"]) == ["Tom Krisher", "Jane Roe", "John Poe"]
    assert strip_site_name("Budget passes | Rheinblatt", site_keys("Rheinblatt", "")) == "Budget passes"
    assert strip_site_name("Rheinblatt - Budget passes", site_keys("Rheinblatt", "")) == "Budget passes"


def _meta(head: str, body: str = "", url: str = "https://www.lastampa.it/cronaca/a.html") -> dict:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return page_metadata(load_html(html), url)


def test_json_ld_entities_and_organisation_authors():
    meta = _meta('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ransomware &#8216;game&#8217; spreads",'
                 ' "datePublished": "2019-07-30T13:16:29-04:00", "author": [{"@type": "Person", "name": "Lindsey O&#039;Donnell"},'
                 ' {"@type": "NewsMediaOrganization", "name": "Threatpost"}]}</script>')
    assert meta["title"] == "Ransomware ‘game’ spreads"
    assert meta["authors"] == ["Lindsey O'Donnell"]


def test_a_byline_naming_the_site_or_a_label_is_no_author():
    assert clean_authors(["Auteur Anna Kubišta", "Text: Jane Roe"]) == ["Anna Kubišta", "Jane Roe"]
    meta = _meta('<meta property="og:site_name" content="BRIGITTE.de"><meta name="author" content="BRIGITTE.de">',
                 url="https://www.brigitte.de/liebe/a.html")
    assert meta["authors"] == []


def test_title_without_the_site_even_when_the_page_gives_no_site_name():
    assert strip_site_name("Il Nord mantiene temperature alte - La Stampa", site_keys(None, "https://www.lastampa.it/a")) == \
        "Il Nord mantiene temperature alte"
    assert strip_site_name("Angus Barbieri. Nie jadł - Menway w INTERIA.PL", site_keys(None, "https://menway.interia.pl/a")) == \
        "Angus Barbieri. Nie jadł"
    assert strip_site_name("Budget - a long night", site_keys(None, "https://www.example.com/a")) == "Budget - a long night"


def test_a_bare_year_or_month_is_no_publication_day():
    # Reference lists mark each cited work's year with itemprop=datePublished.
    meta = _meta("", '<meta itemprop="datePublished" content="2006"><meta name="citation_publication_date" content="2017/01">'
                     '<time itemprop="datePublished" datetime="2017-01-30">30 January 2017</time>')
    assert meta["published_at"] == "2017-01-30T00:00:00Z"
    assert parse_timestamp("2006") is None and parse_timestamp("2017/01") is None


CHUNK_1 = ["The first part of the story runs in one grid chunk, as the page's layout wants it to.",
           "A second paragraph follows, still inside the first chunk, and tells more of the story."]
CHUNK_2 = ["After an advertisement the story goes on in a second chunk with the same class as the first.",
           "It ends here, with a last paragraph that every single trafilatura reading would leave out."]


def _chunked(second: list[str], card: str = "") -> str:
    def chunk(paragraphs: list[str]) -> str:
        return '<div class="grid chunk"><div class="body">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></div>"
    return (f"<html><body><article>{chunk(CHUNK_1)}<div class='ad'>Advertisement</div>{chunk(second)}"
            f"<div class='grid card'><p>{card}</p></div></article></body></html>")


def test_article_split_over_sibling_containers_is_continued():
    assert continuation(load_html(_chunked(CHUNK_2)), CHUNK_1) == CHUNK_2


def test_a_different_class_or_a_lone_short_paragraph_is_no_continuation():
    teaser = ["Read our guide to bridges."]
    assert continuation(load_html(_chunked(teaser, card=CHUNK_2[0])), CHUNK_1) == []
    assert continuation(load_html(_chunked(CHUNK_2)), CHUNK_1 + CHUNK_2) == []


BODY = "A long paragraph of the article that tells the story in full sentences for the reader."


@pytest.mark.parametrize("teaser", [
    "Read more: Storm leaves thousands without power",
    "Lea también: Impiden ingreso a reportero estadounidense",
    "LE PUEDE INTERESAR: La ficha del expresidente en Nueva York",
    "Czytaj też: Wyścig zbrojeń ruszył z kopyta",
    "À lire aussi » Quel est votre profil digestif ?",
    "[Related: Salesforce keynote: AI, integration and protesters]",
])
def test_an_inline_teaser_inside_the_article_is_dropped(teaser):
    assert tidy([BODY, teaser, BODY], None) == [BODY, BODY]


def test_a_sentence_that_starts_like_a_teaser_is_kept():
    line = "Read more: the council published the full report on its website, and it runs to 400 pages."
    assert tidy([BODY, line], None) == [BODY, line]


@pytest.mark.parametrize("heading", ["Notas relacionadas", "| Weitere Artikel zum Thema |", "Mehr zum Thema auf UEPO.de",
                                     "Más sobre La Tercera AM", "Schon gelesen?", "Top-Themen bei FIT FOR FUN"])
def test_a_more_stories_heading_goes_with_the_headlines_it_announces(heading):
    assert tidy([BODY, BODY, heading, "Storm leaves thousands without power", "Team wins the final"], None) == [BODY, BODY]


def test_calls_to_subscribe_or_follow_at_the_end_are_dropped_but_not_inside_the_article():
    promos = ["Subscribe now to our eNATION edition for the full story.",
              "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android."]
    newsletter_story = "The newsletter now reaches 40,000 readers a week, the publisher said on Monday."
    assert tidy([BODY, newsletter_story, BODY, BODY, *promos], None) == [BODY, newsletter_story, BODY, BODY]
    assert tidy([BODY, BODY, "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner."], None) == [BODY, BODY]


LEAD = ("Bundespräsident Frank-Walter Steinmeier lädt jedes Jahr zum Neujahrsempfang ins Schloss Bellevue. "
        "In diesem Jahr waren auch Vertreterinnen der Jugendverbände dabei.")
STORY = ["Der Empfang begann am Vormittag mit einer Rede des Bundespräsidenten über das Ehrenamt im ganzen Land.",
         "Danach sprachen die Gäste mit ihm über ihre Arbeit vor Ort und über die Folgen der Pandemie für Jugendliche."]


def _page(between: str, before_headline: str = "") -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    return (f"<html><body>{before_headline}<h1>Steinmeier empfängt Ehrenamtliche</h1>{between}"
            f"<div class='article-body'>{story}</div></body></html>")


def test_the_lead_paragraph_between_headline_and_body_is_put_back():
    tree = load_html(_page(f"<div class='teaser-text'><p>{LEAD}</p></div><script>var ad = 1;</script>"))
    assert standfirst(tree, STORY) == LEAD
    assert standfirst(tree, [LEAD, *STORY]) is None  # already found


@pytest.mark.parametrize("between", [
    "<p class='dek'>There is an impeachment lesson hiding in the president's failure.</p>",  # one-sentence deck
    f"<figure><figcaption>{LEAD}</figcaption></figure>",
    f"<div class='byline-box'><p>{LEAD}</p></div>",
    f"<ul><li>{LEAD}</li></ul>",
])
def test_decks_captions_bylines_and_lists_are_no_lead(between):
    assert standfirst(load_html(_page(between)), STORY) is None


def test_a_block_above_the_headline_is_no_lead():
    assert standfirst(load_html(_page("", before_headline=f"<p>{LEAD}</p>")), STORY) is None


def _readings(monkeypatch, precise: int, broad: int, full: int, page_text: int) -> str:
    texts = {(True, True): "p" * precise, (False, True): "b" * broad, (False, False): "f" * full}
    monkeypatch.setattr(html_body, "_read", lambda tree, url, precise, fast=True: [texts[(precise, fast)]])
    monkeypatch.setattr(html_body, "_paragraph_text_length", lambda tree: page_text)
    return html_body._reading(None, "https://example.com/a")[0][0]


def test_a_short_reading_gives_way_to_the_full_extraction_only_when_it_finds_far_more(monkeypatch):
    assert _readings(monkeypatch, precise=400, broad=420, full=5000, page_text=6000) == "f"
    assert _readings(monkeypatch, precise=400, broad=420, full=1200, page_text=6000) == "p"
    # Too little paragraph text on the page for the full extraction to find more: not run.
    assert _readings(monkeypatch, precise=400, broad=420, full=5000, page_text=900) == "p"
    assert _readings(monkeypatch, precise=400, broad=2000, full=5000, page_text=6000) == "b"
    assert _readings(monkeypatch, precise=50, broad=2000, full=300, page_text=6000) == "f"
    assert _readings(monkeypatch, precise=3000, broad=9000, full=9000, page_text=9000) == "p"
    # A few paragraphs found precisely are an article: the broad reading is not asked.
    assert _readings(monkeypatch, precise=1200, broad=9000, full=9000, page_text=9000) == "p"


_ARTICLE_PARAGRAPHS = [
    f"Paragraph {i} of the report on the new bridge tells how the council, the builders and the people "
    f"living by the river saw the four years of work, and what the opening means for traffic in town."
    for i in range(6)]


def _page_with_table(cells: str) -> str:
    return (f"<html><head><title>Bridge opens</title></head><body><table><tr>{cells}</tr></table>"
            "<p>Copyright Rheinblatt</p></body></html>")


def test_a_table_the_page_is_laid_out_with_gives_its_paragraphs_not_a_row():
    article = "".join(f"<p>{p}</p>" for p in _ARTICLE_PARAGRAPHS)
    html = _page_with_table(f"<td><a href='/'>Home</a></td><td><h1>Bridge opens</h1>{article}</td>")
    lines = Extract().run({"url": "https://www.rheinblatt.example/bruecke", "html": html})["text"].split("\n")
    assert [line for line in lines if line in _ARTICLE_PARAGRAPHS] == _ARTICLE_PARAGRAPHS
    assert not any("|" in line for line in lines) and "Home" in lines  # a cell's loose text is kept too


def test_a_data_table_keeps_its_rows_even_where_a_cell_holds_two_short_blocks():
    rows = "".join(f"<tr><td><p>Option {i}</p><p>What option {i} does.</p></td><td>on</td></tr>" for i in range(4))
    article = "".join(f"<p>{p}</p>" for p in _ARTICLE_PARAGRAPHS[:4])
    html = (f"<html><head><title>Settings</title></head><body><article><h1>Settings</h1>{article}"
            f"<table>{rows}</table></article></body></html>")
    out = Extract().run({"url": "https://www.rheinblatt.example/settings", "html": html})
    assert "| Option 0 What option 0 does. | on |" in out["text"].split("\n")


def test_tidy_drops_the_byline_and_dateline_above_the_text_only():
    body = "Earlier this month, NASA announced the newest milestone in the development of its rocket."
    header = ["by Jeff Foust", "Monday, November 18, 2019"]
    assert tidy([*header, body, body], None, ["Jeff Foust"]) == [body, body]
    # A byline naming someone else than the writers found is no header: a quote, a caption's credit.
    assert tidy(["By Anna Beispiel", body], None, ["Jeff Foust"]) == ["By Anna Beispiel", body]
    # Below the text's start a date is the text's ("On 12 March 2024 the council met.").
    assert tidy([body, "12 March 2024", body], None, []) == [body, "12 March 2024", body]
    # A date that opens a sentence of the text is text.
    opening = "On Monday, November 18, 2019, NASA announced the newest milestone in the development of its rocket."
    assert tidy([opening, body], None, []) == [opening, body]
    assert tidy(["Monday, November 18, 2019"], None, []) == ["Monday, November 18, 2019"]  # nothing else: kept
    # An agenda of dated lines at the top is more than a header: three lines at most go.
    agenda = [f"{day} March 2024: council meeting" for day in (4, 11, 18, 25)]
    assert tidy([*agenda, body], None, []) == [agenda[3], body]


SCRIPTS = {
    "zh": ("北京暴雨致多条道路积水", "新华社记者 王小明", "王小明", "2024-07-12 10:30", "2024-07-12T10:30:00Z", [
        "新华社北京7月12日电 北京市12日遭遇强降雨，多条主要道路出现积水，交通受到影响。北京市气象台当天上午发布暴雨黄色预警。",
        "市排水集团表示，已在重点路段增设排水泵，全力保障道路畅通。教育部门决定，全市中小学当天停课一天。"]),
    "ja": ("東京で記録的な大雨 交通機関に乱れ", "山田太郎", "山田太郎", "2024年7月12日 10時30分", "2024-07-12T10:30:00Z", [
        "12日朝から東京都内で記録的な大雨となり、多くの道路が冠水しました。気象庁は大雨警報を発表しました。",
        "JR東日本によりますと、一部の路線で運転を見合わせているということです。都内の小中学校の多くは臨時休校となりました。"]),
    "ko": ("서울 집중호우로 도로 곳곳 침수", "홍길동 기자 hong@example.co.kr", "홍길동", "2024.07.12 10:30", "2024-07-12T10:30:00Z", [
        "12일 오전 서울 전역에 시간당 50mm가 넘는 집중호우가 쏟아지면서 도로 곳곳이 침수됐다. 기상청은 호우경보를 발령했다.",
        "서울시는 침수 우려 지역에 배수 펌프를 추가로 설치하고 비상 근무에 들어갔다고 밝혔다."]),
    "hi": ("दिल्ली में भारी बारिश से जनजीवन अस्त-व्यस्त", "लेखिका: प्रिया वर्मा", "प्रिया वर्मा", "12 जुलाई 2024", "2024-07-12T00:00:00Z", [
        "नई दिल्ली, 12 जुलाई। राजधानी दिल्ली में शनिवार सुबह से हो रही भारी बारिश ने लोगों की मुश्किलें बढ़ा दी हैं।",
        "नगर निगम के अधिकारियों ने बताया कि जल निकासी के लिए अतिरिक्त पंप लगाए गए हैं। स्कूलों को एहतियात के तौर पर बंद रखने का फैसला किया गया है।"]),
    "ar": ("أمطار غزيرة تغرق شوارع العاصمة", "بقلم: محمد علي", "محمد علي", "12 يوليو 2024", "2024-07-12T00:00:00Z", [
        "شهدت العاصمة صباح السبت أمطارا غزيرة أدت إلى غرق عدد من الشوارع الرئيسية، وقالت الأرصاد الجوية إن الأمطار ستستمر.",
        "وأعلنت البلدية أنها نشرت مضخات إضافية لتصريف المياه في المناطق المتضررة كما قررت وزارة التربية تعليق الدراسة."]),
}


@pytest.mark.parametrize("language", sorted(SCRIPTS))
def test_headline_byline_and_dateline_in_other_scripts(language):
    # Before words.py: a Chinese headline of 11 characters was too short to confirm <title>'s side
    # ("... - 新闻网" came out, the headline and the dateline stayed in the text); the Hindi, Arabic and
    # Korean bylines named nobody; datelines in these forms stayed at the text's head.
    title, byline, writer, dateline, published, paragraphs = SCRIPTS[language]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f'<html lang="{language}"><head><title>{title} - 新闻网</title></head><body><nav><a href="/">Home</a></nav>'
            f'<article><h1>{title}</h1><div class="author">{byline}</div><span class="date">{dateline}</span>{body}</article></body></html>')
    out = Extract().run({"url": f"https://news.example.com/{language}/a/123456", "html": html})
    assert (out["title"], out["authors"], out["published_at"]) == (title, [writer], published)
    assert out["text"].splitlines() == paragraphs


@pytest.mark.parametrize(("title", "site"), [
    ("北京暴雨致多条道路积水_新浪新闻", "新浪新闻"), ("北京暴雨致多条道路积水｜新华网", "新华网"),
    ("北京暴雨致多条道路积水-新华网", "新华网"), ("東京で記録的な大雨｜日本経済新聞", "日本経済新聞"),
])
def test_a_chinese_or_japanese_title_sets_its_separator_without_spaces(title, site):
    # The site's name stayed in the title: a separator needed a space on each side.
    headline = title[:title.index(site) - 1]
    body = "<p>" + "北京市12日遭遇强降雨，多条主要道路出现积水，交通受到影响。" * 5 + "</p>"
    for h1 in (f"<h1>{headline}</h1>", ""):
        html = f"<html><head><title>{title}</title><meta property='og:site_name' content='{site}'></head><body>{h1}{body}</body></html>"
        assert Extract().run({"url": "https://news.example.cn/a/2024/07/12/123.html", "html": html})["title"] == headline


@pytest.mark.parametrize(("title", "headline"), [
    # No og:site_name, a domain in Latin letters: the last part names itself a net, news, a daily, an encyclopedia.
    ("武汉的声音：有英勇的你，才有英雄的城！-新华网", "武汉的声音：有英勇的你，才有英雄的城！"), ("蔡健雅_百度百科", "蔡健雅"),
    ("市議会が新予算を可決 | NHKニュース", "市議会が新予算を可決"), ("시의회, 새 예산안 통과 | 연합뉴스", "시의회, 새 예산안 통과"),
    # The internet or a power grid is no site's name; nor is a first part.
    ("专题 - 走进工业互联网", "专题 - 走进工业互联网"), ("新华网评 - 北京暴雨致多条道路积水", "新华网评 - 北京暴雨致多条道路积水"),
])
def test_a_chinese_japanese_or_korean_site_names_itself_in_its_titles_last_part(title, headline):
    body = "<p>" + "北京市12日遭遇强降雨，多条主要道路出现积水，交通受到影响。" * 5 + "</p>"
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    assert Extract().run({"url": "https://www.example.cn/local/2024-07/12/c_1125597921.htm", "html": html})["title"] == headline
