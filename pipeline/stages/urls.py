"""URL identity: the canonical URL we publish, the key that equates URL variants, the article id.

Three different strengths on purpose:
- `canonical_url` is a real, fetchable URL (the page's own rel=canonical / og:url when it
  is plausible, else the URL without tracking parameters and fragment);
- `url_key` folds the variants scrapers meet for one article (http/https, www./m./amp.
  hosts, AMP paths, trailing slashes, parameter order) and is only used for identity;
- `article_id` hashes the url_key, so a re-sent or replayed page gets the same id.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import tldextract

# Parameters that identify a campaign, a click or a session, never the article.
_TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "hsctatracking", "mkt_tok",
        "ref", "ref_src", "ref_url", "referrer", "src", "cmpid", "cmp", "ocid", "ncid", "icid",
        "sr_share", "share", "smid", "smtyp", "spm", "soc_src", "soc_trk", "ito", "xtor",
        "at_medium", "at_campaign", "ns_source", "ns_mchannel", "ns_campaign", "ns_linkname",
        "ns_fee", "amp", "outputtype", "__twitter_impression", "s_cid", "cid", "rss", "feed",
        "partner", "via", "ftag", "taid", "guccounter", "guce_referrer", "guce_referrer_sig",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "matomo_", "hmb_", "oly_", "vero_", "__s")
_VARIANT_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.", "www2.")
_AMP_PATH = re.compile(r"(/amp/?$|/amp(?=/)|\.amp(?=\.html?$|$)|/amp\.html?$)", re.IGNORECASE)
_DEFAULT_PORTS = {"http": "80", "https": "443"}

_domains = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def is_absolute_http(parts: SplitResult) -> bool:
    """Whether a split URL is an absolute http(s) URL with a host, and a port, if it names one, that
    is a number a server can listen on ("example.com:{{port}}", ":99999" are none: urllib raises on
    them when asked)."""
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    try:
        parts.port
    except ValueError:
        return False
    return True


def strip_tracking(url: str) -> str:
    """The URL without fragment, tracking parameters, default port, with lower-case scheme/host.
    A port in `url` must be a number (is_absolute_http tells)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # an IPv6 address: its brackets keep it apart from the port
        host = f"[{host}]"
    if parts.port is not None and str(parts.port) != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def _plausible_canonical(page_url: str, declared: str) -> bool:
    """Reject the rel=canonical mistakes that would merge a whole site into one article."""
    page, canon = urlsplit(page_url), urlsplit(declared)
    if not is_absolute_http(canon):
        return False
    page_path = page.path.strip("/")
    canon_path = canon.path.strip("/")
    if page_path and not canon_path and not canon.query:
        return False
    return True


def canonical_url(url: str, page_canonical_url: str | None = None) -> str:
    """The URL to publish for an article: the page's own canonical when plausible."""
    if page_canonical_url:
        declared = urljoin(url, page_canonical_url.strip())
        if _plausible_canonical(url, declared):
            return strip_tracking(declared)
    return strip_tracking(url)


def url_key(url: str) -> str:
    """Identity of the article behind a URL, folding scheme, host and AMP variants."""
    parts = urlsplit(strip_tracking(url))
    host = parts.netloc
    for prefix in _VARIANT_HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
            break
    path = _AMP_PATH.sub("", parts.path).rstrip("/") or "/"
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return urlunsplit(("", host, path, query, "")).lstrip("/")


def article_id(canonical: str) -> str:
    """Deterministic article id: the same page re-sent, replayed or re-tagged gets the same id."""
    return hashlib.blake2b(url_key(canonical).encode("utf-8"), digest_size=16).hexdigest()


@lru_cache(maxsize=65536)
def registrable_domain(url: str) -> str:
    """The domain a publisher registered (news.bbc.co.uk -> bbc.co.uk), from the bundled suffix list."""
    host = (urlsplit(url).hostname or "").lower()
    parts = _domains.extract_str(host)
    if parts.suffix and parts.domain:
        return f"{parts.domain}.{parts.suffix}"
    return host
