"""Story assignment: the names gate, publication-time gaps, and a rebuilt index that carries both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.stages.dedup import Dedup, StoryIndex, StoryParams, prepare

FIXTURE = Path(__file__).parent / "fixtures" / "dedup" / "articles.jsonl"

# Two earthquakes told in the same words: only the places, the people and the magnitude differ.
QESHM = {"url": "https://a.example.com/quake-qeshm", "language": "en",
         "title": "Earthquake strikes island, dozens injured",
         "text": "A strong earthquake struck Qeshm island in the Gulf on Sunday, injuring dozens of villagers.\n"
                 "Governor Ahmadi said rescue teams from Bandar Abbas reached the damaged villages by evening.\n"
                 "The quake, of magnitude 5.9, collapsed mud-brick houses and cut water supplies; "
                 "aftershocks rattled the island."}
ZARAND = {"url": "https://b.example.com/quake-zarand", "language": "en",
          "title": "Earthquake strikes desert town, dozens injured",
          "text": "A strong earthquake struck the desert town of Zarand on Sunday, injuring dozens of villagers.\n"
                  "Governor Rostami said rescue teams from Kerman reached the damaged villages by evening.\n"
                  "The quake, of magnitude 6.4, collapsed mud-brick houses and cut water supplies; "
                  "aftershocks rattled the town."}


@pytest.fixture(scope="module")
def seeds() -> list[dict]:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    return [row for row in rows if row.pop("name").startswith("seed-")]


def same_story(first: dict, second: dict, params: StoryParams = StoryParams()) -> bool:
    dedup = Dedup(params=params)
    a = dedup.run({**first, "origin": "line:1"})
    b = dedup.run({**second, "origin": "line:2"})
    assert a["duplicate_of"] is None and b["duplicate_of"] is None
    return a["story_id"] == b["story_id"]


def test_two_events_of_one_kind_with_different_names_stay_apart():
    assert not same_story(QESHM, ZARAND)
    # Their topic words alone would merge them: the names make the difference.
    assert same_story(QESHM, ZARAND, StoryParams(name_similarity=0.0))


def test_days_between_publication_times_make_joining_harder(seeds):
    first, second = seeds

    def published(doc: dict, day: int) -> dict:
        return {**doc, "published_at": f"2026-03-{day:02d}T09:00:00Z"}

    assert same_story(published(first, 2), published(second, 2))
    # Six days apart: inside the 7-day window, but the seeds are not that close.
    assert not same_story(published(first, 2), published(second, 8))
    assert not same_story(published(second, 8), published(first, 2))
    # Fetch times alone do not say when the story happened: only the window applies.
    fetched = [{**doc, "fetched_at": f"2026-03-{day:02d}T09:00:00Z"} for doc, day in ((first, 2), (second, 8))]
    assert same_story(*fetched)


def test_rebuilt_index_keeps_names_and_publication_times(seeds):
    records = [
        {**QESHM, "origin": "line:1", "published_at": "2026-03-01T09:00:00Z"},
        {**seeds[0], "origin": "line:2", "published_at": "2026-03-01T10:00:00Z"},
        {**ZARAND, "origin": "line:3", "published_at": "2026-03-01T11:00:00Z"},
        {**seeds[1], "origin": "line:4", "published_at": "2026-03-06T10:00:00Z"},
        {**seeds[1], "origin": "line:5", "url": "https://late.example.org/s", "published_at": "2026-03-01T12:00:00Z"},
    ]
    live = StoryIndex()
    for record in records[:3]:
        live.decide(prepare(record))
    rebuilt = StoryIndex(json.loads(json.dumps(live.table)))
    for record in records[3:]:
        from_live, from_rebuilt = live.decide(prepare(record)), rebuilt.decide(prepare(record))
        assert (from_live["story_id"], from_live["duplicate_of"]) == \
            (from_rebuilt["story_id"], from_rebuilt["duplicate_of"])
    assert rebuilt.table == live.table
