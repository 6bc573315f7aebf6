"""A report as data, and its Excel and PDF renderings.

A `ReportDocument` is what a printed report holds: a title, the reporting unit, the period, the day it was made,
tables and notes. It knows nothing of the apps that fill it (core imports no project app), so any report (the
Sub-project 4.3 reports, a labour-supply summary, a fair's results) renders the same way:

- Excel (`render_xlsx`): one sheet per table with a title block, a header row and a "Đơn vị tính" row, the header
  frozen, real numbers with the Vietnamese-tagged formats (`[$-42A]#,##0`: Excel and LibreOffice show 7.125 and
  142,1 whatever the reader's own locale) and a SUM formula only in a total row, where a reader expects one;
- PDF (`render_pdf`, fpdf2 with DejaVu Sans from core/fonts for the Vietnamese letters): numbers written the
  Vietnamese way ("7.125", "142,1"), the table header repeated on each page, A4 landscape for a wide table.

A cell is a number (int/Decimal/float), a text, or None ("—": no value, e.g. a ratio over 0); a `Cell` gives one
cell a kind of its own (a row of percentages in a column of counts). `document_to_dict`/`document_from_dict` keep
a document as JSON (a report's figures frozen at submission) and `document_changes` compares two of them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Literal

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from vieclam.core.text import clean_text, fold

__all__ = (
    "CONTENT_TYPES",
    "NO_VALUE",
    "Cell",
    "ColumnSpec",
    "ReportDocument",
    "Table",
    "cell_text",
    "document_changes",
    "document_filename",
    "document_from_dict",
    "document_response",
    "document_to_dict",
    "render_pdf",
    "render_xlsx",
    "vi_number",
)

Kind = Literal["text", "int", "decimal1", "decimal2", "percent1", "money"]
NO_VALUE = "—"
FONTS = Path(__file__).resolve().parent / "fonts"
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
# Locale-tagged formats (0x42A = vi-VN): the reader sees 7.125 / 142,1 in any Excel or LibreOffice.
XLSX_FORMATS = {
    "int": "[$-42A]#,##0",
    "money": "[$-42A]#,##0",
    "decimal1": "[$-42A]#,##0.0",
    "percent1": "[$-42A]#,##0.0",
    "decimal2": "[$-42A]#,##0.00",
}
DECIMALS = {"int": 0, "money": 0, "decimal1": 1, "percent1": 1, "decimal2": 2}
SUMMED = ("int", "money")  # kinds a total row adds up (a ratio's total is computed, never summed)
WIDE = 6  # columns from which the PDF turns to landscape


@dataclass(frozen=True)
class ColumnSpec:
    """One column: its header, its unit ("Đơn vị tính": người, %, đồng…) and how its numbers read."""

    header: str
    unit: str = ""
    kind: Kind = "text"


@dataclass(frozen=True)
class Cell:
    """A number read with its own kind instead of its column's."""

    value: Any
    kind: Kind


def resolved(value: Any, column: ColumnSpec) -> tuple[Any, Kind]:
    return (value.value, value.kind) if isinstance(value, Cell) else (value, column.kind)


@dataclass
class Table:
    """Rows of cells under `columns`; with `total_row` the last row is the total ("Tổng cộng")."""

    title: str
    columns: list[ColumnSpec]
    rows: list[list[Any]]
    total_row: bool = False


@dataclass
class ReportDocument:
    title: str
    reporting_unit: str
    period_label: str
    prepared_on: dt.date
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --- numbers the Vietnamese way -----------------------------------------------------------------------------------
def vi_number(value: Any, decimals: int = 0) -> str:
    """7125 → "7.125"; 142.06 (1 decimal) → "142,1"; None → "—"."""
    if value is None or value == "":
        return NO_VALUE
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _dot, frac = f"{abs(number):.{decimals}f}".partition(".")
    grouped = re.sub(r"(?<=\d)(?=(\d{3})+$)", ".", whole)
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def cell_text(value: Any, column: ColumnSpec) -> str:
    value, kind = resolved(value, column)
    if kind == "text" or isinstance(value, str):
        return NO_VALUE if value is None else str(value)
    return vi_number(value, DECIMALS[kind])


# --- Excel --------------------------------------------------------------------------------------------------------
def render_xlsx(doc: ReportDocument) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    names: set[str] = set()
    for number, table in enumerate(doc.tables, start=1):
        sheet = book.create_sheet(_sheet_name(table.title, number, names))
        _xlsx_table(sheet, doc, table, notes=doc.notes if number == 1 else [])
    if not doc.tables:
        book.create_sheet(_sheet_name(doc.title, 1, names))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_table(sheet, doc: ReportDocument, table: Table, *, notes: list[str]) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    bold, thin = Font(bold=True), Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    width = max(len(table.columns), 1)
    head = [
        (doc.title, Font(bold=True, size=14)),
        (table.title, Font(bold=True, size=12)),
        ("{}: {}".format(_("Đơn vị báo cáo"), doc.reporting_unit), None),
        ("{}: {}".format(_("Kỳ báo cáo"), doc.period_label), None),
        ("{}: {}".format(_("Ngày lập"), doc.prepared_on.strftime("%d/%m/%Y")), None),
    ]
    for row, (text, font) in enumerate(head, start=1):
        cell = sheet.cell(row=row, column=1, value=_xlsx_text(text))
        if font is not None:
            cell.font = font
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    header_row = len(head) + 2
    for col, spec in enumerate(table.columns, start=1):
        top = sheet.cell(row=header_row, column=col, value=_xlsx_text(spec.header))
        unit = sheet.cell(row=header_row + 1, column=col, value=_xlsx_text(spec.unit) if spec.unit else None)
        for cell in (top, unit):
            cell.font, cell.border = bold, box
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.cell(row=header_row + 1, column=1).value = _("Đơn vị tính")
    first = header_row + 2
    for offset, values in enumerate(table.rows):
        row = first + offset
        is_total = table.total_row and offset == len(table.rows) - 1
        for col, (spec, raw) in enumerate(zip(table.columns, values, strict=False), start=1):
            cell = sheet.cell(row=row, column=col)
            letter = get_column_letter(col)
            value, kind = resolved(raw, spec)
            if is_total and kind in SUMMED and offset > 0 and value is not None:
                cell.value = f"=SUM({letter}{first}:{letter}{row - 1})"
            else:
                cell.value = _xlsx_value(value, kind)
            if kind in XLSX_FORMATS:
                cell.number_format = XLSX_FORMATS[kind]
                cell.alignment = Alignment(horizontal="right")
            cell.border = box
            if is_total:
                cell.font = bold
    sheet.freeze_panes = sheet.cell(row=first, column=2)
    _xlsx_widths(sheet, table)
    row = first + len(table.rows) + 1
    for note in notes:
        sheet.cell(row=row, column=1, value=_xlsx_text(note))
        row += 1


def _xlsx_value(value: Any, kind: Kind) -> Any:
    if value is None:
        return NO_VALUE if kind != "text" else None
    if kind == "text" or isinstance(value, str):
        return _xlsx_text(str(value))
    return Decimal(str(value)) if not isinstance(value, int) else value


def _xlsx_text(text: str) -> str:
    from vieclam.core.exports import neutralise

    return neutralise(str(text))


def _xlsx_widths(sheet, table: Table) -> None:
    from openpyxl.utils import get_column_letter

    for col, spec in enumerate(table.columns, start=1):
        texts = [spec.header, spec.unit, *(cell_text(r[col - 1], spec) for r in table.rows if len(r) >= col)]
        longest = max((len(t) for t in texts), default=8)
        limit = 50 if col == 1 else 18
        sheet.column_dimensions[get_column_letter(col)].width = min(max(longest + 2, 10), limit)


def _sheet_name(title: str, number: int, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\']", " ", title).strip()[:28] or str(number)
    name = base
    while name.lower() in taken:
        name = f"{base[:25]} ({number})"
        number += 1
    taken.add(name.lower())
    return name


# --- PDF ----------------------------------------------------------------------------------------------------------
def render_pdf(doc: ReportDocument) -> bytes:
    from fpdf import FPDF

    wide = any(len(t.columns) >= WIDE for t in doc.tables)
    pdf = FPDF(orientation="L" if wide else "P", format="A4")
    pdf.set_title(clean_text(doc.title))
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_margins(12, 12, 12)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    _pdf_line(pdf, doc.title, height=8)
    pdf.set_font("DejaVu", "", 9)
    _pdf_line(pdf, "{}: {}".format(_("Đơn vị báo cáo"), doc.reporting_unit))
    _pdf_line(pdf, "{}: {}".format(_("Kỳ báo cáo"), doc.period_label))
    _pdf_line(pdf, "{}: {}".format(_("Ngày lập"), doc.prepared_on.strftime("%d/%m/%Y")))
    for table in doc.tables:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 11)
        _pdf_line(pdf, table.title, height=7)
        _pdf_table(pdf, table)
    if doc.notes:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 9)
        _pdf_line(pdf, _("Ghi chú"))
        pdf.set_font("DejaVu", "", 8)
        for note in doc.notes:
            _pdf_line(pdf, f"- {note}", height=4.5)
    return bytes(pdf.output())


def _pdf_table(pdf, table: Table) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font("DejaVu", "", 8)
    widths = _pdf_widths(table)
    align = ["LEFT" if c.kind == "text" else "RIGHT" for c in table.columns]
    heading = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
    with pdf.table(
        col_widths=widths, text_align=align, headings_style=heading, num_heading_rows=2, repeat_headings=1,
        line_height=4.5, first_row_as_headings=True,
    ) as grid:  # fmt: skip
        grid.row([clean_text(c.header) for c in table.columns])
        grid.row([clean_text(c.unit) if i else _("Đơn vị tính") for i, c in enumerate(table.columns)])
        for number, values in enumerate(table.rows):
            total = table.total_row and number == len(table.rows) - 1
            style = FontFace(emphasis="BOLD") if total else None
            grid.row([clean_text(cell_text(v, c)) for c, v in zip(table.columns, values, strict=False)], style=style)


def _pdf_widths(table: Table) -> list[float]:
    weights = [4.0 if c.kind == "text" and i == 0 else (2.0 if c.kind == "text" else 1.4)
               for i, c in enumerate(table.columns)]  # fmt: skip
    return weights or [1.0]


def _pdf_line(pdf, text: str, *, height: float = 5) -> None:
    pdf.multi_cell(0, height, clean_text(str(text), multiline=True), new_x="LMARGIN", new_y="NEXT")


# --- as JSON, and what changed ----------------------------------------------------------------------------------
def document_to_dict(doc: ReportDocument) -> dict:
    return {
        "title": doc.title, "reporting_unit": doc.reporting_unit, "period_label": doc.period_label,
        "prepared_on": doc.prepared_on.isoformat(), "notes": list(doc.notes),
        "tables": [{
            "title": t.title, "total_row": t.total_row,
            "columns": [{"header": c.header, "unit": c.unit, "kind": c.kind} for c in t.columns],
            "rows": [[_cell_json(v) for v in row] for row in t.rows],
        } for t in doc.tables],
    }  # fmt: skip


def document_from_dict(data: dict) -> ReportDocument:
    tables = [
        Table(t["title"], [ColumnSpec(**c) for c in t["columns"]],
              [[_cell_from_json(v) for v in row] for row in t["rows"]], t["total_row"])
        for t in data["tables"]
    ]  # fmt: skip
    return ReportDocument(data["title"], data["reporting_unit"], data["period_label"],
                          dt.date.fromisoformat(data["prepared_on"]), tables, list(data["notes"]))  # fmt: skip


def _cell_json(value: Any) -> Any:
    if isinstance(value, Cell):
        return {"n": None if value.value is None else str(value.value), "k": value.kind}
    if value is None or isinstance(value, str):
        return value
    return {"n": str(value)}


def _cell_from_json(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    number = None if value["n"] is None else Decimal(value["n"])
    return Cell(number, value["k"]) if "k" in value else number


def document_changes(frozen: ReportDocument, current: ReportDocument) -> dict[tuple[int, int, int], Any]:
    """{(table, row, column) of `frozen`: the cell now} for each figure that differs. Rows are matched by their
    first cell (the indicator, the commune), columns by header, so a row added since is not a change."""
    out: dict[tuple[int, int, int], Any] = {}
    for t, (old, new) in enumerate(zip(frozen.tables, current.tables, strict=False)):
        new_rows = {str(row[0]): row for row in new.rows if row}
        new_cols = {c.header: i for i, c in enumerate(new.columns)}
        for r, row in enumerate(old.rows):
            now = new_rows.get(str(row[0])) if row else None
            if now is None:
                continue
            for c, column in enumerate(old.columns):
                i = new_cols.get(column.header)
                if i is None or c >= len(row) or i >= len(now) or column.kind == "text":
                    continue
                if _number(row[c]) != _number(now[i]):
                    out[(t, r, c)] = now[i]
    return out


def _number(value: Any) -> Any:
    value = value.value if isinstance(value, Cell) else value
    return None if value is None or isinstance(value, str) else Decimal(str(value))


# --- download -----------------------------------------------------------------------------------------------------
def document_filename(doc: ReportDocument, fmt: str) -> str:
    """ "Báo cáo 6 tháng" → "bao-cao-6-thang-….xlsx": ASCII, so every browser and mail client keeps it."""
    words = fold(f"{doc.title} {doc.reporting_unit} {doc.period_label}")
    slug = re.sub(r"[^a-z0-9]+", "-", words).strip("-")[:120] or "bao-cao"
    return f"{slug}.{fmt}"


def document_response(doc: ReportDocument, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise ValueError(fmt)
    body = render_xlsx(doc) if fmt == "xlsx" else render_pdf(doc)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, document_filename(doc, fmt))
    return response
