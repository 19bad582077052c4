import json
from collections import Counter
from pathlib import Path

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from pipeline.stages.language import IdentifyLanguage
from pipeline.stages.language.codes import hint_codes, normalise
from pipeline.stages.language.models import langdetect_ranking, naive_bayes
from pipeline.stages.language.stage import MAX_WINDOWS, WINDOW_CHARS, _headline_grammar, _windows

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "language" / "samples.json").read_text(encoding="utf-8"))
SAMPLES = FIXTURE["samples"]


@pytest.fixture(scope="module")
def stage():
    return IdentifyLanguage()


def doc(title="", text="", **hints):
    hints = {"html_lang": None, "og_locale": None, "content_language": None, **hints}
    return {"url": "https://example.org/a", "title": title, "text": text, "language_hints": hints}


@pytest.mark.parametrize(
    ("raw", "code"),
    [("zh-CN", "zh"), ("zh_TW", "zh"), ("nb_NO", "no"), ("nb", "no"), ("nn-NO", "nn"), ("iw", "he"),
     ("en-US", "en"), ("deu", "de"), ("ary", "ar"), ("zxx", "und")],
)
def test_codes_are_normalised(raw, code):
    assert normalise(raw) == code


def test_hints_parse_lists_and_ignore_garbage():
    assert hint_codes("de-DE, en") == {"de", "en"}
    assert hint_codes("{{ lang }}") == set()
    assert hint_codes(None) == set()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s["language"])
def test_full_texts(stage, sample):
    out = stage.run(doc(text=sample["text"]))
    assert out["language"] == sample["language"]
    assert out["language_confidence"] >= 0.9


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s["language"])
def test_titles_alone(stage, sample):
    # Nynorsk titles are too short to be clearly Nynorsk: they fold into `no`, as documented.
    expected = {"nn": "no"}.get(sample["language"], sample["language"])
    assert stage.run(doc(title=sample["title"]))["language"] == expected


@pytest.mark.parametrize("text", ["", "   ", "Hi", "12345 678 !!!", "https://example.org/x?id=12"])
def test_too_little_text_is_und_with_zero_confidence(stage, text):
    out = stage.run(doc(title=text, text=text))
    assert (out["language"], out["language_confidence"]) == ("und", 0.0)


def test_zulu_xhosa_icelandic_are_not_swahili_or_norwegian(stage):
    by_language = {s["language"]: s for s in SAMPLES}
    for code in ("zu", "xh", "is"):
        assert stage.run(doc(title=by_language[code]["title"], text=by_language[code]["text"]))["language"] == code


def test_bokmal_is_published_as_no_and_never_nb(stage):
    bokmal = next(s for s in SAMPLES if s["language"] == "no")
    assert stage.run(doc(text=bokmal["text"], html_lang="nb-NO"))["language"] == "no"


def test_a_hint_settles_an_ambiguous_title(stage):
    # Swedish and Danish spell this title the same way.
    assert stage.run(doc(title="Brand i centrum"))["language"] == "sv"
    assert stage.run(doc(title="Brand i centrum", html_lang="da-DK"))["language"] == "da"


def test_a_wrong_hint_does_not_outvote_clear_text(stage):
    german = next(s for s in SAMPLES if s["language"] == "de")
    out = stage.run(doc(title=german["title"], text=german["text"], html_lang="en-US", og_locale="en_US", content_language="en"))
    assert out["language"] == "de"
    assert out["language_confidence"] >= 0.9


def test_confidence_is_lower_on_a_title_than_on_the_article(stage):
    english = next(s for s in SAMPLES if s["language"] == "en")
    title_only = stage.run(doc(title="Hotel Central"))["language_confidence"]
    assert 0.0 < title_only < 0.5 < stage.run(doc(text=english["text"]))["language_confidence"] <= 1.0


def test_a_page_mixing_two_languages_reports_the_second(stage):
    by_language = {s["language"]: s["text"] for s in SAMPLES}
    text = "\n".join([by_language["en"]] * 3 + [by_language["de"]] * 2)
    out = stage.run(doc(text=text))
    assert out["language"] == "en"
    assert out["language_alt"]["language"] == "de"
    assert 0.9 <= out["language_alt"]["confidence"] <= 1.0
    assert "language_alt" not in stage.run(doc(text=by_language["en"] * 5))


def test_deterministic_across_calls_and_instances(stage):
    first = [stage.run(doc(title=s["title"], text=s["text"])) for s in SAMPLES]
    again = [IdentifyLanguage().run(doc(title=s["title"], text=s["text"])) for s in SAMPLES]
    assert first == again
    text = "Die Regierung hat heute beschlossen"
    assert langdetect_ranking(text) == langdetect_ranking(text)


def test_run_keeps_the_record_and_does_not_mutate_it(stage):
    record = doc(title="x", text=SAMPLES[0]["text"])
    before = json.dumps(record, sort_keys=True)
    out = stage.run(record)
    assert json.dumps(record, sort_keys=True) == before
    assert {k: out[k] for k in record} == record
    assert stage.name == "language"


def test_missing_fields_do_not_crash(stage):
    out = stage.run({"url": "https://example.org", "text": None, "title": None, "language_hints": "en"})
    assert out["language"] == "und"


def test_long_texts_are_sampled_not_read_whole():
    windows = _windows("word " * 2_000_000)
    assert len(windows) == MAX_WINDOWS
    assert all(len(w) <= WINDOW_CHARS for w in windows)


@pytest.mark.parametrize(
    "title",
    ["Startup Weekend in Hamburg mit Pitch Night", "Live Ticker: Champions League Finale heute", "Gaming Laptop Review und Benchmark"],
)
def test_a_german_headline_full_of_english_loanwords_is_german(stage, title):
    assert stage.run(doc(title=title))["language"] == "de"


def test_headline_casing_keeps_an_english_headline_english(stage):
    assert stage.run(doc(title="Council Approves New Budget for City Schools"))["language"] == "en"


def test_headline_grammar_is_read_only_from_headline_cased_titles():
    assert _headline_grammar("Fishing Masters Show in Rostock im Mai") == "in im"
    assert _headline_grammar("The council approved a new budget for schools on Tuesday") is None
    assert _headline_grammar("Provence Travel Guide") is None


@pytest.mark.parametrize("title", ["Vlada je danas donijela odluku", "Cijene goriva ponovno rastu"])
def test_a_short_title_leans_to_the_more_widely_published_neighbour(stage, title):
    # Croatian and Bosnian are nearly indistinguishable on a few words; Croatian is far more common.
    assert stage.run(doc(title=title))["language"] == "hr"
    # ...but the page's own declaration still settles it the other way.
    assert stage.run(doc(title=title, html_lang="bs"))["language"] == "bs"


@pytest.fixture(scope="module")
def py3langid_reference():
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@pytest.mark.parametrize("sample", SAMPLES[:6], ids=lambda s: s["language"])
def test_scores_match_py3langid_own_classifier(py3langid_reference, sample):
    reference = py3langid_reference
    expected = {normalise(code): 0.0 for code in reference.nb_classes}
    for code, probability in reference.rank(sample["text"]):
        expected[normalise(code)] += probability
    model = naive_bayes()
    ours = model.probabilities([sample["text"]], [[0]])[0]
    assert ours == pytest.approx([expected[code] for code in model.codes], abs=1e-3)


@pytest.mark.parametrize("text", ["", "a", "Über die Brücke, 12 € — naïve café", "记者 王小明 报道：北京今天下雨。", "Привет, мир! 😀 ok",
                                  "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645"])
def test_the_compiled_walk_finds_the_features_py3langid_counts(py3langid_reference, text):
    reference = py3langid_reference
    data = text.encode("utf-8")
    expected = visit_counts(reference.tk_nextmove, reference._rowbase, reference.tk_output, data) or Counter()
    found = naive_bayes()._features(text)
    assert sorted(found.tolist()) == sorted(expected.elements())
