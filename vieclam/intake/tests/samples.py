"""Vietnamese sample text and its legacy encodings, for the tests."""

from __future__ import annotations

import unicodedata

from vieclam.intake.syllables import TONES

SENTENCE = "Nguyễn Thị Hồng, xã Ngọc Hồi, huyện Thanh Trì: trình độ chuyên môn kỹ thuật Đại học, đang tìm việc làm"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Windows writes it: letters with ă â ê ô ơ ư đ precomposed, tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


def to_tcvn3(text: str) -> bytes:
    """`text` in TCVN3 bytes, from data/tcvn3.csv (upper-case toned letters as an all-capitals font stores them:
    the lower-case code)."""
    table = {row_char: byte for byte, row_char in _rows("tcvn3.csv", "byte", "unicode")}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch.isascii():
            out += ch.encode()
        else:
            out.append(int(table.get(ch) or table[ch.lower()], 16))
    return bytes(out)


def to_vni(text: str) -> bytes:
    """`text` in VNI-Windows bytes, from data/vni.csv."""
    table = dict(_rows("vni.csv", "unicode", "vni"))
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252")


def _rows(name: str, key: str, value: str) -> list[tuple[str, str]]:
    import csv

    from vieclam.intake.encodings import DATA

    with open(DATA / name, encoding="utf-8", newline="") as file:
        return [(row[key], row[value]) for row in csv.DictReader(file)]
