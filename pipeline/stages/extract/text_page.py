"""Article text out of a page a scraper already flattened to text, boilerplate and all.

Without markup the only signals are the lines themselves. The rules read the page first:
the article is the run of lines with the most prose in it (a maximum-sum segment where
prose lines score their length and other lines cost theirs), cut where a comment section or
a "more stories" block begins (comments and teaser summaries are prose too; when they
outweigh a short post, the run above the first of them is taken), and inside that run the
known furniture is taken out: teaser headings and the teaser they announce, captions with
their photo credit, share prompts, bylines, and the title where the page repeats it.

Then the line model (line_model.py), given that reading among its features, says how likely
each line is article text, and the article is the run of lines it is surest of, held to the
same comment and "more stories" ends and without the same furniture. It keeps what prose
alone misses (an agenda, a recipe's steps, a lead set apart by a teaser line) and drops what
prose alone keeps (a sidebar's summaries, a sign-up call written as prose, whose words give it
away): on sites it was not trained on, text/aeb 0.919 → 0.933 and text/trafilatura-eval
0.850 → 0.892 (docs/extraction.md).

A page a crawler wrote as Markdown is read as rendered (markdown_text.py). A page a scraper
joined into one line is first cut back into pieces (run_on_text.py) and read by trees trained
on such pages; the pieces of one line the article keeps are joined again. Such a page's title
and writers are read only where the URL spells its headline (a piece whose ends are known).

The title is the line the URL spells when there is one, else the line the title model
(title_model.py) finds around the article's start; the publication day is the date the days
model (days_model.py) is surest of among those the page prints where it dates itself, else the
one the date rules read as an HTML page's without structured dates (dates.text_published_at),
and the writers are the names the writers model (writers_model.py) is surest of among those the
lines around the headline and under the article may hold, the byline rules' choice
(rules_writers) one of its features.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from pipeline.stages.extract import days_model, line_model, title_model, writers_model
from pipeline.stages.extract import lines as L
from pipeline.stages.extract.bylines import BRACKETED_REPORTERS, clean_authors, is_byline_label, line_byline, reporters_in_brackets
from pipeline.stages.extract.dates import date_line_day, rfc3339, stated_relative, text_published_at
from pipeline.stages.extract.dates import reading as dates_reading
from pipeline.stages.extract.headline import slug_words, slug_words_spelled, spelled_in_url, spelled_spans
from pipeline.stages.extract.line_model import TreeEnsemble, line_features
from pipeline.stages.extract.markdown_text import is_markdown, rendered_lines
from pipeline.stages.extract.markup import without_invisible, without_markup
from pipeline.stages.extract.run_on_text import is_cut, is_glued, is_run_on, pieces, unglued
from pipeline.stages.extract.site_memory import fingerprint
from pipeline.stages.extract.site_names import site_keys
from pipeline.stages.extract.tidy import closing_promos, drop_closing_promos, drop_header_lines, drop_writer_bio, drop_writer_lines

# How far from the top a page repeats its title (breadcrumb, headline, social title...).
_TITLE_WINDOW = 12
# Lines between the title and the article start (byline, date, caption) when the title is
# only given once.
_TITLE_GAP = 4
# What parts a headline from what a longer line that holds it adds after it (a site's name, an
# issue) or before it (a breadcrumb); and how many capitalised section names may stand before it.
_SEPARATOR_AFTER = re.compile(r"\s*(?:[|\-–—·•(:»]|::)")
_SEPARATOR_BEFORE = re.compile(r"[|»›>/·•\-–—]\s*$")
_MAX_SECTIONS = 3
# What any other line costs at least: a short line (menu entry, date, tag, author name) is
# what separates an article from the teasers and comments below it, and must weigh like a
# sentence's worth of words for the run not to bridge it.
_SHORT_LINE_COST = 8
# Prose words an article needs above a comment or "more stories" heading for that heading
# to end it; fewer, and the heading is the page's header ("12 Comments" under the title).
_ARTICLE_BEFORE_END = 30
# How far below a comment heading, and below a "more stories" heading (past its list of
# teased headlines), the article may resume.
_COMMENT_WINDOW = 4
_MORE_WINDOW = 8
# How much of the best run's score the run above the first comment or teaser block needs to be
# taken as the article instead (0.45 and 0.5 choose the same pages on both text sets; 0.4 takes
# a share bar's comment link above two AEB articles).
_ABOVE_END_SHARE = 0.5
# The same for the line model's run, where the rules' article is below such a block (the rules'
# own choice held there: a post's sidebar after its comment form taken for the article). On sites
# the model was not trained on (5 folds by site), text/trafilatura-eval 0.8993 -> 0.9019 and
# text-nodes 0.9179 -> 0.9233 (aeb) and 0.8797 -> 0.8841 (te), the rest unchanged; a share of 0.1
# to 0.5 gains as much on the labelled pages, 0 (any run above) loses.
_ABOVE_RULES_SHARE = 0.25
# What a line known to be boilerplate costs, whatever its length. Small: teasers and
# captions sit inside articles and must not split one; they are dropped from the output anyway.
_BOILERPLATE_COST = 2
# The model's article run: lines weigh their length times how far their first-pass probability
# of being article text is above this, and inside the run a line whose mean of both passes'
# probabilities is not above it is left out (LineProbabilities). Chosen by cross-validation on
# the labelled text pages (pipeline.eval.line_model): 0.3-0.5 trade text/aeb against
# text/trafilatura-eval by under 0.01; for the mean inside the run, 0.45 and 0.5 gave up recall
# on the pages cut into more lines (text-nodes, one line) for precision on text/.
_ARTICLE_PROBABILITY = 0.4
# How far under the headline a byline names the writers. Only the lines below (_names_writers):
# any labelled line read as a byline named a wrong person or a word ("Permalink") one time in
# eight on the labelled pages as text; these, about one in fifteen.
_BYLINE_REACH = 6
# A few words and a credit word opening a line: "Posted by X on ...", "Geschrieben von Cooper am
# ...", "Analysis by ..." (read only when those words are a byline label: not "Photo taken by").
_CREDIT_PHRASE = re.compile(r"^\W*(?:[^\W\d]+\s+){1,3}(?:by|von|par|por|door|przez|av)\s", re.IGNORECASE)
_MAX_CREDIT_WORDS = 20
# A name alone on its line beside a date line, this close under the headline ("28. Jan. 2022" /
# "Paula Balov"): on the labelled pages as text, 24 more pages given writers, 21 of them right
# (a photo series' "Faszination Loopstation-Battle", a "Next Post" link were not).
_NAME_ALONE_REACH = 4
# A Markdown page's only top-level heading is its title when it has this many words: a shorter
# one is as often the site's name in its logo.
_HEADING_WORDS = 3


# A list item's bullet, as a scraper that lays a page out writes it (inscriptis: "* ", "+ " a
# level down; "• "): no word of the line's.
_BULLET = re.compile(r"^\s*[*+•◦▪‣∙]\s+")


@dataclass(slots=True)
class Line:
    text: str
    block_start: bool  # preceded by a blank line (or the top of the page)
    # A piece of a line too long for a paragraph (run_on_text): no title (its ends are guesses);
    # `continues` when the line before is a piece of the same line.
    cut: bool = False
    continues: bool = False
    heading: bool = False  # a Markdown page's top-level heading ("# ...")


@dataclass
class TextArticle:
    title: str | None
    paragraphs: list[str]
    published_at: str | None = None
    authors: list[str] = field(default_factory=list)


def split_lines(text: str, part_glued: bool = True, url: str = "") -> list[Line]:
    """The page's lines, without the markup a scraper left in them (markup.without_markup): a
    Markdown page's as rendered (markdown_text); a page a scraper joined into one line (most of
    its words in lines too long for a paragraph) as the pieces of those lines (run_on_text); a
    page whose scraper ran its blocks together with its blocks parted (run_on_text.is_glued),
    unless `part_glued` is off. `url`: the page's; where its last part spells the headline in a
    line so cut, the headline is a piece of its own (headline.spelled_spans)."""
    text = without_invisible(without_markup(text))
    raws = rendered_lines(text) if is_markdown(text) else [(_BULLET.sub("", raw), False) for raw in text.splitlines()]
    rows: list[Line] = []
    blank = True
    for raw, heading in raws:
        stripped = " ".join(raw.split())
        if not stripped:
            blank = True
            continue
        rows.append(Line(stripped, blank, heading=heading))
        blank = False
    texts = [row.text for row in rows]
    L.learn_sizes(texts)
    glued = part_glued and is_glued(texts)
    if not is_run_on(texts):
        if glued:
            rows = [Line(block, row.block_start and not i, heading=row.heading and len(blocks) == 1)
                    for row in rows for blocks in (unglued(row.text),) for i, block in enumerate(blocks)]
        # Headlines or menu entries in ideographs run together are no line of the page's to read
        # (the trees, trained on other scripts, take such a line for a paragraph).
        return [row for row in rows if not L.is_run_together(row.text)]
    out: list[Line] = []
    whole_page = len(rows) == 1
    for row in rows:
        # The headline the URL spells is a piece whose ends are known: the title is read off it.
        headlines = spelled_spans(row.text, url) if is_cut(row.text, whole_page) else []
        spelled = {row.text[start:end] for start, end in headlines}
        first, *rest = pieces(row.text, glued, whole_page, headlines)
        out.append(Line(first, row.block_start, cut=bool(rest) and first not in spelled, heading=row.heading and not rest))
        for before, piece in zip([first, *rest], rest):
            known = piece in spelled
            out.append(Line(piece, False, cut=not known, continues=not known and before not in spelled))
    return out


def _repeated_title(lines: list[Line]) -> tuple[str, set[int]] | None:
    """A headline the page states twice near the top, once maybe behind a breadcrumb trail."""
    top = lines[:_TITLE_WINDOW]
    keys = [L.normalise(line.text) for line in top]
    for i, line in enumerate(top):
        if line.cut or not L.is_headline(line.text) or L.size(line.text) < 3:
            continue
        hits = {j for j, other in enumerate(keys) if j != i and other.endswith(keys[i])}
        if hits:
            return line.text, hits | {i}
    return None


# A Chinese article's reporters in brackets close it: a few lines past the run's end at most.
_CREDIT_REACH = 3


def _bracketed_reporters(texts: list[str]) -> list[str]:
    """The reporters a Chinese article names in brackets as it closes ("（记者 王小明 李华）"), on a
    line of their own or ending the last paragraph ("...英雄的城！（评论员 罗博 萧海川）")."""
    for text in reversed(texts):
        # A credit on a line of its own ends it as well.
        if (match := BRACKETED_REPORTERS.search(text)) and match.end() == len(text.rstrip()):
            return reporters_in_brackets(match, set())
    return []


def _is_boilerplate(text: str, template: Collection[str]) -> bool:
    return (
        (bool(template) and fingerprint(text) in template)
        or L.is_teaser_heading(text)
        or L.is_inline_teaser(text)
        or L.is_furniture(text)
        or L.is_tag_line(text)
        or L.is_credit(text)
        or L.is_closing_credit(text)
    )


def _score(text: str, boilerplate: bool, in_prose: bool) -> int:
    """`in_prose`: the line is prose, or a piece of a sentence cut into lines that is (_in_prose)."""
    if boilerplate:
        return -_BOILERPLATE_COST
    if in_prose:
        return max(1, L.size(text))
    return -max(_SHORT_LINE_COST, L.size(text))


# What ends a sentence, what a line that breaks off inside one may end with (a comma, a dash, an
# opening bracket or quote), and what a line that goes on one may start with.
_SENTENCE_STOPS = (".", "!", "?", "…", "。", ":")
_CLOSING_QUOTES = "\"'”’»)]"
_BROKEN_OFF = (",", "-", "–", "(", "„", "“", "‚", "«")
_GOING_ON = ",.;:!?)]»”’%…"


def _continues(above: str, line: str) -> bool:
    """Whether `line` goes on the sentence `above` began. A scraper that gives each text node a
    line of its own cuts a sentence at every link and emphasis in it ("Siches adelantó que" / "la
    reforma a Carabineros" / ", la que será ..."), and no piece of it reads as prose."""
    if line[0] in _GOING_ON:
        return True
    if above.rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_STOPS):
        return False
    return line[0].islower() or above.endswith(_BROKEN_OFF)


def _sentence_spans(texts: Sequence[str], most: int | None = None) -> list[tuple[int, int]]:
    """[first, last) of each run of lines that go on one another's sentences, the first `most` runs."""
    spans: list[tuple[int, int]] = []
    i, end = 0, len(texts)
    while i < end and (most is None or len(spans) < most):
        j = i + 1
        while j < end and _continues(texts[j - 1], texts[j]):
            j += 1
        spans.append((i, j))
        i = j
    return spans


def _is_sentence(text: str) -> bool:
    """Prose that ends a sentence. Not L.is_prose's long line that need not: lines of tags or
    menu entries in lower case join into one as long (on text/aeb, the rules' run then kept a
    "Tags" list under a Brazilian article)."""
    return L.size(text) >= L.SENTENCE_WORDS and L.ends_sentence(text)


def _in_prose(texts: Sequence[str], boilerplate: Sequence[bool]) -> list[bool]:
    """Which lines are prose, or pieces of a sentence cut into lines that is a sentence once they
    are joined (none of them boilerplate). Scored so, a paragraph cut at its links no longer
    splits the rules' article run: on the node-per-line pages (text-nodes) the rules alone read
    0.871 / 0.790 -> 0.898 / 0.817 (aeb / trafilatura-eval, unseen sites)."""
    prose = [False] * len(texts)
    for first, last in _sentence_spans(texts):
        if last - first == 1:
            prose[first] = L.is_prose(texts[first])
        elif not any(boilerplate[first:last]) and _is_sentence(" ".join(texts[first:last])):
            prose[first:last] = [True] * (last - first)
        else:
            prose[first:last] = [L.is_prose(text) for text in texts[first:last]]
    return prose


def _best_segment(scores: Sequence[float]) -> tuple[int, int]:
    """[start, end) of the maximum-sum run (Kadane); the earliest one on ties, for determinism."""
    best, best_span = 0, (0, 0)
    run, start = 0, 0
    for i, score in enumerate(scores):
        if run <= 0:
            run, start = 0, i
        run += score
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span


def _is_teaser_target(lines: list[Line], i: int) -> bool:
    """Whether the line after a teaser heading is the teased headline, not the article going on."""
    if i >= len(lines):
        return False
    text = lines[i].text
    announced = i >= 2 and lines[i - 2].text.endswith(":")
    return L.is_headline(text) and not L.is_prose(text) and not announced


def _caption_before(lines: list[Line], i: int) -> bool:
    """A caption sits right above its credit, in the same block, and is no sentence."""
    return i + 1 < len(lines) and not lines[i + 1].block_start and L.is_credit(lines[i + 1].text) and not L.is_prose(lines[i].text)


def _title_before(lines: list[Line], start: int) -> int | None:
    for i in range(start - 1, max(-1, start - 1 - _TITLE_GAP), -1):
        text = lines[i].text
        if not lines[i].cut and L.is_headline(text) and L.size(text) >= 3 and not L.is_byline(text) and not L.is_credit(text):
            if not (L.is_teaser_heading(text) or L.is_furniture(text)):
                return i
    return None


def _resumes(lines: list[Line], at: int, end: int, boilerplate: list[bool], window: int) -> bool:
    """Whether the article goes on within `window` lines after a heading: two prose lines in a
    row. A comment count or a "Related" box sits under the headline or inside the article on
    many layouts; comments and teasers below an article come one prose line at a time, between
    names, dates and headlines. A sentence cut into lines at its links is read as one line."""
    texts = [line.text for line in lines[at + 1:end]]

    def prose(first: int, last: int) -> bool:
        text = " ".join(texts[first:last])
        return not any(boilerplate[at + 1 + first:at + 1 + last]) and L.is_prose(text) and not L.is_commenter(text)

    found = [prose(*span) for span in _sentence_spans(texts, window + 1)]
    return any(map(bool.__and__, found, found[1:]))


def _article_end(lines: list[Line], start: int, end: int, boilerplate: list[bool]) -> int:
    """Where the article stops inside the run [start, end): the comment section or the
    teasers below it, once some article prose came before. Comments and teaser summaries are
    prose too, often more of it than the article, so the run alone would keep them."""
    commenters = [i for i in range(start, end) if L.is_commenter(lines[i].text)]
    # One "... said:" line is an article announcing a quote; a thread repeats it.
    thread = set(commenters) if len(commenters) >= 2 else set()
    prose = 0
    for i in range(start, end):
        text = lines[i].text
        if prose >= _ARTICLE_BEFORE_END:
            if i in thread:
                return i
            if L.is_comment_heading(text) and not _resumes(lines, i, end, boilerplate, _COMMENT_WINDOW):
                return i
            if L.is_more_stories(text) and not _resumes(lines, i, end, boilerplate, _MORE_WINDOW):
                return i
        if not boilerplate[i] and L.is_prose(text):
            prose += L.size(text)
    return end


def _above_article_end(lines: list[Line], scores: Sequence[float], start: int, end: int,
                       boilerplate: list[bool]) -> tuple[int, int, int | None]:
    """The best run in [start, end) above the comment section or "more stories" block that
    ends the article there, and where that block starts (None: the run has no such end)."""
    cut = _article_end(lines, start, end, boilerplate)
    if cut == end:
        return start, end, None
    first, last = _best_segment(scores[start:cut])
    return start + first, start + last, cut


@dataclass
class RulesReading:
    """What the rules make of a page: its title and the line it is printed on, the lines they
    keep, the lines that are known furniture wherever they stand (teasers, captions, credits,
    bylines, tags, the title), and where comment sections or "more stories" blocks end it."""

    title: str | None
    headline: int | None
    kept: list[bool]
    furniture: list[bool]
    ends: list[int]


def read_by_rules(lines: list[Line], template: Collection[str] = (), url_line: int | None = None) -> RulesReading:
    """`url_line`: the line the page's URL spells (url_headline), if any."""
    title = None
    dropped: set[int] = set()
    repeated = _repeated_title(lines)
    if repeated:
        title, dropped = repeated[0], set(repeated[1])
    boilerplate = [
        i in dropped
        or _is_boilerplate(line.text, template)
        or _caption_before(lines, i)
        # A whole line only: a piece of a run-on line may hold a caption and the article after it.
        or (not line.cut and (L.has_caption_credit(line.text) or L.ends_in_photo_credit(line.text)))
        or (i > 0 and L.is_teaser_heading(lines[i - 1].text) and _is_teaser_target(lines, i))
        or L.is_source_label(line.text) or (i > 0 and L.names_a_source(line.text, lines[i - 1].text))
        for i, line in enumerate(lines)
    ]
    texts = [line.text for line in lines]
    scores = list(map(_score, texts, boilerplate, _in_prose(texts, boilerplate)))
    start, end = _best_segment(scores)
    # Comments or teasers can hold more prose than a short post above them, and the best run
    # is then theirs: the run above the page's first such block is the article when it scores
    # half as much (a comment link in a share bar above a long article does not).
    ends = []
    first_end = _article_end(lines, 0, start, boilerplate)
    if first_end < start:
        ends.append(first_end)
        above_start, above_end = _best_segment(scores[:first_end])
        if sum(scores[above_start:above_end]) >= _ABOVE_END_SHARE * sum(scores[start:end]):
            start, end = above_start, above_end
    start, end, cut = _above_article_end(lines, scores, start, end, boilerplate)
    if cut is not None:
        ends.append(cut)
    if title is None and start < end:
        at = _title_before(lines, start)
        if at is not None:
            title = lines[at].text
    title, headline = _headline(lines, title, url_line)
    furniture = [boilerplate[i] or L.is_byline(line.text) or _states_title(line.text, i, title, headline)
                 for i, line in enumerate(lines)]
    kept = [start <= i < end and not furniture[i] for i in range(len(lines))]
    for i in _closing_promos(lines, kept):
        kept[i] = False
    return RulesReading(title, headline, kept, furniture, sorted(set(ends)))


def _headline(lines: list[Line], title: str | None, url_line: int | None) -> tuple[str | None, int | None]:
    """The title and the line it is printed on: the line the URL spells, whose text the rules'
    guess is more often the site's name or a section than (on the 1,049 labelled pages as text,
    the headline exactly on 84% of the 693 pages whose URL spells a line, against 17%); else the
    rules' title, where it is printed last."""
    if url_line is not None:
        return lines[url_line].text, url_line
    printed = [i for i, line in enumerate(lines) if _states_title(line.text, i, title, None)]
    return title, (printed[-1] if printed else None)


def _closing_promos(lines: list[Line], kept: list[bool]) -> list[int]:
    indices = [i for i, k in enumerate(kept) if k]
    return [indices[at] for at in closing_promos([lines[i].text for i in indices])]


_NORMALISED_SLACK = 8


def _states_title(text: str, at: int, title: str | None, headline: int | None) -> bool:
    """The title again, or, above the headline, a breadcrumb trail ending with it."""
    trail = headline is not None and at < headline
    # Normalising changes a line's length by a character or two, not more: most lines are too
    # short or too long to be either.
    if title is None or len(text) < len(title) - _NORMALISED_SLACK or (not trail and len(text) > len(title) + _NORMALISED_SLACK):
        return False
    line, stated = L.normalise(text), L.normalise(title)
    return line == stated or (trail and line.endswith(stated))


def url_headline(lines: list[Line], url: str) -> int | None:
    """The line the page's URL spells ("/2012/04/11/denkanstoos-april-2012/"): the first, or
    one a few lines below it that spells more of the slug, or as much with fewer other words (a
    breadcrumb ends with the headline too); and where another line the URL spells is that line
    less a site's name, a breadcrumb or an issue ("Headline | Site" first, "Headline" further
    down), that other line."""
    slug = slug_words(url) if url else set()
    first = next((i for i, line in enumerate(lines) if not line.cut and spelled_in_url(line.text, slug)), None) if slug else None
    if first is None:
        return None
    below = [i for i in range(first, min(len(lines), first + _TITLE_GAP + 1))
             if not lines[i].cut and spelled_in_url(lines[i].text, slug)]
    # A lead sentence repeating the headline's words is no headline ("Ellen DeGeneres will host the Oscars.").
    headlines = [i for i in below if not (L.is_prose(lines[i].text) and not L.is_headline(lines[i].text))] or below
    chosen = min(headlines, key=lambda i: (-slug_words_spelled(lines[i].text, slug), L.size(lines[i].text), i))
    whole = lines[chosen].text.strip()
    # Spelling is asked last: a part is rare, and spelling every line of a page costs 8% of its time.
    return next((i for i, line in enumerate(lines)
                 if not line.cut and _part_of(line.text.strip(), whole) and spelled_in_url(line.text, slug)), chosen)


def _part_of(part: str, whole: str) -> bool:
    """`whole` is `part` and a site's name, a section, an issue or a teaser after it ("Headline |
    Site", "Headline (2021/5)", "HeadlineDas ist Trend!"), or a breadcrumb before it ("Time 4
    talks » Blog Archiv » Headline", "StartseiteKulturHeadline", "Start Archiv Headline"). Not
    a kicker before a colon ('"Pure Leere": Headline' is the title whole) nor a part of the
    middle ("Homemade Spiced Honey Pear Jam for the Holidays")."""
    if not part or len(part) >= len(whole):
        return False
    if whole.startswith(part):
        rest = whole[len(part):]
        return bool(_SEPARATOR_AFTER.match(rest)) or rest[0].isupper()
    if not whole.endswith(part):
        return False
    before = whole[:len(whole) - len(part)]
    if _SEPARATOR_BEFORE.search(before):
        return True
    if before[-1].isalpha():  # a breadcrumb's last section run into the headline
        return part[0].isupper()
    sections = before.split()
    return before[-1].isspace() and len(sections) <= _MAX_SECTIONS and all(word[0].isupper() for word in sections)


def article_run(lines: list[Line], reading: RulesReading, probabilities: Sequence[float]) -> tuple[int, int]:
    """The run of lines the model most likely calls article text (each line weighing its
    length): its first line and the line after its last. The run stays in the stretch the
    rules put the article in, between the comment sections and "more stories" blocks around
    it (below one, comments and teasers can outweigh a short post), or, where that stretch is
    below such a block, in the stretch above it when the model's run there weighs enough."""
    # Known furniture weighs as a one-word line sure not to be article text: enough to part a
    # post from what a share bar separates it from, too little to split an article at a teaser
    # heading or a caption (0 joins the first, twice as much splits the second: the seeds'
    # standfirst; the same in cross-validation from 0.4 to 0.8).
    scores = [-_ARTICLE_PROBABILITY if furniture else (p - _ARTICLE_PROBABILITY) * max(1, L.size(line.text))
              for line, p, furniture in zip(lines, probabilities, reading.furniture)]
    low, high = 0, len(lines)
    if True in reading.kept:
        first = reading.kept.index(True)
        low = max((end for end in reading.ends if end <= first), default=0)
        high = min((end for end in reading.ends if end > first), default=len(lines))

    def best_run(low: int, high: int) -> tuple[int, int]:
        """The model's best run in lines[low:high], less a comment or "more stories" block it ends in."""
        start, end = _best_segment(scores[low:high])
        start, end, _ = _above_article_end(lines, scores, low + start, low + end, reading.furniture)
        return start, end

    start, end = best_run(low, high)
    if low > 0:
        # The rules put the article below a comment section or a "more stories" block: a short
        # post's comments and sidebars can outweigh it there too. The model's best run above that
        # block, in its own stretch, is the article when it weighs a quarter as much.
        first_above, last_above = best_run(max((end_ for end_ in reading.ends if end_ < low), default=0), low)
        if last_above > first_above and sum(scores[first_above:last_above]) >= _ABOVE_RULES_SHARE * sum(scores[start:end]):
            start, end = first_above, last_above
    return start, end


def article_lines(lines: list[Line], reading: RulesReading, inside: Sequence[float],
                  run: tuple[int, int], titles: Collection[int] = ()) -> list[str]:
    """The article run's lines (`run`, article_run's), less those the model doubts (`inside`:
    how likely each of the run's lines is article text, LineProbabilities.both), the known
    furniture and `titles` (the lines that state the title)."""
    start, end = run
    paragraphs: list[str] = []
    previous = None
    for i in range(start, end):
        if inside[i - start] > _ARTICLE_PROBABILITY and not reading.furniture[i] and i not in titles:
            text = lines[i].text
            # A piece of a sentence cut into lines joins the piece above it, a stop or a comma
            # without a space before it (the scraper dropped the source's spacing).
            if previous == i - 1 and (lines[i].continues or _continues(lines[i - 1].text, text)):
                paragraphs[-1] += ("" if text[0] in _GOING_ON and not lines[i].continues else " ") + text
            else:
                paragraphs.append(text)
            previous = i
    return drop_closing_promos(paragraphs)


def rules_writers(lines: list[Line], headline: int | None, url: str, paragraphs: Sequence[str]) -> list[str]:
    """The writers a byline under the headline names: a labelled line, a label on its own line
    and the name on the next, else a name alone beside a date line (`paragraphs`: the article's
    text, which a writer's name is seldom in but a topic's words are)."""
    if headline is None:
        return []
    site = site_keys(None, url)
    below = [writers_model.unglued(line.text) for line in lines[headline + 1:headline + 1 + _BYLINE_REACH + 1]]
    for at, text in enumerate(below[:_BYLINE_REACH]):
        if _names_writers(text) and (names := line_byline(text, site)):
            return names
        # The label on a line of its own, the name on the next ("By" / "Jane Doe": a byline
        # whose name is a link, flattened a node per line).
        if at + 1 < len(below) and is_byline_label(text) and (names := line_byline(f"{text} {below[at + 1]}", site)):
            return names
    article = " ".join(paragraphs).lower()
    for at, text in enumerate(below[:_NAME_ALONE_REACH]):
        beside = [below[j] for j in (at - 1, at + 1) if 0 <= j < len(below)]
        if _name_alone(text, article) and any(L.is_date_line(line) for line in beside):
            return clean_authors([text], site, strict=True)
    return []


def _name_alone(text: str, article: str) -> bool:
    """Two or three capitalised words and nothing else, none of them in the article's text
    (a topic's "Deutsche Sprache" is; "Paula Balov" is not)."""
    words = text.split()
    return (2 <= len(words) <= 3 and all(word[0].isupper() and word.replace("-", "").isalpha() for word in words)
            and not any(word.lower() in article for word in words))


def _names_writers(text: str) -> bool:
    """A "By ..." line, or one opening with a credit phrase (on the labelled pages as text, 15
    more pages given their writers, 2 a wrong one: a login, the blog's name)."""
    return L.is_byline(text) or (bool(_CREDIT_PHRASE.match(text)) and L.size(text) <= _MAX_CREDIT_WORDS)


def _offset(lines: list[Line], at: int) -> int:
    """Where line `at` starts in the lines joined by spaces."""
    return sum(len(line.text) + 1 for line in lines[:at])


@dataclass
class PageLines:
    """A text page read into its lines, the rules' reading of them and the line model's
    features: what the stage and the model's training (pipeline.eval.line_model) both start from."""

    lines: list[Line]
    reading: RulesReading
    features: np.ndarray
    url_line: int | None  # the line the URL spells (url_headline)

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]

    @property
    def run_on(self) -> bool:
        """A page a scraper joined into one line, read as its pieces: the run-on trees read it."""
        return any(line.cut for line in self.lines)

    @property
    def heading(self) -> int | None:
        """A Markdown page's only top-level heading, when it is a headline's length: the first line
        that states it (a page that repeats its headline above the heading is read from there)."""
        headings = [line.text for line in self.lines if line.heading]
        if len(headings) != 1 or L.size(headings[0]) < _HEADING_WORDS:
            return None
        return next(i for i, line in enumerate(self.lines) if line.text == headings[0])


def read_page(text: str, template: Collection[str] = (), url: str = "", part_glued: bool = True) -> PageLines:
    L.forget_lines()
    lines = split_lines(text, part_glued, url)
    url_line = url_headline(lines, url)
    reading = read_by_rules(lines, template, url_line)
    return PageLines(lines, reading, line_features([line.text for line in lines], reading.kept, url_line), url_line)


def title_rows(page: PageLines, probabilities: np.ndarray, run: tuple[int, int], url: str,
               template: Collection[str] = ()) -> tuple[list[int], np.ndarray]:
    """The lines the title model chooses the title among, and their features: what the stage
    and the title model's training (pipeline.eval.title_model) both start from. A line of the
    site's template (`template`: fingerprints of lines on many of its pages) is no page's title."""
    texts = [line.text for line in page.lines]
    at = [i for i in title_model.candidates(texts, run)
          if not page.lines[i].cut and not (template and fingerprint(texts[i]) in template)]
    return at, title_model.title_features(texts, at, probabilities, run, page.reading.kept, page.reading.title, url)


def title_line(page: PageLines, probabilities: np.ndarray, run: tuple[int, int], url: str,
                template: Collection[str], title_scorer: TreeEnsemble) -> int | None:
    """The line the URL spells, else the line the title model is surest is the title; none
    without an article to find it over, or when the model doubts every line. (Where the URL
    spells a line the model chooses it as often and as rightly, on 91% of those pages: its
    time is spent where the rules fail.)"""
    if page.url_line is not None:
        return page.url_line
    if page.heading is not None:
        return page.heading
    if run[0] >= run[1]:
        return None
    at, rows = title_rows(page, probabilities, run, url, template)
    chosen = title_model.choose([page.lines[i].text for i in at], title_scorer.probabilities(rows))
    return None if chosen is None else at[chosen]


def writer_rows(page: PageLines, probabilities: np.ndarray, run: tuple[int, int], headline: int | None, url: str,
                paragraphs: Sequence[str], word_odds: Mapping[str, float],
                flat: str) -> tuple[list[writers_model.Candidate], np.ndarray]:
    """The names the writers model chooses the page's writers among, and their features
    (`word_odds`: the line model's word table for the page, `flat`: its lines joined by spaces):
    what the stage and the model's training (pipeline.eval.writers_model) both start from. A
    page joined into one line has none unless its headline was found (where the URL spells it):
    its pieces are cut at guesses, and a name read off one runs into the words around it ("Jule
    Radeck Vom", "Gloria Ruiz Kuilan Facebook Twitter": on the metadata pages so joined, 62 given
    their writers right and 52 wrong without the headline; writers_model.choose asks more of the
    model on such a page)."""
    if page.run_on and headline is None:
        return [], np.zeros((0, len(writers_model.FEATURES)))
    found = writers_model.candidates(page.texts, headline, run, word_odds)
    rules = rules_writers(page.lines, headline, url, paragraphs)
    return found, writers_model.writers_features(page.texts, found, headline, run, probabilities, " ".join(paragraphs), flat,
                                                 url, rules, word_odds, site_keys(None, url))


@dataclass(frozen=True)
class ArticleRun:
    """A text page read up to its article run: the lines (`page`), the line model's word table
    and probabilities, the run. What the stage and the title model's training start from."""

    page: PageLines
    word_odds: Mapping[str, float]
    probabilities: line_model.LineProbabilities
    run: tuple[int, int]


@dataclass(frozen=True)
class ArticleReading(ArticleRun):
    """The page read on to the title's line (`headline`, None when there is none) and the
    article's paragraphs: what the stage and the writers model's training start from."""

    headline: int | None
    paragraphs: list[str]


def read_article_run(text: str, template: Collection[str] = (), url: str = "") -> ArticleRun:
    """The page read by the shipped line model up to its article run."""
    page = read_page(text, template, url)
    lines_scorer = line_model.shipped_model(page.run_on)
    word_odds = lines_scorer.word_table(page.features, page.texts)
    probabilities = lines_scorer.probabilities(page.features, page.texts, word_odds)
    return ArticleRun(page, word_odds, probabilities, article_run(page.lines, page.reading, probabilities.first))


# At most this many lines of the article run above its headline are the page's header.
_HEADER_LINES = 2


def _goes_on(text: str) -> bool:
    """A line that goes on a sentence begun above it: in lower case, or at a comma or a stop."""
    return text[:1].islower() or text[:1] in ",.;:)"


def read_article(text: str, template: Collection[str], url: str, title_scorer: TreeEnsemble) -> ArticleReading:
    """The page read up to its article's paragraphs, the title's line found by `title_scorer`."""
    found = read_article_run(text, template, url)
    page, run = found.page, found.run
    headline = title_line(page, found.probabilities.first, run, url, template, title_scorer)
    # The headline heading the article run is no paragraph of it, nor are the one or two short
    # lines the run may start with above it (a menu's last entry, a kicker, a breadcrumb); further
    # down, a line the model took for the title may be a subheading, and stays. Not where those
    # lines or the one after the headline go on a sentence: a paragraph split at its links, the
    # "headline" one of them.
    titles = {run[0]} if headline == run[0] else set()
    if headline is not None and run[0] < headline < run[1] and headline - run[0] <= _HEADER_LINES:
        above = [page.lines[i].text for i in range(run[0], headline)]
        after = page.lines[headline + 1].text if headline + 1 < len(page.lines) else ""
        if not any(map(L.is_prose, above)) and not any(map(_goes_on, [*above, after])):
            titles = set(range(run[0], headline + 1))
    paragraphs = article_lines(page.lines, page.reading, found.probabilities.both(*run), run, titles)
    return ArticleReading(page, found.word_odds, found.probabilities, run, headline, paragraphs)


def rules_published_at(article: ArticleReading, url: str, language: str | None) -> str | None:
    """The publication day the date rules alone read (`language`: the page's declared one, for
    month names): the stage's where the days model doubts every date the page prints, or the
    page prints none it reads."""
    page, run, headline = article.page, article.run, article.headline
    lines, reading = page.lines, page.reading
    flat = " ".join(page.texts)
    if headline is not None:
        published = text_published_at(flat, _offset(lines, headline), lines[headline].text, url, language)
    else:
        # No headline found: a date printed above the article's first line is its date line;
        # one below it is as likely a teaser's. On a page joined into one line, where the
        # article starts is a guess at a piece's end and the date line is often run into its
        # first sentence: the trees' article start and a date just after it count (on the
        # metadata pages joined into one line, days right 428 -> 784 of 1,011, 90% of given days right).
        if page.run_on and run[0] < run[1]:
            start = _offset(lines, run[0])
            published = text_published_at(flat, start, None, url, language)
        else:
            first = next((i for i, kept in enumerate(reading.kept) if kept), None)
            start = None if first is None else _offset(lines, first)
            published = text_published_at(flat[:start], start, None, url, language)
    return published or date_line_day(page.texts, language)


def day_rows(article: ArticleReading, url: str, language: str | None) -> tuple[list[days_model.DayCandidate], np.ndarray]:
    """The dates the days model chooses the page's day among, and their features: what the stage
    and the model's training (pipeline.eval.days_model) both start from. A page joined into one
    line has none: the rules read its date line where the trees' article starts (rules_published_at),
    which the days trees, trained on pages with their line breaks, do worse (on the labelled pages
    so joined, days right 0.784 -> 0.776)."""
    if article.page.run_on:
        return [], np.zeros((0, len(days_model.FEATURES)))
    lang, day_first = dates_reading((language or "").lower() or None)
    texts = article.page.texts
    found = days_model.candidates(texts, article.headline, article.run, lang, day_first)
    return found, days_model.days_features(texts, found, article.headline, article.run, article.probabilities.first, url)


def clean_text_page(text: str, template: Collection[str] = (), url: str = "", language: str | None = None,
                    title_scorer: TreeEnsemble | None = None, writers_scorer: TreeEnsemble | None = None,
                    days_scorer: TreeEnsemble | None = None, fetched_at: str | None = None) -> TextArticle:
    """`language`: what the page is declared to be in (Content-Language), for month names;
    `title_scorer`, `writers_scorer`, `days_scorer`: the title, writers and days models' trees,
    the shipped ones unless the evaluation gives others; `fetched_at`: when the page was fetched,
    for a date printed as "3 hours ago", "Today, 10:30" or without its year."""
    article = read_article(text, template, url, title_scorer or title_model.shipped_model())
    page, run, headline, paragraphs = article.page, article.run, article.headline, article.paragraphs
    title = None if headline is None else page.lines[headline].text
    found_days, rows = day_rows(article, url, language)
    day = days_model.choose(found_days, (days_scorer or days_model.shipped_model()).probabilities(rows))
    published = rfc3339(day.moment) if day else rules_published_at(article, url, language)
    flat = " ".join(page.texts)
    if published is None and headline is not None and (ago := stated_relative((flat, _offset(page.lines, headline)), fetched_at, language)):
        published = rfc3339(ago)
    candidates, rows = writer_rows(page, article.probabilities.first, run, headline, url, paragraphs, article.word_odds, flat)
    writers = writers_model.choose(candidates, (writers_scorer or writers_model.shipped_model()).probabilities(rows), page.run_on)
    if not writers:
        writers = _bracketed_reporters(page.texts[run[0]:min(len(page.texts), run[1] + _CREDIT_REACH)])
    # A dateline or the writers' byline the article run starts with goes, as on an HTML page
    # (the run's start is where the trees are sure, which a date line under a deck can pass).
    body = drop_writer_lines(drop_writer_bio(drop_header_lines(paragraphs, writers), writers), writers)
    return TextArticle(title, body or paragraphs, published, writers)
