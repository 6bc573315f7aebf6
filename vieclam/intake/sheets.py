"""A sheet's rows to records of the registry's fields: the header found and mapped, each data column converted
from a legacy font when it is one, rows numbered as the officer sees them. Values stay as read; values.py
parses them field by field in the import, so one bad cell is reported on its row and the rest still checked.

    >>> sheet = Sheet("csv", [["Họ và tên", "Ngày sinh", "Giới tính"], ["NguyÔn V¨n An", "05/03/1990", "Nam"]])
    >>> intake = prepare(sheet)
    >>> intake.records[0].line, intake.records[0].values["full_name"], intake.column_encodings
    (2, 'Nguyễn Văn An', {'full_name': 'tcvn3'})
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vieclam.intake.encodings import fix_column
from vieclam.intake.headers import HeaderMapping, find_header
from vieclam.intake.workbooks import Sheet

__all__ = ("Intake", "Row", "prepare")


@dataclass(frozen=True)
class Row:
    line: int  # the spreadsheet row number
    values: dict[str, object]  # field -> cell as read (legacy text converted)


@dataclass
class Intake:
    mapping: HeaderMapping | None  # None: no header row found in the first rows
    records: list[Row] = field(default_factory=list)
    column_encodings: dict[str, str] = field(default_factory=dict)  # field -> legacy encoding converted from


def prepare(sheet: Sheet) -> Intake:
    mapping = find_header(sheet.rows)
    if mapping is None:
        return Intake(None)
    start = mapping.first_data_row - 1
    body = sheet.rows[start:]
    intake = Intake(mapping)
    columns: dict[str, list[object]] = {}
    for name, index in mapping.fields.items():
        cells, encoding = fix_column([row[index] if index < len(row) else None for row in body])
        columns[name] = cells
        if encoding:
            intake.column_encodings[name] = encoding
    for offset, row in enumerate(body):
        if not any(cell is not None and str(cell).strip() for cell in row):
            continue
        values = {name: cells[offset] for name, cells in columns.items()}
        intake.records.append(Row(start + offset + 1, values))
    return intake
