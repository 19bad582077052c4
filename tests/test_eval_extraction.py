"""The text-page evaluation sets: how a page is flattened to text, six ways."""

from __future__ import annotations

from pipeline.eval.extraction import flatten, visible_text

PAGE = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<h1>Bridge opens</h1><p>The new bridge <a href='/b'>opened</a> on Tuesday.</p>"
        "<div style='display: none'>Hidden teaser</div><script>var x = 1;</script>"
        "<p>Traffic was light.</p></body></html>")


def test_a_line_per_block_with_blank_lines_around_paragraphs():
    assert visible_text(PAGE) == "Home News\n\nBridge opens\n\nThe new bridge opened on Tuesday.\n\nTraffic was light."


def test_a_line_per_text_node_splits_at_every_tag():
    assert visible_text(PAGE, line_per_text_node=True).split("\n") == [
        "Home", "News", "Bridge opens", "The new bridge", "opened", "on Tuesday.", "Traffic was light."]


def test_rendered_text_breaks_lines_at_blocks_only():
    page = PAGE.replace("on Tuesday.", "on\n  Tuesday.")
    assert visible_text(page).split("\n")[4:6] == ["The new bridge opened on", "Tuesday."]  # the source's break
    assert flatten(page, "text-rendered") == visible_text(PAGE)


def test_one_line_joins_everything_with_spaces():
    assert flatten(PAGE, "text-oneline") == "Home News Bridge opens The new bridge opened on Tuesday. Traffic was light."


def test_markdown_marks_links_images_headings_and_list_items_and_keeps_a_link_on_one_line():
    page = ("<html><body><ul><li><a href='/'><div>Home</div><img src='/i.png' alt='logo'></a></li></ul>"
            "<h2>Bridge opens</h2><p>The new bridge <a href='/b'>opened</a> on\n  Tuesday.</p></body></html>")
    assert flatten(page, "text-markdown") == (
        "* [ Home ![logo](/i.png)](/)\n\n## Bridge opens\n\nThe new bridge [opened](/b) on Tuesday.")


def test_source_text_keeps_the_sources_line_breaks_only_and_runs_blocks_together():
    page = PAGE.replace("<p>Traffic", "\n<p>Traffic")
    assert flatten(page, "text-source") == "Home NewsBridge opensThe new bridge opened on Tuesday.\nTraffic was light."
