"""How a site names itself, to tell the site apart from a headline or an author."""

from __future__ import annotations

from pipeline.stages.urls import registrable_domain


def key(text: str) -> str:
    """Letters and digits only, lower case: 'INTERIA.PL' and 'Interia PL' compare equal."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def site_keys(site_name: str | None, url: str) -> set[str]:
    """Its site name, its domain ("interia.pl") and its domain's label ("interia")."""
    domain = registrable_domain(url) if url else ""
    keys = {key(site_name or ""), key(domain), key(domain.split(".")[0])}
    return {k for k in keys if len(k) >= 3}


def names_site(part: str, keys: set[str]) -> bool:
    """'Rheinblatt', 'Menway w INTERIA.PL', 'La Stampa' (lastampa.it) name the site."""
    k = key(part)
    return bool(k) and any(k == site or (len(site) >= 6 and site in k) for site in keys)
