"""How targets read: 7.125 người, 2,5%, "đạt 142,1% kế hoạch"; and numbers typed the Vietnamese way (7.125)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from vieclam.indicators.formats import NO_VALUE, achievement_text, number_text

__all__ = ("achievement_text", "amount_parse", "amount_text", "value_text")

_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+")


def amount_text(value: Decimal | None) -> str:
    """7.125 or 7.125,5: grouped, decimals only when there are some."""
    if value is None:
        return NO_VALUE
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return number_text(value, places)


def value_text(value: Decimal | None, indicator) -> str:
    """The value with its unit: "7.125 người", "2,5%"."""
    if value is None:
        return NO_VALUE
    if indicator.unit == "percent":
        return f"{amount_text(value)}%"
    return f"{amount_text(value)} {indicator.get_unit_display()}"


def amount_parse(text: str) -> Decimal | str | None:
    """A number as an officer types it: 7.125 and 7 125 (grouped), 2,5 (decimal comma), 2.5; None when empty.
    Text that is not a number comes back as it was, so the service names it in its message."""
    raw = (text or "").strip().replace(" ", "").replace("\u00a0", "")
    if not raw:
        return None
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif _GROUPED.fullmatch(raw.lstrip("-")):
        raw = raw.replace(".", "")
    try:
        return Decimal(raw)
    except (InvalidOperation, ValueError):
        return text.strip()
