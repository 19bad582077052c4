"""The headline: the one on the page when the page's own metadata agrees with it.

Each source alone goes wrong somewhere: og:title is often a social-media teaser written
for sharing ("Schudł 125 kilogramów!" above "Angus Barbieri. Nie jadł przez 382 dni"),
JSON-LD headlines get cut at a fixed length, <title> carries the site and section, and an
h1 can be the site's banner. A heading that the metadata confirms (whole, as one side of
"Headline | Site", as the start of a cut-off copy, or but for a typo) is the headline as
readers see it; so is a heading the page's own URL spells, one that links to the page
itself (a blog's permalink), a page's only heading when it rewords the structured headline
(an SEO title), and, failing all that, the heading the template classes as the post's
title. Without any of these the structured headline is the best guess.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter, deque
from copy import deepcopy
from difflib import SequenceMatcher
from urllib.parse import unquote, urljoin, urlsplit

from lxml.html import HtmlElement

from pipeline.stages.extract.markup import hidden, without_accents, without_invisible
from pipeline.stages.extract.site_names import SEPARATOR, SEPARATOR_MARKS, is_cjk_site_name, key, names_site, site_keys
from pipeline.stages.words import DENSE, WORD

# A leading part this much longer than the site's name is a headline naming the site.
_SITE_AND_MORE = 2
# What a title adds to the headline after it, a separator first: " | Politik", ": Stadt Ahlen".
_ADDED_PART = re.compile(rf"\s*[{re.escape(SEPARATOR_MARKS)}]")
# Only headings among the first few are headlines; later ones are teasers and widgets.
_MAX_HEADINGS = 8
_MAX_LENGTH = 300
# A heading that matches only one side of a title must be a real headline, not a section
# name that happens to stand beside it ("Politik | ...").
_MIN_SIDE_KEY = 15
# A cut-off copy must keep at least this share of the heading to confirm it.
_MIN_PREFIX_SHARE = 0.5
# A copy this close differs by a typo or a quote mark ("ll Climate Clock" / "Il Climate Clock").
_SAME_BUT_A_TYPO = 0.95
# A label printed before the headline, in the same heading: "Deutschlandtakt: ..."
_MAX_KICKER_WORDS = 4
_BREAKS = frozenset({"br", "div", "p"})
_NOT_HEADLINE_TEXT = frozenset({"rt", "rp", "h2", "h3", "h4", "h5", "h6"})
# The page's headline after a kicker the metadata puts before it: at least two words.
_MIN_KICKED_WORDS = 2
_AHEAD_OF_A_MARK = re.compile(rf"\s[{re.escape(SEPARATOR_MARKS)}]")
# A kicker's colon follows its last word: "Adani: Kaeser verarscht Neubauer", not "Grundrezept : Site".
_KICKER_COLON = re.compile(r"(?<=[^\s:]): ")
# A URL's last part spells a heading when they share most words (numbers are ids, not words).
_SLUG_SPLIT = re.compile(r"[-_+,\s]+")
_SLUG_END = re.compile(r"\.(?:s?html?|php|aspx?)$")
_MIN_SLUG_WORDS = 3
_SLUG_SHARE = 0.8
# A slug may shorten its heading ("zaubernuss-im-winter"), not stand for a paragraph.
_MAX_WORDS_PER_SLUG_WORD = 3
# A link's address printed as text spells its own slug ("https://www.bbc.com/news/...",
# "example.org/news/ferry-timetable", "%2Ftennis%2Fargentina-wins-davis-cup%2F"): a shared link or
# a comment's, never the headline (a path has two slashes: "AC/DC-Konzert" is a headline's word).
_ADDRESS = re.compile(r"://|%2f|www\.|\S/\S+/\S*-", re.IGNORECASE)
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# The class templates give the post's own title (WordPress's "entry-title"): the headline as
# displayed, even when the metadata carries a title written for search engines.
_ENTRY_TITLE = re.compile(r"\b(?:entry|post|article)[-_]{1,2}(?:title|headline)\b", re.IGNORECASE)
# A heading sharing half its words with the structured headline says the same thing.
_MIN_REWORDED_WORDS = 5
_MIN_SHARED_WORDS = 0.5
# A CMS's internal name in og:title ("adac-kindersitztest-herbst-2018"), no headline.
_SLUG_SHAPED = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


# A label set apart from the headline in its heading, by the name the template gives it:
# "<span class="article-heading__kicker">Klimaschutz</span>", "dachzeile", "overline".
_LABEL_CLASS = re.compile(r"kicker|overline|dachzeile|topline|roofline|highline|eyebrow|supertitle|overtitle|spitzmarke|subtitle|subhead|"
                          r"subline|topic-label|(?<![\w-])label(?![\w-])|"
                          r"category|rubrik|ressort",
                          re.IGNORECASE)


def _long_enough(name_key: str) -> bool:
    """A key long enough to be a headline's side, a CJK or Hangul character counting as three
    letters (as much as a Latin word's share of one): "北京暴雨致多条道路积水" is."""
    return len(name_key) + 2 * len(DENSE.findall(name_key)) >= _MIN_SIDE_KEY


def _clean(text: str | None) -> str:
    return " ".join(without_invisible(html.unescape(text or "")).split())


def strip_site_name(title: str, keys: set[str]) -> str:
    """'Headline | Site' and 'Site - Headline' → 'Headline' when the side part is the site
    (`keys`: the site's name keys, site_names.site_keys)."""
    matches = list(SEPARATOR.finditer(title)) if keys else []
    # From the end: a site name can hold a separator itself ("AOC media - Analyse Opinion Critique").
    for match in reversed(matches):
        head, tail = title[: match.start()].strip(), title[match.end():].strip()
        if head and (names_site(tail, keys) or _starts_with_site(tail, keys) or is_cjk_site_name(tail)):
            return head
    if matches:
        head, tail = title[: matches[0].start()].strip(), title[matches[0].end():].strip()
        # Not a headline that starts with the site's name: "The Guardian view on Hong Kong | Editorial".
        if tail and names_site(head, keys) and len(key(head)) <= _SITE_AND_MORE * max(map(len, keys)):
            return tail
    return title


def _starts_with_site(part: str, keys: set[str]) -> bool:
    """A title's last part that starts with the site's name: "MyOOS Community Forum" (myoos.de)."""
    words = part.split()
    return 0 < len(words) <= _MAX_KICKER_WORDS and key(words[0]) in keys


def _sides(title: str) -> set[str]:
    """Every way to cut a title at one separator: both parts."""
    keys = set()
    for match in SEPARATOR.finditer(title):
        keys.add(key(title[: match.start()]))
        keys.add(key(title[match.end():]))
    return keys


def _agrees(heading: str, candidates: list[str]) -> bool:
    k = key(heading)
    for candidate in candidates:
        c = key(candidate)
        if c == k or (_long_enough(k) and SequenceMatcher(None, k, c).ratio() >= _SAME_BUT_A_TYPO):
            return True
        if _long_enough(k) and (k in _sides(candidate) or _ahead_of_a_mark(heading, candidate)):
            return True
        if len(c) >= _MIN_PREFIX_SHARE * len(k) and _long_enough(c) and k.startswith(c):
            return True
    return False


def _ahead_of_a_mark(heading: str, title: str) -> bool:
    """'Koncesjonowana opozycja -Leszek Jażdżewski': the heading, then a separator after a space."""
    return title.startswith(heading) and bool(_AHEAD_OF_A_MARK.match(title[len(heading):]))


def _within(heading: str, candidates: list[str]) -> bool:
    k = key(heading)
    return _long_enough(k) and any(k in key(candidate) for candidate in candidates)


def _heading_text(h1: HtmlElement, after: HtmlElement | None = None) -> str:
    """The heading's text in reading order; `after`: only what follows that element."""
    parts: list[str] = []
    started = after is None

    def walk(node: HtmlElement) -> None:
        nonlocal started
        # A line break or block inside the heading separates a kicker from the headline; ruby
        # annotations (the readings over Japanese kanji), headings inside it (a byline in an
        # h4) and comments are no part of it.
        if isinstance(node.tag, str) and (node is h1 or node.tag not in _NOT_HEADLINE_TEXT):
            if started:
                parts.append(" " if node is not h1 and node.tag in _BREAKS else "")
                parts.append(node.text or "")
            for child in node:
                walk(child)
        started = started or node is after
        if node is not h1 and started:
            parts.append(node.tail or "")

    walk(h1)
    return _clean("".join(parts))


def _without_labels(h1: HtmlElement) -> str | None:
    """The heading's text without the labels its template marks as such (a kicker, a
    subtitle) or sets apart with a separator only screen readers read ("Kicker<span
    class="invisible">: </span>Headline"); None when it has neither."""
    labels = [e for e in h1.iterdescendants() if isinstance(e.tag, str) and _LABEL_CLASS.search(e.get("class") or "")
              and e.text_content().strip()]
    if not labels:
        # Unnamed, the label comes first.
        for elem in h1.iterdescendants():
            if isinstance(elem.tag, str) and hidden(elem) and (mark := elem.text_content().strip()) and not mark.strip(SEPARATOR_MARKS):
                return _heading_text(h1, after=elem) or None
        return None
    copy = deepcopy(h1)
    for elem in list(copy.iterdescendants()):
        if isinstance(elem.tag, str) and (_LABEL_CLASS.search(elem.get("class") or "") or hidden(elem)):
            elem.drop_tree()
    # A separator of its own ("<span class="ts-colon">: </span>") goes with the label.
    return _heading_text(copy).lstrip(SEPARATOR_MARKS + " ") or None


def _links_to(h1: HtmlElement, url: str) -> str | None:
    """Where a heading that is wholly a link leads: the site's front page ("home") or a section
    this page is in ("section") make it the site's banner or a section logo, no headline; the
    page itself ("self", a blog's permalink) makes it the headline."""
    links = h1.xpath(".//a[@href]")
    if len(links) != 1 or " ".join(links[0].text_content().split()) != " ".join(h1.text_content().split()):
        return None
    href = links[0].get("href").strip()
    target, page = urlsplit(urljoin(url, href)), urlsplit(url)
    # "", "#" and "#top" lead nowhere: a menu button, a jump to a list.
    if not href or href.startswith("#") or target.query or target.fragment or (url and target.netloc != page.netloc):
        return None
    path = posixpath.normpath(target.path or "/").rstrip("/")
    if path in ("", "/index.html", "/index.php"):
        return "home"
    if url and path == posixpath.normpath(page.path or "/").rstrip("/"):
        return "self"
    return "section" if url and page.path.startswith(path + "/") and page.path.rstrip("/") != path else None


_UP = frozenset({"home", "section"})


def _after_kicker(heading: str, candidates: list[str]) -> str | None:
    """'Deutschlandtakt: Flixbus attackiert Deutsche Bahn' when the metadata says 'Flixbus
    attackiert Deutsche Bahn': a topic label (kicker) printed before the headline."""
    k = key(heading)
    for candidate in candidates:
        c = key(candidate)
        if _long_enough(c) and k.endswith(c) and heading.endswith(candidate[-3:]):
            kicker = heading[: len(heading) - len(candidate)]
            if 0 < len(kicker.split()) <= _MAX_KICKER_WORDS:
                return candidate
    return None


def _beside_a_label(h1: HtmlElement, heading: str, candidates: list[str]) -> str | None:
    """The headline the metadata states, when the rest of the h1 is an element of its own: a
    kicker before it ("Investitionen in IT-Sicherheit"), the date and section after it."""
    k = key(heading)
    for candidate in candidates:
        c = key(candidate)
        if not _long_enough(c) or c == k or c not in (k[-len(c):], k[: len(c)]):
            continue
        rest = k[: len(k) - len(c)] if k.endswith(c) else k[len(c):]
        if any(key(child.text_content()) == rest for child in h1.iterdescendants() if isinstance(child.tag, str)):
            return candidate
    return None


def _stated_after_kicker(heading: str, titles: list[str]) -> bool:
    """'Kaeser verarscht Neubauer' when the metadata says 'Siemens und die Kohlemine Adani:
    Kaeser verarscht Neubauer': the metadata puts a kicker before the headline the page prints."""
    k = key(heading)
    return len(heading.split()) >= _MIN_KICKED_WORDS and any(
        len(parts) == 2 and key(parts[1]) == k for title in titles if (parts := _KICKER_COLON.split(title, maxsplit=1)))


def _slug_parts(url: str) -> list[str]:
    """The words and numbers of the URL's last part, in order."""
    segment = next((part for part in reversed(urlsplit(url).path.split("/")) if part), "")
    return [part for part in _SLUG_SPLIT.split(_SLUG_END.sub("", unquote(segment).lower())) if part]


def slug_words(url: str) -> set[str]:
    return {word for word in _slug_parts(url) if not word.isdigit()}


def spelled_in_url(heading: str, slug: set[str]) -> bool:
    """The URL's last part (`slug`, its words) spells the heading ("eignet-sich-eine-waermepumpe-im-altbau"
    for "Eignet sich eine Wärmepumpe im Altbau?"): the page's own headline, whatever its
    metadata says (a single-page app can keep the metadata of the page it was opened on)."""
    if len(slug) < _MIN_SLUG_WORDS - 1:
        return False
    lower = heading.lower()
    needed = len(slug) if len(slug) < _MIN_SLUG_WORDS else _SLUG_SHARE * len(slug)
    # A slug word that is a word of the line is in its letters: a line in ASCII that has too few
    # of them is told without reading its words (most lines of a page, each asked once).
    if lower.isascii() and _lacks_too_many(lower, slug, len(slug) - needed):
        return False
    words = _words(lower)
    # Too many words to be what the slug spells: most lines of a page, told without spelling them out.
    if len(words) > (len(slug) if len(slug) < _MIN_SLUG_WORDS else _MAX_WORDS_PER_SLUG_WORD * len(slug)):
        return False
    spellings = _spellings(lower, words)
    if len(slug) < _MIN_SLUG_WORDS:
        # Two words spell a heading of just those two ("betriebliche-altersvorsorge").
        spelled = len(words) == len(slug) and slug <= spellings
    else:
        spelled = len(slug & spellings) >= needed
    return spelled and not _ADDRESS.search(heading)


# A headline's end: a question or an exclamation mark, a closing quote or bracket (German closes
# with "“"); its start: an opening one.
_HEADLINE_END = re.compile(r"[?!…\"'“”‘’»)\]]*")
_OPENING = "\"'“„«‘([#¿¡"
_HEADLINE_START = re.compile(f"[{_OPENING}]*$")
_MARKS_REACH = 4  # how many opening marks before it are looked at
# How far copies of a headline are read on together (the words a shortened slug left out), in
# words and in the characters looked at for them.
_SHARED_REACH = 8
_TOKEN_CHARACTERS = 40
_TOKEN = re.compile(r"\S+")


def spelled_spans(text: str, url: str) -> list[tuple[int, int]]:
    """Where `text`, a page run together into one line, spells the URL's last part: the
    headline, with nothing around it to tell where it starts and ends. Words of the slug, at most
    one other between two of them (a slug drops words: "bridge-opens-four-years"), numbers the
    slug holds too, and most of the slug's words (as spelled_in_url asks of a line); the headline
    printed twice in a row is two spans, and a headline printed more than once is grown by the
    words its copies share around it (_shared_around). A span starts as a headline does, not in
    lower case (a sentence that mentions the same words), and holds no address."""
    parts = _slug_parts(url) if url else []
    slug = {part for part in parts if not part.isdigit()}
    if len(slug) < _MIN_SLUG_WORDS:
        return []
    numbers = {part for part in parts if part.isdigit()}
    needed = _SLUG_SHARE * len(slug)
    spans: list[tuple[int, int]] = []
    group: deque[tuple[int, int, set[str]]] = deque()  # the slug's words and numbers in a row: where, and what each spells
    held: Counter[str] = Counter()  # how often the group spells each

    def spells_enough() -> bool:
        return sum(1 for key, count in held.items() if count > 0 and key in slug) >= needed

    def close() -> None:
        # A menu entry before the headline that is one of its words ("Sports Dago Leukefeld wird
        # Botschafter des Sports"), a number apart from it ("2019 report Flint flake tool"): the
        # headline starts after it.
        while len(group) > 1 and (all(held[key] > 1 for key in group[0][2])
                                  or group[0][2] <= numbers and _words_between(text, group[0][1], group[1][0])):
            held.subtract(group.popleft()[2])
        if group and spells_enough():
            start = _HEADLINE_START.search(text, max(0, group[0][0] - _MARKS_REACH), group[0][0]).start()
            end = _HEADLINE_END.match(text, group[-1][1]).end()
            # The words around it to the nearest spaces: a link's address is one run of them.
            around = text[text.rfind(" ", 0, start) + 1:end if (space := text.find(" ", end)) < 0 else space]
            if not text[start:end].lstrip(_OPENING)[:1].islower() and not _ADDRESS.search(around) and text[start - 1:start] != "/":
                spans.append((start, end))
        group.clear()
        held.clear()

    words = list(WORD.finditer(text))
    at = 0
    while at < len(words):
        start, end, lower = words[at].start(), words[at].end(), words[at].group().lower()
        at += 1
        # Two words one mark joins, as a slug spells them: "don't" as "dont", "county’s" as
        # "countys", "Play…and" as "playand".
        if at < len(words) and words[at].start() == end + 1 and not text[end].isspace() \
                and (joined := lower + words[at].group().lower()) in slug:
            end, lower, at = words[at].end(), joined, at + 1
        if lower in slug or lower in numbers:
            spelled = {lower}
        elif lower.isascii() or not (spelled := _spellings(lower, {lower}) & slug):
            continue
        if group and _words_between(text, group[-1][1], start) > 1:
            close()
        if any(held[key] > 0 for key in spelled) and spells_enough():
            close()  # the same words again: the headline's second copy
        group.append((start, end, spelled))
        held.update(spelled)
    close()
    return _shared_around(text, spans)


def _words_between(text: str, start: int, end: int) -> int:
    """How many words `text` holds between `start` and `end`: none, one, or more (2)."""
    first = WORD.search(text, start, end)
    return 0 if first is None else 1 if WORD.search(text, first.end(), end) is None else 2


def _shared_around(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of a headline printed more than once, each grown by the words all its copies
    have before and after it: the words a shortened slug leaves out ("How to Grow a" before
    "Lemon Tree from Seed"), up to a mark between words (a breadcrumb's "›")."""
    copies: dict[str, list[tuple[int, int]]] = {}
    for span in spans:
        copies.setdefault(text[span[0]:span[1]], []).append(span)
    grown: dict[tuple[int, int], tuple[int, int]] = {}
    for same in copies.values():
        if len(same) < 2:
            continue
        # Nearest first, a few words each way.
        before = [list(_TOKEN.finditer(text, max(0, s - _SHARED_REACH * _TOKEN_CHARACTERS), s))[::-1][:_SHARED_REACH] for s, _ in same]
        after = [list(_TOKEN.finditer(text, e, e + _SHARED_REACH * _TOKEN_CHARACTERS))[:_SHARED_REACH] for _, e in same]
        ahead, behind = _shared(before), _shared(after)
        for (start, end), words_before, words_after in zip(same, before, after):
            grown[start, end] = (words_before[ahead - 1].start() if ahead else start, words_after[behind - 1].end() if behind else end)
    return [grown.get(span, span) for span in spans]


def _shared(sequences: list[list[re.Match[str]]]) -> int:
    """How many tokens all `sequences` start with alike, up to the first with no letter or digit."""
    count = 0
    for tokens in zip(*sequences):
        if len({token.group() for token in tokens}) > 1 or not WORD.search(tokens[0].group()):
            break
        count += 1
    return count


def slug_words_spelled(heading: str, slug: set[str]) -> int:
    """How many of the slug's words the heading spells (of two lines the URL spells, the one that
    spells more is the headline: "Through the Darkest of Times review", not the game's name)."""
    lower = heading.lower()
    return len(slug & _spellings(lower, _words(lower)))


def _spellings(lower: str, words: set[str]) -> set[str]:
    """The words of a lower-cased line (`words`), and as a slug may spell them: transliterated
    ("grosse-plaene") or without accents."""
    return words if lower.isascii() else words | _words(lower.translate(_TRANSLITERATION)) | _words(without_accents(lower))


def _lacks_too_many(text: str, words: set[str], allowed: float) -> bool:
    """Whether more than `allowed` of `words` are not in `text` (told at the first one too many)."""
    lacking = 0
    for word in words:
        if word not in text:
            lacking += 1
            if lacking > allowed:
                return True
    return False


def _whole(title: str, titles: list[str], keys: set[str]) -> str:
    """A later source's longer copy of a title cut off short (an og:title ending at an
    unescaped quote mark), unless what it adds is a section or the site after a separator
    ("...: Stadt Ahlen")."""
    for other in titles:
        added = other[len(title):]
        if len(other) > len(title) and other.startswith(title) and not _ADDED_PART.match(added) and not names_site(added, keys):
            return other
    return title


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def _rewords(heading: str, title: str) -> bool:
    ours, theirs = _words(heading), _words(title)
    return len(ours) >= _MIN_REWORDED_WORDS and len(ours & theirs) >= _MIN_SHARED_WORDS * len(ours | theirs)


def _in_breadcrumb(h1: HtmlElement) -> bool:
    return any("breadcrumb" in f"{a.get('class') or ''} {a.get('id') or ''}".lower() for a in h1.iterancestors())


def _shown_below(h1: HtmlElement, heading: str, stated: list[str]) -> str | None:
    """The headline the page shows under an h1 kept in the breadcrumb trail for search
    engines: the first h2 (or element marked itemprop="headline") after it that says the same
    in other words ("Adele 10 Kilo abgenommen: Sie zeigt sich schlanker denn je!" in the trail,
    "10 Kilo abgenommen: Adele zeigt sich nach ihrer Trennung schlanker denn je" above the
    article), without its labels; as the metadata punctuates it where the two differ only so
    ("Deutschlandtakt: ...")."""
    for h2 in h1.xpath("following::*[self::h2 or @itemprop='headline'][not(self::meta)]")[:_MAX_HEADINGS]:
        if not (text := _heading_text(h2)) or hidden(h2):
            continue
        bare = _without_labels(h2)
        if _rewords(text, heading) or (bare and (_rewords(bare, heading) or _stated_after_kicker(bare, stated))):
            return bare or _after_kicker(text, stated) or next((title for title in stated if key(title) == key(text)), text)
    return None


def headline_element(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The h1 that prints the headline: a screen-reader "Navigation" h1 or a blog's tagline
    can come first. Else the first h1 with text (an empty one is a logo); on a page without
    one, the h2 that prints the headline word for word (a teaser's h3 may print it first)."""
    h1s = [h for h in tree.xpath("//h1") if h.text_content().strip()]
    wanted = key(title or "")
    if wanted:
        for h1 in h1s[:_MAX_HEADINGS]:
            if wanted in key(_heading_text(h1)):
                return h1
    if not h1s and wanted:
        return next((h2 for h2 in tree.xpath("//h2") if key(_heading_text(h2)) == wanted), None)
    return h1s[0] if h1s else None


def choose_title(tree: HtmlElement, structured: list[str | None], site_name: str | None, url: str) -> str | None:
    """`structured`: JSON-LD headline, og:title, twitter:title ... most trusted first."""
    metadata_titles = [c for c in map(_clean, structured) if c]
    return _mended(_choose_title(tree, metadata_titles, site_name, url), metadata_titles)


def _mended(title: str | None, stated: list[str]) -> str | None:
    """A heading whose letters the page's encoding lost ("Geb\ufffdhren") as the metadata spells it."""
    if not title or "\ufffd" not in title:
        return title
    lost = re.compile(".{1,2}".join(map(re.escape, title.split("\ufffd"))))
    return next((found.group() for candidate in stated if (found := lost.search(candidate))), title)


def _choose_title(tree: HtmlElement, metadata_titles: list[str], site_name: str | None, url: str) -> str | None:
    """`metadata_titles`: the structured titles, cleaned, most trusted first."""
    h1s = tree.xpath("//h1")[:_MAX_HEADINGS]
    texts = [_heading_text(h1) for h1 in h1s]
    # A blog's banner h1 names the site when its metadata does not ("... | Liebe geht durch den Magen").
    leads = [_links_to(h1, url) for h1 in h1s]
    keys = site_keys(site_name, url) | {key(text) for text, lead in zip(texts, leads) if len(key(text)) >= 3 and lead == "home"}
    page_title = _clean(tree.findtext(".//title"))
    candidates = [c for c in metadata_titles if not _SLUG_SHAPED.fullmatch(c)] + ([page_title] if page_title else [])
    headings = [text for text in texts if text]
    titles = [strip_site_name(candidate, keys) for candidate in candidates]
    stated = candidates + [title for title in titles if title not in candidates]
    slug = slug_words(url) if url else set()
    entry_title = None
    for h1, heading, lead in zip(h1s, texts, leads):
        if heading and len(heading) <= _MAX_LENGTH and not names_site(heading, keys) and lead not in _UP and not hidden(h1):
            if _in_breadcrumb(h1) and (shown := _shown_below(h1, heading, stated)):
                return shown
            # A label in an element of its own is apart from the headline, even when <title>
            # repeats it ("Kicker: Headline - Section - Site"); a kicker in one run of text
            # with the headline is part of it, unless the metadata confirms only the rest.
            if apart := _beside_a_label(h1, heading, stated):
                return apart
            agrees = lead == "self" or _agrees(heading, candidates) or _stated_after_kicker(heading, stated)
            bare = _without_labels(h1)
            if bare and (agrees or _within(bare, stated) or spelled_in_url(bare, slug)):
                return bare
            if agrees or spelled_in_url(heading, slug):
                return heading
            if kicked := _after_kicker(heading, candidates):
                return kicked
            entry_title = entry_title or (heading if _ENTRY_TITLE.search(h1.get("class") or "") else None)
    # An old blog theme prints the site's name in the h1 and the post's title in an h2 linking to the post.
    for h2 in tree.xpath("//h2")[:_MAX_HEADINGS]:
        if _links_to(h2, url) == "self" and (heading := _heading_text(h2)) and not names_site(heading, keys):
            return heading
    if entry_title:
        return entry_title
    first_h1 = next((text for h1, text, lead in zip(h1s, texts, leads) if text and lead not in _UP and not hidden(h1)), "")
    if first_h1 and metadata_titles and all(_SLUG_SHAPED.fullmatch(c) for c in metadata_titles) and not names_site(first_h1, keys):
        # The metadata's headline is a CMS's name for the page: so is its <title>, more often than not.
        return first_h1
    rewritten = len({key(strip_site_name(title, keys)) for title in metadata_titles if not _SLUG_SHAPED.fullmatch(title)}) > 1
    if first_h1 and rewritten and not names_site(first_h1, keys):
        # Every stated title words it differently (one for search, one for social media): the
        # page's headline is the one printed.
        return first_h1
    for title in titles:
        title = _whole(title, titles, keys)
        if title and not names_site(title, keys):
            # The page's only heading, a rewording of the metadata's headline (which was
            # written for search engines), is the headline readers see.
            if len(headings) == 1 and _rewords(headings[0], title) and not names_site(headings[0], keys):
                return headings[0]
            return _as_printed(tree, title)
    return first_h1 or (candidates[0] if candidates else None)


def _as_printed(tree: HtmlElement, title: str) -> str:
    """The metadata's title as a heading prints it, where the two differ only in case and
    punctuation ("Pounds Of Cocaine" in og:title, "Pounds of Cocaine" on the page), or where
    the heading is one side of it ("Site - Neuigkeiten » Die Events der letzten Zeit" over an
    h2 "Die Events der letzten Zeit")."""
    wanted, sides = key(title), _sides(title)
    for heading in tree.xpath("//h1|//h2")[:_MAX_HEADINGS]:
        found = key(text := _heading_text(heading))
        if found == wanted or (_long_enough(found) and found in sides):
            return text
    return title
