"""Pages in languages we have no labelled page in, laid out as the seeds are (a menu, the headline,
a byline, a date line, the article, a teaser heading over two headlines, a copyright line), as text
and as HTML: each comes out as the article alone, with its title, writer and day."""

from typing import NamedTuple

import pytest

from pipeline.stages.extract import Extract


class Page(NamedTuple):
    menu: list[str]
    title: str
    byline: str
    writer: str
    stamp: str
    published: str
    article: list[str]
    teasers: list[str]


# Before: the Greek writer, credited in the genitive ("Του"), the Croatian ("Piše:"), Turkish
# ("Haber:"), Lithuanian ("Autorius:") and Serbian Cyrillic ("Аутор:") ones named nobody on text
# pages and came out with their label on HTML pages; the Vietnamese and Indonesian clock times lost
# their printed zones ("GMT+7", "WIB"), the Finnish one ("klo 10.30") was not read; the Lithuanian
# date ("2024 m. liepos 12 d.") was not read and stayed at the text's head.
PAGES = {
    "el": Page(
        ["Αρχική", "Πολιτική", "Οικονομία", "Αθλητισμός"], "Ισχυρή βροχόπτωση πλημμύρισε δρόμους της Αθήνας",
        "Του Γιώργου Παπαδόπουλου", "Γιώργου Παπαδόπουλου", "12 Μαΐου 2024, 10:30", "2024-05-12T10:30:00Z",
        ["Ισχυρή βροχόπτωση έπληξε την Παρασκευή το πρωί την Αθήνα, με αποτέλεσμα να πλημμυρίσουν αρκετοί κεντρικοί δρόμοι.",
         "Η Εθνική Μετεωρολογική Υπηρεσία προειδοποίησε ότι οι βροχές θα συνεχιστούν και τις επόμενες δύο ημέρες.",
         "Ο δήμος τοποθέτησε επιπλέον αντλίες στα πιο επικίνδυνα σημεία της πόλης."],
        ["Δείτε επίσης", "Ανεβαίνουν οι τιμές του χρυσού", "Νέα μέτρα για την ακρίβεια"]),
    "vi": Page(
        ["Trang chủ", "Thời sự", "Kinh tế", "Thể thao"], "Mưa lớn gây ngập nhiều tuyến phố ở Hà Nội",
        "Tác giả: Nguyễn Văn An", "Nguyễn Văn An", "Thứ sáu, 12/7/2024, 10:30 (GMT+7)", "2024-07-12T10:30:00+07:00",
        ["Sáng thứ sáu, một trận mưa lớn đã trút xuống Hà Nội khiến nhiều tuyến phố chính bị ngập sâu.",
         "Cơ quan khí tượng cảnh báo mưa sẽ còn kéo dài trong hai ngày tới.",
         "Thành phố đã bố trí thêm máy bơm tại các điểm ngập nặng nhất."],
        ["Tin liên quan", "Giá vàng giảm mạnh", "Khánh thành cây cầu mới ở Đà Nẵng"]),
    "id": Page(
        ["Beranda", "Nasional", "Ekonomi", "Olahraga"], "Hujan deras rendam sejumlah jalan di Jakarta",
        "Penulis: Budi Santoso", "Budi Santoso", "Jumat, 12 Jul 2024 10:30 WIB", "2024-07-12T10:30:00+07:00",
        ["Hujan deras yang mengguyur Jakarta pada Jumat pagi membuat sejumlah jalan utama terendam banjir.",
         "BMKG memperingatkan hujan masih akan turun dalam dua hari ke depan.",
         "Pemerintah kota telah menyiapkan pompa tambahan di titik-titik rawan genangan."],
        ["Baca juga", "Harga emas turun hari ini", "Jembatan baru diresmikan di Surabaya"]),
    "hr": Page(
        ["Naslovnica", "Vijesti", "Sport"], "Jaka kiša poplavila ulice Zagreba",
        "Piše: Ivan Horvat", "Ivan Horvat", "12. srpnja 2024. u 10:30", "2024-07-12T10:30:00Z",
        ["Jaka kiša pogodila je Zagreb u petak ujutro i poplavila nekoliko glavnih ulica.",
         "Meteorolozi upozoravaju da će kiša padati i sljedeća dva dana.",
         "Grad je postavio dodatne pumpe na najugroženijim mjestima."],
        ["Pročitajte i", "Cijena zlata pala", "Otvoren novi most u Splitu"]),
    "fi": Page(
        ["Etusivu", "Kotimaa", "Ulkomaat", "Urheilu"], "Rankkasade tulvi Helsingin katuja",
        "Teksti: Matti Virtanen", "Matti Virtanen", "12.7.2024 klo 10.30", "2024-07-12T10:30:00Z",
        ["Rankkasade iski Helsinkiin perjantaiaamuna, ja useita pääkatuja jäi veden alle.",
         "Meteorologit varoittavat, että sateet jatkuvat myös kahtena seuraavana päivänä.",
         "Kaupunki on sijoittanut lisäpumppuja pahimmille tulva-alueille."],
        ["Lue myös", "Kullan hinta laski", "Uusi silta avattiin Tampereella"]),
    "tr": Page(
        ["Anasayfa", "Gündem", "Ekonomi", "Spor"], "İstanbul'da sağanak yağış sokakları su bastı",
        "Haber: Ahmet Yılmaz", "Ahmet Yılmaz", "12 Mayıs 2024 10:30", "2024-05-12T10:30:00Z",
        ["İstanbul'da cuma sabahı etkili olan sağanak yağış birçok ana caddeyi su altında bıraktı.",
         "Meteoroloji yağışların önümüzdeki iki gün boyunca süreceği uyarısında bulundu.",
         "Belediye ekipleri kritik noktalara ek pompalar yerleştirdi."],
        ["İLGİLİ HABERLER", "Altın fiyatları düştü", "Ankara'da yeni köprü açıldı"]),
    "lt": Page(
        ["Pradžia", "Lietuvoje", "Pasaulyje", "Sportas"], "Liūtis užliejo Vilniaus gatves",
        "Autorius: Jonas Jonaitis", "Jonas Jonaitis", "2024 m. liepos 12 d. 10:30", "2024-07-12T10:30:00Z",
        ["Penktadienio rytą Vilnių užklupo smarki liūtis, kuri užliejo kelias pagrindines gatves.",
         "Sinoptikai įspėja, kad lietus tęsis ir artimiausias dvi dienas.",
         "Miesto tarnybos pavojingiausiose vietose įrengė papildomus siurblius."],
        ["Taip pat skaitykite", "Aukso kaina krito", "Kaune atidarytas naujas tiltas"]),
    "sr": Page(
        ["Почетна", "Политика", "Спорт"], "Јака киша поплавила улице Београда",
        "Аутор: Петар Петровић", "Петар Петровић", "12. јул 2024. 10:30", "2024-07-12T10:30:00Z",
        ["Јака киша погодила је Београд у петак ујутру и поплавила неколико главних улица.",
         "Метеоролози упозоравају да ће киша падати и наредна два дана.",
         "Град је поставио додатне пумпе на најугроженијим местима."],
        ["Прочитајте још", "Цена злата пала", "Отворен нови мост у Новом Саду"]),
}


def _html(language: str, page: Page) -> str:
    menu = "".join(f"<a href='/{entry}'>{entry}</a>" for entry in page.menu)
    body = "".join(f"<p>{paragraph}</p>" for paragraph in page.article)
    teasers = "".join(f"<li><a href='/t{i}'>{headline}</a></li>" for i, headline in enumerate(page.teasers[1:]))
    return (f'<html lang="{language}"><head><title>{page.title} | News</title></head><body><nav>{menu}</nav><article>'
            f'<h1>{page.title}</h1><div class="author">{page.byline}</div><span class="date">{page.stamp}</span>{body}'
            f'<aside><h3>{page.teasers[0]}</h3><ul>{teasers}</ul></aside></article><footer>© 2024</footer></body></html>')


@pytest.mark.parametrize("language", sorted(PAGES))
@pytest.mark.parametrize("form", ["text", "html"])
def test_a_page_in_another_language(language, form):
    page = PAGES[language]
    text = "\n".join([*page.menu, page.title, page.byline, page.stamp, *page.article, *page.teasers, "© 2024"])
    out = Extract().run({"url": f"https://news.example.com/{language}/a/20240712000123",
                         form: text if form == "text" else _html(language, page)})
    assert (out["title"], out["published_at"], out["authors"]) == (page.title, page.published, [page.writer])
    assert out["text"].splitlines() == page.article


CHINESE_ARTICLE = [
    "新华社北京7月12日电 北京市12日遭遇强降雨，多条主要道路出现积水，交通受到影响。北京市气象台当天上午发布暴雨黄色预警。",
    "市排水集团表示，已在重点路段增设排水泵，全力保障道路畅通。教育部门决定，全市中小学当天停课一天。",
    "交通部门提醒市民尽量减少出行，如需出行请选择公共交通工具，并注意避开积水路段。",
]


@pytest.mark.parametrize("form", ["text", "html"])
def test_a_chinese_article_closing_on_its_reporters_and_editor(form):
    # Before: the text page's title was its date line ("2024-07-12 10:30:15 来源：新华网"); both forms
    # kept "（记者 王小明 李华）" and "【纠错】" (the HTML one "责任编辑：张三" too) and named no writer.
    closing = ["（记者 王小明 李华）", "【纠错】", "责任编辑：张三"]
    if form == "text":
        page = "\n".join(["首页", "时政", "北京暴雨致多条道路积水", "2024-07-12 10:30:15 来源：新华网", *CHINESE_ARTICLE, *closing,
                          "扫一扫分享本页", "相关新闻", "上海发布高温预警", "广州地铁新线开通"])
    else:
        body = "".join(f"<p>{p}</p>" for p in [*CHINESE_ARTICLE, *closing])
        page = ("<html lang='zh-CN'><head><title>北京暴雨致多条道路积水_新华网</title></head><body><div class='nav'><a href='/'>首页</a>"
                "</div><h1>北京暴雨致多条道路积水</h1><div class='info'><span>2024-07-12 10:30:15</span><span>来源：新华网</span></div>"
                f"<div id='detail'>{body}</div><div class='related'><h3>相关新闻</h3><ul><li><a href='/x'>上海发布高温预警</a></li>"
                "</ul></div></body></html>")
    out = Extract().run({"url": "http://www.news.example.cn/2024-07/12/c_1130000.htm", form: page})
    assert (out["title"], out["authors"], out["published_at"]) == ("北京暴雨致多条道路积水", ["王小明", "李华"], "2024-07-12T10:30:00Z")
    assert out["text"].splitlines() == CHINESE_ARTICLE


def test_a_text_page_comes_out_in_nfc_as_an_html_page_does():
    # A scraper may hand over "য়" as one code point (U+09DF, which NFC writes as য + ়) and
    # "ễ" as e and two marks: trafilatura gives an HTML page's text in NFC, the form searches use.
    import unicodedata
    bengali = "কুষ্টি\u09dfা-১ আসনের সংসদ সদস্য অ্যাডভোকেট হাসিনুর রহমানকে কুপি\u09dfে হত্যা করা হ\u09dfেছে। "
    vietnamese = "Ông Nguye\u0302\u0303n Văn An nói rằng ngân sách mới sẽ được thông qua vào tuần tới sau nhiều tranh luận. "
    title = "Nguye\u0302\u0303n Văn An nói về ngân sách mới"
    for sentence in (bengali, vietnamese):
        text = "\n".join(["Trang chủ", title, sentence * 4, sentence * 3, "© 2024"])
        out = Extract().run({"url": "https://example.com/tin-tuc/a", "text": text})
        assert out["text"] == unicodedata.normalize("NFC", "\n".join([sentence * 4, sentence * 3]).replace(" \n", "\n").strip())
        # The title stays as the page spells it: labellers copy it from the page.
        assert out["title"] == title


def test_a_chinese_page_with_a_ticker_and_its_commentators_credit():
    # A ticker of headlines flattened into one line of ideographs (no comma, no stop) read as the
    # page's first paragraph, the menu with it; the commentators' credit closing the last
    # paragraph named nobody; the HTML page, its headline in a div, no writer either.
    ticker = ("河南81家上市公司已复工75家王毅会见越南副总理兼外长范平明290人涉疫情犯罪被检察机关提起公诉中国大陆高校再度领跑"
              "泰晤士高等教育新兴经济体大学排名重庆健康码上线服务复工出行手上有工 心中不慌珠三角务工人员陆续返岗见闻")
    menu = ("时政 地方 法治 高层 人事 理论 国际 军事 访谈 港澳 台湾 华人 财经 汽车 房产 教育 科技 能源 论坛 思客 网评 图片 视频 彩票 娱乐 时尚 "
            "体育 食品 旅游 健康")
    paragraphs = ["在抗击新冠肺炎疫情的日子里，封在武汉的父母们总要万般无奈而又小心翼翼回应着孩子天真的追问。",
                  "即便日常已改变了模样，但生活依然要继续。纵然已有焦虑煎熬，但内心仍需要坚强，众多武汉家庭的真实写照。",
                  "钟南山院士说：“武汉本来就是一个英雄的城市，有全国、有大家的支持，武汉肯定能过关。”",
                  "正是有了英勇的你们，才有这座英雄的城！（评论员 罗博 萧海川）"]
    title = "武汉的声音：有英勇的你，才有英雄的城！"
    text = "\n".join([ticker, "客户端", "搜索", menu, "新华网 正文", title, "2020-02-19 20:29:58", "来源：", "半月谈", "微信", "微博",
                     *paragraphs, "【纠错】", "责任编辑：", "焦鹏", menu, "关注我们"])
    url = "http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm"
    out = Extract().run({"url": url, "text": text})
    assert (out["title"], out["authors"], out["published_at"]) == (title, ["罗博", "萧海川"], "2020-02-19T20:29:00Z")
    assert out["text"].splitlines() == paragraphs
    html = (f"<html><head><title>{title}-新华网</title></head><body><div class='ticker'>{ticker}</div><div class='h-title'>{title}</div>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>")
    out = Extract().run({"url": url, "html": html})
    assert (out["title"], out["authors"]) == (title, ["罗博", "萧海川"])
