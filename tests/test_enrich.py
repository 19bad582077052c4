from __future__ import annotations

from pipeline.records import ARTICLE_FIELDS
from pipeline.stages.enrich import Enrich, count_words, reading_time_minutes


def doc(**fields):
    base = {
        "url": "https://www.example.co.uk/news/markets-rally?utm_source=x",
        "origin": "line:1",
        "page_canonical_url": None,
        "language_hints": {"html_lang": "en"},
        "title": "Central bank raises interest rates again",
        "text": "The central bank raised interest rates on Tuesday. " * 60,
        "language": "en",
        "language_confidence": 0.99,
        "id": "0" * 32,
        "canonical_url": "https://www.example.co.uk/news/markets-rally",
        "content_hash": "a" * 64,
        "duplicate_of": None,
        "story_id": "0" * 32,
        "authors": [],
    }
    base.update(fields)
    return base


def test_enrich_produces_a_complete_article(validators) -> None:
    out = Enrich().run(doc())
    validators["article"].validate(out)
    assert set(ARTICLE_FIELDS) <= set(out)
    assert out["domain"] == "example.co.uk"
    assert out["word_count"] == 480
    assert out["reading_time_minutes"] == 2
    assert "interest rates" in [k.lower() for k in out["keywords"]]
    assert "origin" not in out


def test_domain_is_the_site_seen_even_when_canonical_names_another() -> None:
    out = Enrich().run(doc(canonical_url="https://wire.example.org/original"))
    assert out["domain"] == "example.co.uk"


def test_word_count_handles_unspaced_scripts() -> None:
    assert count_words("Hello brave new world") == 4
    assert count_words("中国国家主席习近平") == 6
    assert reading_time_minutes("") == 0
    assert reading_time_minutes("word") == 1

    assert count_words("에너지 정책 발표") == 3
    # Vowel signs and accents written as separate marks are part of their word.
    assert count_words("सोने के दाम में गिरावट") == 5
    assert count_words("Scho\u0308nheit und Gro\u0308ße") == 3
    # Thai, written without spaces: about six letters and marks a word (the sentence has six).
    assert count_words("กรุงเทพมหานครประกาศเตือนประชาชนเรื่องน้ำท่วม") == 8
