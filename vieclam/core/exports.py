"""CSV and Excel exports of a filtered, scoped list: the caller passes rows already scoped.

Columns are (header, getter) pairs; getters take a row and return a value. Rows are streamed for CSV
and written in constant memory for Excel (openpyxl write-only mode).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

Column = tuple[str, Callable[[object], object]]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else value


def export_csv(rows: Iterable, columns: Sequence[Column], filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # Excel opens UTF-8 CSV with Vietnamese text correctly only with a BOM
        yield writer.writerow([header for header, _ in columns])
        for row in rows:
            yield writer.writerow([_cell(get(row)) for _, get in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def export_xlsx(rows: Iterable, columns: Sequence[Column], filename: str) -> HttpResponse:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(filename[:31])
    sheet.append([header for header, _ in columns])
    for row in rows:
        sheet.append([_cell(get(row)) for _, get in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def export_response(fmt: str, rows: Iterable, columns: Sequence[Column], filename: str) -> HttpResponse:
    if fmt == "xlsx":
        return export_xlsx(rows, columns, filename)
    return export_csv(rows, columns, filename)
