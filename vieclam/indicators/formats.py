"""How figures read: 7.125 người, 5,67%, "—" for no value (Vietnamese) or 7,125 / 5.67% (English)."""

from __future__ import annotations

from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

NO_VALUE = "—"


def number_text(value: Decimal | int | None, decimals: int = 0) -> str:
    if value is None:
        return NO_VALUE
    return formats.number_format(Decimal(value), decimal_pos=decimals, use_l10n=True, force_grouping=True)


def figure_text(value: Decimal | int | None, indicator) -> str:
    if value is None:
        return NO_VALUE
    text = number_text(value, indicator.decimals if indicator.unit == "percent" else 0)
    return f"{text}%" if indicator.unit == "percent" else text


def percent_text(value: Decimal | None, decimals: int = 1) -> str:
    return NO_VALUE if value is None else f"{number_text(value, decimals)}%"


def achievement_text(value: Decimal | None) -> str:
    """ "đạt 142,1% kế hoạch"."""
    if value is None:
        return _("chưa có kế hoạch")
    return _("đạt %(pct)s kế hoạch") % {"pct": percent_text(value)}
