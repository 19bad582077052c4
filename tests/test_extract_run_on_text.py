"""Text a scraper joined into one line or ran its blocks together: cut back into pieces a line reader can weigh, and read as a page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.stages.extract import line_model
from pipeline.stages.extract.headline import spelled_spans
from pipeline.stages.extract import run_on_text as R
from pipeline.stages.extract.lines import is_commenter
from pipeline.stages.extract.text_page import clean_text_page, read_page, split_lines

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
MENU = ("Home News World Business Markets Technology Science Health Sport Culture Travel Opinion Video Podcasts "
        "Newsletters Subscribe Sign In")
HEADLINES = ("Harbour Bridge Reopens After Two Years Of Repairs Schools Get New Heating Systems Before Winter "
             "Council Names New Head Of Transport Authority Local Bakery Wins National Bread Award")


def _article(sentences: int) -> list[str]:
    return [f"Sentence {i} of the report says what the council decided about the budget on Tuesday and why it matters."
            for i in range(sentences)]


def test_a_line_no_longer_than_a_paragraph_is_left_whole():
    paragraph = " ".join(_article(10))  # 190 words, one paragraph
    assert R.pieces(paragraph) == [paragraph]


def test_a_page_with_line_breaks_keeps_its_long_paragraphs_whole():
    long_paragraph = " ".join(_article(14))  # 266 words
    text = "\n".join([*MENU.split()[:8], "Council passes the budget", long_paragraph, *_article(20)])
    lines = split_lines(text)
    assert long_paragraph in [line.text for line in lines] and not any(line.cut for line in lines)
    article = clean_text_page(text, (), "https://rheinblatt.example/council-passes-the-budget")
    assert article.paragraphs[0] == long_paragraph and article.title == "Council passes the budget"


def test_a_run_on_page_is_cut_into_sentences_menu_entries_and_separated_links():
    line = " ".join([MENU, "Home › World › Europe", *_article(12), "Mr. J. Smith of the U.S. embassy said so.", HEADLINES])
    pieces = R.pieces(line)
    assert " ".join(pieces) == line.replace(" › ", " ")  # nothing but the separators lost, nothing reordered
    assert _article(12)[5] in pieces
    assert "Mr. J. Smith of the U.S. embassy said so." in pieces  # abbreviations and initials end no sentence
    assert {"Home", "World"} <= set(pieces)  # the breadcrumb's separators part its entries
    menu = pieces[:pieces.index("Home")]
    assert " ".join(menu) == MENU and len(menu) == 3
    assert all(len(piece.split()) <= 6 for piece in pieces[-5:]) and " ".join(pieces[-5:]) == HEADLINES


def test_a_menu_run_into_the_first_sentence_is_parted_from_it_at_the_sentence_capital():
    line = " ".join([MENU, "This post may contain affiliate links and the council said so.", *_article(12)])
    assert "This post may contain affiliate links and the council said so." in R.pieces(line)


def test_a_comment_thread_is_cut_into_commenter_stamp_and_comment():
    comments = ("33 responses to “Council passes the budget” joetoronto says: November 19, 2019 at 6:44 am It is time "
                "the council listened. theprocess12 says: November 19, 2019 at 6:58 am Too many mistakes again. "
                "Milan Griffes on November 20, 2019 at 4:47 pm said: Any update on the vote?")
    pieces = R.pieces(" ".join([*_article(12), comments]))
    # The first stamp stays with the heading above it (no sentence ends between them): still a commenter line.
    assert is_commenter(pieces[12]) and pieces[12].endswith("joetoronto says:")
    for piece in ("theprocess12 says:", "November 19, 2019 at 6:58 am", "It is time the council listened.",
                  "Milan Griffes on November 20, 2019 at 4:47 pm said:", "Any update on the vote?"):
        assert piece in pieces


def test_a_quote_announced_by_said_is_no_comment_stamp():
    quote = "The mayor said: “We will not raise taxes this year, whatever the council decides at 10:30 tomorrow.”"
    pieces = R.pieces(" ".join([*_article(12), "The vote was at 9:15 in the morning.", quote]))
    assert quote in pieces


def test_prose_with_a_few_names_in_it_is_not_cut_at_the_names():
    sentence = ("The mayor met President Emmanuel Macron and Chancellor Olaf Scholz in Brussels on Tuesday "
                "to talk about the new budget rules.")
    line = " ".join([sentence] * 20)
    assert set(R.pieces(line)) == {sentence}


def test_ideographic_full_stops_end_sentences_without_a_space():
    line = "市议会周二批准了新的预算。" * 120
    assert R.pieces(line) == ["市议会周二批准了新的预算。"] * 120


def test_the_pieces_of_one_line_are_marked_and_the_article_keeps_them_as_one_paragraph():
    seed = json.loads((FIXTURES / "seeds.jsonl").read_text(encoding="utf-8").splitlines()[0])
    expected = json.loads((FIXTURES / "seeds.expected.jsonl").read_text(encoding="utf-8").splitlines()[0])["body"]
    run_on = " ".join(seed["text"].split())
    lines = split_lines(run_on)
    assert not lines[0].continues and all(line.cut for line in lines) and all(line.continues for line in lines[1:])
    article = clean_text_page(run_on, (), seed["url"])
    # The wire seed's article, its paragraphs joined as the scraper joined them; its trailing
    # list of unrelated headlines gone.
    assert article.paragraphs == [" ".join(expected.split())]
    assert article.title is None  # a piece's ends are guesses: no title rather than half of one


def test_a_piece_of_a_run_on_line_holding_a_credit_is_not_dropped_for_it():
    # A piece is a guess at a sentence's ends: the caption and the article's next sentence may share it.
    sentences = _article(12)
    sentences[5] = "The mayor at the vote (Foto: Jane Doe) said the council had done what it promised the voters in May."
    article = clean_text_page(" ".join([MENU, "Council passes the budget", *sentences]), (),
                              "https://rheinblatt.example/council-passes-the-budget")
    assert "said the council had done what it promised" in " ".join(article.paragraphs)


def test_the_headline_the_url_spells_is_a_piece_of_its_own_and_the_title():
    line = " ".join([MENU, "Council passes the budget", "By Anna Beispiel.", *_article(12)])
    article = clean_text_page(line, (), "https://rheinblatt.example/council-passes-the-budget")
    assert article.title == "Council passes the budget"
    assert not any("Council passes" in paragraph for paragraph in article.paragraphs) and article.paragraphs


def test_a_run_on_page_whose_headline_is_found_is_given_its_writers():
    line = " ".join([MENU, "Council passes the budget", "By Anna Beispiel", "March 12, 2024", *_article(12), HEADLINES])
    assert clean_text_page(line, (), "https://rheinblatt.example/politik/council-passes-the-budget").authors == ["Anna Beispiel"]
    # Without it, where a piece starts and ends is a guess: no writers.
    assert clean_text_page(line, (), "https://rheinblatt.example/politik/a?id=7").authors == []


def _spelled(text: str, url: str) -> list[str]:
    return [text[start:end] for start, end in spelled_spans(text, url)]


def test_a_headline_spelled_by_the_url_is_found_where_nothing_marks_its_ends():
    url = "https://rheinblatt.example/politik/2024/10-things-the-council-decided-today-123"
    # Printed twice in a row; a number the slug holds starts it; a menu entry with one of its words before it.
    text = "Home Politics Things 10 Things the Council Decided Today 10 Things the Council Decided Today By Anna Beispiel."
    assert _spelled(text, url) == ["10 Things the Council Decided Today"] * 2
    # A sentence that mentions the same words in lower case is none; nor is a link's address.
    assert _spelled(f"{text} Read why the things the council decided today matter.", url) == ["10 Things the Council Decided Today"] * 2
    assert _spelled(f"Share https://rheinblatt.example/politik/2024/10-things-the-council-decided-today-123 {text}", url) == \
        ["10 Things the Council Decided Today"] * 2
    # A word the slug dropped inside it, a question mark and quotes around it.
    assert _spelled("Menu „Will the council pass the budget?“ Anna Beispiel", "https://x.example/will-council-pass-budget") == \
        ["„Will the council pass the budget?“"]


def test_words_a_mark_joins_are_read_as_the_slug_spells_them():
    text = "Menu Why the County’s Plan Won’t Work… and What Will By Anna Beispiel"
    assert _spelled(text, "https://x.example/why-the-countys-plan-wont-work-and-what-will") == ["Why the County’s Plan Won’t Work… and What Will"]
    assert _spelled("Menu So Many Ways to Play…and Pay There are more", "https://x.example/so-many-ways-to-playand-pay-1157") == \
        ["So Many Ways to Play…and Pay"]


def test_a_run_of_abbreviations_is_cut_in_one_pass(finishes_within):
    # Each "Dr." goes on the sentence, and its last word was found by splitting the whole sentence
    # so far: 4,000 of them took 0.6 s, 40,000 a minute.
    with finishes_within(30):
        pieces = R.pieces("Posted on Dr. " * 40000, False, True)
    assert "".join(pieces).count("Dr.") == 40000


def test_a_headline_printed_thousands_of_times_is_found_each_time(finishes_within):
    # A page of links that each repeat the headline: every copy is read once, not against every
    # other (3,000 copies took 274 s when each was).
    text = " ".join(["Council Passes The Budget After Debate read more"] * 2000)
    with finishes_within(30):
        spans = spelled_spans(text, "https://x.example/council-passes-the-budget-after-debate")
    assert len(spans) == 2000 and {text[start:end] for start, end in spans} == {"Council Passes The Budget After Debate read more"}


def test_the_words_a_shortened_slug_leaves_out_are_read_where_the_headline_is_printed_twice():
    text = ("Home › Garden › How to Grow a Lemon Tree from Seed | Step-by-Step Guide Posted by Anna "
            "Recipes How to Grow a Lemon Tree from Seed | Step-by-Step Guide The first thing to know ...")
    assert _spelled(text, "https://garden.example/lemon-tree-from-seed") == ["How to Grow a Lemon Tree from Seed"] * 2
    assert _spelled("Menu Lemon Tree from Seed Posted by Anna", "https://garden.example/lemon-tree-from-seed") == ["Lemon Tree from Seed"]


def test_a_run_on_page_is_read_by_the_run_on_trees_and_a_page_with_line_breaks_by_the_others(monkeypatch):
    asked = []
    shipped = line_model.shipped_model

    def recording(run_on: bool = False):
        asked.append(run_on)
        return shipped(run_on)

    monkeypatch.setattr(line_model, "shipped_model", recording)
    clean_text_page(" ".join([MENU, *_article(12)]), (), "https://rheinblatt.example/a")
    clean_text_page("\n".join([*MENU.split(), *_article(12)]), (), "https://rheinblatt.example/a")
    assert asked == [True, False]


@pytest.mark.parametrize("line", [
    " ".join([MENU, "Council passes the budget", "By Anna Beispiel.", *_article(12), HEADLINES]),
    " ".join([MENU, "Council Passes The Budget After Six Hour Debate", *_article(12)]),
    " ".join([MENU, "Council passes budget", MENU, "Council passes budget.", *_article(12)]),  # "repeated"
])
def test_neither_the_title_model_nor_the_rules_take_a_piece_for_the_title(line):
    url = "https://rheinblatt.example/a?id=7"
    assert clean_text_page(line, (), url).title is None
    assert read_page(line, (), url).reading.title is None


def test_a_run_on_page_is_dated_by_the_date_run_into_its_first_sentence():
    line = " ".join([MENU, "Home › Politics", "Published on March 12, 2024 at 10:15 am The council met on Tuesday "
                     "and passed the budget.", *_article(12), HEADLINES])
    assert clean_text_page(line, (), "https://rheinblatt.example/a?id=7").published_at == "2024-03-12T10:15:00Z"


@pytest.mark.parametrize("sentence", [
    "وافق مجلس المدينة على الميزانية الجديدة يوم الثلاثاء بعد نقاش استمر أكثر من ست ساعات في القاعة الكبرى.",
    "시의회는 화요일에 여섯 시간이 넘는 토론 끝에 새 예산안을 승인했고 야당 의원들은 대중교통 예산 삭감에 반대했다.",
    "नगर परिषद ने मंगलवार को छह घंटे से अधिक चली बहस के बाद नए बजट को मंजूरी दी और विपक्ष ने इसका विरोध किया।",
])
def test_a_script_without_capitals_is_cut_into_its_sentences_not_into_menu_entries(sentence):
    assert set(R.pieces(" ".join([sentence] * 25))) == {sentence}


def test_a_long_run_of_menus_between_sentences_is_cut_in_one_pass():
    # A footer of link lists with words between them: each list is parted, however many there are
    # (the search used to start again after each one: a recursion as deep as the lists are many).
    unit = "Home News Sport Weather Travel Culture Money Health Science Tech and then we go on with the story for a while"
    cut = R.pieces(" ".join([unit] * 2000))
    assert cut.count("Home News Sport Weather Travel Culture") == 2000


@pytest.mark.parametrize(("line", "blocks"), [
    ("He spoke.Then the hall went quiet.", ["He spoke.", "Then the hall went quiet."]),
    ("Forgot your password?Privacy Policy", ["Forgot your password?", "Privacy Policy"]),
    ("“We will,” she said.”Sondland’s testimony follows", ["“We will,” she said.”", "Sondland’s testimony follows"]),
    ("MenuHomeNewsSports and more", ["Menu", "Home", "News", "Sports and more"]),
    ("сказал он.Затем он ушёл домой.", ["сказал он.", "Затем он ушёл домой."]),
    ("as was expected.“Our results reflect growth”", ["as was expected.", "“Our results reflect growth”"]),
])
def test_blocks_a_scraper_ran_together_are_parted(line, blocks):
    assert R.unglued(line) == blocks


@pytest.mark.parametrize("line", [
    "Watch it on YouTube or buy it at McDonald's with an iPhone.",  # one glued capital: a name
    "Write to Sarah.Needleman@wsj.com about it", "see example.com/News for more",  # addresses
    "The U.S.Army and St.Louis agree.",  # after an abbreviation
    "Founder of Cherrish.One.",  # one word after the full stop: a name
    "var isVueModule = true;", "class QunitTests(StaticLiveServerTestCase):",  # code
    "GeneralMills.PandoSites.RegisterControl",  # a dotted name
])
def test_names_addresses_and_code_are_not_parted(line):
    assert R.unglued(line) == [line]


def test_a_page_whose_scraper_glued_its_blocks_is_read_as_its_blocks():
    # As BeautifulSoup's get_text() gives a page whose source writes each block on one line.
    article = _article(8)
    text = "\n".join(["HomeNewsWorldBusinessSportCulture", "Council passes the budget", "".join(article),
                      "PrivacyTermsContactAbout"])
    lines = [line.text for line in split_lines(text)]
    assert lines[:7] == ["Home", "News", "World", "Business", "Sport", "Culture", "Council passes the budget"]
    assert lines[7:15] == article
    page = clean_text_page(text, (), "https://rheinblatt.example/council-passes-the-budget")
    assert page.paragraphs == article and page.title == "Council passes the budget"


def test_a_page_with_a_glued_row_of_buttons_keeps_its_lines_as_they_are():
    # Now and then a block-aware scraper glues a row of buttons or a caption to its credit: cut,
    # they would move the lines the writers' and the title's readers count from the headline.
    text = "\n".join(["Council passes the budget", "By Anna Meier", "ShareTweetEmail", *_article(30)])
    assert [line.text for line in split_lines(text)][:3] == ["Council passes the budget", "By Anna Meier", "ShareTweetEmail"]
    assert not R.is_glued(["Council passes the budget", "ShareTweetEmail"])


def test_the_line_models_training_can_read_a_glued_page_as_delivered():
    text = "\n".join(["HomeNewsWorldBusinessSportCulture", "Council passes the budget", "".join(_article(8))])
    assert [line.text for line in split_lines(text, part_glued=False)][0] == "HomeNewsWorldBusinessSportCulture"
    assert len(split_lines(text)) > len(split_lines(text, part_glued=False))


@pytest.mark.parametrize("stamp, first", [
    ("Written by Miami Today on November 7, 2023", "The trust"),
    ("Updated 10:01 pm PST, Tuesday, November 19, 2019", "The city"),
    ("Veröffentlicht am 12.03.2022, 14:30 Uhr", "Die Stadt"),
    ("Publié le 3 mai 2021 à 08h15", "La mairie"),
    ("2024-03-12 10:15 CET", "Der Rat"),
])
def test_a_run_on_page_is_cut_after_the_date_stamp_its_article_starts_under(stamp, first):
    line = " ".join([MENU, "Council passes the budget", stamp, f"{first} met on Tuesday and passed the budget after a long debate.",
                     *_article(12)])
    pieces = R.pieces(line)
    assert any(a.endswith(stamp) and b.startswith(first) for a, b in zip(pieces, pieces[1:]))


@pytest.mark.parametrize("sentence", [
    "In March 2020 Germany closed its borders to most travellers.",
    "On 3 May 2021 the council met and, on 4 May 2021, it voted.",
])
def test_a_date_inside_a_sentence_cuts_nothing(sentence):
    assert sentence in R.pieces(" ".join([*_article(12), sentence, *_article(2)]))


def test_a_short_page_joined_into_one_line_is_cut_as_a_long_one_is():
    article = ["For the first time in many years I am using a Linux machine for my work, and I am pleased with it.",
               "But of course there are things that do not just work, like copying text from a terminal pane.",
               "As usual, a question and answer site knew the answer, and it took me five minutes to set it up."]
    line = " ".join(["Skip to main content Toggle navigation FlowFX Blog About Now Contact",
                     "Copy and paste from tmux to the system clipboard 2020-01-16", *article,
                     "Previous post Next post Archive – RSS – Impressum – Datenschutz"])
    assert len(line.split()) < R.LONGEST_PARAGRAPH
    kept = " ".join(clean_text_page(line).paragraphs)
    assert article[1] in kept and "Toggle navigation" not in kept and "Impressum" not in kept


def test_a_page_that_is_one_paragraph_comes_out_whole():
    paragraph = " ".join(_article(3))
    assert clean_text_page(paragraph).paragraphs == [paragraph]
