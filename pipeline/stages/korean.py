"""Korean nouns without the particles written onto them, for keywords and story terms.

Korean separates words by spaces but writes case particles onto the noun: "서울에서" (in Seoul),
"서울은" (Seoul, as topic) and "서울의" (of Seoul) are one noun to a reader and three words to a
regular expression. wordfreq's Korean list holds the bare nouns, which settles most cuts.
"""

from __future__ import annotations

import re

_HANGUL = re.compile("[\uac00-\ud7af]")
# The longest first.
_PARTICLES = ("에서는", "으로는", "에게서", "에서", "으로", "에게", "까지", "부터", "에는", "와의", "과의", "이라는", "라는",
              "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만")
_PREDICATE_ENDINGS = ("다", "고", "며", "면서", "는데", "지만", "어", "아", "해", "했", "된", "한", "할", "하는", "되는", "있는")


def noun_or_nothing(word: str, listed: dict[str, float]) -> str:
    """`word` without the particle written onto it ("서울에서" -> "서울", "집중호우로" -> "집중호우");
    a word the list (`listed`) holds is left whole ("도로" ends in the particle "로"), so is a number.
    A predicate ("발령했다", "설치하고", "넘는") or a count with its unit ("12일", "50mm가") comes
    back empty."""
    if word.isdigit():
        return word
    if word[:1].isdigit():
        return ""
    if word in listed or not _HANGUL.match(word):
        return word
    for particle in _PARTICLES:
        stem = word[:-len(particle)]
        if word.endswith(particle) and stem and (stem in listed or len(stem) >= 2 and (len(particle) > 1 or len(stem) >= 3)):
            return stem
    # "넘는", "오른": one syllable of a verb and its ending.
    short_verb = len(word) == 2 and word.endswith(("는", "은", "던"))
    return "" if short_verb or word.endswith(_PREDICATE_ENDINGS) else word
