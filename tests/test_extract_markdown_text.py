"""Text a crawler delivered as Markdown: read as rendered, links as their labels, wrapped paragraphs joined."""

from __future__ import annotations

from pipeline.stages.extract import markdown_text as M
from pipeline.stages.extract.text_page import clean_text_page, split_lines

ARTICLE = [
    "The city council approved the new budget on Tuesday after a debate that lasted more than six hours.",
    "Opposition members said the plan cuts too deeply into public transport, while the mayor called it balanced.",
    "The budget now goes to the regional authority, which has until the end of the month to sign it off.",
]
PAGE = "\n".join([
    "![](https://rheinblatt.example/pixel.gif)",
    "",
    "[![Rheinblatt](https://rheinblatt.example/logo.png)](https://rheinblatt.example/ \"Home\")",
    "",
    "  * [Home](https://rheinblatt.example/)",
    "  * [Politics](https://rheinblatt.example/politics/ \"Politics\")",
    "  * [Sport](/sport/)",
    "",
    "# Council passes budget after six-hour debate",
    "",
    "By [Anna Beispiel](https://rheinblatt.example/authors/anna) | 12 March 2024",
    "",
    # html2text wraps paragraphs at 78 characters, a link's target too
    "The city council approved the new budget on Tuesday after a debate that lasted",
    "more than six hours.",
    "",
    "Opposition members said the plan cuts too deeply into [public",
    "transport](https://rheinblatt.example/2024/03/\ntransport-plan), while the mayor called it **balanced**.",
    "",
    "* * *",
    "",
    "The budget now goes to the regional authority, which has until the end of the month to sign it off.",
    "",
    "## More stories",
    "",
    "  * [Harbour bridge reopens after two years of repairs](/2024/03/bridge)",
    "  * [Schools get new heating systems before winter](/2024/03/schools)",
])


def _rendered(text: str) -> list[str]:
    return [line for line, _ in M.rendered_lines(text) if line]


def test_plain_text_is_markdown_as_rendered():
    lines = _rendered(PAGE)
    assert lines == [
        "Home", "Politics", "Sport",
        "Council passes budget after six-hour debate",
        "By Anna Beispiel | 12 March 2024",
        *ARTICLE,
        "More stories",
        "Harbour bridge reopens after two years of repairs", "Schools get new heating systems before winter",
    ]


def test_list_items_headings_quotes_and_hard_breaks_are_lines_of_their_own_and_code_stays_as_is():
    text = "\n".join([
        "First line of a verse  ", "second line", "> A quoted line", "> another one", "1. step one", "2) step two",
        "```", "x = a_b * c_d  # [not](a link)", "```", "| Team | Points |", "|---|---|", "| Ajax | 12 |",
        r"Escaped \*stars\* and a \# hash, `code`, _emphasis_ and snake_case_name.",
        "## A closed heading ##", "See [the report][1] or <https://rheinblatt.example/r> for more.",
        "[1]: https://rheinblatt.example/report",
    ])
    assert _rendered(text) == [
        "First line of a verse", "second line", "A quoted line", "another one", "1. step one", "2) step two",
        "x = a_b * c_d  # [not](a link)", "| Team | Points |", "| Ajax | 12 |",
        "Escaped *stars* and a # hash, code, emphasis and snake_case_name.",
        "A closed heading", "See the report or for more.",
    ]


def test_only_a_page_with_several_link_targets_is_read_as_markdown():
    assert M.is_markdown(PAGE)
    code_page = "\n".join(["# desktop user-agent", "USER_AGENT = 'Mozilla/5.0'", "# mobile user-agent", "[1] See the docs."])
    assert not M.is_markdown(code_page)
    assert [line.text for line in split_lines(code_page)][0] == "# desktop user-agent"  # plain text left alone


def test_a_markdown_page_gives_the_article_without_links_menus_or_teasers():
    article = clean_text_page(PAGE, (), "https://rheinblatt.example/2024/03/council-passes-budget-after-six-hour-debate")
    assert article.paragraphs == ARTICLE
    assert article.title == "Council passes budget after six-hour debate"
    assert article.published_at == "2024-03-12T00:00:00Z"
    assert article.authors == ["Anna Beispiel"]


def test_a_label_may_hold_brackets_of_its_own():
    text = "\n\n".join(["[[167 comments]](https://rheinblatt.example/c#comments)",
                       "![Kelly Clarkson admits she is shocked [WATCH]](https://rheinblatt.example/i.jpg) The caption."])
    assert _rendered(text) == ["[167 comments]", "The caption."]


def test_the_only_top_level_heading_is_the_title_unless_it_is_a_name_in_a_logo():
    menu = "[Home](/) [News](/news) [Sport](/sport)"
    url = "https://rheinblatt.example/a?id=7"  # the URL spells no line
    headed = clean_text_page("\n\n".join([menu, "# The city budget", "Council passes budget after six-hour debate", *ARTICLE]), (), url)
    assert headed.title == "The city budget"
    logo = clean_text_page("\n\n".join([menu, "# Rheinblatt", "Politics", "City budget: what the council decided on Tuesday",
                                        *ARTICLE]), (), url)
    assert logo.title == "City budget: what the council decided on Tuesday"
    # Two top-level headings (the site's banner is one): neither is taken for that alone.
    two = clean_text_page("\n\n".join([menu, "# Rheinblatt Daily News", "# The city budget",
                                        "Council passes budget after six-hour debate", *ARTICLE]), (), url)
    assert two.title == "Council passes budget after six-hour debate"


def test_html2texts_marks_for_markup_without_text_are_no_lines():
    # An icon's empty emphasis, and a link html2text wrapped around a list of tags.
    page = "\n".join([
        "[Sport](/sport/) [Politics](/politics/) [Home](/)", "", "Related", "", "[", "",
        "  * google](https://rheinblatt.example/tag/google/)[",
        "  * Google Stadia](https://rheinblatt.example/tag/google-stadia/)", "",
        "  * [ __ Tweet ](https://twitter.com/intent/tweet?text=x)",
        "  * [ __](https://getpocket.com/save?url=x)",
    ])
    assert [line.text for line in split_lines(page)] == ["Sport Politics Home", "Related", "google", "Google Stadia", "Tweet"]


def test_emphasis_marks_escaped_in_the_text_stay():
    assert M.rendered_lines("Fill in: \\_\\_ and **bold**")[0][0] == "Fill in: __ and bold"
