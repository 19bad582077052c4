"""Text-only pages: each boilerplate pattern the cleaner handles, and the two seed pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.stages.base import Rejected
from pipeline.stages.extract import Extract
from pipeline.stages.extract import lines as L
from pipeline.stages.extract import title_model
from pipeline.stages.extract.text_page import _continues, clean_text_page, read_article, read_by_rules, split_lines, url_headline

FIXTURES = Path(__file__).parent / "fixtures" / "extract"

PARA_1 = "The city council approved the new budget on Tuesday after a debate that lasted more than six hours."
PARA_2 = "Opposition members said the plan cuts too deeply into public transport, while the mayor called it balanced."
PARA_3 = "The budget now goes to the regional authority, which has until the end of the month to sign it off."


def _jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("expected", _jsonl("seeds.expected.jsonl"), ids=lambda row: row["url"].split("/")[2])
def test_seed_pages_come_out_exactly_as_the_article(expected):
    page = next(p for p in _jsonl("seeds.jsonl") if p["url"] == expected["url"])
    out = Extract().run({**page, "origin": "line:1"})
    assert out["text"] == expected["body"]
    assert out["title"] == expected["title"]
    assert (out["url"], out["fetched_at"], out["source"], out["origin"]) == (page["url"], page["fetched_at"], "seed", "line:1")


def test_the_stage_and_the_models_training_read_a_text_page_alike():
    # The title and writers models learn from read_article's reading; the stage builds on it.
    page = next(p for p in _jsonl("seeds.jsonl") if "example-daily" in p["url"])
    reading = read_article(page["text"], (), page["url"], title_model.shipped_model())
    article = clean_text_page(page["text"], url=page["url"])
    assert reading.page.lines[reading.headline].text == article.title
    assert set(article.paragraphs) <= set(reading.paragraphs) and len(reading.paragraphs) >= 5


def test_seed_quote_after_also_read_is_kept():
    # The teaser heading announces nothing here: the quote that follows belongs to the article.
    page = next(p for p in _jsonl("seeds.jsonl") if "example-daily" in p["url"])
    text = Extract().run({**page, "origin": "x"})["text"]
    assert "China will not allow the world order to be destroyed." in text
    assert "Also read" not in text and "Others are reading now" not in text


def test_breadcrumb_and_repeated_title():
    article = clean_text_page(f"Home World Budget passes after long night\n\nBudget passes after long night\n\n{PARA_1}\n{PARA_2}")
    assert article.title == "Budget passes after long night"
    assert article.paragraphs == [PARA_1, PARA_2]


def test_caption_and_photo_credit():
    text = f"{PARA_1}\n\nThe council chamber on Tuesday\nJane Doe / Getty Images\n\n{PARA_2}"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2]


@pytest.mark.parametrize("caption", [
    "Cristina Kirchner y Alberto Fernández, el 1 de marzo, en el Congreso (Foto: Natacha Pisarenko/Pool via REUTERS).",
    "Members of the council leave the chamber after the vote on TuesdayCredit: EPA",
    "Das Bundeskabinett bei seiner Klausurtagung am 21. Januar, bei der es den Haushalt festlegte© Bundesregierung/Steffen Kugler",
    "Der Stadtrat bei der Abstimmung über den Haushalt am Dienstagabend im Rathaus. Symbolbild: Jane Doe/Keystone",
    "The council chamber was packed on Tuesday evening as the members debated the plan. (Picture by Jane Doe)",
    "The council chamber was packed on Tuesday evening as the members debated the plan. Copyright (c) Jane Doe",
    "Members of the council leave the chamber after the vote on Tuesday evening. Jane Doe / Getty Images",
    # The agencies' captions: the credit in brackets closes them.
    "In this Dec. 12, 2006, file photo, made available by NASA, two astronauts work outside the space station. (NASA via AP, File)",
    "Members of the council leave the chamber after the vote on Tuesday evening in Springfield. (AP Photo/Jane Doe)",
])
def test_a_caption_written_as_a_sentence_ending_in_its_credit_is_no_paragraph(caption):
    text = f"{PARA_1}\n\n{caption}\n\n{PARA_2}\n{PARA_3}"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2, PARA_3]


@pytest.mark.parametrize("sentence", [
    "The regional authority can (a) sign the budget off, (b) send it back or (c) let the deadline pass.",
    "Unser Leitbild: Die Stadt soll bis 2030 klimaneutral sein, sagte der Bürgermeister vor dem Rat.",
    "Critics said the pictures by the harbour showed how far the repairs had fallen behind the plan.",
    "(c) the regional authority may also let the deadline pass, in which case the budget stands as passed.",
])
def test_a_paragraph_with_a_credits_words_but_no_credit_stays(sentence):
    text = f"{PARA_1}\n{sentence}\n{PARA_2}\n{PARA_3}"
    assert clean_text_page(text).paragraphs == [PARA_1, sentence, PARA_2, PARA_3]


@pytest.mark.parametrize(("line", "credit"), [
    ("Prime Minister Mia Mottley at the launch on Monday. (Picture by Lennox Devonish)", True),
    ("The launch on Monday. Photo: Jane Doe", True),
    ("Die Eröffnung am Montag - Archivfoto: Jane Doe", True),
    ("Die Eröffnung am Montag.© Stadt Augsburg", True),
    ("문재인 대통령이 회의에서 발언하고 있다. (사진=청와대)", True),
    ("記者会見する首相（写真：ロイター）", True),
    ("De opening op maandag. Beeld: ANP", True),
    ("الرئيس يتحدث في المؤتمر الصحفي. صورة: رويترز", True),
    ("Thủ tướng phát biểu tại hội nghị. Ảnh: TTXVN", True),
    ("Ceny złota spadły w piątek. Fot. PAP/Leszek Szymański", True),
    ("The launch on Monday, as pictured by the harbour master, drew a crowd.", False),
    ("Ihr Leitbild: offen für alle.", False),
    ("The court read Section 230(c) of the act narrowly, the ruling says.", False),
    ("He took a snap photo of the flooded street before the water rose.", False),
    ("Neuer Blick auf das „Blue Marble“-Foto: ICON simuliert das Klima", False),
])
def test_the_marks_of_a_credit_in_a_caption(line, credit):
    assert L.has_caption_credit(line) is credit


# Each line classifier skips its pattern when a cheaper test says it cannot match (a word or
# mark the pattern needs, a separator, a length): every phrase the patterns know, one per
# alternative and in any case, must still be answered.
@pytest.mark.parametrize("line", [
    "Share this article", "SHARE ON FACEBOOK", "Share it here", "Click to share", "Did you find this article useful?",
    "Follow us on Instagram", "Sign up for our newsletter", "Subscribe to the newsletter", "All Rights Reserved",
    "Cookie settings", "We use cookies", "Artikel teilen", "Beitrag teilen", "Jetzt teilen", "Partager cet article",
    "Partager l'article", "Compartir en Twitter", "Condividi su Facebook", "Compartilhe", "Deel dit artikel",
    "Udostępnij", "Поделиться", "この記事をシェアする", "分享到：", "扫一扫分享本页", "공유하기", "شارك المقال", "שתפו את הכתבה",
    "Chia sẻ bài viết", "Bagikan artikel ini", "Haberi paylaş",
])
def test_every_furniture_phrase_is_recognised(line):
    assert L.is_furniture(line)


@pytest.mark.parametrize("line", [
    "Shutterstock", "Getty Images", "iStock", "IMAGO / Sven Simon", "Alamy", "AP Photo/Evan Vucci", "AFP via Getty Images",
    "Depositphotos", "Dreamstime", "Unsplash", "picture-alliance", "stock.adobe.com", "EPA/Filip Singer",
    "REUTERS/Kai Pfaffenbach", "dpa", "© Stadt Augsburg", "(c) Jane Doe", "Photo: Jane Doe", "Image credit NASA",
    "Picture by Jane Doe", "Credit: NASA", "Foto: Jane Doe", "Bild: Stadt Ahlen", "Fotó: MTI", "Zdjęcie: PAP",
    "Фото: ТАСС", "Φωτογραφία: Eurokinissi", "صورة: رويترز", "عکس: ایرنا", "צילום: רויטרס", "फोटो: पीटीआई", "ภาพ: รอยเตอร์",
    "Ảnh: Reuters", "Kuva: Lehtikuva", "Görsel: AA", "Ilustrasi: Freepik", "Снимка: БГНЕС", "Slika: Pixabay",
    "Fot. PAP/Leszek Szymański", "Nuotr.: ELTA",
])
def test_every_kind_of_photo_credit_is_recognised(line):
    assert L.is_credit(line)


@pytest.mark.parametrize("line", ["Das Thema könnte Sie auch interessieren", "Lesen Sie auch die folgenden Beiträge",
                                  "»Story continues below advertisement«", "Editor's picks"])
def test_the_longest_teaser_headings_are_recognised(line):
    assert L.is_teaser_heading(line)


@pytest.mark.parametrize("mark", [":", "»", "›", ">", "|", "–", "—", "-"])
def test_an_inline_teaser_after_any_separator_is_recognised(mark):
    assert L.is_inline_teaser(f"Read more {mark} Mayor opens new bridge in the harbour district")


@pytest.mark.parametrize("line", ["joetoronto says:", "Catherine on September 13, 2018 at 5:23 pm said: ",
                                  "Jana schreibt :\t", "MARGO WROTE:"])
def test_a_commenters_name_line_is_recognised(line):
    assert L.is_commenter(line)


def test_teaser_heading_and_the_teased_headline():
    text = f"{PARA_1}\n\nRead more\n\nMayor opens new bridge in the harbour district\n\n{PARA_2}"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2]


def test_teaser_heading_in_another_language():
    text = f"{PARA_1}\n\nLesen Sie auch\n\nBürgermeister eröffnet neue Brücke im Hafen\n\n{PARA_2}"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2]


def test_inline_teaser_and_closing_call_to_subscribe():
    text = f"{PARA_1}\nRead more: Mayor opens new bridge in the harbour district\n{PARA_2}\n{PARA_3}\nSubscribe to our newsletter for the day's top stories."
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2, PARA_3]


def test_share_prompt():
    text = f"{PARA_1}\n{PARA_2}\n\nShare this article on Facebook\nFollow us on Twitter"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2]


@pytest.mark.parametrize("tags", ["Tags: council, budget, buses", "Schlagwörter: Haushalt, Stadtrat",
                                  "Etiquetas: presupuesto, ayuntamiento", "Filed under: Politics"])
def test_a_line_of_tags_is_no_paragraph(tags):
    text = f"{PARA_1}\n{PARA_2}\n{tags}\n{PARA_3}"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2, PARA_3]


def test_trailing_list_of_unrelated_headlines():
    headlines = "\n".join(
        [
            "Storm Leaves Thousands Without Power Across the Coast",
            "Local Team Wins Championship After Dramatic Final Minutes",
            "New Museum Wing Opens With Record Crowds on First Weekend",
            "Ministers Meet to Discuss Rising Energy Prices and Supply",
        ]
    )
    text = f"{PARA_1}\n{PARA_2}\n{PARA_3}\n\n\n{headlines}\n"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2, PARA_3]


HINDI_ARTICLE = [
    "नई दिल्ली, 12 जुलाई। राजधानी दिल्ली में शनिवार सुबह से हो रही भारी बारिश ने लोगों की मुश्किलें बढ़ा दी हैं।",
    "कई प्रमुख सड़कों पर पानी भर गया है और यातायात धीमा हो गया है।",
    "मौसम विभाग ने अगले दो दिनों के लिए येलो अलर्ट जारी किया है।",
    "नगर निगम के अधिकारियों ने बताया कि जल निकासी के लिए अतिरिक्त पंप लगाए गए हैं।",
    "स्कूलों को एहतियात के तौर पर बंद रखने का फैसला किया गया है।",
]


def test_a_page_in_a_script_with_vowel_signs():
    # Counted with \w, "मनोरंजन" (a menu entry) was three words and "सोने के दाम में गिरावट" (a teased
    # headline) nine; the danda ends a sentence, and "यह भी पढ़ें" / "ताज़ा खबरें" head teasers.
    page = "\n".join([
        "होम", "देश", "विदेश", "खेल", "मनोरंजन", "दिल्ली में भारी बारिश से जनजीवन अस्त-व्यस्त, कई इलाकों में जलभराव",
        *HINDI_ARTICLE, "यह भी पढ़ें", "शेयर करें", "ताज़ा खबरें", "क्रिकेट: भारत ने इंग्लैंड को हराया", "सोने के दाम में गिरावट",
        "© 2024 समाचार लिमिटेड। सर्वाधिकार सुरक्षित।"])
    out = Extract().run({"url": "https://example.in/desh/delhi-barish-jalbharav-12345", "text": page})
    assert out["title"] == "दिल्ली में भारी बारिश से जनजीवन अस्त-व्यस्त, कई इलाकों में जलभराव"
    assert out["text"].splitlines() == HINDI_ARTICLE


CHINESE_ARTICLE = [
    "新华社北京7月12日电 北京市12日遭遇强降雨，多条主要道路出现积水，交通受到影响。",
    "北京市气象台当天上午发布暴雨黄色预警，预计未来两天仍有强降雨。",
    "市排水集团表示，已在重点路段增设排水泵，全力保障道路畅通。",
    "教育部门决定，全市中小学当天停课一天，请家长注意孩子安全。",
]


def test_the_lines_an_article_run_starts_with_above_its_headline_are_no_paragraphs():
    # The line model starts the run at the menu's last entry ("体育"); the headline under it was
    # dropped only when the run started with it.
    page = "\n".join(["首页", "国内", "国际", "财经", "体育", "北京暴雨致多条道路积水 气象台发布黄色预警",
                      "2024-07-12 10:30 来源：新华网", *CHINESE_ARTICLE, "相关阅读", "上海发布高温预警", "广州地铁新线开通",
                      "责任编辑：王小明", "© 2024 新华网 版权所有"])
    out = Extract().run({"url": "https://news.example.cn/2024/07/12/beijing-baoyu.html", "text": page})
    assert out["title"] == "北京暴雨致多条道路积水 气象台发布黄色预警"
    assert out["text"].splitlines() == CHINESE_ARTICLE


def test_a_byline_label_in_arabic_on_a_text_page():
    article = ["شهدت العاصمة صباح السبت أمطارا غزيرة أدت إلى غرق عدد من الشوارع الرئيسية.",
               "وقالت الأرصاد الجوية إن الأمطار ستستمر خلال اليومين المقبلين مع احتمال حدوث سيول.",
               "وأعلنت البلدية أنها نشرت مضخات إضافية لتصريف المياه في المناطق المتضررة."]
    page = "\n".join(["الرئيسية", "أخبار", "رياضة", "أمطار غزيرة تغرق شوارع العاصمة وتعطل حركة المرور", "بقلم: محمد علي",
                      "12 يوليو 2024", *article, "اقرأ أيضا", "ارتفاع أسعار الذهب في الأسواق المحلية", "جميع الحقوق محفوظة © 2024"])
    out = Extract().run({"url": "https://example.com/news/heavy-rain-capital-12345", "text": page})
    assert out["authors"] == ["محمد علي"] and out["published_at"].startswith("2024-07-12")
    assert out["text"].splitlines() == article


# Title, byline (None: none printed), the writer it names, the day, the article.
JAPANESE = ("東京で記録的な大雨　交通機関に乱れ", None, None, "2024-07-12T10:30:00Z", [
    "12日朝から東京都内で記録的な大雨となり、多くの道路が冠水しました。",
    "気象庁は大雨警報を発表し、土砂災害や浸水に警戒するよう呼びかけています。",
    "JR東日本によりますと、一部の路線で運転を見合わせているということです。"])
KOREAN = ("서울 집중호우로 도로 곳곳 침수…출근길 교통 혼잡", "홍길동 기자 hong@example.co.kr", "홍길동", "2024-07-12T10:30:00Z", [
    "12일 오전 서울 전역에 시간당 50mm가 넘는 집중호우가 쏟아지면서 도로 곳곳이 침수됐다.",
    "기상청은 이날 오전 서울에 호우경보를 발령하고 추가 피해에 대비할 것을 당부했다.",
    "서울시는 침수 우려 지역에 배수 펌프를 추가로 설치하고 비상 근무에 들어갔다고 밝혔다."])
THAI = ("ฝนตกหนักทั่วกรุงเทพฯ น้ำท่วมขังหลายจุด การจราจรติดขัด", None, None, "2024-07-12T00:00:00Z", [
    "กรุงเทพมหานครประกาศเตือนประชาชนเรื่องน้ำท่วมในหลายพื้นที่ หลังจากฝนตกหนักต่อเนื่องตั้งแต่เมื่อคืนที่ผ่านมา ทำให้ถนนสายหลักหลายสายมีน้ำท่วมขัง",
    "กรมอุตุนิยมวิทยาคาดว่าฝนจะตกหนักต่อไปอีกสองวัน และขอให้ประชาชนติดตามประกาศอย่างใกล้ชิด",
    "สำนักการระบายน้ำได้ติดตั้งเครื่องสูบน้ำเพิ่มเติมในจุดเสี่ยง เพื่อเร่งระบายน้ำออกจากพื้นที่โดยเร็วที่สุด"])
PERSIAN = ("باران شدید خیابان\u200cهای تهران را آب گرفت", "نویسنده: علی رضایی", "علی رضایی", "2024-07-11T10:30:00Z", [
    "بارش شدید باران صبح روز پنجشنبه باعث آب\u200cگرفتگی چندین خیابان اصلی در تهران شد.",
    "هواشناسی هشدار داد که بارش\u200cها در دو روز آینده ادامه خواهد داشت.",
    "شهرداری پمپ\u200cهای اضافی در نقاط حساس شهر مستقر کرده است."])
HEBREW = ("גשם כבד הציף את רחובות תל אביב", "מאת דנה כהן", "דנה כהן", "2024-07-12T00:00:00Z", [
    "גשם כבד שירד ביום שישי בבוקר הציף כמה מהרחובות המרכזיים בתל אביב.",
    "החזאים הזהירו כי הגשמים יימשכו גם ביומיים הקרובים.",
    "העירייה הציבה משאבות נוספות בנקודות המרכזיות בעיר."])
TURKISH = ("İstanbul'da sağanak yağış sokakları su bastı", "Yazar: Ayşe Yılmaz", "Ayşe Yılmaz", "2024-07-12T00:00:00Z", [
    "İstanbul'da cuma sabahı etkili olan sağanak yağış birçok ana caddeyi su altında bıraktı.",
    "Meteoroloji yağışların önümüzdeki iki gün boyunca süreceği uyarısında bulundu.",
    "Belediye ekipleri kritik noktalara ek pompalar yerleştirdi."])


@pytest.mark.parametrize(("menu", "page", "stamp", "teasers"), [
    (["ホーム", "政治", "経済", "スポーツ"], JAPANESE, "2024年7月12日 10時30分", ["関連記事", "大阪で猛暑日　熱中症に注意", "Copyright © 2024"]),
    (["홈", "정치", "경제", "스포츠"], KOREAN, "2024.07.12 10:30", ["관련기사", "부산 폭염 특보 발령", "Copyright © 2024"]),
    # A Thai page dates itself in the Buddhist era: 2567 is 2024.
    (["หน้าแรก", "การเมือง", "กีฬา"], THAI, "12 กรกฎาคม 2567", ["ข่าวที่เกี่ยวข้อง", "ราคาทองคำวันนี้ปรับตัวลดลง", "สงวนลิขสิทธิ์ © 2567"]),
    # A Persian one in the Solar Hijri calendar; the zero-width non-joiners its words hold stay,
    # those alone on a line go.
    (["خانه", "سیاسی", "ورزشی", "\u200c"], PERSIAN, "پنجشنبه ۲۱ تیر ۱۴۰۳ - ۱۰:۳۰", ["اخبار مرتبط", "قیمت طلا کاهش یافت", "\u200c\u200c"]),
    (["Anasayfa", "Gündem", "Spor"], TURKISH, "12 Temmuz 2024", ["İlgili Haberler", "Altın fiyatları düştü"]),
    # Hebrew runs "in" into the month ("ביולי"); its byline, shaped as a headline, was the title.
    (["ראשי", "חדשות", "ספורט"], HEBREW, "12 ביולי 2024", ["קראו גם", "מחירי הזהב ירדו"]),
])
def test_pages_in_more_languages_and_scripts(menu, page, stamp, teasers):
    # Before: the Japanese page's title was the menu's "スポーツ" (the title model saw no word of
    # the headline in the article: a run of kanji is a phrase, its pairs of characters are shared),
    # its clock time lost; the Korean writer, named before "기자", was nobody, and so was the
    # Turkish one (a "Yazar:" line was not byline-shaped); the Thai page was undated, the Persian
    # one too, its words misspelt (every zero-width non-joiner taken out).
    title, byline, writer, published, article = page
    text = "\n".join([*menu, title, *([byline] if byline else []), stamp, *article, *teasers])
    out = Extract().run({"url": "https://news.example.com/a/20240712000123", "text": text})
    assert (out["title"], out["published_at"], out["text"].splitlines()) == (title.replace("　", " "), published, article)
    assert out["authors"] == ([writer] if writer else [])


def test_words_of_scripts_with_marks_and_without_spaces():
    assert L.size("सोने के दाम में गिरावट") == 5
    assert L.size("Scho\u0308nheit und Gro\u0308ße") == 3
    # Persian writes a zero-width non-joiner inside a word.
    assert L.size("می\u200cشود که این خبر مهم را می\u200cخوانید") == 7
    # Thai writes no spaces between words nor marks after sentences: a paragraph is long.
    assert L.is_prose("กรุงเทพมหานครประกาศเตือนประชาชนเรื่องน้ำท่วมในหลายพื้นที่ หลังจากฝนตกหนักต่อเนื่องตั้งแต่เมื่อคืน "
                      "กรมอุตุนิยมวิทยาคาดว่าฝนจะตกต่อไปอีกสองวัน")
    assert L.ends_sentence("यातायात धीमा हो गया है।") and L.ends_sentence("هل انتهى؟")


@pytest.mark.parametrize("line", ["यह भी पढ़ें", "اقرأ أيضاً:", "相关阅读", "Baca juga", "관련기사", "ข่าวที่เกี่ยวข้อง", "Xem thêm",
                                  "Δείτε επίσης", "Přečtěte si také", "Kapcsolódó cikkek", "Taip pat skaitykite", "Вижте още",
                                  "Preberite še", "함께 보면 좋은 기사", "热门推荐", "猜你喜欢", "大家都在看", "注目記事", "추천 기사",
                                  # Turkish capital İ lowers to "i" and a combining dot, which no phrase spells
                                  "İLGİLİ HABERLER", "İlginizi Çekebilir"])
def test_teaser_headings_in_more_scripts(line):
    assert L.is_teaser_heading(line)


@pytest.mark.parametrize("line", ["Últimas noticias", "Dernières actualités", "Najnowsze wiadomości", "Последние новости",
                                  "Τελευταία νέα", "Ultimele știri", "Diğer haberler", "Berita terbaru", "Tin mới", "أحدث الأخبار",
                                  "آخرین اخبار", "חדשות אחרונות", "最新新闻", "최신 뉴스", "热门推荐", "精彩推荐", "많이 본 기사"])
def test_latest_news_headings_in_more_languages(line):
    assert L.is_more_stories(line)


@pytest.mark.parametrize("line", ["टिप्पणियां", "ความคิดเห็น", "热门评论", "网友评论 (12)", "評論"])
def test_comment_headings_in_more_scripts(line):
    assert L.is_comment_heading(line)


@pytest.mark.parametrize(("line", "closing"), [
    ("（记者 王小明 李华）", True), ("（完）", True), ("【纠错】", True), ("责任编辑：张三", True), ("المصدر: الجزيرة + وكالات", True),
    ("（记者从北京市气象台获悉，降雨将持续两天。）", False), ("Source: Reuters", False),
])
def test_the_credits_a_chinese_or_arabic_article_closes_on(line, closing):
    assert L.is_closing_credit(line) is closing


def test_menu_above_the_article_and_headline_as_title():
    menu = "Home\nNews\nSport\nBusiness\nWeather\nSign in"
    text = f"{menu}\n\nCouncil approves budget after six-hour debate\n\n{PARA_1}\n{PARA_2}"
    article = clean_text_page(text)
    assert article.title == "Council approves budget after six-hour debate"
    assert article.paragraphs == [PARA_1, PARA_2]


def test_subheading_inside_the_article_is_kept():
    text = f"{PARA_1}\n\nWhat happens next\n\n{PARA_2}\n{PARA_3}"
    assert clean_text_page(text).paragraphs == [PARA_1, "What happens next", PARA_2, PARA_3]


def test_page_without_article_text_is_rejected():
    with pytest.raises(Rejected) as caught:
        Extract().run({"url": "https://example.com/", "text": "Home\nNews\nSport\nContact us", "origin": "x"})
    assert caught.value.reason == "no_article_text"


# Comments and teaser summaries are prose, long enough for the article run to bridge the
# short lines between them: only the end-of-article rules keep them out.
COMMENT_1 = ("Great article, thanks for writing it. I had no idea the budget debate went on for that long, and I would love "
             "to read more about what the opposition actually proposed instead of the cuts to the bus network.")
COMMENT_2 = ("I disagree with the mayor here: the transport cuts will hurt the people who need the buses most, and nobody "
             "on the council seems to have asked them what they think about it before voting on the plan.")
STANDFIRST = ("After a debate that lasted more than six hours and ended after midnight, the council passed a budget that "
              "cuts public transport and raises parking fees in the city centre.")


@pytest.mark.parametrize("heading", ["34 Comments", "Leave a Reply", "Kommentare (2)", "Deja un comentario", "Комментарии"])
def test_comment_section_ends_the_article(heading):
    text = f"{PARA_1}\n{PARA_2}\n{PARA_3}\n\n{heading}\n\njane_doe\n{COMMENT_1}\nbob\n{COMMENT_2}"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2, PARA_3]


def test_comment_thread_without_heading_ends_the_article():
    text = f"{PARA_1}\n{PARA_2}\n\njoetoronto says:\n{COMMENT_1}\nmargo schreibt:\n{COMMENT_2}"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2]


def test_one_quote_announcement_is_no_comment_thread():
    text = f"{PARA_1}\nThe mayor said:\n{PARA_2}\n{PARA_3}"
    assert clean_text_page(text).paragraphs == [PARA_1, "The mayor said:", PARA_2, PARA_3]


def test_comment_count_under_the_standfirst_is_no_article_end():
    text = f"{STANDFIRST}\nby Jane Doe\n3 Kommentare\n{PARA_1}\n{PARA_2}\n{PARA_3}"
    paragraphs = clean_text_page(text).paragraphs
    assert paragraphs[0] == STANDFIRST and paragraphs[-3:] == [PARA_1, PARA_2, PARA_3]


def test_teaser_summaries_below_the_article_are_dropped():
    teasers = "\n".join(["More in Politics", "Mayor opens new bridge in the harbour district", COMMENT_1,
                         "Schools to get new heating", COMMENT_2])
    assert clean_text_page(f"{PARA_1}\n{PARA_2}\n\n{teasers}").paragraphs == [PARA_1, PARA_2]


def test_related_box_inside_the_article_is_no_article_end():
    text = f"{PARA_1}\n{PARA_2}\n\nDas könnte Sie auch interessieren\nBürgermeister eröffnet neue Brücke\n\n{PARA_3}\n{STANDFIRST}"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2, PARA_3, STANDFIRST]


def test_soft_hyphens_and_zero_width_characters_are_taken_out_of_the_text():
    hyphenated = "Die Ener\u00adgie\u00adwende kommt vor\u00adan, sagte die Ministerin am Dienstag in Berlin vor Journalisten.\u200b"
    article = clean_text_page(f"{PARA_1}\n{hyphenated}")
    assert article.paragraphs == [PARA_1, "Die Energiewende kommt voran, sagte die Ministerin am Dienstag in Berlin vor Journalisten."]


def test_a_short_post_above_a_comment_thread_with_more_prose_is_the_article():
    # The share bar parts the two runs, and the thread's run scores more than the post's.
    comment = ("I have been reading this blog for years and I still think the council should have listened to the "
               "people who use the buses every single day instead of the consultants.")
    thread = "\n".join(f"Reader {i}\n12 May 2022 at 10:0{i}\n{comment}" for i in range(3))
    share = "\n".join(("Share this:", "Facebook", "Twitter", "Email", "Print", "Tags: council, budget"))
    text = f"My blog\n\n{PARA_1}\n{PARA_2}\n\n{share}\n\n3 Comments\n\n{thread}\n\nLeave a Reply"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2]


BLOG_URL = "https://harbourblog.example.org/2024/04/11/new-ferry-timetable-for-the-summer/"
MENU = "The Harbour Blog\nHome\nAbout\nWelcome to The Harbour Blog\nThe Harbour Blog > News > New ferry timetable for the summer"


def test_the_line_the_url_spells_is_the_title():
    # The site's name is the line the page repeats first; the breadcrumb ends with the headline
    # too; the headline is the line the URL spells with nothing else.
    text = f"{MENU}\n\nNew ferry timetable for the summer\n\n{PARA_1}\n{PARA_2}"
    article = clean_text_page(text, (), "https://harbourblog.example.org/news/new-ferry-timetable-for-the-summer")
    assert article.title == "New ferry timetable for the summer"
    assert article.paragraphs == [PARA_1, PARA_2]


def test_the_url_spells_a_title_in_its_own_letters_transliterated():
    # "ae", "ue", "ss" for "ä", "ü", "ß": none of the slug's words is in the line's letters.
    text = f"Startseite\nLokales\n\nGroße Pläne für München\n\n{PARA_1}\n{PARA_2}"
    url = "https://www.example-zeitung.de/lokales/grosse-plaene-fuer-muenchen"
    assert url_headline(split_lines(text), url) == 2
    assert clean_text_page(text, (), url).title == "Große Pläne für München"


HARBOUR_URL = "https://harbourblog.example.org/news/new-ferry-timetable-for-the-summer"
TEASERS = "\n".join(f"Teaser headline number {i} about the harbour" for i in range(6))


@pytest.mark.parametrize("first_line", [
    # The document title, the site's name after the headline.
    "New ferry timetable for the summer | The Harbour Blog",
    "New ferry timetable for the summer - The Harbour Blog - News",
    # A breadcrumb run into the headline, as a flattening without separators prints it.
    "HomeNewsNew ferry timetable for the summer",
    "Home News New ferry timetable for the summer",
    "The Harbour Blog » News » New ferry timetable for the summer",
])
def test_the_headline_is_the_url_line_less_what_a_longer_line_adds(first_line):
    # The line the URL spells first holds the headline and more; the headline is printed alone further down.
    text = f"{first_line}\n{TEASERS}\nNew ferry timetable for the summer\n\n{PARA_1}\n{PARA_2}"
    lines = split_lines(text)
    assert lines[url_headline(lines, HARBOUR_URL)].text == "New ferry timetable for the summer"


@pytest.mark.parametrize("whole", [
    # A kicker before a colon belongs to the title; a line holding it in its middle is another.
    '"Sea change": New ferry timetable for the summer',
    "Why the New ferry timetable for the summer matters",
    "New ferry timetable for the summer 2024",
])
def test_a_longer_line_the_url_spells_is_kept_whole_when_no_separator_parts_it(whole):
    text = f"{whole}\n{TEASERS}\nNew ferry timetable for the summer\n\n{PARA_1}\n{PARA_2}"
    assert url_headline(split_lines(text), HARBOUR_URL) == 0


@pytest.mark.parametrize("address", [
    HARBOUR_URL,
    "harbourblog.example.org/news/new-ferry-timetable-for-the-summer/",
    "%2Fnews%2Fnew-ferry-timetable-for-the-summer%2F",
    "See here: www.harbourblog.example.org/news/new-ferry-timetable-for-the-summer",
])
def test_a_link_address_printed_as_text_is_not_the_line_the_url_spells(address):
    # A shared link spells the slug word for word; the page's headline is elsewhere.
    text = f"Share\n{address}\n\nFerry timetable changes\n\n{PARA_1}\n{PARA_2}"
    assert url_headline(split_lines(text), HARBOUR_URL) is None


def test_of_two_lines_the_url_spells_the_one_spelling_more_of_it_is_the_headline():
    # The game's name above the review's headline: the slug says "review" too.
    text = f"Games\nThrough the Darkest of Times\nStrategy\nThrough the Darkest of Times review\n\n{PARA_1}\n{PARA_2}"
    assert url_headline(split_lines(text), "https://games.example.com/through-the-darkest-of-times-review/") == 3


def test_a_headline_with_a_slashed_compound_is_no_address():
    text = f"Nachrichten\nKrieg in Nahost: Israel/Gaza-Konflikt\n\n{PARA_1}\n{PARA_2}"
    assert url_headline(split_lines(text), "https://zeitung.example.de/krieg-in-nahost-israel-gaza-konflikt") == 1


@pytest.mark.parametrize("date_line, url, day", [
    # A publication label, wherever the article's first lines put it.
    ("Posted on 12/03/2024 by harbourfan", "https://harbourblog.example.org/new-ferry-timetable-for-the-summer", "2024-03-12"),
    ("Veröffentlicht am 5. März 2024", "https://harbourblog.example.org/new-ferry-timetable-for-the-summer", "2024-03-05"),
    # A date printed under the headline.
    ("March 7, 2024 · 3 min read", "https://harbourblog.example.org/new-ferry-timetable-for-the-summer", "2024-03-07"),
    # The permalink's day, when no date printed by the headline says otherwise.
    ("By Jane Doe", BLOG_URL, "2024-04-11"),
])
def test_a_text_page_gives_its_publication_day(date_line, url, day):
    text = f"{MENU}\n\nNew ferry timetable for the summer\n{date_line}\n\n{PARA_1}\n{PARA_2}"
    out = Extract().run({"url": url, "text": text, "origin": "x"})
    assert out["published_at"][:10] == day and out["published_at"].endswith("Z")


def test_without_a_headline_only_a_date_above_the_article_dates_it():
    # No headline found: a date line above the article's first line is its date; a date below
    # it (here a teaser's) is as likely another story's.
    teaser = "More news\nBridge reopens on 3 May 2021 after repairs"
    assert clean_text_page(f"Home\nNews\n\n{PARA_1}\n{PARA_2}\n\n{teaser}", (), "https://example.org/p?id=7").published_at is None
    dated = clean_text_page(f"Home\nNews\n12 March 2024\n\n{PARA_1}\n{PARA_2}\n\n{teaser}", (), "https://example.org/p?id=7")
    assert dated.published_at == "2024-03-12T00:00:00Z"


@pytest.mark.parametrize("date_line, day", [
    ("Published: 03 December 2019", "2019-12-03"),
    ("Mittwoch, 1. November 2023", "2023-11-01"),
    ("Datum 25.01.2022", "2022-01-25"),
])
def test_a_page_dated_nowhere_else_takes_its_first_date_line(date_line, day):
    # No date by the headline and no label: the date line at the article's end dates it.
    text = f"Home\nNews\n\n{PARA_1}\n{PARA_2}\n{PARA_3}\n{date_line}\nImpressum"
    assert clean_text_page(text, (), "https://example.org/p?id=7").published_at[:10] == day


@pytest.mark.parametrize("line", [
    "Bridge reopens on 3 May 2021 after repairs",  # a teaser's headline: mostly other words
    "The harbour bridge closed on 3 May 2021, the city said on Tuesday, and reopened a month later.",
    "Ticket 2021 4711 0815 2",  # numbers but no date
    # Mostly numbers, but too long for a date line.
    "Öffnungszeiten 2024: 10 bis 18 Uhr, am 24.12.2024 und 31.12.2024 von 10 bis 14 Uhr",
])
def test_a_date_a_line_mentions_is_no_date_line(line):
    text = f"Home\nNews\n\n{PARA_1}\n{PARA_2}\n{line}\n{PARA_3}"
    assert clean_text_page(text, (), "https://example.org/p?id=7").published_at is None


def test_the_headlines_labelled_date_comes_before_any_date_line():
    # The site header's "today" is a date line higher up; the headline's labelled date wins.
    text = (f"Friday, 5 April 2024\n{MENU}\n\nNew ferry timetable for the summer\nPosted on 12/03/2024 by harbourfan\n\n"
            f"{PARA_1}\n{PARA_2}\nUpdated: 9 April 2024")
    out = clean_text_page(text, (), "https://harbourblog.example.org/new-ferry-timetable-for-the-summer")
    assert out.published_at[:10] == "2024-03-12"


def test_a_by_line_under_the_headline_names_the_writers():
    text = f"{MENU}\n\nNew ferry timetable for the summer\nBy Jane Doe and John Roe\n\n{PARA_1}\n{PARA_2}"
    out = Extract().run({"url": BLOG_URL, "text": text, "origin": "x"})
    assert out["authors"] == ["Jane Doe", "John Roe"]
    assert "By Jane Doe" not in out["text"]


def test_a_byline_label_on_a_line_of_its_own_credits_the_name_on_the_next():
    text = f"Budget passes after long night\nBy\nJane Doe\n12 March 2024\n\n{PARA_1}\n{PARA_2}"
    article = clean_text_page(text, (), "https://rheinblatt.example/budget-passes-after-long-night")
    assert article.authors == ["Jane Doe"]
    # A label followed by words that are no name credits nobody.
    text = f"Budget passes after long night\nVon\nder Redaktion empfohlen\n\n{PARA_1}\n{PARA_2}"
    assert clean_text_page(text, (), "https://rheinblatt.example/budget-passes-after-long-night").authors == []


def test_a_line_opening_with_a_credit_phrase_names_the_writers_but_a_photo_credit_does_not():
    url = "https://rheinblatt.example/budget-passes-after-long-night"
    posted = f"Budget passes after long night\nPosted by Michael David Smith on November 19, 2019, 6:21 AM EST\n\n{PARA_1}\n{PARA_2}"
    assert clean_text_page(posted, (), url).authors == ["Michael David Smith"]
    photo = f"Budget passes after long night\nPhoto taken by Jane Doe / Reuters\n\n{PARA_1}\n{PARA_2}"
    assert clean_text_page(photo, (), url).authors == []


def test_a_lead_sentence_repeating_the_headlines_words_is_no_headline_and_stays():
    text = ("Ellen DeGeneres Set As Oscars Host For 2014 Academy Awards\nPosted: 08/02/2013 11:10 am EDT\n"
            f"Ellen DeGeneres will host the Oscars.\n{PARA_1}\n{PARA_2}")
    article = clean_text_page(text, (), "https://example.com/2013/08/02/ellen-degeneres-oscars-host_n_3695929.html")
    assert article.title == "Ellen DeGeneres Set As Oscars Host For 2014 Academy Awards"
    assert "Ellen DeGeneres will host the Oscars." in article.paragraphs


def test_a_name_alone_under_the_headline_is_the_writer_but_a_topic_is_not():
    url = "https://rheinblatt.example/budget-passes-after-long-night"
    dated = f"Budget passes after long night\n28. Jan. 2022\nPaula Balov\n\n{PARA_1}\n{PARA_2}"
    assert clean_text_page(dated, (), url).authors == ["Paula Balov"]
    assert clean_text_page(f"Budget passes after long night\nPaula Balov\n\n{PARA_1}\n{PARA_2}", (), url).authors == ["Paula Balov"]
    # Words the article uses, and capitalised, are its topic.
    topic = f"Budget passes after long night\n28. Jan. 2022\nCity Council\n\n{PARA_1}\n{PARA_2}"
    assert clean_text_page(topic, (), url).authors == []


def test_a_byline_label_run_into_the_name_is_read():
    url = "https://rheinblatt.example/budget-passes-after-long-night"
    glued = f"Budget passes after long night\nByAlex Bozarjian\n\n{PARA_1}\n{PARA_2}"
    assert clean_text_page(glued, (), url).authors == ["Alex Bozarjian"]
    # A name that starts like a label is a name: "Byron Smith" is no "By Ron Smith".
    byron = f"Budget passes after long night\n28. Jan. 2022\nByron Smith\n\n{PARA_1}\n{PARA_2}"
    assert clean_text_page(byron, (), url).authors == ["Byron Smith"]


@pytest.mark.parametrize("header", ["20.04.2018 16:22", "Veröffentlicht am 17. Dezember 2019 von Simon Dückert"])
def test_a_dateline_the_article_run_starts_with_is_no_paragraph(header):
    article = [
        "Die Stadt Augsburg baut in diesem Jahr drei neue Radwege entlang der Wertach, wie die Verwaltung am Montag mitteilte.",
        "Die Arbeiten sollen im Frühjahr beginnen und bis zum Herbst abgeschlossen sein, sagte ein Sprecher der Stadt.",
        "Insgesamt investiert die Stadt rund vier Millionen Euro in das Vorhaben, das auch neue Ampeln umfasst.",
        "Der Stadtrat hatte dem Plan im Dezember mit großer Mehrheit zugestimmt.",
    ]
    text = "\n".join(["Startseite", "Lokales", "Neue Radwege an der Wertach", header, *article, "Kommentare", "Impressum"])
    cleaned = clean_text_page(text, (), "https://www.example-zeitung.de/lokales/neue-radwege-an-der-wertach")
    assert cleaned.paragraphs == article
    assert cleaned.published_at is not None and cleaned.published_at.startswith(("2018-04-20", "2019-12-17"))


def test_what_is_known_about_a_pages_lines_is_kept_for_that_page_only():
    # Each line's classification is kept while its page is read, and goes when the next begins,
    # text or HTML: a worker's memory holds one page's lines, not every page it has seen.
    menu = [f"Section {n}" for n in range(40)]
    Extract().run({"url": "https://example.org/a", "text": "\n".join([*menu, PARA_1, PARA_2]), "origin": "x"})
    assert L.size.cache_info().currsize >= len(menu)
    Extract().run({"url": "https://example.org/b", "text": f"Home\n{PARA_1}\n{PARA_2}", "origin": "x"})
    assert 0 < L.size.cache_info().currsize < len(menu)
    Extract().run({"url": "https://example.org/a", "text": "\n".join([*menu, PARA_1, PARA_2]), "origin": "x"})
    Extract().run({"url": "https://example.org/c", "origin": "x",
                   "html": f"<html><body><article><h1>Budget passes</h1><p>{PARA_1}</p><p>{PARA_2}</p></article></body></html>"})
    assert L.size.cache_info().currsize < len(menu)



def test_a_caption_naming_who_is_in_the_photo_is_no_byline():
    # The seed's "Aleksandr Lukashenko" over "Asatur Yesayants / Shutterstock.com" was its writer:
    # a caption naming the article's subject, over the photo's credit.
    page = next(p for p in _jsonl("seeds.jsonl") if "example-daily" in p["url"])
    assert Extract().run(page)["authors"] == []
    # A byline over the lead photo's credit names the writer still.
    bylined = {**page, "text": page["text"].replace("\nAleksandr Lukashenko\n", "\nBy Jane Doe\n")}
    assert Extract().run(bylined)["authors"] == ["Jane Doe"]


def test_references_and_inline_tags_a_scraper_left_in_the_text_are_read_as_what_they_stand_for():
    sentence = "The council &amp; the mayor&#8217;s office approved the new budget on Monday after a long debate about roads. "
    text = "\n".join(["Home", "News", "Tom &amp; Jerry approve the budget",
                      f"<b>{sentence * 2}</b><br>{sentence}",
                      f"<a href='/more'>{sentence * 3}</a>", "AT&T, R&D and &copy without its semicolon stay as written"])
    lines = [line.text for line in split_lines(text)]
    assert lines[2] == "Tom & Jerry approve the budget"
    assert lines[3] == (sentence.replace("&amp;", "&").replace("&#8217;", "’") * 2).strip()
    assert lines[-1] == "AT&T, R&D and &copy without its semicolon stay as written"
    out = Extract().run({"url": "https://towntimes.example.com/news/budget", "text": text})
    assert out["title"] == "Tom & Jerry approve the budget"
    assert "<" not in out["text"] and "&amp;" not in out["text"] and out["text"].count("mayor’s office") == 6


def test_a_source_label_and_the_source_under_it_are_the_pages_header():
    lines = split_lines("Headline of the story\nQuelle:\nstol.it\nThe first sentence of the article, long enough to be prose here.")
    reading = read_by_rules(lines)
    assert [line.text for line, kept in zip(lines, reading.kept) if kept] == ["The first sentence of the article, long enough to be prose here."]
    assert L.is_source_label("来源：") and L.is_source_label("Source") and not L.is_source_label("Source: Reuters")
    assert L.names_a_source("半月谈", "来源：") and not L.names_a_source("The first sentence of the article goes on", "Quelle:")


_SIZED_LINES = ["Home", "Don't stop-believing: it's 2024's best (really) song_name!", "Schönheit und Größe, à la française",
                "Scho\u0308nheit und Gro\u0308ße", "सोने के दाम में गिरावट", "新华社北京7月12日电", "홍길동 기자", "ข่าวล่าสุด วันนี้",
                "Fans 😀 cheer 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 in Oslo", "می\u200cشود که", "", "   ", "x_y 3.14 ...", "Ünïcödé—dash–words"]


def test_a_pages_sizes_counted_at_once_are_those_each_line_counted_alone_gives():
    alone = [L.size.__wrapped__(line) for line in _SIZED_LINES]
    L.forget_lines()
    L.learn_sizes(_SIZED_LINES)
    # Lines with marks, dense or unspaced scripts, or beyond the BMP are left to size itself.
    assert "सोने के दाम में गिरावट" not in L._LEARNT_SIZES and "Fans 😀 cheer 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 in Oslo" not in L._LEARNT_SIZES
    assert L._LEARNT_SIZES["Schönheit und Größe, à la française"] == 6
    assert [L.size(line) for line in _SIZED_LINES] == alone
    L.forget_lines()
    assert not L._LEARNT_SIZES


@pytest.mark.parametrize("line, heading", [
    ("यह भी पढ़ें", True), ("» Read also «", True), ("Related   Articles", True), ("اقرأ أيضا", True), ("اقرأ أيضاً", True),
    # The phrase less the vowel sign it ends with is no phrase, though their word characters agree.
    ("यह भी पढ", False), ("Related articles today", False), ("Already read", False),
])
def test_teaser_headings_are_the_phrases_whole(line, heading):
    assert L.is_teaser_heading(line) is heading
    assert L.is_teaser_heading(line) is bool(L.TEASER_HEADING.match(L.lowered(line)))


@pytest.mark.parametrize("line, teaser", [
    ("Read more: Council passes the budget", True), ("» Lesen Sie auch: Neue Radwege", True), ("Lee también | Otra noticia", True),
    ("Read more about it: the council", False), ("Reading: a new budget", False), ("Read more:", False),
])
def test_an_inline_teaser_is_a_phrase_before_the_lines_first_separator(line, teaser):
    assert L.is_inline_teaser(line) is teaser


def test_a_short_post_above_its_comment_form_outweighed_by_the_sidebar_below_is_the_article(monkeypatch):
    # An astrophoto community's post: one paragraph and the photo's details, a comment form, then
    # the site's sidebar in prose. The rules take the sidebar (it has more prose, and the post's
    # share of it is under half); the line model's run above the comment form is the article.
    post = ("Not in the dust this time, but with pronounced diffraction spikes from the lens stopped down to f/5.6 and "
            "intensely blue nebulae around the bright stars. The dense dust lanes stand out well against the background "
            "after three hours of exposure from a dark site in the hills.")
    details = ["Type of exposure: digital photo", "Lens: telephoto", "Focal length in mm: 180", "Camera: Canon EOS 60 Da",
               "Exposure: 60 x 3 minutes", "Location: Kasberg in Franconia"]
    sidebar = [
        "Sky Adventure was a magazine for practical astronomy in German. It was the successor of the long-running "
        "magazine Interstellarum and was published six times a year until the publisher closed it down in the spring.",
        "Books for the start",
        "The book Astronomy for Beginners is a guide for everyone who wants to delve deep into amateur astronomy, from "
        "finding their way around the starry sky to choosing their first telescope and taking their first photographs.",
        "Order now",
        "You want to find deep-sky objects in the sky but wonder where to look? With the atlas for sky watchers you find "
        "the 250 most interesting star clusters, nebulae and galaxies, each with a finder chart and an eyepiece view.",
        "Order now",
        "Video: how astronomers get through the winter, with tips on keeping batteries, optics and observers warm on long "
        "nights, and on the targets that reward the cold: the winter Milky Way, Orion's nebula and the bright clusters.",
        "Buy a telescope and accessories from our partner shop, which tests every instrument before it ships and offers "
        "advice by telephone on which mount, eyepieces and filters suit the sky you observe from and the objects you like.",
    ]
    text = "\n".join(["Log in", "Register", "Home", "News", "Beginners", "Photo community", "Shop", "Search for:",
                      "Pleiades, M45", "September 17, 2019", "Helmut Rubik", post, "Details", *details,
                      "Leave a Reply", "Your email address will not be published.", "Comment", "Name", "Email", "Website",
                      *sidebar, "Latest posts", "Imprint", "Privacy"])
    url = "https://sky-adventure.example.com/photo-community/pleiades-m45/"
    paragraphs = clean_text_page(text, url=url).paragraphs
    assert paragraphs[0] == post and not set(sidebar) & set(paragraphs)
    # Without the model's run above the comment form, the sidebar was the article.
    monkeypatch.setattr("pipeline.stages.extract.text_page._ABOVE_RULES_SHARE", float("inf"))
    paragraphs = clean_text_page(text, url=url).paragraphs
    assert post not in paragraphs and sidebar[0] in paragraphs


def test_a_list_items_bullet_is_no_word_of_its_line():
    # inscriptis lays a page out with "* " before a list item and "+ " a level down.
    text = "* Home\n  + Politics\n• Sport\n*Update* stays\n+ 5 points"
    assert [line.text for line in split_lines(text)] == ["Home", "Politics", "Sport", "*Update* stays", "5 points"]


@pytest.mark.parametrize("above, line, goes_on", [
    ("Por otro lado, Siches adelantó que también priorizarán", "la reforma a Carabineros", True),
    ("keine Grenzen mehr zwischen Deutschland und Frankreich", ".“", True),
    ("la ministra del Interior,", "Izkia Siches", True),
    ("Das sagte „", "Wir schaffen das", True),
    # A sentence of its own.
    ("Latest news", "Mayor opens new bridge in the harbour district", False),
    ("Update", "Bereits im November hat sich ein Blog damit beschäftigt.", False),
    ("The council passed the budget.", "and the mayor called it balanced", False),
    ("Read the full report:", "the council's minutes", False),
])
def test_a_line_goes_on_the_sentence_above_it_or_starts_its_own(above, line, goes_on):
    assert _continues(above, line) is goes_on


# PARA_2 as a scraper that gives each text node a line of its own delivers it: cut at its links.
PARA_2_IN_NODES = "\n".join(["Opposition members said the plan cuts too deeply into", "public transport", ", while the",
                             "mayor", "called it", "balanced", "."])


def test_a_paragraph_cut_at_its_links_is_read_as_prose():
    text = f"Home\nNews\nSport\nWeather\n{PARA_1}\n{PARA_2_IN_NODES}\n{PARA_3}\nContact us\nPrivacy"
    lines = split_lines(text)
    kept = [line.text for line, keep in zip(lines, read_by_rules(lines).kept) if keep]
    assert kept == [PARA_1, *PARA_2_IN_NODES.splitlines(), PARA_3]


def test_a_comment_count_above_an_article_cut_at_its_links_is_no_article_end():
    text = f"{STANDFIRST}\n3 Comments\n{PARA_2_IN_NODES}\n{PARA_1}\n{PARA_3}"
    assert clean_text_page(text).paragraphs[-3:] == [PARA_2, PARA_1, PARA_3]


def test_the_pieces_of_a_sentence_cut_at_its_links_come_out_as_one_paragraph():
    text = f"Home\nNews\n{PARA_1}\n{PARA_2_IN_NODES}\n{PARA_3}\nContact us"
    assert clean_text_page(text).paragraphs == [PARA_1, PARA_2, PARA_3]


@pytest.mark.parametrize("line, promo", [
    ("Subscribe to our newsletter for more", True), ("Sign up now", True), ("Download the free NewsApp app", True),
    ("Follow @jdoe on Twitter", True), ("Read the full story on our partner site", True), ("Log in for full access", True),
    ("Jetzt abonnieren!", True), ("Registrieren Sie sich kostenlos", True), ("Unterstütze unseren Journalismus", True),
    ("Sie müssen eingeloggt sein, um zu kommentieren", True), ("Abonnez-vous à notre lettre", True),
    ("Inscrivez-vous gratuitement", True), ("Pour lire la suite, connectez-vous", True), ("Suscríbete al boletín", True),
    ("Hazte socio hoy", True), ("Únete a nuestra comunidad", True), ("Iscriviti al canale", True), ("Abbonati ora", True),
    ("Assine a nossa revista", True), ("Inscreva-se no canal", True), ("Siga-nos nas redes", True),
    ("Zapisz się do newslettera", True), ("Wykup prenumeratę", True), ("Подпишитесь на наш канал", True),
    ("ПОДПИСЫВАЙТЕСЬ НА НАС", True),
    # The subject of an article, not a call to act; a long paragraph; none of the calls' words.
    ("The council signed the budget on Tuesday.", False), (" ".join(["Subscribe"] * 50), False),
    ("Lukashenko rallied behind China.", False),
])
def test_a_call_to_subscribe_or_follow_is_a_promo_in_each_language(line, promo):
    L.forget_lines()
    assert L.is_promo(line) is promo
