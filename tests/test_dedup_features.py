"""Story features: which words count as names, and the weight names and numbers get."""

from __future__ import annotations

from collections import Counter

from pipeline.stages.dedup import features
from pipeline.stages.dedup.fingerprint import words


def test_names_are_capitalised_inside_a_sentence_or_rare_at_its_start():
    text = ("Police said Orozco, 29, shot Deputy Jerry Ortiz on Monday.\n"
            "Orozco was convicted. The judge said the verdict stands.")
    names = features.proper_names(text, "en")
    assert {"orozco", "deputy", "jerry", "ortiz"} <= names
    # Common words opening a sentence, and calendar words, are not names of the event.
    assert not {"police", "the", "monday"} & names


def test_possessive_is_folded_into_the_name():
    assert "klitschko" in features.proper_names("The fight was Klitschko's tenth defence.", "en")


def test_names_and_numbers_outweigh_an_equally_frequent_common_word():
    body = "quake Qeshm 930 island"
    vector = dict(map(tuple, features.story_vector(Counter(words(body)), [], "en", {"qeshm"})))
    plain = dict(map(tuple, features.story_vector(Counter(words(body)), [], "en", set())))
    assert vector["qeshm"] / vector["island"] > plain["qeshm"] / plain["island"]
    # By background frequency alone a number (4.5) is barely rarer than "island" (4.0).
    assert vector["930"] > 2 * vector["island"]
