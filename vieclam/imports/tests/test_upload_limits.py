"""Uploads are bounded while they are read: a zip bomb, endless rows, huge cells and control characters."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from vieclam.imports import readers
from vieclam.imports.readers import ImportFileError, read_table
from vieclam.imports.tests.bombs import zip_bomb
from vieclam.imports.tests.test_views import upload


def xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_small_workbook_unzipping_to_two_million_rows_is_refused_from_its_declared_sizes():
    bomb = zip_bomb()
    assert len(bomb) < 350 * 1024
    with pytest.raises(ImportFileError, match="Tệp Excel “bom.xlsx” giải nén ra 110 MB, quá lớn so với tệp tải lên"):
        read_table(filename="bom.xlsx", content=bomb)


def test_a_workbook_packed_far_tighter_than_real_ones_is_refused_even_when_small_unzipped():
    with pytest.raises(ImportFileError, match="giải nén ra 5 MB"):
        read_table(filename="bom.xlsx", content=zip_bomb(100_000))


@pytest.mark.django_db
def test_the_upload_page_names_the_zip_bomb_in_vietnamese_and_keeps_nothing(client, cast):
    client.force_login(cast["province_b"])
    response = upload(client, name="bom.xlsx", data=zip_bomb())
    body = response.content.decode()
    assert response.status_code == 200 and "giải nén ra 110 MB" in body
    assert "mở bằng Excel, xóa các dòng và cột thừa" in body


def test_rows_past_the_limit_stop_the_reading_at_the_first_one_over(monkeypatch):
    monkeypatch.setattr(readers, "BLANK_ROWS", 3)
    with pytest.raises(ImportFileError, match="Tệp có hơn 6 dòng \\(kể cả dòng trống\\)"):
        read_table(filename="tin.csv", content=b"title\nA\n" + b"\n" * 50_000, max_rows=2)
    with pytest.raises(ImportFileError, match="Tệp có hơn 2 dòng dữ liệu"):
        read_table(filename="tin.xlsx", content=xlsx([["title"], *[["Kế toán"]] * 100_000]), max_rows=2)


def test_a_row_with_too_many_columns_is_refused_naming_the_row():
    row = ",".join(["x"] * (readers.MAX_COLUMNS + 1))
    with pytest.raises(ImportFileError, match="Dòng 2 có hơn 200 cột"):
        read_table(filename="tin.csv", content=f"title\n{row}\n".encode())


def test_a_cell_longer_than_excel_holds_is_refused_naming_row_and_column():
    # (an .xlsx cell cannot hold more: openpyxl reads at most 32.767 characters of one)
    with pytest.raises(ImportFileError, match="Ô ở dòng 3, cột “title” dài 40.000 ký tự; mỗi ô tối đa 32.767 ký tự"):
        read_table(filename="tin.csv", content=b"title\nA\n" + b"x" * 40_000 + b"\n")
    with pytest.raises(ImportFileError, match="có một ô dài hơn 32.767 ký tự"):
        read_table(filename="tin.csv", content=b"title\n" + b"x" * 200_000 + b"\n")


def test_control_characters_are_dropped_from_every_cell_of_every_format():
    csv_table = read_table(filename="tin.csv", content="title,company\nKế\x07 toán,Công\x0bty A\x85\n".encode())
    assert csv_table.records[0].values == {"title": "Kế toán", "company": "Công ty A"}
    json_table = read_table(filename="tin.jsonl", content=b'{"title": "B\\u0007\\u0000\\u001bn h\\u00e0ng"}\n')
    assert json_table.records[0].values == {"title": "Bn hàng"}
    # XML cannot carry C0 controls, so a workbook can hold only the C1 ones
    xlsx_table = read_table(filename="tin.xlsx", content=xlsx([["title"], ["Thợ\x85 hàn\u200f\x9f 🔧"]]))
    assert xlsx_table.records[0].values == {"title": "Thợ hàn\u200f 🔧"}
