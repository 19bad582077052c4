"""Person authors: names out of bylines, and the byline on the page when metadata has none.

`authors` lists the people who wrote the article. Publications, desks and news agencies
(dpa, AFP, Reuters...) are dropped even when the page credits them as the author: they are
a source, not a person, and the site itself is already the record's `site_name`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from pipeline.stages.extract.markup import hidden, without_invisible
from pipeline.stages.extract.site_names import key, names_site
from pipeline.stages.extract.visible_dates import PUBLISHED_ELSEWHERE, TODAY_WORDS, YESTERDAY_WORDS
from pipeline.stages.words import IDEOGRAPH, MARKS

# What bylines put before a name, in the languages of the pages we see.
_LABEL = re.compile(
    r"^(?:(?:"
    # "Text & Fotos:", "Texte et photos :"
    r"(?:text|texte|texto|words|текст)\s*(?:&|und|and|et|y|/|\+|и)\s*(?:fotos?|photos?|bilder?|bild|pictures?|фото)|"
    # "Ein Beitrag von", "Blog Beitrag von", "Un documentaire de", "A story by"
    r"(?:(?:ein|eine|a|an|un|une)\s+)?(?:[^\W\d]+[\s-])?(?:beitrag|gastbeitrag|artikel|article|post|story|bericht|kommentar|"
    r"essay|kolumne|column|documentaire|reportage|podcast|film|video|interview|analysis|analyse|pressemitteilung|medienmitteilung|"
    r"communiqué)\s+(?:von|by|de|par|di|por)|"
    # "Text:", "Text von"; not the "Text vorlesen" button or the "Story & Lore" menu
    r"(?:text|texte|texto|tekst|teksti|words|story|текст)(?=\s*:|\s+(?:von|by|de|par|di|por)\b)|"
    # "Scritto da", "Rédigé par", "Geschreven door" ("da" alone is a name's particle; before "scritto",
    # which would match first)
    r"scritto\s+da|rédigé|geschreven|"
    r"written|post|posted|published|reported|submitted|"
    r"geschrieben|verfasst|erstellt|gespeichert|eingestellt|veröffentlicht|hinzugefügt|thread\s+starter|redaktion(?=\s*:)|publié|écrit|escrito|publicado|scritto|pubblicato|"
    # "Posted on <date> by <name>" as blog templates translate it
    f"{'|'.join(PUBLISHED_ELSEWHERE)}|"
    r"napisane|napisał|napisała|by|von|par|por|di|door|av|af|przez|от|interview|"
    # "Written" in more languages, its "by" the next label where it has one: "Skrevet av", "Skrivet av",
    # "Viết bởi", "Redigido por"; "Napsal(a)", "Napisao", "Написал(а)", "Kirjoittanut", "Kirjutas", "Yazan"
    r"skrevet|skrivet|viết|redigido|scris\s+de|sinulat\s+ni|υπογράφει\s+(?:ο|η)|napsala?|napisao|napisala|"
    r"написала?|написав|kirjoittanut|kirjutas|yazan|"
    # Greek credits a writer in the genitive, "Του Γιώργου Παπαδόπουλου", or "Γράφει ο ..." (writes)
    r"του|της|γράφει\s+(?:ο|η|οι)|συντάκτης|συντάκτρια|"
    # "Piše: Ivan Horvat" (writes: Croatian, Serbian, Bosnian, Slovene); Turkish "Haber:" (news by), "Muhabir" (reporter)
    r"piše|пише|haber(?=\s*:)|reporter(?=\s*:)|muhabir|"
    # "Autor/in:", "Autor*in": a gender-neutral form
    r"autor(?:in|innen|en|ka|es|a|ius|s)?(?:[/*:_]in(?:nen)?\b)?|avtor(?:ica)?|auteur(?:e|s)?|authors?|autore|autori|kirjoittaja|författare|"
    r"forfatter|toimittaja|szerző|írta|yazar|автор|аутор|"
    r"oleh|ditulis\s+oleh|penulis|bởi|tác\s+giả|بقلم|به\s+قلم|كتب|كتبت|بواسطة|نویسنده|نوشته|تحریر|מאת|लेखक|लेखिका|লেখক|எழுதியவர்|"
    # "文/张三", "文・山田太郎", "取材・文：山田太郎", "글=홍길동", "글·사진=홍길동" (text, or text and photos)
    r"作者|筆者|(?:取材・)?文(?=\s*[:：/／・＝=])|글(?:\s?[·・]\s?사진)?(?=\s*=)|特派員|特派员|โดย|ผู้เขียน|"
    # "记者 张三", "新华社记者 张三", "本报记者 张三": the agency or paper run into the title
    # (with a name after it: "山田太郎記者" is the name, then the title)
    r"[^\W\d_]{0,6}?(?:记者|記者|通讯员|通訊員)(?=\s*[:：]?\s*\S))"
    # The label's end: not "\b", which a label ending in a vowel sign ("लेखिका") never has before ":".
    # Possessive spaces: a space between labels can go to either, and a line of many labels
    # that does not end as one ("von von ... von x") was tried every way (2^n).
    rf"(?![\w{MARKS}])\s*+[:：.\-–/／・＝=]?\s*+)+",
    re.IGNORECASE,
)
# A name does not start with an article: "The Associated Press", "Die Tagespresse".
_ARTICLES_OF_SPEECH = frozenset({"the", "die", "das"})
# The CMS's default account: a metadata author left unset, but printed in a byline it credits the post.
_ACCOUNT = "admin"
# Role and desk words: "Tom Krisher, AP Auto Writer", "Anna Beispiel, Redakteurin".
_ROLE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|editors|contributor|columnist|bureau|\w*desk|\w*team|"
    r"redakteur(?:in)?|redaktion|korrespondent(?:in)?|journalist(?:in|e|a)?|rédacteur|rédactrice|rédaction|"
    r"\w*leiter(?:in)?|\w*sprecher(?:in)?|referent(?:in)?|"
    r"redacción|redactor|redactora|redazione|redattore|redakcja|redação|redator|reportero|corresponsal|editorial|comments?|"
    r"photographer|fotograf(?:in)?|photos?|fotos?|text|texte|texto|illustrat\w*|guest|gastautor(?:in)?|freelance|"
    r"courtesy|cortesía|author|administrator|anonymous|anonym|anónimo|anonyme|unknown|unbekannt|user|webmaster|publisher|agencies|"
    r"collectif|collective|kollektiv|colectivo|collettivo|"
    # the newsroom as a metadata author, in the languages we have no labelled page in
    r"redakce|redakcia|redakcija|uredništvo|redactie|redacția|redacţia|redactia|redaksi|szerkesztőség|toimitus|"
    r"merkezi|servisi|σύνταξη|συντακτική|редакция|редакція|редакција|gość|vendég|misafir|"
    r"编辑部|編輯部|편집부|ban\s+biên\s+tập|(?:责任)?编辑|(?:責任)?編輯|編集(?:部|者)?|"
    # the link to an author's page: "mehr", "Alle Beiträge"
    r"mehr|more|profil|profile|beiträge|posts)\b",
    re.IGNORECASE,
)
# A name that holds one of these is a publication or an agency, not a person.
_ORGANISATION = re.compile(
    r"\b(?:news|online|newsroom|media|medien|verlag|press|presse|prensa|stampa|agency|agencia|agence|agenzia|business|sports?|"
    r"zeitung|magazin|magazine|gmbh|ggmbh|ag|kg|inc|ltd|llc|plc|corp|tv|radio|digital|e\.\s?v|stiftung|foundation|\w*verein|\w*verband|"
    r"institut|institute|universität|university|université|universidad|\w*hochschule|\w*akademie|academy|"
    # public bodies and parties: "Bayerische Landesanstalt für Wald", "Umweltbundesamt", "CDU-Fraktion"
    r"\w*anstalt|\w+amt|\w*behörde|\w+kammer|\w*agentur|\w*gesellschaft|\w*zentrum|\w*fraktion|\w*partei|"
    r"\w*ministerium|ministry|ministère|ministerio|ministero|ministerstwo|\w*departement|department|departamento|dipartimento|"
    r"\w*bündnis|"
    r"dpa|afp|reuters|ap|apa|ansa|efe|pap|kna|epd|sid|ddp|lusa|ntb|stt|tt|bloomberg|upi|pti|ians|tass|interfax|xinhua|kyodo|"
    r"yonhap|anp|belga|čtk|ctk|mti|sda|ats|bernama|antara|tasr|agerpres|anadolu|aa|iha|dha|ukrinform|ana-mpa|"
    r"network|ajansı|агентство|унн|риа|тасс|интерфакс|연합뉴스|新华社|中新社|中央社|共同通信|"
    r"associated\s+press|agence\s+france[-\s]presse|europa\s+press|"
    # photo credits and licences
    r"getty|shutterstock|istock|imago|picture[-\s]alliance|wikimedia|commons|domain|domena)\b",
    re.IGNORECASE,
)
# A date or time after the name ends it, with the month before it: "CBS News February 24,
# 2020, 7:57 AM". Only there: "Maggio" is a surname as well as May.
_WEEKDAYS = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lun|mer|jeu|ven|sam|dim|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)")
# Month names and abbreviations in the languages of the pages we see (a regular expression).
MONTHS = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|"
    r"marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|"
    r"maggio|giugno|luglio|settembre|ottobre|dicembre)")
_DATE = re.compile(rf"(?:\b{_WEEKDAYS}\.?,?\s*)?(?:\b{MONTHS}\.?\s*)?(?<!\w)\d.*$", re.IGNORECASE)
# A day's name split off its date by a bar: "Published: Tuesday | April 26, 2022".
_WEEKDAY = re.compile(_WEEKDAYS + r"\.?", re.IGNORECASE)
# The writer named after the date: "Posted on September 21, 2020 by Adi Tzlil".
# The word before the name goes with the date: "da" (Italian) is no label elsewhere, a name's particle.
_LABEL_AFTER_DATE = re.compile(
    r"\d[\s,.]*(?:(?:am|pm|uhr)\b[\s,.]*)?"
    r"(?:by|von|par|por|door|przez|da|av|af|oleh|bởi|autorem|автором|автор|від|από|szerző|kirjoittaja)(?:\s*:)?\s+",
    re.IGNORECASE)
# The category named before the writer: "Posted in Datenschutz by damianduchamps".
_FILED_IN = re.compile(r"^\s*(?:posted|filed|published|veröffentlicht)\s+(?:in|under|unter)\s+.*?\s(?=(?:by|von)\s)", re.IGNORECASE)
_STAMP = re.compile(
    r"\b(?:updated|published|posted|aktualisiert|veröffentlicht|publié|mis à jour|publicado|actualizado|"
    r"pubblicato|aggiornato|opublikowano|stand|"
    # the buttons of an author box: "Inga Hoeltmann Follow"
    r"follow|folgen|abonnieren|subscribe|suivre|seguir|segui|obserwuj)\b.*$",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\s*(?:;|\||&|/|·|•|\s(?:and|und|et|y|e|i|og|och|en|és|ja|a|и)\s)\s*", re.IGNORECASE)
# Particles inside names ("Ursula von der Leyen", "Luiz Inácio Lula da Silva").
_PARTICLES = {"von", "van", "der", "den", "de", "del", "della", "da", "das", "dos", "do", "di", "du", "la", "le",
              "zu", "ten", "ter", "bin", "binti", "ibn", "al", "el", "y", "st.", "dela", "delos", "degli", "dei"}
_MAX_NAME = 60


# What introduced the date just cut: "oz on December 4, 2006", "Erstellt am: 30.01.2022", "Anna Berg · vor 2 Tagen",
# "Anna Berg · hier à 18h45" (after a bar or comma only: "USA TODAY", "Florida Today" are newspapers).
_RELATIVE_DAY = "|".join(map(re.escape, (*TODAY_WORDS, *YESTERDAY_WORDS)))
_BEFORE_DATE = re.compile(
    rf"(?:\s*[,·|•–—-]\s*(?:{_RELATIVE_DAY})\s*,?\s*(?:um|à|a las|alle|às|om|at|в|o|오후|오전|下午|上午|午後|午前)?|"
    rf"\s+(?:on|am|um|le|el|il|at|vor|il y a|hace|há|acum|den|d\.))\s*:?\s*$",
    re.IGNORECASE)
# The full-width brackets a Japanese or Chinese article closes on with its writer: "（山田太郎）".
_PUNCTUATION = " ,.:-–—|·•（）【】"
# Emails, @handles (also run into the name: "Jon Porter@JonPorty"), links, web addresses ("symple.ch") and "(dpa)".
_WEB = re.compile(
    r"\S+@[\w-]+(?:\.[\w-]+)+\S*|\S+\s?[\[(]at[\])]\s?\S+|@\w+|https?://\S+|\bwww\.\S+|\(.*?\)|"
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|eu|de|at|ch|fr|es|it|pl|nl|be|uk|us|io|ru|se|no|dk|fi|cz|hu|pt|br|mx|ar|cl|co)\b")
# What each of those holds; a text without any is left as it is, without trying the pattern.
_WEB_MARKS = ("@", "(", "[", ".", ":")
_DIGIT = re.compile(r"\d")
# "Richard David Precht im Gespräch mit Karin Fischer": the interviewer wrote it.
_INTERVIEWEE = re.compile(r"^.*?\bim\s+gespräch\s+mit\s+", re.IGNORECASE)
# Who made the pictures, after the writer: "Christian Seiler Illustration von Markus Roost".
_OTHER_CREDIT = re.compile(
    r"\s(?:illustrat\w*|fotos?|photos?|photograph\w*|bilder?|grafik(?:en)?|infografik|karikatur|pictures?|images?|kamera|camera|"
    r"video|schnitt)\s*(?::|von|by|de|par)\s.*$", re.IGNORECASE)
_AFTER_DASH = re.compile(r"\s[-–—]\s.*$")
# Who the writer wrote for, or where the post was filed: "Brendan Carlin For The Mail On Sunday",
# "Anna Berg für tagesschau.de", "Sina Giebel IN Fashion".
_AFFILIATION = re.compile(r"\s(?:for|für|pour|para|dla|in|im|under|unter)\s.*$", re.IGNORECASE)
# A profession printed before the name as a title: "Rechtsanwalt Dennis Tölle".
_PROFESSION = re.compile(
    r"^(?:rechtsanwalt|rechtsanwältin|anwalt|anwältin|notar|notarin|steuerberater(?:in)?|attorney|avocat|avocate|"
    r"abogado|abogada|avvocato|advocaat)\s+(?=\S)", re.IGNORECASE)
# Markup some templates leave in a meta author: '<a href="/eksperci/a">Mateusz Gniazdowski</a>'.
_TAG = re.compile(r"<[^>]*>")
# A name may end in an initial or a generation: "Juan Carlos Muñoz C.", "Perry Bacon Jr."
_FINAL_INITIAL = re.compile(r"\s(?:\w|jr|sr)\.$", re.IGNORECASE)
# A reporter's title after the name, as Korean and Japanese bylines print it: "홍길동 기자",
# "山田太郎記者" (a Chinese one, "新华社记者 张三", is a label before it).
_REPORTER = r"(?:기자|특파원|記者|记者|特派員|特派员)"
_ROLE_AFTER = re.compile(rf"\s*{_REPORTER}$")
# Such a byline: a name of one to three words, the title, perhaps an address after it.
CREDITED_BY_TITLE = re.compile(rf"^[^\W\d_]+(?:\s[^\W\d_]+){{0,2}}\s?{_REPORTER}(?:\s|$)")
# Desk initials signing an article: "cpm", "det/dpa".
_INITIALS = re.compile(r"^[^\W\d_]{1,3}$")


def _without_date(text: str) -> str:
    # The pattern tries its month and weekday names at every position: a date has a digit.
    return _DATE.sub("", text) if _DIGIT.search(text) else text


def _strip(name: str) -> str:
    # What follows a spaced dash is the writer's team or site: "Kiran C Nair - Chrome Safe Browsing team".
    name = _AFFILIATION.sub("", _AFTER_DASH.sub("", _OTHER_CREDIT.sub("", name)))
    name = _ROLE_AFTER.sub("", name)
    name = " ".join(_STAMP.sub("", _without_date(name)).split())
    initial = _FINAL_INITIAL.search(name)
    name = _PROFESSION.sub("", _LABEL.sub("", name.strip(_PUNCTUATION)).strip(_PUNCTUATION))
    return name + "." if initial else name


def is_byline_label(text: str) -> bool:
    """'Verfasst von', 'Written by': a label and nothing else."""
    return bool(text.strip()) and bool(_LABEL.fullmatch(text.strip()))


# Letters only Turkish and Azerbaijani capitalise: their "I" lowers to "ı" ("YILMAZ" is "Yılmaz"),
# their "İ" to "i" (str.lower gives "i" and a combining dot).
_TURKISH_CAPITALS = re.compile("[İĞ]")


def _capitalised(name: str) -> str:
    if _TURKISH_CAPITALS.search(name):
        return " ".join(word[0] + word[1:].replace("I", "ı").replace("İ", "i").lower() for word in name.split())
    return " ".join(word if word.lower() in _PARTICLES else word.capitalize() for word in name.split())


def _is_person_shaped(name: str, listed: bool, labelled: bool = False) -> bool:
    """What a byline on the page holds: up to five words, each a capital or a particle; a
    single word not in capitals ("Mathias" and "fhaacker" are bloggers, "JF" or "IWB" a
    desk's initials) unless a label credits two ("Posted by DT": three are as often a
    broadcaster's, "Von NDR"), but not in a comma list, where it is a place. A letter of a
    script without case (Arabic, Hebrew, Devanagari, Thai, CJK) is as good as a capital."""
    words = name.split()
    if len(words) == 1:
        return not listed and (not name.isupper() or labelled and len(name) == 2) and not name[0].isdigit()
    return len(words) <= 5 and all((w[0].isalpha() and not w[0].islower()) or w.lower() in _PARTICLES for w in words)


# Names have few words in lower case (particles aside): "giampiero maggio", a handle.
_MAX_LOWER_WORDS = 3
_LETTERED_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _sentence(text: str) -> bool:
    """A phrase in running text rather than names: "subscribing I accept the terms of use"."""
    words = _LETTERED_WORD.findall(text)
    return sum(1 for w in words if w[0].islower() and w.lower() not in _PARTICLES and not _SPLIT.fullmatch(f" {w} ")) > _MAX_LOWER_WORDS


def _mixed_case(name: str) -> bool:
    """A word in lower case, no particle, before one in capitals: a phrase ("deinen
    Hochzeitsbloggern", "Weine in Berlin"), not a name ("Mobasir hassan" is one, carelessly typed)."""
    words = name.split()
    return any(w[0].islower() and w.lower() not in _PARTICLES and n[0].isupper() for w, n in zip(words, words[1:]))


def _parts(raw: str) -> tuple[list[str], bool]:
    """A byline's names, and whether they came from a comma list ('A, B'): in such a list a
    lone word is a place or a desk ("SPIEGEL ONLINE, Hamburg, Germany"), not a name."""
    parts = [p for p in _SPLIT.split(raw) if p.strip()]
    if any("," in p for p in parts):
        commas = [c.strip() for p in parts for c in p.split(",") if c.strip()]
        # A citation's "Adwan, Marwan H." is one name, surname first.
        if len(commas) == 2 and len(commas[0].split()) == 1 and len(parts) == 1 and not _ORGANISATION.search(raw):
            return [f"{commas[1]} {commas[0]}"], False
        return commas, True
    return parts, False


def clean_authors(names: list[str], site: set[str] = frozenset(), strict: bool = False) -> list[str]:
    """Person names out of byline strings; `site`: the site's name keys (the site is no author);
    `strict`: text from the page rather than metadata, so it must look like a name."""
    out: list[str] = []
    for raw in names:
        if raw and _names_the_site(raw, site):
            # After a name the site is the writer's affiliation: "Troy L. Smith, Cleveland.com".
            name, _, after = raw.rpartition(",")
            raw = name if "," not in name and _names_the_site(after, site) and not _names_the_site(name, site) else ""
        # A name with a character the page's encoding lost ("Micha\ufffd Kolanko") is no name to
        # publish: metadata usually spells it right.
        if not raw or raw.strip().lower().startswith("http") or _LOST_CHARACTER in raw:
            continue
        # The date goes first: its commas would split the byline ("Tomas Spahn Fr, 18. Oktober");
        # the label too: its "&" would ("Text & Fotos: Ivan Valetny").
        # Links go before the split too: "Frank Bueltge - http://bueltge.de" has a "/".
        raw = _TAG.sub(" ", raw)
        if any(mark in raw for mark in _WEB_MARKS):
            raw = _WEB.sub(" ", raw)
        raw = _INTERVIEWEE.sub("", raw)
        # "... 2017 by LD": the word before the name labels it as "By" does.
        if credited_after_date := list(_LABEL_AFTER_DATE.finditer(raw)):
            raw = raw[credited_after_date[-1].end():]
        raw = _FILED_IN.sub("", raw)
        byline = (_BEFORE_DATE.sub("", _without_date(raw)) or raw).strip()
        label = _LABEL.match(byline)
        labelled = label is not None or bool(credited_after_date)
        if _sentence(byline[label.end():] if label else byline):
            continue  # "By subscribing I accept the terms of use"
        parts, listed = _parts(byline[label.end():] if label else byline)
        # Beside an organisation a lone word is the rest of its name: "Bundesministerium für
        # Wirtschaft und Klimaschutz".
        beside_organisation = len(parts) > 1 and any(_ORGANISATION.search(part) for part in parts)
        for part in parts:
            name = _strip(part)
            if beside_organisation and " " not in name:
                continue
            if _INITIALS.match(name) and name.islower() and not labelled:
                continue
            if (name.islower() or name.isupper()) and " " in name:
                name = _capitalised(name)  # "giampiero maggio", "MORITZ GATHMANN"; a handle ("mady") stays as written
            if not any(ch.isalpha() for ch in name) or len(name) > _MAX_NAME:
                continue
            # The tests without a pattern first: most short lines a text page is read for fail one.
            if _mixed_case(name) or (name.lower() == _ACCOUNT and not strict):
                continue
            if name.split()[0].lower() in _ARTICLES_OF_SPEECH and " " in name:
                continue  # "The Russian", "Die Redaktion": a phrase or an organisation
            if (listed or strict) and not _is_person_shaped(name, listed, labelled):
                continue
            if _ROLE.search(name) or _ORGANISATION.search(name) or _WEEKDAY.fullmatch(name) or _names_the_site(name, site):
                continue
            # Letters only: a login name ("kevin-r") is the writer's name cut short, not another writer.
            if not any(key(name) in key(a) for a in out):
                out = [a for a in out if key(a) not in key(name)] + [name]
    return out


_LOST_CHARACTER = "\ufffd"


# An organisation's name spelled out, its initials the site's short name ("Deutsches Rotes Kreuz", drk.de).
_MIN_SPELLED_OUT = 3


def _names_the_site(text: str, site: set[str]) -> bool:
    if not site:
        return False
    capitals = [word[0] for word in text.split() if word[0].isupper()]
    return names_site(text, site) or (len(capitals) >= _MIN_SPELLED_OUT and key("".join(capitals)) in site)


# What the classes of an element holding a byline hold (Joomla's article info: <dd class="createdby">
# Written by ...</dd>), and its id. The words of other templates only as a whole part of a class
# ("reporter_area" on Korean sites, "firma" on Spanish and Italian ones, "yazar", "penulis", "tac-gia",
# "avtor" in Turkish, Indonesian, Vietnamese, Slovene and Russian ones): "menu-journalisten-preis" is a
# menu's item.
_BYLINE_CLASSES = re.compile("author|byline|autor|auteur|createdby", re.IGNORECASE)
_OTHER_TEMPLATES = ("writer", "reporter", "journalist", "firma", "yazar", "penulis", "tac-gia", "tacgia", "avtor",
                    "kirjoittaja", "forfatter", "skribent", "szerzo")
_OTHER_TEMPLATE_CLASS = re.compile(rf"(?<![a-zA-Z])(?:{'|'.join(_OTHER_TEMPLATES)})(?![a-zA-Z])")
_BYLINE_IDS = re.compile("author|byline", re.IGNORECASE)
# A link to the writer's page: <a href="/author/modejournalistin/">Kathrin Bierling</a>, "/yazar/",
# "/penulis/"; "/by/jane-doe" (The New York Times) only as the path's first folder (a licence's
# "/licenses/by/4.0/" is none). After the headline only: a site's menu lists its authors too.
_WRITER_PAGE = re.compile(
    r"/(?:author|authors|autor|autoren|auteur|autore|autori|writer|writers|reporter|journalist|journalists|yazar|yazarlar"
    r"|penulis|tac-gia|avtor|avtorji)/|^(?:https?://[^/]+)?/by/[^/]")


def _holds_byline(elem: HtmlElement) -> bool:
    """An element that holds a byline, by the names templates give them. Read in Python from the
    elements of a scope gathered once: one XPath condition per name took twice as long, and a
    pattern of the names a third of the time of testing each in turn (it runs on every element
    around the headline); the other templates' words, whole parts of a class only, are looked
    for where a substring test finds one."""
    get = elem.get
    if elem.tag == "byline" or get("itemprop") == "author" or get("rel") == "author":
        return True
    classes, ident = get("class"), get("id")
    if classes and (_BYLINE_CLASSES.search(classes) or (
            any(map(classes.__contains__, _OTHER_TEMPLATES)) and _OTHER_TEMPLATE_CLASS.search(classes))):
        return True
    return bool(ident and _BYLINE_IDS.search(ident))


def _links_to_writer(elem: HtmlElement) -> bool:
    href = elem.get("href")
    return bool(href and _WRITER_PAGE.search(href))


def _following(elem: HtmlElement) -> Iterator[HtmlElement]:
    """The elements after `elem` in the page, in order, not its own (XPath's following axis), one
    at a time: a search for the first of some kind stops there."""
    node = elem
    while node is not None:
        for sibling in node.itersiblings(etree.Element):
            yield sibling
            yield from sibling.iterdescendants(etree.Element)
        node = node.getparent()


# Short paragraphs and lines that start with a label: "Von Clemens Höges" at the end of the
# article, "Ein Artikel von Pamela Sladky | 27.01.2022".
# A div or span only without blocks inside: measuring every wrapper's text costs more than
# all the rest of the metadata.
_LABEL_LINE = ("(self::p or self::strong or self::small or self::address or self::h5 or self::h6 "
               "or ((self::div or self::span) and "
               "not(div or p or ul or ol or section or article or table or header or footer))) and "
               "string-length(normalize-space()) < 80")
# A label with nothing else in its element: the name is in the next one.
_BARE_LABEL = (
    "following::*[self::span or self::strong or self::b or self::em or self::dt or self::h4 or self::h5"
    " or self::h6 or self::p or self::div or self::label][string-length(normalize-space()) < 12]"
)
# Comment sections name their commenters with the same classes.
_COMMENTS = re.compile(r"comment|kommentar|respond|reply|discussion", re.IGNORECASE)
_MAX_BYLINE = 120


# A photo's or a video's credit: "img-author", "video-credit".
_OTHER_CREDITS = re.compile(r"(?:photo|image|img|video|media|picture|bild|foto)[-_]?(?:credit|author)", re.IGNORECASE)


# A link holding a byline and this much more text is a teaser card: its headline and metadata.
_TEASER_TEXT = 20


def _credits_elsewhere(elem: HtmlElement) -> bool:
    """In a photo's caption ("Mike Blake/Reuters files", a figure's "cutline-byline") or
    credit, a video's credit, the site's menu (a column's name classed "menu-item-object-autor")
    or its footer ("Hecho en Bolivia con Drupal por Smartica"), a teaser card for another
    article (a link holding its heading, or more text, beside the byline): no byline of the article."""
    ancestors = list(elem.iterancestors())
    tags = [a.tag for a in ancestors]
    return ("figcaption" in tags or "figure" in tags or "nav" in tags or "menu-item" in (elem.get("class") or "")
            or ("footer" in tags and "article" not in tags)
            or any(_OTHER_CREDITS.search(a.get("class") or "") for a in (*elem.iter(), *ancestors))
            or any(a.tag == "a" and (a.xpath(".//h2|.//h3|.//h4|.//p") or len(a.text_content()) > len(elem.text_content()) + _TEASER_TEXT)
                   for a in ancestors))


def _in_comments(elem: HtmlElement) -> bool:
    # The body's and html's classes describe the page ("showing-comments"), not a section;
    # so do a post's category and tag classes ("category-der-kommentar").
    return any(
        _COMMENTS.search(name) and not name.startswith(("category-", "tag-"))
        for a in (elem, *elem.iterancestors())
        if a.tag not in ("body", "html")
        for name in f"{a.get('class') or ''} {a.get('id') or ''}".split()
    )


_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "header", "footer",
                     "figure", "figcaption", "blockquote", "address", "dl", "dt", "dd", "table", "tr", "td", "th"})


def _lines(elem: HtmlElement) -> list[str]:
    """The element's text line by line, a <br> or a block ending a line ("Von X und Y<br>
    Kakuma/Kenia"; an author box's name, then its bio), with a space between inline elements
    (a screen-reader "Author" runs into the name otherwise)."""
    lines: list[list[str]] = [[]]

    def walk(node: HtmlElement, root: bool = False) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "br":
            lines.append([])
        elif tag and tag not in ("script", "style") and not hidden(node):
            if tag in _BLOCKS:
                lines.append([])
            lines[-1].append(node.text or "")
            for child in node:
                walk(child)
            if tag in _BLOCKS:
                lines.append([])
        if not root:
            lines[-1].append(node.tail or "")

    walk(elem, root=True)
    return [text for line in lines if (text := " ".join(without_invisible(" ".join(line)).split()))]


_FIELD = re.compile(r"[^\W\d]+\s?:")


_NAMED = ".//*[@itemprop='name']"
# hCard's formatted name: what to read when the byline's wording hides it ("vom <span class="fn">Krimiblogger</span>").
_FORMATTED_NAME = ".//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]"


def _text(elem: HtmlElement) -> str:
    """The byline's first line; a label ending it ("Von", "Disko Von" after a rubric) goes with the next."""
    named = elem.xpath(_NAMED)
    source = named[0] if named else elem
    if content := source.get("content"):
        return " ".join(content.split())
    lines = _lines(source)
    if sum(map(len, lines)) > _MAX_BYLINE:
        return ""  # a teaser card classed "withAuthor", an author's bio: not a byline
    if len(lines) > 1 and _LABEL.fullmatch(lines[0]):
        return f"{lines[0]} {lines[1]}"
    if len(lines) > 1 and _LABEL.fullmatch(last := lines[0].split()[-1]):
        return f"{last} {lines[1]}"
    if lines and (field := _FIELD.match(lines[0])) and not _LABEL.fullmatch(field.group()):
        # A block of fields, "Datum: 19.11.2021 / Autor: Fritz Imhof / Quelle: Livenet": the author's.
        return next((line for line in lines[1:] if _LABEL.match(line)), lines[0])
    return lines[0] if lines else ""


# The date and time a blog prints before its label: "11.09.2011, 16:20 von jovelstefan",
# "Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel".
_LEADING_STAMP = re.compile(
    rf"^\s*(?:{_WEEKDAYS}\.?[,|·\s]*)?"
    rf"(?:\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}\b|\d{{1,2}}\.?\s*{MONTHS}\.?\s*\d{{4}}\b|{MONTHS}\.?\s*\d{{1,2}},?\s*\d{{4}}\b)"
    r"[,|·\s]*(?:\d{1,2}:\d{2}(?:\s*(?:uhr|am|pm))?\b)?[,|·\s]*", re.IGNORECASE)
# A rule drawn in dashes before a signature: "---- by Kenneth Surin".
_RULE = "-–—_* "
# A stamp ending in a clock time and a bar: "04.02.2022 | 13:10 Uhr | ".
_CLOCK_THEN_BAR = re.compile(r"\d:\d{2}(?:\s*(?:uhr|am|pm))?\s*[|·]\s*$", re.IGNORECASE)
_MAX_STAMPED_NAME = 4
# Or a dash after the date: "25.10.2022 - Reiner Nagel".
_DASH = re.compile(r"[-–—]\s+")


def _from_label(text: str) -> str | None:
    """A labelled line from its label on, past a date and time printed first; or, set off by a
    bar from such a stamp with its clock time or by a dash from a date, a name without a label
    ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", "11.12.2019 - Amelie Loevenich"; a date alone
    and a bar are followed by tags and categories too)."""
    text = text.lstrip(_RULE)
    stamp = _LEADING_STAMP.match(text)
    rest = text[stamp.end():] if stamp else text
    if _LABEL.match(rest) or CREDITED_BY_TITLE.match(rest):
        return rest
    # "05.02.2020 - Redaktion: Eberhard Fuhr"
    if stamp and _LABEL.match(labelled := rest.lstrip(_RULE + "\xa0")):
        return labelled
    if stamp and _CLOCK_THEN_BAR.search(stamp.group()) and 2 <= len(rest.split()) <= _MAX_STAMPED_NAME:
        return rest
    if stamp and (dash := _DASH.match(rest)):
        name = rest[dash.end():]
        # One name only: after a dash a list of places or tags is as likely ("Gemeinde / Stadt").
        if 2 <= len(name.split()) <= _MAX_STAMPED_NAME and _is_person_shaped(name, False) and not _SPLIT.search(name):
            return name
    return None


def line_byline(text: str, site: set[str]) -> list[str]:
    """The persons a labelled line names ("By Jane Doe", "Von Anna Beispiel | 12.03.2024"),
    for pages that come as text: the same reading as a labelled line of an HTML page."""
    labelled = _from_label(text)
    return clean_authors([labelled], site, strict=True) if labelled and len(labelled) <= _MAX_BYLINE else []


def _first_names(elems: list[HtmlElement], site: set[str], labelled: bool) -> list[str]:
    for elem in elems:
        # A labelled line starts with its label: most short lines on a page do not, and
        # reading them line by line would cost more than the rest of the metadata.
        if labelled and not _from_label(elem.text_content().lstrip()):
            continue
        # A name marked up as such (itemprop="name") is read without its label: the line had one.
        text = _from_label(_text(elem)) if labelled and not elem.xpath(_NAMED) else _text(elem)
        # An h1 is the headline or the site's banner ("vcard author" on a blog's name); a
        # labelled line ending in a colon is a lead-in ("By the numbers:").
        if (not text or (labelled and text.endswith(":")) or elem.tag == "h1" or _in_comments(elem)
                or _credits_elsewhere(elem)):
            continue
        if names := clean_authors([text], site, strict=True):
            return clean_authors([_text(link) for link in _co_authors(elem)], site, strict=True) or names
        if names := clean_authors([" ".join(fn.text_content().split()) for fn in elem.xpath(_FORMATTED_NAME)], site, strict=True):
            return names
    return []


# What stands between co-authors' names: "A, B und C".
_BETWEEN_NAMES = re.compile(r"\s*(?:,|;|&|/|·|•|and|und|et|y|e|i)?\s*", re.IGNORECASE)


def _co_authors(elem: HtmlElement) -> list[HtmlElement]:
    """The links to writers' pages in a row with this one ("Por: <a href="/autor/yaima-puig/">
    Yaima Puig Meneses</a>, <a href="/autor/alina-perera/">Alina Perera Robbio</a>"): into the
    same folder of the site, nothing but a comma or an "and" between them ("written by <a>...</a>
    • Art by <a>...</a>" credits someone else). Empty when it stands alone."""
    parent = elem.getparent()
    if elem.tag != "a" or parent is None:
        return []

    def folder(link: HtmlElement) -> str:
        return posixpath.dirname(urlsplit(link.get("href") or "").path.rstrip("/"))

    def joined(left: HtmlElement, right: HtmlElement) -> bool:
        return left.tag == right.tag == "a" and bool(_BETWEEN_NAMES.fullmatch(left.tail or "")) and folder(left) == folder(right)

    siblings = list(parent)
    first = last = siblings.index(elem)
    while first > 0 and joined(siblings[first - 1], siblings[first]):
        first -= 1
    while last + 1 < len(siblings) and joined(siblings[last], siblings[last + 1]):
        last += 1
    return siblings[first:last + 1] if last > first and folder(elem) not in ("", "/") else []


def _beside(label: HtmlElement) -> str:
    """The text after a label element: its tail, else the next element's text, else the text
    after the line breaks that follow it ("<b>Von:</b><br><br>Götz Warnke"; not an element there:
    a list's "Marie Arana, <span>author</span><br><strong>Margaret Atwood</strong>")."""
    tail = " ".join((label.tail or "").split())
    if any(ch.isalpha() for ch in tail):
        return tail
    following = label.getnext()
    if following is None or following.tag != "br":
        return " ".join(following.text_content().split()) if following is not None else tail
    while following is not None and following.tag == "br":
        if text := " ".join((following.tail or "").split()):
            return text
        following = following.getnext()
    return ""


def _after_bare_labels(headline_h1: HtmlElement, site: set[str]) -> list[str]:
    """'Autor:' alone in its element after the headline, the name in the next one (a heading and a link)."""
    for elem in headline_h1.xpath(_BARE_LABEL):
        text = " ".join(elem.text_content().split()).strip(_PUNCTUATION)
        if not _LABEL.fullmatch(text) or _in_comments(elem):
            continue
        name = _beside(elem)
        if name and len(name) <= _MAX_BYLINE and (names := clean_authors([name], site, strict=True)):
            return names
    return []


# How many elements after the headline (and before it) a byline is looked for in: past a long
# article's end (its signature), short of the teaser walls, menus and footers some pages put
# around it, whose every element the XPath would test (10% of the metadata's time on
# trafilatura-eval; no page's authors changed).
_BYLINE_REACH = 500


def page_bylines(tree: HtmlElement, headline_h1: HtmlElement | None, site: set[str]) -> list[str]:
    """The first byline on the page that names people: a byline element, else a labelled
    line, else a bare label with the name beside it; the ones after the headline first
    (teaser cards above it carry bylines too)."""
    # After the headline, then the rest of the page (not the part after it again: a second
    # scan of the whole page cost more than everything else here).
    root, scopes = (tree, ("//*[{}]",)) if headline_h1 is None else (
        headline_h1, (f"following::*[position() <= {_BYLINE_REACH}][{{}}]",
                      f"preceding::*[position() <= {_BYLINE_REACH}][{{0}}] | ancestor-or-self::*[{{0}}] | descendant::*[{{0}}]"))
    elements: dict[str, list[HtmlElement]] = {}

    def scope(path: str) -> list[HtmlElement]:
        if path not in elements:
            elements[path] = root.xpath(path.format("true()"))
        return elements[path]

    for holds, paths in ((_holds_byline, scopes), (_links_to_writer, scopes[:-1])):
        for path in paths:
            if names := _first_names([elem for elem in scope(path) if holds(elem)], site, labelled=False):
                return names
    for path in scopes:
        if names := _first_names(root.xpath(path.format(_LABEL_LINE)), site, labelled=True):
            return names
    if headline_h1 is None:
        # A Chinese page that prints its headline in a div (Xinhua's) still closes on its credit
        # (looked for only where the title is in ideographs: a whole page's text is a slow search).
        title = root.findtext(".//title") or ""
        return _wire_credit(root, site, axis="descendant") if IDEOGRAPH.search(title) else []
    return (_after_bare_labels(headline_h1, site) or _signed_initials(headline_h1) or _signed_name(headline_h1, site)
            or _wire_credit(headline_h1, site))


# Desk initials signing a German news item at its end: "... des Bahnumschlags. (cm)", "(dr/spot)".
_SIGNATURE = re.compile(r"\((?P<initials>[a-zäöü]{2,3})(?:/[\w.-]+)?\)$")
_NOT_INITIALS = frozenset({"ca", "bzw", "etc", "usw", "pdf", "mp3", "jpg", "png", "kb", "mb", "gb", "de", "en", "fr", "es", "it"})


def _signed_initials(headline_h1: HtmlElement) -> list[str]:
    """The initials that end a paragraph after the headline, or follow its date."""
    for node in headline_h1.xpath("following::text()[contains(., '(')]"):
        match = _SIGNATURE.search(node.rstrip())
        block = node.getparent()
        if node.is_tail:
            block = block.getparent()
        if not match or match["initials"] in _NOT_INITIALS or _ORGANISATION.match(match["initials"]):
            continue
        # A teaser's headline is a link: "Suche Mit- Investor (in)".
        if block is None or block.tag in ("script", "style") or _in_comments(block) or block.xpath("ancestor-or-self::a"):
            continue
        # Last in its paragraph, or alone after the date ("14.06.2019 (ch)").
        if " ".join(block.text_content().split()).endswith(match.group()) or _LEADING_STAMP.sub("", node.strip()) == match.group():
            return [match["initials"]]
    return []


# The writer's name alone after a dash, the article's last paragraph: "– David Dunkley".
_DASHED_NAME = re.compile(r"^[–—-]\s*(?P<name>[^\W\d]\S*(?:\s+\S+){1,3})$")


_EMPHASIS = frozenset({"strong", "b", "em", "i", "small", "font"})
_SENTENCE_END = ".:!?"


def _signature(paragraph: HtmlElement) -> str | None:
    """The name a paragraph signs with: after a dash ("– David Dunkley"), or a whole first line
    in bold, italics or small print ("<b><i>Stefan Wasmer</i></b>"; a line under it may say where
    the text is from), with nothing after the paragraph and no link in it. Set right or plain, a
    short last line was as often a heading or a link's."""
    text = " ".join(paragraph.text_content().split())
    if match := _DASHED_NAME.match(text):
        return match["name"]
    # A heading over a list ("Weitere Informationen") has more after it; a footer's "<a><strong>wPolsce.pl</strong></a>" is a link.
    if paragraph.xpath(".//a or following-sibling::*[normalize-space()]"):
        return None
    name = _emphasised_first_line(paragraph)
    if not name or not 2 <= len(words := name.split()) <= _MAX_NAME_WORDS or name[-1] in _SENTENCE_END:
        return None
    # The last of a list of fields in that shape ("<strong>Aktuelle Nutzung</strong><br>Studentenwohnanlage").
    previous = paragraph.getprevious()
    if previous is not None and previous.tag == "p" and _emphasised_first_line(previous):
        return None
    return name if all(w[0].isupper() or w.lower() in _PARTICLES for w in words) else None


def _emphasised_first_line(paragraph: HtmlElement) -> str | None:
    """The paragraph's first line when all of it is in bold, italics or small print."""
    lines = _lines(paragraph)
    if lines and any(" ".join(e.text_content().split()) == lines[0] for e in paragraph.iter(*_EMPHASIS)):
        return lines[0]
    return None


def _signed_name(headline_h1: HtmlElement, site: set[str]) -> list[str]:
    """A name signing the article's text, in the last paragraph of the block after the headline;
    not a quotation's source (in a blockquote or a figure)."""
    for paragraph in headline_h1.xpath("following::p[not(following-sibling::p)][not(ancestor::blockquote or ancestor::figure)]"):
        name = _signature(paragraph)
        if name and paragraph.xpath("preceding-sibling::p") and not _in_comments(paragraph):
            return clean_authors([name], site, strict=True)
    return []


# A wire story's credits at its end: "(Reporting by Will Dunham; Editing by Tom Brown)": the
# reporters wrote it, the editors did not.
_REPORTING_BY = re.compile(r"(?<![\w-])reporting by\s+([^;()]+)", re.IGNORECASE)
# A Chinese article's reporters in brackets, as it closes: "（记者 王小明 李华）", "（本报记者 王小明）".
# Reporters, correspondents or, under a commentary, its commentators ("（评论员 罗博 萧海川）").
_CREDITED_AS = ("记者", "記者", "通讯员", "通訊員", "评论员", "評論員")
BRACKETED_REPORTERS = re.compile(
    rf"[（(]\s*[^\W\d_]{{0,6}}?(?:{'|'.join(_CREDITED_AS)})\s*(?P<names>[^\W\d_]{{2,4}}(?:[\s、]+[^\W\d_]{{2,4}}){{0,3}})\s*[）)]")
# The text nodes that may hold such a credit, or a wire story's "Reporting by".
_CREDITED_TEXT = " or ".join(f"contains(., '{title}')" for title in ("eporting by", *_CREDITED_AS))


def _wire_credit(start: HtmlElement, site: set[str], axis: str = "following") -> list[str]:
    """The reporters a wire story's credits name ("(Reporting by ...)"), or a Chinese one's ("（记者 ...）"),
    after the headline (`start`), or anywhere in `start` (axis "descendant")."""
    for node in start.xpath(f"{axis}::text()[{_CREDITED_TEXT}][not(parent::script or parent::style)]"):
        if (wire := _REPORTING_BY.search(node)) or (chinese := BRACKETED_REPORTERS.search(node)):
            if _in_comments(node.getparent()):
                continue
            return clean_authors([f"by {wire.group(1)}"], site, strict=True) if wire else reporters_in_brackets(chinese, site)
    return []


def reporters_in_brackets(match: re.Match[str], site: set[str]) -> list[str]:
    """The reporters a BRACKETED_REPORTERS credit names: there a space parts two names."""
    return clean_authors([" / ".join(match["names"].replace("、", " ").split())], site, strict=True)


def headline_byline(headline_h1: HtmlElement | None, site: set[str]) -> list[str]:
    """The names in the byline element right after the headline (the walk stops at it)."""
    first = None if headline_h1 is None else next(filter(_holds_byline, _following(headline_h1)), None)
    return [] if first is None else _first_names([first], site, labelled=False)


# A label, then the name the metadata gives and others joined by an "and" ("Triple Water von Evan
# Tepest und Selma Kay Matter"); after a comma comes as often a role or a place.
_CREDIT_WORDS = r"(?:von|by|par|por|de|di|door|av|przez)"
_AND = frozenset({"and", "und", "et", "y", "e", "i", "&"})
_MAX_MENTIONS = 5
# The credit word or nothing before the name: "Lisa Kaczke and Trevor J. Mitchell" alone in its element.
_CREDIT_BEFORE = re.compile(rf"(?:^|\b{_CREDIT_WORDS}\s+)$", re.IGNORECASE)
_MAX_NAME_WORDS = 4


# An initial inside a name goes on with it: "Trevor J. Mitchell".
_INITIAL = re.compile(r"[^\W\d_]\.")


def _joined_names(words: list[str]) -> list[str]:
    """The full names that follow, each after an "and" ("und Selma Kay Matter"): words in
    capitals or particles, up to the first other word or punctuation mark."""
    names: list[str] = []
    at = 0
    while at + 1 < len(words) and words[at].lower() in _AND:
        name: list[str] = []
        for word in words[at + 1:at + 1 + _MAX_NAME_WORDS]:
            bare = word.rstrip(".,;:!?")
            if not bare or not (bare[0].isupper() or bare in _PARTICLES):
                break
            name.append(word if _INITIAL.fullmatch(word) else bare)
            if bare != word and not _INITIAL.fullmatch(word):
                break
        if len(name) < 2 or name[-1] in _PARTICLES:
            break
        names.append(" ".join(name))
        at += 1 + len(name)
        if words[at - 1] != name[-1]:
            break
    return names


def credited_with(headline_h1: HtmlElement | None, name: str, site: set[str]) -> list[str]:
    """`name` and the others a line after the headline credits with it ("von Evan Tepest und Selma
    Kay Matter"; metadata often keeps only the first of several writers); empty when none does."""
    if headline_h1 is None or not name:
        return []
    # A credit is a short text of its own, not a sentence in a paragraph, the page's JSON or a teaser card's link.
    mentions = (f"following::text()[contains(., $name)][string-length() < {_MAX_BYLINE}]"
                "[not(parent::script or parent::style or ancestor::a)]")
    for node in headline_h1.xpath(mentions, name=name)[:_MAX_MENTIONS]:
        line = " ".join(node.split())
        at = line.find(name)
        after = line[at + len(name):]
        if at < 0 or not _CREDIT_BEFORE.search(line[:at]) or not after.startswith(" ") or _in_comments(node.getparent()):
            continue
        if others := _joined_names(after.split()):
            return clean_authors([name, *others], site, strict=True)
    return []
