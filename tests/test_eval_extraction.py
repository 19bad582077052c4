"""The text-page evaluation sets: how a page is flattened to text, two ways."""

from __future__ import annotations

from pipeline.eval.extraction import visible_text

PAGE = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<h1>Bridge opens</h1><p>The new bridge <a href='/b'>opened</a> on Tuesday.</p>"
        "<div style='display: none'>Hidden teaser</div><script>var x = 1;</script>"
        "<p>Traffic was light.</p></body></html>")


def test_a_line_per_block_with_blank_lines_around_paragraphs():
    assert visible_text(PAGE) == "Home News\n\nBridge opens\n\nThe new bridge opened on Tuesday.\n\nTraffic was light."


def test_a_line_per_text_node_splits_at_every_tag():
    assert visible_text(PAGE, line_per_text_node=True).split("\n") == [
        "Home", "News", "Bridge opens", "The new bridge", "opened", "on Tuesday.", "Traffic was light."]
