"""The one exporter shape: formula guard, words for yes/no, dd/mm/yyyy dates, Excel cells and header."""

import datetime as dt
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from vieclam.core.exports import Column, Exporter, coded, csv_text, neutralise, yes_no


@pytest.mark.parametrize("text", ["=1+1", "+SUM(1)", "-2+cmd", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")'])
def test_text_starting_with_a_formula_character_gets_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Nguyễn Văn An", "+84 912 345 678", "-5", "0912345678", ""])
def test_ordinary_text_and_plain_numbers_are_left_alone(text):
    assert neutralise(text) == text


def test_csv_text_writes_dates_yes_no_and_numbers_plainly():
    moment = dt.datetime(2026, 5, 30, 8, 5, tzinfo=dt.UTC)
    assert csv_text(dt.date(2026, 5, 30)) == "30/05/2026"
    assert csv_text(moment) == "30/05/2026 15:05"  # shown in Vietnam's time
    assert csv_text(True) == "Có" and csv_text(None) == "" and csv_text(1990) == "1990"


class Rows(Exporter):
    filename = "thu"

    def columns(self):
        return [
            Column("Họ và tên", "name"),
            Column("Ngày sinh", "born"),
            coded("Tình trạng", "status", {"co_viec_lam": "Người có việc làm"}),
            yes_no("Có việc", lambda row: row.status == "co_viec_lam"),
            Column("Xã", "commune.name"),
        ]


ROWS = [
    SimpleNamespace(name="=cmd", born=dt.date(1990, 2, 28), status="co_viec_lam", commune=None),
    SimpleNamespace(name="Lê Thị Hoa", born=dt.date(1995, 5, 10), status="", commune=SimpleNamespace(name="Tân Ninh")),
]


def test_excel_has_a_frozen_labelled_header_real_dates_and_words(settings):
    response = Rows().response("xlsx", ROWS)
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == ["Họ và tên", "Ngày sinh", "Tình trạng", "Có việc", "Xã"]
    assert sheet[1][0].font.bold and sheet.freeze_panes == "A2"
    name, born, status, works, commune = sheet[2]
    assert name.value == "'=cmd" and name.data_type == "s"
    assert born.is_date and born.number_format == "DD/MM/YYYY" and born.value.date() == dt.date(1990, 2, 28)
    assert status.value == "Người có việc làm" and works.value == "Có" and commune.value is None
    assert sheet.column_dimensions["C"].width >= len("Người có việc làm")


def test_csv_is_streamed_with_a_bom_and_the_same_rows():
    response = Rows().response("csv", ROWS)
    lines = response.getvalue().decode("utf-8").splitlines()
    assert lines[0].startswith("\ufeffHọ và tên,Ngày sinh")
    assert lines[1] == "'=cmd,28/02/1990,Người có việc làm,Có," and lines[2].endswith(",Không,Tân Ninh")


class Kinds(Exporter):
    filename = 'Danh "sách" <nháp> & thử, một tên rất dài quá 31 ký tự'

    def columns(self):
        return [Column("Văn bản", "text"), Column("Lúc", "at"), Column("Số", "number"), Column("Tiền", "money")]


def test_excel_holds_text_moments_and_numbers_exactly_as_written():
    rows = [
        SimpleNamespace(text="  A & B <c> \"d\"\r\nxong\ufffe ", at=dt.datetime(2026, 5, 30, 8, 5, 59, tzinfo=dt.UTC),
                        number=1990, money=Decimal("7500000.50")),
        SimpleNamespace(text="", at=None, number=2.25, money=None),
    ]  # fmt: skip
    book = load_workbook(io.BytesIO(Kinds().response("xlsx", rows).content))
    sheet = book.active
    assert sheet.title == 'Danh "sách" <nháp> & thử, một t'
    text, at, number, money = sheet[2]
    assert text.value == '  A & B <c> "d"\r\nxong ' and text.data_type == "s"
    assert at.is_date and at.number_format == "DD/MM/YYYY HH:MM"
    assert at.value.timetuple()[:6] == (2026, 5, 30, 15, 5, 59)  # in Vietnam's time, to the second
    assert number.value == 1990 and money.value == 7500000.5
    assert [cell.value for cell in sheet[3]] == ["", None, 2.25, None]
