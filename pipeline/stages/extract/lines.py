"""What a single line of page text looks like: prose, a headline, or a known kind of boilerplate.

The phrase lists are multilingual on purpose: the same page furniture ("Also read", share
prompts, photo credits) appears on news sites in every language, and the held-out pages
are not English-only.
"""

from __future__ import annotations

import re
import unicodedata

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_WORD = re.compile(r"\w+", re.UNICODE)
# Sentence end, optionally followed by closing quotes/brackets; ':' counts because a line
# that announces a quote or a list ("..., adding:") is running prose.
_SENTENCE_END = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*\s*$")
_SPACES = re.compile(r"\s+")


def normalise(line: str) -> str:
    """The line as compared across pages and against phrases: NFKC, lower case, single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", line)).strip().lower()


def size(line: str) -> int:
    """Length in words; CJK scripts, written without spaces, count two characters as a word."""
    cjk = len(_CJK.findall(line))
    return max(len(_WORD.findall(line)), cjk // 2)


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def is_prose(line: str) -> bool:
    """A line of running text: a sentence of some length, or a long line whatever its end."""
    n = size(line)
    return (n >= 5 and ends_sentence(line)) or n >= 25


def is_headline(line: str) -> bool:
    """Short enough for a headline and not a finished sentence ('?' and '!' headlines exist)."""
    n = size(line)
    stripped = line.rstrip("\"'”’») ")
    return 2 <= n <= 30 and not stripped.endswith((".", "。", ":", ";", ","))


def _phrases(*items: str) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items)
    return re.compile(rf"^\W*(?:{alternatives})\W*$", re.IGNORECASE)


# A line that is nothing but a teaser heading: what follows it is a link to another story.
TEASER_HEADING = _phrases(
    # en
    "also read", "read also", "read more", "read next", "see also", "related", "related articles",
    "related stories", "related news", "related content", "related posts", "related coverage",
    "related topics", "recommended", "recommended for you", "recommended stories",
    "others are reading now", "people also read", "you may also like", "you might also like",
    "you may be interested in", "you might be interested in", "most read", "most popular",
    "most viewed", "trending", "trending now", "top stories", "don't miss", "dont miss",
    "more stories", "more news", "latest news", "latest stories", "editor's picks", "editors' picks",
    "what to read next", "more on this story", "more from", "advertisement", "advertising",
    "sponsored", "sponsored content", "story continues below", "article continues below",
    "story continues below advertisement", "skip advertisement", "continue reading",
    "continue reading below", "read the full story", "watch", "watch now", "listen",
    # de
    "lesen sie auch", "lesen sie mehr", "auch interessant", "das könnte sie auch interessieren",
    "mehr zum thema", "weitere artikel", "weiterlesen", "anzeige", "werbung", "meistgelesen",
    "empfohlen", "passend zum thema", "zum thema",
    # fr
    "à lire aussi", "a lire aussi", "lire aussi", "voir aussi", "sur le même sujet", "publicité",
    "les plus lus", "à voir aussi", "lire la suite", "à lire également",
    # es
    "lee también", "lea también", "leer más", "ver también", "te puede interesar",
    "también te puede interesar", "noticias relacionadas", "publicidad", "lo más leído",
    "más información",
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
)

# Share prompts, sign-up calls and similar page furniture, matched anywhere in a short line.
_FURNITURE = re.compile(
    r"\b(?:share (?:this|it|the article|the story|on|via|article)|share it here|click to share"
    r"|did you find (?:the|this) article"
    r"|follow us on|sign up for (?:our|the) newsletter|subscribe to (?:our|the) newsletter"
    r"|all rights reserved|cookie (?:policy|settings)|we use cookies"
    r"|artikel teilen|beitrag teilen|jetzt teilen|partager (?:cet|l')article"
    r"|compartir (?:esta|este|en)|condividi (?:questo|su)|compartilhe|deel dit artikel"
    r"|udostępnij|поделиться)\b",
    re.IGNORECASE,
)

# Photo credits: agencies and stock libraries, or an explicit credit label.
_CREDIT = re.compile(
    r"(?:shutterstock|getty\s*images|istock|imago|alamy|depositphotos|dreamstime|unsplash"
    r"|ap photo|afp via|picture[- ]alliance|\bepa[-/ ]|\breuters/|\bdpa\b|©|\(c\)\s"
    r"|^\W*(?:photo|image|picture|credit|foto|bild|fotó|zdjęcie|фото)s?\s*(?:by|:|credit))",
    re.IGNORECASE,
)

_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|av|af|de|autor|author|autore)\s*:?\s+\S", re.IGNORECASE)


def is_teaser_heading(line: str) -> bool:
    return bool(TEASER_HEADING.match(line))


def is_furniture(line: str) -> bool:
    return size(line) <= 20 and bool(_FURNITURE.search(line))


def is_credit(line: str) -> bool:
    return size(line) <= 12 and not ends_sentence(line) and bool(_CREDIT.search(line))


def is_byline(line: str) -> bool:
    return size(line) <= 8 and not ends_sentence(line) and bool(_BYLINE.match(line))
