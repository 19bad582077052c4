"""The story evaluation's own figures: over-merge counting and ECB+ topic names."""

from __future__ import annotations

from pipeline.eval.stories import as_extracted, over_merge_rate, topic


def test_topic_folds_the_two_events_of_one_ecb_topic():
    assert topic("12ecb") == topic("12ecbplus") == "12"
    assert topic("1ecb") != topic("12ecb")


def test_over_merge_counts_articles_in_a_story_founded_by_another_event():
    rows = [{"url": "a", "story_id": "s1"}, {"url": "b", "story_id": "s1"}, {"url": "c", "story_id": "s2"},
            {"url": "d", "story_id": "s1"}]
    truth = {"a": "e1", "b": "e1", "c": "e2", "d": "e2"}
    assert over_merge_rate(rows, truth) == 0.25


def test_headline_becomes_the_title():
    doc = as_extracted({"url": "u", "text": "Quake hits Iran\nA strong earthquake struck."}, 3)
    assert (doc["title"], doc["text"], doc["origin"]) == ("Quake hits Iran", "A strong earthquake struck.", "line:3")
