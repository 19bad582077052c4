"""What a single line of page text looks like: prose, a headline, or a known kind of boilerplate.

The phrase lists are multilingual on purpose: the same page furniture ("Also read", share
prompts, photo credits) appears on news sites in every language, and the held-out pages
are not English-only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from typing import TypeVar

import numpy as np

from pipeline.stages.extract.bylines import BRACKETED_REPORTERS, CREDITED_BY_TITLE, MONTHS
from pipeline.stages.words import DENSE, FULL_STOPS, IDEOGRAPH, IDEOGRAPHIC_STOPS, MISCOUNTED, UNSPACED_ABUGIDA, WORD

T = TypeVar("T")

# Thai, Lao, Burmese and Khmer characters per unit of a line's size: fewer than a word's
# (words.ABUGIDA_CHARACTERS_PER_WORD), so that a line without the sentence marks these scripts do
# not write is prose at about the length of an English one.
_ABUGIDA_CHARACTERS_PER_SIZE = 4
# A line without a MISCOUNTED character (most lines of most pages) has the words "\w+" finds, in
# less time than WORD and the scripts' counts take; an ASCII line's are what is left between its
# other characters made spaces (half the time of the pattern on a sentence).
_PLAIN_WORD = re.compile(r"\w+")
_ASCII_NON_WORD = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})
# Sentence end, optionally followed by closing quotes/brackets; ':' counts because a line
# that announces a quote or a list ("..., adding:") is running prose.
_SENTENCE_END = re.compile(rf"[{re.escape(FULL_STOPS + IDEOGRAPHIC_STOPS)}:;][\"'”’»)\]]*\s*$")
_SPACES = re.compile(r"\s+")
# A date's look: "12.03.2024", "2024-03-12", "March 12", "12. März" (a date line, a title
# model feature, a dateline above an HTML page's text).
DATE_LIKE = re.compile(
    rf"\b\d{{1,2}}[./-]\s?\d{{1,2}}[./-]\s?\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b{MONTHS}\.?\s+\d|\d\.?\s+{MONTHS}\b",
    re.IGNORECASE)


def normalise(line: str) -> str:
    """The line as compared across pages and against phrases: NFKC, lower case, single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", line)).strip().lower()


# A page's lines are classified by the rules, again for the line model, the title and writers
# models and the tidying, and every classifier asks for the size: each answer is kept until the
# next page begins (forget_lines). Caches that hold one page's lines are faster than caches
# bounded to a few pages' (a text page in 8% less time than with 4,096 lines kept), and they
# hold no more than the page itself.
_CACHE_CLEARS: list[Callable[[], None]] = []


def _per_page(function: Callable[[str], T]) -> Callable[[str], T]:
    cached = cache(function)
    _CACHE_CLEARS.append(cached.cache_clear)
    return cached


def forget_lines() -> None:
    """A new page begins: the answers about the last page's lines go."""
    for clear in _CACHE_CLEARS:
        clear()


@_per_page
def lowered(line: str) -> str:
    """The line in lower case as the phrases are written: Turkish "İ" lowers to "i" and a
    combining dot ("İLGİLİ HABERLER" to "i̇lgi̇li̇ haberler"), which no phrase spells."""
    low = line.lower()
    return low.replace("i\u0307", "i") if "\u0307" in low else low


# What each character is, as bits of one code: read for a page's text at once from a table of
# the Basic Multilingual Plane (built once, 64 KB) rather than character by character (a tenth
# of the time), for line sizes (learn_sizes) and the line model's digits, capitals and letters.
DIGIT, UPPER, LETTER, _WORD_BIT, _MISCOUNTED_BIT = 1, 2, 4, 8, 16
_BMP = 0x10000


def _class_bits(char: str) -> int:
    return (DIGIT * char.isdigit() + UPPER * char.isupper() + LETTER * char.isalpha()
            + _WORD_BIT * (char.isalnum() or char == "_") + _MISCOUNTED_BIT * bool(MISCOUNTED.match(char)))


@cache
def _plane_codes() -> np.ndarray:
    return np.array([_class_bits(chr(point)) for point in range(_BMP)], dtype=np.uint8)


def character_codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The code points of `text` and their class bits (DIGIT, UPPER, LETTER and the rest)."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    codes = _plane_codes()[np.minimum(points, _BMP - 1)]
    for at in np.flatnonzero(points >= _BMP):  # emoji, historic scripts, CJK extensions
        codes[at] = _class_bits(chr(points[at]))
    return points, codes


# Sizes counted for a page's lines at once (learn_sizes), until size is first asked for each.
_LEARNT_SIZES: dict[str, int] = {}
_CACHE_CLEARS.append(_LEARNT_SIZES.clear)


def learn_sizes(lines: Sequence[str]) -> None:
    """The sizes of a page's lines, counted for all of them at once: the runs of word characters
    of each line without a MISCOUNTED character (or one beyond the Basic Multilingual Plane),
    read from the character table (a sentence with an accented letter took 4 us in "\\w+", a
    page's lines a fifth of that each); size counts the rest itself."""
    if not lines:
        return
    points, codes = character_codes("\n".join(lines))
    word = (codes & _WORD_BIT) > 0
    word_starts = word.copy()
    word_starts[1:] &= ~word[:-1]
    lengths = np.fromiter(map(len, lines), dtype=np.intp, count=len(lines))
    ends = np.cumsum(lengths + 1) - 1
    starts = ends - lengths
    words = np.concatenate([[0], np.cumsum(word_starts)])
    others = np.concatenate([[0], np.cumsum(((codes & _MISCOUNTED_BIT) > 0) | (points >= _BMP))])
    for line, count, other in zip(lines, (words[ends] - words[starts]).tolist(), (others[ends] - others[starts]).tolist()):
        if not other:
            _LEARNT_SIZES[line] = count


@_per_page
def size(line: str) -> int:
    """Length in words (words.WORD); in the scripts written without spaces a CJK character counts
    half a word, a Thai, Lao, Burmese or Khmer one a quarter."""
    if (learnt := _LEARNT_SIZES.get(line)) is not None:
        return learnt
    if line.isascii():
        return len(line.translate(_ASCII_NON_WORD).split())
    if not MISCOUNTED.search(line):
        return len(_PLAIN_WORD.findall(line))
    unspaced = len(DENSE.findall(line)) // 2 + len(UNSPACED_ABUGIDA.findall(line)) // _ABUGIDA_CHARACTERS_PER_SIZE
    return max(len(WORD.findall(line)), unspaced)


@_per_page
def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


# Chinese and Japanese prose has a comma or a stop every 15-30 characters (50 with furigana inline);
# a long line of ideographs with next to none is headlines or menu entries run together (a news
# ticker flattened: "河南81家上市公司已复工75家王毅会见..." has 2 marks in 186 characters).
_COMMAS_AND_STOPS = re.compile("[，。、；：！？,.;:!?]")
_CJK_CHARACTERS_PER_MARK = 60
_LONG_LINE_WORDS = 25
# The words a line ending a sentence needs to be prose.
SENTENCE_WORDS = 5


# A source's label alone on its line, the source's name on the next ("来源：" / "半月谈").
_SOURCE_LABEL = re.compile(r"^\W*(?:来源|來源|出典|출처|source|quelle|fuente|fonte|bron|źródło|источник)\s*[:：]?\s*$", re.IGNORECASE)
_SOURCE_NAME_WORDS = 4


@_per_page
def is_source_label(line: str) -> bool:
    return bool(_SOURCE_LABEL.match(line))


def names_a_source(line: str, previous: str) -> bool:
    """`line` is the source's name under a bare source label (`previous`): both the page's header."""
    return size(line) <= _SOURCE_NAME_WORDS and is_source_label(previous)


def is_run_together(line: str) -> bool:
    """A long line of ideographs and kana with next to no comma or stop: headlines or menu
    entries run together, no prose. (Korean spaces its words and writes Latin stops: its lines
    are read as the others are.)"""
    if size(line) < _LONG_LINE_WORDS:
        return False
    dense = len(IDEOGRAPH.findall(line))
    return 2 * dense >= len(line) and len(_COMMAS_AND_STOPS.findall(line)) * _CJK_CHARACTERS_PER_MARK < dense


@_per_page
def is_prose(line: str) -> bool:
    """A line of running text: a sentence of some length, or a long line whatever its end."""
    n = size(line)
    return (n >= SENTENCE_WORDS and ends_sentence(line)) or n >= _LONG_LINE_WORDS


@_per_page
def is_headline(line: str) -> bool:
    """Short enough for a headline and not a finished sentence ('?' and '!' headlines exist)."""
    n = size(line)
    stripped = line.rstrip("\"'”’») ")
    return 2 <= n <= 30 and not stripped.endswith((".", "。", ":", ";", ","))


# The phrase patterns below are written in lower case and matched against the lower-cased line:
# case-blind matching (re.IGNORECASE) took three times as long, and every line of a text page
# is asked most of these questions.


def _alternatives(items: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items)


def _any_of(marks: tuple[str, ...]) -> re.Pattern[str]:
    """A search for any of `marks` as written: what a line must hold for a slower pattern to
    match it (on short lines a third of the time `any` of `in` tests takes)."""
    return re.compile("|".join(map(re.escape, marks)))


# Chinese, Japanese and Korean headings over recommended stories ("hot picks", "you may like",
# "everyone is reading", "most read"): teaser headings, and "more stories" headings too.
_RECOMMENDED = ("热门推荐", "熱門推薦", "热点推荐", "精彩推荐", "猜你喜欢", "猜你喜歡", "大家都在看", "更多新闻", "最新文章", "注目記事",
                "많이 본 기사", "추천 기사")
# What announces a link to another story: alone on a line it heads a list of them ("Also
# read"), and followed by a colon it introduces one inline ("Lea también: <headline>").
_TEASER_PHRASES = (
    # en
    "also read", "read also", "read more", "read next", "see also", "related", "related articles",
    "related stories", "related news", "related content", "related posts", "related coverage",
    "related topics", "recommended", "recommended for you", "recommended stories",
    "others are reading now", "people also read", "you may also like", "you might also like",
    "you may be interested in", "you might be interested in", "most read", "most popular",
    "most viewed", "trending", "trending now", "top stories", "don't miss", "dont miss",
    "more stories", "more news", "latest news", "latest stories", "editor's picks", "editors' picks",
    "what to read next", "more on this story", "more from", "advertisement", "advertising",
    "related reading", "further reading", "you may also want to read",
    "sponsored", "sponsored content", "story continues below", "article continues below",
    "story continues below advertisement", "skip advertisement", "continue reading",
    "continue reading below", "read the full story", "watch", "watch now", "listen",
    # de
    "lesen sie auch", "lesen sie mehr", "auch interessant", "das könnte sie auch interessieren",
    "mehr zum thema", "weitere artikel", "weiterlesen", "anzeige", "werbung", "meistgelesen",
    "empfohlen", "passend zum thema", "zum thema", "lesen sie hier", "auch lesen", "schon gelesen",
    "zum weiterlesen", "weitere artikel zum thema", "lesen sie auch die folgenden beiträge",
    "das thema könnte dich auch interessieren", "das thema könnte sie auch interessieren",
    # fr
    "à lire aussi", "a lire aussi", "lire aussi", "voir aussi", "sur le même sujet", "publicité",
    "les plus lus", "à voir aussi", "lire la suite", "à lire également",
    # es
    "lee también", "lea también", "leer más", "ver también", "te puede interesar",
    "también te puede interesar", "noticias relacionadas", "publicidad", "lo más leído",
    "más información", "le puede interesar", "les puede interesar", "vea también", "mira también",
    "te recomendamos", "notas relacionadas", "nota relacionada", "artículos relacionados",
    # it
    "leggi anche", "leggi di più", "potrebbe interessarti", "potrebbe interessarti anche",
    "pubblicità", "articoli correlati", "i più letti",
    # pt
    "leia também", "leia mais", "veja também", "publicidade", "notícias relacionadas", "mais lidas",
    # nl
    "lees ook", "lees meer", "advertentie", "gerelateerde artikelen", "meest gelezen",
    # pl, cs, sk
    "czytaj też", "czytaj także", "zobacz też", "zobacz także", "przeczytaj także",
    "przeczytaj też", "reklama", "čtěte také", "čtěte též", "prečítajte si aj",
    # ru, uk
    "читайте также", "читайте еще", "читайте ещё", "смотрите также", "реклама", "по теме",
    "читайте також", "дивіться також",
    # nordic, fi, hu, ro, tr, el
    "läs också", "läs mer", "annons", "læs også", "les også", "annonse", "annonce", "lue myös",
    "mainos", "olvassa el", "hirdetés", "citește și", "citeste si", "publicitate",
    "ayrıca okuyun", "ilginizi çekebilir", "reklam", "διαβάστε επίσης", "διαφήμιση",
    "ilgili haberler", "lue lisää", "læs mere", "se også", "relaterede artikler", "relaterte saker",
    "relaterade artiklar", "mohlo by vás zajímat", "súvisiace články",
    "δείτε επίσης", "διαβάστε ακόμη", "διαβάστε ακόμα", "σχετικά άρθρα", "σχετικές ειδήσεις",
    "articole similare", "articole recomandate", "olvasd el ezt is", "kapcsolódó cikkek", "ezt is ajánljuk",
    "přečtěte si také", "související články", "čítajte aj", "čítajte tiež", "aiheeseen liittyvät", "lue lisää aiheesta",
    # lt, lv, et
    "taip pat skaitykite", "skaitykite taip pat", "susiję straipsniai", "lasi arī", "lasiet arī", "saistītie raksti",
    "loe ka", "loe lisaks", "seotud uudised",
    # ca, hr/sr/bs/sl, bg, id/ms, vi, sw
    "llegiu també", "llegeix també", "notícies relacionades", "publicitat",
    "pročitajte i", "pročitajte još", "pročitajte više", "povezane vijesti", "povezane vesti", "preberite tudi",
    "preberite še", "povezani članki", "sorodni članki", "pročitaj još",
    "прочетете още", "вижте още", "още по темата", "прочитајте још", "прочитај још", "повезане вести",
    "baca juga", "baca selengkapnya", "berita terkait", "artikel terkait", "berita lainnya", "iklan",
    "xem thêm", "đọc thêm", "tin liên quan", "bài liên quan", "tin mới nhất", "quảng cáo", "soma pia",
    # ar, fa, ur, he, hi, bn
    "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ المزيد", "أخبار ذات صلة", "مواضيع ذات صلة",
    "مقالات ذات صلة", "الأكثر قراءة", "إعلان", "شاهد أيضا", "بیشتر بخوانید", "بخوانید", "اخبار مرتبط",
    "مطالب مرتبط", "پربازدیدترین", "تبلیغات", "یہ بھی پڑھیں", "مزید پڑھیں", "קראו גם", "כתבות נוספות",
    "הכי נקראים", "פרסומת", "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "और पढ़ें", "संबंधित खबरें",
    "ताज़ा खबरें", "ताजा खबरें", "विज्ञापन", "আরও পড়ুন", "আরো পড়ুন", "সম্পর্কিত খবর", "বিজ্ঞাপন",
    # zh, ja, ko, th
    "相关阅读", "相关新闻", "相關新聞", "延伸阅读", "延伸閱讀", "推荐阅读", "推薦閱讀", "热门文章", "廣告", "广告",
    *_RECOMMENDED,
    "関連記事", "関連ニュース", "あわせて読みたい", "おすすめ記事", "人気記事", "続きを読む",
    "관련기사", "관련 기사", "많이 본 뉴스", "인기 기사", "함께 보면 좋은 기사", "광고", "ข่าวที่เกี่ยวข้อง", "บทความที่เกี่ยวข้อง",
    "อ่านเพิ่มเติม", "ข่าวล่าสุด", "โฆษณา",
)
TEASER_HEADING = re.compile(rf"^\W*(?:{_alternatives(_TEASER_PHRASES)})\W*$")
_INLINE_TEASER = re.compile(rf"^\W*(?:{_alternatives(_TEASER_PHRASES)})\s*[:»›>|–—-]\s*(?P<headline>\S.*)$")
# A teased headline is short and not a finished sentence; longer, it is the article going on.
_INLINE_HEADLINE_WORDS = 30
# Most lines are asked whether they are a teaser heading and fail: a set lookup of the line's
# words between its first and last word characters (a phrase's too, past a Hindi or Arabic
# vowel sign ending it, which is no word character) turns nearly all of them away, and the
# pattern, trying hundreds of phrases at the line's start, answers the rest.
_CORE = re.compile(r"\w(?:.*\w)?", re.DOTALL)


def _core(low: str) -> str:
    found = _CORE.search(low)
    return " ".join(found.group().split()) if found else ""


_TEASER_CORES = frozenset(map(_core, _TEASER_PHRASES))
# An inline teaser's phrase ends where the line's first separator is (no phrase holds one).
_BEFORE_INLINE_MARK = re.compile(r"\W*+([^:»›>|–—-]*+)[:»›>|–—-]")
_TEASER_PHRASES_SPACED = frozenset(" ".join(phrase.split()) for phrase in _TEASER_PHRASES)
# Every line is asked whether it is furniture: a line too long to be only a phrase, or
# without an inline teaser's separator, a furniture phrase's word or a credit's mark, is
# answered without the patterns, which take longer to fail.
_TEASER_WORDS = max(size(phrase) for phrase in _TEASER_PHRASES)

# Share prompts, sign-up calls and similar page furniture, matched anywhere in a short line.
_FURNITURE = re.compile(
    r"\b(?:share (?:this|it|the article|the story|on|via|article)|share it here|click to share"
    r"|did you find (?:the|this) article"
    r"|follow us on|sign up for (?:our|the) newsletter|subscribe to (?:our|the) newsletter"
    r"|all rights reserved|cookie (?:policy|settings)|we use cookies"
    r"|artikel teilen|beitrag teilen|jetzt teilen|partager (?:cet |l')article"
    r"|compartir (?:esta|este|en)|condividi (?:questo|su)|compartilhe|deel dit artikel"
    r"|udostępnij|поделиться"
    # in languages the line model has no pages in (a word ends where a CJK phrase does not)
    r"|شارك المقال|شارك هذا المقال|شارك الخبر|שתפו את הכתבה|chia sẻ bài viết|bagikan artikel|bagikan berita|haberi paylaş)\b"
    r"|この記事をシェア|記事をシェア|シェアする|分享到|扫一扫|공유하기"
    # Chinese share buttons' labels, alone on their line
    r"|^(?:微信|微博|qq空间|朋友圈|qzone)$",
)
_FURNITURE_WORDS = ("share", "did you find", "follow us", "sign up", "subscribe", "rights reserved", "cookie", "teilen",
                    "partager", "compartir", "condividi", "compartilhe", "deel dit", "udostępnij", "поделиться",
                    "シェア", "分享到", "扫一扫", "공유하기", "شارك", "שתפו", "chia sẻ", "bagikan", "paylaş", "微信", "微博", "qq空间",
                    "朋友圈", "qzone")
_FURNITURE_MARK = _any_of(_FURNITURE_WORDS)

# Picture agencies and stock libraries, named in a photo's credit.
# Not inside a word ("map photo"), but in an image's file name ("kids_istock.jpg", "imago80167874").
_PICTURE_AGENCIES = (r"shutterstock|getty\s*images|(?<![a-z])(?:istock|imago(?![a-z])|alamy|ap photo|afp via)"
                     r"|depositphotos|dreamstime|unsplash|picture[- ]alliance|stock\.adobe")
# "Photo:" in Arabic, Persian, Hebrew ("photo", "photography"), Hindi, Thai, Vietnamese, Turkish
# ("visual"), Indonesian ("illustration"), Bulgarian, Croatian and Serbian.
_OTHER_CREDIT_WORDS = ("صورة", "الصورة", "عکس", "תמונה", "צילום", "फोटो", "फ़ोटो", "ภาพ", "ảnh", "görsel", "ilustrasi", "снимка",
                       "fotografija", "slika")
_OTHER_CREDIT_LABELS = "|".join(_OTHER_CREDIT_WORDS)
# Photo credits: an agency, or an explicit credit label. Matched against the lower-cased line
# (a case-blind pattern took twice as long).
# The labels open the line; the rest is looked for where one of its marks is (a pattern tried
# at every position of every short line took a tenth of a text page's rule time).
_CREDIT_LABEL_FIRST = re.compile(
    r"\W*(?:(?:photo|image|picture|credit|crédit|foto|bild|fotó|zdjęcie|фото)s?\s*(?:photos?\s*)?(?:by|:|credit)"
    rf"|(?:{_OTHER_CREDIT_LABELS}|φωτογραφία|kuva)\s*[:：]|(?:fot|nuotr)\.\s*:?\s*\S)")
_CREDIT_ANYWHERE = re.compile(rf"{_PICTURE_AGENCIES}|\bepa[-/ ]|\breuters/|\bdpa\b|©|\(c\)\s")
# A credit ending a caption, the caption a sentence: "... in Bremen aus. © CAE", "... im Kongress
# (Foto: Natacha Pisarenko/Pool via REUTERS).", "... sought treatmentCredit: EPA". Narrower than
# is_credit's patterns, since it is looked for in whole paragraphs: "©", an agency, a label with its colon.
# Matched against the lower-cased line too, each only where its mark is (one case-blind pattern
# tried at every letter of every line cost a text page a fifth of its time).
_AGENCY = re.compile(_PICTURE_AGENCIES)
_AGENCY_MARKS = ("stock", "getty", "imago", "alamy", "ap photo", "afp via", "depositphotos", "dreamstime", "unsplash", "picture")
_AGENCY_MARK = _any_of(_AGENCY_MARKS)
_CREDIT_MARK = _any_of((*_AGENCY_MARKS, "epa", "reuters/", "dpa", "©", "(c)"))
# The label may end a compound ("Symbolbild:", "Archivfoto:"; not "Leitbild:", "„Blue Marble“-Foto:")
# or, a credit's, be run into the caption's last word ("treatmentCredit: EPA").
_CREDIT_LABEL = re.compile(
    r"(?:^|[\s(|/.]|symbol|archiv|titel|beitrags|header|aufmacher|vorschau|presse|[a-z](?=credit))"
    r"(?:photos?|fotos?|bild(?:er)?|images?|imagen|credits?|crédits? photos?|fotó|fotografía|zdjęcie|фото|picture"
    rf"|abb\.?|abbildung|grafik|illustration|beeld|kuva|fotoğraf|φωτογραφία|{_OTHER_CREDIT_LABELS})\s*:\s*\S"
    # Korean, Japanese and Chinese captions' credits: "(사진=연합뉴스)", "（写真：ロイター）", "图片来源：新华社".
    r"|(?:사진|写真|图片来源|图片|摄影)\s*[=:：]"
    # Polish and Lithuanian abbreviate "photo", the colon optional: "Fot. PAP", "Nuotr.: ELTA".
    r"|(?:^|[\s(|/])(?:fot|nuotr)\.\s*:?\s*\S")
# Each of those labels holds one of these: a line with none has no label, without the search.
_LABEL_MARKS = ("photo", "foto", "fotó", "bild", "image", "credit", "crédit", "zdjęcie", "фото", "picture", "abb", "grafik",
                "illustration", "beeld", "kuva", "φωτογραφία", "사진", "写真", "图片", "摄影", "fot.", "nuotr.", *_OTHER_CREDIT_WORDS)
_LABEL_MARK = _any_of(_LABEL_MARKS)
_CREDIT_IN_BRACKETS = re.compile(r"\((?:photos?|pictures?|fotos?|images?) by\s")

# A post's tags or categories: "Tags: council, budget", "Schlagwörter: ...", "Filed under: ...".
_TAG_LINE = re.compile(
    r"^\W*(?:tags?|tagged(?: with)?|tagged as|keywords|topics|categories|category|filed under|posted in"
    r"|schlagwörter|schlagworte|stichwörter|stichworte|getaggt mit|markiert mit|kategorien|kategorie|themen"
    r"|étiquettes|mots[- ]clés|catégories|etiquetas|categorías|temas|tag correlati|parole chiave|categorie"
    r"|marcadores|tagi|tagy|štítky|метки|теги|рубрики|etiketler)\s*:",
)
# A list of tags, however long, is no paragraph of the article past this.
_TAG_LINE_WORDS = 40

_BYLINE = re.compile(
    r"^(?:(?:by|von|par|por|di|door|av|af|de|autor|author|autore|oleh|bởi|tác giả|yazar|автор|بقلم|كتب|كتبت|بواسطة|نویسنده|מאת"
    r"|लेखक|लेखिका|โดย)\s*:?\s+\S|(?:作者|记者|記者)\s*[:：]?\s*\S)")


@_per_page
def is_teaser_heading(line: str) -> bool:
    return size(line) <= _TEASER_WORDS and _core(lowered(line)) in _TEASER_CORES and bool(TEASER_HEADING.match(lowered(line)))


@_per_page
def is_inline_teaser(line: str) -> bool:
    """'Read more: <headline of another story>', a link set inside the article."""
    # The teaser's phrase has at most _TEASER_WORDS words, so a longer line has a longer headline.
    if size(line) > _TEASER_WORDS + _INLINE_HEADLINE_WORDS:
        return False
    phrase = _BEFORE_INLINE_MARK.match(lowered(line))
    if not phrase or " ".join(phrase.group(1).split()) not in _TEASER_PHRASES_SPACED:
        return False
    match = _INLINE_TEASER.match(lowered(line))
    if not match:
        return False
    headline = match.group("headline")
    return size(headline) <= _INLINE_HEADLINE_WORDS and not headline.rstrip("\"'”’») ").endswith((".", ":", ";", ","))


@_per_page
def is_furniture(line: str) -> bool:
    if size(line) > 20:
        return False
    low = lowered(line)
    return bool(_FURNITURE_MARK.search(low)) and bool(_FURNITURE.search(low))


@_per_page
def is_credit(line: str) -> bool:
    if ends_sentence(line) or size(line) > 12:
        return False
    low = line.lower()
    return bool(_CREDIT_LABEL_FIRST.match(low)) or (bool(_CREDIT_MARK.search(low)) and bool(_CREDIT_ANYWHERE.search(low)))


@_per_page
def has_caption_credit(line: str) -> bool:
    """A photo's credit anywhere in the line: a caption, however long (is_credit: a credit alone)."""
    low = line.lower()
    # "(c)" not opening the line nor ending a word, with no "(b)" before it: a credit, not a
    # list's third item or a clause ("Section 230(c)").
    at = low.find("(c) ")
    return ("©" in low or (at > 0 and not low[at - 1].isalnum() and "(b)" not in low[:at])
            or ((":" in low or "=" in low or "：" in low or "fot." in low or "nuotr." in low)
                and bool(_LABEL_MARK.search(low))
                and bool(_CREDIT_LABEL.search(low)))
            or (" by " in low and bool(_CREDIT_IN_BRACKETS.search(low)))
            or (bool(_AGENCY_MARK.search(low)) and bool(_AGENCY.search(low))))


# A caption that closes on its photo's credit in brackets, as the agencies write it: "... during
# a space walk. (NASA via AP, File)", "(AP Photo/Evan Vucci)", "(Foto: Natacha Pisarenko/Pool via
# REUTERS)", "(Photo by Jane Roe/Getty Images)". Whatever the sentence before it, the line is the
# caption (has_caption_credit reads more kinds of credit, but anywhere in a line).
_BRACKETED_PHOTO_CREDIT = re.compile(
    r"\((?:[^()]*?(?:\bap photo|\bvia (?:ap|reuters|afp|getty)|getty images|/(?:ap|reuters|afp|epa))\b"
    r"|\W*(?:photos?|fotos?|bild|images?|pictures?|crédits?|credits?)\s*(?:by\b|:))[^()]*\)\W*$")


@_per_page
def ends_in_photo_credit(line: str) -> bool:
    low = lowered(line)
    return low.rstrip(" .").endswith(")") and bool(_BRACKETED_PHOTO_CREDIT.search(low))


@_per_page
def is_tag_line(line: str) -> bool:
    return ":" in line and size(line) <= _TAG_LINE_WORDS and bool(_TAG_LINE.match(lowered(line)))


# A line this short with a date in it is a date line: beside a byline, under a headline.
DATE_LINE_WORDS = 8


def is_date_line(line: str) -> bool:
    return size(line) <= DATE_LINE_WORDS and bool(DATE_LIKE.search(line))


@_per_page
def is_byline(line: str) -> bool:
    # A title after the name is Korean, Japanese or Chinese: not in an ASCII line.
    return (size(line) <= 8 and (bool(_BYLINE.match(lowered(line)) or (not line.isascii() and CREDITED_BY_TITLE.match(line))))
            and not ends_sentence(line))


# The heading or prompt that opens a comment section, with or without a count
# ("34 Comments", "Comments (3)", "[ 167 comments ]", "Leave a Reply").
_COMMENT_HEADING = re.compile(
    r"^\W*(?:\d+\s*)?(?:"
    # en
    r"comments?|responses?|replies|reader comments|top rated comments|discussion|join the discussion"
    r"|leave a (?:reply|comment)|post a comment|add (?:a )?comment|write a comment|(?:show|view|load) (?:all )?comments"
    r"|\d*\s*(?:responses?|comments?|thoughts?|replies) (?:to|on) .*"
    # de, fr, es, it, pt, nl
    r"|kommentare?|leserkommentare|kommentar schreiben|kommentieren|diskussion"
    r"|commentaires?|laisser un commentaire|ajouter un commentaire|écrire un commentaire|réactions?"
    r"|comentarios?|deja (?:un|tu) comentario|dejar un comentario|escribe un comentario"
    r"|commenti|lascia un commento|scrivi un commento|aggiungi un commento"
    r"|comentários?|deixe (?:um|seu|o seu) comentário|escreva um comentário"
    r"|reacties?|plaats een reactie|laat een reactie achter|geef een reactie"
    # pl, cs, sk, hr/sr/sl, ro, hu, tr, el
    r"|komentarze|komentarzy|dodaj komentarz|napisz komentarz|komentáře|přidat komentář|diskuse|diskuze"
    r"|komentáre|diskusia|komentari|komentarji|ostavi komentar|comentarii|lasă un comentariu"
    r"|hozzászólások|szólj hozzá|kommentek|yorumlar|yorum yap|yorum yaz|σχόλια"
    # ru, uk, bg
    r"|комментарии|комментариев|оставить комментарий|добавить комментарий|коментарі|залишити коментар|коментари"
    # nordic, fi, baltic, ca, id/ms, vi
    r"|kommentarer|lämna en kommentar|skriv en kommentar|legg igjen en kommentar|kommentit|jätä kommentti"
    r"|kommentaarid|komentarai|komentāri|comentaris|komentar|tinggalkan (?:komentar|balasan)|bình luận"
    # ja, zh, ko, ar, fa, he, hi
    r"|コメント|コメントを書く|评论|評論|热门评论|网友评论|最新评论|發表評論|发表评论|留言|댓글|التعليقات|تعليقات|نظرات|תגובות|टिप्पणियाँ|टिप्पणियां|ความคิดเห็น"
    r")\W*(?:\(?\d+\)?)?\W*$",
)

# A commenter's name line: "joetoronto says:", "Catherine on September 13, 2018 at 5:23 pm said:".
COMMENTER_VERB = (
    r"\b(?:says|said|wrote|replied|sagt|schreibt|meint|a écrit|dit|écrit|dice|escribió|escribe|scrive|ha scritto"
    r"|disse|escreveu|diz|zegt|schreef|napisał|napisała|napsal|napsala|пишет|написал|написала|пише|skrev"
    r"|kirjoitti|írta|yazdı|scrie|a scris)\s*:")
_COMMENTER = re.compile(COMMENTER_VERB + r"\s*$")

# The heading over the teasers that follow an article ("More in Politics", "You may also
# like", "Read these next"): unlike "Also read", seldom inside an article.
_MORE_STORIES = re.compile(
    r"^\W*(?:"
    r"(?:more|latest) (?:in|from|on|stories from|news from) .{1,40}|read these next|you (?:may|might) also like"
    r"|you (?:may|might) (?:also )?be interested in|recommended for you|related (?:articles|stories|posts|news|content|coverage)"
    r"|more stories|more like this|most (?:read|popular|viewed|shared)|trending now|what to read next|up next"
    r"|elsewhere on .{1,40}|around the web|from the web|more to explore|popular (?:now|stories|posts)"
    r"|(?:recent|latest|related|similar|more|other) (?:posts|articles)|you (?:may|might) also enjoy"
    r"|das könnte (?:sie|dich|euch) auch interessieren|weitere (?:artikel|beiträge|themen)|meistgelesen"
    r"|mehr aus .{1,40}|mehr zum thema(?: auf .{1,40})?|mehr themen|(?:ähnliche|verwandte|passende) (?:artikel|beiträge)"
    r"|weitere (?:aktuelle )?themen(?: aus| bei| von)? ?.{0,40}|top[- ]themen(?: bei .{1,40})?|entdecke weitere .{1,30}"
    r"|(?:neueste|aktuelle|beliebte) (?:artikel|beiträge)|empfehlungen der redaktion"
    r"|sur le même sujet|les plus lus|dans la même rubrique|vous aimerez aussi|à lire également"
    r"|noticias relacionadas|notas relacionadas|lo más leído|más noticias|más sobre .{1,40}|te puede interesar|también te puede interesar"
    r"|articoli correlati|i più letti|potrebbe interessarti(?: anche)?|altre notizie"
    r"|você (?:pode|também pode) gostar|notícias relacionadas|mais lidas|mais notícias"
    r"|gerelateerde artikelen|meest gelezen|meer nieuws|najczęściej czytane|podobne artykuły|zobacz również"
    r"|související články|súvisiace články|похожие статьи|другие новости|популярное|схожі новини"
    r"|relaterade artiklar|mest lästa|relaterte artikler|mest leste|luetuimmat|aiheeseen liittyvät"
    r"|kapcsolódó cikkek|legolvasottabb|articole similare|cele mai citite|benzer haberler|en çok okunanlar"
    r"|σχετικά άρθρα|δημοφιλή|関連記事|相关文章|相关阅读|관련 기사|مقالات ذات صلة"
    r"|ilgili haberler|relaterede artikler|relaterte saker|berita terkait|artikel terkait|berita lainnya|terpopuler"
    r"|tin liên quan|bài liên quan|tin mới nhất|đọc nhiều nhất|povezane vijesti|povezane vesti|najčitanije|най-четени"
    r"|notícies relacionades|الأكثر قراءة|أخبار ذات صلة|اخبار مرتبط|مطالب مرتبط|پربازدیدترین|כתבות נוספות|הכי נקראים"
    r"|संबंधित खबरें|ताज़ा खबरें|ताजा खबरें|সম্পর্কিত খবর|相关新闻|相關新聞|热门文章|推荐阅读|関連ニュース|人気記事"
    r"|많이 본 뉴스|인기 기사|관련기사|ข่าวที่เกี่ยวข้อง|ข่าวล่าสุด"
    # the latest news, or more of it
    r"|dernières (?:actualités|nouvelles|infos)|últimas (?:notícias|noticias)|ultime notizie|laatste nieuws"
    r"|najnowsze(?: wiadomości| artykuły)?|więcej wiadomości|nejnovější(?: zprávy| články)?|další zprávy"
    r"|najnovije(?: vijesti| vesti)?|најновије(?: вести)?|последние новости|останні новини|інші новини|последни новини"
    r"|τελευταία νέα|ultimele știri|legfrissebb(?: hírek)?|diğer haberler|senaste nytt|fler nyheter|seneste nyt|siste nytt"
    r"|uusimmat(?: uutiset)?|lisää uutisia|berita terbaru|tin mới|tin khác|أحدث الأخبار|آخر الأخبار|آخرین اخبار|חדשות אחרונות"
    r"|最新新闻|最新消息|最新ニュース|최신 뉴스|최신기사"
    rf"|{_alternatives(_RECOMMENDED)}"
    r")\W*$",
)


# Calls to subscribe, sign up, download the app, follow or support the site: at the end of an
# article they are the site speaking, not the author. Specific phrases only: an article may
# well be about newsletters, donations or Telegram.
_PROMO = re.compile(
    r"\bsubscri(?:be|ber|bers|bing|ption)\b|\bsign(?:ing)? up\b|newsletter|\bdownload (?:the|our) .{0,30}apps?\b"
    r"|\bfollow (?:us|[\w@.]+(?: [\w@.]+)?) on (?:twitter|facebook|instagram)|\bread the full story|\bfor the full story|\blog in for"
    r"|\babonnier|\babonnement|jetzt registrieren|registrieren sie sich|\bunterstütze (?:uns|unser)"
    r"|\bjetzt unterstützen|\beingeloggt sein"
    r"|\bs'abonner|\babonnez|\binscrivez-vous|\bpour lire la suite|\bpour accéder"
    r"|\bsuscr[ií]b|\bsuscripci[óo]n|\bhazte (?:miembro|socio)|\búnete\b|\biscriviti|\babbonati|\bassine\b|\binscreva"
    r"|\bsiga-nos|\bzapisz się|\bsubskrypcj|\bprenumerat|\bподпишитесь|\bподписывайтесь",
)
_PROMO_MAX_WORDS = 45
# Each of those calls holds one of these: a line with none is no call, without the search (the
# pattern, tried at every position of a line, took 12.8 us a line, 3 with this test first).
_PROMO_MARK = _any_of((
    "subscri", "sign", "newsletter", "download ", "follow ", "the full story", "log in for", "abonn", "registrieren",
    "unterstütz", "eingeloggt", "inscrivez", "pour lire", "pour accéder", "suscr", "hazte", "únete", "iscriviti", "abbonati",
    "assine", "inscreva", "siga-nos", "zapisz się", "subskrypcj", "prenumerat", "подпишитесь", "подписывайтесь",
))


@_per_page
def is_promo(line: str) -> bool:
    if size(line) > _PROMO_MAX_WORDS:
        return False
    low = lowered(line)
    return bool(_PROMO_MARK.search(low)) and bool(_PROMO.search(low))


@_per_page
def is_comment_heading(line: str) -> bool:
    return size(line) <= 12 and bool(_COMMENT_HEADING.match(lowered(line)))


@_per_page
def is_commenter(line: str) -> bool:
    return line.rstrip().endswith(":") and size(line) <= 14 and bool(_COMMENTER.search(lowered(line)))


# What a Chinese article closes on: its reporters in brackets ("（记者 王小明）"), "（完）" (the end),
# "【纠错】" (report an error), the editor in charge ("责任编辑：李华"), who did not write it; an
# Arabic or Persian one its sources ("المصدر: الجزيرة + وكالات").
_CLOSING_CREDIT = re.compile(
    r"[（(【\[]\s*(?:完|纠错|糾錯)\s*[）)】\]]|(?:责任编辑|責任編輯|编辑|編輯|审核|校对)\s*[:：].*|(?:المصدر|المصادر|منبع)\s*:.*")


@_per_page
def is_closing_credit(line: str) -> bool:
    # Both patterns need a Chinese or Arabic word.
    if line.isascii():
        return False
    text = line.strip()
    return size(line) <= 8 and bool(BRACKETED_REPORTERS.fullmatch(text) or _CLOSING_CREDIT.fullmatch(text))


@_per_page
def is_more_stories(line: str) -> bool:
    return size(line) <= 8 and bool(_MORE_STORIES.match(lowered(line)))
