"""Story features: which words count as names, and the weight names and numbers get."""

from __future__ import annotations

from datasketch import MinHash

from pipeline.stages.dedup import features
from pipeline.stages.dedup.fingerprint import NUM_PERM, shingles, signature
from pipeline.stages.dedup.tokens import tokenise


def test_names_are_capitalised_inside_a_sentence_or_rare_at_its_start():
    text = ("Police said Orozco, 29, shot Deputy Jerry Ortiz on Monday.\n"
            "Orozco was convicted. The judge said the verdict stands.")
    names = features.proper_names(tokenise(text), "en")
    assert {"orozco", "deputy", "jerry", "ortiz"} <= names
    # Common words opening a sentence, and calendar words, are not names of the event.
    assert not {"police", "the", "monday"} & names


def test_possessive_is_folded_into_the_name():
    assert "klitschko" in features.proper_names(tokenise("The fight was Klitschko's tenth defence."), "en")


def test_names_and_numbers_outweigh_an_equally_frequent_common_word():
    body = "quake Qeshm 930 island"
    vector = dict(map(tuple, features.story_vector(tokenise(body), [], "en", {"qeshm"})[0]))
    plain = dict(map(tuple, features.story_vector(tokenise(body), [], "en", set())[0]))
    assert vector["qeshm"] / vector["island"] > plain["qeshm"] / plain["island"]
    # By background frequency alone a number (4.5) is barely rarer than "island" (4.0).
    assert vector["930"] > 2 * vector["island"]


def test_tokens_fold_case_per_word_and_keep_capitals():
    tokens = tokenise("Police said ÖZIL scored. İstanbul cheered; the fans said “Özil!”")
    assert tokens.words[:3] == ["police", "said", "özil"]
    assert tokens.counts["özil"] == 2 and tokens.written["Özil"] == 1
    assert "i̇stanbul" in tokens.counts  # folded as one word, not cut at the combining dot
    assert set(tokens.capitalised) == {"Police", "ÖZIL", "İstanbul", "Özil"}


def test_words_written_with_vowel_signs_are_whole_words():
    # Regular expressions' \w stops at the vowel signs: "बारिश" was "ब", "र", "श", shared by most Hindi texts.
    assert tokenise("दिल्ली में भारी बारिश।").words == ["दिल्ली", "में", "भारी", "बारिश"]


def test_signature_is_the_one_datasketch_computes():
    hashes = shingles(tokenise("A strong earthquake struck Qeshm island in the Gulf on Sunday, injuring dozens."))
    reference = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int)
    reference.update_batch(hashes.tolist())
    assert (signature(hashes) == reference.hashvalues).all()
    assert (signature(hashes[:0]) == MinHash(num_perm=NUM_PERM, seed=1).hashvalues).all()
