import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from pypdf import PdfReader

from vieclam.core.reportdoc import (
    ColumnSpec,
    ReportDocument,
    Table,
    document_response,
    render_pdf,
    render_xlsx,
    vi_number,
)
from vieclam.core.testing_office import libreoffice_convert, pdf_first_page_png, require_office


def _doc(rows: int = 3) -> ReportDocument:
    columns = [
        ColumnSpec("Xã, phường"),
        ColumnSpec("Thực hiện", "người", "int"),
        ColumnSpec("Đạt % kế hoạch", "%", "percent1"),
    ]
    body = [[f"Xã Đông Hưng {n}", 7125 + n, Decimal("142.06")] for n in range(rows)]
    body.append(["Tổng cộng", 7125 * rows + sum(range(rows)), None])
    table = Table("Kết quả theo xã", columns, body, total_row=True)
    return ReportDocument(
        title="Báo cáo 6 tháng Tiểu dự án 4.3",
        reporting_unit="Tỉnh An Giang",
        period_label="6 tháng đầu năm 2026",
        prepared_on=dt.date(2026, 6, 10),
        tables=[table],
        notes=["Xã Mỹ Hòa gồm cả xã Mỹ Phú cũ."],
    )


def test_numbers_are_written_the_vietnamese_way():
    assert vi_number(7125) == "7.125"
    assert vi_number(Decimal("142.06"), 1) == "142,1"
    assert vi_number(-1234567.5, 2) == "-1.234.567,50"
    assert vi_number(None) == "—"


def test_excel_has_the_title_block_vietnamese_formats_and_a_sum_only_in_the_total_row():
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(_doc())))
    sheet = book.worksheets[0]
    texts = [sheet.cell(row=r, column=1).value for r in range(1, 6)]
    assert texts[0] == "Báo cáo 6 tháng Tiểu dự án 4.3"
    assert "Tỉnh An Giang" in texts[2] and "6 tháng đầu năm 2026" in texts[3] and "10/06/2026" in texts[4]
    assert [sheet.cell(row=7, column=c).value for c in (1, 2, 3)] == ["Xã, phường", "Thực hiện", "Đạt % kế hoạch"]
    assert [sheet.cell(row=8, column=c).value for c in (1, 2, 3)] == ["Đơn vị tính", "người", "%"]
    assert sheet.freeze_panes == "B9"
    assert sheet["B9"].value == 7125 and sheet["B9"].number_format == "[$-42A]#,##0"
    assert sheet["C9"].number_format == "[$-42A]#,##0.0"
    formulas = [c.coordinate for row in sheet.iter_rows() for c in row if str(c.value or "").startswith("=")]
    assert formulas == ["B12"] and sheet["B12"].value == "=SUM(B9:B11)"
    assert sheet["C12"].value == "—"
    assert "Mỹ Phú" in sheet["A14"].value


def test_a_text_cell_never_becomes_a_formula():
    doc = _doc(1)
    doc.tables[0].rows[0][0] = "=HYPERLINK(1)"
    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc))).worksheets[0]
    assert sheet["A9"].value == "'=HYPERLINK(1)"


def test_pdf_holds_vietnamese_numbers_and_repeats_the_header_on_each_page():
    reader = PdfReader(io.BytesIO(render_pdf(_doc(rows=120))))
    assert len(reader.pages) > 1
    first, second = reader.pages[0].extract_text(), reader.pages[1].extract_text()
    assert "Tiểu dự án 4.3" in first and "7.125" in first and "142,1" in first
    assert "Thực hiện" in second and "Đơn vị tính" in second
    assert "Mỹ Phú" in reader.pages[-1].extract_text()


def test_download_has_an_ascii_filename():
    response = document_response(_doc(), "xlsx")
    assert response["Content-Disposition"] == (
        'attachment; filename="bao-cao-6-thang-tieu-du-an-4-3-tinh-an-giang-6-thang-dau-nam-2026.xlsx"'
    )
    with pytest.raises(ValueError):
        document_response(_doc(), "doc")


@require_office
def test_libreoffice_shows_the_excel_numbers_the_vietnamese_way(tmp_path):
    path = tmp_path / "bao-cao.xlsx"
    path.write_bytes(render_xlsx(_doc()))
    text = libreoffice_convert(path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true").read_text("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    data = next(r for r in rows if r and r[0] == "Xã Đông Hưng 0")
    assert data[1:3] == ["7.125", "142,1"]
    total = next(r for r in rows if r and r[0] == "Tổng cộng")
    assert total[1] == "21.378"  # the SUM formula, computed by LibreOffice
    assert libreoffice_convert(path, "pdf").stat().st_size > 1000


@require_office
def test_the_pdf_renders_its_first_page(tmp_path):
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(render_pdf(_doc()))
    png = pdf_first_page_png(path)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
