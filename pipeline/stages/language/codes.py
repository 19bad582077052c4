"""Language codes as the pipeline publishes them: ISO 639-1 where one exists, else ISO 639-3.

Detectors and pages spell languages in many ways (zh-cn, nb_NO, iw, ary, "de-DE, en");
everything is folded here so that a consumer routing on `language` sees one code per language.
"""

from __future__ import annotations

import re

UNDETERMINED = "und"

# Labels of the detectors and legacy/regional codes that have a better published code.
# Dialects and historical stages fold into the language a news consumer would file them under.
_ALIASES = {
    "zh-cn": "zh", "zh-tw": "zh", "zh-hans": "zh", "zh-hant": "zh", "yue": "zh", "wuu": "zh",
    "nb": "no", "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "sh": "sr",
    "ary": "ar", "arz": "ar", "hbo": "he", "grc": "el", "uzs": "uz", "ltg": "lv", "sdh": "ku",
    "gug": "gn", "fil": "tl", "zxx": UNDETERMINED,
}
# Three-letter codes that have a two-letter equivalent, for hints written in ISO 639-2/3.
_THREE_TO_TWO = {
    "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it",
    "por": "pt", "nld": "nl", "dut": "nl", "rus": "ru", "pol": "pl", "zho": "zh", "chi": "zh",
    "jpn": "ja", "kor": "ko", "ara": "ar", "tur": "tr", "swe": "sv", "dan": "da", "nor": "no",
    "nob": "no", "nno": "nn", "fin": "fi", "isl": "is", "ice": "is", "zul": "zu", "xho": "xh",
    "swa": "sw", "ukr": "uk", "ces": "cs", "cze": "cs", "ell": "el", "gre": "el", "heb": "he",
    "hin": "hi", "hun": "hu", "ron": "ro", "rum": "ro", "vie": "vi", "ind": "id", "cat": "ca",
}
_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8})*")


def normalise(code: str) -> str:
    """The published code for a detector label or a BCP 47-ish tag ('zh-CN' -> 'zh', 'nb_NO' -> 'no')."""
    tag = code.strip().lower().replace("_", "-")
    if tag in _ALIASES:
        return _ALIASES[tag]
    primary = tag.split("-", 1)[0]
    primary = _THREE_TO_TWO.get(primary, primary)
    return _ALIASES.get(primary, primary)


def hint_codes(value: str | None) -> set[str]:
    """Languages a page declares in one hint; Content-Language may list several ('de, en')."""
    if not value:
        return set()
    codes = set()
    for part in re.split(r"[,;\s]+", value.strip().lower().replace("_", "-")):
        if _TAG.fullmatch(part):
            code = normalise(part)
            if code != UNDETERMINED:
                codes.add(code)
    return codes
