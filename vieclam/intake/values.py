"""Cells of a worker-registry sheet to field values; bad input raises CellError with a Vietnamese message.

    >>> parse_date("05/03/1990").day, parse_date(32937).day, parse_date("1990-03-05").day
    (datetime.date(1990, 3, 5), datetime.date(1990, 3, 5), datetime.date(1990, 3, 5))
    >>> parse_sex("NỮ"), parse_sex(1)
    ('female', 'male')

Coded fields (trình độ, tình trạng hoạt động kinh tế…) take an item's code or its label, against the same TT 11/2022
code lists the people services validate with (people.validation.CODED_FIELDS, check_coded): `CodedFields`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vieclam.codelists.models import CodeItem, CodeList, EthnicGroup, Occupation
from vieclam.core.text import fold
from vieclam.people import cccd
from vieclam.people.choices import ChangeKind, Relationship, Sex
from vieclam.people.validation import CODED_FIELDS

__all__ = ("CellError", "CodedFields", "NationalId", "ParsedDate", "parse_date", "parse_national_id", "parse_sex")

DAY, YEAR = "day", "year"
# Excel's 1900 date system: serial 1 is 1900-01-01, and 60 is 29/02/1900, a day that never was (Lotus 1-2-3 took
# 1900 for a leap year and Excel kept it), so serials from 61 on count from 30/12/1899.
EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_LEAP_BUG = 60
EXCEL_MAX = 2_958_465  # 31/12/9999
YEARS = range(1900, 2101)  # a whole number in this range is a year typed alone, not a serial (1990 = 12/06/1905)

_DAY_FIRST = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{4})")


class CellError(ValueError):
    """A cell that cannot be read; str(error) is the message for the officer."""


@dataclass(frozen=True)
class ParsedDate:
    day: dt.date
    precision: str = DAY  # "year": only the year was given; `day` is 1 January of it


#
# Dates
#
def parse_date(value: object, *, year_only: bool = False) -> ParsedDate:
    """A date from a cell: a spreadsheet date, an Excel serial number, dd/mm/yyyy (or d/m/yyyy, with - or .),
    yyyy-mm-dd; a year alone only when `year_only` (flagged as such), else an error asking for the full date."""
    if isinstance(value, dt.datetime):
        return ParsedDate(value.date())
    if isinstance(value, dt.date):
        return ParsedDate(value)
    if isinstance(value, bool) or value is None:
        raise CellError(_("Ô ngày tháng đang trống."))
    if isinstance(value, int | float | Decimal):
        return _from_number(value, year_only=year_only)
    text = " ".join(str(value).split())
    if not text:
        raise CellError(_("Ô ngày tháng đang trống."))
    if text.isdigit() and len(text) == 4:
        return _year(int(text), year_only=year_only)
    if text.isdigit() and len(text) == 5:
        return _from_number(int(text), year_only=year_only)  # a date cell saved to CSV as its serial ("32937")
    return _from_text(text)


def _from_number(value: int | float | Decimal, *, year_only: bool) -> ParsedDate:
    if value == int(value) and int(value) in YEARS:
        return _year(int(value), year_only=year_only)
    serial = int(value)  # a fraction is the time of day
    if serial == EXCEL_LEAP_BUG:
        raise CellError(_("Số ngày Excel 60 là ngày 29/02/1900, một ngày không có thật: nhập lại ngày đúng."))
    if not 1 <= serial <= EXCEL_MAX:
        raise CellError(_("Số {value} không phải một ngày: nhập theo dạng dd/mm/yyyy.").format(value=value))
    offset = serial if serial > EXCEL_LEAP_BUG else serial + 1
    return ParsedDate(EXCEL_EPOCH + dt.timedelta(days=offset))


def _year(year: int, *, year_only: bool) -> ParsedDate:
    if year not in YEARS:
        raise CellError(_("Năm {year} không hợp lệ.").format(year=year))
    if not year_only:
        raise CellError(
            _("Chỉ có năm {year}, thiếu ngày và tháng: ghi đủ ngày/tháng/năm (dd/mm/yyyy).").format(year=year)
        )
    return ParsedDate(dt.date(year, 1, 1), YEAR)


def _from_text(text: str) -> ParsedDate:
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return ParsedDate(_day(day, month, year, text))
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) != 4:
            raise CellError(
                _("Năm “{year}” trong “{text}” phải đủ 4 chữ số (ví dụ 05/03/1990).").format(
                    year=match.group(3), text=text
                )
            )
        return ParsedDate(_day(day, month, year, text))
    if _MONTH_YEAR.fullmatch(text):
        raise CellError(_("“{text}” chỉ có tháng và năm: ghi đủ ngày/tháng/năm (dd/mm/yyyy).").format(text=text))
    raise CellError(_("“{text}” không phải ngày tháng: ghi theo dạng dd/mm/yyyy, ví dụ 05/03/1990.").format(text=text))


def _day(day: int, month: int, year: int, text: str) -> dt.date:
    if month > 12 and day <= 12:
        raise CellError(
            _("“{text}”: tháng {month} không có; ngày tháng ghi theo thứ tự ngày/tháng/năm (dd/mm/yyyy).").format(
                text=text, month=month
            )
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(_("Ngày “{text}” không có thật trong lịch.").format(text=text)) from None


#
# Sex
#
_SEXES = {
    **dict.fromkeys(["nam", "trai", "male", "m", "1"], Sex.MALE.value),
    **dict.fromkeys(["nu", "gai", "female", "f", "0", "2"], Sex.FEMALE.value),
}


def parse_sex(value: object) -> str:
    """'Nam', 'nữ', 'NU', 1, 0, 2, 'male', 'female' -> 'male' / 'female' (Sex). 1 is Nam; 0 or 2 is Nữ: the
    registries code it either way (1/0, or 1/2 as the statistics office does)."""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    key = fold(str(value if value is not None else ""))
    if key in _SEXES:
        return _SEXES[key]
    if not key:
        raise CellError(_("Ô giới tính đang trống: ghi Nam hoặc Nữ."))
    raise CellError(
        _("Giới tính “{value}” không đọc được: ghi Nam hoặc Nữ (hoặc 1 = Nam, 0 = Nữ).").format(value=value)
    )


#
# CCCD / CMND
#
@dataclass(frozen=True)
class NationalId:
    number: str
    kind: str  # people.cccd.CCCD or CMND
    restored: bool = False  # leading zeros Excel had dropped were put back


_SCIENTIFIC = re.compile(r"\d(?:[.,]\d+)?[eE]\+?\d+")


def parse_national_id(value: object) -> NationalId:
    """A 12-digit CCCD (or a 9-digit CMND) as text with its leading zeros. A number Excel stored without them
    (CCCD 001090000123 kept as 1090000123) is restored when only one CCCD fits: every birth-province code starts
    with 0, so 10 or 11 digits lack two zeros or one; the result must still name a province. Anything else is
    an error, never a guess."""
    text, was_number = _id_text(value)
    if not text.isdigit():
        raise CellError(_("Số CCCD/CMND “{value}” chỉ được gồm chữ số.").format(value=value))
    restored = False
    if was_number and len(text) in (10, 11):
        text, restored = text.zfill(12), True
    try:
        decoded = cccd.decode(text)
    except ValueError as exc:
        if restored:
            raise CellError(_LOST_ZEROS.format(value=value)) from None
        hint = f" {_TEXT_COLUMN}" if was_number and len(text) < 12 else ""
        raise CellError(f"{exc}{hint}") from None
    return NationalId(text, decoded.kind, restored)


_LOST_ZEROS = gettext_lazy(
    "Số CCCD {value} đã mất các số 0 ở đầu (Excel lưu thành số) và không khôi phục được chắc chắn: định dạng cột "
    "là Văn bản (Text) rồi nhập lại đủ 12 chữ số."
)
_TEXT_COLUMN = gettext_lazy("Nếu số bắt đầu bằng 0, Excel đã bỏ số 0: định dạng cột là Văn bản (Text) rồi nhập lại.")


def _id_text(value: object) -> tuple[str, bool]:
    """The digits of the cell, and whether the spreadsheet held a number (whose leading zeros are gone)."""
    if isinstance(value, bool) or value is None:
        raise CellError(_("Ô số CCCD/CMND đang trống."))
    if isinstance(value, float):
        if value != int(value):
            raise CellError(_("Số CCCD/CMND “{value}” không phải số nguyên.").format(value=value))
        return str(int(value)), True
    if isinstance(value, int | Decimal):
        return str(int(value)), True
    text = str(value).strip()
    if _SCIENTIFIC.fullmatch(text):
        raise CellError(
            _(
                "Số CCCD/CMND “{value}” đã bị Excel rút gọn thành dạng số mũ và mất chữ số: định dạng cột là "
                "Văn bản (Text) rồi nhập lại đủ 12 chữ số."
            ).format(value=value)
        )
    return re.sub(r"[\s.\-]", "", text), False


#
# Coded fields: a code or a label
#
class CodedFields:
    """Code or label -> stored value for the person's coded fields, read from the code lists once per import:
    the TT 11/2022 lists of people.validation.CODED_FIELDS (and priority groups), the ethnic groups, and the
    relationship and change-kind choices. A label is matched without regard to case and diacritics; the form's
    own wording noted on an item ('Chưa học xong Tiểu học') counts as a label too.

        >>> CodedFields().parse("technical_level", "Trung cấp")
        'trung_cap'
    """

    MULTIPLE = frozenset({"priority_groups"})

    def __init__(self, *, on: dt.date | None = None):
        self.on = on or timezone.localdate()
        self._tables: dict[str, _Table] = {}

    def fields(self) -> list[str]:
        return [*CODED_FIELDS, "priority_groups", "ethnicity", "occupation", "relationship", "change_kind"]

    def parse(self, field: str, value: object) -> str | list[str]:
        """The code for `value` (a list for priority groups, which take several separated by ',' or ';')."""
        if field in self.MULTIPLE:
            parts = [p for p in re.split(r"[;,\n]", str(value or "")) if p.strip()]
            return [self._one(field, part) for part in parts]
        return self._one(field, value)

    def _one(self, field: str, value: object) -> str:
        text = " ".join(str(value if value is not None else "").split())
        if not text:
            raise CellError(_("Ô đang trống."))
        table = self._table(field)
        key = fold(text)
        if key in table.keys:
            return table.keys[key]
        if key in table.ambiguous:
            raise CellError(
                _("“{value}” khớp nhiều mục của {name}: ghi mã của mục.").format(value=text, name=table.name)
            )
        raise CellError(
            _("“{value}” không có trong danh mục {name}: ghi mã hoặc tên của một mục, ví dụ {examples}.").format(
                value=text, name=table.name, examples="; ".join(table.examples[:4])
            )
        )

    def _table(self, field: str) -> _Table:
        if field not in self._tables:
            self._tables[field] = _load(field, self.on)
        return self._tables[field]


@dataclass
class _Table:
    name: str
    keys: dict[str, str]
    ambiguous: set[str]
    examples: list[str]

    def add(self, label: str, code: str) -> None:
        key = fold(label)
        if not key:
            return
        if key in self.keys and self.keys[key] != code:
            del self.keys[key]
            self.ambiguous.add(key)
        elif key not in self.ambiguous:
            self.keys[key] = code


_NOTED_WORDING = re.compile(r"'([^']+)'")


def _load(field: str, on: dt.date) -> _Table:
    if field in CODED_FIELDS or field == "priority_groups":
        return _code_list(CODED_FIELDS.get(field, "priority-groups"), on)
    if field == "ethnicity":
        return _ethnic_groups()
    if field == "occupation":
        return _occupations()
    choices = {"relationship": Relationship, "change_kind": ChangeKind}.get(field)
    if choices is None:
        raise KeyError(field)
    table = _Table(str(choices.__name__), {}, set(), [])
    table.name = {"relationship": _("quan hệ với chủ hộ"), "change_kind": _("loại biến động")}[field]
    for code, label in choices.choices:
        table.add(code, code)
        table.add(str(label), code)
        table.examples.append(str(label))
    return table


def _code_list(slug: str, on: dt.date) -> _Table:
    code_list = CodeList.objects.filter(slug=slug).first()
    table = _Table(code_list.name_vi if code_list else slug, {}, set(), [])
    items = CodeItem.objects.valid_on(on).filter(code_list__slug=slug).order_by("order")
    for item in items:
        table.add(item.code, item.code)
    for item in items:
        table.add(item.name_vi, item.code)
        table.add(item.name_en, item.code)
        # What communes write for the long labels: "Thất nghiệp" for "Người thất nghiệp", "Đi học" for
        # "Không tham gia hoạt động kinh tế: đi học".
        table.add(item.name_vi.removeprefix("Người "), item.code)
        if ":" in item.name_vi:
            table.add(item.name_vi.split(":", 1)[1], item.code)
        for wording in _NOTED_WORDING.findall(item.note):
            table.add(wording, item.code)
        table.examples.append(f"{item.code} = {item.name_vi}")
    return table


def _ethnic_groups() -> _Table:
    table = _Table(_("dân tộc"), {}, set(), [])
    groups = list(EthnicGroup.objects.order_by("code"))
    for group in groups:
        table.add(group.code, group.code)
        if group.code.startswith("0"):
            table.add(group.code.lstrip("0"), group.code)  # "1" for 01 Kinh: Excel drops the zero of a number
    for group in groups:
        table.add(group.name_vi, group.code)
        table.add(group.name_en, group.code)
        for other in group.other_names.split(","):
            table.add(other, group.code)
        table.examples.append(f"{group.code} = {group.name_vi}")
    return table


def _occupations() -> _Table:
    """VSCO 2020 by code ('2411'; a number cell is read as its digits, so only the armed forces' codes under 0
    need the column as text) or by its exact name; the people services take any level."""
    table = _Table(_("nghề nghiệp (VSCO 2020)"), {}, set(), [])
    rows = list(Occupation.objects.order_by("code").values_list("code", "name_vi"))
    for code, _name in rows:
        table.add(code, code)
    for code, name in rows:
        table.add(name, code)
    table.examples = [f"{code} = {name}" for code, name in rows if len(code) == 4][:4]
    return table
