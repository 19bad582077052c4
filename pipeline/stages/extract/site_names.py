"""How a site names itself, to tell the site apart from a headline or an author."""

from __future__ import annotations

import re

from pipeline.stages.urls import registrable_domain
from pipeline.stages.words import DENSE_CHARACTERS

# What stands between a headline and the site or section in <title>/og:title: "A | Site", "Site - A";
# Chinese and Japanese titles set it without spaces, a full-width bar or an underscore too
# ("标题_新浪新闻", "标题｜新华网", "标题-新华网").
SEPARATOR_MARKS = "|-–—·»›•:/｜丨"
# After an ideograph, kana, hangul or a full-width punctuation mark ("城！-新华网").
_WIDE = f"{DENSE_CHARACTERS}\u3000-\u303f\uff00-\uffef"
SEPARATOR = re.compile(
    rf"\s(?:[{re.escape(SEPARATOR_MARKS)}]|::)\s|(?<=[{_WIDE}])(?:[_｜丨|]|[-—]{{1,2}})(?=[^\s\d])")
_DOMAIN = re.compile(r"\b([\w-]+)\.[a-z]{2,6}\b")


def key(text: str) -> str:
    """Letters and digits only, lower case: 'INTERIA.PL' and 'Interia PL' compare equal."""
    return "".join(filter(str.isalnum, text.lower()))


def site_keys(site_name: str | None, url: str) -> set[str]:
    """Its site name, its domain ("interia.pl") and its domain's label ("interia")."""
    domain = registrable_domain(url) if url else ""
    keys = {key(site_name or ""), key(domain), key(domain.split(".")[0])}
    return {k for k in keys if len(k) >= 3}


# A Chinese, Japanese or Korean site names itself as what it is: a "net" (新华网, 人民網), news
# (新浪新闻, NHKニュース, 연합뉴스), a daily (人民日报, 조선일보), a paper (日本経済新聞), an encyclopedia
# (百度百科): short, and ending so, a title's last part is the site whatever its domain says
# (not the internet or a power grid: "互联网", "电网").
_CJK_SITE = re.compile(
    r"[^\s\d_|｜丨-]{1,10}(?:(?<![联聯电電])[网網]|新闻|新聞|日报|日報|晚报|晚報|时报|時報|百科|频道|頻道|ニュース|デジタル|뉴스|일보|신문|닷컴)")


def names_site(part: str, keys: set[str]) -> bool:
    """'Rheinblatt', 'Menway w INTERIA.PL', 'La Stampa' (lastampa.it) name the site."""
    k = key(part)
    return bool(k) and any(k == site or (len(site) >= 6 and site in k) for site in keys)


def is_cjk_site_name(part: str) -> bool:
    """'新华网', 'NHKニュース', '연합뉴스': as a title's last part, the site. (Not as its first: a
    headline's first part may end in "互联网", the internet.)"""
    return bool(_CJK_SITE.fullmatch(part.strip()))


def stated_site_names(site_name: str) -> list[str]:
    """What an og:site_name written as a title names: its last part ("Achtsam durch die Krise |
    Die FURCHE") and the labels of the domains in it ("Fischerhütte | hejfish.com": "hejfish")."""
    parts = SEPARATOR.split(site_name)
    domains = [match.group(1) for match in _DOMAIN.finditer(site_name.lower())]
    return parts[-1:] + domains if len(parts) > 1 else domains
