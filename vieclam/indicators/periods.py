"""Reporting periods: a month, quarter, six months, year, several years or any range of days.

Text forms (API `period=`, URLs): "2023", "2023-H1", "2023-Q2", "2023-05", "2021..2025" (years),
"2023-01-01..2023-03-31" and "01/01/2023-31/03/2023" (days).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

BAD_PERIOD = gettext_lazy(
    "Kỳ báo cáo không hợp lệ: “{text}”. Viết năm (2023), sáu tháng (2023-H1), quý (2023-Q2), tháng (2023-05) "
    "hoặc khoảng ngày (01/01/2023-31/03/2023)."
)
ENDS_BEFORE_START = gettext_lazy("Kỳ báo cáo kết thúc ({end}) trước khi bắt đầu ({start}).")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    kind: str = "range"  # year | half | quarter | month | years | range

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(ENDS_BEFORE_START.format(start=_d(self.start), end=_d(self.end)), code="order")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        return cls(dt.date(year, 1 + 6 * (half - 1), 1), _month_end(year, 6 * half), "half")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        return cls(dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter), "quarter")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(dt.date(year, month, 1), _month_end(year, month), "month")

    @classmethod
    def years(cls, first: int, last: int) -> Period:
        return cls(dt.date(first, 1, 1), dt.date(last, 12, 31), "years")

    @property
    def code(self) -> str:
        """The text form, parseable by period_parse."""
        y = self.start.year
        if self.kind == "year":
            return str(y)
        if self.kind == "half":
            return f"{y}-H{1 if self.start.month == 1 else 2}"
        if self.kind == "quarter":
            return f"{y}-Q{(self.start.month + 2) // 3}"
        if self.kind == "month":
            return f"{y}-{self.start.month:02d}"
        if self.kind == "years":
            return f"{y}..{self.end.year}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        y = self.start.year
        if self.kind == "year":
            return _("Năm %(y)s") % {"y": y}
        if self.kind == "half":
            return (_("6 tháng đầu năm %(y)s") if self.start.month == 1 else _("6 tháng cuối năm %(y)s")) % {"y": y}
        if self.kind == "quarter":
            return _("Quý %(q)s năm %(y)s") % {"q": (self.start.month + 2) // 3, "y": y}
        if self.kind == "month":
            return _("Tháng %(m)s/%(y)s") % {"m": f"{self.start.month:02d}", "y": y}
        if self.kind == "years":
            return _("Giai đoạn %(a)s–%(b)s") % {"a": y, "b": self.end.year}
        return _("Từ %(a)s đến %(b)s") % {"a": _d(self.start), "b": _d(self.end)}

    def same_period_last_year(self) -> Period:
        """ "Cùng kỳ": the same days one year earlier (29/02 → 28/02)."""
        return Period(_year_back(self.start), _year_back(self.end, end=True), self.kind)

    def year_to_date(self) -> Period:
        return Period(dt.date(self.end.year, 1, 1), self.end, "range")

    def months(self) -> list[Period]:
        out, day = [], self.start.replace(day=1)
        while day <= self.end:
            out.append(Period.month(day.year, day.month))
            day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return out

    def day_before(self) -> dt.date:
        return self.start - dt.timedelta(days=1)


def period_parse(text: str) -> Period:
    """A Period from its text form; a ValidationError with a Vietnamese message otherwise."""
    raw = (text or "").strip()
    try:
        return _parse(raw)
    except (ValueError, IndexError):
        raise ValidationError(BAD_PERIOD.format(text=raw), code="invalid") from None


def _parse(raw: str) -> Period:
    if m := re.fullmatch(r"(\d{4})", raw):
        return Period.year(int(m[1]))
    if m := re.fullmatch(r"(\d{4})-[Hh]([12])", raw):
        return Period.half(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", raw):
        return Period.quarter(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", raw):
        return Period.month(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})\.\.(\d{4})", raw):
        return Period.years(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", raw):
        return Period(dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2]))
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})\s*[-–]\s*(\d{1,2})/(\d{1,2})/(\d{4})", raw):
        a = dt.date(int(m[3]), int(m[2]), int(m[1]))
        return Period(a, dt.date(int(m[6]), int(m[5]), int(m[4])))
    raise ValueError(raw)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_back(day: dt.date, *, end: bool = False) -> dt.date:
    if day.month == 2 and day.day == 29:
        return dt.date(day.year - 1, 2, 28)
    back = day.replace(year=day.year - 1)
    if end and day.month == 2 and day.day == 28 and calendar.isleap(back.year):
        return back.replace(day=29)
    return back


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")
