"""Text helpers shared by every app: diacritics folding for search, and control characters kept out of the data.

Control characters (C0 U+0000–U+001F, DEL, C1 U+0080–U+009F) never belong in a name or an address: a bell or a
vertical tab pasted into a sign-up form made every Excel export of that area fail (XML cannot hold them), and
they hide text from the officer reading it. They are cleaned where text comes in (forms, API, imports: one
function, `clean_text`) and once more where it goes out (exports: `strip_controls`), for data stored before.
Format characters such as the right-to-left mark are text (Unicode Cf), not controls: they are kept.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ("clean_text", "fold", "strip_controls")

# đ/Đ are letters of their own in Unicode, not d + a combining mark, so NFD does not split them.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str | None) -> str:
    """Lower-case, strip Vietnamese diacritics and collapse spaces: 'Phường Phúc Xá' -> 'phuong phuc xa'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


# What a line break or a tab becomes: a multi-line field keeps \n and \t (a CR or CR LF becomes \n); a one-line
# field turns them into a space. A vertical tab or form feed (Word's manual line break, pasted) is a space in both.
_CR = re.compile(r"\r\n?")
_SPACES = re.compile(r"[\x0b\x0c]")
_ONE_LINE_BREAKS = re.compile(r"\r\n?|[\t\n\x0b\x0c]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROLS_BUT_BREAKS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str, *, multiline: bool = False) -> str:
    """`text` as typed, less its control characters: 'An\\x07 Bình' -> 'An Bình' (line breaks: see above)."""
    if multiline:
        return _CONTROLS_BUT_BREAKS.sub("", _SPACES.sub(" ", _CR.sub("\n", text)))
    return _CONTROLS.sub("", _ONE_LINE_BREAKS.sub(" ", text))


def strip_controls(text: str) -> str:
    """`text` less the control characters a spreadsheet cannot hold (tab, LF and CR stay: cells may have them)."""
    return _CONTROLS.sub("", text)
