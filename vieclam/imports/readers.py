"""Read an uploaded file of postings (CSV, XLSX or JSON Lines) into numbered records; no database.

    >>> table = read_table(filename="tin.csv", content="title,company\\nKế toán,Công ty A\\n".encode())
    >>> table.records[0].line, table.records[0].values["company"]
    (2, 'Công ty A')

Row numbers are what the officer sees: the spreadsheet row for CSV and XLSX (the header is row 1), the line for
JSON Lines. Records are kept as read (header → cell); sources.py maps them to our fields. Problems with the
whole file raise ImportFileError with a message to show; a JSON line that cannot be read becomes a record with
an `error`, so the other lines are still checked.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.utils.translation import gettext_lazy as _

from vieclam.imports.choices import FileFormat

__all__ = ("MAX_BYTES", "MAX_ROWS", "ImportFileError", "Record", "Table", "read_table")

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000
EXTENSIONS = {
    ".csv": FileFormat.CSV,
    ".tsv": FileFormat.CSV,
    ".txt": FileFormat.CSV,
    ".xlsx": FileFormat.XLSX,
    ".xlsm": FileFormat.XLSX,
    ".jsonl": FileFormat.JSONL,
    ".ndjson": FileFormat.JSONL,
    ".json": FileFormat.JSONL,
}
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97–2003 (.xls)

EMPTY_FILE = _("Tệp “{name}” rỗng: không có dữ liệu nào.")
TOO_LARGE = _("Tệp “{name}” lớn {size} MB; mỗi lần nhập tối đa {max} MB.")
WRONG_TYPE = _("Tệp “{name}” không phải CSV, Excel (.xlsx) hay JSON Lines (.jsonl): chỉ nhận ba loại tệp này.")
OLD_EXCEL = _("Tệp “{name}” là Excel cũ (.xls): mở bằng Excel rồi lưu lại dưới dạng .xlsx hoặc CSV UTF-8.")
BAD_XLSX = _("Không đọc được tệp Excel “{name}”: tệp hỏng hoặc không phải .xlsx.")
NOT_TEXT = _("Tệp “{name}” không phải tệp văn bản: CSV và JSON Lines phải là văn bản.")
NOT_UTF8 = _("Tệp “{name}” không mã hóa UTF-8: trong Excel chọn Lưu dưới dạng → “CSV UTF-8 (Comma delimited)”.")
BAD_CSV = _("Không đọc được tệp CSV “{name}”: {reason}.")
BAD_JSON_FILE = _("Không đọc được tệp JSON “{name}”: {reason}.")
NO_HEADER = _("Dòng 1 của tệp phải là dòng tiêu đề cột (tên các cột), nhưng đang trống.")
DUPLICATE_HEADER = _("Cột “{column}” có hai lần ở dòng tiêu đề: mỗi cột chỉ một lần.")
NO_ROWS = _("Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.")
TOO_MANY_ROWS = _(
    "Tệp có {count} dòng dữ liệu; ở đây mỗi lần nhập tối đa {max} dòng: chia thành nhiều tệp "
    "(lệnh vieclam import_vacancies nhận đến {command_max} dòng)."
)
BAD_JSON = _("Không phải JSON hợp lệ ({reason}).")
NOT_OBJECT = _("Mỗi dòng JSON Lines phải là một đối tượng {{…}}, không phải {kind}.")
EXTRA_CELLS = _("Dòng có nhiều ô hơn dòng tiêu đề ({cells} ô, {headers} cột): kiểm tra dấu phẩy trong ô.")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; str(error) is the message to show."""


@dataclass(frozen=True)
class Record:
    """One row of the file: its number as the officer sees it, and header → cell as read."""

    line: int
    values: dict[str, Any]
    error: str = ""


@dataclass
class Table:
    """The rows of a file and the names of its columns, in file order."""

    file_format: str
    headers: list[str]
    records: list[Record] = field(default_factory=list)


def read_table(*, filename: str, content: bytes, max_rows: int | None = None) -> Table:
    """The records of `content`; the format comes from the file name, checked against the bytes."""
    max_rows = MAX_ROWS if max_rows is None else max_rows
    name = PurePath(filename or "").name or "?"
    if len(content) > MAX_BYTES:
        size = f"{len(content) / 1024 / 1024:.1f}".replace(".", ",")
        raise ImportFileError(TOO_LARGE.format(name=name, size=size, max=MAX_BYTES // 1024 // 1024))
    if not content.strip():
        raise ImportFileError(EMPTY_FILE.format(name=name))
    file_format = _format(name, content)
    reader = {FileFormat.CSV: _read_csv, FileFormat.XLSX: _read_xlsx, FileFormat.JSONL: _read_jsonl}[file_format]
    table = reader(name, content)
    if not table.records:
        raise ImportFileError(str(NO_ROWS))
    if len(table.records) > max_rows:
        message = TOO_MANY_ROWS.format(count=_n(len(table.records)), max=_n(max_rows), command_max=_n(MAX_ROWS))
        raise ImportFileError(message)
    return table


def _format(name: str, content: bytes) -> str:
    if content.startswith(OLE_MAGIC):
        raise ImportFileError(OLD_EXCEL.format(name=name))
    file_format = EXTENSIONS.get(PurePath(name).suffix.lower())
    if file_format is None:
        raise ImportFileError(WRONG_TYPE.format(name=name))
    if file_format == FileFormat.XLSX or content.startswith(ZIP_MAGIC):
        if not content.startswith(ZIP_MAGIC):
            raise ImportFileError(BAD_XLSX.format(name=name))
        return FileFormat.XLSX
    if b"\x00" in content[:4096]:
        raise ImportFileError(NOT_TEXT.format(name=name))
    return file_format


def _text(name: str, content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(NOT_UTF8.format(name=name)) from exc


#
# CSV
#
def _read_csv(name: str, content: bytes) -> Table:
    text = _text(name, content)
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportFileError(BAD_CSV.format(name=name, reason=exc)) from exc
    return _from_rows(FileFormat.CSV, rows)


def _from_rows(file_format: str, rows: list) -> Table:
    """Header row then data rows (spreadsheet row n is rows[n - 1]); blank rows are skipped, not renumbered."""
    if not rows or not any(_present(cell) for cell in rows[0]):
        raise ImportFileError(str(NO_HEADER))
    headers = [_header(cell) for cell in rows[0]]
    named = [h for h in headers if h]
    for header in named:
        if named.count(header) > 1:
            raise ImportFileError(DUPLICATE_HEADER.format(column=header))
    table = Table(file_format, named)
    for number, row in enumerate(rows[1:], start=2):
        if not any(_present(cell) for cell in row):
            continue
        values = {h: cell for h, cell in zip(headers, row, strict=False) if h}
        extra = [cell for cell in row[len(headers) :] if _present(cell)]
        error = EXTRA_CELLS.format(cells=len(row), headers=len(headers)) if extra else ""
        table.records.append(Record(number, values, error))
    return table


def _header(cell) -> str:
    return " ".join(str(cell).split()) if _present(cell) else ""


def _present(cell) -> bool:
    return cell is not None and str(cell).strip() != ""


#
# XLSX
#
def _read_xlsx(name: str, content: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(BAD_XLSX.format(name=name)) from exc
    except Exception as exc:  # openpyxl raises its own InvalidFileException and parser errors
        raise ImportFileError(BAD_XLSX.format(name=name)) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return _from_rows(FileFormat.XLSX, rows)


#
# JSON Lines (a JSON array of objects is accepted too: some scrapers write one)
#
def _read_jsonl(name: str, content: bytes) -> Table:
    text = _text(name, content)
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportFileError(BAD_JSON_FILE.format(name=name, reason=exc.msg)) from exc
        numbered = [(n, item, "") for n, item in enumerate(items, start=1)]
    else:
        numbered = [_json_line(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    table = Table(FileFormat.JSONL, [])
    seen: dict[str, None] = {}
    for number, item, error in numbered:
        if not error and not isinstance(item, dict):
            error = NOT_OBJECT.format(kind=type(item).__name__)
        values = item if isinstance(item, dict) and not error else {}
        seen.update(dict.fromkeys(values))
        table.records.append(Record(number, values, error))
    table.headers = list(seen)
    return table


def _json_line(number: int, line: str) -> tuple[int, Any, str]:
    try:
        return number, json.loads(line), ""
    except json.JSONDecodeError as exc:
        return number, None, BAD_JSON.format(reason=exc.msg)


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")
