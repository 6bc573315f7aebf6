"""Text helpers shared by every app: diacritics folding for search."""

from __future__ import annotations

import unicodedata

# đ/Đ are letters of their own in Unicode, not d + a combining mark, so NFD does not split them.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str | None) -> str:
    """Lower-case, strip Vietnamese diacritics and collapse spaces: 'Phường Phúc Xá' -> 'phuong phuc xa'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())
