"""How a site names itself, to tell the site apart from a headline or an author."""

from __future__ import annotations

import re

from pipeline.stages.urls import registrable_domain
from pipeline.stages.words import DENSE_CHARACTERS

# What stands between a headline and the site or section in <title>/og:title: "A | Site", "Site - A";
# Chinese and Japanese titles set it without spaces, a full-width bar or an underscore too
# ("标题_新浪新闻", "标题｜新华网", "标题-新华网").
SEPARATOR_MARKS = "|-–—·»›•:/｜丨"
SEPARATOR = re.compile(
    rf"\s(?:[{re.escape(SEPARATOR_MARKS)}]|::)\s|(?<=[{DENSE_CHARACTERS}])(?:[_｜丨|]|[-—]{{1,2}})(?=[^\s\d])")
_DOMAIN = re.compile(r"\b([\w-]+)\.[a-z]{2,6}\b")


def key(text: str) -> str:
    """Letters and digits only, lower case: 'INTERIA.PL' and 'Interia PL' compare equal."""
    return "".join(filter(str.isalnum, text.lower()))


def site_keys(site_name: str | None, url: str) -> set[str]:
    """Its site name, its domain ("interia.pl") and its domain's label ("interia")."""
    domain = registrable_domain(url) if url else ""
    keys = {key(site_name or ""), key(domain), key(domain.split(".")[0])}
    return {k for k in keys if len(k) >= 3}


def names_site(part: str, keys: set[str]) -> bool:
    """'Rheinblatt', 'Menway w INTERIA.PL', 'La Stampa' (lastampa.it) name the site."""
    k = key(part)
    return bool(k) and any(k == site or (len(site) >= 6 and site in k) for site in keys)


def stated_site_names(site_name: str) -> list[str]:
    """What an og:site_name written as a title names: its last part ("Achtsam durch die Krise |
    Die FURCHE") and the labels of the domains in it ("Fischerhütte | hejfish.com": "hejfish")."""
    parts = SEPARATOR.split(site_name)
    domains = [match.group(1) for match in _DOMAIN.finditer(site_name.lower())]
    return parts[-1:] + domains if len(parts) > 1 else domains
