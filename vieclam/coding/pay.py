"""Parse the pay text of real job postings into a VND-per-month range, or 'negotiable'.

    >>> parse_pay("Lương: 12 Tr - 20 Tr VND")
    Pay(pay_min=12000000, pay_max=20000000, negotiable=False, currency_source='vnd', period='month')
    >>> parse_pay("Up to $2000", usd_rate=25_000).pay_max
    50000000

Handles what TopCV, VietnamWorks and ITviec print: ranges ('15 - 25 triệu', '8.000.000 - 10.000.000 đ',
'$1,000 - $1,500'), open ranges ('Tới 40 triệu', 'Trên 20 Tr VND', 'Từ 8 triệu', 'Up to $2000'), words
('Thoả thuận', 'Cạnh tranh', 'Negotiable'), USD, hourly and daily pay ('24 k - 25 k /giờ') and yearly pay.

Rules that are judgement calls:
1. VietnamWorks labels USD amounts 'VND' ('650 - 800 VND'): an amount below 10,000 is USD (currency_source
   'usd_inferred').
2. Hourly pay × HOURS_PER_MONTH, daily pay × DAYS_PER_MONTH (8-hour days, 26 working days a month).
3. A VND month figure of a billion or more is a yearly figure ('1.000.000.000 - 1.500.000.000 VND').
4. Piece rates ('/sp') and month figures under MIN_MONTHLY_VND cannot be read as a month's pay: no amount.
The USD rate is data (data/usd_vnd_rates.csv, dated and sourced), never a constant here.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from vieclam.core.money import UNIT_MULTIPLIERS as _MULTIPLIER
from vieclam.core.money import read_number as _number
from vieclam.core.text import fold

RATES_FILE = Path(__file__).resolve().parent / "data" / "usd_vnd_rates.csv"
DAYS_PER_MONTH = 26
HOURS_PER_MONTH = 8 * DAYS_PER_MONTH
USD_BELOW = 10_000
MIN_MONTHLY_VND = 500_000
YEARLY_FROM_VND = 1_000_000_000

_NEGOTIABLE = re.compile(r"\b(?:thoa thuan|thuong luong|canh tranh|negotiable|competitive|deal)\b")
_UNIT = r"(?:trieu|tr|m|mil|million|k|nghin|ngan|ty|b|bil|billion)"
_AMOUNT = re.compile(rf"(\$)?\s*(?<![a-z\d.,])(\d+(?:[.,]\d+)*)\s*({_UNIT}\b)?\s*(\$)?")
_UP_TO = re.compile(r"\b(?:toi|den|len den|len toi|up ?to|toi da|max|maximum|duoi)\b[^\d$]*$")
_FROM = re.compile(r"(?:\b(?:tu|tren|hon|from|tu khoang|toi thieu|min|minimum|it nhat)\b|>|\+)[^\d$]*$")
_PERIODS = [
    ("hour", re.compile(r"/\s*(?:gio|h|hour|hr)\b|\b(?:per hour|moi gio|theo gio)\b")),
    ("day", re.compile(r"/\s*(?:ngay|day|ca)\b|\b(?:per day|moi ngay|theo ngay)\b")),
    ("year", re.compile(r"/\s*(?:nam|year|yr)\b|\b(?:per year|per annum|moi nam|mot nam|annual)\b")),
    ("piece", re.compile(r"/\s*(?:sp|san pham|piece|cai)\b")),
]
_PER_MONTH = {"month": 1, "hour": HOURS_PER_MONTH, "day": DAYS_PER_MONTH, "year": 1 / 12}


@dataclass(frozen=True)
class Pay:
    """Pay in VND per month; None where the text gives no bound. currency_source: 'vnd', 'usd',
    'usd_inferred' (a 'VND' amount too small to be VND) or '' when no amount was read."""

    pay_min: int | None = None
    pay_max: int | None = None
    negotiable: bool = False
    currency_source: str = ""
    period: str = "month"


@cache
def _rates() -> list[tuple[dt.date, float]]:
    with RATES_FILE.open(encoding="utf-8") as handle:
        rows = [(dt.date.fromisoformat(r["date"]), float(r["vnd_per_usd"])) for r in csv.DictReader(handle)]
    return sorted(rows)


def usd_vnd_rate(on: dt.date | None = None) -> float:
    """VND per USD from data/usd_vnd_rates.csv: the latest rate dated on or before `on` (default: the latest)."""
    rates = _rates()
    usable = [rate for day, rate in rates if on is None or day <= on] or [rates[0][1]]
    return usable[-1]


def _amounts(text: str) -> tuple[list[float], bool]:
    """The amounts in `text` with their units applied, and whether a '$' was seen."""
    found = [m for m in _AMOUNT.finditer(text) if m.group(2)]
    values, units, dollar = [], [], False
    for match in found:
        values.append(_number(match.group(2)))
        units.append(match.group(3))
        dollar = dollar or bool(match.group(1) or match.group(4))
    last_unit = next((u for u in reversed(units) if u), None)
    # '15 - 25 triệu': a unit written once applies to the whole range
    return [v * _MULTIPLIER.get(u or last_unit or "", 1.0) for v, u in zip(values, units, strict=True)], dollar


def parse_pay(text: str | None, *, usd_rate: float | None = None) -> Pay:
    """Read a posting's pay text; see the module docstring for the rules."""
    folded = fold(text).replace("đ", "d")
    negotiable = bool(_NEGOTIABLE.search(folded))
    period = next((name for name, pattern in _PERIODS if pattern.search(folded)), "month")
    folded = folded.replace("upto", "up to")
    values, dollar = _amounts(folded)
    if not values or period == "piece":
        return Pay(negotiable=negotiable, period=period)
    currency = "usd" if dollar or re.search(r"\b(?:usd|us dollars?)\b", folded) else "vnd"
    if currency == "vnd" and max(values) < USD_BELOW:
        currency = "usd_inferred"
    rate = usd_rate if usd_rate is not None else usd_vnd_rate()
    factor = _PER_MONTH[period] * (rate if currency != "vnd" else 1.0)
    if currency == "vnd" and period == "month" and min(values) >= YEARLY_FROM_VND:
        factor, period = 1 / 12, "year"
    low, high = _bounds(folded, values)
    low, high = (None if v is None else int(round(v * factor, -3)) for v in (low, high))
    if max(v for v in (low, high) if v is not None) < MIN_MONTHLY_VND:
        return Pay(negotiable=negotiable, period=period)
    return Pay(low, high, negotiable, currency, period)


def _bounds(folded: str, values: list[float]) -> tuple[float | None, float | None]:
    """(min, max): a range gives both; one amount is a floor after 'từ/trên', a ceiling after 'tới/up to'."""
    if len(values) >= 2:
        return min(values[:2]), max(values[:2])
    first = _AMOUNT.search(folded)
    before = folded[: first.start()] if first else ""
    if _UP_TO.search(before):
        return None, values[0]
    if _FROM.search(before):
        return values[0], None
    return values[0], values[0]
