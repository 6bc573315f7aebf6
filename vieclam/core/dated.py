"""Validity windows of dated rows (code lists, administrative units, poverty standards): one rule everywhere.

A row is in force on a day when its window holds the day; an empty bound is open. Both ends are inclusive,
as legal texts state them ("có hiệu lực từ ngày …", "hết hiệu lực từ ngày …" is stored as the day before).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q


def in_window(day: dt.date, valid_from: dt.date | None, valid_to: dt.date | None) -> bool:
    return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)


def valid_on_q(day: dt.date, prefix: str = "") -> Q:
    """The same rule as a query: rows in force on `day`."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )
