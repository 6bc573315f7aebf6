"""Column headers of a commune's worker-registry sheet mapped to the registry's fields, for the preview page.

Headers are matched against data/header_aliases.csv (the wording of Mẫu 03 TT 11/2022 and the variants communes
type; add a row to accept a new one) without regard to diacritics, case, spacing, line breaks, punctuation,
numbering ("(1)", "1.", "Cột 3") or a required-mark "(*)". A header typed in a TCVN3 or VNI font is converted first
(encodings.fix_column). A two-row header (a merged cell over its sub-columns: "Nơi thường trú" over "Xã/phường")
is read by `find_header`, which also finds the header row below a title block.

Nothing is dropped silently: a header that matches no field is reported as unknown, two columns for one field as
a duplicate, a required field without a column as missing, each with a message naming the column.

    >>> mapping = map_headers(["STT", "Họ và tên (1)", "NGAY SINH", "Giới\\ntính", "Số CCCD/CMND", "Sở thích"])
    >>> mapping.fields
    {'full_name': 1, 'date_of_birth': 2, 'sex': 3, 'national_id': 4}
    >>> [column.header for column in mapping.unknown]
    ['Sở thích']
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.translation import gettext as _

from vieclam.core.text import fold
from vieclam.intake.encodings import DATA, fix_column

__all__ = ("IGNORED", "Column", "HeaderMapping", "field_labels", "find_header", "map_headers", "normalise")

IGNORED = "_ignored"
MAPPED, UNKNOWN, DUPLICATE, SKIPPED = "mapped", "unknown", "duplicate", "ignored"
SCAN_ROWS = 15  # rows searched for the header below a sheet's title block

# "(1)", "[2]", "1.", "2)", "Cột 3", "(*)", "*" around a header: the form's numbering and required marks.
_NUMBERING = re.compile(r"^\s*(?:cot\s*)?\d+\s*[.):]\s+|^\s*cot\s+\d+\s*|[(\[]\s*(?:\d+|\*|[a-z])\s*[)\]]|\*")
_PUNCTUATION = re.compile(r"[^\w]+")
_PARENTHESES = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row
    header: str  # as shown to the officer (two-row headers joined by " / ")
    field: str | None  # a registry field, IGNORED, or None
    status: str  # mapped, unknown, duplicate or ignored


@dataclass
class HeaderMapping:
    columns: list[Column]
    header_rows: tuple[int, ...] = (1,)  # spreadsheet row numbers of the header
    first_data_row: int = 2
    encoding: str | None = None  # a legacy encoding the header was converted from
    missing: list[str] = field(default_factory=list)  # required fields without a column

    @property
    def fields(self) -> dict[str, int]:
        """Field -> column index of every mapped column (the first of duplicates is not mapped either)."""
        return {c.field: c.index for c in self.columns if c.status == MAPPED and c.field}

    @property
    def unknown(self) -> list[Column]:
        return [c for c in self.columns if c.status == UNKNOWN]

    @property
    def duplicates(self) -> dict[str, list[Column]]:
        found: dict[str, list[Column]] = {}
        for column in self.columns:
            if column.status == DUPLICATE and column.field:
                found.setdefault(column.field, []).append(column)
        return found

    @property
    def ok(self) -> bool:
        """Whether the import can go on: every required field has one column, and no field has two."""
        return not self.missing and not self.duplicates

    @property
    def messages(self) -> list[str]:
        """Vietnamese messages for the preview: errors first (missing, duplicate), then the unknown columns."""
        labels = field_labels()
        found = [
            _("Thiếu cột bắt buộc “{label}”: thêm cột này vào dòng tiêu đề.").format(label=labels[name])
            for name in self.missing
        ]
        for name, columns in self.duplicates.items():
            found.append(
                _("Các cột {columns} đều là “{label}”: mỗi thông tin chỉ một cột, xóa hoặc đổi tên cột thừa.").format(
                    columns=", ".join(f"{_letter(c.index)} “{c.header}”" for c in columns), label=labels[name]
                )
            )
        for column in self.unknown:
            found.append(
                _(
                    "Cột {letter} “{header}” không khớp thông tin nào của sổ lao động: cột này sẽ không được nhập."
                ).format(letter=_letter(column.index), header=column.header)
            )
        return found


#
# The alias table
#
@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    with open(DATA / "header_aliases.csv", encoding="utf-8", newline="") as file:
        return {normalise(row["alias"]): row["field"] for row in csv.DictReader(file)}


@lru_cache(maxsize=1)
def _fields() -> list[dict[str, str]]:
    with open(DATA / "header_fields.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def field_labels() -> dict[str, str]:
    """Field -> the form's wording of it, for the preview's column list."""
    return {row["field"]: row["label"] for row in _fields()}


def _covers() -> dict[str, list[str]]:
    """Field -> the fields its column stands for too: a birth date under "Nam" gives the sex as well."""
    return {row["field"]: row["covers"].split() for row in _fields() if row["covers"]}


def _required() -> list[str]:
    return [row["field"] for row in _fields() if row["required"] == "yes"]


def normalise(header: str) -> str:
    """'(2) Ngày, tháng,\\nnăm sinh (*)' -> 'ngay thang nam sinh': what two spellings of one header share."""
    text = fold(str(header))
    text = _NUMBERING.sub(" ", text)
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def _match(header: str) -> str | None:
    aliases = _aliases()
    key = normalise(header)
    if key in aliases:
        return aliases[key]
    # A note in parentheses: "Ngày sinh (dd/mm/yyyy)", "Dân tộc (ghi rõ)".
    bare = normalise(_PARENTHESES.sub(" ", fold(str(header))))
    return aliases.get(bare)


#
# One header row
#
def map_headers(row: Sequence[object], *, header_rows: tuple[int, ...] = (1,)) -> HeaderMapping:
    """The mapping of one header row (cells as read: text, numbers or None)."""
    cells, encoding = fix_column(row)
    headers = [" ".join(str(c).split()) if c is not None else "" for c in cells]
    named = [(index, header, _match(header)) for index, header in enumerate(headers) if header]
    return _mapping(named, header_rows=header_rows, encoding=encoding)


def _mapping(
    named: list[tuple[int, str, str | None]], *, header_rows: tuple[int, ...], encoding: str | None
) -> HeaderMapping:
    counts: dict[str, int] = {}
    for _index, _header, name in named:
        if name and name != IGNORED:
            counts[name] = counts.get(name, 0) + 1
    columns = [Column(index, header, name, _status(name, counts)) for index, header, name in named]
    present = {c.field for c in columns}
    covered = {covered for name in present for covered in _covers().get(name or "", ())}
    missing = [name for name in _required() if name not in present and name not in covered]
    return HeaderMapping(columns, header_rows, max(header_rows) + 1, encoding, missing)


def _status(name: str | None, counts: dict[str, int]) -> str:
    if name is None:
        return UNKNOWN
    if name == IGNORED:
        return SKIPPED
    return DUPLICATE if counts[name] > 1 else MAPPED


#
# Finding the header in a sheet
#
def find_header(rows: Sequence[Sequence[object]]) -> HeaderMapping | None:
    """The best header among the first rows of a sheet: one row, or a row and the one below it (merged cells over
    sub-columns). A row of column numbers under the header ("(1) (2) (3)…", "1 2 3…") is skipped. None when no
    row has two known headers."""
    best: HeaderMapping | None = None
    best_score = (1, 0)  # known columns, then fewer header rows: a title above the header adds nothing
    scanned = [list(row) for row in rows[:SCAN_ROWS]]
    for index, row in enumerate(scanned):
        if len({str(c).strip() for c in row if _present(c)}) < 2:
            continue  # a title line ("DANH SÁCH NGƯỜI LAO ĐỘNG"), never the top of a header
        candidates = [map_headers(row, header_rows=(index + 1,))]
        if index + 1 < len(scanned) and any(_present(c) for c in scanned[index + 1]):
            candidates.append(_two_rows(row, scanned[index + 1], index + 1))
        for mapping in candidates:
            known = len(mapping.fields) + sum(len(c) for c in mapping.duplicates.values())
            score = (known, -len(mapping.header_rows))
            if score > best_score:
                best, best_score = mapping, score
    if best is not None:
        after = best.first_data_row - 1
        if after < len(scanned) and _numbering_row(scanned[after]):
            best.first_data_row += 1
    return best


def _two_rows(top: list[object], bottom: list[object], number: int) -> HeaderMapping:
    """Each column named by its own cell below and the merged cell above it: 'Nơi thường trú / Xã, phường' is tried
    as a whole, then below alone, then above alone (a cell merged down over both rows)."""
    width = max(len(top), len(bottom))
    top_cells, encoding = fix_column(top + [None] * (width - len(top)))
    bottom_cells, encoding_below = fix_column(bottom + [None] * (width - len(bottom)))
    named = []
    carried = ""
    for index, (above, below) in enumerate(zip(top_cells, bottom_cells, strict=True)):
        above_text = " ".join(str(above).split()) if _present(above) else ""
        below_text = " ".join(str(below).split()) if _present(below) else ""
        carried = above_text or (carried if below_text else "")
        if carried or below_text:
            named.append((index, *_pick(carried, below_text)))
    return _mapping(named, header_rows=(number, number + 1), encoding=encoding or encoding_below)


def _pick(above: str, below: str) -> tuple[str, str | None]:
    """The header to show and the field it maps to."""
    if not below or not above:
        header = above or below
        return header, _match(header)
    shown = f"{above} / {below}"
    for candidate in (f"{above} {below}", below, above):
        name = _match(candidate)
        if name:
            return shown, name
    return shown, None


def _numbering_row(row: list[object]) -> bool:
    cells = [str(c).strip() for c in row if _present(c)]
    return len(cells) >= 2 and all(re.fullmatch(r"\(?\d+\)?|[A-Z]", c) for c in cells)


def _present(cell: object) -> bool:
    return cell is not None and str(cell).strip() != ""


def _letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB': the column as Excel names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
