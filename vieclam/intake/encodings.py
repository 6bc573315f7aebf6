"""Uploaded text and cells to Unicode (NFC) Vietnamese, from the encodings communes' files went through.

A file's bytes (`decode_bytes`): UTF-8 (with or without BOM) or UTF-16 (with BOM) when they read as such; else a
single-byte file is read every legacy way (Windows-1258, TCVN3, VNI) and the reading with the most well-formed
Vietnamese syllables wins (syllables.py). A cell (`fix_cell`) or a column (`fix_column`): a workbook may be Unicode
as a whole with a column typed in a .VnTime (TCVN3) or VNI-Windows font, which Excel stores as the font's bytes read
as Windows-1252 ("NguyÔn", "Nguyeãn"). Text is converted only when a legacy reading is clearly better: correct
Unicode Vietnamese, English words and numbers are never touched.

The TCVN3 and VNI tables are data (data/tcvn3.csv, data/vni.csv; sources in data/SOURCES.md).

    >>> fix_cell("NguyÔn V¨n An")
    ('Nguyễn Văn An', 'tcvn3')
    >>> fix_cell("Nguyeãn Vaên An")
    ('Nguyễn Văn An', 'vni')
    >>> fix_cell("Nguyễn Văn An")
    ('Nguyễn Văn An', None)
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vieclam.intake.syllables import Score, good_tokens, score

__all__ = ("Decoded", "decode_bytes", "fix_cell", "fix_column", "from_tcvn3", "from_vni")

DATA = Path(__file__).parent / "data"
UTF8 = "utf-8"
UTF16 = "utf-16"
CP1258 = "cp1258"
TCVN3 = "tcvn3"
VNI = "vni"
LEGACY = (TCVN3, VNI)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


#
# The tables
#
@lru_cache(maxsize=1)
def _tcvn3() -> dict[int, str]:
    """Code point of the byte read as Latin-1 -> the Vietnamese letter (VN3 uses only A1–FE, where Latin-1 and
    Windows-1252 agree)."""
    with open(DATA / "tcvn3.csv", encoding="utf-8", newline="") as file:
        return {int(row["byte"], 16): row["unicode"] for row in csv.DictReader(file)}


@lru_cache(maxsize=1)
def _vni() -> tuple[re.Pattern[str], dict[str, str]]:
    with open(DATA / "vni.csv", encoding="utf-8", newline="") as file:
        table = {row["vni"]: row["unicode"] for row in csv.DictReader(file)}
    # Two-character sequences before the one-character forms, so "oâ" (ô) is not read as "o" + "â".
    pattern = re.compile("|".join(re.escape(key) for key in sorted(table, key=len, reverse=True)))
    return pattern, table


def from_tcvn3(text: str) -> str:
    """TCVN3 bytes read as Latin-1/Windows-1252 -> Unicode. A word typed in an all-capitals font (.VnTimeH) holds
    the lower-case codes of its toned letters: 'NGUYÔN' reads 'NGUYễN' and is upper-cased to 'NGUYỄN'."""
    converted = _CAPS_WORD.sub(_upper_if_caps, text.translate(_tcvn3()))
    return _title_case(converted)


def _title_case(text: str) -> str:
    """A name whose other words are capitalised gets its toned first letter capitalised too: VN3 has no 'Ấ', so
    'Xã Thượng Ấm' typed with a .VnTimeH capital arrives as 'Xã Thượng ấm'. Text with a lower-case plain word
    ('Thị trấn ái Tử', a sentence) is left as it is."""
    initials = [word[0] for word in text.split(" ") if word and word[0].isalpha()]
    if len(initials) < 2 or any(ch.isascii() and ch.islower() for ch in initials):
        return text
    if not any(ch.isupper() for ch in initials):
        return text
    return " ".join(word[:1].upper() + word[1:] if word[:1].islower() else word for word in text.split(" "))


_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")


def _upper_if_caps(match: re.Match[str]) -> str:
    word = match.group()
    ascii_letters = [ch for ch in word if ch.isascii()]
    # Two capitals at least: 'Hµ' is 'Hà' in .VnTime as well as 'HÀ' in .VnTimeH, and stays 'Hà'.
    if len(ascii_letters) >= 2 and all(ch.isupper() for ch in ascii_letters) and any(ch.islower() for ch in word):
        return word.upper()
    return word


def from_vni(text: str) -> str:
    """VNI-Windows bytes read as Windows-1252 -> Unicode: 'Vieät Nam' -> 'Việt Nam'."""
    pattern, table = _vni()
    return pattern.sub(lambda match: table[match.group()], text)


_CONVERTERS = {TCVN3: from_tcvn3, VNI: from_vni}


#
# Cells and columns
#
def _better(candidate: Score, original: Score, spoiled: int | None) -> bool:
    """A legacy reading is taken only when the text is clearly broken as it stands (a third of its Vietnamese-looking
    words at least: correct text has none, a foreign or minority name or two at most) and the reading mends
    (nearly) all of them. A lone cell must also give two words at least, and not lose more well-formed words than
    it mends (`spoiled`): 'Xã Ia Púch' stays, though TCVN3 would read 'Xó Ia Pỳch', all well-formed."""
    broken = original.bad > 0 and original.bad * 3 >= original.good + original.bad
    mends = candidate.bad == 0 or candidate.bad * 5 <= original.bad
    kept = spoiled is None or (spoiled < original.bad and candidate.good >= 2)
    return broken and mends and kept and candidate.good > original.good


def _spoiled(texts: list[str], convert) -> int:
    """How many words that already read as Vietnamese the conversion would change."""
    return sum(1 for text in texts for word in good_tokens(text) if convert(word) != word)


def _best_legacy(texts: list[str], *, lone: bool) -> tuple[str | None, list[str]]:
    original = score("\n".join(texts))
    if original.bad == 0:
        return None, texts
    best: tuple[str | None, list[str], Score] = (None, texts, original)
    for name in LEGACY:
        convert = _CONVERTERS[name]
        converted = [convert(text) for text in texts]
        candidate = score("\n".join(converted))
        spoiled = _spoiled(texts, convert) if lone else None
        if _better(candidate, original, spoiled) and (
            best[0] is None or (candidate.bad, -candidate.good) < (best[2].bad, -best[2].good)
        ):
            best = (name, converted, candidate)
    return best[0], best[1]


def fix_cell(text: str) -> tuple[str, str | None]:
    """The cell in Unicode NFC and the legacy encoding it was converted from (None: left as it was)."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return text, None
    encoding, (fixed,) = _best_legacy([text], lone=True)
    return fixed, encoding


def fix_column(cells: Iterable[object]) -> tuple[list[object], str | None]:
    """A column's cells, converted together when the column as a whole is clearly TCVN3 or VNI (one short cell
    such as 'Hµ' decides little; a column of names does). Cells that are not text are returned untouched; a cell
    that is plain ASCII reads the same either way."""
    cells = [unicodedata.normalize("NFC", c) if isinstance(c, str) else c for c in cells]
    legacy = [index for index, c in enumerate(cells) if isinstance(c, str) and not c.isascii()]
    if not legacy:
        return cells, None
    encoding, converted = _best_legacy([str(cells[index]) for index in legacy], lone=False)
    for index, text in zip(legacy, converted, strict=True):
        cells[index] = text
    return cells, encoding


#
# Whole files
#
def decode_bytes(data: bytes) -> Decoded:
    """The text of an uploaded file and the encoding it was read in ('utf-8', 'utf-16', 'cp1258', 'tcvn3', 'vni').

    Raises UnicodeDecodeError when a byte-order mark (or the zero bytes of UTF-16 without one) promises a Unicode
    encoding the bytes then break."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_nfc(data[len(codecs.BOM_UTF8) :].decode(UTF8)), UTF8)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_nfc(data.decode(UTF16)), UTF16)
    if utf16 := _utf16_without_bom(data):
        return Decoded(_nfc(data.decode(utf16)), UTF16)
    try:
        return Decoded(_nfc(data.decode(UTF8)), UTF8)
    except UnicodeDecodeError:
        pass
    readings = {
        CP1258: _nfc(data.decode(CP1258, errors="replace")),
        TCVN3: from_tcvn3(data.decode("latin-1")),
        VNI: from_vni(data.decode("cp1252", errors="replace")),
    }
    scores = {name: score(text) for name, text in readings.items()}
    # Fewest broken words first, then most syllables; on a tie the order above (Windows-1258 is the
    # standard of the three) decides.
    name = min(readings, key=lambda name: (scores[name].bad, -scores[name].good))
    return Decoded(readings[name], name)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when zero bytes fill one side of most pairs (ASCII text in UTF-16); a text
    encoding of the others has no zero bytes at all."""
    sample = data[:4096]
    if len(sample) < 4 or sample.count(0) * 3 < len(sample):
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    return "utf-16-le" if odd > even else "utf-16-be"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
