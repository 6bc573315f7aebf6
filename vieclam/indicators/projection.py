"""A year-end projection of a count that accrues over the year (issue 12, item 3): "Dự báo cả năm: khoảng
6.900–7.300".

From the year to date and the previous years' seasonality (up to 3 years): each previous year had reached a share
of its whole year's total by the same day (share = Jan 1 → same day / whole year). The middle projection is the year
to date divided by the average share; the range divides by the largest and the smallest share (a year that had
reached more by this day projects less). A previous year with no total, or nothing by that day, tells nothing and
is left out. Without any such year the projection is the linear run rate (year to date × days in the year / days
gone), with no range.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from vieclam.indicators.formats import number_text
from vieclam.indicators.periods import Period

__all__ = ("HISTORY_YEARS", "Projection", "year_end_projection")

HISTORY_YEARS = 3


@dataclass(frozen=True)
class Projection:
    low: Decimal | None
    mid: Decimal
    high: Decimal | None

    @property
    def text(self) -> str:
        """ "Dự báo cả năm: khoảng 6.900–7.300" (rounded to the hundreds a forecast can claim), or one figure."""
        if self.low is None or self.high is None:
            return _("Dự báo cả năm: khoảng %(mid)s (theo tốc độ từ đầu năm)") % {"mid": _rough(self.mid)}
        if _rough(self.low) == _rough(self.high):
            return _("Dự báo cả năm: khoảng %(mid)s") % {"mid": _rough(self.mid)}
        return _("Dự báo cả năm: khoảng %(low)s–%(high)s") % {"low": _rough(self.low), "high": _rough(self.high)}


def _rough(value: Decimal) -> str:
    """Two significant digits from 1.000 up (7.125 → 7.100), whole numbers below."""
    if abs(value) >= 1000:
        step = Decimal(10) ** (len(str(int(abs(value)))) - 2)
        value = (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return number_text(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _same_day(on: dt.date, year: int) -> dt.date:
    try:
        return on.replace(year=year)
    except ValueError:  # 29/02 in a year without it
        return on.replace(year=year, day=28)


def _whole(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def year_end_projection(
    *, calc, indicator, communes, on: dt.date
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(low, mid, high) of the year's total as projected on `on` (see the module docstring); (None, None, None)
    when the year to date has no value."""
    so_far = calc.figure(indicator, Period(dt.date(on.year, 1, 1), on), communes).value
    if so_far is None:
        return None, None, None
    shares = []
    for year in range(on.year - 1, on.year - 1 - HISTORY_YEARS, -1):
        total = calc.figure(indicator, Period.year(year), communes).value
        reached = calc.figure(indicator, Period(dt.date(year, 1, 1), _same_day(on, year)), communes).value
        if total and total > 0 and reached and reached > 0:
            shares.append(Decimal(reached) / Decimal(total))
    decimals = indicator.decimals if indicator.is_ratio else 0
    if not shares:
        days = 366 if calendar.isleap(on.year) else 365
        return None, _whole(Decimal(so_far) * days / on.timetuple().tm_yday, decimals), None
    mid = Decimal(so_far) * len(shares) / sum(shares)
    low, high = Decimal(so_far) / max(shares), Decimal(so_far) / min(shares)
    return _whole(low, decimals), _whole(mid, decimals), _whole(high, decimals)
