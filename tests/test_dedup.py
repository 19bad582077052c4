"""Dedup: ids, exact and near-duplicates, replays, stories, windowing, rebuilt state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.stages.dedup import FEATURES, Dedup, StoryIndex, TextClaim, UrlClaim, prepare
from pipeline.stages.urls import article_id, canonical_url

DAY = 86400.0
FIXTURE = Path(__file__).parent / "fixtures" / "dedup" / "articles.jsonl"


@pytest.fixture(scope="module")
def articles() -> dict[str, dict]:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    return {row.pop("name"): row for row in rows}


def doc(base: dict, origin: str, **changes) -> dict:
    return {**base, "origin": origin, **changes}


def wire_body(articles: dict) -> list[str]:
    """The wire seed's article paragraphs, without its trailing list of headlines."""
    return articles["seed-0"]["text"].split("\n\n\n")[0].split("\n")


def test_exact_duplicate_by_url_variant_with_tracking_parameters(articles):
    dedup = Dedup()
    original = dedup.run(doc(articles["rehab-reid"], "line:1"))
    variant_url = articles["rehab-reid"]["url"] + "?utm_source=twitter&utm_medium=social#comments"
    variant = dedup.run(doc(articles["rehab-reid"], "line:2", url=variant_url))
    assert original["duplicate_of"] is None
    assert original["id"] == article_id(canonical_url(articles["rehab-reid"]["url"]))
    assert variant["id"] == original["id"]
    assert variant["duplicate_of"] == original["id"]
    assert variant["story_id"] == original["story_id"]


def test_amp_and_mobile_variants_are_duplicates(articles):
    dedup = Dedup()
    base = doc(articles["seed-1"], "line:1", url="https://www.example-daily.com/news/lukashenko-xi")
    original = dedup.run(base)
    for n, url in enumerate(("https://m.example-daily.com/news/lukashenko-xi/amp",
                             "http://amp.example-daily.com/news/lukashenko-xi/"), 2):
        # A mobile page's body differs a little, so only the URL can tell.
        copy = dedup.run(doc(base, f"line:{n}", url=url, text=base["text"] + "\nRead more on our app"))
        assert copy["duplicate_of"] == original["id"]


def test_resent_page_is_a_duplicate_with_its_own_id(articles):
    dedup = Dedup()
    original = dedup.run(doc(articles["quake-iran"], "pages.raw/0/10"))
    resent = dedup.run(doc(articles["quake-iran"], "pages.raw/3/77"))
    assert resent["id"] == original["id"]
    assert resent["duplicate_of"] == original["id"]


def test_replay_of_the_same_record_is_the_same_clean_article(articles):
    dedup = Dedup()
    first = dedup.run(doc(articles["quake-iran"], "pages.raw/0/10"))
    dedup.run(doc(articles["rehab-lohan"], "pages.raw/0/11"))
    again = dedup.run(doc(articles["quake-iran"], "pages.raw/0/10"))
    assert again["duplicate_of"] is None
    assert (again["id"], again["story_id"]) == (first["id"], first["story_id"])


def test_replay_of_a_duplicate_is_the_same_duplicate(articles):
    dedup = Dedup()
    original = dedup.run(doc(articles["quake-iran"], "line:1"))
    copy_url = "https://partner.example.net/wire/quake"
    first = dedup.run(doc(articles["quake-iran"], "line:2", url=copy_url))
    again = dedup.run(doc(articles["quake-iran"], "line:2", url=copy_url))
    assert first["duplicate_of"] == again["duplicate_of"] == original["id"]


def test_same_text_under_another_url_is_a_duplicate(articles):
    dedup = Dedup()
    original = dedup.run(doc(articles["boxing-klitschko"], "line:1"))
    # Different quotes and spacing are the same normalised text.
    text = articles["boxing-klitschko"]["text"].replace("'", "’").replace(". ", ".  ")
    copy = dedup.run(doc(articles["boxing-klitschko"], "line:2", url="https://sport.example.org/k", text=text))
    assert copy["content_hash"] == original["content_hash"]
    assert copy["duplicate_of"] == original["id"]


def test_edited_republication_in_another_template_is_a_near_duplicate(articles):
    dedup = Dedup()
    paragraphs = wire_body(articles)
    original = dedup.run(doc(articles["seed-0"], "line:1", text="\n".join(paragraphs)))
    edited = ["UPDATED: " + paragraphs[0], *paragraphs[1:4], *paragraphs[5:]]
    edited[2] = edited[2].replace("Belarus has deepened", "Minsk has steadily deepened")
    template = ["Partner Network | World", *edited, "Share this story", "Subscribe to our newsletter"]
    copy = dedup.run(doc(articles["seed-0"], "line:2", url="https://partner.example.net/p/123",
                         title="Xi hails Belarus (UPDATED)", text="\n".join(template)))
    assert copy["id"] != original["id"]
    assert copy["duplicate_of"] == original["id"]
    assert copy["story_id"] == original["story_id"]


def test_copy_of_a_copy_points_to_the_kept_article(articles):
    dedup = Dedup()
    paragraphs = wire_body(articles)
    original = dedup.run(doc(articles["seed-0"], "line:1", text="\n".join(paragraphs)))
    copy_url = "https://partner.example.net/p/123"
    copy = dedup.run(doc(articles["seed-0"], "line:2", url=copy_url, text="\n".join(paragraphs[1:])))
    resent_copy = dedup.run(doc(articles["seed-0"], "line:3", url=copy_url + "?utm_campaign=x",
                                text="\n".join(paragraphs[1:])))
    assert copy["duplicate_of"] == original["id"]
    assert resent_copy["duplicate_of"] == original["id"]


def test_different_articles_in_one_site_template_are_not_duplicates(articles):
    header = ["Homepage News", "Others are reading now", "Share on Facebook", "Share on X"]
    footer = ["Also read: Markets close higher", "Also read: Weather warning for the weekend",
              "Subscribe to our newsletter", "© Example Daily 2026. All rights reserved."]
    dedup = Dedup()
    decided = [
        dedup.run(doc(articles[name], f"line:{n}", url=f"https://www.example-daily.com/news/{name}",
                      text="\n".join([*header, articles[name]["text"], *footer])))
        for n, name in enumerate(("rehab-reid", "rehab-lohan", "quake-iran", "boxing-klitschko"))
    ]
    assert [d["duplicate_of"] for d in decided] == [None] * 4


def test_seed_pages_share_a_story_and_are_not_duplicates(articles):
    dedup = Dedup()
    first = dedup.run(doc(articles["seed-0"], "line:1"))
    second = dedup.run(doc(articles["seed-1"], "line:2"))
    assert first["duplicate_of"] is None and second["duplicate_of"] is None
    assert second["story_id"] == first["story_id"] == first["id"]


def test_unrelated_articles_get_their_own_stories(articles):
    dedup = Dedup()
    stories = [dedup.run(doc(article, f"line:{n}"))["story_id"] for n, article in enumerate(articles.values())]
    assert len(set(stories)) == len(articles) - 1  # only the two seeds share one


def stream(articles: dict) -> list[dict]:
    paragraphs = wire_body(articles)
    base = [doc(article, f"line:{n}") for n, article in enumerate(articles.values())]
    return [
        *base,
        doc(articles["rehab-lohan"], "line:10", url=articles["rehab-lohan"]["url"] + "?utm_source=rss"),
        doc(articles["seed-0"], "line:11", url="https://partner.example.net/p/1", text="\n".join(paragraphs[1:])),
        base[2],
        doc(articles["quake-iran"], "line:12", url="https://mirror.example.com/quake"),
    ]


def decisions(results: list[dict]) -> list[tuple]:
    return [(r["id"], r["duplicate_of"], r["story_id"], r["content_hash"]) for r in results]


def test_same_stream_gives_the_same_decisions(articles):
    runs = []
    for _ in range(2):
        dedup = Dedup()
        runs.append(decisions([dedup.run(dict(d)) for d in stream(articles)]))
    assert runs[0] == runs[1]


def test_steps_over_separate_tables_match_the_composed_stage(articles):
    """What the stream does: each step on its own table, records round-tripped through JSON."""
    url_table, text_table, story_table = {}, {}, {}
    url_claim, text_claim, index = UrlClaim(), TextClaim(), StoryIndex(story_table)
    stepped = []
    for record in stream(articles):
        wire = json.loads(json.dumps(prepare(record)))
        wire = json.loads(json.dumps(url_claim.decide(wire, url_table)))
        wire = json.loads(json.dumps(text_claim.decide(wire, text_table)))
        stepped.append(index.decide(wire))
    dedup = Dedup()
    assert decisions(stepped) == decisions([dedup.run(dict(d)) for d in stream(articles)])
    assert all(FEATURES not in r for r in stepped)


def test_prepared_record_is_compact_json(articles):
    prepared = prepare(doc(articles["seed-0"], "line:1"))
    assert len(json.dumps(prepared[FEATURES])) < 2500
    assert prepared["duplicate_of"] is None and len(prepared["content_hash"]) == 64


def test_rebuilt_index_decides_like_the_live_one(articles):
    records = stream(articles)
    live = Dedup()
    for record in records[:5]:
        live.run(dict(record))
    rebuilt = StoryIndex(json.loads(json.dumps(live.tables["stories"])))
    for record in records[5:]:
        prepared = prepare(dict(record))
        prepared = live.url_claim.decide(prepared, live.tables["urls"])
        prepared = live.text_claim.decide(prepared, live.tables["texts"])
        from_rebuilt = rebuilt.decide(json.loads(json.dumps(prepared)))
        from_live = live.stories.decide(prepared)
        assert decisions([from_rebuilt]) == decisions([from_live])
    assert rebuilt.table == live.tables["stories"]


def test_window_evicts_old_articles(articles):
    dedup = Dedup(window_days=7)
    old = dedup.run(doc(articles["quake-iran"], "line:1", fetched_at="2026-01-01T00:00:00Z"))
    dedup.run(doc(articles["rehab-reid"], "line:2", fetched_at="2026-01-10T00:00:00Z"))
    later = doc(articles["boxing-klitschko"], "line:3", fetched_at="2026-01-10T01:00:00Z")
    dedup.run(later)
    assert old["id"] not in dedup.tables["stories"]
    assert len(dedup.tables["stories"]) == 2
    # Outside the window a copy is no longer recognised: it starts afresh.
    copy = dedup.run(doc(articles["quake-iran"], "line:4", url="https://mirror.example.com/quake",
                         fetched_at="2026-01-10T02:00:00Z"))
    assert copy["duplicate_of"] is None


def test_claims_expire_after_the_window_and_are_swept(articles):
    claim, table = UrlClaim(window_s=7 * DAY), {}
    first = prepare(doc(articles["quake-iran"], "line:1", fetched_at="2026-01-01T00:00:00Z"))
    claim.decide(first, table)
    inside = claim.decide(prepare(doc(articles["quake-iran"], "line:2", fetched_at="2026-01-05T00:00:00Z")), table)
    outside = claim.decide(prepare(doc(articles["quake-iran"], "line:3", fetched_at="2026-01-09T00:00:00Z")), table)
    assert inside["duplicate_of"] == first["id"]
    assert outside["duplicate_of"] is None
    assert table[first[FEATURES]["k"]]["o"] == "line:3"
    assert UrlClaim.sweep(table, before=first[FEATURES]["t"] + 30 * DAY) == 1
    assert table == {}


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_claims_partitioned_over_workers_decide_like_one_process(articles, workers):
    """Each claim key lives in one partition's table: the decisions cannot depend on the worker count."""
    url_tables = [{} for _ in range(workers)]
    text_tables = [{} for _ in range(workers)]
    url_claim, text_claim, index = UrlClaim(), TextClaim(), StoryIndex()

    def partition(key: str) -> int:
        return int(key.encode().hex(), 16) % workers

    stepped = []
    for record in stream(articles):
        prepared = prepare(record)
        prepared = url_claim.decide(prepared, url_tables[partition(url_claim.key(prepared))])
        prepared = text_claim.decide(prepared, text_tables[partition(text_claim.key(prepared))])
        stepped.append(index.decide(prepared))
    dedup = Dedup()
    assert decisions(stepped) == decisions([dedup.run(dict(d)) for d in stream(articles)])


def test_a_publication_date_after_the_fetch_does_not_move_the_clock(articles):
    future = prepare(doc(articles["quake-iran"], "line:1", published_at="2031-01-01T00:00:00Z",
                         fetched_at="2026-11-20T08:00:00Z"))
    plausible = prepare(doc(articles["quake-iran"], "line:1", published_at="2026-11-20T07:00:00+02:00",
                            fetched_at="2026-11-20T08:00:00Z"))
    assert future[FEATURES]["p"] is None and future[FEATURES]["t"] < 1.8e9
    assert plausible[FEATURES]["p"] is not None and plausible[FEATURES]["t"] == plausible[FEATURES]["p"]


def test_an_id_whose_claims_left_the_window_is_new_again_not_a_copy_of_itself(articles):
    index = StoryIndex()
    first = index.decide(prepare(doc(articles["quake-iran"], "pages.raw/0/1")))
    # The claim steps found no owner (their rows expired): the story step must agree.
    again = index.decide(prepare(doc(articles["quake-iran"], "pages.raw/5/9")))
    assert first["duplicate_of"] is None and again["duplicate_of"] is None
    assert again["id"] == first["id"]
    assert len([row for row in index.table.values() if row["d"] is None]) == 1
    rebuilt = StoryIndex(dict(index.table))
    assert rebuilt.decide(prepare(doc(articles["quake-iran"], "pages.raw/5/9")))["duplicate_of"] is None


ZH_ARTICLE = [
    "新华社北京7月12日电 北京市12日遭遇强降雨，多条主要道路出现积水，交通受到影响。北京市气象台当天上午发布暴雨黄色预警，预计未来两天仍有强降雨。",
    "市排水集团表示，已在重点路段增设排水泵，全力保障道路畅通。教育部门决定，全市中小学当天停课一天，请家长注意孩子安全。",
    "据统计，截至12日下午，全市平均降雨量达到85毫米，最大降雨量出现在门头沟区，达到210毫米。",
    "交通部门提醒市民尽量减少出行，如需出行请选择公共交通工具，并注意避开积水路段。",
    "气象专家表示，此次降雨过程持续时间长、累计雨量大，需要防范山洪、泥石流等次生灾害。",
]


def test_chinese_copies_and_stories_are_found_without_spaces_between_words():
    # Without spaces a "word" was a whole clause: an edited copy shared few with its original (no
    # near-duplicate), another outlet's account of the event none (a story of its own).
    def page(url: str, title: str, paragraphs: list[str], origin: str) -> dict:
        return {"url": url, "title": title, "text": "\n".join(paragraphs), "language": "zh", "origin": origin,
                "published_at": "2024-07-12T10:00:00Z", "fetched_at": "2024-07-12T12:00:00Z"}

    dedup = Dedup()
    original = dedup.run(page("https://news.example.cn/a/1", "北京暴雨致多条道路积水", ZH_ARTICLE, "line:1"))
    edited = [ZH_ARTICLE[0].replace("多条主要道路", "多条道路"), ZH_ARTICLE[1], ZH_ARTICLE[2].replace("85毫米", "86毫米"),
              ZH_ARTICLE[3], "来源：新华社"]
    copy = dedup.run(page("https://other.example.cn/p/9", "北京暴雨致多条道路积水（更新）", edited, "line:2"))
    retold = dedup.run(page("https://third.example.cn/x/5", "北京遭遇强降雨 多条道路积水 中小学停课", [
        "中新网7月12日电 受强降雨影响，北京多条道路积水严重，部分路段交通一度中断。",
        "北京市气象台12日上午发布暴雨黄色预警。门头沟区降雨量最大，超过200毫米。",
        "北京市教委通知，全市中小学12日停课。排水部门在积水路段增设水泵。"], "line:3"))
    markets = dedup.run(page("https://fin.example.cn/x/7", "沪指收涨1.2% 成交额超4000亿元", [
        "上海证券交易所12日公布数据，上证指数收盘上涨1.2%，成交额超过4000亿元。",
        "分析人士认为，近期政策利好不断，市场信心逐步恢复，科技板块表现活跃。",
        "多家券商表示，下半年A股有望继续震荡上行，建议投资者关注消费和新能源板块。"], "line:4"))
    assert copy["duplicate_of"] == original["id"]
    assert retold["duplicate_of"] is None and retold["story_id"] == original["story_id"]
    assert markets["story_id"] != original["story_id"]


def test_korean_accounts_of_one_event_share_their_nouns_whatever_the_particles():
    # "서울에", "서울의", "서울에서" were three story terms, none shared with "서울은": another
    # outlet's account of the same downpour was a story of its own.
    def page(url: str, title: str, paragraphs: list[str], origin: str) -> dict:
        return {"url": url, "title": title, "text": "\n".join(paragraphs), "language": "ko", "origin": origin,
                "published_at": "2024-07-12T10:00:00Z", "fetched_at": "2024-07-12T12:00:00Z"}

    dedup = Dedup()
    first = dedup.run(page("https://a.example.kr/1", "서울 집중호우로 도로 곳곳 침수", [
        "12일 오전 서울 전역에 시간당 50mm가 넘는 집중호우가 쏟아지면서 도로 곳곳이 침수됐다.",
        "기상청은 이날 오전 서울에 호우경보를 발령하고 추가 피해에 대비할 것을 당부했다.",
        "서울시는 침수 우려 지역에 배수 펌프를 추가로 설치하고 비상 근무에 들어갔다.",
        "서울시교육청은 관내 초중고교에 휴교를 권고했다."], "line:1"))
    retold = dedup.run(page("https://b.example.kr/2", "서울에 시간당 50mm 폭우…도로 침수 잇따라", [
        "서울에 12일 집중호우가 내려 도로 곳곳에서 침수 피해가 발생했다.",
        "기상청에 따르면 서울 지역에는 호우경보가 내려졌으며 시간당 강수량은 50mm를 넘었다.",
        "서울시의 배수 펌프 추가 설치에도 불구하고 일부 도로는 통제됐다.",
        "서울시교육청의 권고에 따라 상당수 학교가 휴교했다."], "line:2"))
    markets = dedup.run(page("https://c.example.kr/3", "코스피 1.2% 상승 마감", [
        "코스피가 12일 외국인 매수세에 힘입어 1.2% 상승 마감했다.",
        "반도체와 자동차 업종이 강세를 보였으며 거래대금은 10조원을 넘었다.",
        "증권가는 하반기 증시가 완만한 상승세를 이어갈 것으로 전망했다."], "line:3"))
    assert retold["story_id"] == first["story_id"] and retold["duplicate_of"] is None
    assert markets["story_id"] != first["story_id"]
