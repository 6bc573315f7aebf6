"""Text helpers shared by every app: diacritics folding for search, and control characters kept out of the data.

Control characters (C0 U+0000–U+001F, DEL, C1 U+0080–U+009F) never belong in a name or an address: a bell or a
vertical tab pasted into a sign-up form made every Excel export of that area fail (XML cannot hold them), and
they hide text from the officer reading it. They are cleaned where text comes in (forms, API, imports: one
function, `clean_text`) and once more where it goes out (exports: `strip_controls`), for data stored before.

A one-line field (a name, a title, an address) also loses the bidi controls and the zero-width characters: an
embedded right-to-left override shows "Nguyễn Văn An" reversed or hides part of a name, and a zero-width space
makes two equal names differ to a search or a duplicate check. A multi-line field (a note, a description) keeps
them, as text may need them. Which fields are multi-line: the form's text area (core.forms), and for the API and
the imports, which see only a field's name, `MULTILINE_FIELDS`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ("MULTILINE_FIELDS", "clean_text", "fold", "is_multiline", "strip_controls")

# The fields whose text may run over several lines: every TextField of the registries and every form field drawn
# as a text area (core/tests/test_control_characters.py checks both against this list), and the list fields whose
# items an import reads one a line.
MULTILINE_FIELDS = frozenset(
    {
        "description",
        "note",
        "evidence_note",
        "refusal_note",
        "restriction_reason",
        "rationale",
        "skills",
        "benefits",
        "comment",
    }
)

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
# field turns a run of them into one space. A vertical tab or form feed (Word's manual line break, pasted) is a
# space in both.
_CR = re.compile(r"\r\n?")
_SPACES = re.compile(r"[\x0b\x0c]")
_ONE_LINE_BREAKS = re.compile(r"(?:\r\n?|[\t\n\x0b\x0c])+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROLS_BUT_BREAKS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates, the LRM/RLM marks; zero-width space, joiners, word joiner and BOM.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u200b-\u200d\u2060\ufeff]")


def clean_text(text: str, *, multiline: bool = False) -> str:
    """`text` as typed, less its control characters: 'An\\x07 Bình' -> 'An Bình' (line breaks, and what else a
    one-line field loses: see above)."""
    if multiline:
        return _CONTROLS_BUT_BREAKS.sub("", _SPACES.sub(" ", _CR.sub("\n", text)))
    return _INVISIBLE.sub("", _CONTROLS.sub("", _ONE_LINE_BREAKS.sub(" ", text)))


def is_multiline(name: str) -> bool:
    """Whether the field of this name keeps line breaks (API input, import columns; forms look at the widget)."""
    return name in MULTILINE_FIELDS


def strip_controls(text: str) -> str:
    """`text` less the control characters a spreadsheet cannot hold (tab, LF and CR stay: cells may have them)."""
    return _CONTROLS.sub("", text)
