"""Counting a set of persons found by a rule (e.g. counselled individually or in a group), each person once, by the
commune they live in and one person disaggregation."""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Count, F, QuerySet

from vieclam.indicators.dims import person_dims
from vieclam.indicators.periods import Period
from vieclam.indicators.rules import Communes, Counts, dim_expression
from vieclam.people.models import Person

__all__ = ("PERSON_DIMS", "count_persons")

PERSON_DIMS = person_dims("")
CHUNK = 5000


def count_persons(ids: Collection[int] | QuerySet, *, period: Period, communes: Communes, by: str | None) -> Counts:
    """{(residence commune, group): persons} of the persons `ids` (within `communes`): a collection of ids, or a
    query of person ids (read by the database in one pass, where sending ids back costs a query per 5.000)."""
    keys = {"_c": F("residence_commune_id")}
    if by:
        keys["_g"] = dim_expression(PERSON_DIMS[by], period)
    counts: Counts = {}
    if isinstance(ids, QuerySet):
        parts = [Person.objects.filter(pk__in=ids)]
    else:
        chosen = sorted(ids)
        parts = [Person.objects.filter(pk__in=chosen[i : i + CHUNK]) for i in range(0, len(chosen), CHUNK)]
    for rows in parts:
        if communes is not None:
            rows = rows.filter(residence_commune_id__in=list(communes))
        for row in rows.annotate(**keys).values(*keys).order_by().annotate(_n=Count("pk")):
            group = ("_" if row.get("_g") in (None, "") else str(row["_g"])) if by else ""
            key = (row["_c"], group)
            counts[key] = counts.get(key, 0) + row["_n"]
    return counts
