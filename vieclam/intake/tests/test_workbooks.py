"""Whole files read: legacy .xls through python-calamine, .xlsx, CSV in legacy encodings, and the limits."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from vieclam.imports.readers import ImportFileError
from vieclam.intake.sheets import prepare
from vieclam.intake.tests.samples import to_cp1258, to_tcvn3, to_vni
from vieclam.intake.values import parse_date, parse_national_id
from vieclam.intake.workbooks import read_rows

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Dân tộc", "Nơi thường trú", "Trình độ CMKT"]


def _xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_legacy_xls_with_a_tcvn3_column_is_read_and_fixed():
    sheet = read_rows(filename="mau03.xls", content=(FIXTURES / "registry.xls").read_bytes())

    intake = prepare(sheet)

    assert sheet.file_format == "xls"
    assert intake.mapping is not None and intake.mapping.header_rows == (3,)
    assert intake.column_encodings == {"permanent_commune": "tcvn3"}
    first, second = intake.records
    assert first.line == 4
    assert first.values["permanent_commune"] == "Xã An Bình"
    assert second.values["permanent_commune"] == "Thôn Đông, xã An Bình"
    assert first.values["full_name"] == "Nguyễn Văn An"  # the Unicode columns untouched
    assert first.values["date_of_birth"] == dt.date(1990, 3, 5)
    assert parse_date(second.values["date_of_birth"]).day == dt.date(1985, 11, 5)
    assert parse_national_id(first.values["national_id"]).number == "001090000123"


def test_a_utf8_xlsx_with_one_tcvn3_column_has_only_that_column_converted():
    rows = [
        HEADER,
        [1, "Nguyễn Văn An", dt.datetime(1990, 3, 5), "Nam", "001090000123", "Kinh",  # noqa: DTZ001
         to_tcvn3("Xã An Bình").decode("latin-1"), "Trung cấp"],
        [2, "Software Engineer", "05/11/1985", "Nữ", 79185000456, "Tày",
         to_tcvn3("Thôn Đông, xã An Bình").decode("latin-1"), "Đại học"],
    ]  # fmt: skip

    intake = prepare(read_rows(filename="mau03.xlsx", content=_xlsx(rows)))

    assert intake.column_encodings == {"permanent_commune": "tcvn3"}
    assert [r.values["permanent_commune"] for r in intake.records] == ["Xã An Bình", "Thôn Đông, xã An Bình"]
    assert [r.values["full_name"] for r in intake.records] == ["Nguyễn Văn An", "Software Engineer"]
    assert [r.values["technical_level"] for r in intake.records] == ["Trung cấp", "Đại học"]
    assert [r.values["national_id"] for r in intake.records] == ["001090000123", 79185000456]


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda text: text.encode("utf-8-sig"), "utf-8"),
        (lambda text: text.encode("utf-16"), "utf-16"),
        (to_cp1258, "cp1258"),
        (to_tcvn3, "tcvn3"),
        (to_vni, "vni"),
    ],
)
def test_a_csv_in_each_encoding_gives_the_same_records(encode, encoding):
    text = (
        "Họ và tên;Ngày sinh;Giới tính;Dân tộc\r\nNguyễn Thị Hồng;05/03/1990;Nữ;Kinh\r\nLê Văn Tám;1/2/1988;Nam;Tày\r\n"
    )

    sheet = read_rows(filename="mau03.csv", content=encode(text))
    intake = prepare(sheet)

    assert sheet.encoding == encoding
    assert [r.values for r in intake.records] == [
        {"full_name": "Nguyễn Thị Hồng", "date_of_birth": "05/03/1990", "sex": "Nữ", "ethnicity": "Kinh"},
        {"full_name": "Lê Văn Tám", "date_of_birth": "1/2/1988", "sex": "Nam", "ethnicity": "Tày"},
    ]


def test_an_xls_name_on_a_file_that_is_not_excel_is_refused():
    with pytest.raises(ImportFileError) as error:
        read_rows(filename="mau03.xls", content=b"not a workbook at all")

    assert str(error.value) == (
        "Không đọc được tệp Excel “mau03.xls”: tệp hỏng, có mật khẩu, hoặc không phải tệp Excel."
    )


def test_a_broken_xls_is_refused_with_a_message():
    content = (FIXTURES / "registry.xls").read_bytes()[:1500]

    with pytest.raises(ImportFileError) as error:
        read_rows(filename="hong.xls", content=content)

    assert "Không đọc được tệp Excel “hong.xls”" in str(error.value)


def test_the_row_limit_of_the_postings_import_applies():
    rows = [HEADER] + [[n, f"Người {n}"] for n in range(1, 12)]

    with pytest.raises(ImportFileError) as error:
        read_rows(filename="mau03.xlsx", content=_xlsx(rows), max_rows=10)

    assert "hơn 10 dòng dữ liệu" in str(error.value)


def test_other_file_types_are_refused():
    with pytest.raises(ImportFileError) as error:
        read_rows(filename="mau03.pdf", content=b"%PDF-1.4")

    assert str(error.value) == (
        "Tệp “mau03.pdf” không phải Excel (.xls, .xlsx) hay CSV: sổ lao động chỉ nhận ba loại tệp này."
    )


def test_a_utf8_csv_with_a_tcvn3_column_gets_that_column_converted():
    # Excel's "CSV UTF-8" of a sheet whose address column is in .VnTime: valid UTF-8, TCVN3 inside.
    address = [to_tcvn3(a).decode("latin-1") for a in ("Thôn Đông, xã An Bình", "Xóm Bãi, xã Hồng Phong")]
    text = f'Họ và tên,Ngày sinh,Giới tính,Địa chỉ\nNguyễn Văn An,05/03/1990,Nam,"{address[0]}"\n'
    text += f'Lê Thị Hoa,1/2/1988,Nữ,"{address[1]}"\n'

    sheet = read_rows(filename="mau03.csv", content=text.encode("utf-8"))
    intake = prepare(sheet)

    assert sheet.encoding == "utf-8"
    assert intake.column_encodings == {"address": "tcvn3"}
    assert [r.values["address"] for r in intake.records] == ["Thôn Đông, xã An Bình", "Xóm Bãi, xã Hồng Phong"]
    assert [r.values["full_name"] for r in intake.records] == ["Nguyễn Văn An", "Lê Thị Hoa"]


def test_a_csv_whose_unicode_mark_lies_is_refused_with_a_message():
    with pytest.raises(ImportFileError) as error:
        read_rows(filename="mau03.csv", content=b"\xef\xbb\xbfH\xb5 N\xe9i;1990\n")

    assert str(error.value).startswith("Tệp “mau03.csv” hỏng: đánh dấu là Unicode (UTF-8 hoặc UTF-16)")


def test_a_sheet_typed_wholly_in_tcvn3_headers_included_is_read():
    def tcvn3(text: str) -> str:
        return to_tcvn3(text).decode("latin-1")

    rows = [
        [tcvn3("DANH SÁCH NGƯỜI LAO ĐỘNG")],
        [tcvn3(h) for h in ["Họ và tên", "Ngày tháng năm sinh", "Giới tính", "Dân tộc", "Trình độ CMKT"]],
        [tcvn3("NGUYỄN VĂN AN"), "05/03/1990", "Nam", "Kinh", tcvn3("Trung cấp")],  # names in .VnTimeH capitals
        [tcvn3("TRẦN THỊ BÍCH NGỌC"), "12/11/1985", tcvn3("Nữ"), tcvn3("Tày"), tcvn3("Đại học")],
    ]

    intake = prepare(read_rows(filename="mau03.xlsx", content=_xlsx(rows)))

    assert intake.mapping is not None and intake.mapping.encoding == "tcvn3"
    assert intake.mapping.missing == [] and intake.mapping.unknown == []
    assert [r.values for r in intake.records] == [
        {"full_name": "NGUYỄN VĂN AN", "date_of_birth": "05/03/1990", "sex": "Nam", "ethnicity": "Kinh",
         "technical_level": "Trung cấp"},
        {"full_name": "TRẦN THỊ BÍCH NGỌC", "date_of_birth": "12/11/1985", "sex": "Nữ", "ethnicity": "Tày",
         "technical_level": "Đại học"},
    ]  # fmt: skip
