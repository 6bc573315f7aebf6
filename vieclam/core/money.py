"""Amounts of đồng as people write them: "7.000.000", "7000000", "7 triệu", "7tr", "7,5 triệu", "500k".

    >>> parse_amount("7,5 triệu")
    7500000
    >>> parse_amount("500 nghìn")
    500000

The number and unit rules are shared with the job-posting pay reader (vieclam.coding.pay), so an amount typed in
a form reads the same as one printed in a posting.
"""

from __future__ import annotations

import re

from vieclam.core.text import fold

__all__ = ("UNIT_MULTIPLIERS", "AmountError", "format_amount", "parse_amount", "read_number")

UNIT_MULTIPLIERS = {"trieu": 1e6, "tr": 1e6, "m": 1e6, "mil": 1e6, "million": 1e6, "k": 1e3, "nghin": 1e3}
UNIT_MULTIPLIERS |= {"ngan": 1e3, "ty": 1e9, "b": 1e9, "bil": 1e9, "billion": 1e9}
_CURRENCY = re.compile(r"\s*(?:dong|d|vnd|vnđ)\.?$")
_ONE_AMOUNT = re.compile(r"^(\d+(?:[.,]\d+)*)\s*([a-z]*)$")


class AmountError(ValueError):
    """Text that is not one amount of money."""


def read_number(digits: str) -> float:
    """'10.000.000' and '1,000' group thousands; '7,6' and '1.5' are decimals."""
    groups = re.split(r"[.,]", digits)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))
    return float(digits.replace(",", "."))


def parse_amount(text: str) -> int:
    """One amount in whole đồng; a sign, a range or words other than a unit raise AmountError."""
    folded = _CURRENCY.sub("", fold(text).replace("đ", "d")).strip()
    folded = re.sub(r"(?<=\d) (?=\d{3}\b)", "", folded)  # "7 000 000"
    match = _ONE_AMOUNT.match(folded)
    if not match or (match[2] and match[2] not in UNIT_MULTIPLIERS):
        raise AmountError(text)
    return round(read_number(match[1]) * UNIT_MULTIPLIERS.get(match[2], 1.0))


def format_amount(value: int | None) -> str:
    """7000000 → '7.000.000' (dots group thousands, as Vietnamese forms print money)."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")
