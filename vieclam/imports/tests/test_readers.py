"""imports.readers: numbered records from CSV, XLSX and JSON Lines, and the whole-file errors (no database)."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from vieclam.imports import readers
from vieclam.imports.readers import ImportFileError, read_table


def test_csv_rows_are_numbered_as_in_a_spreadsheet_and_blank_rows_skipped():
    data = "title,company\nKế toán,Công ty A\n,\nLái xe,Công ty B\n".encode()
    table = read_table(filename="tin.csv", content=data)
    assert table.headers == ["title", "company"]
    assert [(r.line, r.values["title"]) for r in table.records] == [(2, "Kế toán"), (4, "Lái xe")]


def test_a_bom_and_semicolons_from_excel_are_understood():
    data = "\ufefftitle;company\nKế toán;Công ty A, chi nhánh 1\n".encode()
    table = read_table(filename="tin.csv", content=data)
    assert table.records[0].values == {"title": "Kế toán", "company": "Công ty A, chi nhánh 1"}


def test_a_row_with_more_cells_than_headers_is_an_error_of_that_row():
    table = read_table(filename="tin.csv", content=b"title,company\nA,B,C\nD,E\n")
    assert "nhiều ô hơn dòng tiêu đề" in table.records[0].error and not table.records[1].error


def test_a_duplicated_header_is_refused():
    with pytest.raises(ImportFileError, match="Cột “title” có hai lần"):
        read_table(filename="tin.csv", content=b"title,title\nA,B\n")


def test_xlsx_keeps_numbers_and_dates_as_typed():
    day = dt.datetime(2099, 12, 31)  # noqa: DTZ001 - a spreadsheet date has no time zone
    book = Workbook()
    book.active.append(["title", "tax_code", "deadline"])
    book.active.append(["Kế toán", 100109106, day])
    buffer = io.BytesIO()
    book.save(buffer)
    record = read_table(filename="tin.xlsx", content=buffer.getvalue()).records[0]
    assert record.line == 2 and record.values == {
        "title": "Kế toán",
        "tax_code": 100109106,
        "deadline": day,
    }


def test_json_lines_and_a_json_array_are_both_read():
    lines = read_table(filename="tin.jsonl", content=b'{"title": "A"}\n\n{"title": "B", "x": 1}\n')
    assert [(r.line, r.values["title"]) for r in lines.records] == [(1, "A"), (3, "B")]
    assert lines.headers == ["title", "x"]
    array = read_table(filename="tin.json", content=b'[{"title": "A"}, {"title": "B"}]')
    assert [r.values["title"] for r in array.records] == ["A", "B"]


def test_a_json_line_that_is_not_an_object_is_an_error_of_that_line():
    table = read_table(filename="tin.jsonl", content=b'{"title": "A"}\n[1, 2]\n')
    assert table.records[1].error == "Mỗi dòng JSON Lines phải là một đối tượng {…}, không phải list."


def test_a_file_over_the_row_limit_is_refused(monkeypatch):
    monkeypatch.setattr(readers, "MAX_ROWS", 2)
    with pytest.raises(ImportFileError, match="Tệp có hơn 2 dòng dữ liệu; ở đây mỗi lần nhập tối đa 2 dòng"):
        read_table(filename="tin.csv", content=b"title\nA\nB\nC\n")
    assert len(read_table(filename="tin.csv", content=b"title\nA\n", max_rows=1).records) == 1


def test_a_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 10)
    with pytest.raises(ImportFileError, match="mỗi lần nhập tối đa 0 MB"):
        read_table(filename="tin.csv", content=b"title\nKe toan tong hop\n")
