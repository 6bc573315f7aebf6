from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q


def valid_on_q(day: dt.date, prefix: str = "") -> Q:
    """Rows in force on `day`; an empty bound is open."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )


class DatedQuerySet(models.QuerySet):
    def valid_on(self, day: dt.date) -> DatedQuerySet:
        return self.filter(valid_on_q(day))
