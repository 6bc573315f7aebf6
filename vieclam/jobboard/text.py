"""Pure text helpers of the job search: words, documents and cheap spelling variants (no database)."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable

from vieclam.core.text import fold

__all__ = ("MAX_WORD", "document", "edits1", "telex_variants", "words")

MAX_WORD = 60  # longer "words" are noise (pasted URLs); JobWord.word has this length
_WORD = re.compile(r"[a-z0-9]+")
_LETTERS = string.ascii_lowercase + string.digits
# Telex typed without an input method leaves its keys in the word: "toans" for "toán", "ddien" for "điện",
# "luwong" for "lương". These rewrites undo the common ones.
_TELEX_TONE = re.compile(r"(?<=[a-z])[sfrxj]$")
_TELEX_PAIRS = (("dd", "d"), ("aa", "a"), ("ee", "e"), ("oo", "o"), ("aw", "a"), ("ow", "o"), ("uw", "u"), ("w", "u"))


def words(text: str | None) -> list[str]:
    """The folded words of a text, in order: 'Kế toán (MISA)' → ['ke', 'toan', 'misa']."""
    return list(_words(text or ""))


@functools.lru_cache(maxsize=65_536)
def _words(text: str) -> tuple[str, ...]:
    # Cached: a reindex folds the same employer, occupation and place names thousands of times.
    return tuple(w[:MAX_WORD] for w in _WORD.findall(fold(text)))


def document(parts: Iterable[str | None]) -> str:
    """Folded words of all parts, each once, in order, with a space before each and one at the end.

    The leading space lets `LIKE '% toan%'` match 'toan' at the start of any word, including the first.
    """
    seen: dict[str, None] = {}
    for part in parts:
        for word in _words(part or ""):
            seen.setdefault(word, None)
    return " " + " ".join(seen) + " " if seen else " "


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away (Norvig's spelling corrector)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | transposes | replaces | inserts) - {word, ""}


def telex_variants(word: str) -> list[str]:
    """The word with leftover Telex keys removed ('kees' → 'ke', 'ddieenj' → 'dien'), most likely first."""
    out: list[str] = []
    stripped = _TELEX_TONE.sub("", word)
    for candidate in (stripped, word):
        for old, new in _TELEX_PAIRS:
            candidate = candidate.replace(old, new)
        for variant in (candidate, stripped):
            if variant and variant != word and variant not in out:
                out.append(variant)
    return out
