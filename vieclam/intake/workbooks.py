"""The rows of an uploaded worker-registry file: Excel (.xlsx, and the legacy .xls communes still keep) through
python-calamine, CSV through encodings.decode_bytes; no database.

The limits are those of imports.readers (bytes, rows, columns, cell length, an .xlsx's unzipped size), with its
messages. Rows come back as read, blank rows included (the header finder and the row numbers need them), values
typed as the spreadsheet holds them (text, int or float, date or datetime, bool, None), text cleaned of control
characters. Legacy-font columns are not converted here: the caller maps the header first, then fixes each
column (encodings.fix_column).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import PurePath

from django.utils.translation import gettext_lazy as _

from vieclam.core.text import clean_text
from vieclam.imports import readers
from vieclam.imports.readers import (
    BLANK_ROWS,
    MAX_BYTES,
    MAX_CELL,
    MAX_COLUMNS,
    MAX_ROWS,
    OLE_MAGIC,
    ZIP_MAGIC,
    ImportFileError,
)
from vieclam.intake.encodings import decode_bytes

__all__ = ("Sheet", "read_rows")

XLS, XLSX, CSV = "xls", "xlsx", "csv"
EXTENSIONS = {".xls": XLS, ".xlsx": XLSX, ".xlsm": XLSX, ".csv": CSV, ".txt": CSV, ".tsv": CSV}

WRONG_TYPE = _("Tệp “{name}” không phải Excel (.xls, .xlsx) hay CSV: sổ lao động chỉ nhận ba loại tệp này.")
BAD_EXCEL = _("Không đọc được tệp Excel “{name}”: tệp hỏng, có mật khẩu, hoặc không phải tệp Excel.")
NO_SHEET = _("Tệp Excel “{name}” không có trang tính nào.")
BROKEN_TEXT = _(
    "Tệp “{name}” hỏng: đánh dấu là Unicode (UTF-8 hoặc UTF-16) nhưng nội dung không khớp. Mở bằng Excel rồi "
    "lưu lại dưới dạng CSV UTF-8."
)


@dataclass(frozen=True)
class Sheet:
    file_format: str  # xls, xlsx or csv
    rows: list[list[object]]  # rows[0] is spreadsheet row 1
    sheet_name: str = ""
    encoding: str = ""  # of a CSV file: utf-8, utf-16, cp1258, tcvn3 or vni


def read_rows(*, filename: str, content: bytes, max_rows: int = MAX_ROWS) -> Sheet:
    """The first sheet's rows (a CSV file's lines); ImportFileError with the message to show when the file as a
    whole cannot be read or passes a limit."""
    name = PurePath(filename or "").name or "?"
    if len(content) > MAX_BYTES:
        size = f"{len(content) / 1024 / 1024:.1f}".replace(".", ",")
        raise ImportFileError(readers.TOO_LARGE.format(name=name, size=size, max=MAX_BYTES // 1024 // 1024))
    if not content.strip():
        raise ImportFileError(readers.EMPTY_FILE.format(name=name))
    file_format = _format(name, content)
    if file_format == CSV:
        return _csv(name, content, max_rows)
    if file_format == XLSX:
        readers._check_unzipped(name, content)  # the zip-bomb check of the postings import, before any parsing
    return _excel(name, file_format, content, max_rows)


def _format(name: str, content: bytes) -> str:
    if content.startswith(OLE_MAGIC):
        return XLS
    if content.startswith(ZIP_MAGIC):
        return XLSX
    file_format = EXTENSIONS.get(PurePath(name).suffix.lower())
    if file_format in (XLS, XLSX):
        raise ImportFileError(BAD_EXCEL.format(name=name))
    if file_format is None:
        raise ImportFileError(WRONG_TYPE.format(name=name))
    return file_format


def _excel(name: str, file_format: str, content: bytes, max_rows: int) -> Sheet:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
        if not workbook.sheet_names:
            raise ImportFileError(NO_SHEET.format(name=name))
        sheet = workbook.get_sheet_by_index(0)
        _check_size(sheet.height, sheet.width, max_rows)
        rows = _bounded(sheet.iter_rows(), max_rows)
    except (CalamineError, ValueError, OSError) as exc:
        if isinstance(exc, ImportFileError):
            raise
        raise ImportFileError(BAD_EXCEL.format(name=name)) from exc
    return Sheet(file_format, rows, sheet.name)


def _check_size(height: int, width: int, max_rows: int) -> None:
    """The used range the sheet declares, refused before its cells are read row by row."""
    if height > max_rows + BLANK_ROWS + 1:
        raise ImportFileError(readers.TOO_MANY_LINES.format(max=readers._n(max_rows + BLANK_ROWS + 1)))
    if width > MAX_COLUMNS:
        raise ImportFileError(readers.TOO_MANY_COLUMNS.format(line=1, max=MAX_COLUMNS))


def _csv(name: str, content: bytes, max_rows: int) -> Sheet:
    try:
        decoded = decode_bytes(content)
    except UnicodeDecodeError as exc:
        raise ImportFileError(BROKEN_TEXT.format(name=name)) from exc
    first_line = decoded.text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        rows = _bounded(csv.reader(io.StringIO(decoded.text, newline=""), delimiter=delimiter), max_rows)
    except csv.Error as exc:
        raise ImportFileError(readers.BAD_CSV.format(name=name, reason=exc)) from exc
    return Sheet(CSV, rows, "", decoded.encoding)


def _bounded(rows, max_rows: int) -> list[list[object]]:
    """Every row, trailing empty cells dropped, text cleaned; stops at the first limit passed."""
    found: list[list[object]] = []
    filled = 0
    for number, raw in enumerate(rows, start=1):
        if number > max_rows + BLANK_ROWS + 1:
            raise ImportFileError(readers.TOO_MANY_LINES.format(max=readers._n(max_rows + BLANK_ROWS + 1)))
        row = [_cell(value, number) for value in raw]
        while row and row[-1] is None:
            row.pop()
        if len(row) > MAX_COLUMNS:
            raise ImportFileError(readers.TOO_MANY_COLUMNS.format(line=number, max=MAX_COLUMNS))
        filled += bool(row)
        if filled > max_rows + 1:  # the header and max_rows data rows (a title block above is within BLANK_ROWS)
            raise ImportFileError(readers.TOO_MANY_ROWS.format(max=readers._n(max_rows), command_max=MAX_ROWS))
        found.append(row)
    while found and not found[-1]:
        found.pop()
    return found


def _cell(value: object, line: int) -> object:
    if isinstance(value, str):
        if len(value) > MAX_CELL:
            raise ImportFileError(
                readers.CELL_TOO_LONG.format(line=line, column="?", size=readers._n(len(value)), max=MAX_CELL)
            )
        value = clean_text(value, multiline=True)
        return value if value.strip() else None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # .xls keeps every number as a float; a CCCD or a year is whole
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    return value
