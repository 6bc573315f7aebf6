"""How Vietnamese a text looks: its words counted as well-formed Vietnamese syllables or not.

Used to choose between the readings of legacy-encoded text: the right one gives real syllables ("Nguyễn"), a wrong
one gives letters no syllable has ("NguyÔn", "Nguyeãn"). Only words with a letter outside ASCII count: plain ASCII
words (English, numbers, "Nam") read the same in every encoding and decide nothing.

    >>> score("Nguyễn Văn An"), score("NguyÔn V¨n An")
    (Score(good=2, bad=0), Score(good=0, bad=2))
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = ("Score", "good_tokens", "is_syllable", "score")

# The five tone marks, as NFD combining characters (the sixth tone has none).
TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")

_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
# Vowel groups that may take a final consonant, and those closed by a glide (ai, ươu, uyu…) that may not;
# longest first so the regex tries them first.
_OPEN = "a ă â e ê i o ô ơ u ư y iê oa oă oe oo uâ uê uô uơ ươ uy uyê yê"
_CLOSED = "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu ya iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyu"
_PALATAL = "a ê i y oa uê uy"  # the only groups before -ch and -nh (sách, lệnh, tính, hoạch, huỳnh)
_CODA = "ng|c|m|n|p|t"


def _alternatives(groups: str) -> str:
    return "|".join(sorted(groups.split(), key=len, reverse=True))


_SYLLABLE = re.compile(
    f"(?:{_ONSET})?(?:(?P<closed>{_alternatives(_CLOSED)})|(?:{_alternatives(_PALATAL)})(?:ch|nh)"
    f"|(?:{_alternatives(_OPEN)})(?:{_CODA})?)"
)


class Score(NamedTuple):
    good: int  # words with a Vietnamese letter that are well-formed syllables
    bad: int  # words with a letter outside ASCII that are not


def is_syllable(word: str) -> bool:
    """'Nguyễn', 'NGƯỜI', 'quyết' -> True; 'NguyÔn', 'Nguyeãn', 'Xaõ' -> False: one tone at most, a rhyme Vietnamese
    has, and never the tone on the glide that closes 'ao', 'ai', 'ươi'…"""
    decomposed = unicodedata.normalize("NFD", word.lower())
    # Which letter carries each tone: the letters before it, less one (marks such as the horn are not letters).
    tones = [len([c for c in decomposed[:i] if not unicodedata.combining(c)]) - 1 for i, ch in enumerate(decomposed)]
    tones = [letter for letter, ch in zip(tones, decomposed, strict=True) if ch in TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))
    match = _SYLLABLE.fullmatch(bare)
    if match is None:
        return False
    closed = match.group("closed")
    return not (tones and closed and len(closed) > 1 and tones[0] == len(bare) - 1)


def score(text: str) -> Score:
    """Tokens (runs between spaces) counted: good when their letters outside ASCII form syllables, bad when not or
    when a mark or symbol stands among letters ('Hµ', 'V¨n', 'Ph­êng'). A token without letters ('¹', '©', '–')
    counts for nothing: correct text has them too."""
    verdicts = [_verdict(token) for token in unicodedata.normalize("NFC", text).split()]
    return Score(verdicts.count(1), verdicts.count(-1))


def _verdict(token: str) -> int:
    """1 good, -1 bad, 0 neither (ASCII, or no letter)."""
    if token.isascii() or not any(ch.isalpha() for ch in token):
        return 0
    words = _words(token)
    if any(not ch.isascii() and not ch.isalpha() for ch in token):
        return -1
    if any(not w.isascii() and not is_syllable(w) for w in words):
        return -1
    return 1 if any(not w.isascii() for w in words) else 0


def good_tokens(text: str) -> list[str]:
    """The tokens of `text` that `score` counts as good."""
    return [token for token in unicodedata.normalize("NFC", text).split() if _verdict(token) == 1]


def _words(text: str) -> list[str]:
    """Runs of letters ('¹', '½' and marks are not letters, unlike for the regex \\w)."""
    return "".join(ch if ch.isalpha() else " " for ch in unicodedata.normalize("NFC", text)).split()
