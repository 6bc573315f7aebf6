"""Counting a set of persons found by a rule (e.g. counselled individually or in a group), each person once, by the
commune they live in and one person disaggregation."""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Count, F

from vieclam.indicators.dims import person_dims
from vieclam.indicators.periods import Period
from vieclam.indicators.rules import Communes, Counts, dim_expression
from vieclam.people.models import Person

__all__ = ("PERSON_DIMS", "count_persons")

PERSON_DIMS = person_dims("")
CHUNK = 5000


def count_persons(ids: Collection[int], *, period: Period, communes: Communes, by: str | None) -> Counts:
    """{(residence commune, group): persons} of the persons `ids` (within `communes`)."""
    keys = {"_c": F("residence_commune_id")}
    if by:
        keys["_g"] = dim_expression(PERSON_DIMS[by], period)
    counts: Counts = {}
    chosen = sorted(ids)
    for start in range(0, len(chosen), CHUNK):
        rows = Person.objects.filter(pk__in=chosen[start : start + CHUNK])
        if communes is not None:
            rows = rows.filter(residence_commune_id__in=list(communes))
        for row in rows.annotate(**keys).values(*keys).order_by().annotate(_n=Count("pk")):
            group = ("_" if row.get("_g") in (None, "") else str(row["_g"])) if by else ""
            key = (row["_c"], group)
            counts[key] = counts.get(key, 0) + row["_n"]
    return counts
