"""Uploaded bytes and cells to Unicode: a sample of each encoding, and correct text left alone."""

from __future__ import annotations

import codecs
import shutil
import subprocess
import unicodedata

import pytest

from vieclam.intake.encodings import decode_bytes, fix_cell, fix_column, from_tcvn3, from_vni
from vieclam.intake.tests.samples import SENTENCE, to_cp1258, to_tcvn3, to_vni

NAMES = ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Phúc", "Phạm Thị Thu Hường", "Đỗ Thị Huế"]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8"),
        (SENTENCE.encode("utf-16"), "utf-16"),  # Python writes the BOM
        (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16"),
        (SENTENCE.encode("utf-16-le"), "utf-16"),  # no BOM: the zero bytes tell
        (SENTENCE.encode("utf-16-be"), "utf-16"),
        (to_cp1258(SENTENCE), "cp1258"),
        (to_tcvn3(SENTENCE), "tcvn3"),
        (to_vni(SENTENCE), "vni"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf16-le", "utf16-be", "cp1258", "tcvn3", "vni"],
)
def test_a_file_in_each_encoding_is_read_as_nfc_vietnamese(data, encoding):
    decoded = decode_bytes(data)

    assert decoded.encoding == encoding
    assert decoded.text == SENTENCE
    assert unicodedata.is_normalized("NFC", decoded.text)


def test_windows_1258_tone_marks_are_composed():
    raw = to_cp1258("Việt")

    assert raw == b"Vi\xea\xf2t"  # ê, then the combining dot below (0xF2 in cp1258), as Windows writes it
    assert decode_bytes(raw).text == "Việt"


# Byte sequences known apart from data/*.csv: the classic mojibake of "Việt Nam" and "Hà Nội" in .VnTime fonts
# (TCVN 5712:1993 VN3: ệ = D6, à = B5, ộ = E9) and in VNI-Windows fonts (ệ = "e" + "ä", ộ = "o" + "ä").
@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"Vi\xd6t Nam", "Việt Nam"),
        (b"H\xb5 N\xe9i", "Hà Nội"),
        (b"\xa7\xb8nh gi\xb8", "Đánh giá"),
        (b"Ng\xad\xeai lao \xae\xe9ng", "Người lao động"),
    ],
)
def test_tcvn3_bytes_from_the_published_table(raw, text):
    assert from_tcvn3(raw.decode("latin-1")) == text
    assert to_tcvn3(text) == raw


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"Vie\xe4t Nam", "Việt Nam"),
        (b"Ha\xf8 No\xe4i", "Hà Nội"),
        (b"\xd1a\xefi ho\xefc", "Đại học"),
        (b"Ng\xf6\xf4\xf8i lao \xf1o\xe4ng", "Người lao động"),
    ],
)
def test_vni_bytes_from_the_published_table(raw, text):
    assert from_vni(raw.decode("cp1252")) == text
    assert to_vni(text) == raw


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv is not installed")
def test_tcvn3_table_agrees_with_the_c_library_for_every_lower_case_letter():
    letters = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ"
    raw = to_tcvn3(letters)
    by_libc = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=raw, capture_output=True, check=True)

    assert by_libc.stdout.decode() == letters


def test_an_all_capitals_tcvn3_word_keeps_its_capitals():
    # .VnTimeH draws the lower-case codes as capitals: "NGUYỄN" is stored with the code of "ễ".
    assert fix_cell("NGUY\xd4N V\xa1N AN") == ("NGUYỄN VĂN AN", "tcvn3")


@pytest.mark.parametrize("name", NAMES)
def test_a_legacy_cell_is_converted_and_named(name):
    assert fix_cell(to_tcvn3(name).decode("latin-1")) == (name, "tcvn3")
    assert fix_cell(to_vni(name).decode("cp1252")) == (name, "vni")


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Văn An",
        "Thành phố Hồ Chí Minh",
        "Chủ cơ sở sản xuất kinh doanh",
        "Software engineer",
        "Café latte",
        "Müller GmbH",
        "012345678901",
        "3/4/1990",
        "1.234,5",
        "",
        "Ông",
        "Ô tô",
        "Xã Ia Púch",
        "Ia Púch",
        "Chí Minh ¹",
        "Hà Nội – 2024 ©",
    ],
)
def test_correct_unicode_english_and_numbers_are_left_alone(text):
    assert fix_cell(text) == (text, None)


def test_decomposed_unicode_is_composed_but_not_called_legacy():
    assert fix_cell(unicodedata.normalize("NFD", "Nguyễn Văn An")) == ("Nguyễn Văn An", None)


def test_a_utf8_workbook_with_one_tcvn3_column_has_only_that_column_fixed():
    rows = [
        ["Nguyễn Văn An", to_tcvn3("Hà Nội").decode("latin-1"), "Software engineer", 1990, "012345678901"],
        ["Trần Thị Bích Ngọc", to_tcvn3("Thanh Trì").decode("latin-1"), "Kế toán", 1985, "001085000123"],
        ["Lê Hoàng Phúc", to_tcvn3("Ngọc Hồi").decode("latin-1"), "IT", 2001, None],
    ]
    columns = list(zip(*rows, strict=True))

    fixed = [fix_column(column) for column in columns]

    assert [encoding for _cells, encoding in fixed] == [None, "tcvn3", None, None, None]
    assert fixed[1][0] == ["Hà Nội", "Thanh Trì", "Ngọc Hồi"]
    for index in (0, 2, 3, 4):
        assert fixed[index][0] == list(columns[index])


def test_a_lone_cell_with_one_legacy_word_is_left_to_its_column():
    # One word is too little evidence for a cell alone ("Púch" is a minority place name, not broken TCVN3)...
    assert fix_cell(to_tcvn3("Đỗ Quang Huy").decode("latin-1")) == ("§ç Quang Huy", None)
    # ...its column, where the other names are clearly TCVN3, converts it.
    column = [to_tcvn3(name).decode("latin-1") for name in [*NAMES, "Đỗ Quang Huy"]]
    assert fix_column(column) == ([*NAMES, "Đỗ Quang Huy"], "tcvn3")


def test_a_column_is_judged_as_a_whole():
    # "Trì" in TCVN3 ("Tr×") alone is one odd word; with the rest of its column it is clearly TCVN3.
    column = [to_tcvn3(name).decode("latin-1") for name in NAMES] + ["An"]

    cells, encoding = fix_column(column)

    assert encoding == "tcvn3"
    assert cells == [*NAMES, "An"]


def _ward_names() -> list[str]:
    import csv

    from vieclam.places.loader import DATA

    with open(DATA / "pre_2025_07/wards.csv", encoding="utf-8", newline="") as file:
        return [row["full_name"] for row in csv.DictReader(file)]


def test_no_commune_name_of_the_country_is_taken_for_a_legacy_encoding():
    # 10.000 real Vietnamese names, minority place names among them ("Xã Ia Púch"): none may be "converted".
    assert [name for name in _ward_names() if fix_cell(name)[1] is not None] == []


@pytest.mark.parametrize(("encode", "decode", "encoding"), [(to_tcvn3, "latin-1", "tcvn3"), (to_vni, "cp1252", "vni")])
def test_every_commune_name_comes_back_from_a_legacy_column(encode, decode, encoding):
    names = _ward_names()
    for start in range(0, len(names), 500):  # sheets of 500 rows
        chunk = names[start : start + 500]
        cells, found = fix_column([encode(name).decode(decode) for name in chunk])
        assert found == encoding
        # Case aside: TCVN3 has no toned capitals, so "Thị trấn ái Tử" cannot be told from "Thị trấn Ái Tử", and
        # the source's own "Xã Ia BLứ" comes back all capitals.
        assert [cell.lower() for cell in cells] == [name.lower() for name in chunk]


def test_a_tcvn3_name_gets_the_capital_its_font_drew():
    assert fix_cell("X\xb7 Th\xadîng \xcam") == ("Xã Thượng Ấm", "tcvn3")
    assert fix_cell("Ng\xadêi lao \xae\xe9ng \xadu ti\xaan") == ("Người lao động ưu tiên", "tcvn3")
