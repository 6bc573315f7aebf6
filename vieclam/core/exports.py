"""One exporter shape for every registry: columns declared once, CSV and Excel of the same (scoped, filtered) rows.

A registry's `exporters.py` subclasses `Exporter` and lists its columns: a label (gettext) and a getter, either a
callable or a dotted attribute path ("person.residence_commune.name"). `choice()` exports a choice field as its
label and `coded()` a code-list code as its name, so a person reads words, never codes.

Built in for every export:
- the spreadsheet-formula guard on every text cell: control characters are dropped (core.text.strip_controls:
  a bell in a name made openpyxl refuse the whole file), then text starting with = + - @, a tab or a CR gets a
  leading ' (CSV and Excel); a plain signed number such as a phone "+84 912 345 678" is left alone (no formula
  can hide in it); Excel cells are cut at the 32.767 characters a cell holds;
- dates dd/mm/yyyy: real date cells in Excel, text in CSV; yes/no as "Có"/"Không"; numbers without separators;
- Excel: a labelled, bold, frozen header row and column widths fitted to the first rows (write-only mode, so a
  large export stays in constant memory); CSV is streamed with a BOM so Excel reads Vietnamese correctly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from vieclam.core.text import strip_controls

__all__ = ("FORMATS", "FORMULA_STARTS", "Column", "Exporter", "choice", "coded", "neutralise", "yes_no")

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A cell starting with one of these is read as a formula by spreadsheet programs (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9 .,]*")
DATE_FORMAT = "DD/MM/YYYY"
MOMENT_FORMAT = "DD/MM/YYYY HH:MM"
WIDTH_SAMPLE = 100  # rows read to fit the column widths
WIDTH_MIN, WIDTH_MAX = 8, 60
CELL_MAX = 32_767  # characters an Excel cell holds; a longer text makes Excel "repair" the file


def neutralise(text: str) -> str:
    """Text as text: control characters dropped, and a leading = + - @, tab or CR gets a quote so no spreadsheet
    runs it as a formula."""
    text = strip_controls(text)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


@dataclass(frozen=True)
class Column:
    """One column: its header label and how to read the value from a row."""

    label: str | Promise
    get: Callable[[Any], Any] | str

    def value(self, row: Any) -> Any:
        if callable(self.get):
            return self.get(row)
        return _path(row, self.get)


def _path(row: Any, path: str) -> Any:
    value = row
    for name in path.split("."):
        if value is None:
            return None
        value = getattr(value, name)
    return value


def choice(label: str | Promise, path: str) -> Column:
    """A choice field by its label, like row.get_sex_display() for choice(_("Giới tính"), "sex").

    The labels are read once per export from the model field's choices (get_FOO_display per row is slow).
    """
    owner, _dot, field = path.rpartition(".")
    labels: dict[Any, str] = {}

    def label_of(row: Any) -> str:
        obj = _path(row, owner) if owner else row
        if obj is None:
            return ""
        if not labels:
            labels.update((value, str(text)) for value, text in obj._meta.get_field(field).flatchoices)
        value = getattr(obj, field)
        return labels.get(value, value or "")

    return Column(label, label_of)


def coded(label: str | Promise, path: str, names: Mapping[str, str]) -> Column:
    """A code-list code by its name; `names` maps code → name (an unknown code stays as typed)."""

    def name_of(row: Any) -> str:
        code = _path(row, path)
        return names.get(code, code) if code else ""

    return Column(label, name_of)


def yes_no(label: str | Promise, get: Callable[[Any], Any] | str) -> Column:
    column = Column(label, get)
    return Column(label, lambda row: bool(column.value(row)))


class Exporter:
    """Subclass per registry: set `filename` and return the columns from `columns()` (load name maps there)."""

    filename = "danh-sach"

    def columns(self) -> Sequence[Column]:
        raise NotImplementedError

    def prepare(self, rows: Any) -> Any:
        """Hook: narrow the queryset to what the columns read (e.g. `.only(...)`); a large export then loads less."""
        return rows

    def response(self, fmt: str, rows: Iterable) -> HttpResponse | StreamingHttpResponse:
        """The file for ?export=csv|xlsx; `rows` is the scoped, filtered queryset (read in chunks)."""
        rows = self.prepare(rows)
        if hasattr(rows, "iterator"):
            rows = rows.iterator(chunk_size=2000)
        columns = list(self.columns())
        name = f"{self.filename}-{timezone.localdate():%Y-%m-%d}.{fmt}"
        if fmt == "xlsx":
            response = HttpResponse(xlsx_bytes(columns, rows, self.filename), content_type=FORMATS["xlsx"])
        else:
            response = StreamingHttpResponse(csv_lines(columns, rows), content_type=FORMATS["csv"])
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


#
# CSV
#
class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_text(value: Any) -> str:
    """A value as CSV text: dates dd/mm/yyyy, yes/no in words, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, dt.datetime):
        return f"{timezone.localtime(value) if timezone.is_aware(value) else value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, int | float | Decimal):
        return str(value)
    return neutralise(str(value))


def csv_lines(columns: Sequence[Column], rows: Iterable) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # Excel opens UTF-8 CSV with Vietnamese text correctly only with a BOM
    yield writer.writerow([str(column.label) for column in columns])
    for row in rows:
        yield writer.writerow([csv_text(column.value(row)) for column in columns])


#
# Excel
#
def _xlsx_value(value: Any) -> tuple[Any, str | None]:
    """(cell value, number format): real dates and numbers, text neutralised."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return (_("Có") if value else _("Không")), None
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.replace(tzinfo=None), MOMENT_FORMAT
    if isinstance(value, dt.date):
        return value, DATE_FORMAT
    if isinstance(value, int | float | Decimal):
        return value, None
    return neutralise(str(value))[:CELL_MAX], None


def _width(value: Any, fmt: str | None) -> int:
    if fmt:
        return len(fmt) + 2
    return len(str(value)) + 2 if value is not None else 0


def xlsx_bytes(columns: Sequence[Column], rows: Iterable, title: str) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    rows = iter(rows)
    sample = [[_xlsx_value(column.value(row)) for column in columns] for row in itertools.islice(rows, WIDTH_SAMPLE)]
    for index, column in enumerate(columns):
        widest = max([len(str(column.label)) + 2, *(_width(*cells[index]) for cells in sample)])
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(widest, WIDTH_MIN), WIDTH_MAX)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_cell(sheet, str(column.label), None, bold) for column in columns])
    for cells in sample:
        sheet.append([_cell(sheet, value, fmt) for value, fmt in cells])
    for row in rows:
        sheet.append([_cell(sheet, *_xlsx_value(column.value(row))) for column in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(sheet, value: Any, fmt: str | None, font: Font | None = None):
    if fmt is None and font is None:
        return value
    cell = WriteOnlyCell(sheet, value=value)
    if fmt:
        cell.number_format = fmt
    if font:
        cell.font = font
    return cell
