from __future__ import annotations

from pipeline.stages.keywords import MAX_KEYWORDS, keywords

ARTICLE = """Xi Jinping met Alexander Lukashenko in Beijing on Tuesday.
Xi Jinping said China’s ties with Belarus were unbreakable, and Lukashenko’s delegation agreed.
The two leaders signed trade deals. Xi Jinping also praised Belarus for its support.
Lukashenko thanked Xi Jinping and invited him to Minsk."""


def test_rare_names_and_phrases_rank_first_and_function_words_never_appear() -> None:
    found = keywords("Xi Jinping hails Belarus", ARTICLE, "en")
    assert found[:3] == ["Xi Jinping", "Belarus", "Lukashenko"]
    assert "Jinping hails" not in found
    lowered = {k.lower() for k in found}
    assert not lowered & {"the", "and", "with", "said", "also", "him", "its"}
    assert len(found) <= MAX_KEYWORDS


def test_possessives_fold_into_the_name_and_a_part_never_repeats_its_whole() -> None:
    found = keywords(None, ARTICLE + " Lukashenko’s visit and Lukashenko’s hopes.", "en")
    assert "Lukashenko" in found and not [k for k in found if "’" in k or "'" in k]
    assert "Xi Jinping" in found and "Xi" not in found and "Jinping" not in found


def test_phrases_used_once_outside_the_headline_are_not_keywords() -> None:
    found = keywords(None, "Rare turbines were seen. Rare turbines again. Orange zeppelin once.", "en")
    assert "Rare turbines" in found
    assert "Orange zeppelin" not in found


def test_other_languages_use_their_own_frequencies() -> None:
    text = ("Der Bundestag hat am Dienstag den Haushalt beschlossen. Die Opposition kritisierte den Haushalt "
            "des Bundestages scharf. Der Haushalt sieht neue Schulden vor.")
    found = keywords("Bundestag beschließt Haushalt", text, "de")
    assert "Haushalt" in found and "Bundestag" in found
    assert not {k.lower() for k in found} & {"der", "die", "hat", "am", "den", "des", "vor"}


def test_chinese_and_japanese_are_cut_into_the_words_of_their_lists() -> None:
    # Written without spaces, a run of ideographs was a whole clause and gave no keyword.
    found = keywords("习近平会见卢卡申科", "中国国家主席习近平在北京会见白俄罗斯总统卢卡申科。", "zh")
    assert {"习近平", "卢卡申科", "白俄罗斯"} <= set(found)
    japanese = ("東京都内で記録的な大雨となり、多くの道路が冠水しました。気象庁は大雨警報を発表しました。"
                "都内の小中学校の多くは臨時休校となりました。大雨は明日まで続く見込みです。")
    found = keywords("東京で記録的な大雨", japanese, "ja")
    assert {"大雨", "冠水", "休校"} <= set(found)
    # Grammar written in hiragana is no keyword ("となり", "しました").
    assert not [k for k in found if all("\u3040" <= ch <= "\u309f" for ch in k)]


def test_unspaced_scripts_without_a_word_list_give_no_keywords_rather_than_whole_clauses() -> None:
    text = "กรุงเทพมหานครประกาศเตือนประชาชนเรื่องน้ำท่วมในหลายพื้นที่ หลังจากฝนตกหนักต่อเนื่องตั้งแต่เมื่อคืนที่ผ่านมา"
    assert keywords("ฝนตกหนักทั่วกรุงเทพฯ", text, "th") == []


def test_words_written_with_vowel_signs_stay_whole() -> None:
    # Regular expressions' \w leaves out the vowel signs: "बारिश" was the keyword "ब" + "र" + "श".
    text = ("राजधानी में भारी बारिश से लोगों की मुश्किलें बढ़ गई हैं। मौसम विभाग ने कहा कि भारी बारिश जारी रहेगी। "
            "नगर निगम ने जल निकासी के लिए पंप लगाए। नगर निगम के अधिकारियों ने बताया कि स्कूल बंद रहेंगे।")
    found = keywords("दिल्ली में भारी बारिश", text, "hi")
    assert "भारी बारिश" in found and "नगर निगम" in found
    assert all(len(word) > 2 for keyword in found for word in keyword.split())
    # Nor does a phrase run across the danda.
    assert not [k for k in found if "।" in k]


def test_keywords_are_deterministic() -> None:
    assert keywords("Xi Jinping hails Belarus", ARTICLE, "en") == keywords("Xi Jinping hails Belarus", ARTICLE, "en")


def test_korean_nouns_lose_the_particles_written_onto_them() -> None:
    # Before: "집중호우로", "전역에", "50mm가" and "넘는" were keywords, each a noun with its particle,
    # a count or a verb.
    text = ("12일 오전 서울 전역에 시간당 50mm가 넘는 집중호우가 쏟아지면서 도로 곳곳이 침수됐다. 기상청은 이날 오전 서울에 "
            "호우경보를 발령하고 추가 피해에 대비할 것을 당부했다. 서울시는 침수 우려 지역에 배수 펌프를 추가로 설치했다. "
            "서울시는 집중호우에 대비해 비상 근무에 들어갔다.")
    found = keywords("서울 집중호우로 도로 곳곳 침수", text, "ko")
    assert {"집중호우", "침수", "서울시"} <= set(found)
    assert not {"집중호우로", "전역에", "50mm가", "넘는", "12일"} & set(found)
