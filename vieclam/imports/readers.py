"""Read an uploaded file of postings (CSV, XLSX or JSON Lines) into numbered records; no database.

    >>> table = read_table(filename="tin.csv", content="title,company\\nKế toán,Công ty A\\n".encode())
    >>> table.records[0].line, table.records[0].values["company"]
    (2, 'Công ty A')

Row numbers are what the officer sees: the spreadsheet row for CSV and XLSX (the header is row 1), the line for
JSON Lines. Records are kept as read (header → cell); sources.py maps them to our fields. Problems with the
whole file raise ImportFileError with a message to show; a JSON line that cannot be read becomes a record with
an `error`, so the other lines are still checked.

Limits are applied while the file is read, never after loading it whole: the bytes (MAX_BYTES), the rows (the
reading stops at the first row past the limit, blank rows included up to BLANK_ROWS), the columns (MAX_COLUMNS)
and each cell (MAX_CELL). An .xlsx is a zip: the sizes its members declare once unzipped are checked before
anything is parsed (MAX_UNZIPPED in all, and no member unzipping to more than MAX_RATIO times its packed size), so a
small file that expands to millions of rows (a "zip bomb") is refused at once. Python's zipfile never unzips a
member past the size it declares. Control characters are dropped from every cell (core.text.clean_text).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.utils.translation import gettext_lazy as _

from vieclam.core.text import clean_text
from vieclam.imports.choices import FileFormat

__all__ = ("MAX_BYTES", "MAX_ROWS", "ImportFileError", "Record", "Table", "read_table")

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000
BLANK_ROWS = 10_000  # blank rows read past the data rows before the file is refused as too long
MAX_COLUMNS = 200
MAX_CELL = 32_767  # characters: what an Excel cell holds
MAX_UNZIPPED = 60 * 1024 * 1024  # an .xlsx of 10.000 postings with long descriptions unzips to about 30 MB
MAX_RATIO = 100  # real workbooks pack 3–20 times; a zip bomb hundreds of times
MAX_MEMBERS = 1_000
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
    "Tệp có hơn {max} dòng dữ liệu; ở đây mỗi lần nhập tối đa {max} dòng: chia thành nhiều tệp "
    "(lệnh vieclam import_vacancies nhận đến {command_max} dòng)."
)
TOO_MANY_LINES = _("Tệp có hơn {max} dòng (kể cả dòng trống): xóa các dòng trống ở cuối rồi tải lên lại.")
TOO_MANY_COLUMNS = _("Dòng {line} có hơn {max} cột: tệp tin tuyển dụng chỉ cần vài chục cột.")
CELL_TOO_LONG = _("Ô ở dòng {line}, cột “{column}” dài {size} ký tự; mỗi ô tối đa {max} ký tự.")
CSV_CELL_TOO_LONG = _("Tệp “{name}” có một ô dài hơn {max} ký tự; mỗi ô tối đa {max} ký tự.")
ZIP_BOMB = _(
    "Tệp Excel “{name}” giải nén ra {size} MB, quá lớn so với tệp tải lên (tối đa {max} MB, hoặc tệp nén bất "
    "thường): mở bằng Excel, xóa các dòng và cột thừa rồi lưu lại, hoặc lưu dưới dạng CSV UTF-8."
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
    table = reader(name, content, max_rows)
    if not table.records:
        raise ImportFileError(str(NO_ROWS))
    return table


def _too_many_rows(max_rows: int) -> ImportFileError:
    return ImportFileError(TOO_MANY_ROWS.format(max=_n(max_rows), command_max=_n(MAX_ROWS)))


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
def _read_csv(name: str, content: bytes, max_rows: int) -> Table:
    text = _text(name, content)
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        return _from_rows(FileFormat.CSV, csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), max_rows)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):  # the csv module's own bound, above MAX_CELL
            raise ImportFileError(CSV_CELL_TOO_LONG.format(name=name, max=_n(MAX_CELL))) from exc
        raise ImportFileError(BAD_CSV.format(name=name, reason=exc)) from exc


def _from_rows(file_format: str, rows: Iterable, max_rows: int) -> Table:
    """Header row then data rows (spreadsheet row n is the n-th row read); blank rows are skipped, not renumbered.

    `rows` is read one row at a time and left as soon as a limit is passed."""
    rows = iter(rows)
    first = _bounded(next(rows, None) or [], 1)
    if not any(_present(cell) for cell in first):
        raise ImportFileError(str(NO_HEADER))
    headers = [_header(cell) for cell in first]
    named = [h for h in headers if h]
    for header in named:
        if named.count(header) > 1:
            raise ImportFileError(DUPLICATE_HEADER.format(column=header))
    table = Table(file_format, named)
    for number, raw in enumerate(rows, start=2):
        if number > max_rows + BLANK_ROWS + 1:
            raise ImportFileError(TOO_MANY_LINES.format(max=_n(max_rows + BLANK_ROWS + 1)))
        row = _bounded(raw, number, headers)
        if not any(_present(cell) for cell in row):
            continue
        if len(table.records) == max_rows:
            raise _too_many_rows(max_rows)
        values = {h: cell for h, cell in zip(headers, row, strict=False) if h}
        extra = [cell for cell in row[len(headers) :] if _present(cell)]
        error = EXTRA_CELLS.format(cells=len(row), headers=len(headers)) if extra else ""
        table.records.append(Record(number, values, error))
    return table


def _bounded(row, line: int, headers: list[str] | None = None) -> list:
    """The row's cells, text cleaned of control characters; too many columns or too long a cell is refused."""
    row = list(row)
    while row and not _present(row[-1]):
        row.pop()
    if len(row) > MAX_COLUMNS:
        raise ImportFileError(TOO_MANY_COLUMNS.format(line=line, max=MAX_COLUMNS))
    cells = [_cell(cell) for cell in row]
    for index, cell in enumerate(cells):
        if isinstance(cell, str) and len(cell) > MAX_CELL:
            column = (headers[index] if headers and index < len(headers) else "") or str(index + 1)
            raise ImportFileError(CELL_TOO_LONG.format(line=line, column=column, size=_n(len(cell)), max=_n(MAX_CELL)))
    return cells


def _cell(cell):
    return clean_text(cell, multiline=True) if isinstance(cell, str) else cell


def _header(cell) -> str:
    return " ".join(str(cell).split()) if _present(cell) else ""


def _present(cell) -> bool:
    return cell is not None and str(cell).strip() != ""


#
# XLSX
#
def _read_xlsx(name: str, content: bytes, max_rows: int) -> Table:
    _check_unzipped(name, content)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(BAD_XLSX.format(name=name)) from exc
    except Exception as exc:  # openpyxl raises its own InvalidFileException and parser errors
        raise ImportFileError(BAD_XLSX.format(name=name)) from exc
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # rows as stored, not padded to a used range the file may overstate
        return _from_rows(FileFormat.XLSX, sheet.iter_rows(values_only=True), max_rows)
    finally:
        workbook.close()


def _check_unzipped(name: str, content: bytes) -> None:
    """Refuse, from the sizes the zip declares, a workbook that unzips far larger than it is."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ImportFileError(BAD_XLSX.format(name=name)) from exc
    if len(members) > MAX_MEMBERS:
        raise ImportFileError(BAD_XLSX.format(name=name))
    unzipped = sum(member.file_size for member in members)
    bomb = any(m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(m.compress_size, 1) for m in members)
    if unzipped > MAX_UNZIPPED or bomb:
        size = _n(unzipped // 1024 // 1024)
        raise ImportFileError(ZIP_BOMB.format(name=name, size=size, max=_n(MAX_UNZIPPED // 1024 // 1024)))


#
# JSON Lines (a JSON array of objects is accepted too: some scrapers write one)
#
def _read_jsonl(name: str, content: bytes, max_rows: int) -> Table:
    text = _text(name, content)
    numbered: Iterator[tuple[int, Any, str]]
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportFileError(BAD_JSON_FILE.format(name=name, reason=exc.msg)) from exc
        numbered = ((n, item, "") for n, item in enumerate(items, start=1))
    else:
        numbered = (_json_line(n, line) for n, line in enumerate(io.StringIO(text), start=1) if line.strip())
    table = Table(FileFormat.JSONL, [])
    seen: dict[str, None] = {}
    for number, item, error in numbered:
        if len(table.records) == max_rows:
            raise _too_many_rows(max_rows)
        item = _json_clean(item)
        if not error and not isinstance(item, dict):
            error = NOT_OBJECT.format(kind=type(item).__name__)
        values = item if isinstance(item, dict) and not error else {}
        seen.update(dict.fromkeys(values))
        table.records.append(Record(number, values, error))
    table.headers = list(seen)
    return table


def _json_clean(item: Any) -> Any:
    """Control characters dropped from every text of a posting (JSON escapes let any of them through)."""
    if isinstance(item, str):
        return clean_text(item, multiline=True)
    if isinstance(item, dict):
        return {_json_clean(key): _json_clean(value) for key, value in item.items()}
    if isinstance(item, list):
        return [_json_clean(value) for value in item]
    return item


def _json_line(number: int, line: str) -> tuple[int, Any, str]:
    try:
        return number, json.loads(line), ""
    except json.JSONDecodeError as exc:
        return number, None, BAD_JSON.format(reason=exc.msg)


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")
